"""Exercises for notebook 02, The figures.

Every answer is worked out from the data when a check needs it (never at import time), with the
same helpers and the same pattern the notebook uses, so the exercises and the notebook cannot
disagree.
"""

from __future__ import annotations

import collections
import math
import re

from helpers.checking import ExerciseSet, LabelRows, Mistake
from helpers.data import load_article, load_figures
from helpers.exercises._support import (
    CheckedCode,
    Keep,
    TaskExercise,
    is_near_miss,
    is_number,
    is_typed_value,
    last_store,
    module_dir,
)

#: The pattern the notebook teaches: a digit, then any digits or commas ("2,100", "74", "19").
_NUMBER_PATTERN = r"\d[\d,]*"

# ---------------------------------------------------------------------------------------------
# Small functions that compute the answers (and the typical wrong answers) from the data
# ---------------------------------------------------------------------------------------------


def _matches() -> list[str]:
    """Return the pieces of text _NUMBER_PATTERN finds in the cleaned article, in order.

    >>> "2,100" in _matches()
    True
    """
    return re.findall(_NUMBER_PATTERN, load_article())


def _numbers_found() -> list[int]:
    """Return the numbers _NUMBER_PATTERN finds in the cleaned article, as whole numbers, in order.

    >>> 19 in _numbers_found()
    True
    """
    return [int(text.replace(",", "")) for text in re.findall(_NUMBER_PATTERN, load_article())]


def _figure_values() -> list[int]:
    """Return the value of every figure in the curated table, in article order (repeats kept).

    >>> len(_figure_values()) == len(load_figures())
    True
    """
    return load_figures()["value"].tolist()


def _competition_value(bound: str, counted: str) -> int:
    """Return the value of the competition's figure with this bound that counts `counted`.

    >>> _competition_value("exact", "projects") > 0
    True
    """
    figures = load_figures()
    chosen = figures[
        (figures["scope"] == "competition") & (figures["bound"] == bound) & (figures["counted"] == counted)
    ]
    return int(chosen["value"].item())


def _largest_award_share() -> float:
    """Return the largest share of competing projects that won special awards, as a fraction.

    The projects that won special awards are an exact count; the competing projects are a lower
    bound ("over ..."), so dividing by that bound gives the largest share the article allows.

    >>> 0 < _largest_award_share() < 1
    True
    """
    return _competition_value("exact", "projects") / _competition_value("lower bound", "projects")


def _share_with_winners_added() -> float:
    """Return the awarded projects divided by (competing projects + awarded projects): a wrong whole.

    >>> _share_with_winners_added() < _largest_award_share()
    True
    """
    awarded = _competition_value("exact", "projects")
    return awarded / (_competition_value("lower bound", "projects") + awarded)


def _awards_per_country() -> float:
    """Return the projects with special awards divided by the competition's countries and regions.

    >>> _awards_per_country() > 0
    True
    """
    return _competition_value("exact", "projects") / _competition_value("exact", "countries and regions")


def _awards_over_other_figures() -> list[float]:
    """Return the awarded projects divided by each figure that does not count the competing projects.

    >>> _largest_award_share() in _awards_over_other_figures()
    False
    """
    figures = load_figures()
    awarded = _competition_value("exact", "projects")
    competing = _competition_value("lower bound", "projects")
    return [awarded / v for v in figures["value"] if v not in (awarded, competing)]


def _roundings() -> set[float]:
    """Return the largest share rounded to 1 to 8 decimal places (0 aside), as round() gives it.

    >>> all(0 < share < 0.1 for share in _roundings())
    True
    """
    return {round(_largest_award_share(), places) for places in range(1, 9)} - {0}


def _expo_example() -> float:
    """Return the expo's enterprises divided by its countries and regions, the example the notebook works.

    >>> _expo_example() > 1
    True
    """
    figures = load_figures()
    expo = figures[figures["scope"] == "expo"]
    enterprises = expo.loc[expo["counted"] == "enterprises", "value"].item()
    countries = expo.loc[expo["counted"] == "countries and regions", "value"].item()
    return enterprises / countries


