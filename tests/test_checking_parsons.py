"""Parsons problems (helpers/checking/parsons.py): choose the right line, or put lines in order.

Each wrong line has its own explanation, which may be a mistake the checks already recognise (its
message and its id come along); no message names the right line or the right order.
"""

from __future__ import annotations

from typing import Any

import pytest

from helpers.checking import CORRECT, NOT_YET_RIGHT, Mistake, audit_exercise
from helpers.checking.interactions import interaction_kinds
from helpers.checking.parsons import ChooseLine, OrderLines

FLOOR = Mistake(lambda a: a == 0, "Did you divide with `//`? It keeps only the whole part of the result.",
                example=0, id="share-floor-division")
SHARE_LINES = ["share = awarded // competing", "share = competing / awarded", "share = awarded / competing"]
COUNT_LINES = ["import re", "found = re.findall(pattern, text)", 'pattern = r"\\d+"', "n = len(found)",
               "found.sort()"]


def choose(**options: Any) -> ChooseLine:
    options.setdefault("hints", ["A share is part divided by whole."])
    return ChooseLine(1, "Which line gives the share?", lines=SHARE_LINES, right=3,
                      wrong={1: FLOOR, 2: "That divides the whole by the part: a share is part / whole."},
                      solution="line = 3", **options)


def order(**options: Any) -> OrderLines:
    options.setdefault("hints", ["Which names does each line use, and which line makes them?"])
    return OrderLines(2, "Count the numbers", lines=COUNT_LINES, right=[1, 3, 2, 4], also_right=[[3, 1, 2, 4]],
                      wrong={5: "Sorting changes the order of the matches, not how many there are."},
                      solution="order = [1, 3, 2, 4]", **options)


class TestChooseLine:
    def test_the_right_line_is_correct(self) -> None:
        assert choose().evaluate(3).status == CORRECT

    def test_a_wrong_line_drawn_from_a_recognised_mistake_keeps_its_message_and_id(self) -> None:
        feedback = choose().evaluate(1)
        assert (feedback.message, feedback.mistake) == (FLOOR.message, "share-floor-division")

    def test_each_wrong_line_has_its_own_explanation(self) -> None:
        assert choose().evaluate(2).message == "That divides the whole by the part: a share is part / whole."

    def test_a_number_that_is_no_line_says_how_the_lines_are_numbered(self) -> None:
        feedback = choose().evaluate(7)
        assert feedback.mistake == "no-such-line" and "There is no line 7" in feedback.message
        assert "numbered from one to three" in feedback.message

    def test_the_line_as_text_gets_the_number_tip(self) -> None:
        assert 'You gave the text "3"' in choose().evaluate("3").message

    def test_every_wrong_line_must_be_explained(self) -> None:
        with pytest.raises(ValueError, match="every line but the right one"):
            ChooseLine(1, "C", lines=SHARE_LINES, right=3, wrong={1: "No."}, hints=["h"], solution="s")

    def test_show_lines_numbers_the_lines(self, capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
        import IPython

        monkeypatch.setattr(IPython, "get_ipython", lambda: None)
        choose().show_lines()
        assert capsys.readouterr().out.splitlines()[0] == "1   share = awarded // competing"

    def test_passes_the_audit_and_a_hint_naming_the_line_fails_it(self) -> None:
        assert audit_exercise(choose()) == []
        assert any("hint 1 gives the answer away" in p for p in audit_exercise(choose(hints=["It is line 3."])))


class TestOrderLines:
    @pytest.mark.parametrize("answer", [[1, 3, 2, 4], [3, 1, 2, 4], (1, 3, 2, 4)])
    def test_a_working_order_is_correct(self, answer: Any) -> None:
        assert order().evaluate(answer).status == CORRECT

    def test_a_line_that_does_not_belong_gets_its_own_explanation(self) -> None:
        assert order().evaluate([1, 3, 2, 5, 4]).message.startswith("Sorting changes the order")

    def test_an_order_that_breaks_says_where_without_the_order(self) -> None:
        feedback = order().evaluate([1, 2, 3, 4])
        assert feedback.mistake == "lines-out-of-order"
        assert "Your first line is in a working order, but your second line comes too early or too late" \
            in feedback.message

    def test_a_first_line_that_cannot_come_first_is_named(self) -> None:
        assert order().evaluate([2, 1, 3, 4]).message.startswith("Your first line cannot run first.")

    def test_lines_left_out_are_counted_in_words(self) -> None:
        feedback = order().evaluate([1, 3, 2])
        assert feedback.mistake == "lines-left-out" and "leaves out one of the lines" in feedback.message

    def test_a_line_used_twice_is_named(self) -> None:
        assert order().evaluate([1, 3, 3, 4]).mistake == "line-used-twice"

    def test_numbers_as_text_are_refused_in_plain_words(self) -> None:
        feedback = order().evaluate(["1", "3", "2", "4"])
        assert feedback.status == NOT_YET_RIGHT and "whole numbers without quotation marks" in feedback.message

    def test_no_message_shows_the_right_order(self) -> None:
        for answer in ([1, 2, 3, 4], [2, 1, 3, 4], [1, 3, 2], [1, 3, 3, 4], [1, 3, 2, 9], [1, 3, 2, 5, 4]):
            assert "1, 3, 2, 4" not in order().evaluate(answer).message

    def test_passes_the_audit_and_a_hint_with_the_order_fails_it(self) -> None:
        assert audit_exercise(order()) == []
        assert any("gives the answer away" in p for p in audit_exercise(order(hints=["Try 1, 3, 2, 4."])))

    def test_every_right_order_must_use_the_same_lines(self) -> None:
        with pytest.raises(ValueError, match="same lines"):
            OrderLines(1, "O", lines=COUNT_LINES, right=[1, 3, 2, 4], also_right=[[1, 3, 2]], wrong={5: "No."},
                       hints=["h"], solution="s")


def test_both_are_listed_as_parsons() -> None:
    assert interaction_kinds(choose()) == interaction_kinds(order()) == ("parsons",)
