"""Exercises for notebook 02, The figures.

Every answer is worked out from the data when a check needs it (never at import time), with the
same helpers and the same pattern the notebook uses, so the exercises and the notebook cannot
disagree.
"""

from __future__ import annotations

import collections
import math
import re

from helpers.checking import Exercise, ExerciseSet, Mistake
from helpers.data import load_article, load_figures
from helpers.exercises._support import Keep, TaskExercise, is_near_miss, module_dir

#: The pattern the notebook teaches: a digit, then any digits or commas ("2,100", "74", "19").
_NUMBER_PATTERN = r"\d[\d,]*"

# ---------------------------------------------------------------------------------------------
# Small functions that compute the answers (and the typical wrong answers) from the data
# ---------------------------------------------------------------------------------------------


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


def _lower_bound_count() -> int:
    """Return how many figures of the curated table are lower bounds.

    >>> 0 < _lower_bound_count() < len(load_figures())
    True
    """
    return int((load_figures()["bound"] == "lower bound").sum())


def _qualifier_count(qualifier: str) -> int:
    """Return how many figures carry the qualifier ("over", "more than" or "none").

    >>> _qualifier_count("over") + _qualifier_count("more than") == _lower_bound_count()
    True
    """
    return int((load_figures()["qualifier"] == qualifier).sum())


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

# Variables the notebook makes and later cells need: a check says how to recover if one is replaced.
_KEEP_FOUND = Keep(
    "found",
    lambda value: list(value) == re.findall(_NUMBER_PATTERN, load_article()),
    "the cell with `found = re.findall(pattern, article)` near the top of the notebook",
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
    "Turn every match into a whole number",
    keeps=[_KEEP_FOUND],
    expected=_numbers_found,
    kind="sequence",
    answer_type="a list of whole numbers (int), one for each match in found, in the same order",
    hints=[
        "`found` is a list of pieces of text. You want a list of the same length that holds whole numbers.",
        "A list comprehension builds the new list: `[... for n in found]`, where `...` turns one piece of "
        "text `n` into a number.",
        '`int(...)` cannot read a comma, so remove it first: `int(n.replace(",", ""))` does both for one `n`.',
    ],
    solution='numbers = [int(n.replace(",", "")) for n in found]',
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
            "Exercise 2.",
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
            "That is the repaired list of the figures, which Exercise 2 asks for. This exercise asks for "
            "exactly what the pattern finds, in the order of `found`, the match that is no figure included "
            "and nothing added.",
            example=[120, 2100, 120, 1110, 24, 415, 40, 74, 7],
            id="matches-repaired-list",
        ),
    ],
)

