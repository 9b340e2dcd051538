"""Exercises for notebook 00, Start here.

Five warm-up exercises on the raw article (the variable ``raw`` in the notebook holds
``helpers.load_raw_article()``): name the outlet, count the characters, look for a word,
take the first line, and repair a classmate's count that stopped with an error. Then four on working
in a notebook: predict from the numbers in brackets what a cell showed, read the name of an error from
the last line of its message, name the folder that ``helpers.output_path`` points into, and save a note
of one's own in ``output/my-notes.txt`` and read it back.

Every expected answer is computed when a check first needs it, never at import: from the data,
by running the cells and the code that the notebook shows, or from ``helpers.output.OUTPUT_DIR``.

>>> [exercise.name for exercise in EXERCISES]
['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8', 'q9']
"""

from __future__ import annotations

import ast
import re
from pathlib import Path, PurePath
from typing import Any

from helpers.checking import CORRECT, NOT_ATTEMPTED, NOT_YET_RIGHT, Exercise, ExerciseSet, Mistake, Pair, PredictThenRun
from helpers.checking.exercise import NONE_MESSAGE, Verdict, correct_verdict
from helpers.checking.feedback import authored
from helpers.checking.interactions import TwoParts
from helpers.checking.kinds import Read
from helpers.data import load_raw_article
from helpers.exercises._support import (
    CheckedCode,
    TaskExercise,
    answer_slip,
    checked_code,
    computed,
    edit_distance,
    exact,
    is_near_miss,
    is_number,
    module_dir,
    unwritten_steps,
)
from helpers.output import OUTPUT_DIR

# The words before the outlet's name on the article's last line.
_PUBLISHED_AT = "Originally published at "

#: Exercise 6: three cells of a classmate's notebook, from top to bottom of the page, each as
#: (the number Jupyter wrote in its brackets, the cell's code). The notebook shows them as they are here.
_RUN_ORDER_CELLS: tuple[tuple[int, str], ...] = (
    (1, "number = 3"),
    (3, "number = 4"),
    (2, "number * 10"),
)

#: Exercise 7: a misspelled method name, and the line of code with it whose error message the notebook shows.
_MISSPELLED_NAME = "splitline"
_MISSPELLED_CODE = f"first_line = raw.{_MISSPELLED_NAME}()[0]"


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
    if not last_line.startswith(_PUBLISHED_AT):
        raise ValueError(f"The article's last line should start with {_PUBLISHED_AT!r}, but it is {last_line!r}.")
    return last_line.removeprefix(_PUBLISHED_AT)


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


def _outlet_with_more_words(answer: str) -> bool:
    """Return True if answer holds the outlet's whole name with more words around it.

    >>> _outlet_with_more_words("the " + _outlet().lower()), _outlet_with_more_words(_outlet().lower())
    (True, False)
    """
    name = " ".join(_outlet().casefold().split())
    return answer != name and f" {name} " in f" {answer} "


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
            id="outlet-whole-last-line",
        ),
        Mistake(
            lambda a: a.removeprefix("the ") == "world internet conference",
            "The article names the World Internet Conference in the summit's name and in Ren Xianliang's "
            "title: he is its secretary-general. It is not the outlet that published the article. The outlet is a news "
            "organisation: look at the article's last line.",
            example="World Internet Conference",
            id="outlet-named-the-conference",
        ),
        Mistake(
            lambda a: a.removeprefix("the ") in {"world internet conference wuzhen summit", "wuzhen summit"},
            "That is the summit the article reports on, not the outlet that published the article. "
            "The outlet is a news organisation: look at the article's last line.",
            example="World Internet Conference Wuzhen Summit",
            id="outlet-named-the-summit",
        ),
        Mistake(
            _outlet_with_extra_marks,
            "Almost: the letters are right, but your text has extra punctuation or different spaces. "
            "The quotation marks in `outlet = \"...\"` only show where the text starts and ends: "
            "inside them, write the name exactly as the last line writes it, with nothing added.",
            example="'China Daily'",
            id="outlet-extra-marks",
        ),
        Mistake(
            _outlet_with_more_words,
            "Your text holds the outlet's name, but with more words around it. The question asks for just "
            "the name, as the last line writes it: leave out every other word.",
            example="the China Daily",
            id="outlet-name-with-more-words",
        ),
        Mistake(
            _part_of_outlet,
            "That is only part of the name. The outlet's name is every word that comes after "
            "\"Originally published at\" on the last line.",
            example="Daily",
            id="outlet-part-of-the-name",
        ),
        Mistake(
            lambda a: is_near_miss(a, _outlet().casefold()),
            "Almost: check the spelling, letter by letter, against the article's last line "
            "(the output of `lines[-1]` above), or take the name from that line by code.",
            example="China Dialy",
            id="outlet-misspelled",
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
            id="characters-counted-lines",
        ),
        Mistake(
            lambda a: a == len(load_raw_article().split()),
            "That is the number of words (pieces between spaces), not of characters. "
            "Give `len` the text itself, not a list of its words.",
            example=502,
            id="characters-counted-words",
        ),
        Mistake(
            lambda a: a == 300,
            "That is how many characters we printed as a first look, not the length of the whole article. "
            "Ask `len` for the length of all of `raw`.",
            example=300,
            id="characters-first-look-only",
        ),
        Mistake(
            lambda a: a == len("raw"),
            "That is the length of the word \"raw\" itself: with quotation marks around it, `\"raw\"` is "
            "just three letters. Without quotation marks, `raw` is the variable that holds the article.",
            example=3,
            id="characters-of-the-word-raw",
        ),
    ],
)

