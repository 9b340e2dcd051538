"""The "mapping" kind: a dict or a Series (index -> value); keys compared like text, values like numbers or text."""

from __future__ import annotations

from typing import Any

from ..feedback import Say, say
from ..objects import category
from ..values import Budget, Key, read_item
from .base import Kind, Read, Rules, wrong_type
from .collection import Pool, same_item, secrets_of

PROBLEM_WORDS = {
    "repeated_keys": "some keys appear twice once upper/lower case and spaces are ignored",
    "missing_keys": "some keys are missing",
    "extra_keys": "some keys should not be there",
    "values": "some values are not right",
}


class MappingKind(Kind):
    """Keys with their values. A Mistake's test sees a dict.

    >>> rules = Rules("counts by fruit")
    >>> KIND.problems(KIND.read({"Kiwi": 3.0}, rules), KIND.read({"kiwi": 3}, rules), rules)
    []
    """

    name = "mapping"
    answer_type = "a dictionary (dict) or a pandas Series"
    sample = {"pomegranate": 4271, "tamarind": 3}

    def read(self, answer: Any, rules: Rules) -> Read:
        found = category(answer)
        if found == "dict":
            pairs = list(dict.items(answer))
        elif found == "series":
            pairs = list(zip(answer.index.tolist(), answer.tolist()))
        elif found in ("list", "tuple"):
            raise wrong_type(answer, rules.answer_type,
                             "`dict(pairs)` turns a list of (key, value) pairs into a dictionary.")
        elif found == "dataframe":
            raise wrong_type(
                answer, rules.answer_type,
                "A DataFrame is a whole table: pick one column (a Series, whose index gives the keys).",
            )
        else:
            raise wrong_type(answer, rules.answer_type)
        budget = Budget()
        budget.spend(len(pairs))
        keys: dict[Key, Key] = {}
        plain: dict[Any, Any] = {}
        repeated = False
        for key, value in pairs:
            key_key, key_plain = read_item(key, budget)
            value_key, value_plain = read_item(value, budget)
            repeated = repeated or key_key in keys
            keys[key_key] = value_key
            plain[key_plain] = value_plain
        return Read(keys, plain, flags=frozenset({"repeated_keys"}) if repeated else frozenset())

    def problems(self, given: Read, expected: Read, rules: Rules) -> list[str]:
        problems = []
        if "repeated_keys" in given.flags:
            problems.append("repeated_keys")
        if not Pool(list(given.value), rules.tolerance).has_all(expected.value):
            problems.append("missing_keys")
        if not Pool(list(expected.value), rules.tolerance).has_all(given.value):
            problems.append("extra_keys")
        for key, value in expected.value.items():
            if key in given.value and not same_item(given.value[key], value, rules.tolerance):
                problems.append("values")
                break
        return problems

    def explain(self, given: Read, expected: Read, problems: list[str], rules: Rules) -> Say:
        return say("Your answer is not right yet: {what}.", what=" and ".join(PROBLEM_WORDS[p] for p in problems))

    def secrets(self, expected: Read) -> list[str]:
        return secrets_of([*expected.plain.keys(), *expected.plain.values()], size=len(expected.plain))


KIND = MappingKind()
