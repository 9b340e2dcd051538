"""Exercises for notebook 01, The article as text.

Every answer is worked out from the article when a check needs it (never at import time), with
the same helpers the notebook uses, so the exercises and the notebook cannot disagree.
"""

from __future__ import annotations

import ast
import math
import re
from collections import Counter
from collections.abc import Callable
from typing import Any

from helpers.checking import ExerciseSet, Mistake, PredictAndRun
from helpers.data import load_article, load_raw_article
from helpers.exercises._support import (
    CheckedCode,
    Keep,
    Rule,
    TaskExercise,
    answer_slip,
    exact,
    is_number,
    module_dir,
)
from helpers.text import clean_text, split_paragraphs, split_sentences, split_words

# ---------------------------------------------------------------------------------------------
# Small functions that compute the answers (and the typical wrong answers) from the article
# ---------------------------------------------------------------------------------------------


def _headline_count() -> int:
    """Return how many times the headline (the first line) appears in the raw article.

    >>> _headline_count() >= 1
    True
    """
    raw = load_raw_article()
    headline = raw.split("\n")[0]
    return raw.count(headline)


class _NamedText(str):
    """A text that shows itself by a short description: the answer key names it instead of printing it whole.

    >>> text = _NamedText("a long text", "a description")
    >>> text == "a long text", repr(text)
    (True, 'a description')
    """

    def __new__(cls, text: str, description: str) -> _NamedText:
        named = super().__new__(cls, text)
        named.description = description
        return named

    def __repr__(self) -> str:
        return self.description


def _without_spaces_before_punctuation() -> str:
    """Return the raw article with the space removed before every full stop and comma that follows a word.

    >>> text = _without_spaces_before_punctuation()
    >>> len(load_raw_article()) - len(text), repr(text)[:28]
    (2, 'the raw text, 3,477 characte')
    """
    text = re.sub(r"(\w) ([.,])", r"\1\2", load_raw_article())
    return _NamedText(text, f"the raw text, {len(text):,} characters, with \"Summit .\" and \"Summit ,\" written "
                            f"\"Summit.\" and \"Summit,\"")


def _spaces_left(answer: object) -> int:
    """Return how many spaces before a full stop or a comma a text still has after a word (-1: not a text).

    >>> _spaces_left("Summit . Summit ,"), _spaces_left("Summit."), _spaces_left(3)
    (2, 0, -1)
    """
    return len(re.findall(r"\w [.,]", answer)) if isinstance(answer, str) else -1


def _lines_with_text(text: str) -> list[str]:
    """Return the lines of a text that hold more than spaces, as they are.

    >>> _lines_with_text("a \\n\\n b\\n")
    ['a ', ' b']
    """
    return [line for line in text.split("\n") if line.strip()]


def _space_moved(mistake: str, wanted: Callable[[], str], other_text: str) -> Rule:
    """Return a rule: the answer has the wanted text's lines, but with a space added or moved in one (else None).

    Only the empty lines may differ. other_text names the wanted text in the message.

    >>> rule = _space_moved("spaces-moved", _without_spaces_before_punctuation, "the raw text")
    >>> rule(load_raw_article().replace(" .", ". ").replace(" ,", ","), None)[0]
    'spaces-moved'
    >>> rule(_without_spaces_before_punctuation(), None) is None
    True
    """

    def rule(answer: Any, code: CheckedCode | None) -> tuple[str, str] | None:
        if not isinstance(answer, str):
            return None
        given, target = _lines_with_text(answer), _lines_with_text(str(wanted()))
        if given == target or [line.replace(" ", "") for line in given] != [line.replace(" ", "") for line in target]:
            return None
        return mistake, (
            "Your text has the right words and marks, but a space was added or moved: a space now stands where "
            f"{other_text} has none. A space repair replaces the space and the mark after it by the mark alone. "
            "Look at what each of your `.replace` lines puts in place of what it finds."
        )

    rule.mistake_ids = (mistake,)  # type: ignore[attr-defined]
    return rule


def _small_example_paragraphs() -> int:
    """Return how many paragraphs split_paragraphs finds in the notebook's small example.

    >>> _small_example_paragraphs()
    3
    """
    return len(split_paragraphs(SMALL_EXAMPLE))


#: The small text of Exercise 3, as the notebook writes it.
SMALL_EXAMPLE = "A headline\n\nThe first paragraph.\nStill the first.\n\nThe second paragraph."


def _paragraph_word_counts() -> list[int]:
    """Return the number of words of each paragraph of the cleaned article (index 0: headline).

    >>> len(_paragraph_word_counts()) == len(split_paragraphs(load_article()))
    True
    """
    return [len(split_words(paragraph)) for paragraph in split_paragraphs(load_article())]


def _paragraph_sentence_counts() -> list[int]:
    """Return the number of sentences of each paragraph of the cleaned article (index 0: headline).

    >>> _paragraph_sentence_counts()[0]
    1
    """
    return [len(split_sentences(paragraph)) for paragraph in split_paragraphs(load_article())]


def _longest_paragraph() -> int:
    """Return the number of the paragraph with the most words (0 = headline, 1 to 12 = body).

    >>> counts = _paragraph_word_counts()
    >>> counts[_longest_paragraph()] == max(counts)
    True
    """
    counts = _paragraph_word_counts()
    return counts.index(max(counts))


def _words_per_sentence(include_headline: bool = False, first: int | None = None) -> float:
    """Return the words of the body divided by its sentences (with the headline if asked).

    first: the first paragraph counted, when another one than the headline (0) or the body's first (1).

    >>> _words_per_sentence() > 1
    True
    """
    if first is None:
        first = 0 if include_headline else 1
    return sum(_paragraph_word_counts()[first:]) / sum(_paragraph_sentence_counts()[first:])


