"""Exercises for notebook 03, The quotations.

Every answer is worked out from the curated tables when a check needs it (never at import time),
so the exercises and the tables cannot disagree. The word counts use helpers.text.split_words,
as the notebook does.
"""

from __future__ import annotations

import functools
import re

import pandas as pd

from helpers.checking import ExerciseSet, Mistake, normalise_text
from helpers.data import load_quotations, load_raw_article, load_speakers
from helpers.exercises._support import (
    Keep,
    TaskExercise,
    answer_slip,
    exact,
    exact_items,
    is_number,
    module_dir,
    near_miss_of_any,
)
from helpers.text import split_words

# ---------------------------------------------------------------------------------------------
# Small functions that compute the answers (and the typical wrong answers) from the tables
# ---------------------------------------------------------------------------------------------


def _count_words(text: str) -> int:
    """Return the number of words in text, as helpers.text.split_words counts them.

    >>> _count_words("Cooperation is the key, Ren said.")
    6
    """
    return len(split_words(text))


def _quotations_with_words() -> pd.DataFrame:
    """Return the quotations table with an extra column "words": the word count of each row's text.

    >>> table = _quotations_with_words()
    >>> bool((table["words"] > 0).all())
    True
    """
    quotations = load_quotations()
    quotations["words"] = quotations["text"].map(_count_words)
    return quotations


def _is_inside_another_row(quotations: pd.DataFrame) -> pd.Series:
    """Return a True/False Series: is this row's text part of the text of another row?

    >>> table = pd.DataFrame({"text": ["a shared future", "build a shared future now", "other"]})
    >>> _is_inside_another_row(table).tolist()
    [True, False, False]
    """
    texts = quotations["text"].tolist()
    return quotations["text"].map(
        lambda text: any(text in other for other in texts if other != text)
    ).astype(bool)


@functools.cache
def _row_count() -> int:
    """Return the number of rows of the quotations table (statements attributed to someone).

    >>> _row_count() == len(load_quotations())
    True
    """
    return len(load_quotations())


@functools.cache
def _direct_count() -> int:
    """Return how many rows of the quotations table are direct quotations.

    >>> 0 < _direct_count() < _row_count()
    True
    """
    quotations = load_quotations()
    return int((quotations["kind"] == "direct").sum())


@functools.cache
def _quotation_mark_count() -> int:
    """Return how many pieces of the raw article stand inside curly quotation marks “ ”.

    >>> _quotation_mark_count() >= _direct_count()
    True
    """
    return len(re.findall(r"“[^”]*”", load_raw_article()))


def _words_by_speaker_id() -> pd.Series:
    """Return the total words per speaker_id, over all that speaker's rows.

    >>> int(_words_by_speaker_id().sum()) == int(_quotations_with_words()["words"].sum())
    True
    """
    return _quotations_with_words().groupby("speaker_id")["words"].sum()


def _words_by_name() -> pd.Series:
    """Return the total words per speaker name (merge of quotations and speakers on speaker_id).

    >>> sorted(_words_by_name().index) == sorted(load_speakers()["name"])
    True
    """
    speakers = load_speakers()[["speaker_id", "name"]]
    voices = pd.merge(_quotations_with_words(), speakers, on="speaker_id")
    return voices.groupby("name")["words"].sum()


@functools.cache
def _most_words_name() -> str:
    """Return the name (as in speakers.name) of the speaker given the most words.

    >>> _most_words_name() in set(load_speakers()["name"])
    True
    """
    return str(_words_by_name().idxmax())


def _normalised(text: str) -> str:
    """Return text the way a check hands it to a Mistake (the engine's normalise_text).

    >>> _normalised("  Wang   Gang ’s ")
    "wang gang 's"
    """
    return normalise_text(text)


