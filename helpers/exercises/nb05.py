"""Exercises for notebook 05, Capstone: a fact-checked brief.

Every expected answer is worked out from the data (the cleaned article and the curated tables) when
a check first needs it, never at import time. TEST_CLAIMS and WORDINGS are practice material written
by us for exercises 3 and 4: they are test claims, not facts about the summit.
"""

from __future__ import annotations

import ast
import re
import types
from collections.abc import Mapping
from typing import Any

from helpers.checking import (
    CORRECT,
    NOT_ATTEMPTED,
    NOT_YET_RIGHT,
    ChooseLine,
    ClaimWithEvidence,
    ExerciseSet,
    Feedback,
    Mistake,
    normalise_text,
)
from helpers.data import load_article, load_figures, load_quotations, load_speakers
from helpers.exercises._support import (
    CheckedCode,
    Keep,
    TaskExercise,
    answer_slip,
    assigned_steps,
    checked_code,
    exact,
    is_number,
    is_typed_value,
    last_store,
    module_dir,
    pattern_without_r,
    typed_by_hand,
)
from helpers.text import split_paragraphs, split_sentences

#: Exercise 3's test claims, written by us: some faithful, some distorted, one unsupported.
#: They are practice material, NOT facts about the summit.
TEST_CLAIMS: types.MappingProxyType[str, str] = types.MappingProxyType({
    "A": "The expo drew enterprises from exactly 40 countries and regions.",
    "B": "Seven projects won special awards.",
    "C": "Wang Gang said the expo attracted 415 enterprises.",
    "D": "Participants came from 120 countries.",
    "E": "Ren Xianliang was quoted directly.",
    "F": "The summit agreed to create a global cybersecurity treaty.",
})

#: Exercise 1's claim, as the notebook states it (written by us).
_CLAIM_PARTICIPANTS = "The summit attracted over 2,100 participants."

#: Exercise 4's four ways of writing the competition's number of projects (written by us; only one is honest).
WORDINGS: tuple[str, ...] = (
    "1,110 projects",
    "about 1,110 projects",
    "over 1,110 projects",
    "1,110 or fewer projects",
)

# Wrong answers that a student may copy from the article: the examples of the Mistakes below.
# They are sentences of the cleaned article, verbatim (_article_sentences checks this).
_COUNTRIES_SENTENCE = (
    "Ren Xianliang, secretary-general of the World Internet Conference, said the Wuzhen Summit "
    "persuaded various specialists, including government officials, company executives and experts "
    "from more than 120 countries and regions, to reach an agreement that further efforts should be "
    "made to make emerging technologies more accessible and affordable, improve people’s skills at "
    "using digital devices and build a digital sharing system that benefits all."
)
_CONCEPTS_SENTENCE = (
    "The concepts of jointly building a community with a shared future in cyberspace and forging a "
    "path for global digital development have been highly recognized and warmly received by all "
    "participants, he said."
)
_PARTICIPANTS_SENTENCE_NO_FULL_STOP = (
    "This year’s online-and-offline summit, which was on the theme “Toward a Shared Digital Future "
    "in a Connected World — Building a Community with a Shared Future in Cyberspace”, attracted over "
    "2,100 participants from more than 120 countries and regions, a record high that was reached "
    "despite COVID-19 challenges"
)


# ---------------------------------------------------------------------------------------------
# The article's sentences, with their paragraph numbers
# ---------------------------------------------------------------------------------------------


def _article_sentences() -> list[tuple[int, str]]:
    """Return (paragraph number, sentence) for every sentence of the cleaned article, in order.

    >>> _article_sentences()[0][0]
    0
    >>> texts = [sentence for _, sentence in _article_sentences()]
    >>> _COUNTRIES_SENTENCE in texts and _CONCEPTS_SENTENCE in texts
    True
    >>> _PARTICIPANTS_SENTENCE_NO_FULL_STOP + "." in texts
    True
    """
    paragraphs = split_paragraphs(load_article())
    return [
        (number, sentence)
        for number, paragraph in enumerate(paragraphs)
        for sentence in split_sentences(paragraph)
    ]


def _only_sentence_with(text: str) -> tuple[int, str]:
    """Return (paragraph number, sentence) of the one sentence that contains text.

    >>> _only_sentence_with("Seven projects")[1].startswith("Seven projects")
    True
    """
    found = [row for row in _article_sentences() if text in row[1]]
    if len(found) != 1:
        raise ValueError(f"Expected exactly one sentence containing {text!r}, found {len(found)}.")
    return found[0]


def _words(text: str) -> str:
    """Return the words of text, lowercased, joined by single spaces (punctuation dropped).

    >>> _words("“Over 2,100” — people.")
    'over 2 100 people'
    """
    return " ".join(re.findall(r"\w+", text.casefold()))


# ---------------------------------------------------------------------------------------------
# Expected answers, worked out from the data
# ---------------------------------------------------------------------------------------------


def _participants_evidence() -> str:
    """Return the sentence of the cleaned article that states the number of participants.

    >>> "participants" in _participants_evidence()
    True
    """
    return _only_sentence_with("2,100")[1]


def _expo_paragraph() -> int:
    """Return the number of the paragraph that gives the expo's number of enterprises.

    >>> 1 <= _expo_paragraph() <= 12
    True
    """
    return _only_sentence_with("415 enterprises")[0]


