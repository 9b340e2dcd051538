"""Tests for the "mapping" answer kind (helpers/checking/kinds/mapping.py), through throwaway exercises.

The reference answers are fruit names and made-up numbers, so nothing here depends on the article.
"""

from __future__ import annotations

import collections

import numpy as np
import pandas as pd
from throwaway_exercise import make

from helpers.checking import CORRECT


class TestMapping:
    def test_dict_with_normalised_keys_and_equivalent_values_is_correct(self) -> None:
        exercise = make("mapping", {"Kiwi": 3, "lime": 2})
        assert exercise.evaluate({" kiwi": 3.0, "LIME": np.int64(2)}).status == CORRECT

    def test_series_is_accepted(self) -> None:
        assert make("mapping", {"kiwi": 3, "lime": 2}).evaluate(pd.Series({"lime": 2, "kiwi": 3})).status == CORRECT

    def test_counter_is_accepted(self) -> None:
        answer = collections.Counter(["kiwi", "kiwi", "kiwi", "lime", "lime"])
        assert make("mapping", {"kiwi": 3, "lime": 2}).evaluate(answer).status == CORRECT

    def test_missing_key_is_reported(self) -> None:
        message = make("mapping", {"kiwi": 3, "lime": 2}).evaluate({"kiwi": 3}).message
        assert "some keys are missing" in message

    def test_extra_key_is_reported(self) -> None:
        message = make("mapping", {"kiwi": 3}).evaluate({"kiwi": 3, "lime": 2}).message
        assert "some keys should not be there" in message

    def test_wrong_value_is_reported_without_the_right_value(self) -> None:
        message = make("mapping", {"kiwi": 4271}).evaluate({"kiwi": 5}).message
        assert "some values are not right" in message and "4271" not in message

    def test_list_of_pairs_gets_dict_tip(self) -> None:
        message = make("mapping", {"kiwi": 3}).evaluate([("kiwi", 3)]).message
        assert "a list" in message and "dict(pairs)" in message
