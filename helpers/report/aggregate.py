"""Reading a whole class: every submission's exercise states, counted by exercise, mistake and student.

The counts (``students = correct + not_yet_right + not_attempted`` for every exercise) cover the
submissions that are counted: one per student and notebook (the newest file, when a student handed
in a notebook twice), and only notebooks of this collection that are not listed as not counted.
A mistake is counted for a student when the state of the exercise (its last record) names it;
wrong answers that matched no recognised mistake are counted apart, as ``unrecognised``.
"""

from __future__ import annotations

import collections
import re
import zipfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from helpers.checking.record import collection_version

from .layouts import MAX_FILE_BYTES, Found, find_submissions, whose
from .reading import NotebookReading, read_notebook
from .records import CORRECT, NOT_ATTEMPTED, NOT_YET_RIGHT, Record, exercise_states


@dataclass(frozen=True)
class NotebookInfo:
    """A notebook of the collection: its name (``02-the-figures``), its exercise module and exercises."""

    name: str
    module: str
    exercises: tuple[tuple[int, str], ...]  # (number, title)


def load_catalogue() -> list[NotebookInfo]:
    """Return the collection's notebooks in order, with their exercises, from helpers.exercises.

    >>> catalogue = load_catalogue()
    >>> catalogue[2].name, catalogue[2].module, catalogue[2].exercises[0][0]
    ('02-the-figures', 'nb02', 1)
    """
    from helpers.exercises import NOTEBOOK_MODULES, exercise_set

    catalogue = []
    for file_name, module in NOTEBOOK_MODULES.items():
        exercises = exercise_set(file_name)
        catalogue.append(NotebookInfo(exercises.notebook, module,
                                      tuple((e.number, e.title) for e in exercises)))
    return catalogue


@dataclass(frozen=True)
class Problem:
    """A file the report could not count, or counted with a caveat: its path from SUBMISSIONS and what happened."""

    file: str
    text: str
    counted: bool


@dataclass
class Submission:
    """A counted notebook: the file, its student (a code under --pseudonymise), notebook and exercise states."""

    found: Found
    student: str
    notebook: str
    file: str
    states: dict[int, Record]


@dataclass(frozen=True)
class ExerciseCount:
    """One exercise's counts: a row of exercises.csv (and the wrong answers no recognised mistake matched)."""

    notebook: str
    exercise: int
    title: str
    students: int
    correct: int
    not_yet_right: int
    not_attempted: int
    unrecognised: int  # not yet right with no recognised mistake


@dataclass(frozen=True)
class MistakeCount:
    """One recognised mistake of one exercise: a row of mistakes.csv."""

    notebook: str
    exercise: int
    mistake: str
    message: str
    students: int


@dataclass(frozen=True)
class StudentCount:
    """One student's counts in one notebook: a row of students.csv."""

    student: str
    notebook: str
    correct: int
    not_yet_right: int
    not_attempted: int


@dataclass
class ClassReport:
    """Everything the report's files show."""

    catalogue: list[NotebookInfo]
    version: str
    submissions: list[Submission] = field(default_factory=list)
    exercises: list[ExerciseCount] = field(default_factory=list)
    mistakes: list[MistakeCount] = field(default_factory=list)
    students: list[StudentCount] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: int = 0  # notebook files found under SUBMISSIONS
    pseudonymised: bool = False

    def students_of(self, notebook: str) -> int:
        """Return how many students' submissions of `notebook` are counted."""
        return sum(1 for s in self.submissions if s.notebook == notebook)


def _copy_number(file_name: str) -> int:
    """Return the copy number a browser or Jupyter added to a file name (``(3)``, ``-Copy2``), else 0."""
    match = re.search(r"\((\d+)\)|-Copy(\d+)", file_name)
    return int(match.group(1) or match.group(2)) if match else 0


def _masked(display: str, text: str, code: str | None) -> str:
    return display.replace(text, code) if code is not None and text else display


def count(catalogue: Sequence[NotebookInfo], submissions: Sequence[Submission]) -> tuple[
        list[ExerciseCount], list[MistakeCount], list[StudentCount]]:
    """Return the counts by exercise, by recognised mistake and by student, of counted submissions.

    >>> info = NotebookInfo("02-the-figures", "nb02", ((1, "Turn"), (2, "Repair")))
    >>> wrong = Record("02-the-figures", 2, "not yet right", "kept-text", "Make them numbers.", 1, "0.1.0")
    >>> found = Found("a.ipynb", (), "a.ipynb", 0.0, 0, bytes)
    >>> exercises, mistakes, students = count([info], [Submission(found, "ann", "02-the-figures", "a", {2: wrong})])
    >>> [(e.exercise, e.correct, e.not_yet_right, e.not_attempted) for e in exercises]
    [(1, 0, 0, 1), (2, 0, 1, 0)]
    >>> mistakes[0].mistake, mistakes[0].students
    ('kept-text', 1)
    """
    exercises, mistakes, students = [], [], []
    for info in catalogue:
        subs = [s for s in submissions if s.notebook == info.name]
        for number, title in info.exercises:
            states = [s.states.get(number) for s in subs]
            statuses = collections.Counter(NOT_ATTEMPTED if r is None else r.status for r in states)
            wrong = [r for r in states if r is not None and r.status == NOT_YET_RIGHT]
            exercises.append(ExerciseCount(info.name, number, title, len(subs), statuses[CORRECT],
                                           statuses[NOT_YET_RIGHT], statuses[NOT_ATTEMPTED],
                                           sum(1 for r in wrong if r.mistake is None)))
            by_mistake: dict[str, list[Record]] = collections.defaultdict(list)
            for record in wrong:
                if record.mistake is not None:
                    by_mistake[record.mistake].append(record)
            rows = []
            for mistake, records in by_mistake.items():
                messages = collections.Counter(r.message for r in records)
                message = min(messages, key=lambda m: (-messages[m], m))  # the most common, then alphabetical
                rows.append(MistakeCount(info.name, number, mistake, message, len(records)))
            mistakes.extend(sorted(rows, key=lambda m: (-m.students, m.mistake)))
        for sub in sorted(subs, key=lambda s: s.student.casefold()):
            statuses = collections.Counter(
                NOT_ATTEMPTED if sub.states.get(n) is None else sub.states[n].status for n, _ in info.exercises)
            students.append(StudentCount(sub.student, info.name, statuses[CORRECT], statuses[NOT_YET_RIGHT],
                                         statuses[NOT_ATTEMPTED]))
    return exercises, mistakes, students


