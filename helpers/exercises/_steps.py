"""An exercise of several steps whose answer works out while an earlier step still holds `...`.

A student may leave a first step as `never = ...` and still get an answer from the last line (for
example `speakers.loc[never, "name"]`, where `...` keeps every row, or a last line that does the first
step's work itself). That answer is then judged as if it were finished, and its message sends the
student after the wrong cause. StepsExercise looks first: when an earlier step of the worked solution
still holds `...`, the check says "Not finished yet" and names that step, in the words that
TaskExercise uses when the answer itself is still `...`. An answer typed by hand keeps its own message
(the check says that the task asks Python to work it out, step by step).

>>> q = StepsExercise(1, "Count", expected=lambda: 2, kind="number", hints=["Count."],
...                   solution="pieces = text.split()\\nn = len(pieces)")
>>> q.steps
('pieces',)
"""

from __future__ import annotations

import ast
from collections.abc import Mapping
from typing import Any

from helpers.checking import NOT_ATTEMPTED, Feedback
from helpers.exercises._support import REPLACED_ID, CheckedCode, TaskExercise, checked_code


def solution_steps(solution: str) -> tuple[str, ...]:
    """Return the names that a worked solution's steps store before its last name, in order, each once.

    >>> solution_steps("a = 1\\nb = a + 1\\nb = b * 2\\nc = b")
    ('a', 'b')
    """
    names = [target.id for node in ast.parse(solution).body if isinstance(node, ast.Assign)
             for target in node.targets if isinstance(target, ast.Name)]
    last = names[-1] if names else None
    return tuple(dict.fromkeys(name for name in names if name != last))


def unwritten_steps(steps: tuple[str, ...], code: CheckedCode | None) -> list[str]:
    """Return the steps that still hold `...` in the notebook, in order.

    A step counts when the cell that runs the check assigns it (or, when the cell is unknown, when the
    notebook holds it) and its value is `...`.

    >>> cell = ast.parse("never = ...\\nnames = s.loc[never]")
    >>> unwritten_steps(("never",), CheckedCode(None, {"never": ...}, cell))
    ['never']
    >>> unwritten_steps(("never",), CheckedCode(None, {"never": ...}, ast.parse("x = 1")))
    []
    """
    if code is None:
        return []
    assigned = None if code.cell is None else {
        target.id for node in ast.walk(code.cell) if isinstance(node, ast.Assign)
        for target in node.targets if isinstance(target, ast.Name)}
    return [name for name in steps
            if (assigned is None or name in assigned) and code.names.get(name, None) is Ellipsis]


def not_finished_message(missing: list[str], exercise: str) -> str:
    """Return the "Not finished yet" message naming the steps that still hold `...`.

    >>> not_finished_message(["never"], "q5")[:46]
    'Not finished yet: `never` still holds `...`. W'
    >>> not_finished_message(["a", "b"], "q5")[:44]
    'Not finished yet: `a` and `b` still hold `..'
    """
    if len(missing) == 1:
        still, them = f"`{missing[0]}` still holds", "it"
    else:
        still = ", ".join(f"`{name}`" for name in missing[:-1]) + f" and `{missing[-1]}` still hold"
        them = "them"
    return (f"Not finished yet: {still} `...`. Write {them} too, one step per line (replace each `...`), run "
            f"the cell, then check again. Stuck? `ex.{exercise}.hint()` gives a hint.")


def _typed_by_hand(code: CheckedCode | None) -> bool:
    """Return True if the cell shows the answer typed by hand (no name in its code): the check says so itself.

    >>> _typed_by_hand(CheckedCode(ast.parse('["Wang Gang"]', mode="eval").body, {}))
    True
    >>> _typed_by_hand(CheckedCode(ast.parse("s.loc[never]", mode="eval").body, {}))
    False
    """
    expression = None if code is None else code.expression
    return expression is not None and not any(isinstance(node, ast.Name) for node in ast.walk(expression))


class StepsExercise(TaskExercise):
    """A TaskExercise of several steps: an answer whose earlier steps still hold `...` is not finished yet.

    steps: the names of the steps before the answer; by default, those the worked solution stores
    before its last name.
    """

    def __init__(self, *args: Any, steps: tuple[str, ...] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.steps = tuple(steps) if steps is not None else solution_steps(kwargs.get("solution", ""))

    def evaluate(self, answer: Any, namespace: Mapping[str, Any] | None = None) -> Feedback:
        """Return the Feedback for answer, "not attempted" while an earlier step holds `...`; never raises."""
        feedback = super().evaluate(answer, namespace)
        if feedback.status == NOT_ATTEMPTED or feedback.mistake == REPLACED_ID or not self.steps:
            return feedback
        try:
            code = checked_code()
            missing = [] if _typed_by_hand(code) else unwritten_steps(self.steps, code)
        except Exception:
            missing = []
        if not missing:
            return feedback
        message = not_finished_message(missing, self.name)
        return Feedback(NOT_ATTEMPTED, self.title, message, self.number, markdown_message=message)