def _has_more_than_one_decimal(answer: object) -> bool:
    """Return True if answer is a number with more than 1 decimal place (not rounded as the task asks).

    >>> _has_more_than_one_decimal(30.13), _has_more_than_one_decimal(30.1), _has_more_than_one_decimal(30)
    (True, False, False)
    """
    return is_number(answer) and abs(float(answer) * 10 - round(float(answer) * 10)) > 1e-6


def _mean_of_paragraph_averages() -> float:
    """Return the mean, over the body paragraphs, of each paragraph's words per sentence.

    >>> _mean_of_paragraph_averages() > 1
    True
    """
    pairs = list(zip(_paragraph_word_counts(), _paragraph_sentence_counts()))[1:]
    return sum(words / sentences for words, sentences in pairs) / len(pairs)


def _words_per_paragraph(include_headline: bool = False) -> float:
    """Return the average number of words per paragraph of the body (with the headline if asked).

    >>> _words_per_paragraph() > _words_per_sentence()
    True
    """
    counts = _paragraph_word_counts()[0 if include_headline else 1 :]
    return sum(counts) / len(counts)


def _line_counts_of_cleaned_article() -> tuple[int, int]:
    """Return the number of lines of the cleaned article, by `.splitlines()` and by `.split("\\n")`.

    The two differ by one because the cleaned text ends with a line break.

    >>> by_splitlines, by_split = _line_counts_of_cleaned_article()
    >>> by_split - by_splitlines
    1
    """
    article = load_article()
    return len(article.splitlines()), len(article.split("\n"))


def _is_near(answer: float, target: float, within: float = 0.05) -> bool:
    """Return True if answer is at most `within` away from target.

    >>> _is_near(2.04, 2.0), _is_near(2.1, 2.0)
    (True, False)
    """
    return abs(answer - target) <= within


_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")


def _is_replace(node: ast.AST) -> bool:
    """Return True if node is a call of `.replace(...)`.

    >>> _is_replace(ast.parse("raw.replace(' .', '.')", mode="eval").body), _is_replace(ast.parse("f(x)").body[0])
    (True, False)
    """
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "replace"


def _replace_start(node: ast.AST) -> ast.AST:
    """Return what a chain of `.replace` calls starts from (the text its first `.replace` is called on).

    >>> ast.unparse(_replace_start(ast.parse("raw.replace('a', 'b').replace('c', 'd')", mode="eval").body))
    'raw'
    """
    while _is_replace(node):
        node = node.func.value
    return node


def _restarted_line(code: CheckedCode | None) -> tuple[int, str, str, int] | None:
    """Return where the cell's `.replace` lines stop passing their text on, or None.

    The answer is followed back through the cell, line by line, to the text its chain of `.replace`
    lines starts from. When one of those lines starts from an older name (such as `raw` again) than
    the one the `.replace` line just above it stored, the repair of that line above never reaches the
    answer. Returns (which `.replace` line of the cell, counting from 1; the name it starts from; the
    name the line above stored; how many `.replace` lines above it never reach the answer).

    >>> cell = ast.parse('fixed = raw.replace(" .", ".")\\nfixed = raw.replace(" ,", ",")\\nex.q2.check(fixed)')
    >>> _restarted_line(CheckedCode(cell.body[1].value, {}, cell))
    (2, 'raw', 'fixed', 1)
    >>> cell = ast.parse('fixed = raw.replace(" .", ".")\\nfixed = fixed.replace(" ,", ",")\\nex.q2.check(fixed)')
    >>> _restarted_line(CheckedCode(cell.body[1].value, {}, cell)) is None
    True
    >>> cell = ast.parse('a = raw.replace(" .", ".")\\nb = raw.replace(" ,", ",")\\nfixed = b\\nex.q2.check(fixed)')
    >>> _restarted_line(CheckedCode(cell.body[2].value, {}, cell))
    (2, 'raw', 'a', 1)
    """
    if code is None or code.cell is None or code.expression is None:
        return None
    stores = [(node.lineno, node.targets[0].id, node.value) for node in code.cell.body
              if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)]
    replaces = [store for store in stores if _is_replace(store[2])]
    chain = [store for store in stores if store[2] is code.expression]
    while chain and isinstance(chain[0][2], ast.Name):  # `answer = fixed`: follow the name to its text
        made = [store for store in stores if store[1] == chain[0][2].id and store[0] < chain[0][0]]
        chain = made[-1:]
    if chain and not _is_replace(chain[0][2]):
        return None
    while chain:  # follow the answer back to the text its first .replace line starts from
        start = _replace_start(chain[0][2])
        made = [store for store in stores if isinstance(start, ast.Name) and store[1] == start.id
                and store[0] < chain[0][0]]
        if not made or not _is_replace(made[-1][2]):
            break
        chain.insert(0, made[-1])
    in_chain = {store[0] for store in chain}
    for line, _target, value in chain:
        above = [store for store in replaces if store[0] < line]
        start = _replace_start(value)
        if not above or above[-1][0] in in_chain or not isinstance(start, ast.Name):
            continue
        made = [store for store in stores if store[1] == start.id and store[0] < line]
        if made and made[-1][0] >= above[-1][0]:
            continue  # the name it starts from was made after the line above: that text is passed on
        position = [store[0] for store in replaces].index(line) + 1
        lost = sum(store[0] not in in_chain for store in above)
        return position, start.id, above[-1][1], lost
    return None


