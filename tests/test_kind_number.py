"""Tests for the "number" answer kind (helpers/checking/kinds/number.py), through throwaway exercises.

The reference answers are fruit names and made-up numbers, so nothing here depends on the article.
"""

from __future__ import annotations

import fractions
from typing import Any

import numpy as np
import pandas as pd
import pytest
from throwaway_exercise import make

from helpers.checking import CORRECT, NOT_YET_RIGHT, Exercise, Mistake


def number_exercise(**options: Any) -> Exercise:
    mistake = Mistake(lambda a: a == 10, "You also counted the headline.", example=10)
    options.setdefault("mistakes", [mistake])
    return make("number", 9, **options)


class TestNumberEquivalents:
    @pytest.mark.parametrize(
        "answer",
        [9, np.int64(9), np.int8(9), 9.0, np.float32(9.0), np.array(9), np.array(9.0),
         pd.Series([4, 5]).sum(), fractions.Fraction(18, 2), 9 + 1e-12],
        ids=["int", "np.int64", "np.int8", "float", "np.float32", "0-d int array", "0-d float array",
             "pandas sum", "Fraction", "within tolerance"],
    )
    def test_equivalent_number_is_correct(self, answer: Any) -> None:
        assert number_exercise().evaluate(answer).status == CORRECT

    def test_float_reference_accepts_close_float(self) -> None:
        assert make("number", 0.3).evaluate(0.1 + 0.2).status == CORRECT

    def test_float_outside_tolerance_is_not_yet_right(self) -> None:
        assert make("number", 0.3, tolerance=1e-6).evaluate(0.31).status == NOT_YET_RIGHT

    def test_wider_tolerance_accepts_rounded_answer(self) -> None:
        assert make("number", 2 / 3, tolerance=0.01).evaluate(0.67).status == CORRECT

    def test_wrong_number_is_not_yet_right(self) -> None:
        assert number_exercise().evaluate(11).status == NOT_YET_RIGHT

    def test_huge_integer_is_not_yet_right(self) -> None:
        assert number_exercise().evaluate(10**5000).status == NOT_YET_RIGHT


class TestNumberRejections:
    @pytest.mark.parametrize("answer", [True, np.True_], ids=["bool", "numpy bool"])
    def test_bool_is_not_the_number_one(self, answer: Any) -> None:
        assert make("number", 1).evaluate(answer).status == NOT_YET_RIGHT

    def test_bool_message_says_true_is_not_a_number(self) -> None:
        message = make("number", 1).evaluate(True).message
        assert "True and False are not numbers" in message

    def test_text_digits_are_rejected(self) -> None:
        assert number_exercise().evaluate("9").status == NOT_YET_RIGHT

    def test_text_digits_message_quotes_the_text_and_says_no_quotation_marks(self) -> None:
        message = number_exercise().evaluate("9").message
        assert 'text "9"' in message and "without quotation marks" in message

    def test_series_with_one_value_gets_take_it_out_tip(self) -> None:
        message = number_exercise().evaluate(pd.Series([9])).message
        assert "pandas Series" in message and ".item()" in message

    def test_pandas_array_with_one_value_gets_take_it_out_tip(self) -> None:
        message = make("text", "a sentence").evaluate(pd.Series(["a sentence"]).values).message
        assert "pandas array" in message and ".item()" in message

    def test_several_values_for_a_number_say_pick_one_or_count(self) -> None:
        row = pd.DataFrame({"paragraph": [3], "words": [63]}).iloc[0]
        message = number_exercise().evaluate(row).message
        assert "several values" in message and "len(" in message

    def test_one_item_list_for_a_number_says_take_it_out(self) -> None:
        assert "[0]" in number_exercise().evaluate([9]).message

    def test_collection_for_a_word_suggests_picking_one_value_not_counting(self) -> None:
        message = make("text", "digital divide").evaluate(["digital divide", "other"]).message
        assert "pick it out" in message and "len(" not in message

    def test_nan_message_explains_nan(self) -> None:
        feedback = number_exercise().evaluate(float("nan"))
        assert feedback.status == NOT_YET_RIGHT and "NaN" in feedback.message

    def test_function_message_says_to_call_it(self) -> None:
        message = number_exercise().evaluate(len).message
        assert "a function" in message and "parentheses" in message


class TestNumberSlips:
    @pytest.mark.parametrize(
        "answer",
        [pd.Series([True, False, True]), np.array([True, False, True]), pd.Series([True, False], dtype="boolean"),
         [True, False, True]],
        ids=["bool Series", "bool array", "nullable boolean Series", "list of bools"],
    )
    def test_true_false_values_for_a_count_say_sum_counts_the_true_ones(self, answer: Any) -> None:
        message = make("number", 2).evaluate(answer).message
        assert ".sum()" in message and "True" in message and "counts them" not in message

    def test_true_false_series_says_len_counts_every_row(self) -> None:
        message = make("number", 2).evaluate(pd.Series([True, False, True])).message
        assert "len(...) would count every row" in message

    def test_numbers_for_a_count_still_say_len_counts_items(self) -> None:
        message = make("number", 2).evaluate([3, 4, 5]).message
        assert ".sum()" not in message and "len(" in message

    @pytest.mark.parametrize(
        "answer", [np.ma.array(5, mask=True), np.ma.masked, np.ma.array([5], mask=[True])],
        ids=["masked 0-d array", "np.ma.masked", "masked 1-item array"],
    )
    def test_masked_value_is_not_read_as_its_hidden_data(self, answer: Any) -> None:
        feedback = make("number", 5).evaluate(answer)
        assert feedback.status == NOT_YET_RIGHT and "masked" in feedback.message

    def test_masked_value_message_does_not_show_the_hidden_data(self) -> None:
        assert "4271" not in make("number", 4271).evaluate(np.ma.array(4271, mask=True)).message
