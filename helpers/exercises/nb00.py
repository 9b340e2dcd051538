"""Exercises for notebook 00, Start here.

Five warm-up exercises on the raw article (the variable ``raw`` in the notebook holds
``helpers.load_raw_article()``): name the outlet, count the characters, look for a word,
take the first line, count how often the headline appears.

Every expected answer is computed from the data when a check first needs it, never at import.

>>> [exercise.name for exercise in EXERCISES]
['q1', 'q2', 'q3', 'q4', 'q5']
"""

from __future__ import annotations

from helpers.checking import Exercise, ExerciseSet, Mistake
from helpers.data import load_raw_article

# The words before the outlet's name on the article's last line.
PUBLISHED_AT = "Originally published at "


def _lines() -> list[str]:
    """Return the lines of the raw article, as `raw.splitlines()` gives them in the notebook.

    >>> _lines()[1]
    ''
    """
    return load_raw_article().splitlines()


def _outlet() -> str:
    """Return the outlet's name: the article's last line without "Originally published at ".

    >>> _outlet() in _lines()[-1]
    True
    """
    last_line = _lines()[-1]
    if not last_line.startswith(PUBLISHED_AT):
        raise ValueError(f"The article's last line should start with {PUBLISHED_AT!r}, but it is {last_line!r}.")
    return last_line.removeprefix(PUBLISHED_AT)


def _letters_only(text: str) -> str:
    """Return text casefolded, with everything but letters and digits removed.

    >>> _letters_only("'China Daily.'")
    'chinadaily'
    """
    return "".join(character for character in text.casefold() if character.isalnum())


def _outlet_with_extra_marks(answer: str) -> bool:
    """Return True if answer has the outlet's letters but other spaces or punctuation around them.

    >>> _outlet_with_extra_marks(_outlet() + "."), _outlet_with_extra_marks(_outlet())
    (True, False)
    """
    return answer.casefold() != _outlet().casefold() and _letters_only(answer) == _letters_only(_outlet())


def _part_of_outlet(answer: str) -> bool:
    """Return True if answer is one or more of the outlet's words, but not all of them.

    >>> _part_of_outlet(_outlet().split()[-1].lower()), _part_of_outlet(_outlet().lower())
    (True, False)
    """
    words = _outlet().casefold().split()
    given = answer.split()
    return 0 < len(given) < len(words) and all(word in words for word in given)


def _headline() -> str:
    """Return the first line of the raw article (the headline).

    >>> _headline().startswith("Wuzhen Summit")
    True
    """
    return _lines()[0]


def _is_part_of_first_line(answer: str) -> bool:
    """Return True if answer (casefolded, single spaces) is a shorter, non-empty start of the first line.

    >>> _is_part_of_first_line("wuzhen summit"), _is_part_of_first_line("summit")
    (True, False)
    """
    first = " ".join(_headline().split()).casefold()
    return 0 < len(answer) < len(first) and first.startswith(answer)


def _goes_past_first_line(answer: str) -> bool:
    """Return True if answer (casefolded, single spaces) starts with the first line and goes on.

    >>> _goes_past_first_line(" ".join(load_raw_article()[:300].split()).casefold())
    True
    """
    first = " ".join(_headline().split()).casefold()
    return len(answer) > len(first) and answer.startswith(first)


