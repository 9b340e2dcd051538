"""Exercises for notebook 03, The quotations.

Students label the passages first (direct or reported, and who said each), checked row by row against
data/quotations.csv, which the notebook shows only afterwards. Every answer is worked out from the
curated tables when a check needs it (never at import time), so the exercises and the tables cannot
disagree. The word counts use helpers.text.split_words,
as the notebook does.
"""

from __future__ import annotations

import ast
import functools
import re
from collections.abc import Mapping

import pandas as pd

from helpers.checking import ExerciseSet, LabelRows, Mistake, PredictAndRun, normalise_text
from helpers.data import load_quotations, load_raw_article, load_speakers
from helpers.exercises._support import (
    CheckedCode,
    Keep,
    TaskExercise,
    answer_slip,
    computed,
    exact,
    exact_items,
    is_number,
    last_store,
    module_dir,
    near_miss_of_any,
    with_mistake_id,
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


@functools.cache
def _curated(column: str) -> dict[str, str]:
    """Return a column of the quotations table by quote_id: the reading a person checked.

    >>> _curated("kind")["Q04"], _curated("speaker_id")["Q10"]
    ('direct', 'wang-gang')
    """
    quotations = load_quotations()
    return dict(zip(quotations["quote_id"], quotations[column], strict=True))


def _in_table_order(labels: dict) -> tuple | None:
    """Return a student's labels in the table's row order (Q01 first), or None if the rows are not the table's.

    A check hands a Mistake the labels by position (a list) or by normalised row name (a dict).

    >>> _in_table_order({"q02": "b", "q01": "a"} | {f"q{n:02}": "x" for n in range(3, 11)})[:3]
    ('a', 'b', 'x')
    >>> _in_table_order({0: "a"}) is None
    True
    """
    rows = list(_curated("kind"))
    for keys in (range(len(rows)), [normalise_text(row) for row in rows]):
        if set(labels) == set(keys):
            return tuple(labels[key] for key in keys)
    return None


def _curated_but(column: str, changes: dict[str, str]) -> tuple[str, ...]:
    """Return the curated labels of a column in table order, with some rows' labels changed (normalised).

    >>> _curated_but("kind", {"Q05": "direct"})[3:5]
    ('direct', 'direct')
    """
    return tuple(normalise_text(changes.get(row, label)) for row, label in _curated(column).items())


def _nested_rows() -> dict[str, str]:
    """Return the quote_id and speaker_id of the rows whose text stands inside another row's text.

    >>> sorted(_nested_rows())
    ['Q05', 'Q09']
    """
    quotations = load_quotations()
    inside = quotations.loc[_is_inside_another_row(quotations)]
    return dict(zip(inside["quote_id"], inside["speaker_id"], strict=True))


def _speaker_of_nesting_row(quote_id: str) -> str:
    """Return the speaker_id of the row whose text holds this row's text (the voice that reports it).

    >>> _speaker_of_nesting_row("Q05")
    'ren-xianliang'
    """
    quotations = load_quotations()
    text = quotations.loc[quotations["quote_id"] == quote_id, "text"].item()
    holders = quotations.loc[(quotations["text"] != text) & quotations["text"].str.contains(text, regex=False)]
    return str(holders["speaker_id"].iloc[0])

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
    # a column added by a join (such as `name`) would clash with the joins of later cells
    lambda value: (len(value) == len(load_quotations()) and "text" in value.columns
                   and set(value.columns) <= {*load_quotations().columns, "words"}),
    "the cell with `quotations = helpers.load_quotations()` near the top of the notebook (and the "
    "cells after it down to your exercise, as one of them adds the column `words`)",
)
_KEEP_SPEAKERS = Keep(
    "speakers",
    lambda value: len(value) == len(load_speakers()) and set(load_speakers().columns) <= set(value.columns),
    "the cell with `speakers = helpers.load_speakers()` near the top of the notebook (and the cells after "
    "it down to your exercise, as one of them adds the column `words` to `quotations`)",
)

