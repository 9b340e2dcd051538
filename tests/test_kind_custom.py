"""Tests for the "custom" answer kind (helpers/checking/kinds/custom.py), through throwaway exercises.

The reference answers are fruit names and made-up numbers, so nothing here depends on the article.
"""

from __future__ import annotations

from throwaway_exercise import make

from helpers.checking import CORRECT, NOT_YET_RIGHT


class TestCustom:
    def test_compare_decides_correct(self) -> None:
        exercise = make("custom", 4, compare=lambda answer, expected: answer % 2 == expected % 2)
        assert exercise.evaluate(10).status == CORRECT

    def test_compare_decides_not_yet_right(self) -> None:
        exercise = make("custom", 4, compare=lambda answer, expected: answer % 2 == expected % 2)
        assert exercise.evaluate(7).status == NOT_YET_RIGHT

    def test_compare_that_raises_gives_not_yet_right(self) -> None:
        exercise = make("custom", 4, compare=lambda answer, expected: answer % 2 == expected % 2)
        feedback = exercise.evaluate("text")
        assert feedback.status == NOT_YET_RIGHT and "could not read this answer" in feedback.message
