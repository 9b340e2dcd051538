"""Tests for the "sequence" answer kind (helpers/checking/kinds/sequence.py), through throwaway exercises.

The reference answers are fruit names and made-up numbers, so nothing here depends on the article.
"""

from __future__ import annotations

import collections
from typing import Any

import numpy as np
import pandas as pd
import pytest
from throwaway_exercise import make

from helpers.checking import CORRECT, NOT_YET_RIGHT

FRUITS = ["kiwi", "lime", "mango"]


class TestSequence:
    @pytest.mark.parametrize(
        "answer",
        [[3, 1, 2], (3, 1, 2), np.array([3, 1, 2]), pd.Series([3, 1, 2], index=["x", "y", "z"]), [3.0, 1.0, 2.0]],
        ids=["list", "tuple", "array", "Series with any index", "floats"],
    )
    def test_same_order_is_correct(self, answer: Any) -> None:
        assert make("sequence", [3, 1, 2]).evaluate(answer).status == CORRECT

    def test_other_order_is_not_yet_right_with_order_message(self) -> None:
        feedback = make("sequence", [3, 1, 2]).evaluate([1, 2, 3])
        assert feedback.status == NOT_YET_RIGHT and "not in the right order" in feedback.message

    def test_set_is_rejected_because_it_has_no_order(self) -> None:
        message = make("sequence", [3, 1, 2]).evaluate({1, 2, 3}).message
        assert "a set" in message and "order" in message

    def test_pairs_compare_item_by_item(self) -> None:
        counts = collections.Counter({"kiwi": 3, "lime": 2}).most_common()
        assert make("sequence", [("Kiwi", 3), ("lime", 2.0)]).evaluate(counts).status == CORRECT

    def test_pairs_as_lists_match_pairs_as_tuples(self) -> None:
        assert make("sequence", [("kiwi", 3)]).evaluate([["kiwi", 3]]).status == CORRECT

    def test_one_wrong_item_says_how_many_without_naming_it(self) -> None:
        message = make("sequence", FRUITS).evaluate(["kiwi", "lime", "papaya"]).message
        assert "1 item is missing and 1 item should not be there" in message and "mango" not in message

    def test_sorted_list_is_not_right_when_order_counts(self) -> None:
        assert make("sequence", ["lime", "kiwi", "mango"]).evaluate(sorted(FRUITS)).status == NOT_YET_RIGHT