def _restart_slip(mistake: str, what: str) -> Any:
    """Return a slip for a `.replace` line that starts from an older name than the line before it stored.

    what: how the message names the answer, such as "`fixed`".
    """

    def slip(answer: Any, code: CheckedCode | None) -> tuple[str, str] | None:
        found = _restarted_line(code)
        if found is None:
            return None
        position, start, above, lost = found
        which = _ORDINALS[position - 1] if position <= len(_ORDINALS) else f"number {position}"
        repairs = ("the repair of the line before it is", "it") if lost == 1 else (
            f"the repairs of the {lost} lines before it are", "them")
        also = ", not from `raw`" if start == "raw" else ""
        return mistake, (
            f"Your {which} `.replace` line starts from `{start}`, not from `{above}`, which the line before it "
            f"stored. So {repairs[0]} thrown away, and {what} lacks {repairs[1]}. Each line must start from the "
            f"name the line before it stored{also}."
        )

    slip.mistake_ids = (mistake,)  # type: ignore[attr-defined]
    return slip


# Variables the notebook makes and later cells need: a check says how to recover if one is replaced.
_KEEP_RAW = Keep(
    "raw",
    lambda value: isinstance(value, str) and value == load_raw_article(),
    "the cell with `raw = helpers.load_raw_article()` near the top of the notebook",
)
_KEEP_ARTICLE = Keep(
    "article",
    lambda value: isinstance(value, str) and value == load_article(),
    "the cell with `article = helpers.clean_text(raw)`",
)
_KEEP_TABLE = Keep(
    "table",
    lambda value: (len(value) == len(split_paragraphs(load_article()))
                   and list(value["paragraph"]) == list(range(len(value)))),
    "the cell that makes `table = pd.DataFrame(...)`",
)

# ---------------------------------------------------------------------------------------------
# The exercises
# ---------------------------------------------------------------------------------------------

q1 = TaskExercise(
    1,
    "Count the headline in the raw text",
    keeps=[_KEEP_RAW],
    expected=_headline_count,
    kind="number",
    answer_type="a whole number",
    hints=[
        "Text (a `str`) has a method that counts how often a piece of text occurs in it.",
        "`raw.count(...)` takes the text to look for between its brackets. "
        "The variable `headline` already holds the headline.",
        "Count in `raw`, the text exactly as received, and pass the variable `headline` "
        "itself, without quotation marks around it.",
    ],
    solution="headline_count = raw.count(headline)",
    explanation=(
        "raw.count(headline) counts every place where the whole headline occurs in the raw text. "
        "Our copy has the headline at the top of the file several times before the first body "
        "paragraph. This is a defect of the copy: the article has one headline. (The file does not say "
        "how it happened; that it came from copying the article off the web is our guess.)"
    ),
    mistakes=[
        Mistake(
            lambda a: a == 1,
            "You found the headline once. Did you count inside `headline` itself, or in the first "
            "line only? Count in `raw`, the whole text as received, and look again at the first "
            "lines printed above.",
            example=1,
            id="raw-headline-found-once",
        ),
        Mistake(
            lambda a: a == _headline_count() - 1,
            "Did you count only the repeats? The question asks how many times the headline appears "
            "in all, the first time included: `.count()` counts every occurrence for you.",
            example=2,
            id="raw-headline-repeats-only",
        ),
        Mistake(
            lambda a: a in (load_raw_article().count("Wuzhen"), load_raw_article().count("Wuzhen Summit")),
            "That counts a few words that also appear outside the headline. Count the whole headline: "
            "the variable `headline`, without quotation marks.",
            example=8,
            id="raw-headline-counted-words",
        ),
        Mistake(
            lambda a: a == len(load_raw_article().split("\n")[0]),
            "That is the length of the headline in characters, not how many times it appears. "
            "`len` measures; `.count(...)` counts occurrences.",
            example=112,
            id="raw-headline-length-not-count",
        ),
        Mistake(
            lambda a: a == 0,
            "Nothing was found. Did you count the word \"headline\" in quotation marks? "
            "Pass the variable `headline` itself, without quotation marks: it holds the headline's text, while "
            "`\"headline\"` is just that word.",
            example=0,
            id="raw-headline-found-nothing",
        ),
    ],
)

def _found_by_the_pattern(answer: object) -> bool:
    """Return True if answer is what `re.findall(r"\\w+ [.,]", ...)` gives (a list of matches), or one match.

    >>> _found_by_the_pattern(["Summit ,"]), _found_by_the_pattern("Summit ,"), _found_by_the_pattern("Summit,")
    (True, True, False)
    >>> _found_by_the_pattern(["Wuzhen", "Summit"])
    False
    """
    if isinstance(answer, (list, tuple)) and len(answer) <= 100:
        return all(_found_by_the_pattern(item) for item in answer if isinstance(item, str)) and all(
            isinstance(item, str) for item in answer)
    return isinstance(answer, str) and re.fullmatch(r"\w+ [.,]", answer.strip()) is not None