_TYPED_BY_HAND = (
    "You typed the answer yourself. The task asks Python to work it out, so that the "
    "answer comes from the article: write the test with `in`, with the word to look for (between "
    "quotation marks) on its left and the article on its right, and store what it gives."
)

q3 = TaskExercise(
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
            id="wuzhen-small-w-or-quoted-raw",
        ),
    ],
    rules=[computed(_TYPED_BY_HAND)],
    slips=[
        computed(_TYPED_BY_HAND),
        answer_slip(
            "wuzhen-gave-a-number",
            is_number,
            "Your answer is a number: `.find()` and `.count()` give a position or a count, not True or False. "
            "The task asks Python to answer with `in`, which gives True or False: put the word to look for "
            "(between quotation marks) on the left of `in` and the article on its right.",
        ),
    ],
)

def _picked_line(code: CheckedCode | None) -> int | None:
    """Return the position N of `something[N]` when the cell made the answer that way (else None).

    >>> import ast
    >>> _picked_line(CheckedCode(ast.parse("raw.splitlines()[2]", mode="eval").body, {}))
    2
    """
    expression = None if code is None else code.expression
    if isinstance(expression, ast.Subscript) and isinstance(expression.slice, ast.Constant):
        position = expression.slice.value
        return position if type(position) is int else None
    return None


def _another_line_with_the_same_text(answer: object, code: CheckedCode | None) -> tuple[str, str] | None:
    """Return a message when the cell picked another line than the first that holds the same text.

    Our copy repeats its headline, so `lines[2]` holds the first line's text too.
    """
    position = _picked_line(code)
    if position is None or position in (0, -len(_lines())):
        return None
    return "first-line-another-line-same-text", (
        f"Your text is right, but `[{position}]` does not pick the first line: our copy repeats the headline "
        "further down, so that line happens to hold the same text. Python counts the items of a list from 0: "
        "pick the first item."
    )


_another_line_with_the_same_text.mistake_ids = ("first-line-another-line-same-text",)  # type: ignore[attr-defined]

q4 = TaskExercise(
    4,
    "Take the first line",
    expected=_headline,
    kind="text",
    hints=[
        "`raw.splitlines()` cuts the article at its line breaks and gives a list of lines: store it in `all_lines`.",
        "You took the last line with `[-1]` earlier. Square brackets with a number pick one item of a list.",
        "Python counts the items of a list from 0, not from 1.",
    ],
    solution="all_lines = raw.splitlines()\nfirst_line = all_lines[0]",
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
            id="first-line-counted-from-1",
        ),
        Mistake(
            lambda a: a == " ".join(_lines()[-1].split()).casefold(),
            "That is the last line. `[-1]` picks the last item of a list; the first item has another number.",
            example="Originally published at China Daily",
            id="first-line-took-the-last-line",
        ),
        Mistake(
            _is_part_of_first_line,
            "That is only the start of the first line. A line ends at a line break, not after a fixed "
            "number of characters: take a whole line from `raw.splitlines()`.",
            example="Wuzhen Summit develops consensus on critical issues",
            id="first-line-cut-short",
        ),
        Mistake(
            _goes_past_first_line,
            "Your text starts with the first line but goes on past its end. "
            "Take one whole line from `raw.splitlines()`, as it is, with nothing added.",
            example="Wuzhen Summit develops consensus on critical issues like digital cooperation, "
            "innovation and security management\n\nWuzhen Summit develops consensus",
            id="first-line-goes-past-its-end",
        ),
    ],
    rules=[exact(_headline, "the first line"), _another_line_with_the_same_text],
)

#: Exercise 5: the broken line a classmate wrote to count a word, and the word it meant to count.
_BROKEN_COUNT_CODE = "n_summit = raw.count(Summit)"
_WORD_TO_COUNT = "Summit"


_COUNT_TYPED_BY_HAND = (
    "You typed a number yourself. The task asks you to repair the classmate's line, so that Python "
    "counts: keep `raw.count(...)`, and change only what the error message points at."
)