def _is_near_relative(answer: float, target: float, relative: float = 0.01) -> bool:
    """Return True if answer is within `relative` (a fraction of target) of target.

    >>> _is_near_relative(0.63, 0.6306), _is_near_relative(0.5, 0.6306)
    (True, False)
    """
    return math.isclose(answer, target, rel_tol=relative)


def _each_once(items: tuple) -> bool:
    """Return True if items hold the numbers the pattern finds, but each only once (as a set would).

    >>> _each_once(tuple(set(_numbers_found()))), _each_once(tuple(_numbers_found()))
    (True, False)
    """
    expected = _numbers_found()
    return set(items) == set(expected) and len(items) == len(set(expected)) < len(expected)


def _all_but(items: tuple, expected: list[int], left_out: int) -> bool:
    """Return True if items are the expected numbers with every `left_out` removed, and nothing else wrong.

    >>> _all_but((1, 3), [1, 2, 3], 2), _all_but((), [1, 2, 3], 2)
    (True, False)
    """
    return left_out not in items and sorted(items) == sorted(n for n in expected if n != left_out)


def _one_fewer(items: tuple, expected: list[int], number: int) -> bool:
    """Return True if items are the expected numbers with one `number` fewer than expected.

    >>> _one_fewer((120, 7), [120, 7, 120], 120), _one_fewer((7,), [120, 7, 120], 120)
    (True, False)
    """
    return collections.Counter(items) + collections.Counter({number: 1}) == collections.Counter(expected)


def _all_text(items: tuple) -> bool:
    """Return True if a collection answer holds only pieces of text (and at least one).

    >>> _all_text(("120", "2,100")), _all_text((120, "2,100")), _all_text(())
    (True, False, False)
    """
    return len(items) > 0 and all(isinstance(item, str) for item in items)


# ---------------------------------------------------------------------------------------------
# Messages shared by two exercises
# ---------------------------------------------------------------------------------------------

_STILL_TEXT = (
    "Your list holds pieces of text (the quotation marks show it), not numbers. Turn each piece "
    'into a whole number: remove its comma with `.replace(",", "")`, then use `int(...)`.'
)

#: The labels of Exercises 4 and 5, as the notebook's tasks name them.
_BOUNDS = ["exact", "lower bound"]
_COUNTED = ["participants", "countries and regions", "projects", "enterprises", "activities"]

# Variables the notebook makes and later cells need: a check says how to recover if one is replaced.
_KEEP_FOUND = Keep(
    "found",
    lambda value: list(value) == re.findall(_NUMBER_PATTERN, load_article()),
    "Exercise 1's cell, with `found = re.findall(pattern, article)` and your repaired pattern",
)
_KEEP_FIGURES = Keep(
    "figures",
    lambda value: len(value) == len(load_figures()),
    "the cell with `figures = helpers.load_figures()`",
)
_KEEP_VALUE = Keep(
    "value",
    lambda value: value.to_dict() == load_figures().set_index("figure_id")["value"].to_dict(),
    "the cell with `value = figures.set_index(\"figure_id\")[\"value\"]`",
)

# ---------------------------------------------------------------------------------------------
# The exercises
# ---------------------------------------------------------------------------------------------