q2 = TaskExercise(
    2,
    "Repair the cell that removes the spaces before punctuation",
    keeps=[_KEEP_RAW],
    expected=_without_spaces_before_punctuation,
    kind="text",
    answer_type="a piece of text (str): the raw text with the two spaces removed",
    rules=[_space_moved("spaces-moved", _without_spaces_before_punctuation, "the raw text"),
           exact(_without_spaces_before_punctuation, "the raw text with only the two spaces removed")],
    slips=[
        answer_slip(
            "spaces-kept-the-matches",
            _found_by_the_pattern,
            "Your `fixed` holds what `re.findall` found (a word with a space before punctuation), not the "
            "text: the pattern only shows where the spaces are. Each line of this cell "
            "repairs the text with `.replace`: store in `fixed` the whole text that `.replace` gives back, then "
            "run the cell again.",
        ),
        _restart_slip("spaces-line-restarts", "`fixed`"),
        answer_slip(
            "spaces-one-left",
            lambda a: _spaces_left(a) == 1,
            "One space before punctuation is still there. Run `re.findall(r\"\\w+ [.,]\", fixed)` on your text "
            "to see which one, and repair that kind of space too.",
        ),
        answer_slip(
            "spaces-none-removed",
            lambda a: a == load_raw_article(),
            "Your text is still the raw text: nothing was removed. `.replace(old, new)` gives back a new text; "
            "store what it gives in `fixed`.",
        ),
        answer_slip(
            "spaces-removed-too-much",
            lambda a: isinstance(a, str) and _spaces_left(a) == 0 and len(a) < len(load_raw_article()) - 2,
            "Your text has lost more than the two spaces. Replace only a space followed by a full stop, and a "
            "space followed by a comma, so that every other space stays.",
        ),
        answer_slip(
            "spaces-text-changed",
            lambda a: isinstance(a, str),
            "That is not the raw text with only the two spaces removed. Start again from `raw` and change "
            "nothing else: `re.findall(r\"\\w+ [.,]\", fixed)` should then find nothing.",
        ),
    ],
    hints=[
        "Run the broken cell and read its output: which space is still there?",
        "`.replace(old, new)` can be called again on the text it gave back: the second line starts from `fixed`, "
        "not from `raw`, and stores its result in `fixed` again.",
        "The first `.replace` removes the space before the full stop. What must the second one look for?",
    ],
    solution='fixed = raw.replace(" .", ".")\nfixed = fixed.replace(" ,", ",")',
    explanation=(
        "Each line repairs one kind of misplaced space: the first the space before a full stop, the second, "
        "starting from what the first gave back, the space before a comma. The pattern then finds nothing. "
        "helpers.clean_text repairs such spaces with a regular expression, so that it would also find a space "
        "before other punctuation."
    ),
)

q3 = PredictAndRun(
    3,
    "How many paragraphs does the small example have?",
    expected=_small_example_paragraphs,
    kind="number",
    answer_type="a whole number",
    hints=[
        "Find every `\\n` in the small text. Which ones stand alone, and which come two together?",
        "An empty line is two line breaks together, `\\n\\n`. Only there does a paragraph end.",
    ],
    solution="prediction = 3",
    explanation=(
        "split_paragraphs cuts only at an empty line (two line breaks together). The single line break after "
        "\"The first paragraph.\" does not end a paragraph, so the text has three: the headline and two paragraphs."
    ),
    mistakes=[
        Mistake(
            lambda a: a == 4,
            "You counted every line that has text. A single line break (`\\n`) does not end a paragraph; "
            "only an empty line (`\\n\\n`) does. Run the cell and look at the second item.",
            example=4,
            id="predicted-every-line",
        ),
        Mistake(
            lambda a: a == 6,
            "You counted every line, the empty ones too. An empty line is where one paragraph ends and the "
            "next begins; it is not a paragraph itself.",
            example=6,
            id="predicted-lines-with-empty-ones",
        ),
    ],
)

q4 = TaskExercise(
    4,
    "Count the paragraphs of the cleaned article",
    keeps=[_KEEP_ARTICLE],
    expected=lambda: len(split_paragraphs(load_article())),
    kind="number",
    answer_type="a whole number",
    hints=[
        "`helpers.split_paragraphs(...)` gives a list with one item per paragraph.",
        "Split the cleaned text `article`, not `raw`, and store the list in `paragraphs`.",
        "`len(a_list)` counts the items of a list: use it on `paragraphs`.",
    ],
    solution="paragraphs = helpers.split_paragraphs(article)\nn_paragraphs = len(paragraphs)",
    explanation=(
        "The cleaned article is the headline once, then the body paragraphs, separated by blank lines. "
        "split_paragraphs cuts at the blank lines, so the list holds the headline (at index 0) and "
        "every body paragraph; len counts them all."
    ),
    mistakes=[
        Mistake(
            lambda a: a == len(split_paragraphs(load_raw_article())),
            "That is the number of blocks in the raw text, and also the number of sentences of the "
            "cleaned article. Did you split `raw` (its blocks still include the repeated headlines and the "
            "trailer line), or use `split_sentences`? Split the cleaned `article` with "
            "`helpers.split_paragraphs`.",
            example=16,
            id="paragraphs-of-the-raw-text",
        ),
        Mistake(
            lambda a: a in _line_counts_of_cleaned_article(),
            "That is a number of lines. A paragraph ends at an empty line, not at every line break: "
            "`helpers.split_paragraphs` cuts there for you.",
            example=25,
            id="paragraphs-counted-lines",
        ),
        Mistake(
            lambda a: a == len(split_paragraphs(load_article())) - 1,
            "You counted only the body paragraphs. Here the headline counts too: it is paragraph 0, "
            "and the body paragraphs come after it.",
            example=12,
            id="paragraphs-without-headline",
        ),
        Mistake(
            lambda a: a == len(load_article()),
            "That is the number of characters in the whole article: `len(article)` counts the "
            "characters of a text. Split it into paragraphs first, then count the list's items.",
            example=3214,
            id="paragraphs-counted-characters",
        ),
    ],
)

