"""Exercise (check, hint, solution), Mistake and strict mode."""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from .answers import _DEFAULT_ANSWER_TYPES, KINDS, _read_answer, _Rejected
from .compare import _problems, _wrong_value_message
from .feedback import CORRECT, NOT_ATTEMPTED, NOT_YET_RIGHT, Feedback, _authored, _Say, _say, _show
from .objects import _category, _describe, _plain_truth
from .values import _number_value, _TooLarge


class ExerciseCheckFailed(AssertionError):
    """Raised by check() in strict mode; the message is the feedback's plain text.

    >>> issubclass(ExerciseCheckFailed, AssertionError)
    True
    """


def strict_mode() -> str:
    """Return "off", "correct" or "not-attempted", read from WUZHEN_STRICT at call time.

    Unset, "" or "0" means "off"; "1" or "correct" means a check raises unless the answer is
    correct; "not-attempted" means a check raises unless the answer is the untouched placeholder.
    Any other value counts as "correct" (the safe side).

    >>> strict_mode() in ("off", "correct", "not-attempted")
    True
    """
    value = os.environ.get("WUZHEN_STRICT", "").strip().lower()
    if value in ("", "0"):
        return "off"
    if value == "not-attempted":
        return "not-attempted"
    return "correct"


# The status a check must give in each strict mode, or it raises ExerciseCheckFailed.
_REQUIRED_STATUS = {"correct": CORRECT, "not-attempted": NOT_ATTEMPTED}


class _Missing:
    """The default of check(answer): tells "no argument" apart from every real answer."""

    def __repr__(self) -> str:
        return "<no answer given>"


_MISSING: Any = _Missing()


class _ReferenceProblem(Exception):
    """Raised when the exercise's own expected answer cannot be computed or read."""


@dataclass(frozen=True)
class Mistake:
    """Return a targeted explanation for one typical wrong answer (used by an Exercise).

    test: called with the student's answer as read for the exercise's kind (see the package
      docstring); an exception inside it counts as "no match".
    message: what the student sees; it must not give the right answer away.
    example: one concrete wrong answer that triggers it (audit_exercise and the tests use it).

    >>> m = Mistake(lambda a: a == 13, "The headline is not a body paragraph.", example=13)
    >>> m.matches(13), m.matches(12), m.matches("oops")
    (True, False, False)
    """

    test: Callable[[Any], Any]
    message: str
    example: Any

    def __post_init__(self) -> None:
        if not callable(self.test):
            raise TypeError("Mistake(test=...) must be a function that takes the answer and returns True or False.")
        if not isinstance(self.message, str) or not self.message.strip():
            raise ValueError("Mistake(message=...) must be a non-empty text explaining the mistake.")

    def matches(self, answer: Any) -> bool:
        """Return True only when test(answer) says True; an error inside the test means False."""
        try:
            return _plain_truth(self.test(answer))
        except Exception:
            return False