@functools.cache
def _name_of(speaker_id: str) -> str:
    """Return the name of the speaker with this speaker_id, normalised as a check reads it.

    >>> _name_of("wang-gang")
    'wang gang'
    """
    speakers = load_speakers()
    return _normalised(speakers.loc[speakers["speaker_id"] == speaker_id, "name"].item())


@functools.cache
def _largest_word_total() -> int:
    """Return the largest number of words given to one source (over all its rows).

    >>> _largest_word_total() == int(_words_by_name().max())
    True
    """
    return int(_words_by_name().max())


def _words_of_top_name() -> list[str]:
    """Return the words of the name with the most words, normalised as a check reads it.

    >>> len(_words_of_top_name()) >= 2
    True
    """
    return _normalised(_most_words_name()).split()


def _part_of_top_name(answer: str) -> bool:
    """Return True if answer is one or more words of the top name, but not all of them.

    >>> _part_of_top_name(_words_of_top_name()[-1]), _part_of_top_name(" ".join(_words_of_top_name()))
    (True, False)
    """
    words = _words_of_top_name()
    given = answer.split()
    return 0 < len(given) < len(words) and all(word in words for word in given)


def _top_name_reordered(answer: str) -> bool:
    """Return True if answer has the words of the top name in another order.

    >>> _top_name_reordered(" ".join(reversed(_words_of_top_name())))
    True
    """
    words = _words_of_top_name()
    return answer.split() != words and sorted(answer.split()) == sorted(words)


def _top_name_with_more(answer: str) -> bool:
    """Return True if answer holds the top name with more words around it (such as the role).

    >>> _top_name_with_more(_normalised(_most_words_name()) + ", secretary-general")
    True
    >>> _top_name_with_more(_normalised(_most_words_name()) + "g")
    False
    """
    name = _normalised(_most_words_name())
    return answer != name and f" {name} " in " " + re.sub(r"\W", " ", answer) + " "


def _is_cut_verb(item: object) -> bool:
    """Return True if item is part of a reporting verb but not a whole one ("advocated", "also said").

    >>> _is_cut_verb("advocated"), _is_cut_verb("said"), _is_cut_verb("claimed")
    (True, False, False)
    """
    verbs = {_normalised(verb) for verb in _reporting_verbs()}
    return isinstance(item, str) and item not in verbs and any(item in verb for verb in verbs)


@functools.cache
def _words_without_noted_rows() -> int:
    """Return the total words of the rows whose note is empty (all rows with any note left out).

    >>> _words_without_noted_rows() < _total_words_counted_once()
    True
    """
    quotations = _quotations_with_words()
    return int(quotations.loc[quotations["note"] == "", "words"].sum())


@functools.cache
def _all_names() -> frozenset[str]:
    """Return every name of the name column, normalised as a check reads it.

    >>> _all_names() >= _never_quoted("name")
    True
    """
    return frozenset(_normalised(name) for name in load_speakers()["name"])


@functools.cache
def _reporting_verbs() -> frozenset[str]:
    """Return the set of distinct reporting verbs, as written in quotations.verb.

    >>> "said" in _reporting_verbs()
    True
    """
    return frozenset(load_quotations()["verb"])


@functools.cache
def _most_common_verb() -> str:
    """Return the reporting verb used most often.

    >>> _most_common_verb() in _reporting_verbs()
    True
    """
    return str(load_quotations()["verb"].value_counts().idxmax())


@functools.cache
def _verbs_of_nested_rows() -> frozenset[str]:
    """Return the verbs of the rows whose text is inside another row (the verbs inside quotations).

    >>> _verbs_of_nested_rows() <= _reporting_verbs()
    True
    """
    quotations = load_quotations()
    return frozenset(quotations.loc[_is_inside_another_row(quotations), "verb"])


@functools.cache
def _never_quoted_names() -> frozenset[str]:
    """Return the names of the sources the article never quotes directly.

    >>> _never_quoted_names() < set(load_speakers()["name"])
    True
    """
    speakers = load_speakers()
    return frozenset(speakers.loc[~speakers["quoted_directly"], "name"])