q5 = TaskExercise(
    5,
    "Count the words of the cleaned article",
    keeps=[_KEEP_ARTICLE],
    expected=lambda: len(split_words(load_article())),
    kind="number",
    answer_type="a whole number",
    hints=[
        "`helpers.split_words(...)` gives a list with one item per word.",
        "Split the cleaned text `article` and store the list in `words`; `len(...)` counts the items of a list.",
        "Use `helpers.split_words`, not `article.split()`: the two follow different definitions "
        "of a word, and the question asks for the helpers' definition.",
    ],
    solution="words = helpers.split_words(article)\nn_words = len(words)",
    explanation=(
        "helpers.split_words keeps year’s, online-and-offline, 2,100 and COVID-19 as one word each "
        "and does not count punctuation or the em dash (—). Counting the cleaned article means the "
        "repeated headlines and the trailer line are not counted."
    ),
    mistakes=[
        Mistake(
            lambda a: a == len(load_article().split()),
            "Close, but that is the count of `article.split()`, which cuts only at spaces and line "
            "breaks, so it counts the em dash (—) as a word. Use `helpers.split_words`, whose "
            "definition of a word is explained above: counts depend on definitions.",
            example=467,
            id="words-split-counts-the-dash",
        ),
        Mistake(
            lambda a: a in (len(split_words(load_raw_article())), len(load_raw_article().split())),
            "That count includes the repeated headlines and the trailer line of the raw text. "
            "Clean first: count the words of `article`, not of `raw`.",
            example=499,
            id="words-of-the-raw-text",
        ),
        Mistake(
            lambda a: a == len(load_article()),
            "That is the number of characters: `len(article)` counts the characters of a text. "
            "Split it into words first, then count the list's items.",
            example=3214,
            id="words-counted-characters",
        ),
        Mistake(
            lambda a: a in (len(split_paragraphs(load_article())), len(split_sentences(load_article()))),
            "That is the number of paragraphs or of sentences. The question asks for words: use "
            "`helpers.split_words`.",
            example=13,
            id="words-counted-paragraphs-or-sentences",
        ),
        Mistake(
            lambda a: a == len(set(split_words(load_article()))),
            "That counts each different word once (as a set does). The question counts every word, "
            "each time it occurs: take `len(...)` of the list that `helpers.split_words` gives.",
            example=236,
            id="words-counted-each-once",
        ),
    ],
)

q6 = TaskExercise(
    6,
    "Find the longest paragraph",
    keeps=[_KEEP_TABLE],
    expected=_longest_paragraph,
    kind="number",
    answer_type="a whole number: the paragraph's number (0 = headline, 1 to 12 = body)",
    hints=[
        "The table `table` has a column `words`. Which row holds its largest value?",
        "`table[\"words\"].idxmax()` gives the row label (index) of the largest value, "
        "not the value itself.",
        "`.loc` takes a row label and a column name, in that order, between square brackets.",
    ],
    solution='row = table["words"].idxmax()\nlongest_paragraph = table.loc[row, "paragraph"]',
    explanation=(
        "idxmax gives the label of the row with the most words; .loc then reads the paragraph number "
        "of that row. In this table the row labels happen to equal the paragraph numbers, but reading "
        "the paragraph column is safer: it stays right if the table is sorted or filtered."
    ),
    mistakes=[
        Mistake(
            lambda a: a == max(_paragraph_word_counts()),
            "That is how many words the longest paragraph has. The question asks which paragraph it "
            "is: its number from the `paragraph` column.",
            example=63,
            id="longest-paragraph-word-count",
        ),
        Mistake(
            lambda a: a in (_longest_paragraph() - 1, _longest_paragraph() + 1),
            "Your number looks like a position counted in another way: from 0 in a list of the body "
            "paragraphs only, or from 1 with the headline as 1. Here the headline is paragraph 0 and "
            "body paragraphs keep their own numbers: read the number from the `paragraph` column.",
            example=2,
            id="longest-paragraph-other-numbering",
        ),
        Mistake(
            lambda a: a == _paragraph_word_counts().index(min(_paragraph_word_counts())),
            "That is the paragraph with the fewest words. Did you use `.idxmin()`, or take the first row "
            "of a table sorted from small to large? The question asks for the most words: `.idxmax()`.",
            example=0,
            id="longest-paragraph-shortest",
        ),
        Mistake(
            lambda a: a == _paragraph_sentence_counts().index(max(_paragraph_sentence_counts())),
            "That paragraph has the most sentences, but not the most words. Use the `words` column.",
            example=10,
            id="longest-paragraph-most-sentences",
        ),
        Mistake(
            lambda a: a == len(_paragraph_word_counts()) - 1,
            "That is the number of the last paragraph, the largest value of the `paragraph` column. The "
            "question asks for the paragraph with the most words: find its row with the `words` column first.",
            example=12,
            id="longest-paragraph-last-number",
        ),
    ],
)

