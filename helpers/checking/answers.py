"""Reading a student's answer for an exercise's kind, or rejecting it with a tip about its type."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .feedback import _Say, _say
from .objects import (
    _BOOL_CATEGORIES,
    _COLLECTION_CATEGORIES,
    _COLLECTIONS,
    _NUMBER_CATEGORIES,
    _SCALAR_CATEGORIES,
    _UNORDERED_CATEGORIES,
    _category,
    _describe,
    _items_of,
    _length_of,
)
from .values import Key, _Budget, _echo_text, _normalise_text, _number_value, _read_item

# Each kind, with what the feedback says is expected when the author gives no `answer_type`.
_DEFAULT_ANSWER_TYPES = {
    "number": "a number",
    "text": "a piece of text (str)",
    "set": "a collection of items, such as a list (order and repeats do not matter)",
    "bag": "a collection of items, such as a list (order does not matter, repeats count)",
    "sequence": "a list of items in the right order",
    "mapping": "a dictionary (dict) or a pandas Series",
    "boolean": "True or False",
    "custom": "an answer to this question",
}
KINDS = tuple(_DEFAULT_ANSWER_TYPES)

_CALL_IT = "A function gives its result only when you call it: add parentheses after its name, with its inputs inside."

# Tips for an answer of the wrong type, by its category: when one value (number, text, bool) is asked...
_SCALAR_TIPS = {
    "function": _CALL_IT,
    "class": "You gave a type itself (like `int` or `list`), not a value.",
    "dataframe": "A DataFrame is a whole table: pick the column and the value the question asks about.",
}
# ... and when a collection is asked.
_COLLECTION_TIPS = {
    "str": 'Put the items in a list, for example `["first", "second"]`.',
    "dict": "A dictionary pairs keys with values: `list(d)` gives its keys, `list(d.values())` its values.",
    "dataframe": 'A DataFrame is a whole table: pick one column, for example `df["column"]`.',
    "generator": "A generator has not made its items yet: wrap it in `list(...)`.",
    "iterator": "An iterator has not made its items yet: wrap it in `list(...)`.",
    "function": _CALL_IT,
}


@dataclass
class _Read:
    """An answer read for an exercise's kind: value (compared), plain (given to Mistake tests)."""

    value: Any
    plain: Any
    echo: str = ""
    repeated_keys: bool = False


class _Rejected(Exception):
    """Raised while reading an answer that is not of the kind the exercise asks for."""

    def __init__(self, say: _Say) -> None:
        super().__init__(say.plain)
        self.say = say


def _read_answer(answer: Any, kind: str, answer_type: str) -> _Read:
    """Return the answer read for kind (any kind but "custom"); raise _Rejected if it is not of that kind."""
    return _READERS[kind](answer, kind, answer_type)


def _wrong_type(answer: Any, answer_type: str, extra: str = "") -> _Rejected:
    """Return the rejection that names both the expected and the given kind of answer."""
    template = "The question asks for {atype}, but your answer is {given}."
    if extra:
        template += " " + extra
    return _Rejected(_say(template, echo={"given": _describe(answer)}, atype=answer_type))


def _unwrap(answer: Any) -> tuple[Any, str]:
    """Return (value, category), taking the value out of a 0-d numpy array."""
    category = _category(answer)
    for _ in range(3):
        if category != "ndarray" or answer.ndim != 0:
            break
        answer = answer.item()
        category = _category(answer)
    return answer, category


def _scalar_rejection(answer: Any, category: str, answer_type: str, kind: str) -> _Rejected:
    """Return the rejection for a wrong type when a single value (number, text, bool) is asked."""
    if category in ("series", "ndarray", "index", "pd_array") and _length_of(answer, category) == 1:
        return _wrong_type(answer, answer_type, "It holds one value: take that value out, for example with `.item()`.")
    if category in _SCALAR_TIPS:
        return _wrong_type(answer, answer_type, _SCALAR_TIPS[category])
    if category in ("list", "tuple") and _length_of(answer, category) == 1:
        return _wrong_type(answer, answer_type, "It holds one value: take that value out with `[0]`.")
    if category in _COLLECTION_CATEGORIES and kind == "number":
        return _wrong_type(
            answer, answer_type,
            "It holds several values, and the question asks for one number. Pick out the one you "
            "need; or, if the question asks how many items there are, `len(...)` counts them.",
        )
    if category in _COLLECTION_CATEGORIES:
        return _wrong_type(answer, answer_type, "The question asks for one value: pick it out of the collection.")
    return _wrong_type(answer, answer_type)


def _text_given(answer: str, wanted: str, fix: str) -> _Rejected:
    """Return the rejection for a piece of text given where a number or True/False is asked."""
    return _Rejected(
        _say(
            'You gave the text "{text}", but the question asks for {wanted}. ' + fix,
            echo={"text": _echo_text(str.__str__(answer))},
            wanted=wanted,
        )
    )


