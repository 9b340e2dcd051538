"""Exercises for notebook 04, The themes.

Every answer is worked out from the article and the themes table when a check needs it (never at
import time), with the same helpers the notebook uses, so the exercises and the notebook cannot
disagree.
"""

from __future__ import annotations

import ast
import re

from helpers.checking import ExerciseSet, LabelRows, Mistake
from helpers.data import load_article, load_raw_article, load_themes
from helpers.exercises._support import (
    CheckedCode,
    Keep,
    TaskExercise,
    answer_slip,
    exact,
    is_number,
    module_dir,
    near_miss_of_any,
    pattern_without_r,
    text_constants,
    with_mistake_id,
)
from helpers.text import split_paragraphs

# ---------------------------------------------------------------------------------------------
# Small functions that compute the answers (and the typical wrong answers) from the data
# ---------------------------------------------------------------------------------------------

#: The lens of the themes table that is not one of our four lenses (the phrases we tied to none of them).
_OTHER = "other"


def _paragraphs(raw: bool = False) -> list[str]:
    """Return the paragraphs of the cleaned article (index 0: headline), or of the raw file.

    >>> len(_paragraphs())
    13
    """
    return split_paragraphs(load_raw_article() if raw else load_article())


def _lexicon() -> dict[str, str]:
    """Return one pattern per lens (without "other"): its rows' keywords, each once, joined by |.

    >>> _lexicon()["cybersecurity governance"]
    'security|cybersecurity|governance'
    """
    themes = load_themes()
    patterns: dict[str, str] = {}
    for lens in themes["lens"].unique():
        if lens == _OTHER:
            continue
        keywords = " | ".join(themes.loc[themes["lens"] == lens, "keywords"])
        patterns[lens] = "|".join(dict.fromkeys(keywords.split(" | ")))
    return patterns


def _paragraphs_with(pattern: str, raw: bool = False) -> list[int]:
    """Return the numbers of the paragraphs in which the pattern occurs (any case).

    >>> _paragraphs_with("Ren said")[:1]
    [4]
    """
    return [
        number
        for number, paragraph in enumerate(_paragraphs(raw))
        if re.search(pattern, paragraph, flags=re.IGNORECASE)
    ]


def _matches(pattern: str, raw: bool = False) -> int:
    """Return how many times the pattern matches in the cleaned article (or the raw file), any case.

    >>> _matches("cooperat", raw=True) > _matches("cooperat")
    True
    """
    text = load_raw_article() if raw else load_article()
    return len(re.findall(pattern, text, flags=re.IGNORECASE))


def _lens_paragraph_counts() -> dict[str, int]:
    """Return, for each of the four lenses, the number of paragraphs its pattern finds.

    >>> sorted(_lens_paragraph_counts()) == sorted(_lexicon())
    True
    """
    return {lens: len(_paragraphs_with(pattern)) for lens, pattern in _lexicon().items()}


def _lens_match_counts() -> dict[str, int]:
    """Return, for each of the four lenses, the number of matches of its pattern in the article.

    >>> all(n >= 1 for n in _lens_match_counts().values())
    True
    """
    return {lens: _matches(pattern) for lens, pattern in _lexicon().items()}


def _fewest(counts: dict[str, int]) -> str:
    """Return the key with the smallest value (the first one if several share it).

    >>> _fewest({"a": 3, "b": 1, "c": 1})
    'b'
    """
    return min(counts, key=counts.__getitem__)


def _both(first: str, second: str) -> list[int]:
    """Return the numbers of the paragraphs in which both lenses' patterns occur.

    >>> _both("digital economy", "digital economy") == _paragraphs_with(_lexicon()["digital economy"])
    True
    """
    patterns = _lexicon()
    second_paragraphs = set(_paragraphs_with(patterns[second]))
    return [n for n in _paragraphs_with(patterns[first]) if n in second_paragraphs]


def _fewest_rows() -> set[str]:
    """Return the lenses (of the four) that have the fewest rows in the themes table.

    >>> _fewest_rows() <= set(_lexicon())
    True
    """
    themes = load_themes()
    rows = themes.loc[themes["lens"] != _OTHER, "lens"].value_counts()
    return set(rows.index[rows == rows.min()])


_COOPERATION = "digital cooperation"
_CYBERSECURITY = "cybersecurity governance"
_DIVIDE = "digital divide"


# Variables the notebook makes and later cells need: a check says how to recover if one is replaced.
_KEEP_PARAGRAPHS = Keep(
    "paragraphs",
    lambda value: list(value) == _paragraphs(),
    "the cell with `paragraphs = helpers.split_paragraphs(article)` near the top of the notebook",
)
_KEEP_TAGS = Keep(
    "tags",
    lambda value: len(value) == len(_paragraphs()) and list(value.columns) == list(_lexicon()),
    "the cell with `tags = pd.DataFrame(...)`",
)

def _other_columns(answer: object, code: CheckedCode | None) -> str | None:
    """Return a message if the cell that runs the check names a lens the task does not ask about."""
    if code is None:
        return None
    named = {text for text in text_constants(code.cell) if text in _lexicon()}
    others = sorted(named - {_COOPERATION, _CYBERSECURITY})
    if not others:
        return None
    return (
        f"Your code uses the column \"{others[0]}\". The task asks about the paragraphs where "
        f"\"{_COOPERATION}\" and \"{_CYBERSECURITY}\" are both tagged: combine those two columns "
        "of `tags`. (With another pair, the count can happen to be the same, but it answers another question.)"
    )