class Exercise:
    """One self-checking exercise of a notebook: check(), hint(), solution().

    >>> q = Exercise(3, "Name the town", expected=lambda: "Wuzhen", kind="text",
    ...              hints=["Look at the headline."], solution='answer = "Wuzhen"')
    >>> q.name, q.status
    ('q3', 'not attempted')
    >>> q.evaluate("  WUZHEN ").status
    'correct'
    >>> q.evaluate(...).status
    'not attempted'
    >>> q.evaluate(None).status
    'not yet right'
    """

    def __init__(
        self,
        number: int,
        title: str,
        *,
        expected: Callable[[], Any],
        kind: str,
        hints: Sequence[str],
        solution: str,
        explanation: str = "",
        mistakes: Sequence[Mistake] = (),
        tolerance: float = 1e-9,
        compare: Callable[[Any, Any], bool] | None = None,
        answer_type: str = "",
    ) -> None:
        if type(number) is not int or number < 1:
            raise ValueError(f"Exercise number must be a whole number 1, 2, ...; got {number!r}.")
        if not isinstance(title, str) or not title.strip():
            raise ValueError("Exercise title must be a short non-empty text, such as 'Count the figures'.")
        if not callable(expected):
            raise TypeError("Exercise(expected=...) must be a function without arguments, such as `lambda: 12`.")
        if kind not in KINDS:
            raise ValueError(f"Exercise kind must be one of {', '.join(KINDS)}; got {kind!r}.")
        if isinstance(hints, str):
            raise TypeError("Exercise(hints=...) must be a list of texts, not one text: hints=[\"...\"].")
        hints, mistakes = tuple(hints), tuple(mistakes)
        if not all(isinstance(h, str) and h.strip() for h in hints):
            raise TypeError("Exercise(hints=...) must be a list of non-empty texts, one per hint.")
        if not all(isinstance(t, str) for t in (solution, explanation, answer_type)):
            raise TypeError("Exercise(solution=..., explanation=..., answer_type=...) must be texts.")
        if not all(isinstance(m, Mistake) for m in mistakes):
            raise TypeError("Exercise(mistakes=...) must be a list of Mistake(...) objects.")
        if isinstance(tolerance, bool) or not isinstance(tolerance, (int, float)) or not 0 <= tolerance < math.inf:
            raise ValueError(f"Exercise tolerance must be a number 0 or more; got {tolerance!r}.")
        if (kind == "custom") != (compare is not None):
            raise ValueError('Give compare=... exactly when kind="custom".')
        if compare is not None and not callable(compare):
            raise TypeError("Exercise(compare=...) must be a function compare(answer, expected) -> bool.")
        self.number = number
        self.title = title.strip()
        self.kind = kind
        self.hints: tuple[str, ...] = hints
        self.mistakes: tuple[Mistake, ...] = mistakes
        self.tolerance = float(tolerance)
        self.answer_type = answer_type.strip() or _DEFAULT_ANSWER_TYPES[kind]
        self._expected = expected
        self._expected_cache: Any = _MISSING
        self._compare = compare
        self._solution = solution.strip("\n")
        self._explanation = explanation.strip()
        self._status = NOT_ATTEMPTED
        self._hint_position = 0

    @property
    def name(self) -> str:
        """Return the attribute name in an ExerciseSet, such as "q1"."""
        return f"q{self.number}"

    @property
    def solution_code(self) -> str:
        """Return the worked solution's code, as solution() shows it (for answer keys and tests)."""
        return self._solution

    @property
    def explanation(self) -> str:
        """Return the explanation that solution() shows under the code."""
        return self._explanation

    def expected_answer(self) -> Any:
        """Return the reference answer, computed from the data (for answer keys and tests)."""
        return self._expected()

    @property
    def status(self) -> str:
        """Return the status of the last check(): "not attempted", "correct" or "not yet right"."""
        return self._status

    def __repr__(self) -> str:
        return (
            f"Exercise {self.number} · {self.title} ({self._status}). Check your answer with "
            f"ex.{self.name}.check(answer), ask for a hint with ex.{self.name}.hint(), "
            f"see a worked answer with ex.{self.name}.solution()."
        )

    # -- what the student calls ----------------------------------------------------------------

    def evaluate(self, answer: Any) -> Feedback:
        """Return the Feedback for answer; never raises, never prints, whatever answer is.

        >>> q = Exercise(1, "Count", expected=lambda: 9, kind="number", hints=["Count."], solution="answer = 9")
        >>> q.evaluate(9.0).status, q.evaluate("9").status, q.evaluate(True).status
        ('correct', 'not yet right', 'not yet right')
        """
        try:
            return self._evaluate(answer)
        except _ReferenceProblem:
            say = _say(
                "This exercise could not work out its own reference answer, so it cannot check "
                "yours. This is not your fault: please tell your teacher."
            )
        except _TooLarge:
            say = _say(
                "Your answer holds too many items for this check to read. The question asks for "
                "{atype}: check what your code collects.",
                atype=self.answer_type,
            )
        except Exception:
            say = _say(
                "The check could not read this answer, which is {given}. Expected {atype}.",
                echo={"given": _describe(answer)},
                atype=self.answer_type,
            )
        return self._feedback(NOT_YET_RIGHT, say)

    def check(self, answer: Any = _MISSING) -> None:
        """Return None; show whether answer is right and remember the status for progress().

        In strict mode (see strict_mode) raises ExerciseCheckFailed when the answer is not what
        the mode requires (correct, or the untouched placeholder).

        >>> q = Exercise(1, "Count", expected=lambda: 9, kind="number", hints=["Count."], solution="answer = 9")
        >>> q.check(9)
        Exercise 1 · Count — Correct.
        Well done: your answer is right. To compare your code with a worked answer, run ex.q1.solution().
        >>> q.status
        'correct'
        """
        required = _REQUIRED_STATUS.get(strict_mode())
        if answer is _MISSING:
            note = _say(f"`check()` needs your answer: `ex.{self.name}.check(answer)`")
            _show(note)
            if required is not None:
                raise ExerciseCheckFailed(note.plain)
            return
        feedback = self.evaluate(answer)
        self._status = feedback.status
        _show(feedback)
        if required is not None and feedback.status != required:
            raise ExerciseCheckFailed(str(feedback))

    def hint(self, n: int | None = None) -> None:
        """Return None; show the next hint (or hint n); the last one points to solution().

        >>> q = Exercise(1, "Count", expected=lambda: 9, kind="number",
        ...              hints=["Split the text.", "Count the pieces."], solution="answer = 9")
        >>> q.hint()
        Hint 1 of 2: Split the text.
        >>> q.hint()
        Hint 2 of 2: Count the pieces.
        That is the last hint. ex.q1.solution() shows a worked answer.
        """
        total = len(self.hints)
        if total == 0:
            _show(_say(f"Exercise {self.number} has no hints. `ex.{self.name}.solution()` shows a worked answer."))
            return
        if n is None:
            position = min(self._hint_position + 1, total)
        else:
            category = _category(n)
            position = _number_value(n, category) if category in ("int", "np_int") else 0
            if not 1 <= position <= total:
                choices = (
                    "one hint, so `hint(n)` needs n = 1"
                    if total == 1
                    else f"hints 1 to {total}, so `hint(n)` needs one of those numbers"
                )
                _show(_say(f"Exercise {self.number} has {choices}. `ex.{self.name}.hint()` shows the next hint."))
                return
        self._hint_position = position
        text = self.hints[position - 1]
        plain = f"Hint {position} of {total}: {text}"
        markdown = f"**Hint {position} of {total}:** {text}"
        if position == total:
            ending = _say(f"That is the last hint. `ex.{self.name}.solution()` shows a worked answer.")
            plain += "\n" + ending.plain
            markdown += "\n\n" + ending.markdown
        _show(_Say(plain, markdown))

    def solution(self) -> None:
        """Return None; show the worked answer: the code as a code block, then the explanation.

        >>> Exercise(1, "Count", expected=lambda: 9, kind="number", hints=["Count."],
        ...          solution="answer = 9", explanation="There are nine.").solution()
        Exercise 1 · Count — Solution
        <BLANKLINE>
        answer = 9
        <BLANKLINE>
        There are nine.
        """
        head = f"Exercise {self.number} · {self.title} — Solution"
        fence = "```"
        while fence in self._solution:
            fence += "`"
        plain = f"{head}\n\n{self._solution}"
        markdown = f"**{head}**\n\n{fence}python\n{self._solution}\n{fence}"
        if self._explanation:
            plain += f"\n\n{self._explanation}"
            markdown += f"\n\n{self._explanation}"
        _show(_Say(plain, markdown))

    # -- internals -----------------------------------------------------------------------------

    def _reset(self) -> None:
        self._status = NOT_ATTEMPTED
        self._hint_position = 0

    def _feedback(self, status: str, say: _Say) -> Feedback:
        return Feedback(status, self.title, say.plain, self.number, markdown_message=say.markdown)

    def _read_reference(self) -> Any:
        """Return the reference answer read for this exercise's kind, computed once and then remembered."""
        if self._expected_cache is _MISSING:
            try:
                self._expected_cache = self._expected()
            except Exception as error:
                raise _ReferenceProblem from error
        if self.kind == "custom":
            return self._expected_cache
        try:
            return _read_answer(self._expected_cache, self.kind, self.answer_type)
        except (_Rejected, _TooLarge) as error:
            raise _ReferenceProblem from error

    def _evaluate(self, answer: Any) -> Feedback:
        if answer is Ellipsis:
            return self._feedback(
                NOT_ATTEMPTED,
                _say(
                    "You have not answered yet: replace `...` with your answer and run the cell "
                    "again. Stuck? `ex.{name}.hint()` gives a first hint.",
                    name=self.name,
                ),
            )
        if answer is None:
            return self._feedback(
                NOT_YET_RIGHT,
                _say(
                    "Your answer is None: it holds no value. This often happens with "
                    "`answer = print(x)` (print shows a value but gives back None) or with a function "
                    "that has no `return`. Assign the value itself, for example `answer = x`.",
                ),
            )
        reference = self._read_reference()
        if self.kind == "custom":
            read, plain, problems = None, answer, []
            ok = _plain_truth(self._compare(answer, reference))  # type: ignore[misc]
        else:
            try:
                read = _read_answer(answer, self.kind, self.answer_type)
            except _Rejected as rejected:
                return self._feedback(NOT_YET_RIGHT, rejected.say)
            plain, problems = read.plain, _problems(read, reference, self.kind, self.tolerance)
            ok = not problems
        if ok:
            return self._feedback(
                CORRECT,
                _say(
                    "Well done: your answer is right. To compare your code with a worked answer, "
                    "run `ex.{name}.solution()`.",
                    name=self.name,
                ),
            )
        for mistake in self.mistakes:
            if mistake.matches(plain):
                return self._feedback(NOT_YET_RIGHT, _authored(mistake.message))
        return self._feedback(NOT_YET_RIGHT, _wrong_value_message(read, problems, self.kind, self.name))