# ---------------------------------------------------------------------------------------------
# The exercises
# ---------------------------------------------------------------------------------------------

KINDS_OF_SPEECH = ["direct", "reported"]

q1 = LabelRows(
    1,
    "Direct quotation or reported speech?",
    labels=KINDS_OF_SPEECH,
    expected=lambda: _curated("kind"),
    hints=[
        "Find each passage in its paragraph. Do quotation marks stand around it there?",
        "Quotation marks are only a clue: the words inside them are the quoted speaker's. A passage inside "
        "someone's quotation that tells what other people said is that speaker's report of them.",
        "A passage is direct only if the article gives its words as the words of the row's own speaker, "
        "inside quotation marks; everything else is reported. Label the ten rows in order, Q01 first.",
    ],
    solution=(
        'kinds = ["reported", "reported", "reported", "direct", "reported",\n'
        '         "reported", "reported", "direct", "reported", "reported"]'
    ),
    explanation=(
        "Only Q04 and Q08 give a speaker's own words in quotation marks, both Ren Xianliang's. Q05 and Q09 "
        "also stand inside those quotation marks, but they are Ren's words about what participants advocated "
        "and said: for the participants, that is reported speech. Every other row is the reporter's sentence."
    ),
    mistakes=[
        Mistake(
            lambda a: _in_table_order(a) == _curated_but("kind", dict.fromkeys(_nested_rows(), "direct")),
            "You labelled every passage that stands inside quotation marks as direct. Look again at the ones that "
            "stand inside someone else's quotation: whose words are inside the marks, and who is the speaker of "
            "that row?",
            example=["reported", "reported", "reported", "direct", "direct", "reported", "reported", "direct", "direct",
             "reported"],
            id="quotation-marks-read-as-direct",
        ),
        Mistake(
            lambda a: _in_table_order(a) is not None and set(_in_table_order(a)) == {"direct"},
            "You labelled every passage as direct. A direct quotation needs quotation marks around the "
            "speaker's own words: most passages have none.",
            example=["direct"] * 10,
            id="every-passage-direct",
        ),
    ],
)

SPEAKER_IDS = ["event-organizers-experts-attendees", "ren-xianliang", "participants", "wang-gang"]

q2 = LabelRows(
    2,
    "Who said it?",
    labels=SPEAKER_IDS,
    expected=lambda: _curated("speaker_id"),
    hints=[
        "For each passage, find the words next to it that name who said it: a name, a group, or only "
        "\"he\" or \"They\".",
        "For \"he\" or \"They\", read the paragraph before: which source did it name last?",
        "A passage inside someone's quotation that says what other people advocated or said belongs to those "
        "other people, the source that the quoted speaker cites.",
    ],
    solution=(
        'speakers_said = ["event-organizers-experts-attendees", "event-organizers-experts-attendees",\n'
        '                 "ren-xianliang", "ren-xianliang", "participants", "ren-xianliang",\n'
        '                 "ren-xianliang", "ren-xianliang", "participants", "wang-gang"]'
    ),
    explanation=(
        "Five rows are Ren Xianliang's; one of them (Q07) only says \"he\", which we read as Ren, named in the "
        "paragraph before. Q02 says \"They\", most plausibly the event organizers, experts and attendees of "
        "paragraph 1. Q05 and Q09 are the participants', reported inside Ren's quotations. Q10 is Wang Gang's."
    ),
    mistakes=[
        Mistake(
            lambda a: _in_table_order(a) == _curated_but(
                "speaker_id", {row: _speaker_of_nesting_row(row) for row in _nested_rows()}),
            "The passages inside Ren's quotations are his words, but about someone else: the table gives each "
            "of them to the source Ren cites. Read what comes just before each one: who advocated it, who said it?",
            example=["event-organizers-experts-attendees", "event-organizers-experts-attendees", "ren-xianliang",
                     "ren-xianliang", "ren-xianliang", "ren-xianliang", "ren-xianliang", "ren-xianliang",
                     "ren-xianliang", "wang-gang"],
            id="nested-voice-given-to-the-quoting-speaker",
        ),
    ],
)