q2 = TaskExercise(
    2,
    "Repair the list: the values of the figures",
    keeps=[_KEEP_FOUND],
    expected=_figure_values,
    kind="bag",
    answer_type="a list of whole numbers (int), in any order, a number stated twice kept twice",
    hints=[
        "Look again at the table of matches above: which match is not a count of anything, and which "
        "figure has no digits at all?",
        'Leave out the piece of text "19" while you convert: `[... for n in found if n != "19"]`.',
        "Then add the figure that is written as a word, as a whole number: `+ [...]` joins a list with one "
        "item to the end of your list.",
    ],
    solution='figure_values = [int(n.replace(",", "")) for n in found if n != "19"] + [7]',
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

q3 = TaskExercise(
    3,
    "Count the lower bounds",
    keeps=[_KEEP_FIGURES],
    expected=_lower_bound_count,
    kind="number",
    answer_type="a whole number",
    hints=[
        "The table `figures` has a column `bound` that says, for each figure, whether it is exact or a "
        "lower bound.",
        '`figures["bound"] == "lower bound"` gives True or False for each row.',
        "`.sum()` counts the True values (True counts as 1); wrap it in `int(...)` to get a plain whole number.",
    ],
    solution='n_lower_bounds = int((figures["bound"] == "lower bound").sum())',
    explanation=(
        "\"Over\" and \"more than\" both mean that the true count is higher than the number given, so both "
        "make a figure a lower bound. The column `bound` already records this for each row: comparing it "
        "with \"lower bound\" gives True or False per row, and `.sum()` counts the True values."
    ),
    mistakes=[
        Mistake(
            lambda a: a == _qualifier_count("over"),
            'That is how many figures carry the word "over". "More than" says the same thing (the true count '
            "is higher than the number given), so count both kinds.",
            example=2,
            id="lower-bounds-over-only",
        ),
        Mistake(
            lambda a: a == _qualifier_count("more than"),
            'That is how many figures carry the words "more than". "Over" says the same thing (the true count '
            "is higher than the number given), so count both kinds.",
            example=3,
            id="lower-bounds-more-than-only",
        ),
        Mistake(
            lambda a: a == _qualifier_count("none"),
            'That is how many figures are exact (their qualifier is "none"). The question asks about the '
            "others: the figures that are only lower bounds.",
            example=4,
            id="lower-bounds-counted-exact",
        ),
        Mistake(
            lambda a: a == len(load_figures()),
            'That is every figure in the table. Keep only the rows whose `bound` is "lower bound" before '
            "counting.",
            example=9,
            id="lower-bounds-every-figure",
        ),
        Mistake(
            lambda a: a == 0,
            "Your count is 0: your comparison kept no row. Compare with the value exactly as the column "
            "writes it, every letter and space: `figures[\"bound\"].value_counts()` shows how it is written.",
            example=0,
            id="lower-bounds-found-no-rows",
        ),
    ],
)

q4 = TaskExercise(
    4,
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
        "Divide the value of the awarded projects by the value of the competing projects: `value[...]`, with "
        "a `figure_id` between the brackets, gives a figure's value. Give the fraction itself; do not multiply "
        "by 100.",
    ],
    solution='max_share = value["F04"] / value["F05"]',
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

q5 = Exercise(
    5,
    "What kind of bound is participants per country?",
    expected=lambda: "no bound",
    kind="text",
    answer_type='one of the texts "upper bound", "lower bound" or "no bound"',
    hints=[
        "Look at the two made-up cases above: where does each ratio fall, compared with 17.5?",
        "An upper bound would mean the true ratio can never be above 17.5; a lower bound, that it can never "
        "be below 17.5. Does either hold in both made-up cases?",
        "If the article's figures allow the ratio to fall on either side, choose the third phrase. Write it "
        "as text, between quotation marks.",
    ],
    solution='bound_kind = "no bound"',
    explanation=(
        "Both figures are lower bounds. More participants than 2,100 would push the ratio up; more "
        "countries and regions than 120 would pull it down. The article says neither by how much, so the "
        "true number of participants per country or region could be above or below 2,100 / 120 = 17.5. "
        "The ratio of two lower bounds is not bounded in either direction: 17.5 is not a figure the article "
        "supports."
    ),
    mistakes=[
        Mistake(
            lambda a: a.strip(" .!") == "upper bound",
            "Not quite. An upper bound would mean the true ratio can never be above 17.5. But \"over 2,100 "
            "participants\" is only a lower bound: with more participants the ratio rises above 17.5, as in the "
            "made-up case with 3,000 participants. Treating the ratio of two lower bounds as if it were "
            "bounded is the trap here.",
            example="upper bound",
            id="ratio-upper-bound",
        ),
        Mistake(
            lambda a: a.strip(" .!") == "lower bound",
            "Not quite. A lower bound would mean the true ratio can never be below 17.5. But \"more than 120 "
            "countries and regions\" is only a lower bound too: with more countries the ratio falls below "
            "17.5, as in the made-up case with 200 countries and regions. Treating the ratio of two lower "
            "bounds as if it were bounded is the trap here.",
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
)

EXERCISES = ExerciseSet("02-the-figures", [q1, q2, q3, q4, q5])
progress = EXERCISES.progress

# What `ex.` offers in the notebook: the exercises and progress (nothing that computes an answer).
__all__ = ["EXERCISES", "progress", "q1", "q2", "q3", "q4", "q5"]
__getattr__ = EXERCISES.module_getattr  # ex.q99 and the like answer in plain words
__dir__ = module_dir(__all__)
