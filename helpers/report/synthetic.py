"""A made-up class, for the report's tests and ``make bench``: student notebooks with check records planted.

Each student's notebooks are the collection's student notebooks (``notebooks/*.ipynb``) with every
code cell numbered as if run, and each check cell given the output a check leaves: its feedback and
its record, with a status drawn at random (seeded, so the same class every time) among right, wrong
with a recognised mistake, wrong with none, checked before answering ("not attempted"), and never
run (no output, no record). What was planted is returned, to compare the report's counts with.
No cell is executed: this is for reading, not for running.
"""

from __future__ import annotations

import collections
import json
import random
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from .aggregate import NotebookInfo, collection_version, load_catalogue
from .records import CORRECT, NOT_ATTEMPTED, NOT_YET_RIGHT, RECORD_MIME

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
_CHECK = re.compile(r"^\s*ex\.q(\d+)\.check\(", re.MULTILINE)
_WORDS = {CORRECT: "Correct.", NOT_YET_RIGHT: "Not yet right.", NOT_ATTEMPTED: "Not attempted."}
#: The outcomes planted, and how often (a planted "no record" leaves the check cell without output).
OUTCOMES = (("correct", 45), ("mistake a", 12), ("mistake b", 8), ("unrecognised", 10),
            ("not attempted", 10), ("no record", 15))


@dataclass
class Planted:
    """What was planted: counts by exercise, by recognised mistake, by student and notebook; the files."""

    exercises: dict[tuple[str, int], collections.Counter] = field(default_factory=lambda: collections.defaultdict(
        collections.Counter))
    mistakes: collections.Counter = field(default_factory=collections.Counter)  # (notebook, exercise, id)
    students: dict[tuple[str, str], collections.Counter] = field(default_factory=lambda: collections.defaultdict(
        collections.Counter))
    files: list[str] = field(default_factory=list)


def mistake_id(notebook: str, exercise: int, letter: str) -> str:
    """Return the id of a planted mistake.

    >>> mistake_id("02-the-figures", 3, "a")
    'planted-02-q3-a'
    """
    return f"planted-{notebook[:2]}-q{exercise}-{letter}"


def check_output(notebook: str, number: int, title: str, status: str, mistake: str | None, message: str,
                 tries: int = 1, version: str = "0.1.0") -> dict:
    """Return the display output a check leaves: its feedback, and its record beside it.

    >>> out = check_output("02-the-figures", 3, "Count", "correct", None, "Well done.")
    >>> out["data"]["text/plain"].splitlines()[0], out["data"][RECORD_MIME]["status"]
    ('Exercise 3 · Count — Correct.', 'correct')
    """
    head = f"Exercise {number} · {title} — "
    return {"output_type": "display_data", "metadata": {}, "data": {
        "text/plain": f"{head}{_WORDS[status]}\n{message}",
        "text/markdown": f"{head}**{_WORDS[status]}**\n\n{message}",
        RECORD_MIME: {"notebook": notebook, "exercise": number, "status": status, "mistake": mistake,
                      "message": message, "tries": tries, "version": version}}}


def student_notebook(info: NotebookInfo) -> dict:
    """Return the student version of a notebook of the collection, as JSON."""
    return json.loads((NOTEBOOKS / f"{info.name}.ipynb").read_text(encoding="utf-8"))


def solution_outputs(info: NotebookInfo) -> list[list[dict]]:
    """Return the stored outputs of each code cell of the solution that the student version keeps.

    The student version is the solution without its cells tagged solution-only, in the same order
    (tools/build_notebooks.py), so these line up with the student version's code cells.
    """
    nb = json.loads((NOTEBOOKS / "solutions" / f"{info.name}.ipynb").read_text(encoding="utf-8"))
    return [cell.get("outputs", []) for cell in nb["cells"] if cell["cell_type"] == "code"
            and "solution-only" not in cell.get("metadata", {}).get("tags", [])]


