"""Build the student notebooks from the solution notebooks, which are the single source.

    python tools/build_notebooks.py            # re-execute solutions, then write student versions
    python tools/build_notebooks.py --check    # only report student notebooks that are out of date

A solution notebook marks the lines a student must write with a trailing ``# SOLUTION``
comment. In the student version each run of such lines becomes one visible placeholder,
``name = ...  # your answer here``, where ``name`` is the variable the run assigns last.
Cells tagged ``solution-only`` are left out of the student version; all outputs are cleared.
Links in a solution notebook are written from ``notebooks/solutions/``; a link that leaves that
folder (``../../data/README.md``) is rewritten to start from ``notebooks/`` (``../data/README.md``).
"""

from __future__ import annotations

import argparse
import ast
import copy
import os
import re
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
STUDENT_DIR = ROOT / "notebooks"
SOLUTION_DIR = STUDENT_DIR / "solutions"
MARK = re.compile(r"\s*#\s*SOLUTION\s*$")
PLACEHOLDER = "{indent}{target} = ...  # your answer here: replace ... and run the cell"
UP_TWO = re.compile(r"\]\(\.\./\.\./")
KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
LANGUAGE_INFO = {"name": "python", "file_extension": ".py", "mimetype": "text/x-python"}


class BuildError(Exception):
    """A solution notebook breaks the conventions this script relies on."""


def _last_assigned_name(lines: list[str], where: str) -> str:
    """Return the name that the last statement of `lines` assigns to."""
    try:
        tree = ast.parse("\n".join(line.strip() for line in lines))
    except SyntaxError as exc:
        raise BuildError(f"{where}: the # SOLUTION lines are not valid Python on their own ({exc})") from exc
    last = tree.body[-1] if tree.body else None
    if isinstance(last, ast.Assign) and isinstance(last.targets[-1], ast.Name):
        return last.targets[-1].id
    if isinstance(last, ast.AnnAssign) and isinstance(last.target, ast.Name):
        return last.target.id
    raise BuildError(f"{where}: the last # SOLUTION line must assign to a name, e.g. `answer = ...`")


def student_source(source: str, where: str = "cell") -> str:
    """Return `source` with every run of ``# SOLUTION`` lines replaced by one placeholder."""
    out: list[str] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            indent = re.match(r"\s*", run[0]).group(0)
            out.append(PLACEHOLDER.format(indent=indent, target=_last_assigned_name(run, where)))
            run.clear()

    for line in source.splitlines():
        if MARK.search(line):
            run.append(MARK.sub("", line))
        else:
            flush()
            out.append(line)
    flush()
    return "\n".join(out)


def make_student(solution: nbformat.NotebookNode, name: str) -> nbformat.NotebookNode:
    """Return the student notebook made from a solution notebook (outputs cleared)."""
    nb = copy.deepcopy(solution)
    cells = []
    for index, cell in enumerate(nb.cells):
        if "solution-only" in cell.get("metadata", {}).get("tags", []):
            continue
        if cell.cell_type == "markdown":
            cell.source = UP_TWO.sub("](../", cell.source)
        if cell.cell_type == "code":
            cell.source = student_source(cell.source, f"{name} cell {index}")
            cell.outputs = []
            cell.execution_count = None
        cells.append(cell)
    nb.cells = cells
    tidy_metadata(nb)
    return nb


def tidy_metadata(nb: nbformat.NotebookNode) -> None:
    """Keep only stable metadata, so that re-running changes no byte that does not matter."""
    nb.metadata = {"kernelspec": dict(KERNELSPEC), "language_info": dict(LANGUAGE_INFO)}
    for cell in nb.cells:
        cell.metadata.pop("execution", None)


def execute_solution(path: Path) -> nbformat.NotebookNode:
    """Return the solution notebook at `path` run top to bottom in a fresh kernel, in strict mode."""
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    os.environ["WUZHEN_STRICT"] = "1"
    client = NotebookClient(
        nb, kernel_name="python3", timeout=120, record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    tidy_metadata(nb)
    return nb


def write(nb: nbformat.NotebookNode, path: Path) -> None:
    """Write a notebook as UTF-8 with a trailing newline."""
    text = nbformat.writes(nb) + "\n"
    path.write_text(text, encoding="utf-8", newline="\n")


def out_of_date() -> list[str]:
    """Return the student notebooks that differ from what their solution would generate."""
    stale = []
    for source in sorted(SOLUTION_DIR.glob("*.ipynb")):
        target = STUDENT_DIR / source.name
        expected = nbformat.writes(make_student(nbformat.read(source, as_version=4), source.name)) + "\n"
        if not target.exists() or target.read_text(encoding="utf-8") != expected:
            stale.append(target.name)
    return stale


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report out-of-date student notebooks")
    parser.add_argument("--no-execute", action="store_true", help="do not re-run the solutions")
    parser.add_argument("names", nargs="*", help="only these solution notebooks (file names)")
    args = parser.parse_args(argv)

    if args.check:
        stale = out_of_date()
        for name in stale:
            print(f"out of date: notebooks/{name} (run `make notebooks`)")
        return 1 if stale else 0

    sources = sorted(SOLUTION_DIR.glob("*.ipynb"))
    if args.names:
        sources = [s for s in sources if s.name in args.names]
    for source in sources:
        if args.no_execute:
            solution = nbformat.read(source, as_version=4)
        else:
            print(f"executing solutions/{source.name}", flush=True)
            solution = execute_solution(source)
            write(solution, source)
        write(make_student(solution, source.name), STUDENT_DIR / source.name)
        print(f"wrote notebooks/{source.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
