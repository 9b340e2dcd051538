"""What students do and where they work: wrong names and arguments, progress over several tries,
ASCII terminals and strict mode's values. Throwaway exercises only (fruit names, made-up numbers).
"""

from __future__ import annotations

import os
import subprocess
import sys
import types
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from helpers import checking
from helpers.checking import (
    CORRECT,
    NOT_ATTEMPTED,
    Exercise,
    ExerciseCheckFailed,
    ExerciseSet,
    StrictModeError,
    strict_mode,
)

# Every test starts outside strict mode; strict-mode tests set it themselves.
pytestmark = pytest.mark.usefixtures("no_strict_mode")


def make(number: int = 1, **options: Any) -> Exercise:
    options.setdefault("hints", ["Look at the data.", "Count carefully."])
    return Exercise(number, "Count the fruit", expected=lambda: 9, kind="number", solution="answer = 9", **options)


def exercise_module() -> types.ModuleType:
    """Return a stand-in for helpers/exercises/nbNN.py: q1 to q3 and the module-level __getattr__."""
    module = types.ModuleType("nb99")
    module.EXERCISES = ExerciseSet("99-test-notebook", [make(n) for n in (1, 2, 3)])
    module.q1, module.q2, module.q3 = module.EXERCISES
    module.progress = module.EXERCISES.progress
    module.__getattr__ = module.EXERCISES.module_getattr
    return module


class TestUnknownExercise:
    @pytest.mark.parametrize("name", ["q99", "q0", "q4"])
    def test_unknown_exercise_check_says_which_exist(self, name: str, capsys: pytest.CaptureFixture[str],
                                                     plain_python: None) -> None:
        getattr(exercise_module(), name).check(9)
        out = capsys.readouterr().out
        assert f"has no exercise {name}" in out and "ex.q1, ex.q2, ex.q3" in out

    def test_capital_q_says_names_use_a_small_q(self, capsys: pytest.CaptureFixture[str], plain_python: None) -> None:
        exercise_module().Q1.hint()
        assert "small q, such as ex.q1" in capsys.readouterr().out

    def test_unknown_exercise_shown_in_a_cell_explains_itself(self) -> None:
        assert "has no exercise q99" in repr(exercise_module().q99)

    def test_unknown_exercise_check_raises_in_strict_mode(
            self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], plain_python: None) -> None:
        monkeypatch.setenv("WUZHEN_STRICT", "1")
        with pytest.raises(ExerciseCheckFailed, match="no exercise q9"):
            exercise_module().q9.check(9)

    def test_other_missing_names_still_raise_attribute_error(self) -> None:
        assert not hasattr(exercise_module(), "solutions") and not hasattr(exercise_module(), "__wrapped__")


class TestWrongArguments:
    def test_check_with_two_answers_says_check_takes_one(self, capsys: pytest.CaptureFixture[str],
                                                         plain_python: None) -> None:
        exercise = make()
        exercise.check(9, 10)
        out = capsys.readouterr().out
        assert "takes one answer" in out and "ex.q1.check(answer)" in out and exercise.status == NOT_ATTEMPTED

    def test_check_with_an_extra_keyword_says_check_takes_one(self, capsys: pytest.CaptureFixture[str],
                                                              plain_python: None) -> None:
        make().check(9, tolerance=1)
        assert "takes one answer" in capsys.readouterr().out

    def test_check_with_the_answer_named_is_fine(self, capsys: pytest.CaptureFixture[str], plain_python: None) -> None:
        make().check(answer=9)
        assert "Correct." in capsys.readouterr().out

    def test_check_with_two_answers_raises_in_strict_mode(
            self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], plain_python: None) -> None:
        monkeypatch.setenv("WUZHEN_STRICT", "1")
        with pytest.raises(ExerciseCheckFailed):
            make().check(9, 10)

    def test_progress_with_an_argument_still_shows_progress(self, capsys: pytest.CaptureFixture[str],
                                                            plain_python: None) -> None:
        exercise_module().progress(1)
        out = capsys.readouterr().out
        assert "Progress for 99-test-notebook" in out and "nothing inside its parentheses" in out

    @pytest.mark.parametrize(
        "n",
        [object(), float("nan"), 10**400, np.int64(2**62), "1", [1], None.__class__,
         type("Meta", (type,), {})("M", (), {})],
        ids=["object", "nan", "huge int", "huge numpy int", "text", "list", "class", "class with a metaclass"],
    )
    def test_hint_with_any_argument_answers_in_plain_words(self, n: Any, capsys: pytest.CaptureFixture[str],
                                                          plain_python: None) -> None:
        make().hint(n)
        assert "hints 1 to 2" in capsys.readouterr().out

    def test_hint_with_two_arguments_answers_in_plain_words(self, capsys: pytest.CaptureFixture[str],
                                                            plain_python: None) -> None:
        make().hint(1, 2)
        assert "hints 1 to 2" in capsys.readouterr().out

    def test_solution_with_an_argument_still_shows_the_solution(self, capsys: pytest.CaptureFixture[str],
                                                                plain_python: None) -> None:
        make().solution(1)
        out = capsys.readouterr().out
        assert "answer = 9" in out and "nothing inside its parentheses" in out


