"""`python -m helpers.report --execute`: each submission runs again in a fresh kernel, in a temporary
copy, with a time limit; a submission whose saved records the fresh run does not confirm is flagged.

The first tests use a stand-in for a check (a cell that shows a record as check() will), so that
they do not depend on the exercise engine; the last one runs the real checks of notebook 02.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import re
from pathlib import Path

import pytest
from tool_modules import load_tool

from helpers.report import build_report
from helpers.report.records import RECORD_MIME
from helpers.report.synthetic import check_output

ROOT = Path(__file__).resolve().parent.parent


def fingerprint(folder: Path) -> dict:
    return {p.relative_to(folder).as_posix(): (hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "",
                                               p.stat().st_mtime_ns) for p in sorted(folder.rglob("*"))}


def code(source: str, *outputs: dict) -> dict:
    return {"cell_type": "code", "metadata": {}, "source": source, "outputs": list(outputs), "execution_count": 1}


# A stand-in for ex.q3.check(answer): it shows the record that check() shows, computed from `answer`.
STAND_IN_CHECK = f"""\
from IPython.display import display
status = "correct" if answer == 3 else "not yet right"
record = {{"notebook": "02-the-figures", "exercise": 3, "status": status, "mistake": None,
          "message": "What the student saw.", "tries": 1, "version": "0.1.0"}}
display({{"text/plain": "Exercise 3 · A task — " + status, {RECORD_MIME!r}: record}}, raw=True)
open("made-by-the-run.txt", "w").write("a file the student's code writes where it runs")"""


def figures(answer: str, saved_status: str, *more: dict) -> bytes:
    saved = check_output("02-the-figures", 3, "A task", saved_status, None, "What the student saw.")
    nb = {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
        code(f"answer = {answer}"),
        code(STAND_IN_CHECK, saved), *more]}
    return json.dumps(nb).encode("utf-8")


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    root = tmp_path_factory.mktemp("execute") / "class"
    files = {
        # saved as the code gives, if the run cannot see the secret the report's environment holds
        "ann/02-the-figures.ipynb": figures("0 if 'WUZHEN_SECRET_FOR_TEST' in __import__('os').environ else 3",
                                            "correct"),
        "bob/02-the-figures.ipynb": figures("4", "correct"),            # output edited: the code gives wrong
        "cat/02-the-figures.ipynb": figures("3", "correct", code("while True:\n    pass")),  # never ends
    }
    for path, data in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_bytes(data)
    before = fingerprint(root)
    os.environ["WUZHEN_SECRET_FOR_TEST"] = "a token the students' code must not see"
    try:
        report, _ = build_report(root, tmp_path_factory.mktemp("out"), execute=True, timeout=2, jobs=3)
    finally:
        del os.environ["WUZHEN_SECRET_FOR_TEST"]
    return root, before, report


def listed(report, file: str) -> list[str]:
    return [p.text for p in report.problems if p.file == file]


def test_a_submission_the_fresh_run_confirms_is_not_flagged_and_the_run_sees_no_secret_of_the_report(executed):
    _, _, report = executed
    assert listed(report, "ann/02-the-figures.ipynb") == []


def test_an_edited_output_is_flagged_with_the_exercise_and_both_states(executed):
    _, _, report = executed
    assert listed(report, "bob/02-the-figures.ipynb") == [
        "its saved checks disagree with a fresh run (an output edited by hand, or cells run out of order): "
        "exercise 3 is saved as correct but is not yet right in a fresh run"]


def test_a_notebook_that_never_ends_is_stopped_at_the_time_limit_and_listed(executed):
    _, _, report = executed
    assert listed(report, "cat/02-the-figures.ipynb") == [
        "did not finish within 2 s under --execute (a cell that never ends?): not compared"]


def test_the_counts_stay_those_of_the_saved_records(executed):
    _, _, report = executed
    row = next(e for e in report.exercises if (e.notebook, e.exercise) == ("02-the-figures", 3))
    assert (row.students, row.correct) == (3, 3)


def test_runs_happen_in_temporary_copies_and_nothing_under_submissions_changes(executed):
    root, before, _ = executed
    assert fingerprint(root) == before
    assert not list(root.rglob("made-by-the-run.txt"))


# The real checks of notebook 02, run as a student would: right, wrong and missing answers.

def build_notebooks_module():
    return load_tool("build_notebooks")


def answered(outcomes: dict[int, str]) -> dict:
    """Return notebook 02 as a student would fill it: per exercise "right", "wrong" or "missing"."""
    build = build_notebooks_module()
    nb = json.loads((ROOT / "notebooks" / "solutions" / "02-the-figures.ipynb").read_text(encoding="utf-8"))
    cells = []
    for cell in nb["cells"]:
        if "solution-only" in cell.get("metadata", {}).get("tags", []):
            continue
        source = "".join(cell["source"])
        if cell["cell_type"] == "code":
            match = re.search(r"ex\.q(\d+)\.check\(", source)
            outcome = outcomes.get(int(match.group(1))) if match else None
            if outcome == "right" or outcome is None:
                source = re.sub(r"\s*#\s*SOLUTION\s*$", "", source, flags=re.MULTILINE)
            else:
                source = build.student_source(source)
                if outcome == "wrong":
                    source = re.sub(r"= \.\.\.  # your answer.*", "= 'a wrong answer'", source)
            cell = {**cell, "source": source, "outputs": [], "execution_count": None}
        cells.append(cell)
    return {**nb, "cells": cells}


def test_real_checks_saved_and_run_again_give_the_states_a_student_left(tmp_path):
    import nbformat
    from nbclient import NotebookClient

    outcomes = {1: "right", 2: "wrong", 3: "missing", 4: "right", 5: "right"}
    nb = nbformat.from_dict(answered(outcomes))
    NotebookClient(nb, kernel_name="python3", timeout=120, allow_errors=True,
                   resources={"metadata": {"path": str(ROOT / "notebooks")}}).execute()
    root = tmp_path / "class"
    (root / "ann").mkdir(parents=True)
    nbformat.write(nb, root / "ann" / "02-the-figures.ipynb")
    edited = copy.deepcopy(nb)
    for cell in edited.cells:
        for output in cell.get("outputs", []):
            record = output.get("data", {}).get(RECORD_MIME)
            if record and record["exercise"] == 2:
                record["status"], record["mistake"] = "correct", None
    (root / "bob").mkdir()
    nbformat.write(edited, root / "bob" / "02-the-figures.ipynb")

    report, _ = build_report(root, tmp_path / "out", execute=True, timeout=120)
    states = {(s.student, n): r.status for s in report.submissions for n, r in s.states.items()}
    assert {n: states.get(("ann", n)) for n in outcomes} == {
        1: "correct", 2: "not yet right", 3: "not attempted", 4: "correct", 5: "correct"}
    assert [p.file for p in report.problems] == ["bob/02-the-figures.ipynb"]
    assert "exercise 2 is saved as correct but is not yet right" in report.problems[0].text
