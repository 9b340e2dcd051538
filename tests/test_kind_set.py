"""Tests for the "set" answer kind (helpers/checking/kinds/sets.py), through throwaway exercises.

The reference answers are fruit names and made-up numbers, so nothing here depends on the article.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pytest
from throwaway_exercise import make

from helpers.checking import CORRECT, NOT_YET_RIGHT

FRUITS = ["kiwi", "lime", "mango"]


class TestSet:
    @pytest.mark.parametrize(
        "answer",
        [list(FRUITS), tuple(FRUITS), set(FRUITS), frozenset(FRUITS), pd.Series(FRUITS), pd.Index(FRUITS),
         np.array(FRUITS), dict.fromkeys(FRUITS).keys()],
        ids=["list", "tuple", "set", "frozenset", "Series", "Index", "array", "dict keys"],
    )
    def test_every_collection_type_is_accepted(self, answer: Any) -> None:
        assert make("set", FRUITS).evaluate(answer).status == CORRECT

    def test_order_does_not_matter(self) -> None:
        assert make("set", FRUITS).evaluate(["mango", "kiwi", "lime"]).status == CORRECT

    def test_duplicates_do_not_count(self) -> None:
        assert make("set", FRUITS).evaluate(["kiwi", "kiwi", "lime", "mango"]).status == CORRECT

    def test_items_are_normalised_like_text(self) -> None:
        assert make("set", FRUITS).evaluate([" KIWI", "Lime ", "mango"]).status == CORRECT

    def test_numbers_are_normalised_like_numbers(self) -> None:
        assert make("set", [1, 2, 3]).evaluate(np.array([3.0, 2.0, 1.0])).status == CORRECT

    def test_missing_item_says_how_many_are_missing_without_naming_it(self) -> None:
        message = make("set", FRUITS).evaluate(["kiwi", "lime"]).message
        assert "1 item is missing" in message and "mango" not in message

    def test_extra_item_says_how_many_should_not_be_there_without_naming_it(self) -> None:
        message = make("set", FRUITS).evaluate([*FRUITS, "papaya", "fig"]).message
        assert "2 items should not be there" in message and "papaya" not in message and "fig" not in message

    def test_one_wrong_item_says_one_missing_and_one_extra(self) -> None:
        message = make("set", FRUITS).evaluate(["kiwi", "lime", "papaya"]).message
        assert "1 item is missing and 1 item should not be there" in message and "mango" not in message

    def test_misspelled_item_says_check_the_spelling_without_naming_it(self) -> None:
        message = make("set", ["digital divide", "cybersecurity"]).evaluate(["digital devide", "cybersecurity"]).message
        assert "check the spelling" in message and "divide" not in message.replace("devide", "")

    def test_unrelated_wrong_item_does_not_mention_spelling(self) -> None:
        message = make("set", FRUITS).evaluate(["kiwi", "lime", "papaya"]).message
        assert "spelling" not in message

    def test_empty_collection_says_it_is_empty(self) -> None:
        message = make("set", FRUITS).evaluate([]).message
        assert "it is empty" in message and "kiwi" not in message

    def test_repeats_do_not_count_as_extra_items(self) -> None:
        message = make("set", FRUITS).evaluate(["kiwi", "kiwi", "lime"]).message
        assert "1 item is missing" in message and "should not be there" not in message

    def test_text_items_for_numbers_are_pointed_out(self) -> None:
        message = make("set", [1, 2]).evaluate(["1", "2"]).message
        assert "pieces of text where numbers are expected" in message

    def test_true_does_not_stand_for_one(self) -> None:
        assert make("set", [1, 2]).evaluate([True, 2]).status == NOT_YET_RIGHT

    def test_one_text_for_collection_is_rejected_with_both_kinds(self) -> None:
        feedback = make("set", FRUITS).evaluate("kiwi lime mango")
        assert feedback.status == NOT_YET_RIGHT and "a piece of text (str)" in feedback.message

    def test_generator_is_rejected_with_list_tip(self) -> None:
        message = make("set", FRUITS).evaluate(x for x in FRUITS).message
        assert "a generator" in message and "list(...)" in message

    def test_a_condition_of_true_and_false_values_says_to_keep_its_rows(self) -> None:
        feedback = make("set", FRUITS).evaluate(pd.Series([True, False, True]))
        assert feedback.status == NOT_YET_RIGHT
        assert "True and False" in feedback.message and ".loc" in feedback.message
        assert "items are missing" not in feedback.message

    def test_true_and_false_items_are_no_condition_where_truth_values_are_asked(self) -> None:
        message = make("set", [True, 1]).evaluate([False]).message
        assert "condition" not in message
