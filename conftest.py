"""Test-suite set-up shared by every test file and by the notebook runs (nbval).

It sits at the repository root so that it applies however pytest is called: the whole suite,
one test file, or one notebook (`pytest notebooks/solutions/02-the-figures.ipynb`).

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

ROOT = Path(__file__).resolve().parent
SOLUTIONS = ROOT / "notebooks" / "solutions"
STUDENT = ROOT / "notebooks"

# Kernels started by nbval inherit this. IPython shows DeprecationWarnings raised by notebook
# code itself; an unexpected warning text then fails the stored-output comparison.
os.environ["PYTHONWARNINGS"] = "error::FutureWarning:__main__"

# Property tests: enough examples to find the usual edge cases, few enough for a quick suite.
settings.register_profile("suite", deadline=None, print_blob=True, max_examples=50)
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


class RerunFromRepositoryRoot(pytest.Item):
    """Run every cell of a notebook again, in the kernel nbval used for it, from the repository root.

    Students re-run cells and start Jupyter in any folder: neither may break a notebook. Added
    after the last cell of each solution notebook, so it reuses that notebook's kernel and state.
    """

    def runtest(self) -> None:
        client = self.parent.kernel.kc
        errors: list[str] = []

        def keep_errors(message: dict) -> None:
            if message["msg_type"] == "error":
                errors.append(f"{message['content']['ename']}: {message['content']['evalue']}")

        cells = [nb_cell.source for nb_cell in self.parent.nb.cells if nb_cell.cell_type == "code"]
        for index, source in enumerate([f"import os\nos.chdir({str(ROOT)!r})", *cells]):
            reply = client.execute_interactive(source, store_history=False, allow_stdin=False,
                                               timeout=60, output_hook=keep_errors)
            if errors or reply["content"]["status"] != "ok":
                pytest.fail(f"code cell {index - 1} failed when run again: {errors}", pytrace=False)

    def reportinfo(self):
        return self.path, None, f"{self.path.name}: every cell run again, from the repository root"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Compare stored outputs only for the solution notebooks (student outputs are cleared),
    and re-run each solution notebook once more from the repository root."""
    last_cell: dict = {}
    for index, item in enumerate(items):
        kind = notebook_kind(item.path)
        if kind == "student" and hasattr(item, "options"):
            item.options["check"] = False
        if kind == "solution" and hasattr(item, "options"):
            last_cell[item.parent] = index
    for parent, index in sorted(last_cell.items(), key=lambda pair: -pair[1]):
        items.insert(index + 1, RerunFromRepositoryRoot.from_parent(parent, name="rerun all cells"))
    # Longest files first (the JupyterLab tests, then the notebooks), so that no worker is left
    # idle while another finishes a long file: with --no-loadscope-reorder, pytest-xdist hands
    # out files in this order.
    items.sort(key=lambda item: (item.path.name != "test_jupyterlab.py", notebook_kind(item.path) is None))


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