q3 = PredictAndRun(
    3,
    "How many passages stand in quotation marks?",
    expected=_quotation_mark_count,
    kind="number",
    answer_type="a whole number",
    hints=[
        "The pattern finds every piece of text between an opening “ and a closing ”, whatever it is.",
        "Quotation marks are not used only for quotations: skim the article for every “ and think of what "
        "else they can hold.",
    ],
    solution="prediction = 4",
    explanation=(
        "The pattern finds four passages: the two direct quotations, the summit's theme and the term "
        "\"digital divide\". Quotation marks find candidates; reading decides which are someone's words."
    ),
    mistakes=[
        Mistake(
            lambda a: a == _direct_count(),
            "You predicted one match for each direct quotation. The pattern does not know what a quotation is: it "
            "finds every “ … ”. Run the cell and look at what it found that nobody said.",
            example=2,
            id="predicted-only-the-quotations",
        ),
    ],
)

# Exercise 4's steps, each on its own line: the check reads `voices` and `words_by_name` from the notebook.

def _per_name(how: str) -> dict[str, float]:
    """Return the words of each name's rows combined with `how` ("sum", "count" or "mean"), by name.

    >>> _per_name("sum") == {name: int(total) for name, total in _words_by_name().items()}
    True
    """
    speakers = load_speakers()[["speaker_id", "name"]]
    voices = pd.merge(_quotations_with_words(), speakers, on="speaker_id")
    return {str(name): float(value) for name, value in voices.groupby("name")["words"].agg(how).items()}


def _as_totals(value: object) -> dict[str, float] | None:
    """Return a Series (or a one-column table) as {name: number}, or None when it is no such thing.

    >>> _as_totals(pd.Series({"Wang Gang": 25})), _as_totals(...)
    ({'Wang Gang': 25.0}, None)
    """
    if isinstance(value, pd.DataFrame) and value.shape[1] == 1:
        value = value.iloc[:, 0]
    if not isinstance(value, pd.Series) or not all(is_number(v) for v in value.tolist()):
        return None
    return {str(name): float(number) for name, number in value.items()}


def _uses_name(expression: ast.AST | None, name: str) -> bool:
    """Return True if the code uses the variable `name`.

    >>> _uses_name(ast.parse("words_by_name.idxmax()"), "words_by_name"), _uses_name(None, "x")
    (True, False)
    """
    return expression is not None and any(isinstance(node, ast.Name) and node.id == name
                                          for node in ast.walk(expression))


def _totals_as_a_table(names: Mapping[str, object], opening: str) -> tuple[str, str] | None:
    """Return (mistake id, message) when `words_by_name` is a table of several columns, or None.

    `.groupby("name").sum()` without the column `words` adds up every column of each group.

    >>> _totals_as_a_table({"words_by_name": pd.DataFrame({"words": [1], "kind": ["direct"]})}, "Your")[0]
    'most-words-summed-every-column'
    >>> _totals_as_a_table({"words_by_name": pd.Series({"Wang Gang": 25})}, "Your") is None
    True
    """
    totals = names.get("words_by_name", ...)
    if not isinstance(totals, pd.DataFrame) or totals.shape[1] < 2:
        return None
    return "most-words-summed-every-column", (
        f"{opening} `words_by_name` is a table, not one total per name: `.sum()` on the groups added up every "
        "column of each group, not only the words. Take the column `words` of the groups before `.sum()`, so "
        "that `words_by_name` holds one number for each name, then run the cell again."
    )


def _summed_every_column(answer: object, code: CheckedCode | None) -> tuple[str, str] | None:
    """Return (mistake id, message) for a wrong answer when `words_by_name` is a table of several columns."""
    return None if code is None else _totals_as_a_table(code.names, "Your answer is not a name yet, because")


_summed_every_column.mistake_ids = ("most-words-summed-every-column",)  # type: ignore[attr-defined]


