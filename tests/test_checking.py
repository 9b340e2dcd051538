"""Tests for helpers.checking, the engine behind the self-checking exercises.

Every exercise here is a throwaway one built for the test (fruit names and made-up numbers),
so the tests do not depend on the article or on any notebook's exercises.
"""

from __future__ import annotations

import contextlib
import functools
import importlib.util
import io
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from throwaway_exercise import make

from helpers import checking
from helpers.checking import (
    CORRECT,
    KINDS,
    NOT_ATTEMPTED,
    NOT_YET_RIGHT,
    Exercise,
    ExerciseCheckFailed,
    ExerciseSet,
    Feedback,
    Mistake,
    answer_key,
    audit_exercise,
    strict_mode,
)
from helpers.checking.audit import reveals, secrets
from helpers.checking.claims import ClaimWithEvidence
from helpers.checking.interactions import LabelRows, Pair, PredictAndRun, PredictThenRun, TwoParts
from helpers.checking.kinds import kind_named
from helpers.checking.parsons import ChooseLine, OrderLines

# Every test starts outside strict mode; strict-mode tests set it themselves.
pytestmark = pytest.mark.usefixtures("no_strict_mode")

STATUSES = {CORRECT, NOT_YET_RIGHT, NOT_ATTEMPTED}
ADDRESS = re.compile(r"0x[0-9a-fA-F]+")


# ---------------------------------------------------------------------------------------------
# Throwaway exercises
# ---------------------------------------------------------------------------------------------


def number_exercise(**options: Any) -> Exercise:
    mistake = Mistake(lambda a: a == 10, "You also counted the headline.", example=10)
    options.setdefault("mistakes", [mistake])
    return make("number", 9, **options)


def all_kinds() -> list[Exercise]:
    """Return one exercise of each registered kind, made from the kind's own sample reference answer.

    A new kind (a new module in helpers/checking/kinds/) is then covered by every test below that
    runs on all kinds, the property tests included, without changing this file.
    """
    return [make(name, kind_named(name).sample, **kind_named(name).sample_options) for name in KINDS]


def all_interactions() -> list[Exercise]:
    """Return one exercise of each interaction (helpers/checking/interactions.py, parsons.py, claims.py).

    They judge answers their own way, so the robustness and property tests below run on them too.
    """
    hints = ["Look at the data.", "Count carefully."]
    sentences = ["The fair drew over 4,271 visitors.", "Seven stalls sold kiwi."]
    return [
        PredictThenRun(1, "Predict", expected=lambda: 4271, kind="number", hints=hints, solution="p = 1"),
        PredictAndRun(1, "Predict and run", expected=lambda: ["kiwi", "tamarind"], kind="set", hints=hints,
                      solution="p = 1"),
        ChooseLine(1, "Choose", lines=["n = len(s)", "n = s.count()", "n = sum(s)"], right=3,
                   wrong={1: "len counts items.", 2: "count needs an argument."}, hints=hints, solution="line = 3"),
        OrderLines(1, "Order", lines=["a = 1", "b = a + 1", "c = b * 2", "d = 0"], right=[1, 2, 3],
                   wrong={4: "d is never used."}, hints=hints, solution="order = [1, 2, 3]"),
        LabelRows(1, "Label", labels=["sweet", "sour"], expected=lambda: {"kiwi": "sweet", "tamarind": "sour"},
                  hints=hints, solution="labels = [...]"),
        ClaimWithEvidence(1, "Claim", sentences=lambda: sentences,
                          model=lambda: ("Over 4,271 visitors came.", sentences[0]), hints=hints, solution="c = 1"),
    ]


def name_of(exercise: Exercise) -> str:
    """Return a test id: the kind, or the interaction's class and its kind."""
    return exercise.kind if type(exercise) is Exercise else f"{type(exercise).__name__}-{exercise.kind}"


EVERY_EXERCISE = all_kinds() + all_interactions()
TWO_PARTS = [e for e in all_interactions() if isinstance(e, TwoParts)]


# ---------------------------------------------------------------------------------------------
# The placeholder and None
# ---------------------------------------------------------------------------------------------


class TestPlaceholder:
    @pytest.mark.parametrize("exercise", all_kinds(), ids=lambda e: e.kind)
    def test_ellipsis_is_not_attempted_for_every_kind(self, exercise: Exercise) -> None:
        assert exercise.evaluate(...).status == NOT_ATTEMPTED

    def test_not_attempted_message_says_what_to_do(self) -> None:
        message = number_exercise().evaluate(...).message
        assert "replace ... with your answer and run the cell again." in message

    def test_placeholder_does_not_compute_the_expected_answer(self) -> None:
        def expected() -> int:
            raise AssertionError("expected() must not run for the placeholder")

        exercise = Exercise(1, "Lazy", expected=expected, kind="number", hints=["h"], solution="s")
        assert exercise.evaluate(...).status == NOT_ATTEMPTED

    def test_none_is_not_yet_right(self) -> None:
        assert number_exercise().evaluate(None).status == NOT_YET_RIGHT

    def test_none_message_mentions_print_and_return(self) -> None:
        message = number_exercise().evaluate(None).message
        assert "None" in message and "print" in message and "return" in message

    def test_none_message_names_the_in_place_methods(self) -> None:
        message = number_exercise().evaluate(None).message
        assert ".append()" in message and ".remove()" in message and ".sort()" in message



FRUITS = ["kiwi", "lime", "mango"]


# ---------------------------------------------------------------------------------------------
# Mistakes
# ---------------------------------------------------------------------------------------------