q7 = TaskExercise(
    7,
    "Average words per sentence in the body",
    keeps=[_KEEP_TABLE],
    expected=lambda: round(_words_per_sentence(), 1),
    kind="number",
    # The task asks to round to 1 decimal place, so the reference is the exact value rounded. The
    # tolerance (relative above 1: 0.002 is about 0.06 here) lets an unrounded value reach the rule
    # below, which says to round it, while the headline mistake stays outside it.
    tolerance=0.002,
    rules=[
        answer_slip(
            "average-not-rounded",
            _has_more_than_one_decimal,
            "Your value is right, but it is not rounded as the task asks: round it to 1 decimal place with "
            "`round(value, 1)`.",
        ),
    ],
    answer_type="a decimal number, rounded to 1 decimal place",
    hints=[
        "Leave out the headline: keep the rows of `table` whose `paragraph` is 1 or more.",
        "For those rows, add up all the words (`body_words`) and add up all the sentences (`body_sentences`): "
        "`.sum()` adds the values of a column, such as `body_rows[\"words\"]`.",
        "Divide the total words by the total sentences with `/`, then round with `round(value, 1)`.",
    ],
    solution=(
        'body_rows = table.loc[table["paragraph"] >= 1]\n'
        'body_words = body_rows["words"].sum()\n'
        'body_sentences = body_rows["sentences"].sum()\n'
        "words_per_sentence = round(body_words / body_sentences, 1)"
    ),
    explanation=(
        "The average words per sentence of the body is all the body's words divided by all its "
        "sentences. The headline is left out because it is a title, not a sentence of the body: it has "
        "no full stop and is shorter than most of the body's sentences, so it would pull the average down."
    ),
    mistakes=[
        Mistake(
            lambda a: 0 <= a < 1,
            "Your number is below 1: did you divide the sentences by the words? Words per sentence is "
            "the number of words divided by the number of sentences.",
            example=0.03,
            id="average-sentences-per-word",
        ),
        Mistake(
            lambda a: _is_near(a, _words_per_sentence(include_headline=True)),
            "Did you include the headline? The question is about the body only: keep the rows whose "
            "`paragraph` is 1 or more.",
            example=29.1,
            id="average-with-headline",
        ),
        Mistake(
            lambda a: _is_near(a, _mean_of_paragraph_averages()),
            "You took the average of each paragraph's average. A paragraph with one sentence then "
            "weighs as much as a paragraph with three. Add up all the words and all the sentences "
            "first, then divide once.",
            example=32.9,
            id="average-of-averages",
        ),
        Mistake(
            lambda a: _is_near(a, _words_per_paragraph()) or _is_near(a, _words_per_paragraph(include_headline=True)),
            "That is the average number of words per paragraph. The question asks for words per "
            "sentence: divide the total of the `words` column by the total of the `sentences` column.",
            example=37.7,
            id="average-words-per-paragraph",
        ),
        Mistake(
            lambda a: a == int(a) and abs(a - _words_per_sentence()) < 1,
            "Your answer is a whole number. Did you use `//` (which drops the decimals) or round to "
            "0 decimals? Divide with `/` and round with `round(value, 1)`.",
            example=30,
            id="average-whole-number",
        ),
        Mistake(
            lambda a: a == math.ceil(10 * _words_per_sentence()) / 10 != round(_words_per_sentence(), 1),
            "Your number is the average rounded up. `round(value, 1)` rounds to the nearest value with "
            "1 decimal place, as the task asks.",
            example=30.2,
            id="average-rounded-up",
        ),
        Mistake(
            lambda a: _is_near(a, _words_per_sentence(first=2)),
            "Did you leave out paragraph 1 as well as the headline? The body starts at paragraph 1: keep the "
            "rows whose `paragraph` is 1 or more (`>= 1`, not `> 1`).",
            example=29.9,
            id="average-left-out-paragraph-1",
        ),
    ],
)


# Exercise 8: the student repairs the raw text, one defect per line, without helpers.clean_text.

#: The texts that show each defect in the raw text, as the notebook's dictionary `searches` names them
#: (the headline and the trailer line are the raw text's first and last lines).
_SPACE_BEFORE_STOP = "Summit ."
_SPACE_BEFORE_COMMA = "Summit ,"
_LOST_HYPHEN = "winwin"
_REPAIRED_HYPHEN = "win-win"


def _raw_lines() -> list[str]:
    """Return the lines of the raw article, as `raw.split("\\n")` gives them in the notebook.

    >>> _raw_lines()[-1].startswith("Originally published at")
    True
    """
    return load_raw_article().split("\n")


def _cleaned_by_the_helper() -> str:
    """Return the raw text cleaned by helpers.clean_text, named by what it is (the answer key shows the name).

    >>> repr(_cleaned_by_the_helper()).startswith("the cleaned article")
    True
    """
    return _NamedText(clean_text(load_raw_article()),
                      "the cleaned article (empty lines aside)")


def _defect_left(text: str) -> str | None:
    """Return the name of the first defect (in the order of the task's steps) still in text, or None.

    >>> _defect_left(load_raw_article()), _defect_left(_cleaned_by_the_helper())
    ('trailer line', None)
    """
    headline = _raw_lines()[0]
    if _raw_lines()[-1] in text:
        return "trailer line"
    if text.count(headline) > 1:
        return "headline repeated"
    if text.count(headline) == 0:
        return "headline gone"
    for name, found in (("space before full stop", _SPACE_BEFORE_STOP), ("space before comma", _SPACE_BEFORE_COMMA),
                        ("missing hyphen", _LOST_HYPHEN)):
        if found in text:
            return name
    return None


def _spaces_lost(answer: Any) -> bool:
    """Return True if a text has lost the spaces between its words (fewer than half the cleaned article's).

    >>> _spaces_lost(_cleaned_by_the_helper().replace(" ", "")), _spaces_lost(_cleaned_by_the_helper())
    (True, False)
    """
    return isinstance(answer, str) and answer.count(" ") < clean_text(load_raw_article()).count(" ") // 2


def _words_lost_besides_the_headline(answer: str) -> list[str]:
    """Return the article's words that a text lacks, leaving out one copy of the headline's words.

    Upper and lower case aside, and once the other small defects are repaired (they are named by
    their own messages): a word is lost only when no repair of its defect brings it back.

    >>> _words_lost_besides_the_headline(_cleaned_by_the_helper().replace(_raw_lines()[0], "").upper())
    []
    >>> _words_lost_besides_the_headline(_cleaned_by_the_helper().replace(" attracted", "", 1))
    ['attracted']
    """
    for defect, repair in ((_LOST_HYPHEN, "win-win"), (" .", "."), (" ,", ",")):
        answer = answer.replace(defect, repair)

    def words(text: str) -> Counter:
        return Counter(word.casefold() for word in split_words(text))

    lost = words(clean_text(load_raw_article())) - words(answer) - words(_raw_lines()[0])
    return list(lost.elements())


def _headline_and_more_lost(answer: Any, code: CheckedCode | None) -> tuple[str, str] | None:
    """Return a message when the headline is gone and other words of the article with it (else None)."""
    if not isinstance(answer, str) or _defect_left(answer) != "headline gone":
        return None
    lost = _words_lost_besides_the_headline(answer)
    if not lost:
        return None
    return "clean-text-lost", (
        f"The headline is no longer in your text, and other words of the article are lost too, such as "
        f"{_quoted(lost)}. A `.replace` line takes away more than its defect: print what each of your lines "
        "gives, compare it with the line before, and look at what that line looks for."
    )


