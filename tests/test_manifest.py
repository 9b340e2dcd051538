"""The lesson manifest (notebooks/lessons.toml) against the notebooks, the README and the guide.

An instructor plans from the manifest, the README table and the guide: all three must say what
the notebooks really contain.
"""

from __future__ import annotations

import json
import math
import re
import tomllib
from pathlib import Path

import pytest
from tool_modules import load_tool

from helpers.checking.interactions import INTERACTIONS, interaction_kinds
from helpers.exercises import NOTEBOOK_MODULES, exercise_set

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = tomllib.loads((ROOT / "notebooks" / "lessons.toml").read_text(encoding="utf-8"))
LESSONS = MANIFEST["notebook"]
GUIDE = (ROOT / "instructors" / "guide.md").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")


def plain(text: str) -> str:
    """Return text without Markdown emphasis and with single spaces, lower case."""
    return re.sub(r"\s+", " ", re.sub(r"[*_`]", "", text)).strip().lower()


def opening(file: str) -> str:
    nb = json.loads((ROOT / "notebooks" / "solutions" / file).read_text(encoding="utf-8"))
    return "".join(nb["cells"][0]["source"])


def notebook_objectives(file: str) -> list[str]:
    """Return the bullets under '## Learning objectives', without a leading 'By the end you can'."""
    section = opening(file).split("## Learning objectives", 1)[1].split("\n**", 1)[0]
    bullets = re.split(r"\n- ", "\n" + section.split("\n- ", 1)[1]) if "\n- " in section else []
    cleaned = [re.sub(r"^by the end you can\s+", "", plain(b)) for b in bullets if b.strip()]
    return [b.rstrip(";.") for b in cleaned]


def ids(lesson):
    return lesson["file"][:2]


def test_manifest_lists_every_notebook_once_in_order():
    assert [lesson["file"] for lesson in LESSONS] == sorted(NOTEBOOK_MODULES)


@pytest.mark.parametrize("lesson", LESSONS, ids=ids)
class TestAgainstTheNotebook:
    def test_title_is_the_notebooks_h1(self, lesson):
        assert opening(lesson["file"]).splitlines()[0] == f"# {lesson['title']}"

    def test_question_is_the_one_the_notebook_asks(self, lesson):
        assert plain(lesson["question"]).rstrip("?") in plain(opening(lesson["file"]))

    def test_objectives_are_the_notebooks_learning_objectives(self, lesson):
        assert [plain(o).rstrip(";.") for o in lesson["objectives"]] == notebook_objectives(lesson["file"])

    def test_minutes_are_the_notebooks_time(self, lesson):
        total = lesson["teaching_minutes"] + lesson["exercise_minutes"]
        expected = (f"about {total} minutes (teaching {lesson['teaching_minutes']} + "
                    f"exercises {lesson['exercise_minutes']})")
        assert expected in plain(opening(lesson["file"]))

    def test_every_listed_exercise_exists_with_its_title(self, lesson):
        exercises = {ex.number: ex.title for ex in exercise_set(lesson["file"])}
        listed = {item["number"]: item["title"] for item in lesson["exercise"]}
        assert listed == exercises

    def test_every_exercise_has_a_kind_that_suits_its_class(self, lesson):
        exercises = {ex.number: ex for ex in exercise_set(lesson["file"])}
        for item in lesson["exercise"]:
            assert item.get("kind") in INTERACTIONS, f"exercise {item['number']}: kind = one of {sorted(INTERACTIONS)}"
            suits = interaction_kinds(exercises[item["number"]])
            assert item["kind"] in suits, (
                f"exercise {item['number']} is a {type(exercises[item['number']]).__name__}, which can be "
                f"{' or '.join(suits)}, not {item['kind']!r}")

    def test_every_listed_open_question_is_asked_in_the_notebook(self, lesson):
        nb = json.loads((ROOT / "notebooks" / "solutions" / lesson["file"]).read_text(encoding="utf-8"))
        sources = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown"]
        for item in lesson.get("open_question", []):
            assert any(f"### {item['heading']}" in text for text in sources), item["heading"]

    def test_every_objective_is_assessed_by_an_exercise_or_open_question(self, lesson):
        items = lesson["exercise"] + lesson.get("open_question", [])
        assessed = {n for item in items for n in item["assesses"]}
        assert assessed == set(range(1, len(lesson["objectives"]) + 1))


