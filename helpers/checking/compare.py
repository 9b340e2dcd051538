"""Comparing an answer with the reference (both already read) and saying what is wrong, never what is right."""

from __future__ import annotations

import collections
import math
from collections.abc import Sequence

from .answers import _Read
from .feedback import _join, _Say, _say
from .values import Key, _echo_number

_COLLECTION_PROBLEM_WORDS = {
    "missing": "some items are missing",
    "extra": "some items should not be there",
    "counts": "the right items are there, but some appear too often or too rarely (here repeats count)",
    "order": "the right items are there, but not in the right order",
}
_MAPPING_PROBLEM_WORDS = {
    "repeated_keys": "some keys appear twice once upper/lower case and spaces are ignored",
    "missing_keys": "some keys are missing",
    "extra_keys": "some keys should not be there",
    "values": "some values are not right",
}


def _close(given: int | float, expected: int | float, tolerance: float) -> bool:
    """Return True if two numbers are equal, floats within tolerance (relative above 1).

    >>> _close(9, 9.0, 1e-9), _close(0.1 + 0.2, 0.3, 1e-9), _close(9, 10, 1e-9)
    (True, True, False)
    """
    if type(given) is int and type(expected) is int:
        return given == expected
    try:
        g, e = float(given), float(expected)
    except OverflowError:
        return False
    if math.isnan(g) or math.isnan(e):
        return math.isnan(g) and math.isnan(e)
    if math.isinf(g) or math.isinf(e):
        return g == e
    return abs(g - e) <= tolerance * max(1.0, abs(e))


def _has_float(key: Key) -> bool:
    """Return True if a key holds a float that is not a whole number (compared with tolerance)."""
    if key[0] == "num":
        return type(key[1]) is float
    if key[0] == "tuple":
        return any(_has_float(k) for k in key[1])
    return False


def _same_item(a: Key, b: Key, tolerance: float) -> bool:
    """Return True if two item keys are equal (numbers within tolerance)."""
    if a == b:
        return True
    if a[0] != b[0]:
        return False
    if a[0] == "num":
        return _close(a[1], b[1], tolerance)
    if a[0] == "tuple" and len(a[1]) == len(b[1]):
        return all(_same_item(x, y, tolerance) for x, y in zip(a[1], b[1]))
    return False


class _Pool:
    """A collection of keys that answers "is this key in here?" quickly (floats with tolerance)."""

    def __init__(self, keys: Sequence[Key], tolerance: float) -> None:
        self.keys = set(keys)
        self.with_floats = [k for k in self.keys if _has_float(k)]
        self.tolerance = tolerance

    def has(self, key: Key) -> bool:
        if key in self.keys:
            return True
        candidates = self.keys if _has_float(key) else self.with_floats
        return any(_same_item(key, other, self.tolerance) for other in candidates)

    def has_all(self, keys: Sequence[Key] | set[Key]) -> bool:
        return all(self.has(key) for key in keys)


def _bag_equal(given: list[Key], expected: list[Key], tolerance: float) -> bool:
    """Return True if both lists hold the same items the same number of times, in any order."""
    if len(given) != len(expected):
        return False
    left = collections.Counter(expected)
    unmatched = []
    for key in given:
        if left.get(key, 0) > 0:
            left[key] -= 1
        else:
            unmatched.append(key)
    rest = [key for key, count in left.items() for _ in range(count)]
    for key in unmatched:
        for i, other in enumerate(rest):
            if _same_item(key, other, tolerance):
                del rest[i]
                break
        else:
            return False
    return True