def _supported_test_claims() -> set[str]:
    """Return the ids of the TEST_CLAIMS that the article supports as written.

    Each verdict is worked out from the data, with the reason next to it.

    >>> "F" in _supported_test_claims()
    False
    """
    figures = load_figures()
    quotations = load_quotations()
    speakers = load_speakers().set_index("speaker_id")
    participants = figures[figures["counted"] == "participants"].iloc[0]
    countries = figures[(figures["paragraph"] == participants["paragraph"]) & (figures["value"] == 120)].iloc[0]
    expo_countries = figures[(figures["scope"] == "expo") & (figures["counted"] == "countries and regions")].iloc[0]
    seven = figures[figures["as_written"] == "Seven"].iloc[0]
    wang_said = quotations[quotations["speaker_id"] == "wang-gang"]["text"]
    verdicts = {
        # "Exactly": right only if the article gives the number without a qualifier.
        "A": expo_countries["qualifier"] == "none",
        # Seven, stated without a qualifier, in the sentence about special awards.
        "B": seven["qualifier"] == "none" and "won special awards" in seven["sentence"],
        # Wang Gang is the speaker of the statement about 415 enterprises.
        "C": wang_said.str.contains("415 enterprises", regex=False).any(),
        # "120 countries" with no qualifier: right only if the article gives none.
        "D": countries["qualifier"] == "none",
        # The article gives Ren's own words inside quotation marks.
        "E": speakers.loc["ren-xianliang", "quoted_directly"],
        # A treaty: some sentence would have to mention one.
        "F": "treaty" in load_article().casefold(),
    }
    return {claim_id for claim_id, supported in verdicts.items() if bool(supported)}


def _honest_projects_wording() -> str:
    """Return the competition's number of projects as the article words it: qualifier, number, what is counted.

    >>> WORDINGS.index(_honest_projects_wording()) + 1 == _HONEST_LINE
    True
    """
    figures = load_figures()
    row = figures[(figures["scope"] == "competition") & (figures["bound"] == "lower bound")].iloc[0]
    return f"{row['qualifier']} {row['as_written']} {row['counted']}"


def _lower_bound_sentence_count() -> int:
    """Return how many sentences of the article state at least one lower-bound figure.

    >>> _lower_bound_sentence_count() <= len(load_figures())
    True
    """
    figures = load_figures()
    return int(figures.loc[figures["bound"] == "lower bound", "sentence"].nunique())


def _sentences_matching(pattern: str) -> int:
    """Return how many sentences of the article contain the regular expression (case counts).

    >>> _sentences_matching(r"\\d") >= _lower_bound_sentence_count()
    True
    """
    return sum(1 for _, sentence in _article_sentences() if re.search(pattern, sentence))


def _paragraph_of(text: str) -> int:
    """Return the number of the paragraph whose one sentence contains text.

    >>> _paragraph_of("74 activities") > _paragraph_of("Seven projects")
    True
    """
    return _only_sentence_with(text)[0]


def _is_article_sentence(answer: object) -> bool:
    """Return True if answer is the text of one of the article's sentences (case and spaces aside).

    >>> _is_article_sentence(_CONCEPTS_SENTENCE.upper()), _is_article_sentence("11")
    (True, False)
    """
    if not isinstance(answer, str):
        return False
    return normalise_text(answer) in {normalise_text(sentence) for _, sentence in _article_sentences()}


def _only_letters(answer: frozenset) -> bool:
    """Return True if a set answer holds only pieces of text (a Mistake about one claim needs ids to read).

    >>> _only_letters(frozenset({"b", "c"})), _only_letters(frozenset({True, False}))
    (True, False)
    """
    return all(isinstance(item, str) for item in answer)


def _claim_ids() -> frozenset[str]:
    """Return the ids of the test claims, normalised as a check reads them.

    >>> sorted(_claim_ids())[:2]
    ['a', 'b']
    """
    return frozenset(claim_id.casefold() for claim_id in TEST_CLAIMS)


def _row_index_of(text: str) -> int:
    """Return the position (0, 1, ...) of the one sentence that contains text in the list of all sentences.

    >>> _row_index_of("Wuzhen Summit develops consensus")
    0
    """
    return [sentence for _, sentence in _article_sentences()].index(_only_sentence_with(text)[1])


# ---------------------------------------------------------------------------------------------
# Tests for the typical wrong answers of exercise 1 (they receive the answer as normalised text)
# ---------------------------------------------------------------------------------------------


def _same_words_as_evidence(answer: str) -> bool:
    """Return True if answer has the evidence's words but not its exact punctuation.

    >>> _same_words_as_evidence(_PARTICIPANTS_SENTENCE_NO_FULL_STOP)
    True
    """
    return _words(answer) == _words(_participants_evidence())


def _part_of_evidence(answer: str) -> bool:
    """Return True if answer is some of the evidence's words, in order, but not all of them.

    >>> _part_of_evidence("over 2,100 participants"), _part_of_evidence("2,100 people")
    (True, False)
    """
    part, whole = _words(answer), _words(_participants_evidence())
    return part != "" and part != whole and f" {part} " in f" {whole} "


