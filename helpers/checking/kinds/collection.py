"""What the collection kinds ("set", "bag", "sequence") share: reading items, matching them, saying what differs.

Not a kind itself (it has no KIND): sets.py, bag.py and sequence.py each make one from CollectionKind.
"""

from __future__ import annotations

import collections
from collections.abc import Iterable, Sequence
from typing import Any, ClassVar

from ..feedback import Say, join, say
from ..objects import COLLECTIONS, SCALAR_CATEGORIES, UNORDERED_CATEGORIES, category, items_of, length_of
from ..spelling import is_near_miss
from ..values import Budget, Key, read_item
from .base import COLLECTION_TIPS, Kind, Read, Rejected, Rules, secret_number, wrong_type
from .number import close

MAX_SECRET_ITEMS = 20  # a longer reference is not searched for in feedback: its items are common words
MAX_PAIRINGS = 1_000_000  # floats are paired within tolerance only when this few comparisons do it


def has_float(key: Key) -> bool:
    """Return True if a key holds a float that is not a whole number (compared with tolerance)."""
    if key[0] == "num":
        return type(key[1]) is float
    if key[0] == "tuple":
        return any(has_float(k) for k in key[1])
    return False


def same_item(a: Key, b: Key, tolerance: float) -> bool:
    """Return True if two item keys are equal (numbers within tolerance).

    >>> same_item(("num", 0.30000000000000004), ("num", 0.3), 1e-9), same_item(("num", 1), ("bool", True), 1e-9)
    (True, False)
    """
    if a == b:
        return True
    if a[0] != b[0]:
        return False
    if a[0] == "num":
        return close(a[1], b[1], tolerance)
    if a[0] == "tuple" and len(a[1]) == len(b[1]):
        return all(same_item(x, y, tolerance) for x, y in zip(a[1], b[1]))
    return False


class Pool:
    """A collection of keys that answers "is this key in here?" quickly (floats with tolerance)."""

    def __init__(self, keys: Iterable[Key], tolerance: float) -> None:
        self.keys = set(keys)
        self.with_floats = [k for k in self.keys if has_float(k)]
        self.tolerance = tolerance

    def has(self, key: Key) -> bool:
        if key in self.keys:
            return True
        candidates = self.keys if has_float(key) else self.with_floats
        return any(same_item(key, other, self.tolerance) for other in candidates)

    def has_all(self, keys: Iterable[Key]) -> bool:
        return all(self.has(key) for key in keys)

    def lacking(self, keys: Iterable[Key]) -> list[Key]:
        """Return the keys (each once) that this pool does not hold."""
        return [key for key in dict.fromkeys(keys) if not self.has(key)]


def unmatched(given: Sequence[Key], expected: Sequence[Key], tolerance: float) -> tuple[list[Key], list[Key]]:
    """Return (given items left over, expected items left over) once items are paired one to one."""
    left = collections.Counter(expected)
    spare = []
    for key in given:
        if left.get(key, 0) > 0:
            left[key] -= 1
        else:
            spare.append(key)
    rest = [key for key, count in left.items() for _ in range(count)]
    if not any(has_float(key) for key in (*spare, *rest)) or len(spare) * len(rest) > MAX_PAIRINGS:
        return spare, rest  # equal keys have met already; only floats may still meet within tolerance
    extra = []
    for key in spare:
        for i, other in enumerate(rest):
            if same_item(key, other, tolerance):
                del rest[i]
                break
        else:
            extra.append(key)
    return extra, rest


def leaves(items: Iterable[Any]) -> Iterable[Any]:
    """Yield the plain values inside items, opening tuples (pairs and so on)."""
    for item in items:
        if type(item) is tuple:
            yield from leaves(item)
        elif type(item) in (int, float, str):
            yield item


def secrets_of(items: list[Any], size: int | None = None) -> list[str]:
    """Return the plain values of a short reference (size items) that feedback must not show (3 characters or more)."""
    if (len(items) if size is None else size) > MAX_SECRET_ITEMS:
        return []
    shown = [secret_number(x) if type(x) in (int, float) else str(x) for x in leaves(items)]
    return sorted({text for text in shown if len(text) >= 3})


def items_phrase(count: int, verb_one: str, verb_many: str) -> str:
    """Return "1 item is missing" or "3 items are missing".

    >>> items_phrase(1, "is missing", "are missing"), items_phrase(2, "should not be there", "should not be there")
    ('1 item is missing', '2 items should not be there')
    """
    return f"{count} item {verb_one}" if count == 1 else f"{count} items {verb_many}"


def misspelled(extra: list[Key], missing: list[Key]) -> bool:
    """Return True if a text item given looks like a misspelling of a text item that is missing."""
    texts = [k[1] for k in extra if k[0] == "text"][:MAX_SECRET_ITEMS]
    wanted = [k[1] for k in missing if k[0] == "text"][:MAX_SECRET_ITEMS]
    return any(is_near_miss(text, other) for text in texts for other in wanted)