# The rule above, with a stable mistake id for the class report (its message names the column used).
_ANOTHER_LENS = with_mistake_id(_other_columns, "used-another-lens-column")


# ---------------------------------------------------------------------------------------------
# Exercise 1: paragraphs, not mentions
# ---------------------------------------------------------------------------------------------

q1 = TaskExercise(
    1,
    "Count the paragraphs that mention cooperation",
    keeps=[_KEEP_PARAGRAPHS],
    slips=[pattern_without_r()],
    expected=lambda: len(_paragraphs_with("cooperat")),
    kind="number",
    answer_type="a whole number (how many paragraphs, 0 to 12, mention the pattern)",
    hints=[
        "Go through `paragraphs` and keep each paragraph in which "
        '`re.search("cooperat", paragraph, flags=re.IGNORECASE)` finds something.',
        'The cell above that lists the paragraphs mentioning "summit" does nearly all the work: '
        'copy its list comprehension and change the pattern to "cooperat".',
        "`len(...)` of that list counts the paragraphs. Each paragraph is counted once, "
        "however often it mentions cooperation.",
    ],
    solution=(
        'cooperation_paragraphs = [p for p in paragraphs if re.search("cooperat", p, flags=re.IGNORECASE)]\n'
        "n_cooperation = len(cooperation_paragraphs)"
    ),
    explanation=(
        "re.search asks one paragraph whether the pattern occurs in it at all, so each paragraph "
        "counts once, even when it mentions cooperation twice (paragraphs 4 and 6 do). The headline "
        "is paragraph 0 and counts as a paragraph too. re.findall over the whole article would count "
        "mentions instead, which is a different (larger) number."
    ),
    mistakes=[
        Mistake(
            lambda a: a in (_matches("cooperat"), len(_paragraphs_with("cooperat", raw=True))),
            "That looks like a count of mentions, not of paragraphs: re.findall over the whole "
            "article counts every mention, so a paragraph that mentions cooperation twice is counted "
            "twice. (Searching the raw file overcounts too: its headline appears three times.) Ask "
            "each paragraph of `paragraphs` once, with re.search, and count the paragraphs with a match.",
            example=7,
            id="cooperation-counted-mentions",
        ),
        Mistake(
            lambda a: a == _matches("cooperat", raw=True),
            "That counts every mention in the raw file, where the headline appears three times. "
            "Use the cleaned paragraphs in `paragraphs`, and count paragraphs rather than mentions.",
            example=9,
            id="cooperation-counted-raw-mentions",
        ),
        Mistake(
            lambda a: a == len([n for n in _paragraphs_with("cooperat") if n != 0]),
            "Almost: paragraph 0, the headline, is a paragraph too, and it mentions cooperation. "
            "Count all the paragraphs in `paragraphs`, from 0 to 12.",
            example=4,
            id="cooperation-without-headline",
        ),
        Mistake(
            lambda a: a == len(_paragraphs_with(_lexicon()[_COOPERATION])),
            "That is the number for the whole lexicon of the lens, with all its patterns. "
            'This exercise asks only about the pattern "cooperat".',
            example=8,
            id="cooperation-whole-lexicon",
        ),
        Mistake(
            lambda a: a == len(_paragraphs()),
            "That is the number of all the paragraphs. `len(...)` of a list with one True or False per "
            "paragraph counts every paragraph; keep only the paragraphs with a match (an `if` in the list), "
            "then count them.",
            example=13,
            id="cooperation-all-paragraphs",
        ),
        Mistake(
            lambda a: a == len([p for p in _paragraphs() if re.search("Cooperat", p)]),
            "Your search found only the paragraphs where the pattern is written with a capital C. The task says "
            "to ignore upper and lower case: give `re.search` the flag that does so, `flags=re.IGNORECASE`.",
            example=1,
            id="cooperation-case-counted",
        ),
    ],
)

# ---------------------------------------------------------------------------------------------
# Exercise 2: the student's own keywords, compared with the checked table (before it is shown)
# ---------------------------------------------------------------------------------------------

#: The two labels of Exercise 2: a paragraph is tagged with the digital divide, or not.
DIVIDE_LABELS = ("divide", "no")


def _checked_divide_paragraphs() -> set[int]:
    """Return the paragraphs in which the themes table (checked by a person) names a phrase of the lens.

    >>> _checked_divide_paragraphs() <= set(range(13))
    True
    """
    themes = load_themes()
    return set(themes.loc[themes["lens"] == _DIVIDE, "paragraph"])


def _checked_divide_labels() -> list[str]:
    """Return one label per paragraph (0 = headline): "divide" where the themes table reads the lens.

    >>> len(_checked_divide_labels())
    13
    """
    rows = _checked_divide_paragraphs()
    return [DIVIDE_LABELS[0] if n in rows else DIVIDE_LABELS[1] for n in range(len(_paragraphs()))]


def _tagged(answer: dict) -> set:
    """Return the rows of a labels answer (as a Mistake sees it) that are tagged "divide"."""
    return {row for row, label in answer.items() if label == ("text", DIVIDE_LABELS[0]) or label == DIVIDE_LABELS[0]}


