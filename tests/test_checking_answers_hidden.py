"""Answers out of normal reach: nothing a student can tab-complete on an exercise holds or computes
its answer; solution() shows it, and answer_key() gives it to the answer keys and the tests.
"""

from __future__ import annotations

import rlcompleter

import pytest

from helpers.checking import Exercise, ExerciseSet, Mistake, answer_key

SECRET_NUMBER = 4271
SOLUTION = "answer = count_the_pomegranates()"
EXPLANATION = "Because the tamarind rows are left out."


def make() -> Exercise:
    return Exercise(1, "Count", expected=lambda: SECRET_NUMBER, kind="number", hints=["Count the rows."],
                    solution=SOLUTION, explanation=EXPLANATION,
                    mistakes=[Mistake(lambda a: a == 10, "Too many.", example=10)])


def completions(namespace: dict, text: str) -> list[str]:
    """Return what tab completion (the standard library's completer, which uses dir()) offers for text."""
    completer = rlcompleter.Completer(namespace)
    found, state = [], 0
    while (match := completer.complete(text, state)) is not None:
        found.append(match)
        state += 1
    return found


class TestAnswersOutOfReach:
    @pytest.mark.parametrize("name", ["expected_answer", "solution_code", "explanation", "expected", "reference"])
    def test_answer_names_are_not_public(self, name: str) -> None:
        assert name not in dir(make())

    def test_tab_completion_offers_nothing_that_holds_the_answer(self) -> None:
        exercise = make()
        offered = [name.removeprefix("q.").split("(")[0] for name in completions({"q": exercise}, "q.")]
        assert offered and "check" in offered and not any(n.startswith("_") for n in offered)
        for name in offered:
            value = getattr(exercise, name)
            if callable(value):
                continue
            shown = repr(value)
            assert str(SECRET_NUMBER) not in shown and SOLUTION not in shown and EXPLANATION not in shown, name

    def test_solution_is_where_the_student_sees_it(self, capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
        import IPython

        monkeypatch.setattr(IPython, "get_ipython", lambda: None)
        make().solution()
        out = capsys.readouterr().out
        assert SOLUTION in out and EXPLANATION in out

    def test_answer_key_gives_answer_solution_and_explanation(self) -> None:
        key = answer_key(make())
        assert (key.expected, key.solution, key.explanation) == (SECRET_NUMBER, SOLUTION, EXPLANATION)

    def test_exercise_set_offers_only_exercises_and_its_tools(self) -> None:
        names = completions({"ex": ExerciseSet("nb", [make()])}, "ex.")
        offered = {name.removeprefix("ex.").split("(")[0] for name in names}
        assert offered == {"q1", "notebook", "progress", "reset", "module_getattr"}