def read_class(root: Path, *, catalogue: Sequence[NotebookInfo] | None = None, version: str | None = None,
               rename: Callable[[str], str] | None = None, max_bytes: int = MAX_FILE_BYTES) -> ClassReport:
    """Return the class report of every notebook under `root`; bad input is listed in .problems, never raised.

    `rename` gives a student's code (``--pseudonymise``): then no name is kept, in students nor in file paths.
    Nothing is executed and nothing under `root` is written.

    >>> import tempfile
    >>> from helpers.report.synthetic import class_files, write_files
    >>> files, planted = class_files(2, run_outputs=False)
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     report = read_class(write_files(files, Path(folder)))
    >>> len(report.submissions), report.problems
    (12, [])
    >>> first = report.exercises[0]
    >>> first.notebook, first.exercise, first.correct == planted.exercises[("00-start-here", 1)]["correct"]
    ('00-start-here', 1, True)
    """
    catalogue = list(catalogue) if catalogue is not None else load_catalogue()
    version = version or collection_version()
    known = {info.name: info.module for info in catalogue}
    report = ClassReport(catalogue, version, pseudonymised=rename is not None)
    found, skipped = find_submissions(Path(root), known, max_bytes)
    report.files = len(found) + sum(1 for s in skipped if s.file_name.lower().endswith(".ipynb"))

    def hide(display: str, student: str, text: str) -> str:
        return _masked(display, text, rename(student) if rename else None)

    for item in skipped:
        student, text, _ = whose(item.folders, item.file_name, known)
        report.problems.append(Problem(hide(item.display, student, text), item.reason, False))

    numbers = {info.name: {n for n, _ in info.exercises} for info in catalogue}
    candidates: dict[tuple[str, str], list[tuple[Found, NotebookReading]]] = collections.defaultdict(list)
    anonymous = 0
    for item in found:
        file = hide(item.display, item.student, item.student_text)
        try:
            data = item.read()
        except (OSError, zipfile.BadZipFile, RuntimeError, NotImplementedError, ValueError) as exc:
            report.problems.append(Problem(file, f"cannot be read ({exc}): not read", False))
            continue
        reading = read_notebook(data, item.file_name, known, version)
        if reading.skip is not None:
            report.problems.append(Problem(file, reading.skip, False))
            continue
        anonymous += item.anonymous
        candidates[(item.student, reading.notebook)].append((item, reading))

    for (student, notebook), handed in candidates.items():
        handed.sort(key=lambda pair: (pair[0].modified, _copy_number(pair[0].file_name), pair[0].display))
        item, reading = handed[-1]
        shown = rename(student) if rename else student
        file = hide(item.display, student, item.student_text)
        for older, _ in handed[:-1]:
            report.problems.append(Problem(
                hide(older.display, student, older.student_text),
                f"{shown} handed in {notebook} {len(handed)} times: the newest file, {file}, counts; "
                "this one was not counted", False))
        for note in reading.notes:
            report.problems.append(Problem(file, note, True))
        unknown = sorted({r.exercise for r in reading.records} - numbers[notebook])
        if unknown:
            report.problems.append(Problem(file, f"it holds checks of exercise {', '.join(map(str, unknown))}, "
                                           f"which {notebook} does not have: those were not counted", True))
        records = [r for r in reading.records if r.exercise in numbers[notebook]]
        report.submissions.append(Submission(item, shown, notebook, file, exercise_states(records)))
    if anonymous:
        report.problems.append(Problem(
            "", f"{anonymous} notebook file(s) lie in no student's folder and carry no name before the "
            "notebook's name: each is counted as a student of its own, named by its file name", True))
    order = {info.name: i for i, info in enumerate(catalogue)}
    report.submissions.sort(key=lambda s: (order[s.notebook], s.student.casefold(), s.file))
    report.exercises, report.mistakes, report.students = count(catalogue, report.submissions)
    report.problems.sort(key=lambda p: (p.file == "", p.file.casefold(), p.text))
    return report


def notebook_titles(catalogue: Sequence[NotebookInfo]) -> Mapping[str, str]:
    """Return each notebook's title from notebooks/lessons.toml (``02 · The figures``), or its name."""
    import tomllib

    titles = {info.name: info.name for info in catalogue}
    path = Path(__file__).resolve().parents[2] / "notebooks" / "lessons.toml"
    try:
        for entry in tomllib.loads(path.read_text(encoding="utf-8")).get("notebook", []):
            name = str(entry.get("file", "")).removesuffix(".ipynb")
            if name in titles and isinstance(entry.get("title"), str):
                titles[name] = entry["title"]
    except (OSError, ValueError):
        pass
    return titles
