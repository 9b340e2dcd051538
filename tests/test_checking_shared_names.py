"""Shared names: an answer stored under the notebook's own table (`quotations = ...`) is noticed,
with what to do: run the loading cell again and use a new name.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from helpers.checking import CORRECT, NOT_YET_RIGHT, Exercise, SharedName


def table() -> pd.DataFrame:
    return pd.DataFrame({"fruit": ["kiwi", "lime", "mango"], "kind": ["direct", "reported", "direct"]})


def make(**options: Any) -> Exercise:
    return Exercise(1, "Count the direct rows", expected=lambda: 2, kind="number", hints=["Use .loc."],
                    solution="n_direct = 2", **options)


class TestSharedNames:
    def test_answer_stored_under_a_shared_name_is_not_correct(self) -> None:
        namespace = {"quotations": 2}
        feedback = make(shared_names=["quotations"]).evaluate(namespace["quotations"], namespace)
        assert feedback.status == NOT_YET_RIGHT
        assert "Your value itself is right." in feedback.message and "never quotations" in feedback.message

    def test_the_message_says_how_to_recover(self) -> None:
        namespace = {"quotations": 3}
        message = make(shared_names=["quotations"]).evaluate(namespace["quotations"], namespace).message
        assert "run again the cell that makes quotations" in message and "new name" in message

    def test_wrong_answer_under_a_shared_name_keeps_its_own_explanation_too(self) -> None:
        namespace = {"quotations": 3}
        message = make(shared_names=["quotations"]).evaluate(3, namespace).message
        assert message.startswith("Your answer, 3, is not the number") and "quotations" in message

    def test_answer_under_a_new_name_is_correct(self) -> None:
        namespace = {"quotations": table(), "n_direct": 2}
        assert make(shared_names=["quotations"]).evaluate(namespace["n_direct"], namespace).status == CORRECT

    def test_changed_table_is_noticed_when_the_exercise_says_what_intact_means(self) -> None:
        shared = SharedName("quotations", intact=lambda t: len(t) == 3, made_in="the cell under “Load the table”")
        quotations = table()
        namespace = {"quotations": quotations.loc[quotations["kind"] == "direct"]}
        message = make(shared_names=[shared]).evaluate(2, namespace).message
        assert "no longer holds the notebook's data" in message and "the cell under “Load the table”" in message

    def test_intact_table_is_not_mentioned(self) -> None:
        shared = SharedName("quotations", intact=lambda t: len(t) == 3)
        assert make(shared_names=[shared]).evaluate(2, {"quotations": table()}).status == CORRECT

    def test_placeholder_is_still_not_attempted(self) -> None:
        assert make(shared_names=["quotations"]).evaluate(..., {"quotations": ...}).status == "not attempted"

    def test_check_looks_in_the_callers_variables(self, capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
        import IPython

        monkeypatch.setattr(IPython, "get_ipython", lambda: None)
        namespace = {"exercise": make(shared_names=["quotations"]), "quotations": 2}
        exec("exercise.check(quotations)", namespace)
        assert "never quotations" in capsys.readouterr().out

    @pytest.mark.parametrize("bad", ["quotations", ["not a name"], ["class"]], ids=["one text", "spaces", "keyword"])
    def test_malformed_shared_names_are_refused(self, bad: Any) -> None:
        with pytest.raises((TypeError, ValueError)):
            make(shared_names=bad)