q1 = TaskExercise(
    1,
    "Repair the pattern that cuts numbers at their commas",
    expected=_matches,
    kind="sequence",
    answer_type="a list of pieces of text: what re.findall(pattern, article) gives with your pattern",
    hints=[
        "The cell above shows where `\\d+` goes wrong: it stops at the thousands comma inside a number, so "
        "one figure becomes two matches.",
        "A match must start with a digit, then it may go on with digits or commas. The table of pieces above "
        "has a piece for each part.",
        "One digit is `\\d`. \"A digit or a comma\" is `[\\d,]`. Which symbol of the table lets that second "
        "piece repeat any number of times, even zero times?",
    ],
    solution='pattern = r"\\d[\\d,]*"\nfound = re.findall(pattern, article)',
    explanation=(
        "`\\d` fits one digit, so every match starts with a digit (never with a comma). `[\\d,]` fits a "
        "digit or a comma, and `*` lets it repeat any number of times, so a number with a thousands comma "
        "stays in one piece and a short number fits too. The pattern still catches the 19 of COVID-19 and misses "
        "\"Seven\": the next sections deal with that."
    ),
    mistakes=[
        Mistake(
            lambda a: a == tuple(re.findall(r"\d+", load_article())),
            "Your pattern still cuts the numbers with a thousands comma in two: it lets only digits into a match. "
            "After the first digit, let a comma into the match too (square brackets mean \"any one of these\").",
            example=["120", "2", "100", "120", "19", "1", "110", "24", "415", "40", "74"],
            id="pattern-cuts-at-commas",
        ),
        Mistake(
            lambda a: a == tuple(re.findall(r"\d", load_article())),
            "Each of your matches is a single digit: `\\d` alone fits one digit. Add a piece that lets "
            "digits and commas follow the first digit, repeated.",
            example=list("12021001201911102441540" "74"),
            id="pattern-one-digit-each",
        ),
        Mistake(
            lambda a: "" in a,
            "Some of your matches are empty pieces of text (`''`). A pattern made only of a repeated piece "
            "also fits zero characters, everywhere. Start the pattern with a piece that must be there: one digit.",
            example=["", "", "120", ""],
            id="pattern-matches-empty-text",
        ),
        Mistake(
            lambda a: any(item.startswith(",") for item in a if isinstance(item, str)),
            "Some of your matches start with a comma (or are only a comma): your pattern lets a match begin "
            "with a comma, so it catches the commas between words too. Start the pattern with one digit, then "
            "let digits and commas follow.",
            example=[",", ",", "120", ",", "2,100"],
            id="pattern-catches-lone-commas",
        ),
        Mistake(
            lambda a: len(a) > 0 and all(isinstance(item, int) for item in a),
            "Your list holds whole numbers. This exercise asks for the matches as `re.findall` gives them, "
            "pieces of text: check `found`. Turning them into numbers is Exercise 2.",
            example=[120, 2100, 120, 19, 1110, 24, 415, 40, 74],
            id="pattern-gave-numbers",
        ),
    ],
)

q2 = TaskExercise(
    2,
    "Turn every match into a whole number",
    keeps=[_KEEP_FOUND],
    expected=_numbers_found,
    kind="sequence",
    answer_type="a list of whole numbers (int), one for each match in found, in the same order",
    hints=[
        "`found` is a list of pieces of text. You want a list of the same length that holds whole numbers.",
        "`int(...)` cannot read a comma, so remove the commas first: `digits` is a list comprehension, "
        '`[... for n in found]`, where `...` is `n.replace(",", "")`.',
        "Then a second list comprehension walks through `digits` and turns each piece `d` into a whole "
        "number with `int(...)`.",
    ],
    solution='digits = [n.replace(",", "") for n in found]\nnumbers = [int(d) for d in digits]',
    explanation=(
        "`re.findall` gives pieces of text. For each piece, `.replace(\",\", \"\")` removes the thousands "
        "comma and `int(...)` reads what is left as a whole number. The list keeps every match, including "
        "the 19 of COVID-19: this exercise asks what the pattern finds, right or wrong. Repairing the list "
        "comes next."
    ),
    mistakes=[
        Mistake(
            _all_text, _STILL_TEXT, example=["120", "2,100", "120", "19", "1,110", "24", "415", "40", "74"],
            id="matches-still-text",
        ),
        Mistake(
            lambda a: 2 in a and 100 in a,
            "Some numbers were cut in two at their thousands comma (a number such as 2,100 became two numbers). "
            "Keep the pattern `r\"\\d[\\d,]*\"`, which lets commas into a number, and remove the commas only "
            "after the numbers are found.",
            example=[120, 2, 100, 120, 19, 1, 110, 24, 415, 40, 74],
            id="matches-cut-at-commas",
        ),
        Mistake(
            lambda a: _all_but(a, _numbers_found(), 19),
            "You have left out the 19 of COVID-19. That is the right instinct for the figures, but this "
            "exercise asks for exactly what the pattern finds, mistakes included. Repairing the list is "
            "Exercise 3.",
            example=[120, 2100, 120, 1110, 24, 415, 40, 74],
            id="matches-left-out-19",
        ),
        Mistake(
            lambda a: list(a) == sorted(_numbers_found()) != _numbers_found(),
            "Your numbers are sorted, but the task asks for them in the same order as the matches in `found` "
            "(the order of the article): build the list from `found` without sorting it.",
            example=[19, 24, 40, 74, 120, 120, 415, 1110, 2100],
            id="matches-sorted",
        ),
        Mistake(
            _each_once,
            "Your answer has every number, but each only once: the pattern finds one number twice. A set "
            "(or `set(...)`) keeps only one of them, and a slice such as `[1:]` leaves a match out. Build a "
            "list with square brackets, `[... for n in found]`, which keeps every match, in the order of `found`.",
            example=[120, 2100, 19, 1110, 24, 415, 40, 74],
            id="matches-in-a-set",
        ),
        Mistake(
            lambda a: sorted(a) == sorted(_figure_values()),
            "That is the repaired list of the figures, which Exercise 3 asks for. This exercise asks for "
            "exactly what the pattern finds, in the order of `found`, the match that is no figure included "
            "and nothing added.",
            example=[120, 2100, 120, 1110, 24, 415, 40, 74, 7],
            id="matches-repaired-list",
        ),
    ],
)

