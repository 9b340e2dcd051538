"""The "custom" kind: the exercise's compare(answer, expected) decides; the answer is not read first."""

from __future__ import annotations

from typing import Any

from ..feedback import Say, say
from ..objects import NUMBER_CATEGORIES, category, plain_truth
from ..values import number_value
from .base import Kind, Read, Rules, secret_number


class CustomKind(Kind):
    """Any answer; compare(answer, expected) returns True when it is right.

    >>> rules = Rules("an even number", compare=lambda a, e: a % 2 == e % 2)
    >>> KIND.problems(KIND.read(10, rules), KIND.read(4, rules), rules)
    []
    """

    name = "custom"
    answer_type = "an answer to this question"
    sample = 4271
    sample_options = {"compare": lambda answer, expected: answer == expected}

    def check_rules(self, rules: Rules) -> None:
        if rules.compare is None:
            raise ValueError('Give compare=... when kind="custom": a function compare(answer, expected) -> bool.')
        if not callable(rules.compare):
            raise TypeError("Exercise(compare=...) must be a function compare(answer, expected) -> bool.")

    def read(self, answer: Any, rules: Rules) -> Read:
        return Read(answer, answer)

    def problems(self, given: Read, expected: Read, rules: Rules) -> list[str]:
        return [] if plain_truth(rules.compare(given.value, expected.value)) else ["value"]  # type: ignore[misc]

    def explain(self, given: Read, expected: Read, problems: list[str], rules: Rules) -> Say:
        return say("Your answer is not what the question asks for yet.")

    def secrets(self, expected: Read) -> list[str]:
        found = category(expected.value)
        if found == "str":
            return [str.__str__(expected.value)]
        if found in NUMBER_CATEGORIES:
            return [secret_number(number_value(expected.value, found))]
        return []


KIND = CustomKind()
