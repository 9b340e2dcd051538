"""audit_exercise: the checks the test suite runs on every exercise an author writes."""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from typing import Any

from .exercise import Exercise, answer_key, reference_of
from .feedback import CORRECT, NOT_ATTEMPTED
from .values import normalise_text


def secrets(exercise: Exercise) -> list[str]:
    """Return the texts that would give the exercise's answer away if a hint or a message held them.

    They are the kind's (helpers/checking/kinds/), and those an interaction adds with a method
    `hidden_texts()` (such as the right order of OrderLines' lines).
    """
    extra = getattr(exercise, "hidden_texts", None)
    return [*exercise.answer_kind.secrets(reference_of(exercise)), *(extra() if callable(extra) else [])]


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


# Nodes that make a piece of code a step of the work (a call, an attribute, an index, an operation), not a bare name.
WORK = (ast.Call, ast.Attribute, ast.Subscript, ast.BinOp, ast.BoolOp, ast.Compare, ast.UnaryOp, ast.ListComp,
        ast.SetComp, ast.DictComp, ast.GeneratorExp, ast.Lambda, ast.IfExp, ast.JoinedStr)
# The statements that are one step each; a loop or an if is made of such steps.
SIMPLE_STATEMENTS = (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Expr, ast.Return, ast.Assert, ast.Delete)
SHORTEST_PIECE = 10  # characters without spaces; a shorter piece of code is too common to be the solution
SHORTEST_PATTERN = 5  # characters without spaces; a regular expression is specific sooner than other code
PATTERN_MARKS = frozenset("\\|[](){}?*+^$")  # a text that holds one of these is a regular expression


@dataclass(frozen=True)
class Step:
    """One step of a worked solution: its code (the statement, and the expression it stores) and its patterns."""

    code: tuple[str, ...]
    patterns: tuple[str, ...] = ()


def squeezed(code: str) -> str:
    """Return code without spaces or backticks, with one kind of quotation mark, to compare code with hints.

    >>> squeezed("`value['F04']  /  value['F05']`")
    'value["F04"]/value["F05"]'
    """
    return re.sub(r"[\s`]", "", code).replace("'", '"')


def does_work(node: ast.AST) -> bool:
    """Return True if a piece of code does a step of the work (calls, indexes, computes), not only names a value."""
    return any(isinstance(inner, WORK) for inner in ast.walk(node))


def statements(body: list[ast.stmt]) -> list[ast.stmt]:
    """Return the simple statements of a block in the order they are written, those inside loops and ifs too."""
    found: list[ast.stmt] = []
    for node in body:
        if isinstance(node, SIMPLE_STATEMENTS):
            found.append(node)
        for block in ("body", "orelse", "finalbody"):
            found.extend(statements(getattr(node, block, None) or []))
    return found


def long_enough(pieces: list[str], shortest: int = SHORTEST_PIECE) -> tuple[str, ...]:
    """Return the pieces that are long enough to count, each once, in order."""
    return tuple(p for p in dict.fromkeys(pieces) if len(p) >= shortest)


def solution_steps(solution: str) -> list[Step]:
    """Return the steps of a worked solution whose code no hint may hold, each piece squeezed (see squeezed).

    A step is a statement (most often a line) that does some work: its code is the statement and the
    expression it stores (a hint that stores it under another name still gives it), and its patterns are
    the regular expressions it writes. A bare name, a constant, an import and anything shorter than
    SHORTEST_PIECE characters (SHORTEST_PATTERN for a pattern) are not pieces: a hint may name them.

    >>> solution_steps('share = value["F04"] / value["F05"]\\nshare')
    [Step(code=('share=value["F04"]/value["F05"]', 'value["F04"]/value["F05"]'), patterns=())]
    >>> solution_steps('n = len(re.findall(r"[0-9]+ more", text))')[0].patterns
    ('[0-9]+more',)
    """
    try:
        tree = ast.parse(solution)
    except SyntaxError:  # not Python: its lines are one step
        return [Step(long_enough([squeezed(line) for line in solution.splitlines()]))]
    steps = []
    for node in statements(tree.body):
        if not does_work(node):
            continue
        code = [squeezed(ast.get_source_segment(solution, node) or "")]
        value = getattr(node, "value", None)
        if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)) and value is not None and does_work(value):
            code.append(squeezed(ast.get_source_segment(solution, value) or ""))
        patterns = [squeezed(c.value) for c in ast.walk(node)
                    if isinstance(c, ast.Constant) and isinstance(c.value, str) and PATTERN_MARKS & set(c.value)]
        steps.append(Step(long_enough(code), long_enough(patterns, SHORTEST_PATTERN)))
    return steps


def hint_code_problems(label: str, hints: tuple[str, ...], solution: str) -> list[str]:
    """Return the problems of hints that hold the worked solution's code: the last hint stops one step short.

    A hint may show an earlier step of a solution of several steps (that narrows the search), but no hint
    may hold the step that makes the answer (the last one), nor a regular expression the solution writes
    (the pattern is what such an exercise asks for).

    >>> hint_code_problems("q1", ("Divide: `value['F04'] / value['F05']`.",), 'share = value["F04"] / value["F05"]')
    ['q1: hint 1 gives the solution\\'s code away (it contains `value["F04"]/value["F05"]`).']
    >>> hint_code_problems("q1", ("`ones = words.count('a')` counts one.",), "ones = words.count('a')\\nn = ones * 2")
    []
    """
    steps = solution_steps(solution)
    if not steps:
        return []
    problems = []
    squeezed_hints = [squeezed(hint) for hint in hints]
    for i, hint in enumerate(squeezed_hints, start=1):
        pattern = next((p for step in steps for p in step.patterns if p in hint), None)
        if pattern is not None:
            problems.append(f"{label}: hint {i} gives the solution's pattern away (it contains `{pattern}`).")
        last = next((piece for piece in steps[-1].code if piece in hint), None)
        if last is not None:
            problems.append(f"{label}: hint {i} gives the solution's code away (it contains `{last}`).")
    return problems


def audit_exercise(exercise: Exercise) -> list[str]:
    """Return the problems found in an exercise (an empty list when it is fine).

    Checks that the expected answer is accepted, that the placeholder counts as not attempted,
    that each Mistake's example gets that Mistake's message without being accepted, that no hint
    and no message for the Mistakes' examples gives the expected answer away, and that the hints stop
    one step short of the worked solution's code (see hint_code_problems).

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
    problems.extend(hint_code_problems(label, exercise.hints, key.solution))
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