@functools.cache
def _never_quoted(column: str, kind: str | None = None) -> frozenset[str]:
    """Return a column of the never-quoted sources (only those of `kind` if given), normalised.

    >>> _never_quoted("name", kind="person") <= _never_quoted("name")
    True
    """
    speakers = load_speakers()
    rows = speakers.loc[~speakers["quoted_directly"]]
    if kind is not None:
        rows = rows.loc[rows["kind"] == kind]
    return frozenset(_normalised(value) for value in rows[column])


@functools.cache
def _quoted_directly_names() -> frozenset[str]:
    """Return the names of the sources the article quotes directly, normalised.

    >>> _quoted_directly_names().isdisjoint(_never_quoted("name"))
    True
    """
    speakers = load_speakers()
    return frozenset(_normalised(name) for name in speakers.loc[speakers["quoted_directly"], "name"])


@functools.cache
def _total_words_all_rows() -> int:
    """Return the sum of the words of every row of the quotations table (nested rows included).

    >>> _total_words_all_rows() >= _total_words_counted_once()
    True
    """
    return int(_quotations_with_words()["words"].sum())


@functools.cache
def _nested_row_words() -> tuple[int, ...]:
    """Return the word counts of the rows whose text is inside another row's text.

    >>> len(_nested_row_words()) >= 1
    True
    """
    quotations = _quotations_with_words()
    return tuple(int(n) for n in quotations.loc[_is_inside_another_row(quotations), "words"])


@functools.cache
def _total_words_counted_once() -> int:
    """Return the total words of the quotations table, leaving out rows inside another row's text.

    >>> _total_words_counted_once() == _total_words_all_rows() - sum(_nested_row_words())
    True
    """
    quotations = _quotations_with_words()
    return int(quotations.loc[~_is_inside_another_row(quotations), "words"].sum())


@functools.cache
def _words_of_kind(kind: str) -> int:
    """Return the total words of the rows of one kind ("direct" or "reported").

    >>> _words_of_kind("direct") + _words_of_kind("reported") == _total_words_all_rows()
    True
    """
    quotations = _quotations_with_words()
    return int(quotations.loc[quotations["kind"] == kind, "words"].sum())


# Variables the notebook makes and later cells need: a check says how to recover if one is replaced.
_KEEP_QUOTATIONS = Keep(
    "quotations",
    lambda value: len(value) == len(load_quotations()) and "text" in value.columns,
    "the cell with `quotations = helpers.load_quotations()` near the top of the notebook (and the "
    "cells after it down to your exercise, as one of them adds the column `words`)",
)
_KEEP_SPEAKERS = Keep(
    "speakers",
    lambda value: len(value) == len(load_speakers()) and "name" in value.columns,
    "the cell with `speakers = helpers.load_speakers()` near the top of the notebook",
)
_KEEP_VOICES = Keep(
    "voices",
    lambda value: len(value) == len(load_quotations()) and {"name", "words"} <= set(value.columns),
    "the cell with `voices = pd.merge(quotations, ...)`",
)

# ---------------------------------------------------------------------------------------------
# The exercises
# ---------------------------------------------------------------------------------------------

