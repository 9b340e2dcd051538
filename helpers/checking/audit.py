"""audit_exercise: the checks the test suite runs on every exercise an author writes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from .answers import _read_answer
from .exercise import Exercise
from .feedback import CORRECT, NOT_ATTEMPTED
from .objects import _NUMBER_CATEGORIES, _category
from .values import _normalise_text, _number_key, _number_value


def _secrets(exercise: Exercise, expected: Any) -> list[str]:
    """Return the texts that would give the answer away if a hint or message contained them."""
    if exercise.kind == "boolean":
        return []  # True/False: any feedback narrows it down; the words themselves are common.
    if exercise.kind == "custom":
        category = _category(expected)
        if category == "str":
            return [str.__str__(expected)]
        if category in _NUMBER_CATEGORIES:
            return [_secret_number(_number_value(expected, category))]
        return []
    read = _read_answer(expected, exercise.kind, exercise.answer_type)
    if exercise.kind == "number":
        return [_secret_number(read.value)]
    if exercise.kind == "text":
        return [read.value] if read.value else []
    if exercise.kind == "mapping":
        items: list[Any] = [*read.plain.keys(), *read.plain.values()]
        size = len(read.plain)
    else:
        items = list(read.plain)
        size = len(items)
    if size > 20:
        return []
    leaves = [_secret_number(x) if type(x) in (int, float) else str(x) for x in _leaves(items)]
    return sorted({leaf for leaf in leaves if len(leaf) >= 3})


def _secret_number(value: int | float) -> str:
    """Return a number as text the way a hint would write it (9.0 as "9")."""
    key = _number_key(value)
    return str(key) if type(key) is int else repr(key)


def _leaves(items: list[Any]) -> Iterator[Any]:
    """Yield the plain values inside items, opening tuples (pairs and so on)."""
    for item in items:
        if type(item) is tuple:
            yield from _leaves(list(item))
        elif type(item) in (int, float, str):
            yield item


def _reveals(text: str, secret: str) -> bool:
    """Return True if text contains secret as a whole word or number (ignoring case and quotes).

    >>> _reveals("There are 12 paragraphs.", "12"), _reveals("It is 112 or 1.12", "12")
    (True, False)
    """
    hay, needle = _normalise_text(text), _normalise_text(secret)
    if not needle:
        return False
    before = r"(?<![\w.,])" if needle[0].isalnum() else ""
    after = r"(?![\w]|[.,]\d)" if needle[-1].isalnum() else ""
    return re.search(before + re.escape(needle) + after, hay) is not None


def audit_exercise(exercise: Exercise) -> list[str]:
    """Return the problems found in an exercise (an empty list when it is fine).

    Checks that the expected answer is accepted, that the placeholder counts as not attempted,
    that each Mistake's example gets that Mistake's message without being accepted, and that no
    hint and no message for the Mistakes' examples gives the expected answer away.

    >>> good = Exercise(1, "Count", expected=lambda: 9, kind="number",
    ...                 hints=["Count the items."], solution="answer = 9")
    >>> audit_exercise(good)
    []
    >>> bad = Exercise(1, "Count", expected=lambda: 9, kind="number",
    ...                hints=["The answer is 9."], solution="answer = 9")
    >>> audit_exercise(bad)
    ["q1 (Count): hint 1 gives the answer away (it contains '9')."]
    """
    label = f"{exercise.name} ({exercise.title})"
    problems: list[str] = []
    try:
        expected = exercise._expected()
    except Exception as error:
        return [f"{label}: expected() raised {type(error).__name__}: {error}"]
    feedback = exercise.evaluate(expected)
    if feedback.status != CORRECT:
        problems.append(f"{label}: the expected answer is not accepted as correct: {feedback.message}")
    if exercise.evaluate(...).status != NOT_ATTEMPTED:
        problems.append(f"{label}: the placeholder ... is not reported as not attempted.")
    if not exercise.hints:
        problems.append(f"{label}: there are no hints.")
    if not exercise._solution.strip():
        problems.append(f"{label}: the solution is empty.")
    try:
        secrets = _secrets(exercise, expected)
    except Exception as error:
        secrets = []
        problems.append(f"{label}: the expected answer could not be read ({type(error).__name__}).")
    for i, hint in enumerate(exercise.hints, start=1):
        for secret in secrets:
            if _reveals(hint, secret):
                problems.append(f"{label}: hint {i} gives the answer away (it contains {secret!r}).")
    for i, mistake in enumerate(exercise.mistakes, start=1):
        feedback = exercise.evaluate(mistake.example)
        if feedback.status == CORRECT:
            problems.append(f"{label}: mistake {i}'s example is accepted as correct.")
        elif feedback.message != mistake.message:
            problems.append(
                f"{label}: mistake {i}'s example does not get mistake {i}'s message; it gets: {feedback.message}"
            )
        for secret in secrets:
            if _reveals(feedback.message, secret) or _reveals(mistake.message, secret):
                problems.append(f"{label}: the message for mistake {i} gives the answer away (it contains {secret!r}).")
    return problems