q2 = LabelRows(
    2,
    "Tag the paragraphs with the digital divide, using keywords you choose",
    labels=DIVIDE_LABELS,
    expected=_checked_divide_labels,
    answer_type='one label per paragraph, in order: a list of 13 texts, each "divide" or "no"',
    hints=[
        'Start with a word that the lens\'s name gives you, such as "divide". Run the cell, then look at '
        "which paragraphs the check says disagree with the checked table.",
        "Print a paragraph the check names with `print(paragraphs[n])` (n is its number) and read it. Which of "
        "its words are about who can get and use digital technology?",
        "Add those words to `my_pattern`, each as a short stem (the beginning of a word), with `|` between "
        'them. Leave out words that stand in almost every paragraph, such as "digital".',
    ],
    solution=(
        'my_pattern = "divide|accessib|affordab|skills"\n'
        'my_divide = ["divide" if re.search(my_pattern, p, flags=re.IGNORECASE) else "no" for p in paragraphs]'
    ),
    explanation=(
        "The checked table reads the lens in two paragraphs: the debate topic \u201cdigital divide\u201d of "
        "paragraph 6, and the agreement of paragraph 3 (technologies more accessible and affordable, people\u2019s "
        "skills at using digital devices, a sharing system that benefits all), which never uses the words "
        "\u201cdigital divide\u201d. Reading paragraph 3 under this lens is the project's reading, not the "
        "article's words. Many patterns are right; what matters is that yours finds both and nothing else."
    ),
    mistakes=[
        Mistake(
            lambda a: _tagged(a) == {6},
            "Your pattern finds only the paragraph that names the digital divide. The checked table also reads "
            "the lens in a paragraph that never uses those words. Read the paragraphs your pattern does not tag: "
            "which one is about who can get and use digital technology? Add words from it to your pattern.",
            example=["no"] * 6 + ["divide"] + ["no"] * 6,
            id="divide-searched-its-name-only",
        ),
        Mistake(
            lambda a: len(_tagged(a)) >= 8,
            "Your pattern tags most of the paragraphs. A word that stands in almost every paragraph (such as "
            '"digital") cannot tell the paragraphs apart: take it out of your pattern, and keep words that are '
            "about the lens.",
            example=["divide"] * 13,
            id="divide-pattern-too-broad",
        ),
        Mistake(
            lambda a: len(a) == len(_paragraphs()) and not _tagged(a),
            "Your pattern tags no paragraph. Check each keyword against the article's spelling (a short stem "
            "such as \"afford\" is safer than a whole word), and give `re.search` the flag that ignores upper "
            "and lower case.",
            example=["no"] * 13,
            id="divide-pattern-found-nothing",
        ),
    ],
)

# ---------------------------------------------------------------------------------------------
# Exercise 3: the lens in the fewest paragraphs
# ---------------------------------------------------------------------------------------------

q3 = TaskExercise(
    3,
    "Find the lens tagged in the fewest paragraphs",
    keeps=[_KEEP_TAGS],
    expected=lambda: _fewest(_lens_paragraph_counts()),
    kind="text",
    answer_type="a piece of text: the name of one lens, exactly as in the columns of tags",
    hints=[
        "Each column of `tags` is one lens. True counts as 1 when added up, so the sum of a column "
        "is the number of paragraphs tagged with that lens.",
        "`tags.sum()` adds up every column at once and gives a Series: the lenses are its index, "
        "the numbers of paragraphs its values.",
        "A Series's `.idxmin()` gives the label (here: the lens) of its smallest value.",
    ],
    solution="lens_counts = tags.sum()\nfewest_lens = lens_counts.idxmin()",
    explanation=(
        "tags.sum() counts the paragraphs of each lens; idxmin() names the lens with the smallest "
        "count. No other lens has as few, so the answer is a single lens. Counting matches instead "
        "of paragraphs would give another lens: six of this lens's matches are in one paragraph "
        "(paragraph 3)."
    ),
    mistakes=[
        Mistake(
            lambda a: a == _fewest(_lens_match_counts()) and a != _fewest(_lens_paragraph_counts()),
            "That lens has the fewest matches (mentions) in the article, but the question counts "
            "paragraphs: one paragraph with many matches still counts once. Sum the True values "
            "of each column of `tags`.",
            example="cybersecurity governance",
            id="fewest-lens-by-matches",
        ),
        Mistake(
            lambda a: a in _fewest_rows() and a != _fewest(_lens_paragraph_counts()),
            "That lens has the fewest rows in the themes table (tied with others), but rows count the "
            "phrases the table names, not the paragraphs tagged with a lens. Sum the True values of "
            "each column of `tags` instead.",
            example="digital economy",
            id="fewest-lens-by-table-rows",
        ),
        Mistake(
            lambda a: a == max(_lens_paragraph_counts(), key=_lens_paragraph_counts().__getitem__),
            "That lens is tagged in the most paragraphs. The question asks for the fewest: "
            "use `.idxmin()`, not `.idxmax()`.",
            example="digital cooperation",
            id="fewest-lens-most-paragraphs",
        ),
        Mistake(
            lambda a: a == _OTHER,
            '"other" is not one of the four lenses: in the themes table it collects the phrases that we '
            "tied to none of them, and it is not a column of `tags`. Choose among the columns of `tags`.",
            example="other",
            id="fewest-lens-other",
        ),
        Mistake(
            lambda a: near_miss_of_any(a, _lexicon()),
            "That is not exactly one of the columns of `tags`: check the spelling, letter by letter, against "
            "the column names, or take the name by code with `.idxmin()` so that it cannot be misspelled.",
            example="digital devide",
            id="fewest-lens-misspelled",
        ),
        Mistake(
            lambda a: any(a != lens and (f" {lens} " in f" {a} " or f" {a} " in f" {lens} ") for lens in _lexicon()),
            "That is not exactly one of the columns of `tags`: it has a word more or a word less. Give the "
            "column's name as it is written, or take it by code with `.idxmin()`.",
            example="the digital divide",
            id="fewest-lens-more-or-fewer-words",
        ),
    ],
    rules=[exact(lambda: _fewest(_lens_paragraph_counts()), "the column's name in `tags`")],
    slips=[
        answer_slip(
            "fewest-lens-the-count",
            is_number,
            "Your answer is a number, but the question asks for the name of a lens. `.min()` gives the "
            "smallest value; `.idxmin()` gives its label in the index, here the lens.",
        ),
    ],
)

