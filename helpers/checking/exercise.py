"""Exercise (check, hint, solution), Mistake, and answer_key for answer keys and the audit."""

from __future__ import annotations

import math
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from .feedback import CORRECT, NOT_ATTEMPTED, NOT_YET_RIGHT, Feedback, Say, authored, join, say, show
from .kinds import Kind, Read, Rejected, Rules, kind_named
from .objects import category, describe, plain_truth
from .record import Checked, mistake_id, record_of
from .shared import SharedName, shared_name_notes, shared_names_of
from .strict import ExerciseCheckFailed, required_status
from .values import TooLarge, number_value


class Missing:
    """The default of check(answer): tells "no argument" apart from every real answer."""

    def __repr__(self) -> str:
        return "<no answer given>"


MISSING: Any = Missing()


class ReferenceProblem(Exception):
    """Raised when the exercise's own expected answer cannot be computed or read."""


class Verdict(NamedTuple):
    """What judging an answer gives: a status, the message that explains it, and the id of the
    recognised mistake, if the message is one (see record.py)."""

    status: str
    message: Say
    mistake: str | None = None


@dataclass(frozen=True)
class AnswerKey:
    """An exercise's answer, worked solution and explanation: for answer keys, tests and the audit."""

    expected: Any
    solution: str
    explanation: str


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
    #: A stable name for the class report; by default made from the message (record.mistake_id).
    id: str = ""

    def __post_init__(self) -> None:
        if not callable(self.test):
            raise TypeError("Mistake(test=...) must be a function that takes the answer and returns True or False.")
        if not isinstance(self.message, str) or not self.message.strip():
            raise ValueError("Mistake(message=...) must be a non-empty text explaining the mistake.")
        if not isinstance(self.id, str):
            raise TypeError("Mistake(id=...) must be a short text, such as 'counted-the-headline'.")
        if not self.id:
            object.__setattr__(self, "id", mistake_id(self.message))

    def matches(self, answer: Any) -> bool:
        """Return True only when test(answer) says True; an error inside the test means False."""
        try:
            return plain_truth(self.test(answer))
        except Exception:
            return False


def correct_verdict(name: str) -> Verdict:
    """Return the verdict for a right answer (its words are stored in the solution notebooks: keep them)."""
    return Verdict(CORRECT, say(
        "Well done: your answer is right. To compare your code with a worked answer, run `ex.{name}.solution()`.",
        name=name,
    ))


def next_step(name: str) -> Say:
    """Return the sentence that ends the feedback for a wrong answer: what to do next."""
    return say("Check each step of your code, then try again; `ex.{name}.hint()` gives a hint.", name=name)