q1 = TaskExercise(
    1,
    "Count the direct quotations",
    keeps=[_KEEP_QUOTATIONS],
    expected=_direct_count,
    kind="number",
    answer_type="a whole number",
    hints=[
        "The column `kind` of `quotations` says, for each row, whether it is a direct quotation "
        "or reported speech.",
        'The condition `quotations["kind"] == "direct"` is True for the rows you want; '
        "`quotations.loc[condition]` keeps only those rows.",
        "`len(...)` of the table that `.loc` gives back counts its rows.",
    ],
    solution='n_direct = len(quotations.loc[quotations["kind"] == "direct"])',
    explanation=(
        "Only the rows whose kind is \"direct\" give a speaker's words inside quotation marks. "
        "Both are Ren Xianliang's (paragraphs 4 and 9). Every other row is reported speech: the "
        "reporter's words for what someone said."
    ),
    mistakes=[
        Mistake(
            lambda a: a == _row_count(),
            "That is the number of all the rows of the table: it counts reported speech too. "
            "Keep only the rows whose kind is \"direct\" before you count.",
            example=10,
            id="direct-counted-all-rows",
        ),
        Mistake(
            lambda a: a == _row_count() - _direct_count(),
            "That is the number of rows of reported speech. The question asks for the rows whose "
            "kind is \"direct\".",
            example=8,
            id="direct-counted-reported-rows",
        ),
        Mistake(
            lambda a: a == _quotation_mark_count(),
            "That is how many pieces of the article stand inside quotation marks. Not all of them "
            "are someone's words: count the rows of the table whose kind is \"direct\".",
            example=4,
            id="direct-counted-quotation-marks",
        ),
        Mistake(
            lambda a: a == 0,
            "Your count is 0: your condition kept no row. Compare with the value exactly as the column `kind` "
            "writes it, every letter in the same case: `quotations[\"kind\"].value_counts()` shows how.",
            example=0,
            id="direct-found-no-rows",
        ),
    ],
)

q2 = TaskExercise(
    2,
    "Name the source given the most words",
    keeps=[_KEEP_QUOTATIONS, _KEEP_VOICES],
    expected=_most_words_name,
    kind="text",
    answer_type="a piece of text (str): a name as written in the name column",
    hints=[
        "`voices` already has a `words` column and a `name` column. Add up the words for each "
        "name with `.groupby(\"name\")`.",
        '`voices.groupby("name")["words"].sum()` gives one total per name, as a Series whose '
        "index holds the names.",
        "`.idxmax()` on that Series gives the index label (here: the name) of the largest total.",
    ],
    solution=(
        'words_by_name = voices.groupby("name")["words"].sum()\n'
        "top_speaker = words_by_name.idxmax()"
    ),
    explanation=(
        "Grouping by name and summing the words gives each source's total over all its rows; "
        ".idxmax() returns the name with the largest total, Ren Xianliang. He has five of the ten "
        "rows, including both direct quotations and the longest reported statement, so in this "
        "article counting rows, or looking for the single longest row, happens to give the same name. "
        "The question asks about the total, and in another article those could differ."
    ),
    mistakes=[
        Mistake(
            lambda a: a == "ren-xianliang",
            "That is the speaker_id, a short code the project made up. Use the name column "
            "instead, which gives the name as the article writes it.",
            example="ren-xianliang",
            id="most-words-speaker-id",
        ),
        Mistake(
            _part_of_top_name,
            "Give the full name, exactly as the name column writes it, not only part of it.",
            example="Ren",
            id="most-words-part-of-the-name",
        ),
        Mistake(
            _top_name_reordered,
            "Those are the words of the name, but in another order than the name column writes them. Take "
            "the name by code with `.idxmax()`, so that it stays as the column writes it.",
            example="Xianliang Ren",
            id="most-words-name-reordered",
        ),
        Mistake(
            _top_name_with_more,
            "Give only the name, as the name column writes it, without other words around it (such as the "
            "person's role).",
            example="Ren Xianliang, secretary-general of the World Internet Conference",
            id="most-words-name-with-more-words",
        ),
        Mistake(
            lambda a: a == _name_of("wang-gang"),
            "Wang Gang is not the source with the most words. Think about which rows you counted "
            "(all the rows of each source?) and whether you took the largest total with "
            ".idxmax(), not the smallest with .idxmin().",
            example="Wang Gang",
            id="most-words-wang-gang",
        ),
        Mistake(
            lambda a: a == str(_largest_word_total()),
            "That is the largest number of words, but the question asks whose it is. `.max()` gives "
            "the largest value; `.idxmax()` gives its label in the index, here the name.",
            example="178",
            id="most-words-the-number",
        ),
        Mistake(
            lambda a: a == _name_of("event-organizers-experts-attendees"),
            "This group is not the source with the most words; it is the name that `.max()` picks "
            "when it compares the names as text (in Python, lower-case letters sort after capitals). "
            "Use .idxmax() on the word totals, not .max() on the names.",
            example="the event organizers, experts and attendees",
            id="most-words-max-of-the-names",
        ),
        Mistake(
            lambda a: near_miss_of_any(a, _all_names()),
            "That is not exactly a name of the name column: check the spelling, letter by letter, against "
            "the table, or take the name by code with `.idxmax()` so that it cannot be misspelled.",
            example="Ren Xianling",
            id="most-words-misspelled",
        ),
        Mistake(
            lambda a: a in _all_names() and a != _normalised(_most_words_name()),
            "That source is in the name column, but it is not the one given the most words over all its rows. "
            "Add up the words for each name with `.groupby(\"name\")`, then take the name of the largest total.",
            example="Participants of the summit",
            id="most-words-another-source",
        ),
    ],
    rules=[exact(_most_words_name, "the name in the name column")],
    slips=[
        answer_slip(
            "most-words-the-number",
            lambda a: is_number(a) and a == _largest_word_total(),
            "That is the largest number of words, but the question asks whose it is. `.max()` gives "
            "the largest value; `.idxmax()` gives its label in the index, here the name.",
        ),
    ],
)