q5 = TaskExercise(
    5,
    "Repair the broken count",
    expected=lambda: load_raw_article().count(_WORD_TO_COUNT),
    kind="number",
    hints=[
        "Read the last line of the error message: which name does Python say it does not know?",
        "Python reads a word without quotation marks as the name of a variable. "
        "The classmate meant a piece of text, not a variable.",
        "A piece of text goes between quotation marks, written exactly as the task writes it, "
        "with its capital letter.",
    ],
    solution=f'n_summit = raw.count("{_WORD_TO_COUNT}")',
    explanation=(
        "Without quotation marks, Python reads `Summit` as the name of a variable, and no variable has that "
        "name: that is what `NameError: name 'Summit' is not defined` says. With quotation marks, "
        "`\"Summit\"` is a piece of text, and `raw.count(\"Summit\")` counts how many times it occurs in the "
        "article. Capital letters count: \"summit\" with a small s is another piece of text. "
        "The count is for our copy as received, with its repeated headlines; notebook 01 cleans them."
    ),
    mistakes=[
        Mistake(
            lambda a: a == load_raw_article().casefold().count(_WORD_TO_COUNT.casefold()),
            "You counted the word with capital and small letters alike. The task asks for \"Summit\" "
            "written exactly as it is, with a capital S: count it in `raw` itself, as the classmate meant to.",
            example=12,
            id="summit-ignored-case",
        ),
        Mistake(
            lambda a: a == load_raw_article().count(_WORD_TO_COUNT.lower()),
            "You counted \"summit\" with a small s. Python treats \"S\" and \"s\" as different letters: "
            "write the word exactly as the task does.",
            example=3,
            id="summit-small-s",
        ),
        Mistake(
            lambda a: a == 0,
            "Your count found nothing. Check the text between the quotation marks letter by letter against "
            "the task (capital S, no space), and check that you count in `raw`, without quotation marks around it.",
            example=0,
            id="summit-found-nothing",
        ),
    ],
    rules=[computed(_COUNT_TYPED_BY_HAND)],
    slips=[computed(_COUNT_TYPED_BY_HAND)],
)


def _last_cell_result(cells: tuple[tuple[int, str], ...]) -> object:
    """Return what the last cell on the page showed, running the cells in the order of their numbers.

    Each cell is (its number in brackets, its code). The last cell on the page is an expression:
    Jupyter shows its result under it. Only the cells whose numbers come before its own had run then.

    >>> _last_cell_result(((2, "x = 1"), (3, "x = 5"), (1, "x = 7"), (4, "x + 1")))
    6
    """
    *earlier_on_page, (shown_at, shown_code) = cells
    names: dict[str, object] = {}
    for count, code in sorted(earlier_on_page):
        if count < shown_at:
            exec(code, {}, names)
    return eval(shown_code, {}, names)


def _shown_result() -> object:
    """Return what the last of the classmate's cells (_RUN_ORDER_CELLS) showed under it.

    >>> isinstance(_shown_result(), int)
    True
    """
    return _last_cell_result(_RUN_ORDER_CELLS)


def _result_read_top_to_bottom() -> object:
    """Return what the last cell would show if the cells had run from top to bottom of the page.

    >>> _result_read_top_to_bottom() != _shown_result()
    True
    """
    in_page_order = tuple((position, code) for position, (_, code) in enumerate(_RUN_ORDER_CELLS, start=1))
    return _last_cell_result(in_page_order)


def _values_assigned() -> set[int]:
    """Return the values that the classmate's cells store in `number`.

    >>> len(_values_assigned())
    2
    """
    return {int(code.split("=")[1]) for _, code in _RUN_ORDER_CELLS if "=" in code}


def _error_name() -> str:
    """Return the name of the error Python raises when it runs _MISSPELLED_CODE with `raw` = the article.

    >>> _error_name().endswith("Error")
    True
    """
    try:
        exec(_MISSPELLED_CODE, {"raw": load_raw_article()})
    except Exception as error:
        return type(error).__name__
    raise ValueError(f"{_MISSPELLED_CODE!r} should make Python stop with an error, but it ran without one.")


def _part_of_error_name(answer: str) -> bool:
    """Return True if answer is a piece of the error's name, its start or its end, but not all of it.

    >>> _part_of_error_name("error"), _part_of_error_name(_error_name().casefold())
    (True, False)
    """
    name = _error_name().casefold()
    return 3 <= len(answer) < len(name) and (name.startswith(answer) or name.endswith(answer))


def _output_folder() -> str:
    """Return the name of the folder that helpers.output_path points into.

    >>> _output_folder() == OUTPUT_DIR.name
    True
    """
    return OUTPUT_DIR.name


def _path_ending_in_output_folder(answer: str) -> bool:
    """Return True if answer is a path of several parts whose last part is the output folder's name.

    >>> folder = _output_folder()
    >>> _path_ending_in_output_folder("project/" + folder), _path_ending_in_output_folder(folder + "/")
    (True, False)
    """
    parts = answer.replace("\\", "/").rstrip("/").split("/")
    return len(parts) > 1 and parts[-1] == _output_folder().casefold()