class TestMistakes:
    def test_mistake_example_gets_its_message(self) -> None:
        exercise = number_exercise()
        assert exercise.evaluate(10).message == "You also counted the headline."

    def test_mistake_does_not_fire_for_the_right_answer(self) -> None:
        always = Mistake(lambda a: True, "This matches everything.", example=1)
        assert number_exercise(mistakes=[always]).evaluate(9).status == CORRECT

    def test_first_matching_mistake_wins(self) -> None:
        first = Mistake(lambda a: a > 9, "Too many.", example=10)
        second = Mistake(lambda a: a == 10, "Exactly ten.", example=10)
        assert number_exercise(mistakes=[first, second]).evaluate(10).message == "Too many."

    def test_mistake_test_that_raises_counts_as_no_match(self) -> None:
        broken = Mistake(lambda a: 1 / 0, "Never shown.", example=10)
        feedback = number_exercise(mistakes=[broken]).evaluate(10)
        assert feedback.status == NOT_YET_RIGHT and "Never shown." not in feedback.message

    def test_text_mistake_sees_normalised_text(self) -> None:
        mistake = Mistake(lambda a: a == "kiwi fruit", "That is the fruit, not its colour.", example="Kiwi Fruit")
        exercise = make("text", "green", mistakes=[mistake])
        assert exercise.evaluate("  KIWI   fruit ").message == mistake.message

    def test_set_mistake_sees_a_frozenset(self) -> None:
        mistake = Mistake(lambda a: a == frozenset({"kiwi", "lime"}), "You forgot one.", example=["kiwi", "lime"])
        exercise = make("set", FRUITS, mistakes=[mistake])
        assert exercise.evaluate(("Lime", "kiwi", "kiwi")).message == mistake.message

    def test_mistakes_are_not_tried_for_wrong_types(self) -> None:
        mistake = Mistake(lambda a: True, "Matches anything.", example=10)
        feedback = number_exercise(mistakes=[mistake]).evaluate([9])
        assert "Matches anything." not in feedback.message and "a list" in feedback.message

    def test_mistake_with_empty_message_is_refused(self) -> None:
        with pytest.raises(ValueError):
            Mistake(lambda a: True, "  ", example=1)


# ---------------------------------------------------------------------------------------------
# Wrong types: the message names what was expected and what was given
# ---------------------------------------------------------------------------------------------


class TestWrongTypeMessages:
    @pytest.mark.parametrize(
        ("kind", "reference", "answer", "given_words"),
        [
            ("number", 9, [9], "a list"),
            ("number", 9, pd.DataFrame({"n": [9]}), "a pandas DataFrame"),
            ("number", 9, {"n": 9}, "a dictionary"),
            ("text", "kiwi", ["kiwi"], "a list"),
            ("text", "kiwi", 3.5, "a decimal number (float)"),
            ("set", FRUITS, "kiwi", "a piece of text (str)"),
            ("set", FRUITS, pd.DataFrame({"f": FRUITS}), "a pandas DataFrame"),
            ("sequence", FRUITS, 3, "a whole number (int)"),
            ("mapping", {"kiwi": 1}, "kiwi", "a piece of text (str)"),
            ("boolean", True, [True], "a list"),
        ],
    )
    def test_message_names_both_kinds(self, kind: str, reference: Any, answer: Any, given_words: str) -> None:
        exercise = make(kind, reference)
        feedback = exercise.evaluate(answer)
        assert feedback.status == NOT_YET_RIGHT
        assert exercise.answer_type in feedback.message and given_words in feedback.message

    def test_custom_answer_type_is_used(self) -> None:
        exercise = make("set", FRUITS, answer_type="a list of words")
        assert "a list of words" in exercise.evaluate(3).message


# ---------------------------------------------------------------------------------------------
# Nothing gives the answer away (only solution() does)
# ---------------------------------------------------------------------------------------------

WRONG_ANSWERS = [
    5, 7.5, -1, 0, float("nan"), True, "kiwi", "", [1, 2], ["kiwi"], ("kiwi", "lime"), {"kiwi": 1},
    {"kiwi", "lime"}, pd.Series([1, 2]), pd.Series({"kiwi": 1}), np.array([1, 2]), pd.DataFrame({"a": [1]}),
    None, object(), len, [("kiwi", 5)], ["tamarind"], ["pomegranate"], {"tamarind": 3}, {"pomegranate": 5},
]


def secret_texts(exercise: Exercise) -> list[str]:
    """Return the parts of the reference answer that must not appear in a message."""
    expected = answer_key(exercise).expected
    if isinstance(expected, dict):
        return [str(k) for k in expected] + [str(v) for v in expected.values() if len(str(v)) >= 3]
    if isinstance(expected, list):
        return [str(item) for item in expected]
    return [str(expected)]