def _read_number(answer: Any, kind: str, answer_type: str) -> _Read:
    """Return a "number" answer read as a plain int or float."""
    answer, category = _unwrap(answer)
    if category in _NUMBER_CATEGORIES:
        value = _number_value(answer, category)
        return _Read(value, value)
    if category in _BOOL_CATEGORIES:
        raise _wrong_type(answer, answer_type, "True and False are not numbers here: give the number itself.")
    if category == "str":
        raise _text_given(answer, answer_type, "Give the number itself, without quotation marks.")
    raise _scalar_rejection(answer, category, answer_type, kind)


def _read_text(answer: Any, kind: str, answer_type: str) -> _Read:
    """Return a "text" answer read as normalised text (and the text to show back)."""
    answer, category = _unwrap(answer)
    if category == "str":
        raw = str.__str__(answer)
        text = _normalise_text(raw)
        return _Read(text, text, echo=_echo_text(raw))
    if category in _NUMBER_CATEGORIES or category in _BOOL_CATEGORIES:
        raise _wrong_type(
            answer, answer_type,
            'Give the words themselves, between quotation marks, for example `"some words"`.',
        )
    raise _scalar_rejection(answer, category, answer_type, kind)


def _read_boolean(answer: Any, kind: str, answer_type: str) -> _Read:
    """Return a "boolean" answer read as True or False."""
    answer, category = _unwrap(answer)
    if category in _BOOL_CATEGORIES:
        flag = bool(answer)
        return _Read(flag, flag)
    if category == "str":
        raise _text_given(answer, "True or False", "Write True or False without quotation marks.")
    if category in _NUMBER_CATEGORIES:
        raise _wrong_type(answer, answer_type, "Write True or False (with a capital letter, without quotation marks).")
    raise _scalar_rejection(answer, category, answer_type, kind)


def _read_collection(answer: Any, kind: str, answer_type: str) -> _Read:
    """Return a "set", "bag" or "sequence" answer read as item keys; plain is a frozenset or a tuple."""
    category = _category(answer)
    accepted = category in _COLLECTIONS
    if category in _UNORDERED_CATEGORIES and kind == "sequence":
        accepted = False
    if category == "ndarray" and answer.ndim != 1:
        accepted = False
    if not accepted:
        raise _collection_rejection(answer, category, answer_type)
    budget = _Budget()
    budget.spend(_length_of(answer, category))
    pairs = [_read_item(item, budget) for item in _items_of(answer, category)]
    plains = [p for _, p in pairs]
    return _Read([k for k, _ in pairs], frozenset(plains) if kind == "set" else tuple(plains))


def _collection_rejection(answer: Any, category: str, answer_type: str) -> _Rejected:
    """Return the rejection for a wrong type when a collection is asked."""
    if category in _UNORDERED_CATEGORIES:
        extra = "A set has no order, but here the order matters: give a list with the items in the right order."
    elif category == "ndarray":
        extra = "This array is not a flat row of items: give a list (or a one-dimensional array)."
    elif category in _SCALAR_CATEGORIES and category != "str":
        extra = "Put the items in a list, for example `[first, second]`."
    else:
        extra = _COLLECTION_TIPS.get(category, "")
    return _wrong_type(answer, answer_type, extra)


def _read_mapping(answer: Any, kind: str, answer_type: str) -> _Read:
    """Return a "mapping" answer (a dict or a Series) read as item keys; plain is a dict."""
    category = _category(answer)
    if category == "dict":
        pairs = list(dict.items(answer))
    elif category == "series":
        pairs = list(zip(answer.index.tolist(), answer.tolist()))
    elif category in ("list", "tuple"):
        raise _wrong_type(answer, answer_type, "`dict(pairs)` turns a list of (key, value) pairs into a dictionary.")
    elif category == "dataframe":
        raise _wrong_type(
            answer, answer_type, "A DataFrame is a whole table: pick one column (a Series, whose index gives the keys)."
        )
    else:
        raise _wrong_type(answer, answer_type)
    budget = _Budget()
    budget.spend(len(pairs))
    keys: dict[Key, Key] = {}
    plain: dict[Any, Any] = {}
    repeated = False
    for key, value in pairs:
        key_key, key_plain = _read_item(key, budget)
        value_key, value_plain = _read_item(value, budget)
        repeated = repeated or key_key in keys
        keys[key_key] = value_key
        plain[key_plain] = value_plain
    return _Read(keys, plain, repeated_keys=repeated)


_READERS = {
    "number": _read_number,
    "text": _read_text,
    "set": _read_collection,
    "bag": _read_collection,
    "sequence": _read_collection,
    "mapping": _read_mapping,
    "boolean": _read_boolean,
}