q6 = PredictThenRun(
    6,
    "Predict what the cell showed",
    expected=_shown_result,
    kind="number",
    answer_type="a whole number",
    hints=[
        "The numbers in brackets count the runs: the cell marked [1] ran first, then [2], then [3], "
        "wherever they stand on the page.",
        "Go through the cells in the order of their numbers, not from top to bottom, and note what "
        "`number` holds after each one.",
        "When the cell marked [2] ran, only the cell marked [1] had run before it. "
        "The cell marked [3] ran later: it cannot change a result that was already shown.",
    ],
    solution="prediction = 30",
    explanation=(
        "The numbers in brackets give the order in which the cells ran: first `number = 3` (marked [1]), "
        "then `number * 10` (marked [2]), which showed 30 under it; `number = 4` (marked [3]) ran last, "
        "after that result had been shown. Replaying the runs in the order of their numbers shows it. "
        "Reading from top to bottom gives 40, which this cell never showed. Run it again now and it would "
        "show 40: that is why a notebook whose numbers are out of order is confusing, and why "
        "Restart Kernel and Run All Cells helps."
    ),
    mistakes=[
        Mistake(
            lambda a: a == _result_read_top_to_bottom(),
            "You read the cells from top to bottom. The numbers in brackets give the order in which they "
            "ran: follow them, and find what `number` held when the cell `number * 10` ran.",
            example=40,
            id="run-order-top-to-bottom",
        ),
        Mistake(
            lambda a: a in _values_assigned(),
            "That is a value of `number`. The question asks what the cell `number * 10` showed: "
            "its result, not the value of `number` itself.",
            example=4,
            id="run-order-value-of-number",
        ),
        Mistake(
            lambda a: a in {20, 50},
            "That is what `number * 10` gives with this notebook's own `number` (2, or 5 if you changed it). "
            "The question is about the classmate's three cells shown above the exercise: follow their numbers.",
            example=20,
            id="run-order-own-notebooks-number",
        ),
    ],
)

q7 = Exercise(
    7,
    "Name the error",
    expected=_error_name,
    kind="text",
    hints=[
        "Read the last line of the message first, not the first line.",
        "The last line has two parts, split by a colon: first the name of the kind of error, "
        "then what went wrong.",
        "Copy the word before the colon exactly as it is written (one word, with no space), "
        "between quotation marks.",
    ],
    solution='error_name = "AttributeError"',
    explanation=(
        "The last line of an error message starts with the name of the kind of error, before the colon: "
        "here AttributeError. After the colon Python says what went wrong: a text (a `str`) has no "
        "method called `splitline`. What to do next: correct the spelling to `splitlines`, the method "
        "you used in exercise 4, and run the cell again."
    ),
    mistakes=[
        Mistake(
            lambda a: a.startswith(_error_name().casefold() + ":"),
            "Keep only the name of the error: the word before the colon, without the colon and without "
            "the words after it.",
            example="AttributeError: 'str' object has no attribute 'splitline'",
            id="error-name-whole-last-line",
        ),
        Mistake(
            lambda a: a.startswith("traceback"),
            "\"Traceback (most recent call last)\" stands in every error message: it is the heading over "
            "the steps that led to the error. The name of the error starts the message's last line.",
            example="Traceback",
            id="error-name-traceback",
        ),
        Mistake(
            lambda a: _letters_only(a) == _letters_only(_MISSPELLED_CODE),
            "That is the line of code that failed: the arrow ----> points at it. "
            "The name of the error is on the message's last line.",
            example=_MISSPELLED_CODE,
            id="error-name-line-of-code",
        ),
        Mistake(
            lambda a: _letters_only(_MISSPELLED_NAME) in _letters_only(a),
            "That is the name of the method the code called (misspelled, which caused the error), "
            "not the name of the error. Look at the word the message's last line starts with.",
            example=_MISSPELLED_NAME,
            id="error-name-method-name",
        ),
        Mistake(
            lambda a: a == "nameerror",
            "That is the error in the example with `raww` above. This message shows another kind of "
            "error: read its own last line.",
            example="NameError",
            id="error-name-earlier-nameerror",
        ),
        Mistake(
            lambda a: _letters_only(a) != _letters_only(_error_name())
            and edit_distance(_letters_only(a), _letters_only(_error_name()), limit=2) <= 2,
            "Almost: check the spelling, letter by letter, against the word before the colon on the "
            "message's last line.",
            example="AtributeError",
            id="error-name-misspelled",
        ),
        Mistake(
            _part_of_error_name,
            "That is only part of the name. The name of the error is the whole word before the colon on the "
            "message's last line: copy all of it.",
            example="Attribute",
            id="error-name-part-of-the-name",
        ),
        Mistake(
            lambda a: a.endswith("error") and " " not in a and a != "error",
            "That is another kind of error than the one in this message. Read the message's last line "
            "again, and copy the word before the colon.",
            example="TypeError",
            id="error-name-another-error",
        ),
        Mistake(
            lambda a: _letters_only(a) in {"str", "strobject"},
            "`str` is the kind of value the code worked on (a piece of text), not the kind of error. "
            "The name of the error is the word before the colon.",
            example="str",
            id="error-name-str",
        ),
        Mistake(
            lambda a: a != _error_name().casefold() and _letters_only(a) == _letters_only(_error_name()),
            "Almost: write the name exactly as the message does, as one word, with no space and no "
            "other marks.",
            example="Attribute Error",
            id="error-name-with-a-space",
        ),
    ],
)