_headline_and_more_lost.mistake_ids = ("clean-text-lost",)  # type: ignore[attr-defined]


def _is_repaired(answer: Any, expected: Any) -> bool:
    """Return True if answer is a text with no defect left, the cleaned article but for spaces and empty lines.

    >>> _is_repaired(_cleaned_by_the_helper() + "\\n\\n", _cleaned_by_the_helper())
    True
    """
    return isinstance(answer, str) and _defect_left(answer) is None and answer.split() == expected.split()


def _quoted(words: list[str]) -> str:
    """Return up to three words, each in quotation marks, joined by commas.

    >>> _quoted(["a", "b", "c", "d"])
    '"a", "b", "c"'
    """
    return ", ".join(f'"{word}"' for word in words[:3])


def _words_differ(answer: Any, code: CheckedCode | None) -> tuple[str, str] | None:
    """Return a message naming words lost or added, when no defect is left but the words differ (else None)."""
    if not isinstance(answer, str) or _defect_left(answer) is not None:
        return None
    given, wanted = Counter(split_words(answer)), Counter(split_words(clean_text(load_raw_article())))
    lost, added = list((wanted - given).elements()), list((given - wanted).elements())
    if lost:
        return "clean-text-lost", (
            f"Every defect is gone, but your text has lost words that the article has, such as {_quoted(lost)}. "
            "Each step should take away only its defect: look at what each of your `.replace` lines looks for, "
            "and start again from `raw`."
        )
    if added:
        return "clean-text-added", (
            f"Every defect is gone, but your text has words that the cleaned article does not have, such as "
            f"{_quoted(added)}. Start from `raw` and change only the defects."
        )
    if given != wanted or split_words(answer) != split_words(clean_text(load_raw_article())):
        return "clean-text-reordered", (
            "Every defect is gone and your text has the article's words, but not in the article's order. Start "
            "from `raw` and change only the defects, one `.replace` per line."
        )
    mine, theirs = answer.split(), clean_text(load_raw_article()).split()
    other = next((piece for piece, wanted in zip(mine, theirs, strict=False) if piece != wanted), None)
    if other is None and len(mine) > len(theirs):
        other = mine[len(theirs)]
    example = "" if other is None else f", for example in \"{other[:40]}\""
    return "clean-text-marks", (
        f"Every defect is gone and your text has the article's words, but some punctuation differs{example}. "
        "Each `.replace` should change only its defect: look at what each line looks for and what it puts "
        "instead."
    )


_words_differ.mistake_ids = (  # type: ignore[attr-defined]
    "clean-text-lost", "clean-text-added", "clean-text-reordered", "clean-text-marks")

def _hyphen_spelled_otherwise(answer: Any) -> str | None:
    """Return how a text writes the repaired "win-win" when that is all it changes in the cleaned article, else None.

    Spaces and empty lines aside, as the check compares them: only the last repair differs, so the
    student needs to copy its spelling, not to start again.

    >>> cleaned = _cleaned_by_the_helper()
    >>> [_hyphen_spelled_otherwise(cleaned.replace("win-win", other)) for other in ("Win-win", "win win", "win–win")]
    ['Win-win', 'win win', 'win–win']
    >>> _hyphen_spelled_otherwise(cleaned), _hyphen_spelled_otherwise(cleaned.replace("win-win", "win-win digital"))
    (None, None)
    """
    if not isinstance(answer, str) or len(answer) > 2 * len(load_raw_article()):
        return None
    wanted = " ".join(clean_text(load_raw_article()).split())
    pieces = [re.escape(piece) for piece in wanted.split(_REPAIRED_HYPHEN)]
    found = re.fullmatch("(.{1,12}?)".join(pieces), " ".join(answer.split()))
    if found is None or not all(spelled != _REPAIRED_HYPHEN and "winwin" not in spelled
                                and _letters_only(spelled) == "winwin" for spelled in found.groups()):
        return None
    return found.group(1)


def _last_repair_spelled_otherwise(answer: Any, code: CheckedCode | None) -> tuple[str, str] | None:
    """Return (mistake id, message) when only the last repair writes "win-win" otherwise than the article."""
    spelled = _hyphen_spelled_otherwise(answer)
    if spelled is None:
        return None
    return "clean-hyphen-spelled-otherwise", (
        f"Every other repair is right: only your last step writes \"{spelled}\" where the article has "
        f"\"{_REPAIRED_HYPHEN}\" (another letter case, a space, another dash or one mark more). Copy the repair "
        "exactly as `helpers.text.KNOWN_FIXES` writes it, in the last `.replace` line only, then run the cell "
        "again."
    )


_last_repair_spelled_otherwise.mistake_ids = ("clean-hyphen-spelled-otherwise",)  # type: ignore[attr-defined]


def _letters_only(text: str) -> str:
    """Return text casefolded with everything but letters removed.

    >>> _letters_only("Win–win")
    'winwin'
    """
    return "".join(character for character in text.casefold() if character.isalpha())


#: What the notebook offers that repairs the text in one step: the task asks students to write the repairs.
_READY_MADE = {"clean_text", "load_article"}


def _used_the_helper(answer: Any, code: CheckedCode | None) -> tuple[str, str] | None:
    """Return a message when the cell made the answer with helpers.clean_text, helpers.load_article or `article`."""
    if code is None:
        return None
    article = code.names.get("article")
    used = answer is article and isinstance(article, str)
    for node in ast.walk(code.cell) if code.cell is not None else ():
        attribute = isinstance(node, ast.Attribute) and node.attr in _READY_MADE
        name = isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) and node.id in {*_READY_MADE, "article"}
        used = used or attribute or name
    if not used:
        return None
    return "clean-used-the-helper", (
        "Your text is right, but `helpers.clean_text` (or `article`, which it made) did the repairs. This "
        "exercise asks you to write them yourself: start from `raw`, one `.replace` per line, each result under "
        "a new name, and do not use `helpers.clean_text`, `helpers.load_article` or `article` in the cell."
    )


