"""Text tools for reading one news article as data.

These are the functions the notebooks teach, so each one is short on purpose.
Read them! Every regular expression has a comment that explains why it looks
the way it does.

- ``clean_text``          undo the known scraping defects of the article
- ``split_paragraphs``    text -> list of paragraphs
- ``split_sentences``     text -> list of sentences
- ``split_words``         text -> list of words
- ``keyword_in_context``  every match of a pattern, with the words around it
"""

import re
import types
from collections.abc import Iterator, Mapping
from typing import Any, NoReturn

import pandas as pd

# The last line of the scraped file names the outlet. It is not part of the
# article (the source is recorded in the data/ folder), so clean_text drops it.
TRAILER = "Originally published at China Daily"



class FixTable(Mapping):
    """A read-only table of fixes (damaged word -> how it should be written), shown like a dict.

    >>> fixes = FixTable({"teh": "the"})
    >>> fixes
    {'teh': 'the'}
    >>> fixes["teh"], len(fixes), dict(fixes)
    ('the', 1, {'teh': 'the'})
    """

    def __init__(self, fixes: Mapping[str, str]) -> None:
        self._fixes = types.MappingProxyType(dict(fixes))  # a private copy, behind a read-only view

    def __getitem__(self, wrong: str) -> str:
        return self._fixes[wrong]

    def __iter__(self) -> Iterator[str]:
        return iter(self._fixes)

    def __len__(self) -> int:
        return len(self._fixes)

    def __repr__(self) -> str:
        return repr(dict(self._fixes))

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(repr(self))

    def _read_only(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise TypeError(
            "KNOWN_FIXES cannot be changed: it records the fixes the project decided on, and clean_text "
            "always applies exactly these. To try another repair, make your own copy, "
            'for example `my_text = article.replace("old", "new")`.'
        )

    __setitem__ = __delitem__ = update = pop = popitem = clear = setdefault = _read_only
    __ior__ = _read_only


# Words the scraper damaged, and how they should be written.
# Each fix is applied to whole words only (see clean_text). Read-only: the cleaning is the same for
# everyone, whatever a notebook does.
_FIXES: tuple[tuple[str, str], ...] = (
    ("winwin", "win-win"),  # the hyphen was lost in "win-win digital cooperation"
)
KNOWN_FIXES = FixTable(dict(_FIXES))

# A blank line is a line with nothing but whitespace on it. One or more blank
# lines between two pieces of text separate two paragraphs.
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")

# Where one sentence ends and the next begins, inside one paragraph.
SENTENCE_BREAK = re.compile(
    r"(?:(?<=[.!?])|(?<=[.!?][”\"]))"  # after . ! or ? , maybe followed by a closing quote
    r"\s+"  # the whitespace between the two sentences (this is what we cut out)
    r"(?=[A-Z0-9“\"])"  # the next sentence starts with a capital, a digit or an opening quote
)

# What counts as one word. \w is a letter or a digit (or the underscore _).
WORD_PATTERN = re.compile(
    r"\d{1,3}(?:,\d{3})+\b"  # a number with thousands separators: 2,100 or 1,110
    r"|"  # ... or ...
    r"\w+(?:['’-]\w+)*"  # letters/digits, maybe joined by ' ’ or - : year’s, COVID-19
)

KWIC_COLUMNS = ["left", "match", "right"]


def clean_text(text: str) -> str:
    r"""Return the text with the known scraping defects undone.

    What it fixes, in order:

    1. line endings "\r\n" and "\r" become "\n";
    2. a space before . , ; : ? ! is removed ("Summit ." -> "Summit.");
    3. the words in KNOWN_FIXES are repaired ("winwin" -> "win-win");
    4. spaces at the end of each line are removed;
    5. the TRAILER line "Originally published at China Daily" is removed;
    6. a paragraph that repeats the one just before it is dropped
       (the headline was scraped three times);
    7. paragraphs are separated by exactly one blank line and the text ends
       with exactly one "\n" (an empty text stays empty).

    Curly quotes, apostrophes (’) and the em dash (—) are kept: they are not
    defects. Cleaning twice gives the same result as cleaning once.

    >>> clean_text("Hi\r\n\r\nHi\r\n\r\nA winwin deal .  \n\n\n")
    'Hi\n\nA win-win deal.\n'
    """
    text = re.sub(r"\r\n?", "\n", text)  # 1. Windows (\r\n) and old Mac (\r) line ends
    text = re.sub(r"[ \t]+(?=[.,;:?!])", "", text)  # 2. spaces right before punctuation
    for wrong, right in _FIXES:  # 3. the KNOWN_FIXES; \b = word boundary: whole words only
        text = re.sub(r"\b" + re.escape(wrong) + r"\b", right, text)

    paragraphs: list[str] = []
    for paragraph in split_paragraphs(text):
        lines = [line.rstrip() for line in paragraph.split("\n")]  # 4.
        lines = [line for line in lines if line.strip() != TRAILER]  # 5.
        paragraph = "\n".join(lines).strip()
        is_repeat = len(paragraphs) > 0 and paragraphs[-1] == paragraph
        if paragraph and not is_repeat:  # 6. (and skip a paragraph that became empty)
            paragraphs.append(paragraph)

    if not paragraphs:
        return ""
    return "\n\n".join(paragraphs) + "\n"  # 7.


def split_paragraphs(text: str) -> list[str]:
    r"""Return the paragraphs of the text: pieces separated by blank lines.

    Each paragraph is stripped of surrounding whitespace; empty ones are left
    out. A single line break does not end a paragraph.

    >>> split_paragraphs("Title\n\nFirst line\nsame paragraph.\n \n\nSecond.\n")
    ['Title', 'First line\nsame paragraph.', 'Second.']
    """
    pieces = PARAGRAPH_BREAK.split(text)
    return [piece.strip() for piece in pieces if piece.strip()]


def split_sentences(text: str) -> list[str]:
    r"""Return the sentences of the text, in order, each stripped.

    A paragraph end always ends a sentence, so a headline without a full stop
    is a sentence of its own. Inside a paragraph, a sentence ends after
    . ! or ? (maybe followed by a closing quote ” or ") when whitespace and
    then a capital letter, a digit or an opening quote (“ or ") come next.
    A comma inside a quotation (“We agree,” Ren said) ends nothing.

    Known limits: an abbreviation followed by a capital, as in "the U.S. Army",
    is split after "U.S."; a sentence starting with a lowercase letter
    is not split off. The article has neither.

    >>> split_sentences("Big news\n\n“We agree,” Ren said. “It works.” 2 more.")
    ['Big news', '“We agree,” Ren said.', '“It works.”', '2 more.']
    """
    sentences: list[str] = []
    for paragraph in split_paragraphs(text):
        # The paragraph is already stripped and the split cuts out the whitespace
        # between two sentences, so every sentence comes out stripped.
        sentences.extend(SENTENCE_BREAK.split(paragraph))
    return sentences


def split_words(text: str) -> list[str]:
    """Return the words of the text, in order, exactly as written.

    A word is a run of letters and digits (see WORD_PATTERN). Inner
    apostrophes and hyphens stay inside the word ("year’s",
    "online-and-offline", "COVID-19"), and so do thousands separators
    ("2,100"). Punctuation and the em dash (—) are not words. Nothing is
    lowercased: "Summit" and "summit" stay different.

    >>> split_words("This year’s COVID-19 summit — 2,100 people, online-and-offline.")
    ['This', 'year’s', 'COVID-19', 'summit', '2,100', 'people', 'online-and-offline']
    """
    return WORD_PATTERN.findall(text)


def keyword_in_context(text: str, pattern: str, width: int = 30) -> pd.DataFrame:
    """Return a table with every match of the regular expression, in context.

    One row per match, in text order, with the columns "left" (up to `width`
    characters before the match), "match" and "right" (up to `width`
    characters after). Upper and lower case are treated alike. Newlines are
    shown as spaces so each row reads as one line. No match gives an empty
    table that still has the three columns.

    >>> kwic = keyword_in_context("Digital cooperation is key. DIGITAL era.", "digital", width=5)
    >>> kwic.values.tolist()
    [['', 'Digital', ' coop'], ['key. ', 'DIGITAL', ' era.']]
    """
    if width < 0:
        raise ValueError(
            f"width must be 0 or more characters, but {width} was given. "
            "Try the default, width=30."
        )
    try:
        regex = re.compile(pattern, re.IGNORECASE)
    except re.error as problem:
        raise ValueError(
            f"The pattern {pattern!r} is not a valid regular expression ({problem}). "
            "Tip: to search for the exact characters, use re.escape(pattern), "
            "or drop special characters such as ( ) [ ] * + ? \\ from it."
        ) from None

    rows = []
    for found in regex.finditer(text):
        left = text[max(0, found.start() - width) : found.start()]
        right = text[found.end() : found.end() + width]
        rows.append([part.replace("\n", " ") for part in (left, found.group(), right)])
    return pd.DataFrame(rows, columns=KWIC_COLUMNS, dtype="str")