def _top_speaker_steps_not_worked_out(answer: object, code: CheckedCode | None) -> tuple[str, str] | None:
    """Return (mistake id, message) when a step of Exercise 4 before the name is missing or wrong, or None.

    >>> names = {"voices": ..., "words_by_name": ...}
    >>> _top_speaker_steps_not_worked_out("Ren Xianliang", CheckedCode(None, names))[0]
    'most-words-voices-missing'
    >>> _top_speaker_steps_not_worked_out("Ren Xianliang", None) is None
    True
    """
    if code is None:
        return None
    voices = code.names.get("voices", ...)
    if not isinstance(voices, pd.DataFrame):
        return "most-words-voices-missing", (
            "Your name is right, but `voices` holds no table yet. The task asks for one step per line: first "
            "`voices`, `quotations` joined with the names of `speakers` by `pd.merge`. Write that step in "
            "place of its `...`, then run the cell again."
        )
    if len(voices) != _row_count() or "name" not in voices.columns:
        return "most-words-voices-wrong", (
            "Your name is right, but `voices` is not `quotations` joined with the names of `speakers`: it "
            "should keep the ten rows of `quotations` and get the column `name` from `speakers`. Join the two "
            "tables with `pd.merge` on the column that links each statement to its source, then run the cell "
            "again."
        )
    as_a_table = _totals_as_a_table(code.names, "Your name is right, but")
    if as_a_table is not None:
        return as_a_table
    totals = _as_totals(code.names.get("words_by_name", ...))
    if totals is None:
        return "most-words-totals-missing", (
            "Your name is right, but `words_by_name` holds no totals yet: it should be a Series with one "
            "number for each name. Group `voices` by name with `.groupby`, take the column `words` and add it "
            "up with `.sum()`, then run the cell again."
        )
    if totals != _per_name("sum"):
        if totals in (_per_name("count"), {name: float(n) for name, n in voices["name"].value_counts().items()}):
            return "most-words-counted-rows", (
                "Your name is right, but `words_by_name` holds how many rows each name has, not its words "
                "added up. `.count()` and `.value_counts()` count rows; take the column `words` of each group "
                "and add it up with `.sum()`, then run the cell again."
            )
        if totals == _per_name("mean"):
            return "most-words-averaged", (
                "Your name is right, but `words_by_name` holds the average words of each name's rows, not "
                "their total. The task asks for the words added up for each name: use `.sum()` instead of "
                "`.mean()`, then run the cell again."
            )
        return "most-words-totals-wrong", (
            "Your name is right, but `words_by_name` is not the words added up for each name. Group `voices` "
            "by its column `name` with `.groupby`, take the column `words` and add it up with `.sum()`, then "
            "run the cell again."
        )
    if code.expression is not None and not _uses_name(code.expression, "words_by_name"):
        return "most-words-not-from-the-totals", (
            "Your name is right, but your code does not take it from `words_by_name`, and the question asks "
            "about the totals: in another article, the longest row or the most rows could belong to someone "
            "else. Take the name from `words_by_name`, the totals."
        )
    return None


_top_speaker_steps_not_worked_out.mistake_ids = (  # type: ignore[attr-defined]
    "most-words-voices-missing", "most-words-voices-wrong", "most-words-summed-every-column",
    "most-words-totals-missing", "most-words-counted-rows", "most-words-averaged", "most-words-totals-wrong",
    "most-words-not-from-the-totals")


@functools.cache
def _attribution_labels() -> frozenset[str]:
    """Return the labels of the attribution column (how the article names a source), normalised.

    >>> "pronoun" in _attribution_labels()
    True
    """
    return frozenset(_normalised(label) for label in load_quotations()["attribution"])