q3 = TaskExercise(
    3,
    "Collect the reporting verbs",
    keeps=[_KEEP_QUOTATIONS],
    expected=_reporting_verbs,
    # "bag": the question asks which DIFFERENT verbs, so a verb given twice is not right.
    kind="bag",
    answer_type="a set of pieces of text: each different verb once, as written in the verb column",
    hints=[
        "The reporting verbs are in the column `verb` of `quotations`.",
        "`set(...)` of a column keeps each different value once.",
        '`quotations["verb"].nunique()` tells you how many different verbs there are: your '
        "set should hold that many.",
    ],
    solution='verbs = set(quotations["verb"])',
    explanation=(
        "set() keeps each value of the verb column once: \"said\", \"further said\" (paragraph 2), "
        "and, inside Ren's quotations, \"have advocated\" and \"have also said\" for what participants "
        "did. Each verb is kept as written, several words together."
    ),
    mistakes=[
        Mistake(
            lambda a: len(a) > len(set(a)) and frozenset(a) == frozenset(_normalised(v) for v in _reporting_verbs()),
            "Your collection holds some verbs more than once: that is the whole column, repeats included. "
            "The question asks which different verbs the article uses: keep each verb once, for example "
            "with `set(...)`.",
            example=["said", "said", "further said", "said", "have advocated", "said", "have also said", "said"],
            id="verbs-with-repeats",
        ),
        Mistake(
            lambda a: frozenset(a) == frozenset({_most_common_verb()}),
            "That is the most common verb, but not the only one. Collect every different value "
            "of the verb column, not only the one at the top of value_counts().",
            example={"said"},
            id="verbs-said-only",
        ),
        Mistake(
            lambda a: frozenset(a) == _reporting_verbs() - _verbs_of_nested_rows(),
            "Some verbs are missing: the ones inside Ren's direct quotations, for what the "
            "participants did, are in the verb column too.",
            example=["said", "further said"],
            id="verbs-missed-quoted-verbs",
        ),
        Mistake(
            lambda a: frozenset(a) == frozenset(word for verb in _reporting_verbs() for word in verb.split()),
            "Keep each verb exactly as written in the verb column, with its words together: "
            "do not split the verbs into single words.",
            example=["said", "further", "have", "advocated", "also"],
            id="verbs-split-into-words",
        ),
        Mistake(
            lambda a: any(_is_cut_verb(item) for item in a),
            "Some of your verbs are cut short. Keep each verb exactly as the verb column writes it, "
            "with all its words: look at the column again.",
            example=["said", "further said", "advocated", "also said"],
            id="verbs-cut-short",
        ),
        Mistake(
            lambda a: len(a) > 0 and all(isinstance(item, (int, float)) for item in a),
            "Your collection holds numbers, not verbs. `value_counts()` gives the verbs in its index "
            "and how often each occurs as its values; the question asks for the verbs themselves. "
            "Use the column `verb` directly.",
            example=[7, 1, 1, 1],
            id="verbs-value-counts-numbers",
        ),
    ],
    rules=[exact_items(_reporting_verbs, "the verbs of the verb column")],
    slips=[
        answer_slip(
            "verbs-counted-not-collected",
            lambda a: is_number(a) and a == len(_reporting_verbs()),
            "That is how many different verbs there are. The question asks for the verbs themselves: a set "
            "of the texts of the column `verb`, each once.",
        ),
    ],
)

