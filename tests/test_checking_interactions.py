"""Exercise subclasses that change how an answer is judged by overriding judge() alone (PredictThenRun).

Everything else (the placeholder, None, an answer no check can read, strict mode, progress) stays the
engine's, so a new interaction gets all of it for free.
"""

from __future__ import annotations

from typing import Any

import pytest

from helpers.checking import (
    CORRECT,
    NOT_ATTEMPTED,
    NOT_YET_RIGHT,
    Exercise,
    Mistake,
    PredictThenRun,
    Verdict,
    audit_exercise,
)
from helpers.checking.feedback import say


def prediction(expected: Any = 4, kind: str = "number", **options: Any) -> PredictThenRun:
    options.setdefault("hints", ["Count the items of the list in the cell."])
    return PredictThenRun(1, "What does len(fruits) give?", expected=lambda: expected, kind=kind,
                          solution="prediction = 4", **options)


class TestPredictThenRun:
    def test_right_prediction_is_correct(self) -> None:
        assert prediction().evaluate(4).status == CORRECT

    def test_placeholder_is_not_attempted(self) -> None:
        assert prediction().evaluate(...).status == NOT_ATTEMPTED

    @pytest.mark.parametrize(("guess", "way"), [(3, "larger"), (7, "smaller")])
    def test_wrong_prediction_says_which_way_the_cell_differs(self, guess: int, way: str) -> None:
        message = prediction().evaluate(guess).message
        assert f"the cell gives a {way} number" in message and "Run the cell" in message

    def test_wrong_prediction_never_shows_the_result(self) -> None:
        assert "4271" not in prediction(4271).evaluate(5).message

    def test_wrong_type_gets_the_kinds_tip(self) -> None:
        message = prediction().evaluate("4").message
        assert 'You gave the text "4"' in message

    def test_foreseen_prediction_gets_the_authors_words(self) -> None:
        mistake = Mistake(lambda a: a == 3, "len counts every item, the last one too.", example=3)
        assert prediction(mistakes=[mistake]).evaluate(3).message == mistake.message

    def test_text_prediction_has_no_direction(self) -> None:
        message = prediction("kiwi", kind="text").evaluate("lime").message
        assert "Your prediction is not what the cell gives." in message and "larger" not in message

    def test_predict_then_run_passes_the_audit(self) -> None:
        mistake = Mistake(lambda a: a == 3, "len counts every item, the last one too.", example=3)
        assert audit_exercise(prediction(mistakes=[mistake])) == []


class AlwaysAskWhy(Exercise):
    """A made-up interaction: a right answer is not enough, the check always asks for a reason."""

    def judge(self, answer: Any, reference: Any) -> Verdict:
        return Verdict(NOT_YET_RIGHT, say("Now write one sentence: why is that the answer?"))


class TestOverridingJudge:
    def make(self) -> AlwaysAskWhy:
        return AlwaysAskWhy(1, "Why?", expected=lambda: 9, kind="number", hints=["Think."], solution="answer = 9")

    def test_judge_decides_the_verdict(self) -> None:
        assert self.make().evaluate(9).message == "Now write one sentence: why is that the answer?"

    def test_the_engine_still_handles_the_placeholder_and_none(self) -> None:
        exercise = self.make()
        assert exercise.evaluate(...).status == NOT_ATTEMPTED and "None" in exercise.evaluate(None).message

    def test_a_judge_that_raises_still_gives_plain_words(self) -> None:
        class Broken(Exercise):
            def judge(self, answer: Any, reference: Any) -> Verdict:
                raise RuntimeError("bug in a new interaction")

        feedback = Broken(1, "B", expected=lambda: 9, kind="number", hints=["h"], solution="s").evaluate(9)
        assert feedback.status == NOT_YET_RIGHT and "could not read this answer" in feedback.message
