"""The advice of the class report: every recognised mistake has advice, and all advice is for a real mistake.

The report (``python -m helpers.report``) shows, beside each recognised mistake students made, the
advice on how to respond that ``notebooks/lessons.toml`` gives under ``[advice]``, keyed by the
mistake's id. An id comes from the exercise (``Mistake(..., id=...)``), from a task check of
``helpers/exercises/_support.py`` (word for word, typed by hand, ...), or from the engine itself
(an answer that is None, of another type, or a replaced shared name).
"""

from __future__ import annotations

import html
import importlib
import json
import linecache
import re
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

import helpers
from helpers.checking import Exercise, mistake_id
from helpers.checking.exercise import answer_key
from helpers.exercises import NOTEBOOK_MODULES
from helpers.report.synthetic import check_output, class_files, write_files

ROOT = Path(__file__).resolve().parent.parent
ADVICE: dict[str, str] = tomllib.loads((ROOT / "notebooks" / "lessons.toml").read_text(encoding="utf-8"))["advice"]
MODULES = {name: importlib.import_module(f"helpers.exercises.{module}") for name, module in NOTEBOOK_MODULES.items()}
EXERCISES = [(module.EXERCISES.notebook, exercise) for module in MODULES.values() for exercise in module.EXERCISES]


def exercise_id(item: tuple[str, Exercise]) -> str:
    return f"{item[0][:2]}-q{item[1].number}"


EXERCISE_IDS = [exercise_id(item) for item in EXERCISES]
TASKS = [item for item in EXERCISES if hasattr(item[1], "_rules")]  # TaskExercise: rules, slips, keeps


def engine_ids() -> set[str]:
    """Return the ids the engine gives on its own, found by running checks as a student would."""
    counting = Exercise(1, "Count", expected=lambda: 9, kind="number", hints=["Count."], solution="n = 9",
                        shared_names=["table"])
    return {counting.evaluate(None).mistake, counting.evaluate("nine").mistake,
            counting.evaluate(9, {"table": 9}).mistake}


def task_ids(exercise: Exercise) -> tuple[str, ...]:
    return getattr(exercise, "task_mistake_ids", ())


ALL_IDS = engine_ids() | {i for _, e in EXERCISES for i in [*(m.id for m in e.mistakes), *task_ids(e)]}


# Every mistake has advice, every piece of advice has its mistake

def test_the_engine_gives_the_three_ids_the_advice_table_names():
    assert engine_ids() == {"answer-is-none", "answer-of-another-type", "replaced-a-shared-name"}


@pytest.mark.parametrize("notebook, exercise", EXERCISES, ids=EXERCISE_IDS)
def test_every_mistake_an_exercise_recognises_has_advice(notebook, exercise):
    missing = [i for i in [*(m.id for m in exercise.mistakes), *task_ids(exercise)] if not ADVICE.get(i, "").strip()]
    assert not missing, f"{notebook} exercise {exercise.number}: no advice under [advice] for {missing}"


@pytest.mark.parametrize("mistake", sorted(engine_ids()))
def test_every_mistake_the_engine_recognises_has_advice(mistake):
    assert ADVICE.get(mistake, "").strip()


def test_every_piece_of_advice_is_for_the_id_of_a_real_mistake():
    orphans = sorted(set(ADVICE) - ALL_IDS)
    assert not orphans, f"[advice] has advice for ids no check gives (renamed or removed?): {orphans}"


# Ids: unique, and kept when a message is reworded

@pytest.mark.parametrize("notebook, exercise", EXERCISES, ids=EXERCISE_IDS)
def test_mistake_ids_are_unique_within_an_exercise(notebook, exercise):
    ids = [m.id for m in exercise.mistakes]
    assert len(ids) == len(set(ids)), [i for i in ids if ids.count(i) > 1]


def test_two_exercises_never_share_a_mistake_id_because_advice_is_keyed_by_id_alone():
    owners: dict[str, list[str]] = {}
    for item in EXERCISES:
        for mistake in item[1].mistakes:
            owners.setdefault(mistake.id, []).append(exercise_id(item))
    assert {i: o for i, o in owners.items() if len(o) > 1} == {}


@pytest.mark.parametrize("notebook, exercise", EXERCISES, ids=EXERCISE_IDS)
def test_every_mistake_has_a_readable_id_of_its_own_so_that_rewording_its_message_keeps_its_advice(notebook, exercise):
    for mistake in exercise.mistakes:
        assert mistake.id != mistake_id(mistake.message), f"{mistake.id}: made from the message; give Mistake(id=...)"
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", mistake.id) and len(mistake.id) <= 48, mistake.id


@pytest.mark.parametrize("notebook, exercise", TASKS, ids=[exercise_id(item) for item in TASKS])
def test_every_task_rule_and_slip_names_the_ids_it_gives(notebook, exercise):
    rules = [*exercise._rules, *exercise._slips]  # a rule without mistake_ids would give ids made from messages
    assert all(getattr(rule, "mistake_ids", ()) for rule in rules)