q8 = TaskExercise(
    8,
    "Find the output folder",
    expected=_output_folder,
    kind="text",
    answer_type="the folder's name as a piece of text (str)",
    hints=[
        "`helpers.output_path(\"my-notes.txt\")` gives the path of a file: the place where a file of "
        "that name goes. It does not write the file.",
        "A path's `.parent` is the folder that holds the file, and a path's `.name` is its last part, "
        "without the folders above it, as `notes_file.name` showed above.",
        "Chain them on the path: first `.parent`, then `.name`. (You can also find the note saved above "
        "in the file browser, and type the name of its folder between quotation marks.)",
    ],
    solution='my_notes = helpers.output_path("my-notes.txt")\nnotes_folder = my_notes.parent.name',
    explanation=(
        "`helpers.output_path(\"my-notes.txt\")` gives a path inside the `output/` folder at the top of "
        "the collection; `.parent` is that folder and `.name` its name, output. Everything your code "
        "writes goes there, never into `data/`, which is only read. On Binder the folder is deleted "
        "with the session: download the files you want to keep."
    ),
    mistakes=[
        Mistake(
            _path_ending_in_output_folder,
            "That is a path with folders above the one asked for. Keep only its last part, "
            "the folder's own name: a path's `.name` gives it.",
            example="wuzhen-notebooks/output",
            id="output-folder-whole-path",
        ),
        Mistake(
            lambda a: a.endswith(".txt"),
            "That names the file, not the folder that holds it. A path's `.parent` is that folder, "
            "and `.name` gives the folder's own name.",
            example="my-notes.txt",
            id="output-folder-file-name",
        ),
        Mistake(
            lambda a: _letters_only(a) == "data",
            "The `data/` folder holds the article and the tables, and the notebooks only ever read it: "
            "nothing is written there. Ask `helpers.output_path` where it points.",
            example="data",
            id="output-folder-data",
        ),
        Mistake(
            lambda a: _letters_only(a) in {"notebooks", "solutions", "notebookssolutions"},
            "The notebooks live in that folder, but files your code writes are kept apart from them, "
            "in a folder of their own at the top of the collection. Ask `helpers.output_path` where it points.",
            example="notebooks",
            id="output-folder-notebooks",
        ),
        Mistake(
            lambda a: a != _output_folder().casefold() and _letters_only(a) == _letters_only(_output_folder()),
            "Almost: give just the folder's name, as text, without a slash or other marks around it.",
            example="output/",
            id="output-folder-extra-marks",
        ),
        Mistake(
            lambda a: a != _output_folder().casefold() and _output_folder().casefold() in a.split(),
            "Your text holds the folder's name, but with more words around it. Give just the folder's own "
            "name, one word, as a path's `.name` gives it.",
            example="the output folder",
            id="output-folder-more-words",
        ),
    ],
    slips=[
        answer_slip(
            "output-folder-path-of-the-file",
            lambda a: isinstance(a, PurePath) and a.suffix != "",
            "That is the path of the file, not the name of its folder, and a path is not text. A path's "
            "`.parent` is the folder that holds the file, and a path's `.name` gives a name as text.",
        ),
        answer_slip(
            "output-folder-path-not-text",
            lambda a: isinstance(a, PurePath),
            "That is a path, not text. A path's `.name` gives its last part, the folder's own name, as text.",
        ),
    ],
)


#: Exercise 9: the file the student writes, and the note the notebook itself saves just before (not theirs).
NOTE_FILE_NAME = "my-notes.txt"
_DEMO_NOTE = "My first look at the article: the headline appears more than once.\n"
_MODEL_NOTE = "Our copy of the article names no author and gives no date."
_FEWEST_WORDS = 3  # a sentence of one's own has a few words at least


def _words_of(text: str) -> list[str]:
    """Return the pieces of text between spaces that hold a letter or a digit.

    >>> _words_of("Our copy ... has   no date!")
    ['Our', 'copy', 'has', 'no', 'date!']
    """
    return [word for word in text.split() if any(character.isalnum() for character in word)]