# ---------------------------------------------------------------------------------------------
# Exercise 4: two themes in the same paragraph
# ---------------------------------------------------------------------------------------------

q4 = TaskExercise(
    4,
    "Count the paragraphs where cooperation and cybersecurity governance meet",
    keeps=[_KEEP_TAGS],
    rules=[_ANOTHER_LENS],
    slips=[_ANOTHER_LENS],
    expected=lambda: len(_both(_COOPERATION, _CYBERSECURITY)),
    kind="number",
    answer_type="a whole number (how many paragraphs are tagged with both lenses)",
    hints=[
        'The columns `tags["digital cooperation"]` and `tags["cybersecurity governance"]` hold '
        "one True/False per paragraph.",
        "`&` combines two True/False columns: the result is True only where both are True.",
        "Add up the combined column with `.sum()` (and `int(...)` makes it a plain whole number).",
    ],
    solution=(
        'both = tags["digital cooperation"] & tags["cybersecurity governance"]\n'
        "n_both = int(both.sum())"
    ),
    explanation=(
        "& keeps only the paragraphs tagged with both lenses: the headline and paragraph "
        "1 (which repeat the same critical issues), the debate topics of paragraph 6 and the "
        "consensus of paragraph 7. | (or) would count the paragraphs tagged with either one."
    ),
    mistakes=[
        Mistake(
            lambda a: a in (len(_paragraphs_with(_lexicon()[_COOPERATION])),
                            len(_paragraphs_with(_lexicon()[_CYBERSECURITY]))),
            "That is the number of paragraphs for one of the two lenses on its own. The question "
            "asks for the paragraphs tagged with both: combine the two columns with `&`, then add up. "
            "(Python's `and` between two counts gives one of them, not a combination.)",
            example=8,
            id="both-lenses-one-lens-only",
        ),
        Mistake(
            lambda a: a == len(set(_paragraphs_with(_lexicon()[_COOPERATION]))
                               | set(_paragraphs_with(_lexicon()[_CYBERSECURITY]))),
            "That counts the paragraphs tagged with either lens (one or the other or both): that "
            "is `|`, which means or. The question asks for both at once: `&`, which means and.",
            example=9,
            id="both-lenses-either-one",
        ),
        Mistake(
            lambda a: a == len(_both(_COOPERATION, _DIVIDE)),
            "That is the pair of the example above: digital cooperation and the digital divide. This "
            'exercise asks about digital cooperation and "cybersecurity governance": change the second column.',
            example=1,
            id="both-lenses-example-pair",
        ),
        Mistake(
            lambda a: a == len(_paragraphs()),
            "That is the number of all the paragraphs. If you used `len(...)` on the combined column, it counts "
            "every row, True or False: `.sum()` counts only the True ones. (Adding the two lenses' counts does "
            "not work either: a paragraph tagged with both would count twice.)",
            example=13,
            id="both-lenses-all-paragraphs",
        ),
    ],
)

# ---------------------------------------------------------------------------------------------
# Exercise 5: a short pattern matches inside longer words
# ---------------------------------------------------------------------------------------------

q5 = TaskExercise(
    5,
    'Fix the count of "security" matches inside "cybersecurity"',
    slips=[pattern_without_r()],
    expected=lambda: _matches("security") - _matches(r"\bsecurity\b"),
    kind="number",
    answer_type="a whole number (how many matches of the pattern are part of a longer word)",
    hints=[
        "Look at the two numbers the broken cell shows. The second one, the matches of the word on its own, "
        'is 0: yet "security management" is in the headline. So its pattern finds nothing.',
        r"Inside ordinary quotation marks, Python reads `\b` as one special character (a backspace), not as "
        "a word boundary. The section on word boundaries above says what keeps the backslash as it is.",
        "Copy the lines of the broken cell into the exercise cell. Put the pattern with `\\b` on a line of its "
        "own, written as the section on word boundaries writes its patterns, and use it in place of the broken one.",
    ],
    solution=(
        'all_matches = len(re.findall("security", article, flags=re.IGNORECASE))\n'
        'word_pattern = r"\\bsecurity\\b"\n'
        'standalone = len(re.findall(word_pattern, article, flags=re.IGNORECASE))\n'
        "inside_cybersecurity = all_matches - standalone"
    ),
    explanation=(
        'The pattern "security" matches five times in the cleaned article: three times as the word '
        'on its own ("security management" in the headline and in paragraph 1, "security governance" '
        'in paragraph 7) and twice inside "cybersecurity" (paragraphs 6 and 10). Counting '
        're.findall("cybersecurity", ...) directly gives the same number.'
    ),
    mistakes=[
        Mistake(
            lambda a: a == _matches("security"),
            "That is what the broken cell gives: every match of \"security\", with nothing taken away, because "
            "its count of the word on its own is 0. A pattern with `\\b` needs an `r` before its quotation "
            "marks; fix that line, and the subtraction gives the matches inside the longer word.",
            example=5,
            id="inside-cybersecurity-every-match",
        ),
        Mistake(
            lambda a: a == _matches(r"\bsecurity\b"),
            'That is how often "security" stands as a word of its own. The question asks for the '
            'other matches: the ones that are part of "cybersecurity".',
            example=3,
            id="inside-cybersecurity-standalone-word",
        ),
        Mistake(
            lambda a: a == -(_matches("security") - _matches(r"\bsecurity\b")) and a < 0,
            "Your answer is below zero, and a count cannot be. You subtracted the other way round: "
            "take all the matches minus the matches of the word on its own.",
            example=-2,
            id="inside-cybersecurity-subtracted-backwards",
        ),
        Mistake(
            lambda a: a == _matches("security", raw=True),
            "That counts the raw file, where the headline appears three times. Use `article`, the "
            "cleaned text, and count only the matches inside the longer word.",
            example=7,
            id="inside-cybersecurity-raw-file",
        ),
    ],
)