@pytest.mark.parametrize("lesson", LESSONS, ids=ids)
def test_readme_table_row_agrees_with_the_manifest(lesson):
    total = lesson["teaching_minutes"] + lesson["exercise_minutes"]
    row = f"| [{lesson['title']}](notebooks/{lesson['file']}) | {lesson['question']} | {total} |"
    assert row in README


@pytest.mark.parametrize("lesson", LESSONS, ids=ids)
def test_instructor_guide_plans_every_notebook_and_answers_every_exercise(lesson):
    section = GUIDE.split(f"## {lesson['title']}", 1)
    assert len(section) == 2, f"the guide has no section '## {lesson['title']}'"
    body = section[1].split("\n## ", 1)[0]
    total = lesson["teaching_minutes"] + lesson["exercise_minutes"]
    assert f"{total} minutes" in body
    for item in lesson["exercise"]:
        assert f"Exercise {item['number']}: {item['title']}" in body


def build_guide_module():
    return load_tool("build_guide")


def test_generated_answer_keys_and_readme_table_are_up_to_date():
    assert build_guide_module().main(["--check"]) == 0, "run `make notebooks` to regenerate them"


def test_the_guides_overview_follows_the_manifest_when_a_notebook_changes_its_minutes(monkeypatch):
    import doctest

    module = build_guide_module()
    assert doctest.testmod(module).failed == 0
    changed = [dict(lesson) for lesson in LESSONS]
    changed[1]["exercise_minutes"] += 5
    monkeypatch.setattr(module, "lessons", lambda: changed)
    table = module.overview_table()
    first = changed[1]["teaching_minutes"]
    assert f"| {changed[1]['title']} | {changed[1]['question']} | 00 | " in table
    assert f"({first} + {changed[1]['exercise_minutes']}) |" in table
    total = sum(lesson["teaching_minutes"] + lesson["exercise_minutes"] for lesson in changed)
    assert f"Together the six take **{total} minutes**" in table
    assert module.overview_table() not in GUIDE


@pytest.mark.parametrize("lesson", LESSONS, ids=ids)
def test_answer_keys_show_a_rounded_answer_as_the_student_gives_it(lesson):
    body = GUIDE.split(f"## {lesson['title']}", 1)[1].split("\n## ", 1)[0]
    for exercise in exercise_set(lesson["file"]):
        places = re.search(r"rounded to (\d+) decimal place", exercise.answer_type)
        if places:
            shown = re.search(rf"#### Exercise {exercise.number}: .*?\*\*Answer\*\*, [^`]*`([^`]*)`", body, re.S)
            assert shown, f"no answer shown for exercise {exercise.number}"
            decimals = shown.group(1).partition(".")[2]
            assert len(decimals) <= int(places.group(1)), f"exercise {exercise.number} shows {shown.group(1)}"


# --- Honest timings (issue 14): the minutes come from tools/timing.py's model -----------------------

#: The notebooks whose minutes already follow the timing model. When you rewrite a notebook, add it here
#: once its manifest minutes, its "Time:" line, its guide section (lesson plan and "Time:") and its row
#: in the guide's table "The six notebooks and the time they take" all give the model's minutes.
TIMED = {"00-start-here.ipynb", "01-the-article-as-text.ipynb", "02-the-figures.ipynb", "03-the-quotations.ipynb",
         "04-the-themes.ipynb",
         "05-capstone-a-fact-checked-brief.ipynb"}

timing = load_tool("timing")


def model_minutes(lesson) -> tuple[int, int]:
    """Return (total, exercises) by the model: the upper end rounded up to 5 minutes, and the minutes
    of the checked exercises and open questions."""
    nb = json.loads((ROOT / "notebooks" / lesson["file"]).read_text(encoding="utf-8"))
    kinds = [item.get("kind", "compute") for item in lesson["exercise"]]
    questions = len(lesson.get("open_question", []))
    found = timing.estimate(nb, kinds, questions)
    return 5 * math.ceil(found.high / 5), found.exercise_minutes + questions * timing.OPEN_QUESTION_MINUTES