def _is_demo_note(note: str) -> bool:
    """Return True if note is the notebook's own note (the cell above the exercise writes it), case and spaces aside.

    >>> _is_demo_note("  my first look at the article: the headline appears more than once."), _is_demo_note("Mine.")
    (True, False)
    """
    return " ".join(note.split()).casefold() == " ".join(_DEMO_NOTE.split()).casefold()


def _word_run(text: str) -> str:
    """Return the words of text, in lower case and apart from their marks, with one space between them.

    >>> _word_run("  Ren said: “Cooperation is the key.”")
    ' ren said cooperation is the key '
    """
    words = re.findall(r"[^\W_]+(?:['’][^\W_]+)*", text.casefold())
    return " " + " ".join(word.replace("’", "'") for word in words) + " "


def _is_from_the_article(note: str) -> bool:
    """Return True if the note is copied from the article: its words, in order, are a run of the article's words.

    The headline, a sentence, the trailer line or a piece of one, whatever its marks and capitals.

    >>> _is_from_the_article(load_raw_article().splitlines()[0]), _is_from_the_article("cooperation is the key")
    (True, True)
    >>> _is_from_the_article("Our copy of the article names no author and gives no date.")
    False
    """
    words = _word_run(note)
    return words.strip() != "" and words in _word_run(load_raw_article())


#: A note that takes this many words in a row from the article copies it, whatever it adds around them.
_LONGEST_COPIED_RUN = 8


def _plain_words(text: str) -> list[str]:
    """Return the words of text as the notebook counts them (cut at spaces), in lower case, without their marks.

    >>> _plain_words("The summit drew over 2,100 people — “Cooperation!”")
    ['the', 'summit', 'drew', 'over', '2,100', 'people', 'cooperation']
    """
    words = (word.strip("".join(set(word) - set(_alnum_of(word)))) for word in text.casefold().split())
    return [word.replace("’", "'") for word in words if word]


def _alnum_of(word: str) -> str:
    """Return the letters and digits of word.

    >>> _alnum_of("“it’s,")
    'its'
    """
    return "".join(character for character in word if character.isalnum())


def _copies_a_long_run(note: str) -> bool:
    """Return True if the note takes at least _LONGEST_COPIED_RUN words in a row from the article.

    >>> _copies_a_long_run("The summit attracted over 2,100 participants from more than 120 countries and regions.")
    True
    >>> _copies_a_long_run("Our copy of the article names no author and gives no date.")
    False
    """
    words = _plain_words(note)
    article = " " + " ".join(_plain_words(load_raw_article())) + " "
    return any(" " + " ".join(words[start:start + _LONGEST_COPIED_RUN]) + " " in article
               for start in range(len(words) - _LONGEST_COPIED_RUN + 1))


def _note_file_text() -> str | None:
    """Return the text of output/my-notes.txt, or None when there is no such file (or it cannot be read)."""
    try:
        return (OUTPUT_DIR / NOTE_FILE_NAME).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


#: What the check of Exercise 9 says about `saved` and the file, by mistake id (the class report keeps the ids).
_NOTE_STEPS = {
    "note-file-missing": (
        "There is no file my-notes.txt in the output/ folder yet, so nothing was saved. The second step stores "
        "the file's place in `my_file` with `helpers.output_path`, as the cell that saves the notebook's own "
        "note does; the third writes `my_note` into it with the path's `.write_text` method. Check both, then "
        "run the cell again."
    ),
    "note-file-differs": (
        "The file output/my-notes.txt does not hold your note `my_note` (perhaps it holds an older note). Write "
        "`my_note` into `my_file` with `.write_text(...)` again, after the line that stores your note, then read "
        "the file back and run the cell again."
    ),
    "note-not-read-back": (
        "Your note is in the file, but `saved` does not hold what the file holds, read back from it. The last "
        "step reads the file back with the path's `.read_text` method, after the line that writes the file; "
        "`ex.q9.hint(3)` says how."
    ),
    "note-saved-is-my-note": (
        "`saved` is `my_note` itself, not the file read back. The last step reads the file, so that you see "
        "what was really saved: it uses the path's `.read_text` method."
    ),
    "note-saved-a-count": (
        "`saved` holds a number: how many characters `.write_text(...)` wrote, which it gives back. The last "
        "step reads the file back instead, with the path's `.read_text` method, which gives its text."
    ),
    "note-saved-a-path": (
        "`saved` holds a path, the place of the file, not the text in it. The path's `.read_text` method gives "
        "the text the file holds: that is what `saved` should hold."
    ),
    "note-saved-not-text": (
        "`saved` should hold text: what the file my-notes.txt holds, as the path's `.read_text` method gives it "
        "back. Read the file back and run the cell again."
    ),
    "note-not-text": (
        "`my_note` should be text: one sentence of your own about the article, between quotation marks, "
        "such as `my_note = \"...\"` with your words in place of the dots."
    ),
}