q3 = TaskExercise(
    3,
    "Repair the list: the values of the figures",
    keeps=[_KEEP_FOUND],
    expected=_figure_values,
    kind="bag",
    answer_type="a list of whole numbers (int), in any order, a number stated twice kept twice",
    hints=[
        "Look again at the table of matches above: which match is not a count of anything, and which "
        "figure has no digits at all?",
        'For `kept`, leave out the piece of text "19": `[n for n in found if ...]`, with a condition that '
        'is true for every match except "19". Convert `kept` as in Exercise 2.',
        "Then add the figure that is written as a word to `kept_numbers`, as a whole number: `+ [...]` joins "
        "a list with one item to the end of your list.",
    ],
    solution=(
        'kept = [n for n in found if n != "19"]\n'
        'kept_numbers = [int(n.replace(",", "")) for n in kept]\n'
        "figure_values = kept_numbers + [7]"
    ),
    explanation=(
        "The pattern's list needs two repairs that only a reader can make. The 19 belongs to the name "
        "COVID-19 (the article writes \"COVID-19 challenges\"): it counts nothing, so it is not a figure. Leave "
        "it out. \"Seven projects\" is a figure written as a "
        "word, which a digit pattern cannot see: add it as 7. The 120 stays twice, because the article "
        "states it twice (paragraphs 3 and 5)."
    ),
    mistakes=[
        Mistake(
            _all_text, _STILL_TEXT, example=["120", "2,100", "120", "1,110", "24", "415", "40", "74"],
            id="figures-still-text",
        ),
        Mistake(
            lambda a: 19 in a,
            "Your list still holds the 19 of COVID-19. That 19 is part of a name (the article writes "
            "\"COVID-19 challenges\"), not a count of anything, so it is not a figure of the article: leave it out.",
            example=[120, 2100, 120, 19, 1110, 24, 415, 40, 74],
            id="figures-kept-19",
        ),
        Mistake(
            lambda a: "7" in a or "seven" in a,
            "You added the figure written as a word, but as a piece of text (in quotation marks). Add it as "
            "a whole number, without quotation marks, like the other numbers of your list.",
            example=[120, 2100, 120, 1110, 24, 415, 40, 74, "Seven"],
            id="figures-word-figure-as-text",
        ),
        Mistake(
            lambda a: _all_but(a, _figure_values(), 7),
            "One figure is missing: one figure is written as a word, not in digits, so the pattern cannot "
            "find it. Look for it in paragraph 10 and add it as a whole number.",
            example=[120, 2100, 120, 1110, 24, 415, 40, 74],
            id="figures-word-figure-missing",
        ),
        Mistake(
            lambda a: _one_fewer(a, _figure_values(), 120),
            "Your list has one number fewer than it should: a count the article states twice (in two "
            "different paragraphs) is two figures here, so keep both.",
            example=[120, 2100, 7, 1110, 24, 415, 40, 74],
            id="figures-twice-stated-kept-once",
        ),
    ],
)

