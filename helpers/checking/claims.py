"""Write a claim with its evidence (ClaimWithEvidence): a fact-checking desk's habit, checked where it can be.

The student writes a claim and gives, as its evidence, one sentence of the article, word for word:
`ex.qN.check(claim, evidence)`. The check tests what a check can test, and leaves the wording to the
instructor:

- the evidence is one whole sentence of the article (the exercise gives the sentences, cleaned or raw,
  from helpers.load_article() and helpers.text; upper/lower case, spaces and curly quotes do not count);
- every figure of the claim stands in that sentence (figures in digits, "2,100" and "2100" alike, and the
  number words two to twenty);
- a figure the sentence qualifies ("over 2,100", "more than 40") keeps a qualifier in the claim, so that
  the claim does not state as exact what the article gives as a bound.

Nothing here reads a file: the exercise module passes the sentences (see helpers/exercises/nb05.py).

>>> sentences = ["More than 120 countries took part.", "The forum had seven sessions."]
>>> q = ClaimWithEvidence(1, "A claim about the countries", sentences=lambda: sentences,
...                       model=lambda: ("Over 120 countries took part.", sentences[0]),
...                       hints=["Find the sentence that counts the countries."], solution='claim = "..."')
>>> q.evaluate(Pair("More than 120 countries were there.", "more than 120 countries took part.")).status
'correct'
>>> q.evaluate(Pair("120 countries were there.", sentences[0])).mistake
'claim-dropped-qualifier'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any, ClassVar

from .exercise import ReferenceProblem, Verdict
from .feedback import CORRECT, NOT_ATTEMPTED, NOT_YET_RIGHT, join, say
from .interactions import Pair, TwoParts
from .kinds import Read
from .objects import category, describe
from .spelling import is_near_miss
from .values import echo_text, normalise_text

#: Words that qualify a figure: the figure is a bound, not an exact count (compared in lower case).
QUALIFIERS = ("over", "more than", "nearly", "almost", "about", "around", "at least", "up to", "fewer than",
              "less than", "under", "some", "roughly", "approximately")
#: Number words read as figures ("one" is left out: it is far more often a pronoun, as in "one of").
NUMBER_WORDS = {word: n for n, word in enumerate(
    ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
     "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty")) if n >= 2}
FIGURE = re.compile(r"(?<![\w.])(\d[\d,]*(?:\.\d+)?)|\b(" + "|".join(NUMBER_WORDS) + r")\b")
LONGEST_TEXT = 2_000  # characters; a longer claim or evidence is not read (no sentence is this long)


def figures(text: str) -> list[tuple[str, int]]:
    """Return the figures of a normalised text, each as (value as digits without commas, where it starts).

    >>> figures("over 2,100 people and seven projects in 2024.")
    [('2100', 5), ('7', 22), ('2024', 40)]
    """
    found = []
    for match in FIGURE.finditer(text):
        if match.group(1):
            value = match.group(1).rstrip(",").replace(",", "")
            value = value[:-2] if value.endswith(".0") else value
        else:
            value = str(NUMBER_WORDS[match.group(2)])
        found.append((value, match.start()))
    return found


def qualifier_before(text: str, start: int) -> str | None:
    """Return the qualifier right before position start of a normalised text ("over"), or None.

    >>> qualifier_before("more than 120 countries", 10), qualifier_before("the 120 countries", 4)
    ('more than', None)
    """
    before = text[:start].rstrip()
    return next((q for q in QUALIFIERS if before == q or before.endswith(" " + q)), None)


class ClaimWithEvidence(TwoParts):
    """A claim and its evidence: `ex.qN.check(claim, evidence)`, both pieces of text.

    sentences: a function that returns the article's sentences an evidence may be (cleaned, raw, or both).
    model: a function that returns a model answer (claim, evidence), shown by solution() and used by the audit.
    needs_figure: whether the claim must state a figure (True by default).
    """

    interactions: ClassVar[tuple[str, ...]] = ("claim",)
    parts = ("claim", "evidence")
    #: The ids of the mistakes this check recognises by itself, for the class report's advice.
    task_mistake_ids = ("answer-of-another-type", "evidence-not-a-sentence", "evidence-part-of-a-sentence",
                        "evidence-several-sentences", "evidence-not-word-for-word", "claim-without-figure",
                        "claim-figure-not-in-evidence", "claim-dropped-qualifier")

    def __init__(self, number: int, title: str, *, sentences: Callable[[], Iterable[str]],
                 model: Callable[[], Sequence[str]], needs_figure: bool = True, **options: Any) -> None:
        if not callable(sentences) or not callable(model):
            raise TypeError("ClaimWithEvidence(sentences=..., model=...) must be functions without arguments.")
        options.setdefault("answer_type", "a claim and its evidence, each a piece of text (str)")
        super().__init__(number, title, expected=model, kind="custom",
                         compare=lambda answer, model: False, **options)  # judge() decides, not compare
        self._sentences = sentences
        self._pool: dict[str, str] | None = None
        self.needs_figure = needs_figure

    def sentences(self) -> dict[str, str]:
        """Return the article's sentences, normalised (the keys), computed once."""
        if self._pool is None:
            try:
                self._pool = {normalise_text(s): s for s in self._sentences() if normalise_text(s)}
            except Exception as error:
                raise ReferenceProblem from error
        return self._pool

    def judge(self, answer: Any, reference: Read) -> Verdict:
        pair = self.as_pair(answer)
        if pair is None:
            return Verdict(NOT_YET_RIGHT, say(
                "This exercise takes two answers, your claim and its evidence: `ex.{name}.check(claim, evidence)`.",
                name=self.name), "answer-of-another-type")
        claim, evidence = pair.first, pair.second
        if claim is Ellipsis and evidence is Ellipsis:
            return Verdict(NOT_ATTEMPTED, say(
                "You have not answered yet: replace the `...` of `claim` and of `evidence` with your texts and "
                "run the cell again. Stuck? `ex.{name}.hint()` gives a first hint.", name=self.name))
        for part, value in (("claim", claim), ("evidence", evidence)):
            if value is Ellipsis:
                return Verdict(NOT_YET_RIGHT, say(
                    "Your {part} is still `...`: write it too, as a piece of text in quotation marks.", part=part),
                    "answer-of-another-type")
            if category(value) != "str" or not str.__str__(value).strip() or len(str.__str__(value)) > LONGEST_TEXT:
                shown = "an empty text" if category(value) == "str" and not str.__str__(value).strip() else None
                return Verdict(NOT_YET_RIGHT, say(
                    "Your {part} should be a piece of text (str) in quotation marks, with words in it; yours is "
                    "{given}.", part=part, echo={"given": shown or describe(value)}), "answer-of-another-type")
        claim_text, evidence_text = normalise_text(claim), normalise_text(evidence)
        problem = self.evidence_problem(evidence_text)
        if problem is not None:
            return problem
        problem = self.claim_problem(claim_text, evidence_text)
        if problem is not None:
            return problem
        found = ", and every figure of your claim stands in it" if figures(claim_text) else ""
        return Verdict(CORRECT, join(
            say("What a check can test is right: your evidence is a sentence of the article{found}.", found=found),
            say("Your instructor reads the wording: does your claim say no more than the sentence does? "
                "`ex.{name}.solution()` shows a model claim to compare with yours.", name=self.name),
        ))

    def hidden_texts(self) -> list[str]:
        """Return the model claim, for the audit: no hint may hold it."""
        return [str(self._expected()[0])]

    @staticmethod
    def as_pair(answer: Any) -> Pair | None:
        """Return the two answers as a Pair (check() makes one; the audit gives the model as a tuple)."""
        if isinstance(answer, Pair):
            return answer
        if category(answer) in ("tuple", "list") and len(answer) == 2:
            return Pair(*answer)
        return None

    def evidence_problem(self, evidence: str) -> Verdict | None:
        """Return the verdict when the evidence is not one whole sentence of the article, else None."""
        pool = self.sentences()
        if evidence in pool:
            return None
        if len(evidence) >= 10 and any(evidence in sentence for sentence in pool):
            return Verdict(NOT_YET_RIGHT, say(
                "Your evidence is only part of a sentence of the article. Give the whole sentence, from its first "
                "word to its full stop, word for word."), "evidence-part-of-a-sentence")
        if sum(sentence in evidence for sentence in pool) >= 2:
            return Verdict(NOT_YET_RIGHT, say(
                "Your evidence holds more than one sentence of the article. Give the one sentence that states "
                "what your claim says."), "evidence-several-sentences")
        if any(is_near_miss(evidence, sentence) for sentence in pool):
            return Verdict(NOT_YET_RIGHT, say(
                "Your evidence is close to a sentence of the article, but not the same: a few letters or marks "
                "differ. Copy the sentence from the article rather than typing it."), "evidence-not-word-for-word")
        return Verdict(NOT_YET_RIGHT, say(
            "Your evidence is not a sentence of the article. Copy one whole sentence from the article, word for "
            "word: the sentence that states what your claim says."), "evidence-not-a-sentence")

    def claim_problem(self, claim: str, evidence: str) -> Verdict | None:
        """Return the verdict when a figure of the claim is missing from the evidence or lost its qualifier."""
        stated = figures(claim)
        if not stated:
            if not self.needs_figure:
                return None
            return Verdict(NOT_YET_RIGHT, say(
                "Your claim states no figure. A claim of this brief states a figure of the article: write it in "
                "digits, as the sentence does."), "claim-without-figure")
        backed = figures(evidence)
        for value, start in stated:
            places = [where for figure, where in backed if figure == value]
            if not places:
                return Verdict(NOT_YET_RIGHT, say(
                    "The figure {figure} of your claim is not in your evidence. The evidence must be the sentence "
                    "that states the figure: choose that sentence, or correct the figure.",
                    echo={"figure": echo_text(value)}), "claim-figure-not-in-evidence")
            qualifiers = [qualifier_before(evidence, where) for where in places]
            if all(qualifiers) and qualifier_before(claim, start) is None:
                written = FIGURE.match(evidence, places[0])
                return Verdict(NOT_YET_RIGHT, say(
                    'Your evidence says "{q} {figure}", and your claim gives the figure without such a word. '
                    "Without it, the claim states as exact a figure the article gives only as a bound: keep the "
                    "qualifier.", q=str(qualifiers[0]),
                    echo={"figure": echo_text(written.group(0) if written else value)}), "claim-dropped-qualifier")
        return None


__all__ = ["QUALIFIERS", "ClaimWithEvidence"]