#: Exercise 9's steps after the note, in order: the name each stores, and what to write when it still holds `...`.
_LATER_STEPS = (
    ("my_file", "so no file was written. The second step stores the place of the file my-notes.txt in "
                "`my_file` with `helpers.output_path`, as the cell that saves the notebook's own note does."),
    ("characters_written", "so your note is not in the file yet. The third step writes `my_note` into "
                           "`my_file` with the path's `.write_text` method."),
    ("saved", "so the file is not read back yet. The last step reads the file back with the path's "
              "`.read_text` method, after the line that writes it."),
)


def _unwritten_later_step(code: CheckedCode | None) -> str | None:
    """Return the message for the first step after the note whose name still holds `...`, or None.

    A step counts when the cell still writes it as `name = ...` (_support.unwritten_steps): a student who wrote
    the file without storing the count has no `characters_written` line to finish.

    >>> cell = ast.parse("my_note = 'A note of mine.'\\nmy_file = ...\\nsaved = ...")
    >>> print(_unwritten_later_step(CheckedCode(None, {"my_file": ..., "saved": ...}, cell))[:46])
    Not finished yet: `my_file` still holds `...`,
    >>> _unwritten_later_step(CheckedCode(None, {"my_file": ...}, ast.parse("x = 1"))) is None
    True
    """
    missing = unwritten_steps(code)
    for name, rest in _LATER_STEPS:
        if name in missing:
            return (f"Not finished yet: `{name}` still holds `...`, {rest} Write that step (replace its `...`), "
                    "then run the cell again.")
    return None


def _other_file(code: CheckedCode | None) -> str | None:
    """Return a message when the notebook's `my_file` is the path of another file than output/my-notes.txt.

    None when `my_file` is that file, is not a path (not written yet), or the cell is not a notebook's.

    >>> _other_file(CheckedCode(None, {"my_file": OUTPUT_DIR / NOTE_FILE_NAME})) is None
    True
    >>> print(_other_file(CheckedCode(None, {"my_file": OUTPUT_DIR / "notes.txt"}))[:49])
    `my_file` is the path of output/notes.txt, not of
    """
    my_file = None if code is None else code.names.get("my_file")
    if not isinstance(my_file, PurePath):
        return None
    try:
        given, folder = Path(my_file).resolve(), Path(OUTPUT_DIR).resolve()
    except (OSError, RuntimeError, ValueError):
        return None
    if given == folder / NOTE_FILE_NAME:
        return None
    if given.parent == folder:
        which = f"output/{given.name}"
    elif given.name == NOTE_FILE_NAME:
        which = f"a file {NOTE_FILE_NAME} in another folder than output/"
    else:
        which = f"a file called {given.name} outside the output/ folder"
    demo = code.names.get("notes_file")
    if isinstance(demo, PurePath) and Path(demo) == Path(my_file):
        which += ", the file the notebook's own cell saved"
    return (
        f"`my_file` is the path of {which}, not of my-notes.txt in the output/ folder, so your note went into "
        "another file. The second step stores the place of my-notes.txt in `my_file` with "
        "`helpers.output_path`, as the cell that saves the notebook's own note does. Change that line, then run "
        "the whole cell again."
    )


class _SavedNote(TwoParts):
    """Exercise 9: a note of the student's own, written to output/my-notes.txt and read back.

    `ex.q9.check(my_note, saved)`: the note is right when it is a sentence of the student's own (not
    empty, not the notebook's own note); the whole is right when output/my-notes.txt holds the note and
    `saved` is the file's text read back. Each step that is missing gets its own message.
    evaluate(note) alone judges the note alone (the audit uses it, as PredictAndRun's does).
    """

    parts = ("my_note", "saved")
    task_mistake_ids = ("answer-is-none", *_NOTE_STEPS, "note-another-file")

    def judge(self, answer: Any, reference: Read) -> Verdict:
        if not isinstance(answer, Pair):
            return self._judge_note(answer)
        note, saved = answer.first, answer.second
        if note is Ellipsis:
            return Verdict(NOT_ATTEMPTED, authored(
                "You have not written your note yet: replace `...` in `my_note = ...` with a sentence of your "
                "own about the article, between quotation marks, then do the steps under it and run the cell. "
                "Stuck? `ex.q9.hint()` gives a first hint."))
        if note is None:
            return Verdict(NOT_YET_RIGHT, NONE_MESSAGE, "answer-is-none")
        verdict = self._judge_note(note)
        if verdict.status != CORRECT:
            return verdict
        code = checked_code()
        another = _other_file(code)  # None when `my_file` is not a path yet
        if another is not None:
            return Verdict(NOT_YET_RIGHT, authored(another), "note-another-file")
        unwritten = _unwritten_later_step(code)
        if unwritten is not None:
            return Verdict(NOT_ATTEMPTED, authored(unwritten))
        in_file = _note_file_text()
        if in_file is None:
            return self._step("note-file-missing")
        if in_file.strip() != note.strip():  # a line break added at the end is no other note
            return self._step("note-file-differs")
        if saved is note:
            return self._step("note-saved-is-my-note")
        if isinstance(saved, str) and saved == in_file:
            return correct_verdict(self.name)
        if saved is Ellipsis or isinstance(saved, str):
            return self._step("note-not-read-back")
        if saved is None:
            return Verdict(NOT_YET_RIGHT, NONE_MESSAGE, "answer-is-none")
        if is_number(saved):
            return self._step("note-saved-a-count")
        if isinstance(saved, PurePath):
            return self._step("note-saved-a-path")
        return self._step("note-saved-not-text")

    def _judge_note(self, note: Any) -> Verdict:
        if not isinstance(note, str):
            return Verdict(NOT_YET_RIGHT, authored(_NOTE_STEPS["note-not-text"]), "note-not-text")
        for mistake in self.mistakes:
            if mistake.matches(note):
                return Verdict(NOT_YET_RIGHT, authored(mistake.message), mistake.id)
        return correct_verdict(self.name)

    @staticmethod
    def _step(mistake: str) -> Verdict:
        return Verdict(NOT_YET_RIGHT, authored(_NOTE_STEPS[mistake]), mistake)


