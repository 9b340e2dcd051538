"""Tests for the "text" answer kind (helpers/checking/kinds/text.py), through throwaway exercises.

The reference answers are fruit names and made-up numbers, so nothing here depends on the article.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from helpers.checking import CORRECT, NOT_YET_RIGHT, Exercise


def make(kind: str, expected: Any, **options: Any) -> Exercise:
    """Return a small exercise of the given kind whose reference answer is `expected`."""
    options.setdefault("hints", ["Look at the data.", "Count carefully.", "Use the function from the lesson."])
    options.setdefault("solution", "answer = compute()")
    return Exercise(options.pop("number", 1), options.pop("title", "Try it"), expected=lambda: expected,
                    kind=kind, **options)


class TestText:
    @pytest.mark.parametrize(
        "answer",
        ["Kiwi Fruit", "  kiwi fruit  ", "KIWI   FRUIT", "kiwi\nfruit", np.str_("kiwi fruit"), np.array("kiwi fruit")],
        ids=["case", "surrounding spaces", "inner spaces", "newline", "numpy str", "0-d array"],
    )
    def test_equivalent_text_is_correct(self, answer: Any) -> None:
        assert make("text", "kiwi fruit").evaluate(answer).status == CORRECT

    @pytest.mark.parametrize(
        ("reference", "answer"),
        [("the fruit’s skin", "the fruit's skin"), ("the fruit's skin", "the fruit’s skin"),
         ("“ripe”", '"ripe"'), ('"ripe"', "“ripe”")],
        ids=["curly to straight apostrophe", "straight to curly apostrophe", "curly double", "straight double"],
    )
    def test_curly_and_straight_quotes_are_alike(self, reference: str, answer: str) -> None:
        assert make("text", reference).evaluate(answer).status == CORRECT

    def test_different_word_is_not_yet_right(self) -> None:
        assert make("text", "kiwi").evaluate("kiwis").status == NOT_YET_RIGHT

    def test_wrong_text_is_echoed_at_most_40_characters(self) -> None:
        answer = "abcdefghij" * 10
        message = make("text", "kiwi").evaluate(answer).message
        assert answer[:39] in message and answer[:41] not in message

    def test_number_for_text_names_both_kinds(self) -> None:
        message = make("text", "kiwi").evaluate(9).message
        assert "a piece of text (str)" in message and "a whole number (int)" in message
