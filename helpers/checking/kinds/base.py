"""What every answer kind does, and the tips about an answer of the wrong type that kinds share.

A kind is an object with one protocol (see Kind): read an answer or reject it with a tip about its
type, list its problems against the reference, explain them without giving the answer, and name
what must never appear in feedback. Each kind lives in its own module of this package and is found
by its name (kinds.kind_named("number")).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from ..feedback import Say, say
from ..objects import COLLECTION_CATEGORIES, category, describe, holds_truth_values, length_of
from ..values import echo_text, number_key


@dataclass(frozen=True)
class Rules:
    """What an exercise adds to its kind: the words for what is expected, a tolerance, a comparison."""

    answer_type: str
    tolerance: float = 1e-9
    compare: Callable[[Any, Any], Any] | None = None


@dataclass
class Read:
    """An answer read for a kind: value (compared), plain (given to Mistake tests), echo (shown back)."""

    value: Any
    plain: Any
    echo: str = ""
    flags: frozenset[str] = field(default_factory=frozenset)


class Rejected(Exception):
    """Raised while reading an answer that is not of the kind the exercise asks for."""

    def __init__(self, message: Say) -> None:
        super().__init__(message.plain)
        self.say = message


class Kind:
    """One kind of answer. A new kind is a subclass in a module of this package, with its own test file.

    Its module sets KIND = TheKind(); the registry (kinds/__init__.py) finds it there by its name.
    """

    #: The name an exercise gives: Exercise(..., kind="number").
    name: ClassVar[str] = ""
    #: What the feedback says is expected when the exercise gives no answer_type.
    answer_type: ClassVar[str] = ""
    #: A reference answer of this kind (the engine's tests check every kind with it).
    sample: ClassVar[Any] = None
    #: The rules an exercise of this kind needs for its sample (the tests use them).
    sample_options: ClassVar[dict[str, Any]] = {}

    def check_rules(self, rules: Rules) -> None:
        """Raise ValueError if the exercise's options do not suit this kind (called when it is made)."""
        if rules.compare is not None:
            raise ValueError(f'Give compare=... only with kind="custom", not with kind="{self.name}".')

    def read(self, answer: Any, rules: Rules) -> Read:
        """Return the answer read for this kind; raise Rejected (with a tip) if it is of another type."""
        raise NotImplementedError

    def read_reference(self, reference: Any, rules: Rules) -> Read:
        """Return the exercise's own reference answer read for this kind (the same as read by default)."""
        return self.read(reference, rules)

    def problems(self, given: Read, expected: Read, rules: Rules) -> list[str]:
        """Return short names of what is wrong with the answer; an empty list means it is right."""
        raise NotImplementedError

    def explain(self, given: Read, expected: Read, problems: list[str], rules: Rules) -> Say:
        """Return the first sentences of the feedback for a wrong answer, without the right answer."""
        raise NotImplementedError

    def secrets(self, expected: Read) -> list[str]:
        """Return the texts that would give the answer away if a hint or a message held them."""
        return []

    def direction(self, given: Read, expected: Read) -> str:
        """Return "larger" or "smaller" when expected is larger or smaller than given (kinds with an order), else ""."""
        return ""

    def __repr__(self) -> str:
        return f"<answer kind {self.name!r}>"


# -- tips about an answer of the wrong type ---------------------------------------------------

CALL_IT = "A function gives its result only when you call it: add parentheses after its name, with its inputs inside."