q9 = _SavedNote(
    9,
    "Save a note of your own",
    expected=lambda: _MODEL_NOTE,
    kind="text",
    answer_type="a sentence of your own about the article, saved in output/my-notes.txt and read back",
    hints=[
        "Four steps, one per line: your sentence in `my_note`; the place for the file in `my_file`, from "
        "`helpers.output_path(...)`, as in the cell that saves the notebook's own note; writing; reading back.",
        "`my_file.write_text(...)` takes the text to write, then `encoding=\"utf-8\"`. It gives back a number "
        "(the characters it wrote): store it in `characters_written`.",
        "Reading back is a method of the same path, `.read_text`, with `encoding=\"utf-8\"` between its "
        "brackets. Store what it gives in `saved`.",
    ],
    solution=(
        f'my_note = "{_MODEL_NOTE}"\n'
        f'my_file = helpers.output_path("{NOTE_FILE_NAME}")\n'
        'characters_written = my_file.write_text(my_note, encoding="utf-8")\n'
        'saved = my_file.read_text(encoding="utf-8")'
    ),
    explanation=(
        "`helpers.output_path(\"my-notes.txt\")` gives the place for the file inside `output/`; "
        "`.write_text(...)` writes the note there (replacing what the file held before) and gives back how "
        "many characters it wrote; `.read_text(...)` gives back what the file now holds, which is your note. "
        "Any sentence of your own about the article is right. Running the cell again writes the file again: "
        "nothing is added twice. You find the file in the `output/` folder of the file browser; on Binder, "
        "download it before you leave."
    ),
    mistakes=[
        Mistake(
            lambda a: not a.strip(),
            "Your note is empty. Write a sentence of your own about the article between the quotation marks "
            "of `my_note = \"...\"`, then run the cell again.",
            example="",
            id="note-empty",
        ),
        Mistake(
            _is_demo_note,
            "That is the notebook's own note, the one the cell above saved. Write a sentence of your own "
            "about the article: something you noticed, or a question you have.",
            example=_DEMO_NOTE,
            id="note-notebook-demo",
        ),
        Mistake(
            lambda a: len(_words_of(a)) < _FEWEST_WORDS,
            "Your note is very short. Write a whole sentence of your own about the article, a few words at "
            "least, between the quotation marks of `my_note = \"...\"`.",
            example="Wuzhen",
            id="note-too-short",
        ),
        Mistake(
            _is_from_the_article,
            "Those words are copied from the article. Your note should be a sentence in your own words about "
            "the article: something you noticed, or a question you have.",
            example="Cooperation is the key to successfully addressing cyber challenges in the digital era.",
            id="note-copied-from-article",
        ),
        Mistake(
            _copies_a_long_run,
            "Your note copies a long piece of the article word for word (eight words or more in a row), so it "
            "is not yet your own. Say what you noticed in your own words, taking at most a few words from the "
            "article.",
            example="In short, the summit attracted over 2,100 participants from more than 120 countries and regions.",
            id="note-copies-a-long-run",
        ),
    ],
)

EXERCISES = ExerciseSet("00-start-here", [q1, q2, q3, q4, q5, q6, q7, q8, q9])
progress = EXERCISES.progress

# What `ex.` offers in the notebook: the exercises and progress (nothing that computes an answer).
__all__ = ["EXERCISES", "progress", "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9"]
__getattr__ = EXERCISES.module_getattr  # ex.q99 and the like answer in plain words
__dir__ = module_dir(__all__)