# Variables the notebook makes and later cells need: a check says how to recover if one is replaced.
_KEEP_SENTENCES = Keep(
    "sentences",
    lambda value: len(value) == len(_article_sentences()) and "sentence" in value.columns,
    "the cell with `sentences = pd.DataFrame(rows)` near the top of the notebook",
)
_KEEP_FIGURES = Keep(
    "figures",
    lambda value: len(value) == len(load_figures()),
    "the cell with `figures = helpers.load_figures()`",
)

# ---------------------------------------------------------------------------------------------
# The exercises
# ---------------------------------------------------------------------------------------------

q1 = TaskExercise(
    1,
    "Find the evidence for the participants",
    keeps=[_KEEP_SENTENCES],
    rules=[exact(_participants_evidence, "the article's sentence")],
    expected=_participants_evidence,
    kind="text",
    answer_type="the whole sentence, as text (str)",
    hints=[
        "`find_support([...])` keeps the sentences that contain every keyword you give it. "
        "Which word or number of the claim is rare enough to find just one sentence?",
        "Search for the number of participants, written exactly as the article writes it "
        "(with its comma, and in quotation marks: a keyword is text).",
        "When `find_support([...])` leaves one row, add `[\"sentence\"].item()` right after it: that takes "
        "the sentence out of the table as text. Read it: is it about participants?",
    ],
    solution='found = find_support(["2,100"])\nevidence_participants = found["sentence"].item()',
    explanation=(
        "Only one sentence gives the number of participants: the long sentence of paragraph 5, which "
        "also gives the countries and the theme. The sentence of paragraph 3 also says “more than 120 "
        "countries and regions”, but it is about specialists who reached an agreement and does not "
        "mention participants. The evidence is taken from the table by code, never typed, so every comma and "
        "curly quotation mark stays the article's."
    ),
    mistakes=[
        Mistake(
            lambda a: a in {"5", "paragraph 5"},
            "That is a paragraph number. The question asks for the evidence itself: the whole "
            "sentence, as text.",
            example="5",
            id="evidence-paragraph-number",
        ),
        Mistake(
            lambda a: "120 countries" in a and "participants" not in a,
            "That sentence gives the number of countries and regions, but it does not mention "
            "participants at all. Evidence for a claim about participants must be about participants.",
            example=_COUNTRIES_SENTENCE,
            id="evidence-countries-sentence",
        ),
        Mistake(
            lambda a: "participants" in a and "2,100" not in a,
            "That sentence mentions participants, but it does not say how many there were. The "
            "claim's number must stand in its evidence.",
            example=_CONCEPTS_SENTENCE,
            id="evidence-sentence-without-number",
        ),
        Mistake(
            lambda a: _words(a) == _words(_CLAIM_PARTICIPANTS),
            "That is our claim, in our words. The evidence is the article's own sentence that "
            "supports it: search the sentences with `find_support([...])` and take that sentence.",
            example=_CLAIM_PARTICIPANTS,
            id="evidence-our-own-claim",
        ),
        Mistake(
            _same_words_as_evidence,
            "The words are right, but some punctuation differs from the article's (a comma, a dash "
            "or the full stop). Take the sentence out of the table by code instead of typing it.",
            example=_PARTICIPANTS_SENTENCE_NO_FULL_STOP,
            id="evidence-punctuation-slip",
        ),
        Mistake(
            _part_of_evidence,
            "That is part of the sentence, not all of it. Evidence is the whole sentence, word for "
            "word, from its first word to its full stop: take it from the table that `find_support([...])` "
            'gives, with `["sentence"].item()`.',
            example="over 2,100 participants",
            id="evidence-part-of-the-sentence",
        ),
    ],
    slips=[
        answer_slip(
            "evidence-paragraph-number",
            is_number,
            "That is a number, perhaps the paragraph's. The question asks for the evidence itself: the whole "
            "sentence, as text, from the `sentence` column of the row you found.",
        ),
    ],
)

q2 = TaskExercise(
    2,
    "Give the paragraph of the expo's figure",
    keeps=[_KEEP_SENTENCES],
    expected=_expo_paragraph,
    kind="number",
    answer_type="a whole number (the paragraph number)",
    hints=[
        "Search the sentences for the expo's number of enterprises with `find_support([...])`.",
        "The row you find has a `paragraph` column: that holds the number asked for. The number at "
        "the far left of the table is the row's index, not its paragraph.",
        'Add `["paragraph"].item()` right after `find_support([...])` to take the single number out of the table.',
    ],
    solution='found = find_support(["415"])\nexpo_paragraph = found["paragraph"].item()',
    explanation=(
        "One sentence contains 415, and its paragraph column says 11: Wang Gang's statement about "
        "The Light of Internet Expo. Paragraph 10 is about the competition, paragraph 12 about the "
        "expo's 74 activities. The number at the far left of the table (14) is the row's index in "
        "`sentences`, not a paragraph number."
    ),
    mistakes=[
        Mistake(
            lambda a: a == _paragraph_of("won special awards"),
            "That paragraph is about the Straight to Wuzhen Competition. The expo's enterprises are "
            "counted in another paragraph: search for their number.",
            example=10,
            id="expo-paragraph-competition",
        ),
        Mistake(
            lambda a: a == _paragraph_of("74 activities"),
            "That paragraph is about the expo's activities, but it does not give the number of "
            "enterprises. Search for the sentence that does.",
            example=12,
            id="expo-paragraph-activities",
        ),
        Mistake(
            lambda a: a in (_row_index_of("415 enterprises"), _expo_paragraph() + 2, _expo_paragraph() + 3),
            "That is not a paragraph number of the cleaned article (the headline is 0, the body "
            "paragraphs follow). It may be a row's index in `sentences` (the number at the far left) "
            "or a block count in the raw file, where the headline appears three times. Read the "
            "`paragraph` column of the row you found.",
            example=14,
            id="expo-paragraph-other-numbering",
        ),
        Mistake(
            lambda a: a == 415,
            "That is the figure itself. The question asks where it stands: the number of its paragraph.",
            example=415,
            id="expo-paragraph-the-figure",
        ),
    ],
    slips=[
        answer_slip(
            "expo-paragraph-the-sentence",
            _is_article_sentence,
            "That is the sentence itself. The question asks where it stands: the number in the `paragraph` "
            "column of the row you found, as a whole number.",
        ),
    ],
)

