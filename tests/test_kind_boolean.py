"""Tests for the "boolean" answer kind (helpers/checking/kinds/boolean.py), through throwaway exercises.

The reference answers are fruit names and made-up numbers, so nothing here depends on the article.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from throwaway_exercise import make

from helpers.checking import CORRECT, NOT_YET_RIGHT


class TestBoolean:
    @pytest.mark.parametrize("answer", [True, np.True_, np.array(True)], ids=["bool", "numpy bool", "0-d array"])
    def test_true_forms_are_correct(self, answer: Any) -> None:
        assert make("boolean", True).evaluate(answer).status == CORRECT

    def test_false_is_not_yet_right(self) -> None:
        assert make("boolean", True).evaluate(False).status == NOT_YET_RIGHT

    @pytest.mark.parametrize("answer", ["yes", "true", "True"])
    def test_text_yes_or_true_is_rejected_with_clear_message(self, answer: str) -> None:
        feedback = make("boolean", True).evaluate(answer)
        assert feedback.status == NOT_YET_RIGHT and "without quotation marks" in feedback.message

    def test_number_one_is_rejected(self) -> None:
        assert make("boolean", True).evaluate(1).status == NOT_YET_RIGHT
