"""Reading single values: text and numbers normalised, items of collections turned into comparable keys."""

from __future__ import annotations

import functools
import math
import re
import sys
import unicodedata
from typing import Any

from .objects import BOOL_CATEGORIES, ECHO_LENGTH, NUMBER_CATEGORIES, category, items_of

MAX_ITEMS = 100_000  # a check reads at most this many items (nested ones included); the article has far fewer words
MAX_DEPTH = 4  # items nested deeper than this (lists in lists in ...) are not read
MAX_MARKS = 8  # a letter carries at most this many accents (combining marks); longer runs are cut
_SHORT_TEXT = 2_000  # a text this short is normalised at once: its runs of marks cannot be slow to sort

# Curly and other typographic quotes count as the straight ones.
QUOTES = str.maketrans(dict.fromkeys("‘’‚‛′", "'") | dict.fromkeys("“”„‟″", '"'))


@functools.cache
def _long_mark_runs() -> re.Pattern[str]:
    """Return a pattern for a run of more than MAX_MARKS combining marks (built once, when first needed)."""
    ranges, start, previous = [], None, None
    for code in range(sys.maxunicode + 1):
        if unicodedata.combining(chr(code)):
            if start is None:
                start = code
            previous = code
        elif start is not None:
            ranges.append(f"{re.escape(chr(start))}-{re.escape(chr(previous))}")
            start = None
    return re.compile(f"([{''.join(ranges)}]{{{MAX_MARKS}}})[{''.join(ranges)}]+")


def normalise_text(text: str) -> str:
    """Return text as checks compare it: NFC, straight quotes, stripped, single spaces, casefolded.

    Exercise authors use it to compare a student's text with their own in a Mistake's test, so
    that both are read the same way as the check reads them.

    >>> normalise_text("  Win-Win   ‘Cooperation’ ")
    "win-win 'cooperation'"
    >>> normalise_text("Cafe\\u0301") == normalise_text("Café")
    True
    """
    text = str.__str__(text)
    if len(text) > _SHORT_TEXT:
        # Unicode sorts a run of accents in a time that grows with the square of its length:
        # no real text has more than a few accents on one letter, so longer runs are cut first.
        text = _long_mark_runs().sub(r"\1", text)
    text = unicodedata.normalize("NFC", text).translate(QUOTES)
    return " ".join(text.split()).casefold()


def echo_text(text: str) -> str:
    """Return a student's text as it may be shown back: one line, at most 40 characters.

    >>> echo_text("a  very\\nlong text " * 5)
    'a very long text a very long text a ver…'
    """
    kept, marks = [], 0
    for c in " ".join(text[: 4 * ECHO_LENGTH].split()):
        marks = marks + 1 if unicodedata.combining(c) else 0
        if marks <= MAX_MARKS:  # a letter shows at most MAX_MARKS accents
            kept.append(c)
    flat = "".join(c if c.isprintable() else "?" for c in kept[: ECHO_LENGTH + 1])
    return flat if len(flat) <= ECHO_LENGTH else flat[: ECHO_LENGTH - 1] + "…"


def echo_number(value: int | float) -> str | None:
    """Return a student's number as it may be shown back, or None when it is too long to show."""
    if type(value) is int:
        return str(value) if value.bit_length() <= 128 else None
    return repr(value)


def number_value(x: Any, found: str) -> int | float:
    """Return the number x as a plain Python int or float (x is of the number category `found`)."""
    if found == "int":
        return int.__int__(x)
    if found == "float":
        return float.__float__(x)
    if found in ("np_int", "np_float"):
        value = x.item()
        return value if type(value) in (int, float) else float(value)
    return float(x)


def number_key(value: int | float) -> int | float:
    """Return the value used to compare numbers: 9.0 becomes 9, so that 9 and 9.0 meet."""
    if type(value) is float and math.isfinite(value) and value.is_integer() and abs(value) < 2**63:
        return int(value)
    return value


class Unreadable:
    """Stands for an item the check cannot read; it equals nothing but itself."""

    def __repr__(self) -> str:
        return "<unreadable item>"


class TooLarge(Exception):
    """Raised when an answer holds more items than a check reads."""


class Budget:
    """Counts the items read, so that a huge (or self-repeating) answer cannot hang a check."""

    def __init__(self) -> None:
        self.left = MAX_ITEMS

    def spend(self, count: int = 1) -> None:
        self.left -= count
        if self.left < 0:
            raise TooLarge


# An item's key is a tagged tuple, so that True never equals 1 and "9" never equals 9:
# ("none",) ("bool", b) ("text", t) ("num", n) ("tuple", (keys...)) ("other", Unreadable())
Key = tuple


def read_item(x: Any, budget: Budget, depth: int = 0) -> tuple[Key, Any]:
    """Return (key, plain value) for one item of a collection; rows (lists, tuples) become tuples.

    >>> read_item(" Kiwi ", Budget())
    (('text', 'kiwi'), 'kiwi')
    """
    budget.spend()
    kind = type(x)
    if kind is str:  # the usual cases first, for speed
        text = normalise_text(x)
        return ("text", text), text
    if kind is int:
        return ("num", x), x
    found = category(x)
    if found == "none":
        return ("none",), None
    if found in BOOL_CATEGORIES:
        flag = bool(x)
        return ("bool", flag), flag
    if found == "str":
        text = normalise_text(str.__str__(x))
        return ("text", text), text
    if found in NUMBER_CATEGORIES:
        value = number_value(x, found)
        return ("num", number_key(value)), value
    is_row = found in ("list", "tuple") or (found == "ndarray" and x.ndim == 1)
    if is_row and depth < MAX_DEPTH:
        inner = items_of(x, found)
        budget.spend(len(inner))
        pairs = [read_item(item, budget, depth + 1) for item in inner]
        return ("tuple", tuple(k for k, _ in pairs)), tuple(p for _, p in pairs)
    if found == "ndarray" and x.ndim == 0 and depth < MAX_DEPTH:
        return read_item(x.item(), budget, depth + 1)
    marker = Unreadable()
    return ("other", marker), marker