q4 = LabelRows(
    4,
    "Label each figure: exact or lower bound",
    labels=_BOUNDS,
    expected=lambda: load_figures().set_index("figure_id")["bound"],
    answer_type='a list of nine labels, "exact" or "lower bound", in the order F01 to F09',
    hints=[
        "Read only the few words right before each figure in its sentence.",
        '"over" and "more than" say that the true count is higher than the number given. A figure without '
        "such words is stated as a plain count.",
        "Two figures can stand in one sentence: one can have a qualifier and the other not. Decide for each "
        "figure by the words right before it, not by the sentence as a whole.",
    ],
    solution='bounds = ["lower bound", "lower bound", "lower bound", "exact", "lower bound",\n'
             '          "exact", "exact", "lower bound", "exact"]',
    explanation=(
        "\"Over\" and \"more than\" make a figure a lower bound: the true count is at least that big. A "
        "figure with no such words is labelled exact, which means only that the article adds no qualifier. "
        "In paragraph 10, \"over 1,110 projects\" is a lower bound but \"24 countries and regions\" in the "
        "same sentence is not; in paragraph 11, the 415 enterprises are exact but the \"more than 40\" "
        "countries and regions are a lower bound."
    ),
)

q5 = LabelRows(
    5,
    "Label each figure: what does it count?",
    labels=_COUNTED,
    expected=lambda: load_figures().set_index("figure_id")["counted"],
    answer_type="a list of nine labels, one of the five things counted, in the order F01 to F09",
    hints=[
        "What a figure counts stands in the words right after it, in its sentence.",
        "Use the labels exactly as the task writes them: \"countries and regions\" is one label, for a "
        "figure followed by those words.",
        "Two figures of paragraph 10 count the same thing; so do the figures of paragraphs 3 and 5 that "
        "follow \"more than\". Check that your list has nine labels, one per row.",
    ],
    solution='counts = ["countries and regions", "participants", "countries and regions", "projects", "projects",\n'
             '          "countries and regions", "enterprises", "countries and regions", "activities"]',
    explanation=(
        "The words right after each figure say what it counts: \"participants\", \"countries and regions\", "
        "\"projects\", \"enterprises\", \"activities\". Four figures count countries and regions, and two "
        "count projects (the seven with special awards, and the over 1,110 that competed)."
    ),
)