# Tips for an answer of the wrong type, by its category: when one value (number, text, bool) is asked...
SCALAR_TIPS = {
    "function": CALL_IT,
    "class": "You gave a type itself (like `int` or `list`), not a value.",
    "dataframe": "A DataFrame is a whole table: pick the column and the value the question asks about.",
    "masked": "A masked array hides its values, so there is no value to check: give a plain value instead.",
    "exception": "You gave an error object, not a value.",
}
# ... and when a collection is asked.
COLLECTION_TIPS = {
    "str": 'Put the items in a list, for example `["first", "second"]`.',
    "dict": "A dictionary pairs keys with values: `list(d)` gives its keys, `list(d.values())` its values.",
    "dataframe": 'A DataFrame is a whole table: pick one column, for example `df["column"]`.',
    "generator": "A generator has not made its items yet: wrap it in `list(...)`.",
    "iterator": "An iterator has not made its items yet: wrap it in `list(...)`.",
    "function": CALL_IT,
    "masked": "A masked array hides some of its values: give a list of the values you mean.",
}


def wrong_type(answer: Any, answer_type: str, extra: str = "") -> Rejected:
    """Return the rejection that names both the expected and the given kind of answer."""
    template = "The question asks for {atype}, but your answer is {given}."
    if extra:
        template += " " + extra
    return Rejected(say(template, echo={"given": describe(answer)}, atype=answer_type))


def unwrap(answer: Any) -> tuple[Any, str]:
    """Return (value, category), taking the value out of a 0-d numpy array (never a masked one)."""
    found = category(answer)
    for _ in range(3):
        if found != "ndarray" or answer.ndim != 0:
            break
        answer = answer.item()
        found = category(answer)
    return answer, found


def class_name(cls: Any) -> str:
    """Return a class's own name, made safe to show (letters, digits and _ only), or "" if it has none.

    >>> class_name(AttributeError)
    'AttributeError'
    """
    try:
        name = type.__getattribute__(cls, "__name__")
    except Exception:
        return ""
    return re.sub(r"\W", "", str.__str__(name))[:40] if isinstance(name, str) else ""


def quote_the_name(answer: Any, found: str) -> str:
    """Return the tip for a class or an error object given where text is asked: put its name in quotes."""
    name = class_name(answer if found == "class" else type(answer))
    if not name:
        return ""
    return f'If you meant its name as text, put the name in quotation marks: `"{name}"`.'


def truth_values_tip(answer: Any, found: str) -> str:
    """Return the tip for a collection of True/False values given where one number is asked ("" if it is not one)."""
    if not holds_truth_values(answer, found):
        return ""
    return ("It holds one True or False for each row. To count the rows where it is True, add them up with "
            "`.sum()` (or `sum(...)` for a list); `len(...)` would count every row, True or False.")


ONE_VALUE = "The question asks for one value: pick it out of the collection."


def scalar_rejection(answer: Any, found: str, answer_type: str, several: str = ONE_VALUE) -> Rejected:
    """Return the rejection for a wrong type when a single value (number, text, bool) is asked.

    several: the tip for a collection of several values (a kind may say more, such as how to count).
    """
    if found in ("series", "ndarray", "index", "pd_array") and length_of(answer, found) == 1:
        return wrong_type(answer, answer_type, "It holds one value: take that value out, for example with `.item()`.")
    if found in SCALAR_TIPS:
        return wrong_type(answer, answer_type, SCALAR_TIPS[found])
    if found in ("list", "tuple") and length_of(answer, found) == 1:
        return wrong_type(answer, answer_type, "It holds one value: take that value out with `[0]`.")
    if found in COLLECTION_CATEGORIES:
        return wrong_type(answer, answer_type, several)
    return wrong_type(answer, answer_type)


def text_given(answer: str, wanted: str, fix: str) -> Rejected:
    """Return the rejection for a piece of text given where a number or True/False is asked."""
    return Rejected(
        say(
            'You gave the text "{text}", but the question asks for {wanted}. ' + fix,
            echo={"text": echo_text(str.__str__(answer))},
            wanted=wanted,
        )
    )


def secret_number(value: int | float) -> str:
    """Return a number as text the way a hint would write it (9.0 as "9").

    >>> secret_number(9.0), secret_number(0.25)
    ('9', '0.25')
    """
    key = number_key(value)
    return str(key) if type(key) is int else repr(key)
