"""ClaimWithEvidence (helpers/checking/claims.py): a claim and the article's sentence behind it.

The check tests what can be tested (the evidence is one whole sentence of the article; every figure of
the claim stands in it; a qualified figure keeps its qualifier) and leaves the wording to the instructor.
The sentences here are made up, except in the last test, which reads the article as notebook 05 does.
"""

from __future__ import annotations

from typing import Any

import pytest

from helpers.checking import CORRECT, NOT_ATTEMPTED, NOT_YET_RIGHT, audit_exercise
from helpers.checking.claims import ClaimWithEvidence, figures
from helpers.checking.interactions import Pair, interaction_kinds

SENTENCES = [
    "The fair drew over 4,271 visitors from more than 30 towns.",
    "Seven stalls sold fruit.",
    "The kiwi stall opened first.",
]


def claim(**options: Any) -> ClaimWithEvidence:
    options.setdefault("hints", ["Find the sentence that counts the visitors."])
    return ClaimWithEvidence(1, "A claim about the visitors", sentences=lambda: SENTENCES,
                             model=lambda: ("The fair had over 4,271 visitors.", SENTENCES[0]),
                             solution='claim = "..."\nevidence = "..."', **options)


def verdict(claim_text: Any, evidence: Any, **options: Any) -> tuple[str, str | None, str]:
    feedback = claim(**options).evaluate(Pair(claim_text, evidence))
    return feedback.status, feedback.mistake, feedback.message


class TestWhatTheCheckTests:
    def test_a_qualified_figure_with_its_sentence_is_correct_and_leaves_the_wording_to_the_instructor(self) -> None:
        status, _, message = verdict("Over 4271 people visited the fair.", SENTENCES[0])
        assert status == CORRECT and "Your instructor reads the wording" in message

    def test_case_spaces_and_curly_quotes_of_the_evidence_do_not_count(self) -> None:
        assert verdict("More than 30 towns sent visitors.", "  the fair drew OVER 4,271 visitors from more than "
                       "30 towns.")[0] == CORRECT

    def test_a_figure_written_as_a_word_in_the_sentence_backs_the_claim(self) -> None:
        assert verdict("7 stalls sold fruit.", SENTENCES[1])[0] == CORRECT

    def test_evidence_that_is_not_a_sentence_of_the_article(self) -> None:
        assert verdict("Over 4,271 visitors came.", "Many people came.")[1] == "evidence-not-a-sentence"

    def test_evidence_that_is_part_of_a_sentence(self) -> None:
        assert verdict("Over 4,271 visitors came.", "over 4,271 visitors")[1] == "evidence-part-of-a-sentence"

    def test_evidence_of_two_sentences(self) -> None:
        evidence = SENTENCES[0] + " " + SENTENCES[1]
        assert verdict("Over 4,271 visitors came.", evidence)[1] == "evidence-several-sentences"

    def test_evidence_typed_with_a_slip(self) -> None:
        assert verdict("Kiwi first.", "The kiwi stal opened first.", needs_figure=False)[1] == \
            "evidence-not-word-for-word"

    def test_a_figure_that_is_not_in_the_evidence(self) -> None:
        status, mistake, message = verdict("Over 4,272 visitors came.", SENTENCES[0])
        assert (status, mistake) == (NOT_YET_RIGHT, "claim-figure-not-in-evidence") and "4272" in message

    def test_a_dropped_qualifier_is_named_with_the_sentences_words(self) -> None:
        _, mistake, message = verdict("4,271 visitors came.", SENTENCES[0])
        assert mistake == "claim-dropped-qualifier" and 'Your evidence says "over 4,271"' in message

    def test_any_qualifier_keeps_the_bound(self) -> None:
        assert verdict("At least 4,271 visitors came.", SENTENCES[0])[0] == CORRECT

    def test_a_claim_without_a_figure(self) -> None:
        assert verdict("Many visitors came.", SENTENCES[0])[1] == "claim-without-figure"

    def test_a_claim_without_a_figure_is_fine_when_the_exercise_needs_none(self) -> None:
        assert verdict("The kiwi stall was first.", SENTENCES[2], needs_figure=False)[0] == CORRECT


class TestOtherAnswers:
    def test_both_placeholders_are_not_attempted(self) -> None:
        assert verdict(..., ...)[0] == NOT_ATTEMPTED

    def test_one_placeholder_says_which_part_is_missing(self) -> None:
        assert "Your evidence is still ..." in verdict("Over 4,271 visitors came.", ...)[2]

    @pytest.mark.parametrize("given", [3, None, "", ["a"]])
    def test_a_part_that_is_not_text_says_so(self, given: Any) -> None:
        status, mistake, message = verdict(given, SENTENCES[0])
        assert (status, mistake) == (NOT_YET_RIGHT, "answer-of-another-type") and "Your claim should be" in message

    def test_one_answer_alone_says_that_two_are_needed(self) -> None:
        assert "ex.q1.check(claim, evidence)" in claim().evaluate("Over 4,271 visitors came.").message

    def test_check_takes_the_claim_then_the_evidence(self, capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.delenv("WUZHEN_STRICT", raising=False)
        exercise = claim()
        exercise.check("Over 4,271 visitors came.", SENTENCES[0])
        assert exercise.status == CORRECT and "Correct." in capsys.readouterr().out

    def test_sentences_that_cannot_be_read_are_not_the_students_fault(self) -> None:
        broken = ClaimWithEvidence(1, "B", sentences=lambda: 1 / 0, model=lambda: ("x", "y"), hints=["h"],
                                   solution="s")
        assert "This is not your fault" in broken.evaluate(Pair("Over 4,271.", SENTENCES[0])).message


class TestFiguresAndAudit:
    def test_figures_are_read_with_or_without_commas(self) -> None:
        assert [value for value, _ in figures("over 2,100 and 2100, and 0.63")] == ["2100", "2100", "0.63"]

    def test_passes_the_audit_and_a_hint_with_the_model_claim_fails_it(self) -> None:
        assert audit_exercise(claim()) == []
        problems = audit_exercise(claim(hints=["Write: The fair had over 4,271 visitors."]))
        assert any("hint 1 gives the answer away" in p for p in problems)

    def test_is_listed_as_claim(self) -> None:
        assert interaction_kinds(claim()) == ("claim",)

    def test_a_sentence_of_the_article_backs_a_claim_with_its_qualifier(self) -> None:
        from helpers import load_article
        from helpers.text import split_sentences

        sentences = split_sentences(load_article())
        evidence = next(s for s in sentences if "2,100" in s)
        exercise = ClaimWithEvidence(1, "Participants", sentences=lambda: sentences, model=lambda: ("", evidence),
                                     hints=["h"], solution="s")
        assert exercise.evaluate(Pair("Over 2,100 participants took part.", evidence)).status == CORRECT
        assert exercise.evaluate(Pair("2,100 participants took part.", evidence)).mistake == "claim-dropped-qualifier"