class TestNothingRevealed:
    @pytest.mark.parametrize("exercise", [e for e in all_kinds() if e.kind != "boolean"], ids=lambda e: e.kind)
    def test_wrong_answer_messages_do_not_contain_the_answer(self, exercise: Exercise) -> None:
        secrets = secret_texts(exercise)
        for answer in WRONG_ANSWERS:
            feedback = exercise.evaluate(answer)
            if feedback.status == CORRECT:
                continue
            for secret in secrets:
                if secret in ("pomegranate", "tamarind") and secret in str(answer):
                    continue  # the student's own words may be shown back to them
                assert secret not in str(feedback), (answer, secret)
                assert secret not in feedback._repr_markdown_(), (answer, secret)

    @pytest.mark.parametrize("exercise", [e for e in all_kinds() if e.kind != "boolean"], ids=lambda e: e.kind)
    def test_hints_do_not_contain_the_answer(self, exercise: Exercise, capsys: pytest.CaptureFixture[str],
                                             plain_python: None) -> None:
        for _ in range(len(exercise.hints) + 1):
            exercise.hint()
        shown = capsys.readouterr().out
        assert all(secret not in shown for secret in secret_texts(exercise))

    def test_solution_is_where_the_answer_is_shown(self, capsys: pytest.CaptureFixture[str],
                                                  plain_python: None) -> None:
        make("number", 4271, solution="answer = 4271").solution()
        assert "4271" in capsys.readouterr().out

    def test_object_repr_with_address_is_never_echoed(self) -> None:
        text = str(number_exercise().evaluate(object()))
        assert not ADDRESS.search(text)


# ---------------------------------------------------------------------------------------------
# hint(), solution(), check() without an answer
# ---------------------------------------------------------------------------------------------


class TestHints:
    def test_hints_come_one_by_one(self, capsys: pytest.CaptureFixture[str], plain_python: None) -> None:
        exercise = make("number", 9, hints=["First step.", "Second step.", "Third step."])
        shown = []
        for _ in range(3):
            exercise.hint()
            shown.append(capsys.readouterr().out)
        assert [s.startswith(f"Hint {i} of 3: ") for i, s in enumerate(shown, 1)] == [True, True, True]
        assert ["First step." in shown[0], "Second step." in shown[1], "Third step." in shown[2]] == [True] * 3

    def test_after_the_last_hint_it_stays_on_the_last(self, capsys: pytest.CaptureFixture[str],
                                                     plain_python: None) -> None:
        exercise = make("number", 9, hints=["First step.", "Second step."])
        for _ in range(4):
            exercise.hint()
        last = capsys.readouterr().out.strip().split("Hint ")[-1]
        assert last.startswith("2 of 2: Second step.")

    def test_last_hint_points_to_solution(self, capsys: pytest.CaptureFixture[str], plain_python: None) -> None:
        exercise = make("number", 9, number=4, hints=["First step.", "Second step."])
        for _ in range(3):
            exercise.hint()
        assert capsys.readouterr().out.count("ex.q4.solution()") == 2

    def test_earlier_hints_do_not_point_to_solution(self, capsys: pytest.CaptureFixture[str],
                                                   plain_python: None) -> None:
        make("number", 9, hints=["First step.", "Second step."]).hint()
        assert "solution()" not in capsys.readouterr().out

    def test_hint_n_shows_hint_n(self, capsys: pytest.CaptureFixture[str], plain_python: None) -> None:
        make("number", 9, hints=["First step.", "Second step.", "Third step."]).hint(2)
        assert capsys.readouterr().out.startswith("Hint 2 of 3: Second step.")

    @pytest.mark.parametrize("n", [0, 4, -1, "2", 2.0, True])
    def test_out_of_range_hint_gives_plain_message(self, n: Any, capsys: pytest.CaptureFixture[str],
                                                   plain_python: None) -> None:
        make("number", 9, hints=["First step.", "Second step.", "Third step."]).hint(n)
        out = capsys.readouterr().out
        assert "hints 1 to 3" in out and "Traceback" not in out


class TestSolution:
    def test_solution_shows_code_and_explanation(self, capsys: pytest.CaptureFixture[str],
                                                 plain_python: None) -> None:
        exercise = make("number", 9, solution="answer = len(figures)", explanation="len counts the items.")
        exercise.solution()
        out = capsys.readouterr().out
        assert "Solution" in out and "answer = len(figures)" in out and "len counts the items." in out

    def test_solution_markdown_has_a_python_code_block(self, monkeypatch: pytest.MonkeyPatch) -> None:
        shown = capture_display(monkeypatch)
        make("number", 9, solution="answer = len(figures)").solution()
        assert "```python\nanswer = len(figures)\n```" in shown[0]._repr_markdown_()


class TestCheckWithoutAnswer:
    def test_check_without_answer_says_how_to_call_it(self, capsys: pytest.CaptureFixture[str],
                                                      plain_python: None) -> None:
        make("number", 9, number=1).check()
        assert capsys.readouterr().out.strip() == "check() needs your answer: ex.q1.check(answer)"

    def test_check_without_answer_leaves_status_alone(self, capsys: pytest.CaptureFixture[str],
                                                      plain_python: None) -> None:
        exercise = make("number", 9)
        exercise.check()
        assert exercise.status == NOT_ATTEMPTED


# ---------------------------------------------------------------------------------------------
# Status, progress(), reset(), ExerciseSet
# ---------------------------------------------------------------------------------------------


def three_exercises() -> ExerciseSet:
    return ExerciseSet("01-test-notebook", [make("number", 9, number=n) for n in (1, 2, 3)])