q6 = TaskExercise(
    6,
    "The largest possible share of projects with a special award",
    keeps=[_KEEP_FIGURES, _KEEP_VALUE],
    expected=_largest_award_share,
    kind="number",
    # The task asks to compute the share: only the division's own result is right. Any rounding moves it
    # (rounded down, it is no longer an upper bound), and the Mistakes below say so.
    answer_type="a decimal number between 0 and 1 (a fraction, not a percentage)",
    hints=[
        "A share is part / whole: (projects that won special awards) / (all projects that competed). In the "
        "table of the competition's figures above, find the row for each (look at `as_written` and "
        "`counted`) and note its `figure_id`.",
        'The number of competing projects is "over 1,110": the true number is higher. Which possible number '
        "of projects makes the share largest: the smallest or the largest?",
        "`value[...]`, with a `figure_id` between the brackets, gives a figure's value: one for `awarded`, one "
        "for `competing`. The share divides the awarded projects by the competing ones. Give the fraction "
        "itself; do not multiply by 100.",
    ],
    solution='awarded = value["F04"]\ncompeting = value["F05"]\nmax_share = awarded / competing',
    explanation=(
        "The seven projects with special awards are an exact count, but the competing projects are "
        "\"over 1,110\": more than the number given. Dividing by a bigger number gives a smaller share, so "
        "dividing by the stated number gives the largest share the article allows. The true share is below "
        "this: an upper bound, just over 0.63 % when written as a percentage."
    ),
    mistakes=[
        Mistake(
            lambda a: _is_near_relative(a, 100 * _largest_award_share()),
            "That looks like a percentage (the share multiplied by 100). The question asks for the fraction "
            "itself, a number between 0 and 1: do not multiply by 100.",
            example=0.63,
            id="share-as-percentage",
        ),
        Mistake(
            lambda a: _is_near_relative(a, 1 / _largest_award_share()),
            "You divided the wrong way round: that is how many competing projects there were for each project "
            "with a special award. A share is part / whole: the awarded projects divided by all projects.",
            example=158.57,
            id="share-divided-wrong-way",
        ),
        Mistake(
            lambda a: a == 0,
            "Your answer is 0. Did you divide with `//`? It keeps only the whole part of the result, which "
            "is 0 for any share below 1. Divide with `/`.",
            example=0,
            id="share-floor-division",
        ),
        Mistake(
            lambda a: _is_near_relative(a, _share_with_winners_added(), relative=0.001),
            "You added the projects with special awards to the competing projects. \"In all, over 1,110 "
            "projects ... vied for honors\" already counts every project that competed, the award winners "
            "among them: divide by the competing projects alone.",
            example=7 / 1117,
            id="share-added-the-winners",
        ),
        Mistake(
            lambda a: a < _largest_award_share() and (0.9 * _largest_award_share() <= a or a in _roundings()),
            "Your number is a little below the share: did you round it, or cut some decimals? Here that makes "
            "it smaller, and an upper bound made smaller may no longer be an upper bound. Store the result of "
            "the division itself, without rounding.",
            example=0.006,
            id="share-rounded-down",
        ),
        Mistake(
            lambda a: _largest_award_share() < a and (a <= 1.1 * _largest_award_share() or a in _roundings()),
            "Your number is a little above the share: did you round it? The question asks for the largest "
            "share the figures allow, exactly: store the result of the division itself, without rounding.",
            example=0.0064,
            id="share-rounded-up",
        ),
        Mistake(
            lambda a: _is_near_relative(a, _expo_example()),
            "That is the expo's number of enterprises per country or region, the example worked above. "
            "This exercise asks about the competition: its projects with special awards out of all its "
            "competing projects.",
            example=10.375,
            id="share-the-expo-example",
        ),
        Mistake(
            lambda a: _is_near_relative(a, _awards_per_country()),
            "You divided by the 24 countries and regions. The share asked for is out of the competing "
            "projects, not out of the countries.",
            example=0.2917,
            id="share-divided-by-countries",
        ),
        Mistake(
            lambda a: any(_is_near_relative(a, share) for share in _awards_over_other_figures()),
            "You divided by a figure that does not count the competition's projects. Look at the columns "
            "`scope` and `counted` to find the figure that counts all the projects that competed.",
            example=7 / 2100,
            id="share-divided-by-another-scope",
        ),
    ],
)

#: Exercise 7's two made-up cases, as the comments of its cell give them (HYPOTHETICAL, not from the article):
#: the name the student stores the case's ratio in, its participants, its countries and regions.
_MADE_UP_CASES = (("more_participants", 3000, 125), ("more_countries", 2150, 200))


def _comma_read(name: str, participants: int) -> str:
    """Return the end of a message: the made-up case `name` holds a tuple, its number copied with a comma.

    >>> _comma_read("more_participants", 3000)[:50]
    '`more_participants` holds a tuple, two values betw'
    """
    written = f"{participants:,}"
    before, after = written.split(",", 1)
    return (
        f"`{name}` holds a tuple, two values between round brackets, not one number. Python reads a comma "
        f"as a separator between values, so `{written}` is read as two numbers, {before} and {after}. Write "
        "the number without its comma, then run the cell again."
    )


def _made_up_case_with_comma(answer: object, code: CheckedCode | None) -> tuple[str, str] | None:
    """Return (mistake id, message) when a made-up case holds a tuple (a number copied with its comma), or None.

    A slip for a wrong kind of bound: the student must see the case's number before comparing it with 17.5.

    >>> names = {"more_participants": (3, 000 / 125), "more_countries": 2150 / 200}
    >>> _made_up_case_with_comma("upper bound", CheckedCode(None, names))[1][:45]
    'Before you choose, look at your made-up cases'
    """
    if code is None:
        return None
    for name, participants, _countries in _MADE_UP_CASES:
        if isinstance(code.names.get(name), tuple):
            return "ratio-made-up-case-comma", (
                "Before you choose, look at your made-up cases: " + _comma_read(name, participants)
                + " Then compare each case with 17.5."
            )
    return None


_made_up_case_with_comma.mistake_ids = ("ratio-made-up-case-comma",)  # type: ignore[attr-defined]