q3 = TaskExercise(
    3,
    "Pick the test claims the article supports",
    keeps=[_KEEP_SENTENCES, _KEEP_FIGURES],
    expected=_supported_test_claims,
    kind="set",
    answer_type='a set (or list) of claim ids, such as {"A", "B"}',
    hints=[
        "Take the claims one at a time. For each, find the sentence that would support it with "
        "`find_support([...])`, and compare the claim with that sentence word by word.",
        "For a claim with a number, look the number up in `figures`: does the article put a "
        "qualifier before it (the `qualifier` column)? A claim that drops it says more than the "
        "article does.",
        "For who said what, `helpers.load_quotations()` has a `kind` column: `direct` means words "
        "inside quotation marks. A claim whose key word no sentence contains is not supported at all.",
    ],
    solution='supported_ids = {"B", "C", "E"}',
    explanation=(
        "B, C and E are supported as written. A and D drop a qualifier: the article says the expo's "
        "enterprises came from “more than 40 countries and regions” and the participants from “more than "
        "120 countries and regions”, lower bounds, not exact counts (and D also drops “and regions”). "
        "F is unsupported: no sentence mentions a treaty; the article reports consensus and an agreement "
        "that “further efforts should be made”, nothing more. "
        "E is faithful: the article gives Ren's own words inside quotation marks twice (paragraphs 4 "
        "and 9). C keeps the attribution: Wang Gang said it."
    ),
    mistakes=[
        Mistake(
            lambda a: any(isinstance(item, str) and len(item) > 1 for item in a),
            "Your answer holds more than single letters: perhaps the claims' texts. Give only the "
            'ids of the claims, the letters before the colons, for example {"A", "B"}.',
            example=["Seven projects won special awards."],
            id="claims-texts-not-letters",
        ),
        Mistake(
            lambda a: len(a) > 0 and all(isinstance(item, (int, float)) and not isinstance(item, bool) for item in a),
            "Your answer holds numbers, but the claims' ids are letters: the letter printed before each "
            'claim\'s colon. Give a set of those letters, for example {"A", "B"}.',
            example=[2, 3, 5],
            id="claims-numbers-not-letters",
        ),
        Mistake(
            lambda a: len(a) == 0,
            "Your set is empty. Take the claims one at a time and keep the id of each claim that the "
            "article supports as written.",
            example=[],
            id="claims-empty-set",
        ),
        Mistake(
            lambda a: any(isinstance(item, str) and item not in _claim_ids() for item in a),
            "Some of your letters are not ids of the test claims: use only the letters printed before the "
            "claims' colons.",
            example={"B", "C", "E", "G"},
            id="claims-unknown-letters",
        ),
        Mistake(
            lambda a: "a" in a,
            "Claim A says “exactly”, but the article puts a qualifier before that number (see the "
            "`qualifier` column of `figures`): it is a lower bound, and the claim turns it into an "
            "exact count.",
            example={"A", "B", "C", "E"},
            id="claims-accepted-a",
        ),
        Mistake(
            lambda a: "d" in a,
            "Claim D drops the qualifier that the article puts before the number of countries and "
            "regions: the article gives a lower bound, the claim an exact count.",
            example={"B", "C", "D", "E"},
            id="claims-accepted-d",
        ),
        Mistake(
            lambda a: "f" in a,
            "No sentence of the article supports claim F: try `find_support([\"treaty\"])`. A claim "
            "without a supporting sentence cannot go in the brief, however plausible it sounds.",
            example={"B", "C", "E", "F"},
            id="claims-accepted-f",
        ),
        Mistake(
            lambda a: _only_letters(a) and "e" not in a,
            "Look again at claim E: does the article give any of Ren's own words inside quotation "
            "marks (“ ”)? The `kind` column of `helpers.load_quotations()` tells.",
            example={"B", "C"},
            id="claims-rejected-e",
        ),
        Mistake(
            lambda a: _only_letters(a) and "c" not in a,
            "Look again at claim C: find the sentence about the expo's enterprises and read who said it.",
            example={"B", "E"},
            id="claims-rejected-c",
        ),
        Mistake(
            lambda a: _only_letters(a) and "b" not in a,
            "Look again at claim B: the article writes that number as a word. Try "
            "`find_support([\"special awards\"])` and compare.",
            example={"C", "E"},
            id="claims-rejected-b",
        ),
    ],
    slips=[
        answer_slip(
            "claims-empty-set",
            lambda a: isinstance(a, dict) and not a,
            "`{}` with nothing inside is an empty dictionary, not a set. Write the letters of the claims the "
            'article supports inside the curly brackets, each in quotation marks, such as {"A"}.',
        ),
        answer_slip(
            "claims-the-whole-table",
            lambda a: isinstance(a, Mapping) and set(a) == set(TEST_CLAIMS),
            "That is every test claim with its id. Keep only the ids (letters) of the claims that the article "
            'supports as written, in a set such as {"A", "B"}.',
        ),
    ],
)