# ---------------------------------------------------------------------------------------------
# Exercise 6: the lenses counted again without the headline
# ---------------------------------------------------------------------------------------------


def _counts_in(numbers: range, matches: bool = False) -> dict[str, int]:
    """Return, for each of the four lenses, how many of the given paragraphs it tags (or its matches in them).

    >>> _counts_in(range(13)) == _lens_paragraph_counts()
    True
    """
    paragraphs = _paragraphs()
    if matches:
        return {lens: sum(len(re.findall(pattern, paragraphs[n], flags=re.IGNORECASE)) for n in numbers)
                for lens, pattern in _lexicon().items()}
    return {lens: len([n for n in _paragraphs_with(pattern) if n in numbers]) for lens, pattern in _lexicon().items()}


def _body() -> range:
    """Return the numbers of the body paragraphs: all but paragraph 0, the headline.

    >>> list(_body())[:2]
    [1, 2]
    """
    return range(1, len(_paragraphs()))


def _row_of(number: int) -> dict[str, bool]:
    """Return one paragraph's tags: True or False for each of the four lenses.

    >>> sorted(_row_of(0)) == sorted(_lexicon())
    True
    """
    return {lens: number in _paragraphs_with(pattern) for lens, pattern in _lexicon().items()}


def _is_table(answer: object) -> bool:
    """Return True if answer is a pandas DataFrame (a whole table)."""
    return type(answer).__name__ == "DataFrame"


def _counts_as_a_table(answer: object, code: CheckedCode | None) -> tuple[str, str] | None:
    """Return (mistake id, message) when the answer is a table whose rows or columns are the lenses, or None.

    `.sum().to_frame()` gives one row per lens; `.to_frame().T` one column per lens; the rows of
    paragraphs are the table of Exercise 6's first step (another message names them).

    >>> import pandas as pd
    >>> counts = pd.Series({lens: 1 for lens in _lexicon()})
    >>> _counts_as_a_table(counts.to_frame(), None)[1][:57]
    'Your answer is a table with one row per lens, not the cou'
    >>> _counts_as_a_table(counts.to_frame().T, None)[1][:60]
    'Your answer is a table with one column per lens, not the cou'
    >>> _counts_as_a_table(pd.DataFrame({lens: [True] * 12 for lens in _lexicon()}), None) is None
    True
    """
    if not _is_table(answer) or len(answer) > 1000:
        return None
    lenses = set(_lexicon())
    if len(answer) and all(_is_flag(label) for label in answer.index):
        return "body-counts-true-and-false-counted", _TRUE_AND_FALSE_COUNTED
    if set(answer.index) == lenses:
        shape = "one row per lens"
    elif set(answer.columns) == lenses and not all(_is_flag(value) for value in answer.to_numpy().ravel()):
        shape = "one column per lens"
    else:
        return None
    return "body-counts-a-table-of-counts", (
        f"Your answer is a table with {shape}, not the counts themselves: `.to_frame()` (or a step like it) "
        "put the counts into a table. The task asks for one count per lens: keep the Series that `.sum()` "
        "gives, whose index names the lenses, and check that."
    )


_counts_as_a_table.mistake_ids = ("body-counts-true-and-false-counted", "body-counts-a-table-of-counts")  # type: ignore[attr-defined]


def _counted_true_and_false(answer: object) -> bool:
    """Return True if answer counts True and False values (`.value_counts()`): its labels are True or False.

    >>> import pandas as pd
    >>> _counted_true_and_false(pd.Series([True, False, True]).value_counts())
    True
    >>> _counted_true_and_false(pd.Series({lens: 1 for lens in _lexicon()}))
    False
    """
    if type(answer).__name__ != "Series" or len(answer) == 0 or len(answer) > 1000:
        return False
    return all(_is_flag(label) or (isinstance(label, tuple) and all(map(_is_flag, label))) for label in answer.index)


def _is_flag(value: object) -> bool:
    """Return True if value is True or False (numpy's too).

    >>> _is_flag(True), _is_flag(1)
    (True, False)
    """
    return type(value).__name__ in ("bool", "bool_")


_TRUE_AND_FALSE_COUNTED = (
    "Your answer counts how many paragraphs are True and how many are False (that is what `.value_counts()` "
    "gives), not how many are True for each lens. The task asks for one count per lens, with the lens names: "
    "add up each column of `body_tags` at once, as in Exercise 3."
)