q4 = TaskExercise(
    4,
    "Name the sources never quoted directly",
    keeps=[_KEEP_QUOTATIONS, _KEEP_SPEAKERS],
    expected=_never_quoted_names,
    kind="set",
    answer_type="a set (or list) of pieces of text: names as written in the name column",
    hints=[
        "The column `quoted_directly` of `speakers` is True or False for each source.",
        '`~speakers["quoted_directly"]` is True where the source is never quoted directly '
        "(`~` means \"not\"). Use it with `.loc` and pick the column `name`.",
        "Keep every such row, people and groups alike: a group the article cites is a source too.",
    ],
    solution='never_quoted = set(speakers.loc[~speakers["quoted_directly"], "name"])',
    explanation=(
        "Only Ren Xianliang is quoted directly. Wang Gang is only reported, the event organizers, "
        "experts and attendees are only reported (and never broken down into named people), and the "
        "participants appear only in Ren's words about them."
    ),
    mistakes=[
        Mistake(
            lambda a: bool(a & _quoted_directly_names()),
            "Ren Xianliang is quoted directly, in quotation marks: keep only the sources whose "
            "quoted_directly is False.",
            example=[
                "the event organizers, experts and attendees",
                "Ren Xianliang",
                "Participants of the summit",
                "Wang Gang",
            ],
            id="never-quoted-included-ren",
        ),
        Mistake(
            lambda a: a == _never_quoted("name", kind="person"),
            "Groups are sources too: the article cites groups as well as people. Keep every "
            "source whose quoted_directly is False, whatever its kind.",
            example=["Wang Gang"],
            id="never-quoted-left-out-groups",
        ),
        Mistake(
            lambda a: a == _never_quoted("name", kind="group"),
            "People can be sources that are never quoted directly too: keep every source whose "
            "quoted_directly is False, whatever its kind.",
            example=["the event organizers, experts and attendees", "Participants of the summit"],
            id="never-quoted-left-out-people",
        ),
        Mistake(
            lambda a: a == _never_quoted("speaker_id"),
            "These are the speaker_id codes the project made up. Give the name column instead, "
            "which writes each source as the article does.",
            example=["event-organizers-experts-attendees", "participants", "wang-gang"],
            id="never-quoted-speaker-ids",
        ),
        Mistake(
            lambda a: len(a) == 0,
            "Your answer is empty: your condition kept no rows. The column quoted_directly holds the "
            "values True and False, not the texts \"True\" and \"False\": write "
            "`~speakers[\"quoted_directly\"]` (without quotation marks around False).",
            example=[],
            id="never-quoted-compared-with-text",
        ),
        Mistake(
            lambda a: a < _never_quoted("name"),
            "Some sources are missing. Keep every row of speakers whose quoted_directly is False, "
            "including sources that the article cites only inside someone else's words.",
            example=["Wang Gang", "the event organizers, experts and attendees"],
            id="never-quoted-some-missing",
        ),
    ],
    rules=[exact_items(_never_quoted_names, "the names of the name column")],
)