class TestProgress:
    def test_check_records_status(self, capsys: pytest.CaptureFixture[str], plain_python: None) -> None:
        ex = three_exercises()
        ex.q1.check(9)
        ex.q2.check(8)
        assert [ex.q1.status, ex.q2.status, ex.q3.status] == [CORRECT, NOT_YET_RIGHT, NOT_ATTEMPTED]

    def test_evaluate_does_not_record_status(self) -> None:
        ex = three_exercises()
        ex.q1.evaluate(9)
        assert ex.q1.status == NOT_ATTEMPTED

    def test_summary_counts_each_status(self, capsys: pytest.CaptureFixture[str], plain_python: None) -> None:
        ex = three_exercises()
        ex.q1.check(9)
        ex.q2.check(8)
        capsys.readouterr()
        ex.progress()
        lines = capsys.readouterr().out.strip().splitlines()
        assert lines[-1] == "Progress for 01-test-notebook: 1 correct, 1 not yet right, 1 not attempted."

    def test_progress_lists_number_title_and_status(self, capsys: pytest.CaptureFixture[str],
                                                    plain_python: None) -> None:
        ex = ExerciseSet("nb", [make("number", 9, number=1, title="Count the figures")])
        ex.q1.check(9)
        capsys.readouterr()
        ex.progress()
        first = capsys.readouterr().out.splitlines()[0]
        assert "1" in first and "Count the figures" in first and CORRECT in first

    def test_reset_sets_all_back_to_not_attempted(self, capsys: pytest.CaptureFixture[str],
                                                  plain_python: None) -> None:
        ex = three_exercises()
        ex.q1.check(9)
        ex.q2.check(8)
        ex.reset()
        assert {e.status for e in ex} == {NOT_ATTEMPTED}

    def test_reset_starts_hints_again(self, capsys: pytest.CaptureFixture[str], plain_python: None) -> None:
        ex = three_exercises()
        ex.q1.hint()
        ex.q1.hint()
        ex.reset()
        capsys.readouterr()
        ex.q1.hint()
        assert capsys.readouterr().out.startswith("Hint 1 of")

    def test_progress_markdown_is_a_table_with_summary(self, monkeypatch: pytest.MonkeyPatch) -> None:
        shown = capture_display(monkeypatch)
        three_exercises().progress()
        markdown = shown[0]._repr_markdown_()
        assert "| Exercise | Task | Status |" in markdown and "0 correct, 0 not yet right, 3 not attempted." in markdown


class TestExerciseSet:
    def test_attribute_access_by_name(self) -> None:
        ex = three_exercises()
        assert [ex.q1.number, ex.q2.number, ex.q3.number] == [1, 2, 3]

    def test_iteration_and_len(self) -> None:
        ex = three_exercises()
        assert [e.name for e in ex] == ["q1", "q2", "q3"] and len(ex) == 3

    def test_unknown_exercise_names_the_known_ones(self) -> None:
        with pytest.raises(AttributeError, match="q1, q2, q3"):
            three_exercises().q9  # noqa: B018

    def test_other_missing_attributes_raise_attribute_error(self) -> None:
        assert not hasattr(three_exercises(), "_repr_html_")

    def test_two_exercises_with_one_number_are_refused(self) -> None:
        with pytest.raises(ValueError):
            ExerciseSet("nb", [make("number", 1, number=1), make("number", 2, number=1)])

    def test_notebook_name_is_kept(self) -> None:
        assert three_exercises().notebook == "01-test-notebook"


class TestAuthoringErrors:
    def test_unknown_kind_is_refused(self) -> None:
        with pytest.raises(ValueError, match="kind"):
            make("integer", 9)

    def test_hints_as_one_text_are_refused(self) -> None:
        with pytest.raises(TypeError):
            make("number", 9, hints="Count them.")

    def test_custom_without_compare_is_refused(self) -> None:
        with pytest.raises(ValueError):
            make("custom", 9)

    def test_expected_is_not_called_when_the_exercise_is_made(self) -> None:
        calls = []
        Exercise(1, "Lazy", expected=lambda: calls.append(1), kind="number", hints=["h"], solution="s")
        assert calls == []

    def test_expected_is_computed_once(self) -> None:
        calls = []

        def expected() -> int:
            calls.append(1)
            return 9

        exercise = Exercise(1, "Lazy", expected=expected, kind="number", hints=["h"], solution="s")
        exercise.evaluate(9)
        exercise.evaluate(8)
        assert calls == [1]

    def test_broken_reference_gives_not_yet_right_not_an_error(self) -> None:
        exercise = Exercise(1, "Broken", expected=lambda: 1 / 0, kind="number", hints=["h"], solution="s")
        feedback = exercise.evaluate(9)
        assert feedback.status == NOT_YET_RIGHT and "not your fault" in feedback.message


# ---------------------------------------------------------------------------------------------
# Strict mode
# ---------------------------------------------------------------------------------------------