def _is_bare_values(answer: object) -> bool:
    """Return True if answer is a list, a tuple or a numpy array: values without the lens names."""
    return isinstance(answer, (list, tuple)) or type(answer).__name__ == "ndarray"


def _dropped_paragraph_1(answer: object, code: CheckedCode | None) -> str | None:
    """Return a message if the cell that runs the check drops row 1 (paragraph 1) instead of row 0."""
    if code is None or code.cell is None:
        return None
    for node in ast.walk(code.cell):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "drop"
                and node.args and isinstance(node.args[0], ast.Constant) and node.args[0].value == 1):
            return (
                "Your numbers are right, but `.drop(1)` leaves out paragraph 1, not the headline: the counts "
                "come out the same only because paragraph 1 has the same tags as the headline. Paragraph 0 "
                "is the headline; leave out that row instead."
            )
    return None


# The rule above, with a stable mistake id for the class report.
_DROPPED_PARAGRAPH_1 = with_mistake_id(_dropped_paragraph_1, "body-counts-dropped-paragraph-1")


def _paragraph_list(numbers: list[int]) -> str:
    """Return paragraph numbers in words: "paragraph 12", "paragraphs 11 and 12", "paragraphs 0, 3 and 4".

    >>> _paragraph_list([12]), _paragraph_list([11, 12]), _paragraph_list([0, 3, 4])
    ('paragraph 12', 'paragraphs 11 and 12', 'paragraphs 0, 3 and 4')
    """
    if len(numbers) == 1:
        return f"paragraph {numbers[0]}"
    return "paragraphs " + ", ".join(str(n) for n in numbers[:-1]) + f" and {numbers[-1]}"


def _body_tags_not_the_body(answer: object, code: CheckedCode | None) -> tuple[str, str] | None:
    """Return (mistake id, message) when the counts are right but `body_tags` is not the body's rows, or None.

    Paragraphs 11 and 12 have no lens, so a slice that stops before them still gives the right counts.

    >>> import pandas as pd
    >>> tags = pd.DataFrame({"a": [True] * 13})
    >>> _body_tags_not_the_body(None, CheckedCode(None, {"body_tags": tags.loc[1:11]}))[0]
    'body-counts-rows-missing'
    >>> _body_tags_not_the_body(None, CheckedCode(None, {"body_tags": ...}))[0]
    'body-counts-body-tags-missing'
    >>> _body_tags_not_the_body(None, CheckedCode(None, {"body_tags": tags.loc[1:]})) is None
    True
    """
    if code is None or "body_tags" not in code.names:
        return None
    body_tags, body = code.names["body_tags"], list(_body())
    if body_tags is Ellipsis:
        return "body-counts-body-tags-missing", (
            "Your counts are right, but `body_tags` holds no rows yet. The task asks for one step per line: "
            "first `body_tags`, the rows of `tags` from paragraph 1 on; then `body_counts`, the counts of "
            "`body_tags`. Write that first step in place of its `...`, then run the cell again."
        )
    if not _is_table(body_tags):
        return "body-counts-body-tags-not-rows", (
            "Your counts are right, but `body_tags` is not a table of rows: it should hold the rows of `tags` "
            "from paragraph 1 on, one row per paragraph. Keep those rows with a slice, then run the cell again."
        )
    labels = list(body_tags.index)
    if labels != body:
        missing = [n for n in body if n not in labels]
        extra = sorted({n for n in labels if n not in body}, key=str)
        if missing and not extra:
            why = ("the counts agree only because our keywords tag no lens there" if all(
                not any(_row_of(n).values()) for n in missing) else "the counts happen to agree")
            return "body-counts-rows-missing", (
                f"Your counts are right, but `body_tags` leaves out {_paragraph_list(missing)}: {why}. The "
                "task asks for the body, paragraphs 1 to 12. A `.loc` slice keeps the row whose label ends it; "
                "an `.iloc` slice stops before the position that ends it; a slice with no end runs to the last "
                "row. Keep every row from paragraph 1 to 12 in `body_tags`, then run the cell again."
            )
        wrong = [f"leaves out {_paragraph_list(missing)}"] if missing else []
        wrong += [f"keeps {_paragraph_list(extra)}"] if extra else []
        detail = " and ".join(wrong) if wrong else "holds some rows more than once"
        return "body-counts-rows-wrong", (
            f"Your counts are right, but `body_tags` {detail}. The task asks for the body: the rows of `tags` "
            "for paragraphs 1 to 12, each once. Keep those rows in `body_tags`, then run the cell again."
        )
    if code.expression is not None and not any(isinstance(node, ast.Name) and node.id == "body_tags"
                                               for node in ast.walk(code.expression)):
        return "body-counts-not-from-body-tags", (
            "Your counts are right, but your code does not count them from `body_tags`, the rows you kept in "
            "the first step. Add up the columns of `body_tags`, then run the cell again."
        )
    return None


_body_tags_not_the_body.mistake_ids = (  # type: ignore[attr-defined]
    "body-counts-body-tags-missing", "body-counts-body-tags-not-rows", "body-counts-rows-missing",
    "body-counts-rows-wrong", "body-counts-not-from-body-tags")