class CollectionKind(Kind):
    """Several items, compared one by one like numbers or text; `ordered` and `repeats_count` say what else counts."""

    ordered: ClassVar[bool] = False
    repeats_count: ClassVar[bool] = False

    def read(self, answer: Any, rules: Rules) -> Read:
        found = category(answer)
        accepted = found in COLLECTIONS
        if found in UNORDERED_CATEGORIES and self.ordered:
            accepted = False
        if found == "ndarray" and answer.ndim != 1:
            accepted = False
        if not accepted:
            raise self.rejection(answer, found, rules.answer_type)
        budget = Budget()
        budget.spend(length_of(answer, found))
        pairs = [read_item(item, budget) for item in items_of(answer, found)]
        plains = [p for _, p in pairs]
        plain = tuple(plains) if self.ordered or self.repeats_count else frozenset(plains)
        return Read([k for k, _ in pairs], plain)

    def rejection(self, answer: Any, found: str, answer_type: str) -> Rejected:
        """Return the rejection for an answer that is not a collection this kind reads."""
        if found in UNORDERED_CATEGORIES:
            extra = "A set has no order, but here the order matters: give a list with the items in the right order."
        elif found == "ndarray":
            extra = "This array is not a flat row of items: give a list (or a one-dimensional array)."
        elif found in SCALAR_CATEGORIES and found != "str":
            extra = "Put the items in a list, for example `[first, second]`."
        else:
            extra = COLLECTION_TIPS.get(found, "")
        return wrong_type(answer, answer_type, extra)

    def is_right(self, given: list[Key], expected: list[Key], tolerance: float) -> bool:
        """Return True if the collection given is the collection expected, as this kind compares them."""
        if self.ordered:
            return len(given) == len(expected) and all(same_item(g, e, tolerance) for g, e in zip(given, expected))
        if self.repeats_count:
            return not any(unmatched(given, expected, tolerance))
        return Pool(given, tolerance).has_all(expected) and Pool(expected, tolerance).has_all(given)

    def problems(self, given: Read, expected: Read, rules: Rules) -> list[str]:
        tolerance = rules.tolerance
        if self.is_right(given.value, expected.value, tolerance):
            return []
        missing = Pool(given.value, tolerance).lacking(expected.value)
        extra = Pool(expected.value, tolerance).lacking(given.value)
        problems = []
        if not given.value:
            problems.append("empty")
        elif not missing and not extra:
            in_order = self.ordered and not any(unmatched(given.value, expected.value, tolerance))
            problems.append("order" if in_order else "counts")
        else:
            if self.repeats_count or self.ordered:  # count each repeat that is missing or too many
                extra, missing = unmatched(given.value, expected.value, tolerance)
            problems += [f"missing:{len(missing)}"] if missing else []
            problems += [f"extra:{len(extra)}"] if extra else []
            if missing and extra and misspelled(extra, missing):
                problems.append("misspelled")
        given_tags = {k[0] for k in given.value}
        expected_tags = {k[0] for k in expected.value}
        if given_tags == {"bool"} and "bool" not in expected_tags and expected_tags:
            problems.append("truth_values")  # a condition (one True/False per row) where its rows' values are asked
        if "text" in given_tags and "num" in expected_tags and "text" not in expected_tags:
            problems.append("text_for_numbers")
        if "num" in given_tags and "text" in expected_tags and "num" not in expected_tags:
            problems.append("numbers_for_text")
        return problems

    def explain(self, given: Read, expected: Read, problems: list[str], rules: Rules) -> Say:
        if "truth_values" in problems:
            return say(
                "Your collection holds only True and False values, one for each row: that is a condition, not the "
                "items the question asks for. Use it to keep the rows where it is True (with `.loc[...]`), then "
                "give the values of those rows."
            )
        counts = dict(p.split(":") for p in problems if ":" in p)
        what = []
        if "empty" in problems:
            what.append("it is empty, so the step that collects the items kept none")
        if "missing" in counts:
            what.append(items_phrase(int(counts["missing"]), "is missing", "are missing"))
        if "extra" in counts:
            what.append(items_phrase(int(counts["extra"]), "should not be there", "should not be there"))
        if "counts" in problems:
            what.append("the right items are there, but some appear too often or too rarely")
        if "order" in problems:
            what.append("the right items are there, but not in the right order")
        ending = " (here repeats count)" if self.repeats_count and "empty" not in problems else ""
        message = say("Your collection is not right yet: {what}{ending}.", what=" and ".join(what), ending=ending)
        if "misspelled" in problems:
            message = join(message, say(
                "One of your items is very close to one that is missing: check the spelling of each item "
                "letter by letter."
            ))
        if "text_for_numbers" in problems:
            message = join(
                message, say("Some items are pieces of text where numbers are expected: remove the quotation marks.")
            )
        if "numbers_for_text" in problems:
            message = join(
                message,
                say('Some items are numbers where text is expected: text goes between quotation marks, like `"word"`.'),
            )
        return message

    def secrets(self, expected: Read) -> list[str]:
        return secrets_of(list(expected.plain))
