"""Reading single values: text and numbers normalised, items of collections turned into comparable keys."""

from __future__ import annotations

import math
import unicodedata
from typing import Any

from .objects import _BOOL_CATEGORIES, _ECHO_LENGTH, _NUMBER_CATEGORIES, _category, _items_of

_MAX_ITEMS = 100_000  # a check reads at most this many items (nested ones included); the article has far fewer words
_MAX_DEPTH = 4  # items nested deeper than this (lists in lists in ...) are not read

# Curly and other typographic quotes count as the straight ones.
_QUOTES = str.maketrans({c: "'" for c in "‘’‚‛′"} | {c: '"' for c in "“”„‟″"})


def _normalise_text(text: str) -> str:
    """Return text stripped, with single spaces, casefolded and with straight quotes.

    >>> _normalise_text("  Win-Win   ‘Cooperation’ ")
    "win-win 'cooperation'"
    """
    text = unicodedata.normalize("NFC", text).translate(_QUOTES)
    return " ".join(text.split()).casefold()


def _echo_text(text: str) -> str:
    """Return a student's text as it may be shown back: one line, at most 40 characters.

    >>> _echo_text("a  very\\nlong text " * 5)
    'a very long text a very long text a ver…'
    """
    flat = " ".join(text.split())
    flat = "".join(c if c.isprintable() else "?" for c in flat[: _ECHO_LENGTH + 1])
    return flat if len(flat) <= _ECHO_LENGTH else flat[: _ECHO_LENGTH - 1] + "…"


def _echo_number(value: int | float) -> str | None:
    """Return a student's number as it may be shown back, or None when it is too long to show."""
    if type(value) is int:
        return str(value) if value.bit_length() <= 128 else None
    return repr(value)


def _number_value(x: Any, category: str) -> int | float:
    """Return the number x as a plain Python int or float (x is of a number category)."""
    if category == "int":
        return int.__int__(x)
    if category == "float":
        return float.__float__(x)
    if category in ("np_int", "np_float"):
        value = x.item()
        return value if type(value) in (int, float) else float(value)
    return float(x)


def _number_key(value: int | float) -> int | float:
    """Return the value used to compare numbers: 9.0 becomes 9, so that 9 and 9.0 meet."""
    if type(value) is float and math.isfinite(value) and value.is_integer() and abs(value) < 2**63:
        return int(value)
    return value


class _Unreadable:
    """Stands for an item the check cannot read; it equals nothing but itself."""

    def __repr__(self) -> str:
        return "<unreadable item>"


class _TooLarge(Exception):
    """Raised when an answer holds more items than a check reads."""


class _Budget:
    """Counts the items read, so that a huge (or self-repeating) answer cannot hang a check."""

    def __init__(self) -> None:
        self.left = _MAX_ITEMS

    def spend(self, count: int = 1) -> None:
        self.left -= count
        if self.left < 0:
            raise _TooLarge


# An item's key is a tagged tuple, so that True never equals 1 and "9" never equals 9:
# ("none",) ("bool", b) ("text", t) ("num", n) ("tuple", (keys...)) ("other", _Unreadable())
Key = tuple


def _read_item(x: Any, budget: _Budget, depth: int = 0) -> tuple[Key, Any]:
    """Return (key, plain value) for one item of a collection; rows (lists, tuples) become tuples."""
    budget.spend()
    kind = type(x)
    if kind is str:  # the usual cases first, for speed
        text = _normalise_text(x)
        return ("text", text), text
    if kind is int:
        return ("num", x), x
    category = _category(x)
    if category == "none":
        return ("none",), None
    if category in _BOOL_CATEGORIES:
        flag = bool(x)
        return ("bool", flag), flag
    if category == "str":
        text = _normalise_text(str.__str__(x))
        return ("text", text), text
    if category in _NUMBER_CATEGORIES:
        value = _number_value(x, category)
        return ("num", _number_key(value)), value
    is_row = category in ("list", "tuple") or (category == "ndarray" and x.ndim == 1)
    if is_row and depth < _MAX_DEPTH:
        inner = _items_of(x, category)
        budget.spend(len(inner))
        pairs = [_read_item(item, budget, depth + 1) for item in inner]
        return ("tuple", tuple(k for k, _ in pairs)), tuple(p for _, p in pairs)
    if category == "ndarray" and x.ndim == 0 and depth < _MAX_DEPTH:
        return _read_item(x.item(), budget, depth + 1)
    marker = _Unreadable()
    return ("other", marker), marker