def _typed_by_hand(name: str, code: CheckedCode) -> bool:
    """Return True if the cell's last line that stores `name` stores a number typed by hand, not worked out.

    >>> import ast
    >>> _typed_by_hand("x", CheckedCode(None, {}, ast.parse("x = 3000 / 125\\nx = 24")))
    True
    >>> _typed_by_hand("x", CheckedCode(None, {}, ast.parse("x = round(3000 / 125, 1)")))
    False
    """
    value = last_store(code, name)
    return is_typed_value(value) and is_number(value.value)


def _made_up_cases_not_worked_out(answer: object, code: CheckedCode | None) -> tuple[str, str] | None:
    """Return (mistake id, message) when the cell's made-up cases are not worked out, or None.

    A rule for a right kind of bound: the task asks for the two divisions too, as the reason for it.

    >>> names = {"more_participants": 3000 / 125, "more_countries": ...}
    >>> _made_up_cases_not_worked_out("no bound", CheckedCode(None, names))[0]
    'ratio-made-up-case-missing'
    >>> names = {"more_participants": 3000 / 125, "more_countries": 2150 // 200}
    >>> _made_up_cases_not_worked_out("no bound", CheckedCode(None, names))[0]
    'ratio-made-up-case-floor-division'
    >>> names = {"more_participants": (3, 000 / 125), "more_countries": 2150 / 200}
    >>> _made_up_cases_not_worked_out("no bound", CheckedCode(None, names))[0]
    'ratio-made-up-case-comma'
    >>> names = {"more_participants": 3000 / 125, "more_countries": 200 / 2150}
    >>> _made_up_cases_not_worked_out("no bound", CheckedCode(None, names))[0]
    'ratio-made-up-case-wrong'
    >>> import ast
    >>> typed = ast.parse("more_participants = 24")
    >>> _made_up_cases_not_worked_out("no bound", CheckedCode(None, {**names, "more_participants": 24}, typed))[0]
    'ratio-made-up-case-typed'
    >>> _made_up_cases_not_worked_out("no bound", None) is None
    True
    """
    if code is None:
        return None
    for name, participants, countries in _MADE_UP_CASES:
        value = code.names.get(name, ...)
        if value is ... or value is None:
            return "ratio-made-up-case-missing", (
                f"Your kind of bound is right, but `{name}` holds no number yet. The task asks you to work out "
                "both made-up cases too: they are the reason for your answer. Replace the `...` of each case "
                "with its division, then run the cell again."
            )
        if is_number(value) and _typed_by_hand(name, code):
            return "ratio-made-up-case-typed", (
                f"Your kind of bound is right, but `{name}` is a number typed by hand. The task asks you to let "
                "Python work out each case: divide that case's participants by its countries and regions, as "
                "the comment right above it gives them, then run the cell again."
            )
        exact = participants / countries
        if is_number(value) and math.isclose(value, exact, rel_tol=1e-9):
            continue
        if isinstance(value, tuple):
            return "ratio-made-up-case-comma", "Your kind of bound is right, but " + _comma_read(name, participants)
        if is_number(value) and value == participants // countries:
            return "ratio-made-up-case-floor-division", (
                f"Your kind of bound is right, but `{name}` holds only the whole part of its division. `//` "
                "and `int()` keep the whole part of a division and drop what comes after the decimal point: "
                "divide with `/` alone, then run the cell again."
            )
        if is_number(value) and any(value == round(exact, digits) for digits in range(4)):
            return "ratio-made-up-case-rounded", (
                f"Your kind of bound is right, but `{name}` is rounded. The task asks you to let Python work out "
                "the participants per country or region: do not round, store the result as Python gives it, "
                "then run the cell again."
            )
        return "ratio-made-up-case-wrong", (
            f"Your kind of bound is right, but `{name}` is not the participants per country or region of "
            "its made-up case. Read the comment right above it: divide that case's participants by its "
            "countries and regions, with `/`, then run the cell again."
        )
    return None


_made_up_cases_not_worked_out.mistake_ids = ("ratio-made-up-case-missing", "ratio-made-up-case-typed",
                                             "ratio-made-up-case-comma",
                                             "ratio-made-up-case-floor-division", "ratio-made-up-case-rounded",
                                             "ratio-made-up-case-wrong")

