"""Fixtures shared by several test files (the repository's conftest.py, one folder up, runs the notebooks)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers import data

REAL_DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture
def data_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Return a copy of data/ in a temporary folder that the loaders now read instead."""
    copy = tmp_path / "data"
    shutil.copytree(REAL_DATA, copy)
    monkeypatch.setattr(data, "DATA_DIR", copy)
    return copy


@pytest.fixture
def no_strict_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    """Start outside strict mode (tests/test_checking*.py use it for every test); strict-mode tests set it."""
    monkeypatch.delenv("WUZHEN_STRICT", raising=False)


@pytest.fixture
def plain_python(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make sure the code sees no running IPython, so output goes to print()."""
    import IPython

    monkeypatch.setattr(IPython, "get_ipython", lambda: None)