q4 = TaskExercise(
    4,
    "Name the source given the most words",
    keeps=[_KEEP_QUOTATIONS, _KEEP_SPEAKERS],
    expected=_most_words_name,
    kind="text",
    answer_type="a piece of text (str): a name as written in the name column",
    hints=[
        "`voices` is `pd.merge(...)` with three things between the brackets: `quotations`, the two columns "
        "of `speakers` that the task names (`speakers[[..., ...]]`), and `on=` the column that links each "
        "statement to its source. `voices` must keep the ten rows of `quotations`. If Python says `attempt to "
        "get argmax of an empty sequence`, your `voices` has no rows: without `on=...`, `pd.merge` joins on "
        "every column the two tables share, `kind` too, and no row matches.",
        "Then add up the words for each name: `voices.groupby(\"name\")`, the column `words`, `.sum()`. "
        "That gives one total per name, as a Series whose index holds the names. A `KeyError: 'name'` "
        "means that the table you grouped has no column `name`: group `voices`, the joined table.",
        "`.idxmax()` on that Series gives the index label (here: the name) of the largest total.",
    ],
    solution=(
        'voices = pd.merge(quotations, speakers[["speaker_id", "name"]], on="speaker_id")\n'
        'words_by_name = voices.groupby("name")["words"].sum()\n'
        "top_speaker = words_by_name.idxmax()"
    ),
    explanation=(
        "`pd.merge` on `speaker_id` gives each of the ten rows of `quotations` the name of its source. "
        "Grouping by name and summing the words gives each source's total over all its rows; "
        ".idxmax() returns the name with the largest total, Ren Xianliang. He has five of the ten "
        "rows, including both direct quotations and the longest reported statement, so in this "
        "article counting rows, or looking for the single longest row, happens to give the same name. "
        "The question asks about the total, and in another article those could differ."
    ),
    mistakes=[
        Mistake(
            lambda a: a == "ren-xianliang",
            "That is the speaker_id, a short code the project made up. Group by the name column "
            "instead, which `voices` gets from `speakers` when you join the two tables, and which gives the "
            "name as the article writes it.",
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
        Mistake(
            lambda a: a in _attribution_labels(),
            "That is a kind of attribution (how the article names a source), not a name: you grouped by the "
            "column `attribution`. Group `voices` by the column `name`, which `voices` gets from `speakers` "
            "when you join the two tables.",
            example="named",
            id="most-words-grouped-by-attribution",
        ),
        Mistake(
            lambda a: True,
            "That is not a name of the name column. Join the two tables into `voices`, add up the words "
            "for each name with `.groupby` and `.sum()`, then take the name of the largest total with "
            "`.idxmax()`, so that the name is written exactly as the column writes it.",
            example="direct",
            id="most-words-not-a-name",
        ),
    ],
    rules=[
        exact(_most_words_name, "the name in the name column"),
        computed(
            "Your name is right, but typed by hand. The task asks Python to work it out, one step per line: "
            "`voices`, then `words_by_name`, then `top_speaker` from the totals. Code that works the name out "
            "stays right when a table changes; a name typed by hand does not.",
            mistake="most-words-typed-by-hand",
        ),
        _top_speaker_steps_not_worked_out,
    ],
    slips=[
        answer_slip(
            "most-words-the-number",
            lambda a: is_number(a) and a == _largest_word_total(),
            "That is the largest number of words, but the question asks whose it is. `.max()` gives "
            "the largest value; `.idxmax()` gives its label in the index, here the name.",
        ),
        answer_slip(
            "most-words-row-label",
            lambda a: is_number(a) and float(a).is_integer() and 0 <= a < _row_count(),
            "Your answer is a number, the label of a row, not a name: `.idxmax()` gives the label of the largest "
            "value, and the rows of a table such as `voices` are labelled with numbers. The question asks about "
            "each name's total: take the name from `words_by_name`, the totals, whose labels are the names.",
        ),
        _summed_every_column,
    ],
)

def _names_typed_by_hand(answer: object, code: CheckedCode | None) -> str | None:
    """Return a message when the cell stores the answer as a list (or set, or tuple) of texts typed by hand.

    >>> _names_typed_by_hand(["Wang Gang"], CheckedCode(ast.parse('["Wang Gang"]', mode="eval").body, {}))[:15]
    'Your names are '
    >>> _names_typed_by_hand(["Wang Gang"], None) is None
    True
    """
    expression = None if code is None else code.expression
    if isinstance(expression, (ast.List, ast.Set, ast.Tuple)) and all(
            isinstance(item, ast.Constant) for item in expression.elts):
        return (
            "Your names are right, but typed by hand. The task asks you to pick them with code: `never`, the "
            "True/False column turned round with `~`, then `.loc` with `never` and the column `name`. Code "
            "that picks the rows stays right when a table changes; a typed list does not."
        )
    return None


def _never_not_worked_out(answer: object, code: CheckedCode | None) -> tuple[str, str] | None:
    """Return (mistake id, message) when `never`, Exercise 5's first step, is missing, wrong or made without `~`.

    >>> never = ~load_speakers()["quoted_directly"]
    >>> _never_not_worked_out([], CheckedCode(None, {"never": ...}))[0]
    'never-quoted-never-missing'
    >>> _never_not_worked_out([], CheckedCode(None, {"never": never}, ast.parse('never = s["q"] == False')))[0]
    'never-quoted-without-tilde'
    >>> _never_not_worked_out([], CheckedCode(None, {"never": never}, ast.parse('never = ~s["q"]'))) is None
    True
    """
    if code is None:
        return None
    never = code.names.get("never", ...)
    expected = (~load_speakers()["quoted_directly"]).tolist()
    values = never.tolist() if isinstance(never, pd.Series) else None
    if values is None or len(values) != len(expected) or not all(type(v).__name__ in ("bool", "bool_")
                                                                  for v in values):
        return "never-quoted-never-missing", (
            "Your names are right, but `never` is not yet a True/False column, one True or False for each "
            "source. The task asks for one step per line: first `never`, made with `~` from the column "
            "`quoted_directly`, then `never_quoted` with `.loc` and `never`. Write that first step in place "
            "of its `...`, then run the cell again."
        )
    if [bool(v) for v in values] != expected:
        return "never-quoted-never-wrong", (
            "Your names are right, but `never` is not True for the sources never quoted directly, and only "
            "for them. Put `~` in front of the column `quoted_directly`, with no comparison, then run the "
            "cell again."
        )
    made = last_store(code, "never")
    if made is not None and not any(isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Invert)
                                    for node in ast.walk(made)):
        return "never-quoted-without-tilde", (
            "Your names are right, but the task asks you to make `never` with `~`, the piece of Python this "
            "exercise practises: put `~` in front of the column `quoted_directly`, with no comparison, and run "
            "the cell again."
        )
    if code.expression is not None and not _uses_name(code.expression, "never"):
        return "never-quoted-not-from-never", (
            "Your names are right, but your code does not pick them with `never`, the column you made in "
            "the first step. Use `never` inside `.loc`, then run the cell again."
        )
    return None