#: Exercise 4's right line (from 1): the wording of the projects figure that the article's sentence gives
#: (_honest_projects_wording's doctest holds the two together, without reading the data at import).
_HONEST_LINE = WORDINGS.index("over 1,110 projects") + 1


q4 = ChooseLine(
    4,
    "Choose the honest wording",
    lines=[f'wording = "{wording}"' for wording in WORDINGS],
    right=_HONEST_LINE,
    wrong={
        WORDINGS.index("1,110 projects") + 1: Mistake(
            lambda a: False,  # ChooseLine gives each wrong line its own test
            "Without a word before the number, this line reads as an exact count. The article puts a word "
            "there that changes what the number means: look at its sentence again.",
            example=1,
            id="wording-no-qualifier",
        ),
        WORDINGS.index("about 1,110 projects") + 1: Mistake(
            lambda a: False,  # ChooseLine gives each wrong line its own test
            "“About” allows fewer than 1,110 as well as more. The article's word rules one of those out.",
            example=2,
            id="wording-about",
        ),
        WORDINGS.index("1,110 or fewer projects") + 1: Mistake(
            lambda a: False,  # ChooseLine gives each wrong line its own test
            "This line turns the bound around: the article's word puts the true number on the other side "
            "of 1,110.",
            example=4,
            id="wording-or-fewer",
        ),
    },
    hints=[
        "Find the sentence with the competition's number of projects: which word stands right before the "
        "number?",
        "That word makes the number a lower bound: the true count is higher, by an amount the "
        "article does not give.",
        "For each line, ask: could the true number be below 1,110? Exactly 1,110? Above it? "
        "Only one line allows exactly what the article's word allows.",
    ],
    solution=f"honest_line = {_HONEST_LINE}",
    explanation=(
        "The article writes “over 1,110 projects from 24 countries and regions vied for honors”. “Over” "
        "makes the figure a lower bound: more than 1,110 projects competed, by an amount the article does "
        "not give. “1,110 projects” claims an exact count, “about 1,110” allows fewer as well, and “1,110 "
        "or fewer” turns the bound around."
    ),
)

q5 = TaskExercise(
    5,
    "Fix the count of sentences that carry a lower bound",
    keeps=[_KEEP_SENTENCES],
    slips=[pattern_without_r()],
    expected=_lower_bound_sentence_count,
    kind="number",
    answer_type="a whole number (how many sentences)",
    hints=[
        'The article writes a lower bound as "over" or "more than" right before a number. '
        '`sentences["sentence"].str.contains(pattern)` gives True or False for each sentence, and '
        "`.sum()` counts the True ones.",
        "Careful: the letters *over* also hide inside longer words of the article. In a regular "
        "expression, `\\b` marks the start of a word and `\\d` stands for one digit.",
        "Join two patterns with `|` (it means *or*): one for *over* and one for *more than*, each starting "
        "at a word boundary and followed by a space and a digit. Write an `r` before the opening quotation "
        "mark. Count sentences, not figures: one sentence can hold two lower bounds.",
    ],
    solution=(
        'pattern = r"\\bover \\d|\\bmore than \\d"\n'
        'has_lower_bound = sentences["sentence"].str.contains(pattern)\n'
        "n_lower_bound_sentences = int(has_lower_bound.sum())"
    ),
    explanation=(
        "Four sentences: paragraph 3 (more than 120), paragraph 5 (over 2,100 and more than 120: one "
        "sentence, two lower bounds), paragraph 10 (over 1,110) and paragraph 11 (more than 40). The "
        "`\\b` makes *over* start a word, so “government”, “governance” and “covering” do not count; "
        "the space and `\\d` make a number follow. The figures table agrees: its five lower bounds "
        "stand in four sentences. These are the sentences where a brief must keep a qualifier."
    ),
    mistakes=[
        Mistake(
            lambda a: a == _sentences_matching(r"over|more than") and a != _lower_bound_sentence_count(),
            "Your count includes sentences where the letters “over” are only part of a longer word "
            "(as in “covering”). Make the search start at a word boundary, and ask for a number after "
            "the qualifier.",
            example=6,
            id="lower-bound-sentences-over-inside-words",
        ),
        Mistake(
            lambda a: a != _lower_bound_sentence_count()
            and a
            in (
                int((load_figures()["bound"] == "lower bound").sum()),
                _sentences_matching(r"\d"),
                _sentences_matching(r"(?i)over"),
            ),
            "Not yet. Three slips give this count: counting figures instead of sentences (one sentence "
            "holds two lower bounds), counting every sentence with a digit (exact figures too), or "
            "searching for the letters “over” alone (they hide in longer words, and “more than” is "
            "missed).",
            example=5,
            id="lower-bound-sentences-three-slips",
        ),
        Mistake(
            lambda a: a == len(load_figures()),
            "That is the number of figures in the figures table, exact ones included. Count the "
            "sentences with “over” or “more than” right before a number.",
            example=9,
            id="lower-bound-sentences-figures-table",
        ),
        Mistake(
            lambda a: a == len(_article_sentences()),
            "That is the number of all sentences. Keep only those with “over” or “more than” right "
            "before a number.",
            example=16,
            id="lower-bound-sentences-all",
        ),
        Mistake(
            lambda a: a in (_sentences_matching(r"\bover \d"), _sentences_matching(r"\bmore than \d")),
            "You found the sentences of one qualifier only. The article writes a lower bound in two "
            "ways, “over” and “more than”: in a pattern, `|` means or, so one search can find both.",
            example=3,
            id="lower-bound-sentences-one-qualifier",
        ),
        Mistake(
            lambda a: a == 0,
            "Your search found no sentence. If your pattern has `\\b` in it, write `r` right before its "
            "quotation marks: without it, Python turns `\\b` into another character and the pattern "
            "matches nothing.",
            example=0,
            id="lower-bound-sentences-none-found",
        ),
    ],
)