class TestProgressRemembers:
    def test_solved_then_a_wrong_try_still_counts_as_correct(self, capsys: pytest.CaptureFixture[str],
                                                             plain_python: None) -> None:
        ex = exercise_module()
        ex.q1.check(9)
        ex.q1.check(8)
        capsys.readouterr()
        ex.progress()
        lines = capsys.readouterr().out.splitlines()
        assert lines[0].endswith("correct (your last try was not)")
        assert lines[-1] == "Progress for 99-test-notebook: 1 correct, 0 not yet right, 2 not attempted."

    def test_status_is_still_the_last_try(self, capsys: pytest.CaptureFixture[str], plain_python: None) -> None:
        exercise = make()
        exercise.check(9)
        exercise.check(8)
        assert (exercise.status, exercise.solved) == ("not yet right", True)

    def test_reset_forgets_that_it_was_solved(self, capsys: pytest.CaptureFixture[str], plain_python: None) -> None:
        ex = exercise_module()
        ex.q1.check(9)
        ex.EXERCISES.reset()
        assert not ex.q1.solved

    def test_evaluate_does_not_mark_solved(self) -> None:
        exercise = make()
        exercise.evaluate(9)
        assert not exercise.solved


def run_python(code: str, **environment: str) -> subprocess.CompletedProcess[str]:
    """Run code in a new Python, from the repository root, with extra environment variables."""
    root = Path(checking.__file__).resolve().parents[2]
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root,
                          env={**os.environ, **environment}, encoding="utf-8")


CHECK_IN_PYTHON = (
    "from helpers.checking import Exercise\n"
    "q = Exercise(1, 'Count the fruit', expected=lambda: 'café', kind='text', hints=['h'], solution='s')\n"
    "q.check('café'); q.check('thé “vert”'); q.hint(); q.solution()\n"
)


class TestAsciiTerminal:
    def test_check_on_an_ascii_terminal_prints_ascii_instead_of_failing(self) -> None:
        result = run_python(CHECK_IN_PYTHON, PYTHONIOENCODING="ascii")
        assert result.returncode == 0, result.stderr
        assert "Exercise 1 - Count the fruit -- Correct." in result.stdout and result.stdout.isascii()

    def test_student_text_is_shown_without_its_accents(self) -> None:
        assert 'Your answer "the "vert""' in run_python(CHECK_IN_PYTHON, PYTHONIOENCODING="ascii").stdout

    def test_a_unicode_terminal_keeps_the_typography(self) -> None:
        assert "Exercise 1 · Count the fruit — Correct." in run_python(CHECK_IN_PYTHON, PYTHONIOENCODING="utf-8").stdout


class TestStrictModeValues:
    @pytest.mark.parametrize("value", ["1", "true", "True", "yes", "on", "correct"])
    def test_values_that_switch_it_on(self, monkeypatch: pytest.MonkeyPatch, value: str) -> None:
        monkeypatch.setenv("WUZHEN_STRICT", value)
        assert strict_mode() == "correct"

    @pytest.mark.parametrize("value", ["", "0", "false", "FALSE", "no", "off", " off "])
    def test_values_that_switch_it_off(self, monkeypatch: pytest.MonkeyPatch, value: str) -> None:
        monkeypatch.setenv("WUZHEN_STRICT", value)
        assert strict_mode() == "off"

    @pytest.mark.parametrize("value", ["not-attempted", "not_attempted"])
    def test_values_for_not_attempted(self, monkeypatch: pytest.MonkeyPatch, value: str) -> None:
        monkeypatch.setenv("WUZHEN_STRICT", value)
        assert strict_mode() == "not-attempted"

    @pytest.mark.parametrize("value", ["maybe", "2", "yes please", "strict"])
    def test_an_unknown_value_is_reported_with_the_accepted_ones(self, monkeypatch: pytest.MonkeyPatch,
                                                                 value: str) -> None:
        monkeypatch.setenv("WUZHEN_STRICT", value)
        with pytest.raises(StrictModeError, match="does not accept. Use 1, true, yes or on"):
            strict_mode()

    def test_check_reports_an_unknown_value_before_it_checks(self, monkeypatch: pytest.MonkeyPatch,
                                                             capsys: pytest.CaptureFixture[str],
                                                             plain_python: None) -> None:
        monkeypatch.setenv("WUZHEN_STRICT", "maybe")
        with pytest.raises(StrictModeError):
            make().check(9)
        assert capsys.readouterr().out == ""

    def test_strict_values_are_documented_where_strict_mode_is_defined(self) -> None:
        from helpers.checking import strict

        for value in strict.STRICT_VALUES:
            assert not value or f'"{value}"' in strict.__doc__

    def test_correct_in_strict_mode_does_not_raise(self, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str], plain_python: None) -> None:
        monkeypatch.setenv("WUZHEN_STRICT", "yes")
        exercise = make()
        exercise.check(9)
        assert exercise.status == CORRECT