_used_the_helper.mistake_ids = ("clean-used-the-helper",)  # type: ignore[attr-defined]



q8 = TaskExercise(
    8,
    "Clean the raw text yourself",
    keeps=[_KEEP_RAW],
    expected=_cleaned_by_the_helper,
    kind="custom",
    compare=_is_repaired,
    answer_type="a piece of text (str): the raw text with its four kinds of defect repaired",
    rules=[_used_the_helper, _space_moved("clean-spaces-moved", _cleaned_by_the_helper, "the cleaned article")],
    slips=[
        answer_slip(
            "clean-not-text",
            lambda a: not isinstance(a, str),
            "`my_clean` should be text: what the last `.replace` gives back, the raw text with every repair "
            "made. Each `.replace(old, new)` gives back a new text: store it under a new name, and start the "
            "next line from that name.",
        ),
        answer_slip(
            "clean-nothing-repaired",
            lambda a: isinstance(a, str) and a == load_raw_article(),
            "Your text is still the raw text: nothing was repaired. `.replace(old, new)` gives back a new text "
            "and leaves the old one as it was: store what each line gives under a new name, start the next line "
            "from that name, and check the last one.",
        ),
        _restart_slip("clean-line-restarts", "`my_clean`"),
        answer_slip(
            "clean-spaces-lost",
            _spaces_lost,
            "Your text has lost the spaces between its words: a `.replace` line removed every space, not only "
            "the space before a full stop or a comma. Look at what each of your lines looks for: a space repair "
            "looks for the space together with the mark after it.",
        ),
        answer_slip(
            "clean-trailer-left",
            lambda a: isinstance(a, str) and _defect_left(a) == "trailer line",
            "The trailer line, \"Originally published at ...\", is still in your text. The first step removes "
            "it with `.replace`: `ex.q8.hint(2)` says how.",
        ),
        answer_slip(
            "clean-headline-repeated",
            lambda a: isinstance(a, str) and _defect_left(a) == "headline repeated",
            "The headline is still in your text more than once. Remove its first copies, each with the empty "
            "line after it; the third argument of `.replace` says how many, counting from the start, so that "
            "exactly one headline stays.",
        ),
        _headline_and_more_lost,
        answer_slip(
            "clean-headline-removed",
            lambda a: isinstance(a, str) and _defect_left(a) == "headline gone",
            "The headline is no longer in your text as it was written: it was removed too often, or changed. The "
            "article keeps its headline once, word for word, so remove one copy fewer (the third argument of "
            "`.replace` says how many) and change nothing else.",
        ),
        answer_slip(
            "clean-space-before-stop",
            lambda a: isinstance(a, str) and _defect_left(a) == "space before full stop",
            "A space still stands before a full stop (\"Summit .\"). Remove it with its own `.replace` line, as in "
            "Exercise 2.",
        ),
        answer_slip(
            "clean-space-before-comma",
            lambda a: isinstance(a, str) and _defect_left(a) == "space before comma",
            "A space still stands before a comma (\"Summit ,\"). Remove it with its own `.replace` line, as in "
            "Exercise 2.",
        ),
        answer_slip(
            "clean-hyphen-missing",
            lambda a: isinstance(a, str) and _defect_left(a) == "missing hyphen",
            "\"winwin\" is still in your text without its hyphen. `helpers.text.KNOWN_FIXES` shows the "
            "repair: one more `.replace` line, whose result you store in `my_clean`.",
        ),
        _last_repair_spelled_otherwise,
        _words_differ,
    ],
    hints=[
        "Each line starts from the text the line before it gave back: `raw` first, then `no_trailer`, then "
        "`one_headline`, and so on. Python never changes `raw` itself.",
        "Replacing a piece of text with `\"\"` (nothing) removes it: the trailer line is `lines[-1]`. For the "
        "headline, the third argument of `.replace` says how many copies to remove, from the start.",
        "The spaces and the hyphen are the repairs of Exercise 2 and of `KNOWN_FIXES`: one `.replace` each, "
        "the last one storing its result in `my_clean`.",
    ],
    solution=(
        'no_trailer = raw.replace(lines[-1], "")\n'
        'one_headline = no_trailer.replace(headline + "\\n\\n", "", 2)\n'
        'no_space_stop = one_headline.replace(" .", ".")\n'
        'no_space_comma = no_space_stop.replace(" ,", ",")\n'
        'my_clean = no_space_comma.replace("winwin", "win-win")'
    ),
    explanation=(
        "Each line repairs one kind of defect and starts from the text the line before gave back. Replacing "
        "the trailer line with nothing drops it; removing the first two copies of the headline, each with the "
        "empty line after it, keeps the last one; then the two spaces and the lost hyphen. The words are then "
        "those of `article`: only the empty lines at the end may differ, and they are not words. "
        "helpers.clean_text does the same with rules that would also work on another copy (any repeated "
        "paragraph, a space before any punctuation)."
    ),
)

EXERCISES = ExerciseSet("01-the-article-as-text", [q1, q2, q3, q4, q5, q6, q7, q8])
progress = EXERCISES.progress

# What `ex.` offers in the notebook: the exercises and progress (nothing that computes an answer).
__all__ = ["EXERCISES", "progress", "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8"]
__getattr__ = EXERCISES.module_getattr  # ex.q99 and the like answer in plain words
__dir__ = module_dir(__all__)