_never_not_worked_out.mistake_ids = (  # type: ignore[attr-defined]
    "never-quoted-never-missing", "never-quoted-never-wrong", "never-quoted-without-tilde",
    "never-quoted-not-from-never")


def _names_more_than_once(answer: object, code: CheckedCode | None) -> tuple[str, str] | None:
    """Return (mistake id, message) when the list of names holds a name more than once, or None.

    >>> _names_more_than_once(["Wang Gang", "Wang Gang"], None)[0]
    'never-quoted-names-twice'
    >>> _names_more_than_once(["Wang Gang"], None) is None
    True
    """
    if isinstance(answer, (str, set, frozenset, dict)) or not hasattr(answer, "__len__") or len(answer) > 1000:
        return None
    items = [normalise_text(item) if isinstance(item, str) else item for item in list(answer)]
    if len(items) == len(set(items)):
        return None
    return "never-quoted-names-twice", (
        "Your list has some names more than once. The task asks for the names of the sources: give each "
        "name once, as `.loc` gives it when it keeps each row of `speakers` once."
    )


_names_more_than_once.mistake_ids = ("never-quoted-names-twice",)  # type: ignore[attr-defined]


q5 = TaskExercise(
    5,
    "Name the sources never quoted directly",
    keeps=[_KEEP_SPEAKERS],
    expected=lambda: sorted(_never_quoted_names()),
    kind="set",
    answer_type="a list of pieces of text: names as written in the name column (in any order)",
    hints=[
        "`speakers[\"quoted_directly\"]` is a True/False column: True for a source that the article quotes "
        "directly. You want the other rows.",
        "`~` in front of a True/False column turns every True into False and back: that is `never`. Use the "
        "column as it is: it holds the values True and False, not the texts \"True\" and \"False\".",
        "`speakers.loc[rows, column]` keeps some rows and one column, as in the example above with "
        "`quotations`; `.tolist()` makes it a list. Which column writes the names as the article does?",
    ],
    solution='never = ~speakers["quoted_directly"]\nnever_quoted = speakers.loc[never, "name"].tolist()',
    explanation=(
        "`~` turns the True/False column round, so `.loc` keeps the sources never quoted directly, and the "
        "column name gives them as the article writes them: the event organizers, experts and attendees, the "
        "participants of the summit and Wang Gang. Only Ren Xianliang is quoted directly."
    ),
    mistakes=[
        Mistake(
            lambda a: bool(a & _quoted_directly_names()),
            "Your list holds Ren Xianliang, whom the article quotes directly. Keep only the rows whose "
            "quoted_directly is False: `~` in front of the column turns every True into False and back.",
            example=["Ren Xianliang"],
            id="never-quoted-included-ren",
        ),
        Mistake(
            lambda a: bool(a) and a <= {_normalised(i) for i in load_speakers()["speaker_id"]},
            "These are the speaker_id codes that the project made up. The task asks for the name column, "
            "which writes each source as the article does.",
            example=["event-organizers-experts-attendees", "participants", "wang-gang"],
            id="never-quoted-speaker-ids",
        ),
        Mistake(
            lambda a: len(a) == 0,
            "Your list is empty: your condition kept no row. If you compared the column with the text "
            "\"False\": the column quoted_directly holds the values True and False, not texts, so nothing is "
            "equal to \"False\". Put `~` in front of the column instead.",
            example=[],
            id="never-quoted-compared-with-text",
        ),
    ],
    rules=[
        with_mistake_id(_names_typed_by_hand, "never-quoted-typed-by-hand"),
        _names_more_than_once,
        _never_not_worked_out,
        exact_items(_never_quoted_names, "the names of the name column"),
    ],
)

