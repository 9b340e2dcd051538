"""The record each check() leaves beside its feedback, for the class report (helpers/checking/record.py)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from IPython.core.formatters import DisplayFormatter

from helpers.checking import RECORD_MIME, Exercise, ExerciseSet, Mistake, collection_version


def shown_bundles(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Pretend to run inside IPython; collect the MIME bundles Jupyter would save for each display()."""
    import IPython
    import IPython.display

    bundles: list[dict[str, Any]] = []
    formatter = DisplayFormatter()
    monkeypatch.setattr(IPython, "get_ipython", lambda: object())
    monkeypatch.setattr(IPython.display, "display", lambda obj: bundles.append(formatter.format(obj)[0]))
    return bundles


def exercise_set() -> ExerciseSet:
    q1 = Exercise(1, "Count the paragraphs", expected=lambda: 12, kind="number", hints=["Split first."],
                  solution="answer = 12",
                  mistakes=[Mistake(lambda a: a == 13, "The headline is not a body paragraph.", example=13)])
    q2 = Exercise(2, "Name the outlet", expected=lambda: "China Daily", kind="text", hints=["Last line."],
                  solution='answer = "China Daily"')
    return ExerciseSet("01-the-article-as-text", [q1, q2])


def test_a_check_saves_its_record_beside_the_text_and_markdown_a_student_sees(monkeypatch):
    bundles = shown_bundles(monkeypatch)
    exercise_set().q1.check(13)
    bundle = bundles[0]
    assert bundle["text/plain"].startswith("Exercise 1 · Count the paragraphs — Not yet right.")
    assert "**Not yet right.**" in bundle["text/markdown"]
    assert bundle[RECORD_MIME] == {
        "notebook": "01-the-article-as-text", "exercise": 1, "status": "not yet right",
        "mistake": exercise_set().q1.mistakes[0].id, "message": "The headline is not a body paragraph.",
        "tries": 1, "version": collection_version(),
    }
    json.dumps(bundle[RECORD_MIME])  # it must survive being saved in the notebook


def test_tries_count_the_checks_of_one_exercise_and_start_again_after_reset(monkeypatch):
    bundles = shown_bundles(monkeypatch)
    ex = exercise_set()
    for answer in (...,  11, 12):
        ex.q1.check(answer)
    ex.q2.check("China Daily")
    ex.reset()
    ex.q1.check(12)
    records = [b[RECORD_MIME] for b in bundles]
    assert [(r["exercise"], r["status"], r["tries"]) for r in records] == [
        (1, "not attempted", 1), (1, "not yet right", 2), (1, "correct", 3), (2, "correct", 1), (1, "correct", 1)]


def test_a_record_never_holds_the_answer_nor_the_expected_one(monkeypatch):
    bundles = shown_bundles(monkeypatch)
    ex = exercise_set()
    for answer in ("Chinna Daily", "SECRET-ANSWER-xyz", "China Daily"):
        ex.q2.check(answer)
    ex.q1.check(99)
    for bundle in bundles:
        saved = json.dumps(bundle[RECORD_MIME])
        assert "SECRET" not in saved and "Chinna" not in saved and "China Daily" not in saved
        assert "99" not in saved and "12" not in saved


def test_only_a_recognised_mistake_has_an_id_and_its_message(monkeypatch):
    bundles = shown_bundles(monkeypatch)
    ex = exercise_set()
    ex.q1.check(13)     # the exercise's own Mistake
    ex.q1.check(40)     # wrong, but no mistake recognises it
    ex.q1.check(None)   # the engine recognises None
    ex.q1.check(12)     # right
    records = [b[RECORD_MIME] for b in bundles]
    assert records[0]["mistake"] and records[0]["message"].startswith("The headline")
    assert (records[1]["mistake"], records[1]["message"]) == (None, "")
    assert records[2]["mistake"] == "answer-is-none"
    assert (records[3]["mistake"], records[3]["message"]) == (None, "")


def test_mistake_ids_are_stable_and_tell_mistakes_apart():
    first = Mistake(lambda a: a == 13, "The headline is not a body paragraph.", example=13)
    again = Mistake(lambda a: a == 14, "The headline is not a body paragraph.", example=14)
    other = Mistake(lambda a: a == 13, "The headline is not a body paragraph, nor the byline.", example=13)
    named = Mistake(lambda a: a == 13, "Anything.", example=13, id="counted-the-headline")
    assert first.id == again.id != other.id
    assert named.id == "counted-the-headline"


def test_evaluate_shows_feedback_only_and_leaves_no_record(monkeypatch):
    feedback = exercise_set().q1.evaluate(13)
    bundle = DisplayFormatter().format(feedback)[0]
    assert RECORD_MIME not in bundle and "text/markdown" in bundle


def test_outside_jupyter_a_check_prints_only_the_feedback(capsys, monkeypatch):
    import IPython

    monkeypatch.setattr(IPython, "get_ipython", lambda: None)
    exercise_set().q2.check("China Daily")
    out = capsys.readouterr().out
    assert out.startswith("Exercise 2 · Name the outlet — Correct.") and RECORD_MIME not in out