#: Exercise 6's model answer (our claim; the evidence is the article's sentence, taken by code).
_MODEL_CLAIM = "The expo held 74 activities, including launches of new products and technologies."


def _model_claim() -> tuple[str, str]:
    """Return exercise 6's model answer: our claim, and the article's sentence that supports it.

    >>> _model_claim()[1].startswith("The 74 activities")
    True
    """
    return _MODEL_CLAIM, _only_sentence_with("74 activities")[1]


class _ClaimFromOneSentence(ClaimWithEvidence):
    """Exercise 6: a claim with its evidence, where the keywords must find the evidence's sentence and only it.

    The task says so, and Exercise 7 takes the paragraph out of `found` with `.item()`, which needs one row.
    """

    task_mistake_ids = (*ClaimWithEvidence.task_mistake_ids, "claim-keywords-find-several")

    def evaluate(self, answer: Any, namespace: Mapping[str, Any] | None = None) -> Feedback:
        feedback = super().evaluate(answer, namespace)
        if feedback.status != CORRECT or namespace is None:
            return feedback
        made_here = any(step.targets[0].id == "found" for step in assigned_steps(checked_code()))
        try:
            rows = len(namespace["found"]) if made_here else 1
        except Exception:
            rows = 1
        if rows == 1:
            return feedback
        message = (f"Your claim and evidence fit, but your keywords find {rows} sentences, and the task asks for "
                   "keywords that find its sentence and only that one. Add a rarer word of your sentence to "
                   "`keywords`, so that `find_support` leaves one row.")
        return Feedback(NOT_YET_RIGHT, self.title, message, self.number, markdown_message=message,
                        mistake="claim-keywords-find-several")


q6 = _ClaimFromOneSentence(
    6,
    "Write a claim of your own, with its evidence",
    sentences=lambda: [sentence for _, sentence in _article_sentences()],
    model=_model_claim,
    hints=[
        "Choose a sentence of the article that states a figure, in digits or as a word. "
        "`find_support([...])` with a number or a rare word shows the candidates.",
        "Take the sentence out of the table by code, as in Exercise 1, and store it in `evidence`. "
        "Then write `claim` in your own words, with the figure written as the sentence writes it.",
        "Before you check, read your claim against the sentence: is the word before the figure "
        "(such as “over”) still there? Does your claim name the person the sentence says spoke?",
    ],
    solution=(
        'keywords = ["74"]\n'
        'found = find_support(keywords)\n'
        'evidence = found["sentence"].item()\n'
        f'claim = "{_MODEL_CLAIM}"'
    ),
    explanation=(
        "A fair claim keeps the figure as its sentence states it, with its qualifier (“over”, "
        "“more than”) when there is one, names the speaker when the sentence reports what someone "
        "said, and adds nothing the sentence does not give. The check tests the evidence and the "
        "figure; your instructor reads the wording."
    ),
)


# ---------------------------------------------------------------------------------------------
# Exercise 7: the brief's two checks, run on the student's own claim
# ---------------------------------------------------------------------------------------------

#: The notebook's names that Exercise 7 reads: the claim and evidence of Exercise 6, and the two checks.
_OWN_CLAIM_NAMES = ("claim", "evidence")
_CHECK_NAMES = ("unknown_numbers", "dropped_qualifiers")


def _paragraph_of_sentence(sentence: object) -> int | None:
    """Return the paragraph number of an article sentence (case and spaces aside), or None.

    >>> _paragraph_of_sentence(_only_sentence_with("74 activities")[1].upper()) == _paragraph_of("74 activities")
    True
    >>> _paragraph_of_sentence("Not a sentence of the article.") is None
    True
    """
    if not isinstance(sentence, str):
        return None
    wanted = normalise_text(sentence)
    return next((number for number, text in _article_sentences() if normalise_text(text) == wanted), None)


