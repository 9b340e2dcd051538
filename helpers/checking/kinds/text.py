"""The "text" kind: a str, ignoring upper/lower case, surrounding and repeated spaces, curly quotes."""

from __future__ import annotations

from typing import Any

from ..feedback import Say, say
from ..objects import BOOL_CATEGORIES, NUMBER_CATEGORIES
from ..spelling import is_near_miss
from ..values import echo_text, normalise_text
from .base import Kind, Read, Rules, quote_the_name, scalar_rejection, unwrap, wrong_type


class TextKind(Kind):
    """A piece of text, compared after normalise_text (case, spaces, quotes, Unicode forms).

    >>> rules = Rules("a word")
    >>> KIND.problems(KIND.read(" KIWI ", rules), KIND.read("kiwi", rules), rules)
    []
    """

    name = "text"
    answer_type = "a piece of text (str)"
    sample = "pomegranate"

    def read(self, answer: Any, rules: Rules) -> Read:
        answer, found = unwrap(answer)
        if found == "str":
            raw = str.__str__(answer)
            text = normalise_text(raw)
            return Read(text, text, echo=echo_text(raw))
        if found in NUMBER_CATEGORIES or found in BOOL_CATEGORIES:
            raise wrong_type(
                answer, rules.answer_type,
                'Give the words themselves, between quotation marks, for example `"some words"`.',
            )
        if found in ("class", "exception") and (tip := quote_the_name(answer, found)):  # AttributeError without quotes
            raise wrong_type(answer, rules.answer_type, tip)
        raise scalar_rejection(answer, found, rules.answer_type)

    def problems(self, given: Read, expected: Read, rules: Rules) -> list[str]:
        if given.value == expected.value:
            return []
        return ["near_miss"] if is_near_miss(given.value, expected.value) else ["value"]

    def explain(self, given: Read, expected: Read, problems: list[str], rules: Rules) -> Say:
        if "near_miss" in problems:
            return say(
                'Your answer "{text}" is very close to the text the question asks for: a letter, a space '
                "or a punctuation mark differs. Compare its spelling, letter by letter, with the data.",
                echo={"text": given.echo},
            )
        return say(
            'Your answer "{text}" is not the text the question asks for: its words or punctuation differ, '
            "not only its upper/lower case or spaces. Look at the words themselves.",
            echo={"text": given.echo},
        )

    def secrets(self, expected: Read) -> list[str]:
        return [expected.value] if expected.value else []


KIND = TextKind()