def _picked_one_row(answer: object, code: CheckedCode | None) -> tuple[str, str] | None:
    """Return (mistake id, message) when a one-number answer adds up one row of `tags`, or None.

    The row shows as `body_tags` holding one row (a Series whose index names the lenses), or as
    `.loc[n]` or `.iloc[n]` (one label, no colon) in the cell.

    >>> import pandas as pd
    >>> tags = pd.DataFrame({lens: [True] * 13 for lens in _lexicon()})
    >>> _picked_one_row(4, CheckedCode(None, {"body_tags": tags.loc[1]}))[1][27:74]
    '`body_tags` is one row, the tags of paragraph 1'
    >>> _picked_one_row(4, CheckedCode(None, {"body_tags": tags.loc[1:]})) is None
    True
    """
    if code is None or not is_number(answer):
        return None
    body_tags = code.names.get("body_tags", ...)
    if type(body_tags).__name__ == "Series" and list(body_tags.index) == list(_lexicon()):
        which = f"the tags of paragraph {body_tags.name}" if is_number(body_tags.name) else "one paragraph's tags"
        what = f"`body_tags` is one row, {which} only"
    elif code.cell is not None and any(
            isinstance(node, ast.Subscript) and isinstance(node.value, ast.Attribute)
            and node.value.attr in ("loc", "iloc") and isinstance(node.slice, ast.Constant)
            and isinstance(node.slice.value, int) for node in ast.walk(code.cell)):
        what = "your code keeps one row, one paragraph's tags only"
    else:
        return None
    return "body-counts-sum-of-one-row", (
        f"Your answer is one number: {what}, and `.sum()` added up its True values. `.loc` (or `.iloc`) with one "
        "label and no colon keeps one row. To keep several rows, write a slice, with a colon, as in the hints' "
        "example; then add up each column of those rows."
    )


_picked_one_row.mistake_ids = ("body-counts-sum-of-one-row",)  # type: ignore[attr-defined]


def _picked_one_lens(answer: object, code: CheckedCode | None) -> tuple[str, str] | None:
    """Return (mistake id, message) when a one-number answer counts one column (one lens) of the table, or None.

    >>> cell = ast.parse('body_counts = body_tags["digital divide"].sum()')
    >>> _picked_one_lens(2, CheckedCode(None, {}, cell))[0]
    'body-counts-one-lens'
    >>> _picked_one_lens(2, CheckedCode(None, {}, ast.parse("body_counts = body_tags.sum().sum()"))) is None
    True
    """
    if code is None or code.cell is None or not is_number(answer):
        return None
    lenses = set(_lexicon())
    for node in ast.walk(code.cell):
        if not isinstance(node, ast.Subscript):
            continue
        named = isinstance(node.slice, ast.Constant) and node.slice.value in lenses
        by_position = (isinstance(node.value, ast.Attribute) and node.value.attr in ("loc", "iloc")
                       and isinstance(node.slice, ast.Tuple))
        if named or by_position:
            return "body-counts-one-lens", (
                "Your answer is one number, the count of one lens: picking one column (by its name, or by "
                "its position with `.iloc`) keeps one lens only. The task asks for every lens's count, each with its "
                "lens's name: add up every column of `body_tags` at once, without picking a column, as "
                "`tags.sum()` does."
            )
    return None


_picked_one_lens.mistake_ids = ("body-counts-one-lens",)  # type: ignore[attr-defined]


