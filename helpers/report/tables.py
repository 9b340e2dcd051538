"""The report's CSV files: exercises.csv, mistakes.csv, students.csv (UTF-8, one header line each)."""

from __future__ import annotations

import csv
from pathlib import Path

from .aggregate import ClassReport

EXERCISE_COLUMNS = ["notebook", "exercise", "title", "students", "correct", "not_yet_right", "not_attempted"]
MISTAKE_COLUMNS = ["notebook", "exercise", "mistake", "message", "students"]
STUDENT_COLUMNS = ["student", "notebook", "correct", "not_yet_right", "not_attempted"]


def _write(path: Path, columns: list[str], rows: list[list]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        writer.writerows(rows)


def write_tables(report: ClassReport, out: Path) -> list[Path]:
    """Return the paths of the three CSV files written into `out` from `report`."""
    out = Path(out)
    paths = [out / "exercises.csv", out / "mistakes.csv", out / "students.csv"]
    _write(paths[0], EXERCISE_COLUMNS, [
        [e.notebook, e.exercise, e.title, e.students, e.correct, e.not_yet_right, e.not_attempted]
        for e in report.exercises])
    _write(paths[1], MISTAKE_COLUMNS, [
        [m.notebook, m.exercise, m.mistake, m.message, m.students] for m in report.mistakes])
    _write(paths[2], STUDENT_COLUMNS, [
        [s.student, s.notebook, s.correct, s.not_yet_right, s.not_attempted] for s in report.students])
    return paths
