"""Tests for the "labels" answer kind (helpers/checking/kinds/labels.py), through throwaway exercises.

A student labels each row of a table (sweet or sour, for fruit here); the check compares the labels
row by row with a table a person checked, and says how many rows and which ones disagree, never the
right label of a row. Nothing here depends on the article.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pytest

from helpers.checking import CORRECT, NOT_YET_RIGHT, Exercise, Mistake, audit_exercise

TASTES = {"kiwi": "sweet", "lime": "sour", "tamarind": "sour", "mango": "sweet"}
IN_ORDER = ["sweet", "sour", "sour", "sweet"]


def make(expected: Any = None, **options: Any) -> Exercise:
    """Return a small "labels" exercise whose checked table is `expected` (TASTES by default)."""
    options.setdefault("hints", ["Taste each fruit in your mind.", "Lemons and limes are sour."])
    options.setdefault("solution", "tastes = [...]")
    table = TASTES if expected is None else expected
    return Exercise(1, "Label the fruit", expected=lambda: table, kind="labels", **options)


class TestRightLabels:
    def test_a_list_in_the_tables_order_is_correct(self) -> None:
        assert make().evaluate(IN_ORDER).status == CORRECT

    def test_labels_by_row_in_any_order_are_correct(self) -> None:
        answer = {"mango": "sweet", "kiwi": "sweet", "tamarind": "sour", "lime": "sour"}
        assert make().evaluate(answer).status == CORRECT

    def test_case_and_spaces_do_not_count(self) -> None:
        assert make().evaluate([" Sweet", "SOUR", "sour ", "sweet"]).status == CORRECT

    @pytest.mark.parametrize("form", [pd.Series(IN_ORDER), np.array(IN_ORDER), tuple(IN_ORDER)])
    def test_a_column_an_array_or_a_tuple_in_order_is_correct(self, form: Any) -> None:
        assert make().evaluate(form).status == CORRECT

    def test_a_series_indexed_by_row_is_correct(self) -> None:
        assert make().evaluate(pd.Series(TASTES).iloc[::-1]).status == CORRECT

    def test_the_checked_table_may_be_a_series(self) -> None:
        assert make(pd.Series(TASTES)).evaluate(IN_ORDER).status == CORRECT

    def test_the_checked_table_may_be_a_list(self) -> None:
        assert make(IN_ORDER).evaluate(IN_ORDER).status == CORRECT


class TestRowsThatDisagree:
    def test_says_how_many_rows_and_which_by_name(self) -> None:
        feedback = make().evaluate({"kiwi": "sour", "lime": "sour", "tamarind": "sweet", "mango": "sweet"})
        assert feedback.status == NOT_YET_RIGHT
        assert "2 of the 4 rows disagree with the table a person checked: rows kiwi and tamarind." in feedback.message

    def test_one_row_is_named_in_the_singular(self) -> None:
        message = make().evaluate(["sweet", "sour", "sour", "sour"]).message
        assert "1 of the 4 rows disagrees" in message and "row mango." in message

    def test_rows_of_a_table_without_row_names_are_counted_from_zero(self) -> None:
        message = make(IN_ORDER).evaluate(["sour", "sour", "sour", "sweet"]).message
        assert "row 0 of your list (the first row is row 0, as Python counts)" in message

    def test_row_names_are_shown_as_the_table_writes_them(self) -> None:
        message = make({"F01": "exact", "F02": "lower bound"}).evaluate(["exact", "exact"]).message
        assert "row F02" in message

    def test_many_rows_are_named_up_to_a_limit(self) -> None:
        table = {f"R{i:02d}": "sweet" for i in range(30)}
        message = make(table).evaluate(["sour"] * 30).message
        assert "30 of the 30 rows" in message and "R11 and 18 more" in message and "R12" not in message

    def test_never_says_the_right_label(self) -> None:
        message = make({"kiwi": "pomegranate-red", "lime": "sour"}).evaluate(["sour", "sour"]).message
        assert "pomegranate" not in message

    def test_a_list_of_the_wrong_length_says_how_many_rows_the_table_has(self) -> None:
        message = make().evaluate(["sweet", "sour"]).message
        assert "The table has 4 rows, and your list gives 2 labels" in message

    def test_rows_the_table_does_not_have_are_named_as_a_problem(self) -> None:
        message = make().evaluate({"kiwi": "sweet", "papaya": "sweet"}).message
        assert "Your answer's rows are not the table's rows" in message

    def test_ends_with_what_to_do_next(self) -> None:
        assert "hint()" in make().evaluate(["sour"] * 4).message


class TestOtherAnswers:
    def test_one_text_gets_a_tip_to_make_a_list(self) -> None:
        message = make().evaluate("sweet").message
        assert "a piece of text" in message and "in a list" in message

    def test_a_whole_table_gets_a_tip_to_give_the_column(self) -> None:
        message = make().evaluate(pd.DataFrame({"taste": IN_ORDER})).message
        assert "give only the column of your labels" in message

    def test_a_number_is_not_yet_right(self) -> None:
        assert make().evaluate(4).status == NOT_YET_RIGHT


class TestMistakesAndAudit:
    def test_a_mistake_sees_row_names_and_normalised_labels(self) -> None:
        all_sweet = Mistake(lambda a: set(a.values()) == {"sweet"}, "Not every fruit is sweet.", example=["sweet"] * 4)
        exercise = make(mistakes=[all_sweet])
        assert exercise.evaluate(["Sweet"] * 4).message == "Not every fruit is sweet."
        assert audit_exercise(exercise) == []

    def test_a_hint_that_pairs_a_row_with_its_label_fails_the_audit(self) -> None:
        problems = audit_exercise(make(hints=["Remember: lime: sour."]))
        assert any("hint 1 gives the answer away" in problem for problem in problems)