def _collection_problems(given: list[Key], expected: list[Key], kind: str, tolerance: float) -> list[str]:
    """Return what is wrong with a collection (empty when it is right), without naming any item."""
    given_pool, expected_pool = _Pool(given, tolerance), _Pool(expected, tolerance)
    missing = not given_pool.has_all(expected_pool.keys)
    extra = not expected_pool.has_all(given_pool.keys)
    if kind == "sequence":
        right = len(given) == len(expected) and all(_same_item(g, e, tolerance) for g, e in zip(given, expected))
    elif kind == "bag":
        right = _bag_equal(given, expected, tolerance)
    else:
        right = not missing and not extra
    if right:
        return []
    problems = [name for name, found in (("missing", missing), ("extra", extra)) if found]
    if not problems:
        problems.append("order" if kind == "sequence" and _bag_equal(given, expected, tolerance) else "counts")
    given_tags = {k[0] for k in given}
    expected_tags = {k[0] for k in expected}
    if "text" in given_tags and "num" in expected_tags and "text" not in expected_tags:
        problems.append("text_for_numbers")
    if "num" in given_tags and "text" in expected_tags and "num" not in expected_tags:
        problems.append("numbers_for_text")
    return problems


def _mapping_problems(given: _Read, expected: _Read, tolerance: float) -> list[str]:
    """Return what is wrong with a mapping (empty when it is right), without naming any key or value."""
    problems = []
    if given.repeated_keys:
        problems.append("repeated_keys")
    if not _Pool(list(given.value), tolerance).has_all(expected.value):
        problems.append("missing_keys")
    if not _Pool(list(expected.value), tolerance).has_all(given.value):
        problems.append("extra_keys")
    for key, value in expected.value.items():
        if key in given.value and not _same_item(given.value[key], value, tolerance):
            problems.append("values")
            break
    return problems


def _problems(given: _Read, expected: _Read, kind: str, tolerance: float) -> list[str]:
    """Return what is wrong with an answer already read for kind (an empty list: it is right)."""
    if kind == "number":
        return [] if _close(given.value, expected.value, tolerance) else ["value"]
    if kind in ("text", "boolean"):
        return [] if given.value == expected.value else ["value"]
    if kind in ("set", "bag", "sequence"):
        return _collection_problems(given.value, expected.value, kind, tolerance)
    return _mapping_problems(given, expected, tolerance)


def _number_message(read: _Read) -> _Say:
    """Return the first sentence for a wrong number (NaN and infinity explained)."""
    value = read.value
    if type(value) is float and math.isnan(value):
        return _say(
            "Your answer is NaN (not a number). This usually means the calculation met a "
            "missing value or divided zero by zero."
        )
    if type(value) is float and math.isinf(value):
        return _say("Your answer is infinite. This usually means a division by zero.")
    shown = _echo_number(read.plain)
    if shown is None:
        return _say("Your answer is not the number the question asks for.")
    return _say("Your answer, {n}, is not the number the question asks for.", echo={"n": shown})


def _collection_message(problems: list[str]) -> _Say:
    """Return the first sentences for a wrong collection, from its problems."""
    described = [_COLLECTION_PROBLEM_WORDS[p] for p in problems if p in _COLLECTION_PROBLEM_WORDS]
    message = _say("Your collection is not right yet: {what}.", what=" and ".join(described))
    if "text_for_numbers" in problems:
        message = _join(
            message, _say("Some items are pieces of text where numbers are expected: remove the quotation marks.")
        )
    if "numbers_for_text" in problems:
        message = _join(
            message,
            _say('Some items are numbers where text is expected: text goes between quotation marks, like `"word"`.'),
        )
    return message


def _wrong_value_message(read: _Read | None, problems: list[str], kind: str, name: str) -> _Say:
    """Return the message for an answer of the right type that is not right (read is None for "custom")."""
    if kind == "number":
        first = _number_message(read)
    elif kind == "text":
        first = _say(
            'Your answer "{text}" is not the text the question asks for. Upper/lower case and '
            "extra spaces are already ignored, so look at the words and punctuation themselves.",
            echo={"text": read.echo},
        )
    elif kind == "boolean":
        first = _say("That is not the right answer yet. Re-read the question and follow its reasoning step by step.")
    elif kind == "mapping":
        what = " and ".join(_MAPPING_PROBLEM_WORDS[p] for p in problems)
        first = _say("Your answer is not right yet: {what}.", what=what)
    elif kind == "custom":
        first = _say("Your answer is not what the question asks for yet.")
    else:
        first = _collection_message(problems)
    tail = _say("Check each step of your code, then try again; `ex.{name}.hint()` gives a hint.", name=name)
    return _join(first, tail)