q7 = TaskExercise(
    7,
    "Name the kind of bound for participants per country",
    expected=lambda: "no bound",
    kind="text",
    answer_type='one of the texts "upper bound", "lower bound" or "no bound"',
    hints=[
        "Work out each made-up case as the notebook worked out 17.5: its participants divided by its "
        "countries and regions, with `/`. The numbers stand in the comment right above each line.",
        "Compare each result with 17.5. An upper bound would mean the true ratio can never be above 17.5; "
        "a lower bound, that it can never be below 17.5. Does either hold in both made-up cases?",
        "If the article's figures allow the ratio to fall on either side, choose the third phrase. Write it "
        "as text, between quotation marks.",
    ],
    solution='more_participants = 3000 / 125\nmore_countries = 2150 / 200\nbound_kind = "no bound"',
    explanation=(
        "Both figures are lower bounds. The first made-up case, with many more participants than 2,100, "
        "gives 24 participants per country or region, above 17.5; the second, with many more countries and "
        "regions than 120, gives 10.75, below it. Both cases respect the article's words, so the true number of "
        "participants per country or region could be above or below 2,100 / 120 = 17.5. The ratio of two "
        "lower bounds is not bounded in either direction: 17.5 is not a figure the article supports."
    ),
    mistakes=[
        Mistake(
            lambda a: a.strip(" .!") == "upper bound",
            "Not quite. An upper bound would mean the true ratio can never be above 17.5. But \"over 2,100 "
            "participants\" is only a lower bound: with more participants the ratio rises above 17.5. Work out your "
            "first made-up case, `more_participants`, if you have not yet, and compare it with 17.5. Treating "
            "the ratio of two lower bounds as if it were bounded is the trap here.",
            example="upper bound",
            id="ratio-upper-bound",
        ),
        Mistake(
            lambda a: a.strip(" .!") == "lower bound",
            "Not quite. A lower bound would mean the true ratio can never be below 17.5. But \"more than 120 "
            "countries and regions\" is only a lower bound too: with more countries and regions the ratio falls "
            "below 17.5. Work out your second made-up case, `more_countries`, if you have not yet, and compare it "
            "with 17.5. Treating the ratio of two lower bounds as if it were bounded is the trap here.",
            example="lower bound",
            id="ratio-lower-bound",
        ),
        Mistake(
            lambda a: a.rstrip(" %") in {"17.5", "17,5", "17.50"},
            "17.5 is 2,100 divided by 120, the two stated figures. The question asks what KIND of bound that "
            "ratio gives: answer with one of the three phrases of the question.",
            example="17.5",
            id="ratio-gave-the-number",
        ),
        Mistake(
            lambda a: a.rstrip(".") in {"unbounded", "none", "neither", "no limit", "not bounded", "no bounds",
                                        "neither upper nor lower bound", "neither upper nor lower"},
            "You have the idea. Please answer with one of the three phrases exactly as the question writes "
            "them.",
            example="unbounded",
            id="ratio-right-idea-other-words",
        ),
        Mistake(
            lambda a: any(is_near_miss(a, phrase) for phrase in ("upper bound", "lower bound", "no bound")),
            "Your text is close to one of the three phrases, but not written exactly as the question writes "
            "it: check the spelling, the spaces and marks such as a full stop. Answer with one of the three "
            "phrases, with nothing added.",
            example="No Bound.",
            id="ratio-phrase-not-exact",
        ),
        Mistake(
            lambda a: a not in {"upper bound", "lower bound", "no bound"},
            "Your text is none of the three phrases the question offers. Answer with one of them, copied "
            "exactly as the question writes it, between quotation marks.",
            example="exact",
            id="ratio-none-of-the-phrases",
        ),
    ],
    rules=[_made_up_cases_not_worked_out],
    slips=[_made_up_case_with_comma],
)

EXERCISES = ExerciseSet("02-the-figures", [q1, q2, q3, q4, q5, q6, q7])
progress = EXERCISES.progress

# What `ex.` offers in the notebook: the exercises and progress (nothing that computes an answer).
__all__ = ["EXERCISES", "progress", "q1", "q2", "q3", "q4", "q5", "q6", "q7"]
__getattr__ = EXERCISES.module_getattr  # ex.q99 and the like answer in plain words
__dir__ = module_dir(__all__)