q5 = TaskExercise(
    5,
    "Count the quoted and reported words once",
    keeps=[_KEEP_QUOTATIONS],
    expected=_total_words_counted_once,
    kind="number",
    answer_type="a whole number",
    hints=[
        "Two rows repeat words that are already inside other rows: the note column says which "
        "rows are reported inside Ren's direct quotations.",
        "Make a condition that is True for the rows to leave out, for example from the "
        "`speaker_id` column, and store it under a name such as `nested`; `~` in front of it turns it "
        "round into the rows to keep.",
        "If you stored that condition as `nested`, `.loc` with `~nested` keeps the other rows: take their "
        "`words` column and add it up with `.sum()`.",
    ],
    solution=(
        'nested = quotations["speaker_id"] == "participants"\n'
        'total_words = quotations.loc[~nested, "words"].sum()'
    ),
    explanation=(
        "The two participants' rows are Ren's words about participants, already counted inside "
        "Ren's direct quotations, so they are left out. The sum of the other eight rows counts every "
        "quoted or reported word once. The notebook checks the same thing another way: only those "
        "two rows have a text that stands inside another row's text."
    ),
    mistakes=[
        Mistake(
            lambda a: a == _total_words_all_rows(),
            "Some words are counted twice: look at the note column. Two rows repeat words that "
            "already stand inside other rows.",
            example=295,
            id="words-once-nested-counted-twice",
        ),
        Mistake(
            lambda a: a in {_total_words_all_rows() - n for n in _nested_row_words()},
            "You left out one of the rows that repeat words, but there are two: the note column "
            "marks both.",
            example=277,
            id="words-once-one-nested-row-kept",
        ),
        Mistake(
            lambda a: a == sum(_nested_row_words()),
            "That is the number of words counted twice, the ones to leave out. The question asks "
            "for the total of all the other rows.",
            example=44,
            id="words-once-only-the-nested",
        ),
        Mistake(
            lambda a: a == _words_without_noted_rows(),
            "You left out every row that has a note, but most notes do not mean \"counted twice\": "
            "they explain a group, a pronoun, or that a quotation contains other words. Leave out "
            "only the rows whose words stand inside another row's quotation (the note says so).",
            example=104,
            id="words-once-left-out-every-note",
        ),
        Mistake(
            lambda a: a == _row_count(),
            "That is the number of rows. The question asks for a number of words: add up the column "
            "words of the rows you keep.",
            example=10,
            id="words-once-number-of-rows",
        ),
        Mistake(
            lambda a: a == _words_of_kind("reported"),
            "That total leaves out more than the repeated words: rows whose words stand in no other "
            "row are missing too. Leave out only the rows whose text stands inside another row. To see "
            "which rows your condition leaves out, put it in place of the dots in "
            "`quotations.loc[..., \"quote_id\"]`.",
            example=227,
            id="words-once-left-out-too-much",
        ),
        Mistake(
            lambda a: a == _words_of_kind("direct"),
            "That is the total of the direct quotations only. The question counts every row, reported speech "
            "too; leave out only the rows whose words already stand inside another row.",
            example=68,
            id="words-once-direct-only",
        ),
        Mistake(
            lambda a: a == 0,
            "Your total is 0: your condition kept no row, or the rows kept have no words. Compare with a value "
            "exactly as its column writes it: `.value_counts()` of the column shows how.",
            example=0,
            id="words-once-found-no-rows",
        ),
    ],
)

EXERCISES = ExerciseSet("03-the-quotations", [q1, q2, q3, q4, q5])
progress = EXERCISES.progress

# What `ex.` offers in the notebook: the exercises and progress (nothing that computes an answer).
__all__ = ["EXERCISES", "progress", "q1", "q2", "q3", "q4", "q5"]
__getattr__ = EXERCISES.module_getattr  # ex.q99 and the like answer in plain words
__dir__ = module_dir(__all__)