q1 = Exercise(
    1,
    "Name the outlet",
    expected=_outlet,
    kind="text",
    hints=[
        "An outlet is the news organisation that published the article. "
        "The article's last line names it: look at the output of `lines[-1]` above.",
        "Text goes between quotation marks: `outlet = \"...\"` with the name inside the quotes. "
        "Upper and lower case do not matter to the check.",
        "Keep only the words that come after \"Originally published at\" on that line, "
        "without the words before them.",
    ],
    solution=(
        "last_line = raw.splitlines()[-1]\n"
        'outlet = last_line.replace("Originally published at ", "")'
    ),
    explanation=(
        "The article's last line is the only place where our copy says where the article comes from. "
        "`raw.splitlines()[-1]` takes that last line, and `.replace(\"Originally published at \", \"\")` "
        "replaces the words before the name with nothing, so only the outlet's name is left. "
        "Typing the name between quotation marks, as the line writes it, is just as right."
    ),
    mistakes=[
        Mistake(
            lambda a: a.startswith("originally published"),
            "That is the whole last line. The question asks for just the name of the outlet: "
            "keep the words after \"Originally published at\" and leave out the rest.",
            example="Originally published at China Daily",
        ),
        Mistake(
            lambda a: a.removeprefix("the ")
            in {"world internet conference", "world internet conference wuzhen summit", "wuzhen summit"},
            "That is the event the article reports on, not the outlet that published the article. "
            "The outlet is a news organisation: look at the article's last line.",
            example="World Internet Conference",
        ),
        Mistake(
            _outlet_with_extra_marks,
            "Almost: the letters are right, but your text has extra punctuation or different spaces. "
            "The quotation marks in `outlet = \"...\"` only show where the text starts and ends: "
            "inside them, write the name exactly as the last line writes it, with nothing added.",
            example="'China Daily'",
        ),
        Mistake(
            _part_of_outlet,
            "That is only part of the name. The outlet's name is every word that comes after "
            "\"Originally published at\" on the last line.",
            example="Daily",
        ),
    ],
)

q2 = Exercise(
    2,
    "Count the characters",
    expected=lambda: len(load_raw_article()),
    kind="number",
    hints=[
        "`len(...)` gives the length of what you put between its brackets.",
        "For a piece of text, the length is its number of characters: letters, digits, spaces, "
        "punctuation and line breaks all count.",
        "Give `len` the whole article, which is stored in the variable `raw`.",
    ],
    solution="n_characters = len(raw)",
    explanation=(
        "`len(raw)` counts every character of the text: letters, digits, spaces, punctuation and "
        "the invisible line breaks too. The article is a few thousand characters long."
    ),
    mistakes=[
        Mistake(
            lambda a: a == len(_lines()),
            "That is the number of lines, not of characters. `len` of a list of lines counts the lines; "
            "`len` of the text itself counts its characters.",
            example=31,
        ),
        Mistake(
            lambda a: a == len(load_raw_article().split()),
            "That is the number of words (pieces between spaces), not of characters. "
            "Give `len` the text itself, not a list of its words.",
            example=502,
        ),
        Mistake(
            lambda a: a == 300,
            "That is how many characters we printed as a first look, not the length of the whole article. "
            "Ask `len` for the length of all of `raw`.",
            example=300,
        ),
        Mistake(
            lambda a: a == len("raw"),
            "That is the length of the word \"raw\" itself: with quotation marks around it, `\"raw\"` is "
            "just three letters. Without quotation marks, `raw` is the variable that holds the article.",
            example=3,
        ),
    ],
)

q3 = Exercise(
    3,
    "Look for Wuzhen",
    expected=lambda: "Wuzhen" in load_raw_article(),
    kind="boolean",
    hints=[
        "`in` asks whether one piece of text occurs inside another, as in `\"cat\" in \"concatenate\"`.",
        "Put the word to look for, between quotation marks, on the left of `in`, and the article on its right.",
        "Write the word exactly as the task does: Python treats a capital letter and a small letter "
        "as different letters.",
    ],
    solution='mentions_wuzhen = "Wuzhen" in raw',
    explanation=(
        "`\"Wuzhen\" in raw` asks Python whether the text \"Wuzhen\" occurs anywhere in the article, and "
        "the answer is True: the name appears in the headline and throughout the article. "
        "With a small w, `\"wuzhen\" in raw` gives False, because the article always writes it with a capital W."
    ),
    mistakes=[
        Mistake(
            lambda a: a is False,
            "Not quite. Check two things. First the capital letters: Python treats \"W\" and \"w\" as "
            "different letters, so write the word exactly as the task does. Then the right of `in`: it "
            "must be the variable `raw`, without quotation marks (`\"raw\"` is just the three letters r, a, w).",
            example=False,
        ),
    ],
)

