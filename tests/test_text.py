"""Tests for helpers.text: tiny inline strings per rule, the real article, and properties."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import helpers.text
from helpers.text import (
    KNOWN_FIXES,
    TRAILER,
    clean_text,
    keyword_in_context,
    split_paragraphs,
    split_sentences,
    split_words,
)

ARTICLE_PATH = Path(__file__).resolve().parent.parent / "data" / "wuzhen-summit-article.txt"


# ---------------------------------------------------------------- helpers for the tests


def non_space(text: str) -> str:
    """Return the text with every whitespace character removed."""
    return "".join(text.split())


def collapse_whitespace(text: str) -> str:
    """Return the text with each run of whitespace turned into one space, ends stripped."""
    return " ".join(text.split())


@pytest.fixture(scope="module")
def raw() -> str:
    return ARTICLE_PATH.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def raw_blocks(raw: str) -> list[str]:
    """The blank-line-separated blocks of the raw file, as scraped."""
    return [block for block in raw.split("\n\n") if block.strip()]


@pytest.fixture(scope="module")
def headline(raw: str) -> str:
    return raw.split("\n")[0]


@pytest.fixture(scope="module")
def cleaned(raw: str) -> str:
    return clean_text(raw)


# ---------------------------------------------------------------- clean_text, unit tests


class TestCleanText:
    def test_windows_line_endings_become_newlines(self) -> None:
        assert clean_text("One\r\ntwo\r\n\r\nThree") == "One\ntwo\n\nThree\n"

    def test_old_mac_line_endings_become_newlines(self) -> None:
        assert clean_text("One\rtwo\r\rThree") == "One\ntwo\n\nThree\n"

    def test_consecutive_repeated_paragraphs_collapse_to_one(self) -> None:
        assert clean_text("Title\n\nTitle\n\nTitle\n\nBody.") == "Title\n\nBody.\n"

    def test_repeated_paragraphs_that_are_not_consecutive_are_kept(self) -> None:
        assert clean_text("A.\n\nB.\n\nA.") == "A.\n\nB.\n\nA.\n"

    def test_repeat_with_trailing_spaces_still_counts_as_repeat(self) -> None:
        assert clean_text("Title  \n\nTitle\n\nBody.") == "Title\n\nBody.\n"

    def test_trailer_paragraph_is_removed(self) -> None:
        assert clean_text(f"Body.\n\n{TRAILER}") == "Body.\n"

    def test_trailer_line_inside_a_paragraph_is_removed(self) -> None:
        assert clean_text(f"Body.\n{TRAILER}\nMore.") == "Body.\nMore.\n"

    def test_sentence_mentioning_the_trailer_words_is_kept(self) -> None:
        text = f"It says: {TRAILER}."
        assert clean_text(text) == text + "\n"

    @pytest.mark.parametrize("mark", list(".,;:?!"))
    def test_space_before_punctuation_is_removed(self, mark: str) -> None:
        assert clean_text(f"Wuzhen Summit {mark} Next") == f"Wuzhen Summit{mark} Next\n"

    def test_several_spaces_before_full_stop_are_removed(self) -> None:
        assert clean_text("Summit   .") == "Summit.\n"

    def test_winwin_gets_its_hyphen_back(self) -> None:
        assert clean_text("enhancing winwin cooperation") == "enhancing win-win cooperation\n"

    def test_winwin_inside_a_longer_word_is_left_alone(self) -> None:
        assert clean_text("winwins and xwinwin") == "winwins and xwinwin\n"

    def test_spaces_at_line_ends_are_removed(self) -> None:
        assert clean_text("One   \ntwo\t\n") == "One\ntwo\n"

    def test_many_blank_lines_become_exactly_one(self) -> None:
        assert clean_text("One\n\n\n \n\t\nTwo") == "One\n\nTwo\n"

    def test_text_ends_with_exactly_one_newline(self) -> None:
        assert clean_text("One\n\n\n\n") == "One\n"

    def test_missing_final_newline_is_added(self) -> None:
        assert clean_text("One").endswith("One\n")

    def test_empty_text_stays_empty(self) -> None:
        assert clean_text("") == ""

    def test_curly_quotes_apostrophe_and_em_dash_are_kept(self) -> None:
        text = "“Toward a Shared Future — in Cyberspace”, this year’s theme."
        assert clean_text(text) == text + "\n"

    def test_cleaning_twice_gives_the_same_as_once(self) -> None:
        once = clean_text("T\r\n\r\nT\r\n\r\nA winwin deal .  \n\n" + TRAILER)
        assert clean_text(once) == once


# ---------------------------------------------------------------- KNOWN_FIXES


class TestKnownFixes:
    def test_shows_like_the_dict_notebook_01_displays(self) -> None:
        assert repr(KNOWN_FIXES) == "{'winwin': 'win-win'}"
        assert dict(KNOWN_FIXES) == {"winwin": "win-win"}

    @pytest.mark.parametrize(
        "change",
        [
            lambda fixes: fixes.__setitem__("win-win", "winwin"),
            lambda fixes: fixes.__delitem__("winwin"),
            lambda fixes: fixes.update({"a": "b"}),
            lambda fixes: fixes.pop("winwin"),
            lambda fixes: fixes.clear(),
        ],
    )
    def test_cannot_be_changed_and_says_so_in_plain_words(self, change) -> None:
        with pytest.raises(TypeError, match="KNOWN_FIXES cannot be changed"):
            change(KNOWN_FIXES)
        assert dict(KNOWN_FIXES) == {"winwin": "win-win"}

    def test_cleaning_is_the_same_whatever_a_notebook_rebinds(self, monkeypatch, raw) -> None:
        before = clean_text(raw)
        monkeypatch.setattr(helpers.text, "KNOWN_FIXES", {"win-win": "winwin", "Summit": "Meeting"})
        assert clean_text(raw) == before
        assert "win-win" in before


# ---------------------------------------------------------------- split_paragraphs


class TestSplitParagraphs:
    def test_blank_line_separates_paragraphs(self) -> None:
        assert split_paragraphs("One.\n\nTwo.") == ["One.", "Two."]

    def test_single_newline_does_not_separate_paragraphs(self) -> None:
        assert split_paragraphs("One line\nsame paragraph.") == ["One line\nsame paragraph."]

    def test_blank_line_with_spaces_separates_paragraphs(self) -> None:
        assert split_paragraphs("One.\n   \nTwo.") == ["One.", "Two."]

    def test_several_blank_lines_give_no_empty_paragraph(self) -> None:
        assert split_paragraphs("\n\nOne.\n\n\n\n\nTwo.\n\n") == ["One.", "Two."]

    def test_paragraphs_are_stripped(self) -> None:
        assert split_paragraphs("  One.  \n\n\tTwo.\t") == ["One.", "Two."]

    def test_whitespace_only_text_has_no_paragraphs(self) -> None:
        assert split_paragraphs(" \n\n \n") == []


# ---------------------------------------------------------------- split_sentences


class TestSplitSentences:
    def test_full_stop_then_capital_ends_a_sentence(self) -> None:
        assert split_sentences("One here. Two here.") == ["One here.", "Two here."]

    def test_question_and_exclamation_marks_end_sentences(self) -> None:
        assert split_sentences("Why? Because! Yes.") == ["Why?", "Because!", "Yes."]

    def test_full_stop_then_digit_ends_a_sentence(self) -> None:
        assert split_sentences("It ended. 74 activities.") == ["It ended.", "74 activities."]

    def test_full_stop_then_lowercase_does_not_end_a_sentence(self) -> None:
        assert split_sentences("About 3.5 per cent. ok then.") == ["About 3.5 per cent. ok then."]

    def test_full_stop_then_opening_quote_ends_a_sentence(self) -> None:
        text = "Ren spoke. “Cooperation is key.”"
        assert split_sentences(text) == ["Ren spoke.", "“Cooperation is key.”"]

    def test_closing_quote_stays_with_its_sentence(self) -> None:
        text = "“Cooperation is key.” Ren said so."
        assert split_sentences(text) == ["“Cooperation is key.”", "Ren said so."]

    def test_straight_closing_quote_stays_with_its_sentence(self) -> None:
        text = '"Cooperation is key." Ren said so.'
        assert split_sentences(text) == ['"Cooperation is key."', "Ren said so."]

    def test_comma_then_closing_quote_does_not_end_a_sentence(self) -> None:
        text = "“We build a shared digital future,” Ren said."
        assert split_sentences(text) == [text]

    def test_full_stop_inside_quote_ends_a_sentence(self) -> None:
        text = "“Cooperation is key. Participants agree,” Ren said."
        assert split_sentences(text) == ["“Cooperation is key.", "Participants agree,” Ren said."]

    def test_headline_without_full_stop_is_its_own_sentence(self) -> None:
        text = "Summit builds consensus\n\nThe summit ended. It was big."
        assert split_sentences(text) == ["Summit builds consensus", "The summit ended.", "It was big."]

    def test_sentences_are_stripped(self) -> None:
        assert split_sentences("  One.   Two.  ") == ["One.", "Two."]

    def test_abbreviation_is_split_as_documented_limit(self) -> None:
        assert split_sentences("The U.S. Army came.") == ["The U.S.", "Army came."]


# ---------------------------------------------------------------- split_words


class TestSplitWords:
    def test_words_are_kept_in_order_and_case(self) -> None:
        assert split_words("The Summit and the summit") == ["The", "Summit", "and", "the", "summit"]

    def test_curly_apostrophe_stays_inside_a_word(self) -> None:
        assert split_words("This year’s summit") == ["This", "year’s", "summit"]

    def test_straight_apostrophe_stays_inside_a_word(self) -> None:
        assert split_words("people's skills") == ["people's", "skills"]

    def test_hyphens_stay_inside_a_word(self) -> None:
        assert split_words("online-and-offline summit") == ["online-and-offline", "summit"]

    def test_covid_19_is_one_word(self) -> None:
        assert split_words("despite COVID-19 challenges") == ["despite", "COVID-19", "challenges"]

    def test_number_with_thousands_separator_is_one_word(self) -> None:
        assert split_words("over 2,100 participants") == ["over", "2,100", "participants"]

    def test_comma_not_followed_by_three_digits_is_not_a_separator(self) -> None:
        assert split_words("12,3456 and 7,89") == ["12", "3456", "and", "7", "89"]

    def test_comma_between_words_is_not_part_of_a_word(self) -> None:
        assert split_words("24 countries,regions") == ["24", "countries", "regions"]

    def test_em_dash_is_not_a_word(self) -> None:
        assert split_words("World — Building") == ["World", "Building"]

    def test_em_dash_between_words_separates_them(self) -> None:
        assert split_words("World—Building") == ["World", "Building"]

    def test_punctuation_is_not_part_of_a_word(self) -> None:
        assert split_words("“digital divide”, Ren said.") == ["digital", "divide", "Ren", "said"]

    def test_trailing_hyphen_or_apostrophe_is_not_part_of_a_word(self) -> None:
        assert split_words("well- done’") == ["well", "done"]


# ---------------------------------------------------------------- keyword_in_context


class TestKeywordInContext:
    def test_columns_are_left_match_right(self) -> None:
        kwic = keyword_in_context("a digital future", "digital")
        assert list(kwic.columns) == ["left", "match", "right"]

    def test_one_row_per_match_in_text_order(self) -> None:
        kwic = keyword_in_context("digital one, digital two", "digital", width=4)
        assert kwic["right"].tolist() == [" one", " two"]

    def test_match_is_case_insensitive_and_shown_as_written(self) -> None:
        kwic = keyword_in_context("Digital and DIGITAL", "digital")
        assert kwic["match"].tolist() == ["Digital", "DIGITAL"]

    def test_width_limits_left_and_right(self) -> None:
        kwic = keyword_in_context("abcdefKEYuvwxyz", "key", width=3)
        assert kwic.iloc[0].tolist() == ["def", "KEY", "uvw"]

    def test_context_is_shorter_at_text_edges(self) -> None:
        kwic = keyword_in_context("ab KEY cd", "key", width=10)
        assert kwic.iloc[0].tolist() == ["ab ", "KEY", " cd"]

    def test_match_at_text_start_has_empty_left(self) -> None:
        kwic = keyword_in_context("KEY ab", "key", width=10)
        assert kwic["left"].tolist() == [""]

    def test_newlines_in_context_are_shown_as_spaces(self) -> None:
        kwic = keyword_in_context("one\ntwo KEY three\nfour", "key", width=8)
        assert kwic.iloc[0].tolist() == ["one two ", "KEY", " three f"]

    def test_pattern_is_a_regular_expression(self) -> None:
        kwic = keyword_in_context("cyberspace and cybersecurity", r"cyber\w+")
        assert kwic["match"].tolist() == ["cyberspace", "cybersecurity"]

    def test_no_match_gives_empty_frame_with_the_columns(self) -> None:
        kwic = keyword_in_context("a digital future", "summit")
        assert kwic.empty and list(kwic.columns) == ["left", "match", "right"]

    def test_result_is_a_dataframe(self) -> None:
        assert isinstance(keyword_in_context("text", "t"), pd.DataFrame)

    def test_invalid_pattern_raises_value_error(self) -> None:
        with pytest.raises(ValueError):
            keyword_in_context("text", "(unclosed")

    def test_invalid_pattern_message_names_pattern_and_problem(self) -> None:
        with pytest.raises(ValueError) as caught:
            keyword_in_context("text", "(unclosed")
        message = str(caught.value)
        assert "'(unclosed'" in message and "not a valid regular expression" in message

    def test_invalid_pattern_message_gives_the_reason(self) -> None:
        with pytest.raises(ValueError) as caught:
            keyword_in_context("text", "(unclosed")
        with pytest.raises(re.error) as original:
            re.compile("(unclosed")
        assert str(original.value) in str(caught.value)

    def test_invalid_pattern_message_suggests_re_escape(self) -> None:
        with pytest.raises(ValueError, match=r"re\.escape"):
            keyword_in_context("text", "*star")

    def test_invalid_pattern_hides_the_re_error_traceback(self) -> None:
        with pytest.raises(ValueError) as caught:
            keyword_in_context("text", "[open")
        assert caught.value.__cause__ is None and caught.value.__suppress_context__

    def test_negative_width_raises_value_error(self) -> None:
        with pytest.raises(ValueError, match="width"):
            keyword_in_context("text", "t", width=-1)


# ---------------------------------------------------------------- the real article


class TestRealArticle:
    def test_raw_file_still_has_the_defects_these_tests_rely_on(self, raw: str, headline: str) -> None:
        assert raw.count(headline) > 1 and " ." in raw and "winwin" in raw and TRAILER in raw

    def test_paragraph_count_is_raw_blocks_minus_repeats_and_trailer(
        self, raw_blocks: list[str], headline: str, cleaned: str
    ) -> None:
        repeats = raw_blocks.count(headline) - 1
        expected = len(raw_blocks) - repeats - raw_blocks.count(TRAILER)
        assert len(split_paragraphs(cleaned)) == expected

    def test_first_paragraph_is_the_headline(self, headline: str, cleaned: str) -> None:
        assert split_paragraphs(cleaned)[0] == headline

    def test_headline_appears_once(self, headline: str, cleaned: str) -> None:
        assert cleaned.count(headline) == 1

    def test_no_paragraph_contains_the_trailer(self, cleaned: str) -> None:
        assert not any("Originally published" in p for p in split_paragraphs(cleaned))

    def test_no_space_before_punctuation(self, cleaned: str) -> None:
        assert re.search(r" [.,;:?!]", cleaned) is None

    def test_winwin_is_repaired(self, raw: str, cleaned: str) -> None:
        repaired = raw.count("winwin") + raw.count("win-win")
        assert "winwin" not in cleaned and cleaned.count("win-win") == repaired

    @pytest.mark.parametrize("mark", ["“", "”", "’", "—"])
    def test_curly_quotes_apostrophes_and_em_dash_survive(
        self, raw: str, cleaned: str, mark: str
    ) -> None:
        assert raw.count(mark) > 0 and cleaned.count(mark) == raw.count(mark)

    def test_every_body_word_survives_cleaning_in_order(
        self, raw_blocks: list[str], headline: str, cleaned: str
    ) -> None:
        body = [b for b in raw_blocks if b not in (headline, TRAILER)]
        expected = split_words("\n\n".join([headline, *body]))
        expected = ["win-win" if word == "winwin" else word for word in expected]
        assert split_words(cleaned) == expected

    def test_cleaning_the_article_twice_changes_nothing(self, cleaned: str) -> None:
        assert clean_text(cleaned) == cleaned

    def test_cleaned_article_ends_with_one_newline(self, cleaned: str) -> None:
        assert cleaned.endswith("\n") and not cleaned.endswith("\n\n")

    def test_first_sentence_is_the_headline(self, headline: str, cleaned: str) -> None:
        assert split_sentences(cleaned)[0] == headline

    def test_sentences_cover_each_paragraph(self, cleaned: str) -> None:
        for paragraph in split_paragraphs(cleaned):
            joined = " ".join(split_sentences(paragraph))
            assert collapse_whitespace(joined) == collapse_whitespace(paragraph)

    def test_more_sentences_than_paragraphs(self, cleaned: str) -> None:
        assert len(split_sentences(cleaned)) > len(split_paragraphs(cleaned))

    def test_quoted_sentence_ending_with_comma_is_not_split(self, cleaned: str) -> None:
        sentences = split_sentences(cleaned)
        assert not any(s.startswith("” Ren said") or s.endswith(",”") for s in sentences)

    def test_kwic_finds_every_occurrence(self, cleaned: str) -> None:
        kwic = keyword_in_context(cleaned, "cooperation")
        assert len(kwic) == cleaned.lower().count("cooperation")


# ---------------------------------------------------------------- properties (hypothesis)

# Pieces that exercise every rule of clean_text: line endings, spaces, punctuation,
# the known fix, the trailer, curly quotes and the em dash.
PIECES = [
    "\n", "\r\n", "\r", " ", "\t", ".", ",", "?", "!", ";", ":", "winwin", "win-win",
    "Wuzhen", "Summit", "summit", "A", "a", "2,100", "COVID-19", "’", "'", "-",
    "“", "”", '"', "—", TRAILER,
]
piece_text = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)

# Texts made of lines, some of them repeated, joined by one or two line breaks.
line = st.sampled_from(["Headline", "Headline ", "Body .", "winwin", TRAILER, "", " "])
repeated_lines = st.lists(line, max_size=12).flatmap(
    lambda lines: st.sampled_from(["\n", "\n\n", "\r\n\r\n"]).map(lambda sep: sep.join(lines))
)

any_text = st.one_of(st.text(), piece_text, repeated_lines)


class TestProperties:
    @given(any_text)
    def test_clean_text_is_idempotent(self, text: str) -> None:
        once = clean_text(text)
        assert clean_text(once) == once

    @given(any_text)
    def test_clean_text_output_has_no_carriage_return(self, text: str) -> None:
        assert "\r" not in clean_text(text)

    @given(any_text)
    def test_clean_text_output_is_empty_or_ends_with_one_newline(self, text: str) -> None:
        cleaned = clean_text(text)
        assert cleaned == "" or (cleaned.endswith("\n") and not cleaned.endswith("\n\n"))

    @given(any_text)
    def test_split_paragraphs_keeps_every_non_space_character_in_order(self, text: str) -> None:
        assert non_space("".join(split_paragraphs(text))) == non_space(text)

    @given(any_text)
    def test_split_paragraphs_gives_no_empty_or_unstripped_paragraph(self, text: str) -> None:
        assert all(p and p == p.strip() for p in split_paragraphs(text))

    @given(any_text)
    def test_split_sentences_keeps_every_non_space_character_in_order(self, text: str) -> None:
        assert non_space("".join(split_sentences(text))) == non_space(text)

    @given(any_text)
    def test_split_sentences_gives_no_empty_or_unstripped_sentence(self, text: str) -> None:
        assert all(s and s == s.strip() for s in split_sentences(text))

    @given(any_text)
    def test_split_words_returns_substrings_in_order(self, text: str) -> None:
        position = 0
        for word in split_words(text):
            found = text.find(word, position)
            assert found >= 0
            position = found + len(word)

    @given(any_text)
    def test_split_words_gives_no_empty_word(self, text: str) -> None:
        assert all(split_words(text))

    @given(any_text, st.sampled_from(["summit", r"\w+", ".", "win-?win"]), st.integers(0, 40))
    def test_keyword_in_context_never_raises_on_valid_pattern(
        self, text: str, pattern: str, width: int
    ) -> None:
        kwic = keyword_in_context(text, pattern, width)
        assert list(kwic.columns) == ["left", "match", "right"]

    @given(any_text, st.integers(0, 40))
    def test_keyword_in_context_context_is_at_most_width(self, text: str, width: int) -> None:
        kwic = keyword_in_context(text, r"\w+", width)
        assert all(len(s) <= width for s in [*kwic["left"], *kwic["right"]])

    @given(st.text(), st.text(max_size=10))
    def test_keyword_in_context_raises_only_value_error_on_any_pattern(
        self, text: str, pattern: str
    ) -> None:
        with warnings.catch_warnings():
            # re itself warns about patterns like "[[" (a FutureWarning of Python, not ours).
            warnings.filterwarnings("ignore", message="Possible nested set", category=FutureWarning)
            try:
                keyword_in_context(text, pattern)
            except ValueError as problem:
                assert "not a valid regular expression" in str(problem)
