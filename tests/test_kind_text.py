"""Tests for the "text" answer kind (helpers/checking/kinds/text.py), through throwaway exercises.

The reference answers are fruit names and made-up numbers, so nothing here depends on the article.
"""

from __future__ import annotations

import time
from typing import Any

import numpy as np
import pytest
from throwaway_exercise import make

from helpers.checking import CORRECT, NOT_YET_RIGHT, Mistake, normalise_text


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


class TestTextSlips:
    @pytest.mark.parametrize(
        ("reference", "answer"),
        [("AttributeError", "AtributeError"), ("Ren Xianliang", "Ren Xianling"),
         ("digital divide", "digital devide"), ("No bound", "No Bound.")],
    )
    def test_near_miss_says_check_the_spelling_without_the_answer(self, reference: str, answer: str) -> None:
        feedback = make("text", reference).evaluate(answer)
        assert feedback.status == NOT_YET_RIGHT and "very close" in feedback.message
        assert "spelling" in feedback.message and reference not in feedback.message

    def test_a_different_word_is_not_called_close(self) -> None:
        assert "very close" not in make("text", "AttributeError").evaluate("KeyError").message

    def test_short_answers_are_never_called_close(self) -> None:
        assert "very close" not in make("text", "yes").evaluate("yet").message

    def test_class_given_for_text_says_to_put_its_name_in_quotation_marks(self) -> None:
        message = make("text", "AttributeError").evaluate(AttributeError).message
        assert "quotation marks" in message and '"AttributeError"' in message

    def test_error_object_given_for_text_says_to_quote_its_name(self) -> None:
        message = make("text", "KeyError").evaluate(KeyError("kiwi")).message
        assert "error object" in message and '"KeyError"' in message


class TestNormaliseText:
    def test_public_normaliser_matches_what_a_mistake_receives(self) -> None:
        seen = []
        mistake = Mistake(lambda a: seen.append(a) or False, "Never shown.", example="x")
        make("text", "kiwi", mistakes=[mistake]).evaluate("  “Ripe”   Kiwi\u0301 ")
        assert seen == [normalise_text("  “Ripe”   Kiwi\u0301 ")] == ['"ripe" kiwí']

    @pytest.mark.parametrize("text", ["a" + "\u0301\u0316" * 50_000, "kiwi" + "\u0316\u0301" * 400_000],
                             ids=["100 000 alternating accents", "800 000 accents after a word"])
    def test_long_run_of_accents_is_checked_within_a_second(self, text: str) -> None:
        start = time.perf_counter()
        feedback = make("text", "kiwi").evaluate(text)
        assert feedback.status == NOT_YET_RIGHT and time.perf_counter() - start < 1

    def test_long_run_of_accents_is_shown_back_with_few_accents(self) -> None:
        message = make("text", "kiwi").evaluate("a" + "\u0301" * 1000).message
        assert "\u0301" * 9 not in message

    def test_near_miss_work_is_bounded_for_long_texts(self) -> None:
        reference = "word " * 250
        start = time.perf_counter()
        for _ in range(20):
            make("text", reference).evaluate(reference + "s")
        assert time.perf_counter() - start < 1