class TestStrictMode:
    @pytest.mark.parametrize(
        ("value", "mode"),
        [(None, "off"), ("", "off"), ("0", "off"), ("1", "correct"), ("correct", "correct"),
         ("not-attempted", "not-attempted"), ("true", "correct"), ("YES", "correct"), (" on ", "correct"),
         ("false", "off"), ("no", "off"), ("Off", "off"), ("not_attempted", "not-attempted")],
    )
    def test_strict_mode_reads_the_environment(self, monkeypatch: pytest.MonkeyPatch, value: str | None,
                                               mode: str) -> None:
        if value is not None:
            monkeypatch.setenv("WUZHEN_STRICT", value)
        assert strict_mode() == mode

    @pytest.mark.parametrize("answer", [8, ..., "9", None], ids=["wrong", "placeholder", "wrong type", "None"])
    def test_strict_correct_raises_unless_correct(self, monkeypatch: pytest.MonkeyPatch, answer: Any,
                                                  capsys: pytest.CaptureFixture[str], plain_python: None) -> None:
        monkeypatch.setenv("WUZHEN_STRICT", "1")
        with pytest.raises(ExerciseCheckFailed):
            number_exercise().check(answer)

    def test_strict_correct_does_not_raise_for_correct(self, monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str], plain_python: None) -> None:
        monkeypatch.setenv("WUZHEN_STRICT", "1")
        number_exercise().check(9)
        assert "Correct." in capsys.readouterr().out

    def test_strict_failure_is_an_assertion_error_with_the_feedback_text(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], plain_python: None
    ) -> None:
        monkeypatch.setenv("WUZHEN_STRICT", "1")
        exercise = number_exercise()
        with pytest.raises(AssertionError) as raised:
            exercise.check(10)
        assert str(raised.value) == str(exercise.evaluate(10))

    @pytest.mark.parametrize("answer", [9, 8, None], ids=["correct", "wrong", "None"])
    def test_strict_not_attempted_raises_unless_placeholder(self, monkeypatch: pytest.MonkeyPatch, answer: Any,
                                                            capsys: pytest.CaptureFixture[str],
                                                            plain_python: None) -> None:
        monkeypatch.setenv("WUZHEN_STRICT", "not-attempted")
        with pytest.raises(ExerciseCheckFailed):
            number_exercise().check(answer)

    def test_strict_not_attempted_accepts_placeholder(self, monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str], plain_python: None) -> None:
        monkeypatch.setenv("WUZHEN_STRICT", "not-attempted")
        number_exercise().check(...)
        assert "Not attempted." in capsys.readouterr().out

    @pytest.mark.parametrize("value", ["1", "not-attempted"])
    def test_strict_check_without_answer_raises(self, monkeypatch: pytest.MonkeyPatch, value: str,
                                                capsys: pytest.CaptureFixture[str], plain_python: None) -> None:
        monkeypatch.setenv("WUZHEN_STRICT", value)
        with pytest.raises(ExerciseCheckFailed):
            number_exercise().check()

    def test_outside_strict_mode_wrong_answer_does_not_raise(self, capsys: pytest.CaptureFixture[str],
                                                            plain_python: None) -> None:
        number_exercise().check(8)
        assert "Not yet right." in capsys.readouterr().out


# ---------------------------------------------------------------------------------------------
# Display: plain text outside IPython, display() with Markdown inside
# ---------------------------------------------------------------------------------------------