NONE_MESSAGE = say(
    "Your answer is None: it holds no value. This often happens with `answer = print(x)` (print shows a "
    "value but gives back None), with a function that has no `return`, or with a method that changes a "
    "list in place, such as `.append()`, `.remove()` or `.sort()`: it gives back None, so "
    "`answer = items.sort()` stores None. Call such a method on a line of its own, then use the list "
    "itself; otherwise assign the value itself, for example `answer = x`."
)


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

    A new way of checking (predict then run, for example) is a subclass that overrides judge().
    """

    def __init__(
        self,
        number: int,
        title: str,
        *,
        expected: Callable[[], Any],
        kind: str | Kind,
        hints: Sequence[str],
        solution: str,
        explanation: str = "",
        mistakes: Sequence[Mistake] = (),
        tolerance: float = 1e-9,
        compare: Callable[[Any, Any], bool] | None = None,
        answer_type: str = "",
        shared_names: Sequence[str | SharedName] = (),
    ) -> None:
        if type(number) is not int or number < 1:
            raise ValueError(f"Exercise number must be a whole number 1, 2, ...; got {number!r}.")
        if not isinstance(title, str) or not title.strip():
            raise ValueError("Exercise title must be a short non-empty text, such as 'Count the figures'.")
        if not callable(expected):
            raise TypeError("Exercise(expected=...) must be a function without arguments, such as `lambda: 12`.")
        answer_kind = kind_named(kind)
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
        rules = Rules(answer_type.strip() or answer_kind.answer_type, float(tolerance), compare)
        answer_kind.check_rules(rules)
        self.number = number
        self.title = title.strip()
        self.kind = answer_kind.name
        self.answer_kind = answer_kind
        self.rules = rules
        self.hints: tuple[str, ...] = hints
        self.mistakes: tuple[Mistake, ...] = mistakes
        self.tolerance = rules.tolerance
        self.answer_type = rules.answer_type
        self._expected = expected
        self._expected_cache: Any = MISSING
        self._solution = solution.strip("\n")
        self._explanation = explanation.strip()
        self._shared = shared_names_of(shared_names)
        self._status = NOT_ATTEMPTED
        self._solved = False
        self._hint_position = 0
        self._tries = 0
        #: The notebook the exercise belongs to (its ExerciseSet sets it), for the check's record.
        self.notebook = ""

    @property
    def name(self) -> str:
        """Return the attribute name in an ExerciseSet, such as "q1"."""
        return f"q{self.number}"

    @property
    def status(self) -> str:
        """Return the status of the last check(): "not attempted", "correct" or "not yet right"."""
        return self._status

    @property
    def solved(self) -> bool:
        """Return True once a check() has found the answer correct (a later wrong try does not undo it)."""
        return self._solved

    def __repr__(self) -> str:
        return (
            f"Exercise {self.number} · {self.title} ({self._status}). Check your answer with "
            f"ex.{self.name}.check(answer), ask for a hint with ex.{self.name}.hint(), "
            f"see a worked answer with ex.{self.name}.solution()."
        )

    # -- what the student calls ----------------------------------------------------------------

    def evaluate(self, answer: Any, namespace: Mapping[str, Any] | None = None) -> Feedback:
        """Return the Feedback for answer; never raises, never prints, whatever answer is.

        namespace: the notebook's variables (check() passes them), to notice a shared name
        (see Exercise(shared_names=...)) that holds the answer or lost the notebook's data.

        >>> q = Exercise(1, "Count", expected=lambda: 9, kind="number", hints=["Count."], solution="answer = 9")
        >>> q.evaluate(9.0).status, q.evaluate("9").status, q.evaluate(True).status
        ('correct', 'not yet right', 'not yet right')
        """
        try:
            verdict = self._verdict(answer)
            notes = shared_name_notes(answer, namespace, self._shared) if answer is not Ellipsis else []
            if notes:
                first = [say("Your value itself is right.")] if verdict.status == CORRECT else [verdict.message]
                verdict = Verdict(NOT_YET_RIGHT, join(*first, *notes), "replaced-a-shared-name")
        except ReferenceProblem:
            verdict = Verdict(NOT_YET_RIGHT, say(
                "This exercise could not work out its own reference answer, so it cannot check "
                "yours. This is not your fault: please tell your teacher."
            ))
        except TooLarge:
            verdict = Verdict(NOT_YET_RIGHT, say(
                "Your answer holds too many items for this check to read. The question asks for "
                "{atype}: check what your code collects.",
                atype=self.answer_type,
            ))
        except Exception:
            verdict = Verdict(NOT_YET_RIGHT, say(
                "The check could not read this answer, which is {given}. Expected {atype}.",
                echo={"given": describe(answer)},
                atype=self.answer_type,
            ))
        return Feedback(verdict.status, self.title, verdict.message.plain, self.number,
                        markdown_message=verdict.message.markdown, mistake=verdict.mistake)

    def check(self, answer: Any = MISSING, *more: Any, **options: Any) -> None:
        """Return None; show whether answer is right and remember the status for progress().

        In strict mode (see helpers/checking/strict.py) raises ExerciseCheckFailed when the
        answer is not what the mode requires (correct, or the untouched placeholder).

        >>> q = Exercise(1, "Count", expected=lambda: 9, kind="number", hints=["Count."], solution="answer = 9")
        >>> q.check(9)
        Exercise 1 · Count — Correct.
        Well done: your answer is right. To compare your code with a worked answer, run ex.q1.solution().
        >>> q.status
        'correct'
        """
        required = required_status()
        if answer is MISSING or more or options:
            if answer is MISSING and not more and not options:
                note = say(f"`check()` needs your answer: `ex.{self.name}.check(answer)`")
            else:
                note = say(
                    "`check()` takes one answer, your own, and nothing else: store it under one name, "
                    "`answer = ...`, then run `ex.{name}.check(answer)`.",
                    name=self.name,
                )
            show(note)
            if required is not None:
                raise ExerciseCheckFailed(note.plain)
            return
        settle(self, answer, caller_namespace(), required)

    def hint(self, n: Any = None, *more: Any, **options: Any) -> None:
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
            show(say(f"Exercise {self.number} has no hints. `ex.{self.name}.solution()` shows a worked answer."))
            return
        position = self._hint_position_for(n, more, options)
        if position is None:
            choices = (
                "one hint, so `hint(n)` needs n = 1"
                if total == 1
                else f"hints 1 to {total}, so `hint(n)` needs one of those numbers"
            )
            show(say(f"Exercise {self.number} has {choices}. `ex.{self.name}.hint()` shows the next hint."))
            return
        self._hint_position = position
        text = self.hints[position - 1]
        plain = f"Hint {position} of {total}: {text}"
        markdown = f"**Hint {position} of {total}:** {text}"
        if position == total:
            ending = say(f"That is the last hint. `ex.{self.name}.solution()` shows a worked answer.")
            plain += "\n" + ending.plain
            markdown += "\n\n" + ending.markdown
        show(Say(plain, markdown))

    def solution(self, *more: Any, **options: Any) -> None:
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
        if more or options:
            note = say(f"(`solution()` needs nothing inside its parentheses: `ex.{self.name}.solution()`.)")
            plain, markdown = f"{plain}\n\n{note.plain}", f"{markdown}\n\n{note.markdown}"
        show(Say(plain, markdown))

    def reset(self) -> None:
        """Return None; set this exercise back to "not attempted" and its hints back to the first."""
        self._status = NOT_ATTEMPTED
        self._solved = False
        self._hint_position = 0
        self._tries = 0

    # -- the one place where an answer is judged: override it for a new kind of interaction --------

    def judge(self, answer: Any, reference: Read) -> Verdict:
        """Return the Verdict on answer (neither the placeholder nor None), given the reference read for the kind.

        The default reads the answer for the exercise's kind, compares it with the reference,
        then tries the exercise's Mistakes, then lets the kind explain what is wrong.
        """
        try:
            read = self.answer_kind.read(answer, self.rules)
        except Rejected as rejected:
            return Verdict(NOT_YET_RIGHT, rejected.say, "answer-of-another-type")
        problems = self.answer_kind.problems(read, reference, self.rules)
        if not problems:
            return correct_verdict(self.name)
        for mistake in self.mistakes:
            if mistake.matches(read.plain):
                return Verdict(NOT_YET_RIGHT, authored(mistake.message), mistake.id)
        return Verdict(NOT_YET_RIGHT, join(self.answer_kind.explain(read, reference, problems, self.rules),
                                           next_step(self.name)))

    # -- internals -----------------------------------------------------------------------------

    def _verdict(self, answer: Any) -> Verdict:
        if answer is Ellipsis:
            return Verdict(NOT_ATTEMPTED, say(
                "You have not answered yet: replace `...` with your answer and run the cell "
                "again. Stuck? `ex.{name}.hint()` gives a first hint.",
                name=self.name,
            ))
        if answer is None:
            return Verdict(NOT_YET_RIGHT, NONE_MESSAGE, "answer-is-none")
        return self.judge(answer, self._reference())

    def _raw_reference(self) -> Any:
        """Return the reference answer as expected() gives it, computed once and then remembered."""
        if self._expected_cache is MISSING:
            try:
                self._expected_cache = self._expected()
            except Exception as error:
                raise ReferenceProblem from error
        return self._expected_cache

    def _reference(self) -> Read:
        """Return the reference answer read for this exercise's kind."""
        try:
            return self.answer_kind.read_reference(self._raw_reference(), self.rules)
        except (Rejected, TooLarge) as error:
            raise ReferenceProblem from error

    def _hint_position_for(self, n: Any, more: tuple, options: dict) -> int | None:
        """Return the hint to show for hint(n), or None when n is not the number of a hint."""
        total = len(self.hints)
        if more or options:
            return None
        if n is None:
            return min(self._hint_position + 1, total)
        try:
            found = category(n)
            position = number_value(n, found) if found in ("int", "np_int") else 0
        except Exception:
            return None
        return position if 1 <= position <= total else None


