"""Test-suite set-up shared by every test file and by the notebook runs (nbval).

- Solution notebooks run in strict mode (WUZHEN_STRICT=1): a check that is not correct raises,
  so a broken worked solution fails the suite. Their stored outputs are compared.
- Student notebooks run with WUZHEN_STRICT=not-attempted: every check must report
  "not attempted" for the untouched placeholders. Their outputs are cleared, so only the
  execution is checked, not the (absent) stored outputs.
- Notebook kernels inherit PYTHONWARNINGS, so a FutureWarning from notebook code is an error.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent
SOLUTIONS = ROOT / "notebooks" / "solutions"
STUDENT = ROOT / "notebooks"

# Kernels started by nbval inherit this. IPython shows DeprecationWarnings raised by notebook
# code itself; an unexpected warning text then fails the stored-output comparison.
os.environ["PYTHONWARNINGS"] = "error::FutureWarning:__main__"

settings.register_profile("suite", deadline=None, print_blob=True)
settings.load_profile("suite")


def notebook_kind(path: Path) -> str | None:
    """Return "solution", "student" or None for a path that is not one of our notebooks."""
    path = Path(path).resolve()
    if path.suffix != ".ipynb":
        return None
    if path.parent == SOLUTIONS:
        return "solution"
    if path.parent == STUDENT:
        return "student"
    return None


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Compare stored outputs only for the solution notebooks (student outputs are cleared)."""
    for item in items:
        if notebook_kind(item.path) == "student" and hasattr(item, "options"):
            item.options["check"] = False


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """Set the exercises' strict mode before nbval starts a notebook's kernel."""
    kind = notebook_kind(item.path)
    if kind == "solution":
        os.environ["WUZHEN_STRICT"] = "1"
    elif kind == "student":
        os.environ["WUZHEN_STRICT"] = "not-attempted"
    else:
        os.environ.pop("WUZHEN_STRICT", None)
