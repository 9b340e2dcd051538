"""PredictAndRun: the student writes a prediction, runs the cell, then checks both (helpers/checking/interactions.py).

The check makes sure the second answer is what the cell gives when it runs as written, then compares
the prediction with it and says what surprised the student, without ever showing the result itself.
"""

from __future__ import annotations

from typing import Any

import pytest

from helpers.checking import CORRECT, NOT_ATTEMPTED, NOT_YET_RIGHT, Mistake, audit_exercise
from helpers.checking.interactions import Pair, PredictAndRun, interaction_kinds

# Every test starts outside strict mode; strict-mode tests set it themselves.
pytestmark = pytest.mark.usefixtures("no_strict_mode")


def predict(expected: Any = 4271, kind: str = "number", **options: Any) -> PredictAndRun:
    options.setdefault("hints", ["Count the items of the list in the cell."])
    return PredictAndRun(1, "What does len(fruits) give?", expected=lambda: expected, kind=kind,
                         solution="prediction = ...", **options)


class TestBothAnswers:
    def test_right_prediction_and_the_real_run_is_correct(self) -> None:
        feedback = predict().evaluate(Pair(4271, 4271))
        assert feedback.status == CORRECT and feedback.message.startswith("Your prediction matches what the cell gave.")

    def test_prediction_still_a_placeholder_is_not_attempted(self) -> None:
        feedback = predict().evaluate(Pair(..., 4271))
        assert feedback.status == NOT_ATTEMPTED and "prediction = ..." in feedback.message

    @pytest.mark.parametrize(("guess", "way"), [(4000, "larger"), (5000, "smaller")])
    def test_wrong_prediction_says_which_way_the_run_differs(self, guess: int, way: str) -> None:
        feedback = predict().evaluate(Pair(guess, 4271))
        assert f"the cell gave a {way} number than you predicted" in feedback.message
        assert feedback.mistake == "prediction-differs" and "4271" not in feedback.message

    def test_wrong_prediction_asks_for_a_sentence_then_a_new_prediction(self) -> None:
        message = predict().evaluate(Pair(5, 4271)).message
        assert "Write one sentence" in message and "check again" in message

    def test_a_changed_cell_or_another_name_is_not_the_run(self) -> None:
        feedback = predict().evaluate(Pair(4271, 4270))
        assert feedback.status == NOT_YET_RIGHT and feedback.mistake == "run-result-changed"
        assert "without changing it" in feedback.message and "4271" not in feedback.message

    def test_the_run_is_checked_before_the_prediction(self) -> None:
        assert predict().evaluate(Pair(4271, ...)).mistake == "run-result-changed"

    def test_a_collection_says_what_differs_in_the_prediction(self) -> None:
        message = predict(["kiwi", "lime", "tamarind"], kind="set").evaluate(
            Pair(["kiwi", "lime"], ["lime", "kiwi", "tamarind"])).message
        assert "Your prediction differs from what the cell gave." in message and "1 item is missing" in message
        assert "tamarind" not in message

    def test_a_foreseen_prediction_gets_the_authors_words_and_id(self) -> None:
        mistake = Mistake(lambda a: a == 4270, "len counts every item, the last one too.", example=4270,
                          id="len-misses-the-last")
        feedback = predict(mistakes=[mistake]).evaluate(Pair(4270, 4271))
        assert feedback.message == mistake.message and feedback.mistake == "len-misses-the-last"

    def test_a_prediction_of_another_type_gets_the_kinds_tip(self) -> None:
        message = predict().evaluate(Pair("4271", 4271)).message
        assert message.startswith('About your prediction: You gave the text "4271"')

    def test_a_prediction_that_is_none_gets_the_none_message(self) -> None:
        assert predict().evaluate(Pair(None, 4271)).mistake == "answer-is-none"


class TestCheckTakesTwoAnswers:
    def test_check_with_both_shows_the_feedback_and_records_it(self, capsys: pytest.CaptureFixture[str]) -> None:
        exercise = predict()
        exercise.check(4271, 4271)
        assert "Correct." in capsys.readouterr().out and exercise.status == CORRECT and exercise.solved

    def test_check_with_one_answer_says_how_to_call_it(self, capsys: pytest.CaptureFixture[str]) -> None:
        exercise = predict()
        exercise.check(4271)
        assert "ex.q1.check(prediction, result)" in capsys.readouterr().out
        assert exercise.status == NOT_ATTEMPTED

    def test_strict_mode_raises_for_a_wrong_prediction(self, monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
        monkeypatch.setenv("WUZHEN_STRICT", "correct")
        with pytest.raises(AssertionError, match="Not yet right"):
            predict().check(5, 4271)

    def test_prediction_alone_is_judged_as_predict_then_run(self) -> None:
        assert predict().evaluate(4271).status == CORRECT
        assert "the cell gives a larger number" in predict().evaluate(5).message


class TestAuditAndManifestKind:
    def test_passes_the_audit(self) -> None:
        mistake = Mistake(lambda a: a == 4270, "len counts every item, the last one too.", example=4270)
        assert audit_exercise(predict(mistakes=[mistake])) == []

    def test_is_listed_as_predict(self) -> None:
        assert interaction_kinds(predict()) == ("predict",)


def test_predict_then_run_names_its_mistakes_for_the_class_report() -> None:
    from helpers.checking import PredictThenRun

    exercise = PredictThenRun(1, "P", expected=lambda: 4271, kind="number", hints=["h"], solution="p = 1")
    assert [exercise.evaluate(answer).mistake for answer in (5, "5", None)] == [
        "prediction-differs", "answer-of-another-type", "answer-is-none"]
    assert {"prediction-differs", "answer-of-another-type", "answer-is-none"} <= set(exercise.task_mistake_ids)
