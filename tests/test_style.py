"""Code hygiene: ruff, with the project's rules (pyproject.toml), finds nothing in our code.

It reads helpers/, tests/, tools/, conftest.py and the code cells of every notebook. A failure
lists each finding with its file and line; `.venv/bin/ruff check --fix` mends the simple ones.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHECKED = ["helpers", "tests", "tools", "conftest.py", "notebooks"]


def ruff(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    try:
        import ruff as _  # noqa: F401  (installed from requirements-dev.txt)
    except ImportError:
        pytest.fail("ruff is not installed: pip install -r requirements-dev.txt", pytrace=False)
    return subprocess.run([sys.executable, "-m", "ruff", *args], cwd=cwd, capture_output=True, text=True,
                          encoding="utf-8", check=False)


def test_ruff_finds_nothing_in_the_code_or_the_notebooks():
    result = ruff("check", "--output-format", "concise", *CHECKED)
    assert result.returncode == 0, f"ruff found:\n{result.stdout}{result.stderr}"


def test_ruff_reads_the_project_rules_and_the_notebooks(tmp_path):
    # The same configuration on a file with a sorted-imports slip and an unused name, and a notebook.
    (tmp_path / "pyproject.toml").write_text((ROOT / "pyproject.toml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "bad.py").write_text("import sys\nimport os\n", encoding="utf-8")
    (tmp_path / "bad.ipynb").write_text(
        '{"cells": [{"cell_type": "code", "execution_count": null, "id": "a", "metadata": {}, "outputs": [],'
        ' "source": ["import json\\n"]}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}', encoding="utf-8")
    result = ruff("check", "--output-format", "concise", ".", cwd=tmp_path)
    assert "bad.py:1:1: I001" in result.stdout and "F401" in result.stdout
    assert "bad.ipynb" in result.stdout
