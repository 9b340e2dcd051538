"""Tests for the "bag" answer kind (helpers/checking/kinds/bag.py), through throwaway exercises.

The reference answers are fruit names and made-up numbers, so nothing here depends on the article.
"""

from __future__ import annotations

import pandas as pd
from throwaway_exercise import make

from helpers.checking import CORRECT, NOT_YET_RIGHT


class TestBag:
    def test_order_does_not_matter(self) -> None:
        assert make("bag", ["kiwi", "kiwi", "lime"]).evaluate(["lime", "kiwi", "kiwi"]).status == CORRECT

    def test_series_is_accepted(self) -> None:
        assert make("bag", ["kiwi", "kiwi", "lime"]).evaluate(pd.Series(["kiwi", "lime", "kiwi"])).status == CORRECT

    def test_missing_repeat_is_not_yet_right(self) -> None:
        assert make("bag", ["kiwi", "kiwi", "lime"]).evaluate(["kiwi", "lime"]).status == NOT_YET_RIGHT

    def test_extra_repeat_says_repeats_count(self) -> None:
        message = make("bag", ["kiwi", "lime"]).evaluate(["kiwi", "lime", "lime"]).message
        assert "repeats count" in message

    def test_floats_within_tolerance_match(self) -> None:
        assert make("bag", [0.3, 0.3, 1.5]).evaluate([1.5, 0.1 + 0.2, 0.3]).status == CORRECT

    def test_one_wrong_item_says_how_many_are_missing_and_extra(self) -> None:
        message = make("bag", ["kiwi", "kiwi", "lime"]).evaluate(["kiwi", "kiwi", "fig"]).message
        assert "1 item is missing and 1 item should not be there" in message and "lime" not in message

    def test_a_missing_repeat_says_some_appear_too_rarely(self) -> None:
        message = make("bag", ["kiwi", "kiwi", "lime"]).evaluate(["kiwi", "lime"]).message
        assert "too often or too rarely" in message