def capture_display(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Pretend to run inside IPython; return the list that collects what display() receives."""
    import IPython
    import IPython.display

    shown: list[Any] = []
    monkeypatch.setattr(IPython, "get_ipython", lambda: object())
    monkeypatch.setattr(IPython.display, "display", shown.append)
    return shown


class TestDisplay:
    def test_plain_python_prints_the_plain_text(self, capsys: pytest.CaptureFixture[str],
                                                plain_python: None) -> None:
        make("number", 9, number=2, title="Count the figures").check(9)
        lines = capsys.readouterr().out.splitlines()
        assert lines[0] == "Exercise 2 · Count the figures — Correct."

    def test_inside_ipython_display_receives_the_feedback(self, monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
        shown = capture_display(monkeypatch)
        number_exercise().check(9)
        assert isinstance(shown[0].feedback, Feedback) and capsys.readouterr().out == ""

    def test_inside_ipython_hint_is_displayed_with_markdown(self, monkeypatch: pytest.MonkeyPatch) -> None:
        shown = capture_display(monkeypatch)
        make("number", 9, hints=["Look at the data."]).hint()
        assert shown[0]._repr_markdown_().startswith("**Hint 1 of 1:** Look at the data.")

    @pytest.mark.parametrize("status", sorted(STATUSES))
    def test_status_word_is_written_out_in_both_forms(self, status: str) -> None:
        feedback = Feedback(status, "Try it", "Message.", 1)
        word = status.capitalize() + "."
        assert word in str(feedback) and f"**{word}**" in feedback._repr_markdown_()

    def test_repr_is_the_plain_text(self) -> None:
        feedback = number_exercise().evaluate(9)
        assert repr(feedback) == str(feedback)

    def test_markdown_puts_code_in_backticks(self) -> None:
        assert "`ex.q1.hint()`" in number_exercise().evaluate(...)._repr_markdown_()

    def test_plain_text_has_no_backticks_in_our_own_words(self) -> None:
        assert "`" not in str(number_exercise().evaluate(...))

    def test_student_text_is_echoed_unchanged_in_plain_text(self) -> None:
        assert '"*big* <b>x</b>"' in str(number_exercise().evaluate("*big* <b>x</b>"))

    def test_student_text_cannot_inject_markdown(self) -> None:
        mistune = pytest.importorskip("mistune")
        html = mistune.html(number_exercise().evaluate("*big* <b>x</b> `z`")._repr_markdown_())
        assert "<em>" not in html and "<b>" not in html and "*big*" in html

    def test_markdown_renders_bold_status(self) -> None:
        mistune = pytest.importorskip("mistune")
        html = mistune.html(number_exercise().evaluate(8)._repr_markdown_())
        assert "<strong>Not yet right.</strong>" in html


# ---------------------------------------------------------------------------------------------
# Robustness: no input makes evaluate() or check() fail
# ---------------------------------------------------------------------------------------------


def run_checking_alone(code: str, **environment: str) -> str:
    """Return what code prints in a new Python that loads helpers.checking on its own, as checking_alone.

    Only the checking engine is loaded (not helpers/__init__.py, which imports pandas), so it starts quickly.
    """
    path = Path(checking.__file__)
    load = (
        "import importlib.util, sys\n"
        f"spec = importlib.util.spec_from_file_location('checking_alone', {str(path)!r})\n"
        "checking_alone = importlib.util.module_from_spec(spec)\n"
        "sys.modules['checking_alone'] = checking_alone\n"
        "spec.loader.exec_module(checking_alone)\n"
    )
    result = subprocess.run([sys.executable, "-c", load + code], capture_output=True, text=True, check=True,
                            env={**os.environ, **environment})
    return result.stdout


class Hostile:
    """An object whose every special method raises."""

    def __eq__(self, other: object) -> bool:
        raise RuntimeError("eq")

    def __hash__(self) -> int:
        raise RuntimeError("hash")

    def __bool__(self) -> bool:
        raise RuntimeError("bool")

    def __len__(self) -> int:
        raise RuntimeError("len")

    def __iter__(self) -> Any:
        raise RuntimeError("iter")

    def __repr__(self) -> str:
        raise RuntimeError("repr")

    def __str__(self) -> str:
        raise RuntimeError("str")

    def __getattr__(self, name: str) -> Any:
        raise RuntimeError("getattr")

    def __float__(self) -> float:
        raise RuntimeError("float")


class EndlessList(list):
    """A list that pretends to go on for ever and refuses to tell its length."""

    def __iter__(self) -> Any:
        while True:
            yield 1

    def __len__(self) -> int:
        raise RuntimeError("len")


class HostileText(str):
    """Text whose methods raise."""

    def __str__(self) -> str:
        raise RuntimeError("str")

    def split(self, *args: Any) -> list[str]:  # type: ignore[override]
        raise RuntimeError("split")

    def __eq__(self, other: object) -> bool:
        raise RuntimeError("eq")

    __hash__ = str.__hash__


class HostileNumber(int):
    """A whole number whose conversions and comparisons raise."""

    def __int__(self) -> int:
        raise RuntimeError("int")

    def __index__(self) -> int:
        raise RuntimeError("index")

    def __eq__(self, other: object) -> bool:
        raise RuntimeError("eq")

    def __repr__(self) -> str:
        raise RuntimeError("repr")

    __hash__ = int.__hash__


def hostile_meta_class() -> type:
    """Return a class whose metaclass raises on every unknown attribute (made here, out of pytest's sight)."""

    class HostileMeta(type):
        def __getattr__(cls, name: str) -> Any:
            raise RuntimeError("meta getattr")

    return HostileMeta("WithHostileMeta", (), {})



def object_array(item: Any, shape: tuple[int, ...] = (1,)) -> np.ndarray:
    array = np.empty(shape, dtype=object)
    array[...] = None
    array.flat[0] = item
    return array


def deeply_nested(depth: int) -> list[Any]:
    nested: list[Any] = []
    for _ in range(depth):
        nested = [nested]
    return nested


@functools.cache
def huge_objects() -> tuple[Any, ...]:
    """Return the huge answers, built once: making them is slower than checking them, and no check changes them."""
    inner = list(range(2000))
    return deeply_nested(50_000), [inner] * 2000, list(range(300_000)), "x" * 1_000_000


def hostile_objects() -> list[Any]:
    return [
        Hostile(), [Hostile()], (Hostile(), 1), {1: Hostile()}, {"kiwi": Hostile()}, EndlessList([1, 2]),
        HostileText("pomegranate"), [HostileText("kiwi")], HostileNumber(4271), [HostileNumber(3)],
        hostile_meta_class()(), hostile_meta_class(), object_array(Hostile()), object_array(Hostile(), ()),
        *huge_objects(),
        float("nan"), float("inf"), -float("inf"), [float("nan")], np.array([np.nan]), np.zeros((2, 2)),
        np.array([]), np.array(["a", "b"]), pd.DataFrame(), pd.DataFrame({"a": [1, 2]}), pd.Series([], dtype=float),
        pd.NA, [pd.NA], pd.Series([1, None], dtype="Int64"), (x for x in range(3)), iter([1]), map(str, [1]),
        int, Exercise, sys, len, lambda: 1, print, object(), 3 + 4j, b"bytes", bytearray(b"x"), range(5),
        {1, 2}.union, Ellipsis, None, NotImplemented, type(None), slice(1, 2), memoryview(b"ab"),
    ]


class TestRobustness:
    @pytest.mark.parametrize("exercise", EVERY_EXERCISE, ids=name_of)
    def test_evaluate_never_raises_and_gives_a_status(self, exercise: Exercise) -> None:
        for answer in hostile_objects():
            assert exercise.evaluate(answer).status in STATUSES

    @pytest.mark.parametrize("exercise", EVERY_EXERCISE, ids=name_of)
    def test_check_never_raises_outside_strict_mode(self, exercise: Exercise, capsys: pytest.CaptureFixture[str],
                                                    plain_python: None) -> None:
        for answer in hostile_objects():
            exercise.check(answer)
        assert "Traceback" not in capsys.readouterr().out

    @pytest.mark.parametrize("exercise", EVERY_EXERCISE, ids=name_of)
    def test_no_object_address_in_any_message(self, exercise: Exercise) -> None:
        for answer in hostile_objects():
            feedback = exercise.evaluate(answer)
            assert not ADDRESS.search(str(feedback) + feedback._repr_markdown_())

    @pytest.mark.parametrize("exercise", TWO_PARTS, ids=name_of)
    def test_two_answers_never_make_a_check_raise(self, exercise: Exercise, capsys: pytest.CaptureFixture[str],
                                                  plain_python: None) -> None:
        for answer in hostile_objects()[:20]:
            for first, second in ((answer, answer), (..., answer), (answer, ...), ("kiwi", answer)):
                assert exercise.evaluate(Pair(first, second)).status in STATUSES
                exercise.check(first, second)
        assert "Traceback" not in capsys.readouterr().out

    def test_unreadable_answer_names_its_type_and_what_is_expected(self) -> None:
        message = make("custom", 1, compare=lambda a, e: a == e).evaluate(Hostile()).message
        assert "could not read this answer" in message and "Hostile" in message

    def test_too_many_items_gives_a_message(self) -> None:
        feedback = make("set", FRUITS).evaluate(list(range(300_000)))
        assert feedback.status == NOT_YET_RIGHT and "too many items" in feedback.message

    def test_hostile_text_subclass_is_read_as_its_text(self) -> None:
        assert make("text", "pomegranate").evaluate(HostileText("Pomegranate")).status == CORRECT

    def test_output_is_the_same_every_run(self) -> None:
        texts = [str(make("set", FRUITS).evaluate(answer)) for answer in (["kiwi"], ["kiwi"])]
        assert texts[0] == texts[1]

    def test_output_does_not_depend_on_hash_seed(self) -> None:
        code = (
            "q = checking_alone.Exercise(1, 'T', expected=lambda: ['kiwi', 'lime', 'mango'], kind='set',"
            " hints=['h'], solution='s')\n"
            "print(q.evaluate({'kiwi', 'papaya', 'fig', 'lime'}))\n"
        )
        outputs = {run_checking_alone(code, PYTHONHASHSEED=seed) for seed in ("1", "2", "3")}
        assert len(outputs) == 1


# Hypothesis: arbitrary objects. Text never holds an "x", so no student text can look like an address.
TEXT = st.text(alphabet=st.characters(exclude_characters="xX"), max_size=30)
SCALARS = st.one_of(
    st.none(), st.just(...), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True),
    TEXT, st.complex_numbers(), st.binary(max_size=5), st.fractions(),
)
# Hypothesis shows its strategies (and failing examples) with repr(), so hostile objects are made by
# factories (whose repr is harmless) at the moment they are drawn.
HOSTILE = st.sampled_from([
    Hostile, lambda: EndlessList([1]), lambda: HostileText("kiwi"), lambda: HostileNumber(7),
    lambda: hostile_meta_class()(), hostile_meta_class, object, lambda: len, lambda: int,
]).map(lambda make_one: make_one())
ARRAYS = st.one_of(
    hnp.arrays(dtype=st.sampled_from([np.int64, np.float64, np.bool_]),
               shape=hnp.array_shapes(min_dims=0, max_dims=2, min_side=0, max_side=3)),
    hnp.arrays(dtype=np.dtype("U3"), shape=hnp.array_shapes(min_dims=0, max_dims=1, min_side=0, max_side=3),
               elements=st.text(alphabet="abc ", max_size=3)),
)
LEAVES = st.one_of(SCALARS, HOSTILE, ARRAYS)
OBJECTS = st.one_of(HOSTILE, st.recursive(
    LEAVES,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.tuples(children, children),
        st.dictionaries(st.one_of(TEXT, st.integers()), children, max_size=3),
        st.frozensets(st.one_of(TEXT, st.integers()), max_size=4),
        st.lists(st.one_of(st.integers(), st.floats(), TEXT), max_size=4).map(lambda xs: pd.Series(xs, dtype=object)),
    ),
    max_leaves=12,
))


