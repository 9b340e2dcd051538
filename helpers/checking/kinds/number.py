"""The "number" kind: int, float, numpy and pandas numbers, 0-d arrays; within a tolerance; never True/False."""

from __future__ import annotations

import math
from typing import Any

from ..feedback import Say, say
from ..objects import BOOL_CATEGORIES, NUMBER_CATEGORIES
from ..values import echo_number, number_value
from .base import Kind, Read, Rules, scalar_rejection, secret_number, text_given, truth_values_tip, unwrap, wrong_type

SEVERAL_VALUES = (
    "It holds several values, and the question asks for one number. Pick out the one you need; or, if the "
    "question asks how many items there are, `len(...)` counts them."
)


def close(given: int | float, expected: int | float, tolerance: float) -> bool:
    """Return True if two numbers are equal, floats within tolerance (relative above 1).

    >>> close(9, 9.0, 1e-9), close(0.1 + 0.2, 0.3, 1e-9), close(9, 10, 1e-9)
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


class NumberKind(Kind):
    """One number, compared within the exercise's tolerance.

    >>> rules = Rules("a number")
    >>> KIND.problems(KIND.read(9.0, rules), KIND.read(9, rules), rules)
    []
    """

    name = "number"
    answer_type = "a number"
    sample = 4271

    def read(self, answer: Any, rules: Rules) -> Read:
        answer, found = unwrap(answer)
        if found in NUMBER_CATEGORIES:
            value = number_value(answer, found)
            return Read(value, value)
        if found in BOOL_CATEGORIES:
            raise wrong_type(answer, rules.answer_type, "True and False are not numbers here: give the number itself.")
        if found == "str":
            raise text_given(answer, rules.answer_type, "Give the number itself, without quotation marks.")
        if tip := truth_values_tip(answer, found):  # a condition (True/False per row) where a count is asked
            raise wrong_type(answer, rules.answer_type, tip)
        raise scalar_rejection(answer, found, rules.answer_type, several=SEVERAL_VALUES)

    def problems(self, given: Read, expected: Read, rules: Rules) -> list[str]:
        return [] if close(given.value, expected.value, rules.tolerance) else ["value"]

    def explain(self, given: Read, expected: Read, problems: list[str], rules: Rules) -> Say:
        value = given.value
        if type(value) is float and math.isnan(value):
            return say(
                "Your answer is NaN (not a number). This usually means the calculation met a "
                "missing value or divided zero by zero."
            )
        if type(value) is float and math.isinf(value):
            return say("Your answer is infinite. This usually means a division by zero.")
        shown = echo_number(given.plain)
        if shown is None:
            return say("Your answer is not the number the question asks for.")
        return say("Your answer, {n}, is not the number the question asks for.", echo={"n": shown})

    def secrets(self, expected: Read) -> list[str]:
        return [secret_number(expected.value)]

    def direction(self, given: Read, expected: Read) -> str:
        if not all(math.isfinite(v) for v in (given.value, expected.value)) or given.value == expected.value:
            return ""
        return "larger" if expected.value > given.value else "smaller"


KIND = NumberKind()