q6 = TaskExercise(
    6,
    "Count every lens again without the headline",
    keeps=[_KEEP_TAGS],
    rules=[_DROPPED_PARAGRAPH_1, _body_tags_not_the_body],
    slips=[
        answer_slip(
            "body-counts-number-of-rows",
            lambda a: is_number(a) and a == len(_body()),
            "That is the number of body paragraphs, the rows you kept. The task asks for one count per "
            "lens: add up each column of those rows, so that every lens gets its own number.",
        ),
        _picked_one_row,
        _picked_one_lens,
        answer_slip(
            "body-counts-added-together",
            lambda a: is_number(a) and a in (sum(_counts_in(_body()).values()),
                                             sum(_counts_in(range(len(_paragraphs()))).values())),
            "Your answer is one number, every lens's count added together: a second `.sum()` adds up the "
            "counts that the first one gives. The task asks for one count per lens: stop after the first "
            "`.sum()`, whose result is a Series whose index names the lenses.",
        ),
        answer_slip(
            "body-counts-one-number",
            is_number,
            "Your answer is one number, but the task asks for one count per lens, each with its lens's name. "
            "Add up every column of `body_tags` at once, as in Exercise 3: the result is a Series whose index "
            "names the lenses.",
        ),
        _counts_as_a_table,
        answer_slip(
            "body-counts-a-table",
            _is_table,
            "Your answer is a whole table, one row per paragraph: the rows you kept, perhaps. The task asks "
            "for one count per lens: add up each column of that table.",
        ),
        answer_slip(
            "body-counts-true-and-false-counted",
            _counted_true_and_false,
            _TRUE_AND_FALSE_COUNTED,
        ),
        answer_slip(
            "body-counts-without-names",
            _is_bare_values,
            "Your answer holds values but not the lens names: a list (or an array) keeps only the numbers. "
            "Keep the Series that `.sum()` gives, whose index says which lens each count belongs to.",
        ),
    ],
    expected=lambda: _counts_in(_body()),
    kind="mapping",
    answer_type=(
        "one count per lens: a pandas Series (or a dict) with the four lenses as its index (keys) and "
        "whole numbers as its values"
    ),
    hints=[
        "Each row of `tags` is one paragraph, and its label is the paragraph's number: paragraph 0 is the "
        "headline, and the body is paragraphs 1 to 12.",
        "`.loc` with a slice keeps rows by their labels: `tags.loc[5:]` keeps row 5 and every row after it. "
        "At which label does the body start?",
        "Store the rows you kept in `body_tags`. As in Exercise 3, `.sum()` on a table adds up every "
        "column at once: one count of True values per lens.",
    ],
    solution="body_tags = tags.loc[1:]\nbody_counts = body_tags.sum()",
    explanation=(
        "tags.loc[1:] keeps the rows labelled 1 to 12, the body; .sum() counts each lens's True values. "
        "The three lenses that the headline's words tag (digital cooperation, the digital economy and "
        "cybersecurity governance) each lose one paragraph: 8, 5 and 5 become 7, 4 and 4. The digital "
        "divide keeps its 2, because our keywords find it nowhere in the headline. tags.iloc[1:] and "
        "tags.drop(0) keep the same rows. (tags.drop(1) gives the same numbers only because paragraph 1 "
        "has the same tags as the headline: it leaves out the wrong paragraph.)"
    ),
    mistakes=[
        Mistake(
            lambda a: a == _counts_in(range(len(_paragraphs()))),
            "Those counts still include the headline: they are what `tags.sum()` gives for all 13 paragraphs. "
            "Paragraph 0 is the headline, and the body is paragraphs 1 to 12. Keep only the body's rows "
            "of `tags`, then add up each column.",
            example={"digital cooperation": 8, "digital economy": 5, "cybersecurity governance": 5,
                     "digital divide": 2},
            id="body-counts-headline-included",
        ),
        Mistake(
            lambda a: a == _counts_in(range(2, len(_paragraphs()))),
            "Your counts leave out paragraph 1 as well as the headline. With `.loc`, a slice starts at the "
            "row whose label you write, and that row is kept: paragraph 0 is the headline, and the body is "
            "paragraphs 1 to 12.",
            example={"digital cooperation": 6, "digital economy": 3, "cybersecurity governance": 3,
                     "digital divide": 2},
            id="body-counts-from-paragraph-2",
        ),
        Mistake(
            lambda a: a == _counts_in(range(2)),
            "Your counts are of the headline and paragraph 1 only. With `.loc`, a slice keeps the rows from the "
            "label before the colon up to the label after it: a slice that ends at 1 keeps the rows up to 1. "
            "The body starts at 1 and runs to the end: keep those rows, then add up each column.",
            example={"digital cooperation": 2, "digital economy": 2, "cybersecurity governance": 2,
                     "digital divide": 0},
            id="body-counts-up-to-paragraph-1",
        ),
        Mistake(
            lambda a: a == {lens: count - 1 for lens, count in _counts_in(range(len(_paragraphs()))).items()},
            "Your counts are the counts of the whole table minus one. A count minus one is not a count of the "
            "body's paragraphs: the headline does not have every lens, so taking 1 from every count takes a "
            "paragraph from a lens that should keep it. Keep the body's rows of `tags`, then add up each column.",
            example={"digital cooperation": 7, "digital economy": 4, "cybersecurity governance": 4,
                     "digital divide": 1},
            id="body-counts-minus-one",
        ),
        Mistake(
            lambda a: any(a == _row_of(n) for n in range(len(_paragraphs()))),
            "Your answer is the tags of one paragraph (True or False, or 1 or 0, for each lens), not a count "
            "over paragraphs: `tags.loc[0]` or `tags.iloc[0]`, for example, is one row, the headline's. The "
            "body is paragraphs 1 to 12: keep all those rows, then add up each column.",
            example={"digital cooperation": True, "digital economy": True, "cybersecurity governance": True,
                     "digital divide": False},
            id="body-counts-one-row",
        ),
        Mistake(
            lambda a: a in (_counts_in(_body(), matches=True), _lens_match_counts()),
            "Those look like counts of matches (every time a keyword occurs), not of paragraphs: a paragraph "
            "with many matches counts once. Add up the True/False columns of `tags`, which hold one True or "
            "False per paragraph.",
            example={"digital cooperation": 15, "digital economy": 7, "cybersecurity governance": 5,
                     "digital divide": 7},
            id="body-counts-matches",
        ),
        Mistake(
            lambda a: len(a) == len(_lexicon()) and len(set(a.values())) == 1
            and next(iter(a.values())) in (len(_body()), len(_paragraphs())) and not isinstance(
                next(iter(a.values())), bool),
            "Every lens has the same count, the number of rows. `.count()` (like `len`) counts every row, "
            "True or False; `.sum()` counts only the True ones.",
            example={"digital cooperation": 12, "digital economy": 12, "cybersecurity governance": 12,
                     "digital divide": 12},
            id="body-counts-every-row",
        ),
        Mistake(
            lambda a: len(a) > len(_lexicon()) and set(a) <= set(range(len(_paragraphs()))),
            "Your answer has one count per paragraph (how many lenses each paragraph has), not one per lens. "
            "Add up each column of the table, not each row: `.sum()` without `axis=1`.",
            example={1: 3, 2: 1, 3: 1, 4: 1, 5: 1, 6: 3, 7: 3, 8: 2, 9: 1, 10: 1, 11: 0, 12: 0},
            id="body-counts-per-paragraph",
        ),
    ],
)

EXERCISES = ExerciseSet("04-the-themes", [q1, q2, q3, q4, q5, q6])
progress = EXERCISES.progress

# What `ex.` offers in the notebook: the exercises and progress (nothing that computes an answer).
__all__ = ["EXERCISES", "progress", "q1", "q2", "q3", "q4", "q5", "q6"]
__getattr__ = EXERCISES.module_getattr  # ex.q99 and the like answer in plain words
__dir__ = module_dir(__all__)