TIMED_LESSONS = [lesson for lesson in LESSONS if lesson["file"] in TIMED]


def table_rows(text: str) -> list[list[str]]:
    """Return the cells of every row of the first Markdown table in text (header and rule left out)."""
    lines = text.split("\n|", 1)[1].split("\n\n", 1)[0].splitlines()
    rows = [[cell.strip() for cell in ("|" + line).strip().strip("|").split("|")] for line in lines]
    return list(rows[2:])


def minutes_column(rows: list[list[str]], column: int) -> tuple[list[int], int]:
    """Return the minutes of every row but the last, and the last (bold) row's total."""
    *body, total = rows
    return [int(row[column]) for row in body], int(total[column].strip("*"))


def test_timed_names_notebooks_of_the_manifest():
    assert {lesson["file"] for lesson in LESSONS} >= TIMED


@pytest.mark.parametrize("lesson", TIMED_LESSONS, ids=ids)
class TestTimedNotebooks:
    def test_manifest_minutes_are_the_models_upper_end_rounded_up_to_5(self, lesson):
        total, exercises = model_minutes(lesson)
        stated = (lesson["teaching_minutes"] + lesson["exercise_minutes"], lesson["exercise_minutes"])
        assert stated == (total, exercises), (
            f"tools/timing.py gives {total} minutes, {exercises} of them exercises and open questions: "
            f"set teaching_minutes = {total - exercises} and exercise_minutes = {exercises}")

    def test_guide_lesson_plan_adds_up_to_the_manifests_minutes(self, lesson):
        body = GUIDE.split(f"## {lesson['title']}", 1)[1].split("\n## ", 1)[0]
        rows = table_rows(body.split("### Lesson plan", 1)[1])
        minutes, total = minutes_column(rows, 1)
        assert sum(minutes) == total == lesson["teaching_minutes"] + lesson["exercise_minutes"]

    def test_guide_overview_table_gives_the_manifests_minutes(self, lesson):
        row = f"| {lesson['title']} | {lesson['question']} |"
        line = next(line for line in GUIDE.splitlines() if line.startswith(row))
        total = lesson["teaching_minutes"] + lesson["exercise_minutes"]
        assert line.endswith(f"| {total} ({lesson['teaching_minutes']} + {lesson['exercise_minutes']}) |")


def agenda(heading: str) -> list[list[str]]:
    section = GUIDE.split(f"\n### {heading}", 1)
    assert len(section) == 2, f"the guide has no section '### {heading}'"
    return table_rows(section[1].split("\n## ", 1)[0].split("\n### ", 1)[0])


AGENDAS = {"A 90-minute session": 90, "A 4-hour workshop": 240, "A second 4-hour workshop": 240}


@pytest.mark.parametrize("heading, length", AGENDAS.items())
def test_guide_agenda_adds_up_to_its_length(heading, length):
    minutes, total = minutes_column(agenda(heading), 0)
    assert sum(minutes) == total == length


@pytest.mark.parametrize("heading", AGENDAS)
def test_guide_agenda_gives_a_whole_timed_notebook_its_manifest_minutes(heading):
    for row in agenda(heading)[:-1]:
        for lesson in TIMED_LESSONS:
            if row[1].startswith(f"{lesson['title']}, whole"):
                assert int(row[0]) == lesson["teaching_minutes"] + lesson["exercise_minutes"], row[1]


def test_guide_gives_the_series_total_of_the_manifests_minutes():
    total = sum(lesson["teaching_minutes"] + lesson["exercise_minutes"] for lesson in LESSONS)
    stated = re.search(r"Together the six take \*\*(\d+) minutes\*\* \((\d+) hours? (\d+) minutes\)", GUIDE)
    assert stated, "the guide must say 'Together the six take **N minutes** (H hours M minutes)'"
    assert [int(n) for n in stated.groups()] == [total, total // 60, total % 60]