q6 = TaskExercise(
    6,
    "Count the quoted and reported words once",
    keeps=[_KEEP_QUOTATIONS],
    expected=_total_words_counted_once,
    kind="number",
    answer_type="a whole number",
    hints=[
        "Run the broken cell and look at which rows its condition keeps: put the condition in place of the dots "
        "in `quotations.loc[..., \"quote_id\"]`.",
        "The rows to add up are all the rows except the participants' two, whose words already stand inside "
        "Ren's quotations.",
        "`~` in front of a True/False column turns every True into False and back. Where in the broken cell "
        "does it belong?",
    ],
    solution='counted_once = quotations.loc[~nested]\ntotal_words = counted_once["words"].sum()',
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
            "That is what the broken cell gives: the words of the two rows to leave out, which are counted "
            "twice. The question asks for the total of all the other rows.",
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

EXERCISES = ExerciseSet("03-the-quotations", [q1, q2, q3, q4, q5, q6])
progress = EXERCISES.progress

# What `ex.` offers in the notebook: the exercises and progress (nothing that computes an answer).
__all__ = ["EXERCISES", "progress", "q1", "q2", "q3", "q4", "q5", "q6"]
__getattr__ = EXERCISES.module_getattr  # ex.q99 and the like answer in plain words
__dir__ = module_dir(__all__)