def _typed_in_cell(code: CheckedCode | None, name: str) -> bool:
    """Return True if the checked cell stores a number or text typed by hand under name.

    >>> _typed_in_cell(CheckedCode(None, {}, ast.parse("my_paragraph = 12")), "my_paragraph")
    True
    """
    return is_typed_value(last_store(code, name))


def _first_argument(call: ast.Call) -> str | None:
    """Return the name given first to a call, or None.

    >>> _first_argument(ast.parse("f(claim, 5)", mode="eval").body), _first_argument(ast.parse("f()", mode="eval").body)
    ('claim', None)
    """
    first = call.args[0] if call.args else None
    return first.id if isinstance(first, ast.Name) else None


def _how_the_cell_checks(code: CheckedCode | None) -> tuple[str, str, str] | None:
    """Return (status, message, mistake id) when the cell that made the answer does not run both checks on `claim`.

    Only a cell that makes the answer itself is read (code.expression is then the answer's expression).

    >>> cell = ast.parse("p = 5\\nmy = unknown_numbers(claim, p)\\nex.q7.check(my)")
    >>> _how_the_cell_checks(CheckedCode(cell.body[1].value, {}, cell))[2]
    'own-claim-one-check'
    >>> cell = ast.parse("my = unknown_numbers(claim, p) + dropped_qualifiers(claim, p)\\nex.q7.check(my)")
    >>> _how_the_cell_checks(CheckedCode(cell.body[0].value, {}, cell)) is None
    True
    """
    if code is None or code.cell is None or code.expression is None:
        return None
    called = {node.func.id: node for node in ast.walk(code.cell)
              if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)}
    if not all(name in called for name in _CHECK_NAMES):
        return (NOT_YET_RIGHT, "Your cell does not call both checks: `my_problems` is what `unknown_numbers` and "
                "`dropped_qualifiers` find together. Call each of them in this cell.", "own-claim-one-check")
    if not all(_first_argument(called[name]) == "claim" for name in _CHECK_NAMES):
        return (NOT_YET_RIGHT, "Give each check your claim, `claim`, first, then the paragraph number: the checks "
                "read the claim's numbers and qualifiers.", "own-claim-not-the-checks")
    if isinstance(code.expression, ast.BoolOp):
        return (NOT_YET_RIGHT, "`and` and `or` do not join two lists: they give back one of them. Join the two "
                "lists with `+`.", "own-claim-one-check")
    return None


def _as_list(answer: object) -> list | None:
    """Return answer as a list if it is a list or tuple (what `+` of two lists gives), else None.

    >>> _as_list(("19",)), _as_list("19"), _as_list(None)
    (['19'], None, None)
    """
    return list(answer) if isinstance(answer, (list, tuple)) else None


