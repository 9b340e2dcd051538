"""The lesson manifest (notebooks/lessons.toml) against the notebooks, the README and the guide.

An instructor plans from the manifest, the README table and the guide: all three must say what
the notebooks really contain.
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest

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


def test_generated_answer_keys_and_readme_table_are_up_to_date():
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_guide", ROOT / "tools" / "build_guide.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--check"]) == 0, "run `make notebooks` to regenerate them"


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