q4 = Exercise(
    4,
    "Take the first line",
    expected=_headline,
    kind="text",
    hints=[
        "`raw.splitlines()` cuts the article at its line breaks and gives a list of lines.",
        "You took the last line with `[-1]` earlier. Square brackets with a number pick one item of a list.",
        "Python counts the items of a list from 0, not from 1.",
    ],
    solution="first_line = raw.splitlines()[0]",
    explanation=(
        "`raw.splitlines()` gives the lines of the article as a list, and `[0]` picks its first item, "
        "because Python counts from 0. The first line is the article's headline. "
        "(An answer with a line break at its end counts as right too: the check ignores surrounding spaces.)"
    ),
    mistakes=[
        Mistake(
            lambda a: a == "",
            "Your text is empty: that is a blank line. Python counts the items of a list from 0, "
            "so `[1]` is the second line, and in this file the second line is blank.",
            example="",
        ),
        Mistake(
            lambda a: a == " ".join(_lines()[-1].split()).casefold(),
            "That is the last line. `[-1]` picks the last item of a list; the first item has another number.",
            example="Originally published at China Daily",
        ),
        Mistake(
            _is_part_of_first_line,
            "That is only the start of the first line. A line ends at a line break, not after a fixed "
            "number of characters: take a whole line from `raw.splitlines()`.",
            example="Wuzhen Summit develops consensus on critical issues",
        ),
        Mistake(
            _goes_past_first_line,
            "Your text starts with the first line but goes on past its end. "
            "Take one line from `raw.splitlines()` rather than a number of characters.",
            example="Wuzhen Summit develops consensus on critical issues like digital cooperation, "
            "innovation and security management\n\nWuzhen Summit develops consensus",
        ),
    ],
)

q5 = Exercise(
    5,
    "Count the headlines",
    expected=lambda: load_raw_article().count(_headline()),
    kind="number",
    hints=[
        "`text.count(part)` gives how many times `part` occurs in `text`, as in `\"banana\".count(\"an\")`.",
        "Here the text to search is the whole article, `raw`, and the part to count is `headline`.",
        "Put the variable `headline` between the brackets of `raw.count(...)`, without quotation marks: "
        "with quotation marks you would count the word \"headline\" itself.",
    ],
    solution="n_headlines = raw.count(headline)",
    explanation=(
        "`raw.count(headline)` counts how many times the whole first line occurs in the article. "
        "The scraper that copied the article from the web picked up its headline more than once, so "
        "the count is more than 1. This is the first scraping defect; notebook 01 cleans it (and the others)."
    ),
    mistakes=[
        Mistake(
            lambda a: a == 1,
            "You may have looked only at the first line. Count over the whole article, `raw`: "
            "the copy we received has a scraping defect here, the first one you will clean in notebook 01.",
            example=1,
        ),
        Mistake(
            lambda a: a == 0,
            "Your count found nothing. Count the variable `headline` itself (without quotation marks "
            "around it), inside the whole article `raw`.",
            example=0,
        ),
        Mistake(
            lambda a: a == len(_headline()),
            "That is the length of the headline in characters, not how many times it appears. "
            "`len` measures; `.count(...)` counts occurrences.",
            example=112,
        ),
        Mistake(
            lambda a: a == load_raw_article().count("Wuzhen"),
            "That counts the word \"Wuzhen\", which also appears outside the headline. "
            "Count the whole headline, `headline`.",
            example=9,
        ),
    ],
)

EXERCISES = ExerciseSet("00-start-here", [q1, q2, q3, q4, q5])
progress = EXERCISES.progress
