"""build_report(): read a class's notebooks, optionally run them again, and write the report's four files."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from .advice import load_advice
from .aggregate import ClassReport, NotebookInfo, Problem, read_class
from .layouts import MAX_FILE_BYTES
from .page import write_page
from .pseudonyms import code_for, load_or_create_key
from .tables import write_tables


class ReportError(Exception):
    """The report cannot start (a folder is missing or misplaced); the message says what to do."""


def _inside(path: Path, folder: Path) -> bool:
    path, folder = path.resolve(), folder.resolve()
    return path == folder or folder in path.parents


def build_report(submissions: Path, out: Path, *, key_file: Path | None = None, execute: bool = False,
                 timeout: float | None = None, jobs: int | None = None, advice_file: Path | None = None,
                 max_bytes: int = MAX_FILE_BYTES,
                 catalogue: Sequence[NotebookInfo] | None = None) -> tuple[ClassReport, list[Path]]:
    """Return the class report and the files written (three CSV files and report.html, in `out`).

    Reads every notebook under `submissions` (a folder, a zip or a notebook) and writes nothing there.
    `key_file`: replace names with stable codes (see pseudonyms.py). `execute`: also run each
    submission in a fresh kernel (see execute.py). Bad input is listed in the report, never raised;
    ReportError is raised only when the report cannot start.

    >>> import tempfile
    >>> from helpers.report.synthetic import class_files, write_files
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     class_folder = write_files(class_files(1, run_outputs=False)[0], Path(folder) / "class")
    ...     report, paths = build_report(class_folder, Path(folder) / "report")
    >>> [path.name for path in paths]
    ['exercises.csv', 'mistakes.csv', 'students.csv', 'report.html']
    """
    submissions, out = Path(submissions), Path(out)
    if not submissions.exists():
        raise ReportError(f"There is no folder or file {submissions}: give the folder (or zip) of the "
                          "students' notebooks.")
    if submissions.is_dir() and _inside(out, submissions):
        raise ReportError("The report's folder (--out) is inside SUBMISSIONS, which the report never writes "
                          "into: choose a folder outside it.")
    rename = None
    if key_file is not None:
        key_file = Path(key_file)
        for folder, what in ((submissions, "SUBMISSIONS"), (out, "the report's folder")):
            if _inside(key_file, folder):
                raise ReportError(f"Keep the pseudonym key outside {what}: whoever has it with the names can "
                                  "tell who is who. Give --pseudonymise a file elsewhere.")
        key, _ = load_or_create_key(key_file)
        rename = lambda student: code_for(student, key)  # noqa: E731
    if out.exists() and not out.is_dir():
        raise ReportError(f"{out} is a file: give --out a folder (it is created if missing).")
    out.mkdir(parents=True, exist_ok=True)

    report = read_class(submissions, catalogue=catalogue, rename=rename, max_bytes=max_bytes)
    advice, advice_problem = load_advice(advice_file)
    if advice_problem:
        report.problems.append(Problem("", advice_problem, True))
    if execute and report.submissions:
        from .execute import DEFAULT_TIMEOUT, execution_problems, run_fresh

        known = {info.name: info.module for info in report.catalogue}
        numbers = {info.name: [n for n, _ in info.exercises] for info in report.catalogue}
        runs = run_fresh(report.submissions, known, report.version,
                         timeout=timeout or DEFAULT_TIMEOUT, jobs=jobs)
        report.problems.extend(execution_problems(report.submissions, runs, numbers))
        report.problems.sort(key=lambda p: (p.file == "", p.file.casefold(), p.text))
    paths = write_tables(report, out)
    paths.append(write_page(report, out, advice, executed=execute))
    return report, paths
