"""audit_exercise: the checks the test suite runs on every exercise an author writes."""

from __future__ import annotations

import re
from typing import Any

from .exercise import Exercise, answer_key, reference_of
from .feedback import CORRECT, NOT_ATTEMPTED
from .values import normalise_text


def secrets(exercise: Exercise) -> list[str]:
    """Return the texts that would give the exercise's answer away if a hint or a message held them."""
    return exercise.answer_kind.secrets(reference_of(exercise))


def reveals(text: str, secret: str) -> bool:
    """Return True if text contains secret as a whole word or number (ignoring case and quotes).

    >>> reveals("There are 12 paragraphs.", "12"), reveals("It is 112 or 1.12", "12")
    (True, False)
    """
    hay, needle = normalise_text(text), normalise_text(secret)
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
        key = answer_key(exercise)
    except Exception as error:
        return [f"{label}: expected() raised {type(error).__name__}: {error}"]
    expected: Any = key.expected
    feedback = exercise.evaluate(expected)
    if feedback.status != CORRECT:
        problems.append(f"{label}: the expected answer is not accepted as correct: {feedback.message}")
    if exercise.evaluate(...).status != NOT_ATTEMPTED:
        problems.append(f"{label}: the placeholder ... is not reported as not attempted.")
    if not exercise.hints:
        problems.append(f"{label}: there are no hints.")
    if not key.solution.strip():
        problems.append(f"{label}: the solution is empty.")
    try:
        hidden = secrets(exercise)
    except Exception as error:
        hidden = []
        problems.append(f"{label}: the expected answer could not be read ({type(error).__name__}).")
    for i, hint in enumerate(exercise.hints, start=1):
        for secret in hidden:
            if reveals(hint, secret):
                problems.append(f"{label}: hint {i} gives the answer away (it contains {secret!r}).")
    for i, mistake in enumerate(exercise.mistakes, start=1):
        feedback = exercise.evaluate(mistake.example)
        if feedback.status == CORRECT:
            problems.append(f"{label}: mistake {i}'s example is accepted as correct.")
        elif feedback.message != mistake.message:
            problems.append(
                f"{label}: mistake {i}'s example does not get mistake {i}'s message; it gets: {feedback.message}"
            )
        for secret in hidden:
            if reveals(feedback.message, secret) or reveals(mistake.message, secret):
                problems.append(f"{label}: the message for mistake {i} gives the answer away (it contains {secret!r}).")
    return problems
