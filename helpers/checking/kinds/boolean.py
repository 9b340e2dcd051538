"""The "boolean" kind: True or False (numpy bools too); never the text "yes" or "true", never 1 or 0."""

from __future__ import annotations

from typing import Any

from ..feedback import Say, say
from ..objects import BOOL_CATEGORIES, NUMBER_CATEGORIES
from .base import Kind, Read, Rules, scalar_rejection, text_given, unwrap, wrong_type


class BooleanKind(Kind):
    """True or False.

    >>> rules = Rules("True or False")
    >>> KIND.problems(KIND.read(False, rules), KIND.read(True, rules), rules)
    ['value']
    """

    name = "boolean"
    answer_type = "True or False"
    sample = True

    def read(self, answer: Any, rules: Rules) -> Read:
        answer, found = unwrap(answer)
        if found in BOOL_CATEGORIES:
            flag = bool(answer)
            return Read(flag, flag)
        if found == "str":
            raise text_given(answer, "True or False", "Write True or False without quotation marks.")
        if found in NUMBER_CATEGORIES:
            raise wrong_type(
                answer, rules.answer_type, "Write True or False (with a capital letter, without quotation marks)."
            )
        raise scalar_rejection(answer, found, rules.answer_type)

    def problems(self, given: Read, expected: Read, rules: Rules) -> list[str]:
        return [] if given.value == expected.value else ["value"]

    def explain(self, given: Read, expected: Read, problems: list[str], rules: Rules) -> Say:
        return say("That is not the right answer yet. Re-read the question and follow its reasoning step by step.")

    # secrets(): none. Any feedback narrows True/False down, and the words themselves are common.


KIND = BooleanKind()
