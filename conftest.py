"""Test-suite set-up shared by every test file and by the notebook runs (nbval).

It sits at the repository root so that it applies however pytest is called: the whole suite,
one test file, or one notebook (`pytest notebooks/solutions/02-the-figures.ipynb`).

- Solution notebooks run in strict mode (WUZHEN_STRICT=1): a check that is not correct raises,
  so a broken worked solution fails the suite. Their stored outputs are compared.
- Each solution notebook's kernel then runs every cell again from the repository root, and then
  the student version (after a reset) with WUZHEN_STRICT=not-attempted: every check must report
  "not attempted" for the untouched placeholders. Student outputs are cleared, so only the
  execution is checked. Named on the command line (`pytest notebooks/02-the-figures.ipynb`),
  a student notebook runs under nbval in a fresh kernel of its own.
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


class RunInTheSameKernel(pytest.Item):
    """Run a list of code cells in the kernel nbval used for a solution notebook, after its last cell.

    nbval has just run the solution notebook in a fresh kernel; these items reuse that kernel
    (and its imports) instead of starting another one. Any error, and any text on stderr (the red
    output a student would see), fails the item with the cell's number. Cells marked for nbval as
    skipped are skipped, and cells marked as raising may raise, as under nbval.
    """

    def __init__(self, *, cells: list, prepare: list[str], description: str, rerun_hint: str = "",
                 **kwargs) -> None:
        super().__init__(**kwargs)
        self.cells, self.prepare, self.description = cells, prepare, description
        self.rerun_hint = rerun_hint

    def runtest(self) -> None:
        kernel = self.parent.kernel
        if kernel is None or not kernel.is_alive():
            pytest.fail(f"{self.path.name}: the notebook's kernel is not running (an earlier cell "
                        "stopped it); fix that first", pytrace=False)
        timeout = self.config.option.nbval_cell_timeout or 60
        problems: list[str] = []

        def keep_problems(message: dict) -> None:
            content = message["content"]
            if message["msg_type"] == "error":
                problems.append(f"{content['ename']}: {content['evalue']}")
            elif message["msg_type"] == "stream" and content["name"] == "stderr":
                problems.append(f"stderr: {content['text'].strip()}")

        steps = [(source, False) for source in self.prepare]
        steps += [(cell.source, nbval_marked(cell, "raises-exception")) for cell in self.cells
                  if not nbval_marked(cell, "nbval-skip")]
        for index, (source, may_raise) in enumerate(steps, start=-len(self.prepare)):
            reply = kernel.kc.execute_interactive(source, store_history=False, allow_stdin=False,
                                                  timeout=timeout, output_hook=keep_problems)
            if may_raise:
                problems.clear()
            elif problems or reply["content"]["status"] != "ok":
                where = f"code cell {index}" if index >= 0 else "preparing the kernel"
                pytest.fail(f"{self.path.name}, {self.description}: {where} failed: {problems}"
                            f"{self.rerun_hint}", pytrace=False)

    def reportinfo(self):
        return self.path, None, f"{self.path.name}: {self.description}"


def nbval_marked(cell, tag: str) -> bool:
    """Return True if a cell carries nbval's `tag` (e.g. "nbval-skip"), as a tag or as a comment
    marker (# NBVAL_SKIP; "raises-exception" is # NBVAL_RAISES_EXCEPTION)."""
    marker = "# NBVAL_" + tag.removeprefix("nbval-").replace("-", "_").upper()
    return tag in cell.get("metadata", {}).get("tags", []) or marker in cell.source


def code_cells(nb) -> list:
    """Return the code cells of a notebook (an nbformat notebook node)."""
    return [cell for cell in nb.cells if cell.cell_type == "code"]


def same_kernel_items(parent: pytest.Collector) -> list[pytest.Item]:
    """The runs added after a solution notebook's last cell, in the kernel nbval used for it.

    1. Every solution cell again, from the repository root: students re-run cells, and start
       Jupyter in any folder; neither may break a notebook.
    2. The student version, after `%reset -f` (which empties the namespace, so nothing defined by
       the solution is left for it), from notebooks/ and with every check required to report
       "not attempted": placeholders must never make a cell fail. Running it here rather than in
       a kernel of its own saves a kernel start and the imports (about 2.5 s of CPU each); the
       browser and server tests run student notebooks in fresh kernels, and
       `pytest notebooks/NN-name.ipynb` runs one under nbval in a fresh kernel. What a reset
       leaves (imported modules, matplotlib and pandas settings, warnings already shown once) is
       set up by the student version's own first cell in the same way, or is display only.
    """
    # Setting up must not leave a name behind in the namespace the notebook's cells see.
    chdir = "__import__('os').chdir({!r})"
    student = STUDENT / parent.path.name
    items = [RunInTheSameKernel.from_parent(
        parent, name="rerun all cells", description="every cell run again, from the repository root",
        cells=code_cells(parent.nb),
        prepare=[chdir.format(str(ROOT))])]
    if not student.exists():
        return items  # test_notebooks reports a missing student version, with what to run
    import nbformat
    items.append(RunInTheSameKernel.from_parent(
        parent, name="student version", description=f"student version ({student.name}) after a reset",
        cells=code_cells(nbformat.read(student, as_version=4)),
        rerun_hint=f"\nTo run the student version alone, in a fresh kernel: pytest notebooks/{student.name}",
        prepare=[chdir.format(str(STUDENT)),
                 "__import__('os').environ['WUZHEN_STRICT'] = 'not-attempted'",
                 "%reset -f"]))
    return items


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """Leave the student notebooks to the solution notebooks' kernels (see same_kernel_items),
    unless one is named on the command line: then nbval runs it in a fresh kernel."""
    if notebook_kind(collection_path) != "student":
        return None
    named = {(config.invocation_params.dir / arg.split("::")[0]).resolve() for arg in config.args}
    return True if collection_path.resolve() not in named else None


# The test files that take longest (each tens of seconds on one worker), longest first.
LONGEST_FILES = {"test_site.py": 0, "test_jupyterlab.py": 1, "test_hub.py": 2}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Compare stored outputs only for the solution notebooks (student outputs are cleared), and
    add the same-kernel runs after each solution notebook's last cell."""
    last_cell: dict = {}
    for index, item in enumerate(items):
        kind = notebook_kind(item.path)
        if kind == "student" and hasattr(item, "options"):
            item.options["check"] = False
        if kind == "solution" and hasattr(item, "options"):
            last_cell[item.parent] = index
    for parent, index in sorted(last_cell.items(), key=lambda pair: -pair[1]):
        items[index + 1:index + 1] = same_kernel_items(parent)
    # Longest files first (the site, JupyterLab and hub tests, then the notebooks), so that no
    # worker is left idle while another finishes a long file: with --no-loadscope-reorder,
    # pytest-xdist hands out files in this order.
    items.sort(key=lambda item: (LONGEST_FILES.get(item.path.name, len(LONGEST_FILES)),
                                 notebook_kind(item.path) is None))


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