# The task checks report ids that have advice, as a student meets them in a notebook cell

def run_cell(code: str, names: dict[str, Any], counter: list[int] = [0]) -> None:  # noqa: B006 (a counter)
    """Run code as Jupyter runs a cell: in the notebook's namespace, with its source known to Python."""
    counter[0] += 1
    filename = f"<advice-test-cell-{counter[0]}>"
    linecache.cache[filename] = (len(code), None, code.splitlines(True), filename)
    names.setdefault("__name__", "__main__")
    exec(compile(code, filename, "exec"), names)


@pytest.mark.parametrize("notebook, number, cell, expected", [
    ("00-start-here.ipynb", 3, "answer = True", "typed-the-value-by-hand"),
    ("00-start-here.ipynb", 4, "answer = raw.splitlines()[0].upper()", "text-not-exact-case"),
    ("03-the-quotations.ipynb", 4, 'quotations = 2\nanswer = "Ren Xianliang"', "replaced-a-shared-name"),
    ("04-the-themes.ipynb", 4, 'pair = ["digital cooperation", "digital divide"]\nanswer = 4',
     "used-another-lens-column"),
    ("04-the-themes.ipynb", 5, 'answer = len(re.findall("\\bsecurity", "cybersecurity"))', "pattern-without-r-prefix"),
    ("01-the-article-as-text.ipynb", 8, "answer = helpers.clean_text(raw)", "clean-used-the-helper"),
], ids=["typed-by-hand", "word-for-word", "replaced-variable", "other-lens", "no-r-prefix", "ready-made-cleaning"])
def test_a_slip_the_task_check_sees_in_the_cell_has_advice(notebook, number, cell, expected):
    names: dict[str, Any] = {"ex": MODULES[notebook], "helpers": helpers, "re": re, "raw": helpers.load_raw_article()}
    run_cell(f"{cell}\nfeedback = ex.q{number}.evaluate(answer)", names)
    assert names["feedback"].status == "not yet right" and names["feedback"].mistake == expected
    assert ADVICE[expected].strip()


# What the advice says

ARTICLE = " ".join(helpers.load_raw_article().split()), " ".join(helpers.load_article().split())


@pytest.mark.parametrize("key", sorted(ADVICE))
def test_advice_quotes_the_article_only_with_its_own_words(key):
    for passage in re.findall(r"“([^“”]*)”", ADVICE[key]):
        pieces = [p.strip() for p in re.split(r"\.\.\.|…", passage.rstrip(".,;:"))]
        assert all(any(p in text for text in ARTICLE) for p in pieces if p), passage


TEXT_ANSWERS = [(item, answer_key(item[1]).expected) for item in EXERCISES]
TEXT_ANSWERS = [(item, answer) for item, answer in TEXT_ANSWERS if isinstance(answer, str)]


@pytest.mark.parametrize("item, expected", TEXT_ANSWERS, ids=[exercise_id(item) for item, _ in TEXT_ANSWERS])
def test_advice_never_states_a_text_answer_of_its_own_exercise(item, expected):
    exercise = item[1]
    said = [ADVICE.get(i, "") for i in [*(m.id for m in exercise.mistakes), *task_ids(exercise)]]
    assert not [s for s in said if expected.casefold() in s.casefold()]


# The report shows the advice beside a mistake students made

def test_the_report_shows_the_advice_beside_a_mistake_a_real_check_recognised(tmp_path):
    files, _ = class_files(3, layout="folders", seed=4)
    notebook, exercise = "02-the-figures", MODULES["02-the-figures.ipynb"].q3
    mistake = exercise.mistakes[0]
    feedback = exercise.evaluate(mistake.example)
    assert feedback.mistake == mistake.id
    planted = []
    for index, (path, data) in enumerate(files):
        if path.endswith(f"{notebook}.ipynb") and not path.startswith("pupil03/"):
            nb = json.loads(data)
            cell = next(c for c in nb["cells"] if c["cell_type"] == "code" and "ex.q3.check(" in "".join(c["source"]))
            cell["outputs"] = [check_output(notebook, 3, exercise.title, feedback.status, feedback.mistake,
                                            feedback.message)]
            files[index] = (path, json.dumps(nb).encode("utf-8"))
            planted.append(path)
    assert len(planted) == 2
    folder = write_files(files, tmp_path / "class")
    done = subprocess.run([sys.executable, "-m", "helpers.report", str(folder), "--out", str(tmp_path / "out")],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    page = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    section = page.split(f'id="nb-{notebook}"')[1].split("</section>")[0]
    row = next(r for r in section.split("<tr>") if f"mistake id: {mistake.id}" in r)
    assert re.match(r'<td class="n">3</td><td class="n">2</td>', row)
    assert html.escape(ADVICE[mistake.id], quote=True) in row and "No advice yet" not in row