class _ChecksOnOwnClaim(TaskExercise):
    """Exercise 7: the answer is right when it is what the notebook's two checks give for the student's claim.

    Outside a notebook (no namespace: the audit, the answer key) it is judged against the model claim of
    Exercise 6, for which neither check finds a problem. In the notebook the reference is worked out from
    the student's own `claim`, the paragraph of their `evidence`, and the notebook's `unknown_numbers` and
    `dropped_qualifiers`.
    """

    own_ids = ("own-claim-missing", "own-claim-checks-missing", "own-claim-evidence-not-a-sentence",
               "own-claim-other-paragraph", "own-claim-one-check", "own-claim-not-the-checks",
               "typed-the-value-by-hand")

    @property
    def task_mistake_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((*super().task_mistake_ids, *self.own_ids)))

    def evaluate(self, answer: Any, namespace: Mapping[str, Any] | None = None) -> Feedback:
        """Return the Feedback for answer: judged against the student's own claim when the notebook's names exist."""
        feedback = super().evaluate(answer, namespace)  # the placeholder and unfinished steps, as everywhere
        if feedback.status == NOT_ATTEMPTED or namespace is None:
            return feedback
        try:
            judged = self._judge_own(answer, namespace)
        except Exception:
            judged = None
        if judged is None:  # not a list, or the notebook's names cannot be used: the usual check says why
            return feedback
        status, message, mistake = judged
        return Feedback(status, self.title, message, self.number, markdown_message=message, mistake=mistake)

    def _judge_own(self, answer: Any, names: Mapping[str, Any]) -> tuple[str, str, str | None] | None:
        claim, evidence = (names.get(name, ...) for name in _OWN_CLAIM_NAMES)
        if not isinstance(claim, str) or not isinstance(evidence, str):
            return (NOT_YET_RIGHT, "This exercise checks your claim from Exercise 6, and `claim` and `evidence` "
                    "are not written there yet. Write them in Exercise 6, run that cell, then run this one again.",
                    "own-claim-missing")
        checks = [names.get(name) for name in _CHECK_NAMES]
        if not all(callable(check) for check in checks):
            return (NOT_YET_RIGHT, "The brief's two checks, `unknown_numbers` and `dropped_qualifiers`, are not "
                    "known in this session. Run the cell that makes them (in the section \"A figure that lost its "
                    "qualifier is caught by the figures table\"), then this cell again.", "own-claim-checks-missing")
        paragraph = _paragraph_of_sentence(evidence)
        if paragraph is None:
            return (NOT_YET_RIGHT, "Your `evidence` from Exercise 6 is not one whole sentence of the article, so it "
                    "has no paragraph to check your claim against. Repair Exercise 6 first: its check says how.",
                    "own-claim-evidence-not-a-sentence")
        code = checked_code()
        if _typed_in_cell(code, "my_paragraph"):
            return (NOT_YET_RIGHT, "You typed `my_paragraph` yourself. Take it out of `found` by code, as in "
                    "Exercise 2, so that it is always the paragraph of your evidence.", "typed-the-value-by-hand")
        unknown, dropped = (list(check(claim, paragraph)) for check in checks)
        expected = unknown + dropped
        given = _as_list(answer)
        if given is None:
            return None
        typed = typed_by_hand(code)
        how = None if typed else _how_the_cell_checks(code)
        if how is not None:
            return how
        if given == expected and not typed:
            if not re.search(r"\d", claim):
                return (CORRECT, "Correct: neither check finds a problem, but your claim has no number written in "
                        "digits, so they had nothing to test (a figure written as a word, such as “Seven”, "
                        "escapes them). Read the claim against its sentence yourself.", None)
            if not expected:
                return (CORRECT, "Correct. Neither check finds a problem in your claim: every number written in "
                        f"digits stands in paragraph {paragraph}, and no lower bound lost its qualifier. The checks "
                        "do not read words: whether the claim says no more than its sentence is still for a "
                        "reader.", None)
            return (CORRECT, "Correct: that is what the two checks find in your claim. Read each finding. A number "
                    "that the figures table does not hold may be part of a name (as in COVID-19): then it is the "
                    "check's limit, and your claim can stay; say so in a comment. Otherwise, repair your claim in "
                    "Exercise 6 and run both cells again.", None)
        if typed:
            return (NOT_YET_RIGHT, "You typed the list yourself. Let the two checks work it out: call them with "
                    "your `claim` and `my_paragraph`.", "typed-the-value-by-hand")
        others = [number for number in range(len(split_paragraphs(load_article())))
                  if number != paragraph and given == [*checks[0](claim, number), *checks[1](claim, number)]]
        table = names.get("found")
        try:
            found_paragraph = int(table["paragraph"].item())
        except Exception:
            found_paragraph = paragraph
        if found_paragraph != paragraph:
            return (NOT_YET_RIGHT, "`found` now holds the table of another search, not the one of your evidence: "
                    "another exercise's cell ran after Exercise 6. Run Exercise 6's cell again, then this one.",
                    "own-claim-other-paragraph")
        if others:
            used = names.get("my_paragraph")
            which = (f"paragraph {used}" if used in others else
                     f"paragraph {others[0]}" if len(others) == 1 else "another paragraph")
            return (NOT_YET_RIGHT, f"That is what the checks find with {which}, which is not the paragraph of your "
                    "evidence. Take the paragraph number out of `found`, as in Exercise 2.",
                    "own-claim-other-paragraph")
        if given in (unknown, dropped):
            return (NOT_YET_RIGHT, "That is what one of the two checks finds, and the other finds more. The brief's "
                    "own check, in the cell that prints \"no problem found\", adds the two lists with `+`.",
                    "own-claim-one-check")
        return (NOT_YET_RIGHT, f"`my_problems` is not what the two checks give for your claim in paragraph "
                f"{paragraph}. Give both functions your `claim` and `my_paragraph`, and add their two lists "
                "with `+`.", "own-claim-not-the-checks")


q7 = _ChecksOnOwnClaim(
    7,
    "Run the brief's checks on your own claim",
    expected=list,  # the model claim of Exercise 6: neither check finds a problem
    kind="sequence",
    answer_type="a list (what the two checks find, added with +)",
    hints=[
        "Your evidence's paragraph number is in the `paragraph` column of `found`, the table of Exercise 6: "
        "take it out as in Exercise 2.",
        "The brief's check, in the cell that prints \"no problem found\", calls both functions with a claim and "
        "a paragraph number.",
        "Call `unknown_numbers` and `dropped_qualifiers`, each with your `claim` and `my_paragraph`. Each gives a "
        "list; add the two lists.",
    ],
    solution=(
        'my_paragraph = found["paragraph"].item()\n'
        "my_problems = unknown_numbers(claim, my_paragraph) + dropped_qualifiers(claim, my_paragraph)"
    ),
    explanation=(
        "For the model claim (74 activities, paragraph 12) both checks give an empty list: 74 is a figure of "
        "paragraph 12, and it is an exact count, so no qualifier can be lost. Your own claim gives its own "
        "list; the check works it out from your claim and evidence. An empty list means only that the two "
        "checks found nothing: they see numbers written in digits, not words."
    ),
)

EXERCISES = ExerciseSet("05-capstone-a-fact-checked-brief", [q1, q2, q3, q4, q5, q6, q7])
progress = EXERCISES.progress

# What `ex.` offers in the notebook: the exercises, progress, and the practice material the notebook
# prints (TEST_CLAIMS, WORDINGS); nothing that computes an answer.
__all__ = ["EXERCISES", "TEST_CLAIMS", "WORDINGS", "progress", "q1", "q2", "q3", "q4", "q5", "q6", "q7"]
__getattr__ = EXERCISES.module_getattr  # ex.q99 and the like answer in plain words
__dir__ = module_dir(__all__)