def planted_notebook(template: dict, info: NotebookInfo, outcomes: dict[int, str], version: str,
                     outputs: list[list[dict]] | None = None) -> dict:
    """Return a copy of `template` run as a student would have: each check cell with its planted outcome.

    `outputs` (see solution_outputs) gives the other code cells the outputs a run leaves (tables, figures).
    """
    nb = json.loads(json.dumps(template))
    titles = dict(info.exercises)
    count = 0
    for cell in nb["cells"]:
        if cell["cell_type"] != "code":
            continue
        if outputs is not None and count < len(outputs):
            cell["outputs"] = outputs[count]
        count += 1
        cell["execution_count"] = count
        source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        match = _CHECK.search(source)
        if not match or int(match.group(1)) not in titles:
            continue
        number = int(match.group(1))
        outcome = outcomes[number]
        if outcome == "no record":
            cell["execution_count"], cell["outputs"] = None, []
            continue
        if outcome == "correct":
            status, mistake, message = CORRECT, None, "Well done: your answer is right."
        elif outcome.startswith("mistake"):
            letter = outcome[-1]
            status, mistake = NOT_YET_RIGHT, mistake_id(info.name, number, letter)
            message = f"Planted mistake {letter} of exercise {number}: a message the student saw."
        elif outcome == "unrecognised":
            status, mistake, message = NOT_YET_RIGHT, None, "Not what the check expected; try again."
        else:
            status, mistake, message = NOT_ATTEMPTED, None, "Replace ... with your answer, then run the cell."
        cell["outputs"] = [check_output(info.name, number, titles[number], status, mistake, message,
                                        version=version)]
    return nb


def _status_of(outcome: str) -> str:
    return {"correct": CORRECT, "mistake a": NOT_YET_RIGHT, "mistake b": NOT_YET_RIGHT,
            "unrecognised": NOT_YET_RIGHT}.get(outcome, NOT_ATTEMPTED)


def class_files(students: int = 50, *, layout: str = "folders", seed: int = 0,
                never_attempted: frozenset[tuple[str, int]] = frozenset(), version: str | None = None,
                run_outputs: bool = True) -> tuple[list[tuple[str, bytes]], Planted]:
    """Return the files of a made-up class (path inside SUBMISSIONS, bytes) and what was planted.

    `layout`: "folders" (``pupil01/02-the-figures.ipynb``), "nbgrader"
    (``submitted/pupil01/ps02/02-the-figures.ipynb``), "named" (``pupil01_02-the-figures.ipynb``) or
    "downloads" (``02-the-figures (3).ipynb``: each file then counts as a student of its own, named by
    its file name). Exercises in `never_attempted` are never checked by anyone. With `run_outputs`, the
    other code cells hold the outputs the solution notebook stored (tables, figures), so that files
    are as large as notebooks students save after running every cell.

    >>> files, planted = class_files(2, layout="named")
    >>> files[0][0], len(files), sum(planted.exercises[("02-the-figures", 1)].values())
    ('pupil01_00-start-here.ipynb', 12, 2)
    """
    catalogue = load_catalogue()
    version = version or collection_version()
    choices, weights = zip(*OUTCOMES)
    rng = random.Random(seed)
    planted, files = Planted(), []
    templates = {info.name: student_notebook(info) for info in catalogue}
    outputs = {info.name: solution_outputs(info) if run_outputs else None for info in catalogue}
    for s in range(1, students + 1):
        name = f"pupil{s:02d}"
        for info in catalogue:
            outcomes = {number: ("no record" if (info.name, number) in never_attempted
                                 else rng.choices(choices, weights)[0]) for number, _ in info.exercises}
            nb = planted_notebook(templates[info.name], info, outcomes, version, outputs[info.name])
            path = {"folders": f"{name}/{info.name}.ipynb",
                    "nbgrader": f"submitted/{name}/ps{info.name[:2]}/{info.name}.ipynb",
                    "named": f"{name}_{info.name}.ipynb",
                    "downloads": f"{info.name}{f' ({s - 1})' if s > 1 else ''}.ipynb"}[layout]
            student = path[:-len(".ipynb")] if layout == "downloads" else name
            files.append((path, (json.dumps(nb, indent=1, ensure_ascii=False) + "\n").encode("utf-8")))
            planted.files.append(path)
            for number, outcome in outcomes.items():
                status = _status_of(outcome)
                planted.exercises[(info.name, number)][status] += 1
                planted.students[(student, info.name)][status] += 1
                if outcome.startswith("mistake"):
                    planted.mistakes[(info.name, number, mistake_id(info.name, number, outcome[-1]))] += 1
    return files, planted


def write_files(files: list[tuple[str, bytes]], target: Path) -> Path:
    """Return `target` after writing `files` into it: a folder, or a zip when its name ends in .zip."""
    target = Path(target)
    if target.suffix.lower() == ".zip":
        target.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
            for path, data in files:
                archive.writestr(path, data)
        return target
    for path, data in files:
        (target / path).parent.mkdir(parents=True, exist_ok=True)
        (target / path).write_bytes(data)
    return target


def make_class(target: Path, students: int = 50, **options) -> Planted:
    """Return what was planted in a made-up class written into `target` (a folder, or a .zip); see class_files."""
    files, planted = class_files(students, **options)
    write_files(files, target)
    return planted