def shown_by_student(answer: Any) -> str:
    """Return the text a student's answer could show back (its str, normalised), or "" if it has none."""
    if isinstance(answer, Pair):
        return shown_by_student(answer.first) + " " + shown_by_student(answer.second)
    try:
        return checking.normalise_text(str(answer))
    except Exception:
        return ""


class TestProperties:
    @pytest.mark.parametrize("exercise", EVERY_EXERCISE, ids=name_of)
    @settings(max_examples=80, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(answer=OBJECTS)
    def test_evaluate_never_raises_and_never_shows_an_address(self, exercise: Exercise, answer: Any) -> None:
        feedback = exercise.evaluate(answer)
        assert feedback.status in STATUSES
        assert not ADDRESS.search(str(feedback))

    @pytest.mark.parametrize("exercise", EVERY_EXERCISE, ids=name_of)
    @settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(answer=OBJECTS)
    def test_check_never_raises_outside_strict_mode(self, exercise: Exercise, answer: Any) -> None:
        with contextlib.redirect_stdout(io.StringIO()):
            exercise.check(answer)

    @pytest.mark.parametrize("exercise", EVERY_EXERCISE, ids=name_of)
    @settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(answer=OBJECTS)
    def test_feedback_never_leaks_the_answer(self, exercise: Exercise, answer: Any) -> None:
        self.assert_no_leak(exercise, answer)

    @pytest.mark.parametrize("exercise", TWO_PARTS, ids=name_of)
    @settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(first=OBJECTS, second=OBJECTS)
    def test_two_answers_never_raise_never_leak(self, exercise: Exercise, first: Any, second: Any) -> None:
        with contextlib.redirect_stdout(io.StringIO()):
            exercise.check(first, second)
        self.assert_no_leak(exercise, Pair(first, second))

    @staticmethod
    def assert_no_leak(exercise: Exercise, answer: Any) -> None:
        feedback = exercise.evaluate(answer)
        assert feedback.status in STATUSES and not ADDRESS.search(str(feedback))
        if feedback.status == CORRECT:
            return
        for secret in secrets(exercise):  # the kind's, and those the interaction adds (hidden_texts)
            if secret in shown_by_student(answer):
                continue  # the student's own words may be shown back to them
            assert not reveals(str(feedback), secret), (secret, str(feedback))

    def test_every_registered_kind_is_covered(self) -> None:
        assert sorted(e.kind for e in all_kinds()) == sorted(KINDS)
        assert {"number", "text", "set", "bag", "sequence", "mapping", "boolean", "custom"} <= set(KINDS)


class TestKindRegistry:
    def test_every_kind_has_its_own_test_file(self) -> None:
        tests = Path(__file__).resolve().parent
        assert [name for name in KINDS if not (tests / f"test_kind_{name}.py").exists()] == []

    def test_no_module_of_the_engine_branches_on_a_kind_name(self) -> None:
        package = Path(checking.__file__).resolve().parent
        branches = [f"{path.relative_to(package)}:{number}" for path in sorted(package.rglob("*.py"))
                    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
                    if re.search(r"""kind\s*(==|!=|in)\s*[("']""", line)]
        assert branches == []

    def test_no_module_of_the_engine_imports_a_private_name_from_another(self) -> None:
        package = Path(checking.__file__).resolve().parent
        private = [f"{path.relative_to(package)}: {line.strip()}" for path in sorted(package.rglob("*.py"))
                   for line in path.read_text(encoding="utf-8").splitlines()
                   if re.match(r"from \.\S* import .*\b_[a-z]", line)]
        assert private == []

    def test_kind_names_are_looked_up_and_unknown_ones_refused(self) -> None:
        assert kind_named("number").name == "number"
        with pytest.raises(ValueError, match="one of"):
            kind_named("integer")

    @given(number=st.integers(min_value=-10**6, max_value=10**6))
    def test_number_and_its_float_and_numpy_forms_agree(self, number: int) -> None:
        exercise = make("number", number)
        statuses = {exercise.evaluate(form).status for form in (number, float(number), np.int64(number))}
        assert statuses == {CORRECT}

    @given(words=st.lists(st.text(alphabet="abcdef", min_size=1, max_size=5), min_size=1, max_size=6))
    def test_set_accepts_any_order_and_repeats(self, words: list[str]) -> None:
        exercise = make("set", words)
        assert exercise.evaluate(list(reversed(words)) + words[:1]).status == CORRECT


# ---------------------------------------------------------------------------------------------
# audit_exercise
# ---------------------------------------------------------------------------------------------


class TestAuditExercise:
    @pytest.mark.parametrize("exercise", all_kinds(), ids=lambda e: e.kind)
    def test_good_exercise_of_each_kind_has_no_problems(self, exercise: Exercise) -> None:
        assert audit_exercise(exercise) == []

    def test_good_exercise_with_mistake_has_no_problems(self) -> None:
        assert audit_exercise(number_exercise()) == []

    def test_hint_that_gives_the_number_away_is_named(self) -> None:
        exercise = make("number", 4271, hints=["Count them.", "It is 4271."])
        assert any("hint 2" in problem for problem in audit_exercise(exercise))

    def test_hint_that_gives_an_item_away_is_named(self) -> None:
        exercise = make("set", ["pomegranate", "tamarind"], hints=["One is Tamarind."])
        assert any("hint 1" in problem for problem in audit_exercise(exercise))

    def test_hint_with_a_longer_number_is_not_a_giveaway(self) -> None:
        assert audit_exercise(make("number", 12, hints=["There are 112 words in all."])) == []

    def test_mistake_message_that_gives_the_answer_away_is_named(self) -> None:
        mistake = Mistake(lambda a: a == 10, "Not 10: it is 9.", example=10)
        problems = audit_exercise(number_exercise(mistakes=[mistake]))
        assert any("mistake 1" in problem for problem in problems)

    def test_mistake_example_that_is_correct_is_named(self) -> None:
        mistake = Mistake(lambda a: a == 9, "Never shown.", example=9)
        problems = audit_exercise(number_exercise(mistakes=[mistake]))
        assert any("mistake 1's example is accepted as correct" in problem for problem in problems)

    def test_mistake_hidden_by_an_earlier_mistake_is_named(self) -> None:
        first = Mistake(lambda a: a > 9, "Too many.", example=11)
        second = Mistake(lambda a: a == 10, "Exactly ten.", example=10)
        problems = audit_exercise(number_exercise(mistakes=[first, second]))
        assert any("mistake 2's example does not get mistake 2's message" in problem for problem in problems)

    def test_reference_of_the_wrong_kind_is_named(self) -> None:
        problems = audit_exercise(make("text", 9))
        assert any("not accepted as correct" in problem for problem in problems)

    def test_reference_that_raises_is_named(self) -> None:
        exercise = Exercise(1, "Broken", expected=lambda: 1 / 0, kind="number", hints=["h"], solution="s")
        assert any("ZeroDivisionError" in problem for problem in audit_exercise(exercise))

    def test_exercise_without_hints_is_named(self) -> None:
        assert any("no hints" in problem for problem in audit_exercise(make("number", 9, hints=[])))


# ---------------------------------------------------------------------------------------------
# Importing the module
# ---------------------------------------------------------------------------------------------


class TestImport:
    def test_module_imports_neither_pandas_nor_numpy(self) -> None:
        code = "print(sorted(name for name in ('pandas', 'numpy', 'IPython', 'matplotlib') if name in sys.modules))\n"
        assert run_checking_alone(code).strip() == "[]"

    def test_module_spec_is_found(self) -> None:
        assert importlib.util.find_spec("helpers.checking") is not None