def caller_namespace() -> Mapping[str, Any] | None:
    """Return the variables of the code that called check() (a notebook cell's), or None."""
    try:
        return sys._getframe(2).f_globals
    except Exception:
        return None


def settle(exercise: Exercise, answer: Any, namespace: Mapping[str, Any] | None, required: str | None) -> None:
    """Judge answer for check(): remember the status, show the feedback with its record for the class
    report, and in strict mode raise ExerciseCheckFailed unless the status is the required one."""
    feedback = exercise.evaluate(answer, namespace)
    exercise._status = feedback.status
    exercise._solved = exercise._solved or feedback.status == CORRECT
    exercise._tries += 1
    show(Checked(feedback, record_of(feedback, exercise.notebook, exercise._tries)))
    if required is not None and feedback.status != required:
        raise ExerciseCheckFailed(str(feedback))


def answer_key(exercise: Exercise) -> AnswerKey:
    """Return the exercise's answer (computed now from the data), worked solution and explanation.

    For answer keys (tools/build_guide.py), the audit and tests; an exercise itself shows its
    answer only through solution().

    >>> q = Exercise(1, "Count", expected=lambda: 9, kind="number", hints=["Count."], solution="answer = 9")
    >>> answer_key(q)
    AnswerKey(expected=9, solution='answer = 9', explanation='')
    """
    return AnswerKey(exercise._expected(), exercise._solution, exercise._explanation)


def reference_of(exercise: Exercise) -> Read:
    """Return the exercise's reference answer read for its kind (raises if it cannot be computed or read)."""
    return exercise._reference()
