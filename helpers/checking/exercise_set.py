"""ExerciseSet: the exercises of one notebook, with progress(), reset() and plain words for a wrong name."""

from __future__ import annotations

import collections
import re
from collections.abc import Iterator, Sequence
from typing import Any

from .exercise import Exercise
from .feedback import CORRECT, NOT_ATTEMPTED, NOT_YET_RIGHT, STATUSES, Say, say, show
from .strict import ExerciseCheckFailed, required_status

EXERCISE_NAME = re.compile(r"[qQ]\d+")


class UnknownExercise:
    """Stands for an exercise name a notebook does not have (ex.q99, ex.Q1): every use explains, nothing raises.

    >>> UnknownExercise("01-test", "Q1", ["q1", "q2"])
    01-test has no exercise Q1: exercise names are written with a small q, such as ex.q1.
    """

    def __init__(self, notebook: str, name: str, known: Sequence[str]) -> None:
        number = name[1:].lstrip("0") or "0"
        if name[0] == "Q" and f"q{number}" in known:
            text = (f"{notebook} has no exercise {name}: exercise names are written with a small q, "
                    f"such as ex.q{number}.")
        else:
            listed = ", ".join(f"ex.{k}" for k in known) or "none"
            text = f"{notebook} has no exercise {name}. Its exercises are: {listed}."
        self.message = say(text)

    def __repr__(self) -> str:
        return self.message.plain

    def _repr_markdown_(self) -> str:
        return self.message.markdown

    def check(self, *answers: Any, **options: Any) -> None:
        """Return None; say that there is no such exercise (in strict mode, raise ExerciseCheckFailed)."""
        show(self.message)
        if required_status() is not None:
            raise ExerciseCheckFailed(self.message.plain)

    def hint(self, *numbers: Any, **options: Any) -> None:
        """Return None; say that there is no such exercise."""
        show(self.message)

    def solution(self, *more: Any, **options: Any) -> None:
        """Return None; say that there is no such exercise."""
        show(self.message)


class ExerciseSet:
    """The exercises of one notebook: ex.q1, ex.q2, ...; progress() and reset().

    >>> q = Exercise(1, "Count", expected=lambda: 9, kind="number", hints=["Count."], solution="answer = 9")
    >>> ex = ExerciseSet("00-start-here", [q])
    >>> ex.q1 is q, len(ex), [e.name for e in ex]
    (True, 1, ['q1'])
    >>> ex.progress()
    Exercise 1 · Count — not attempted
    Progress for 00-start-here: 0 correct, 0 not yet right, 1 not attempted.
    """

    def __init__(self, notebook: str, exercises: Sequence[Exercise]) -> None:
        if not isinstance(notebook, str) or not notebook.strip():
            raise ValueError("ExerciseSet needs the notebook's name, such as '01-the-article-as-text'.")
        exercises = tuple(exercises)
        if not all(isinstance(e, Exercise) for e in exercises):
            raise TypeError("ExerciseSet(notebook, exercises): exercises must be Exercise objects.")
        counts = collections.Counter(e.name for e in exercises)
        repeated = sorted(name for name, count in counts.items() if count > 1)
        if repeated:
            raise ValueError(f"Two exercises share a number in {notebook}: {', '.join(repeated)}.")
        self.notebook = notebook
        self._exercises = tuple(sorted(exercises, key=lambda e: e.number))
        for exercise in self._exercises:
            exercise.notebook = notebook
            setattr(self, exercise.name, exercise)

    def __getattr__(self, name: str) -> Any:
        # Only called for names that are not set: give a clear message for a wrong exercise name.
        if re.fullmatch(r"q\d+", name):
            known = ", ".join(e.name for e in self.__dict__.get("_exercises", ())) or "none"
            notebook = self.__dict__.get("notebook", "This notebook")
            raise AttributeError(f"{notebook} has no exercise {name}. Its exercises are: {known}.")
        raise AttributeError(name)

    def __iter__(self) -> Iterator[Exercise]:
        return iter(self._exercises)

    def __len__(self) -> int:
        return len(self._exercises)

    def __repr__(self) -> str:
        names = ", ".join(f"{e.name} ({e.title})" for e in self._exercises)
        return f"Exercises for {self.notebook}: {names}."

    def module_getattr(self, name: str) -> Any:
        """Return a stand-in that explains, for a wrong exercise name asked of an exercise module.

        An exercise module assigns it as its module-level __getattr__ (``__getattr__ =
        EXERCISES.module_getattr``), so that ``ex.q99`` or ``ex.Q1`` answers in plain words.
        Any other missing name raises AttributeError, as Python expects.
        """
        if isinstance(name, str) and EXERCISE_NAME.fullmatch(name):
            return UnknownExercise(self.notebook, name, [e.name for e in self._exercises])
        raise AttributeError(f"The exercises of {self.notebook} have no {name!r}. "
                             "Use ex.q1, ex.q2, ... and ex.progress().")

    def progress(self, *more: Any, **options: Any) -> None:
        """Return None; show each exercise's number, title and status, then a summary line.

        An exercise once solved stays counted as correct, even if a later try was not.
        """
        counts = dict.fromkeys(STATUSES, 0)
        plain_lines, rows = [], []
        for exercise in self._exercises:
            status = CORRECT if exercise.solved else exercise.status
            counts[status] += 1
            shown = f"{CORRECT} (your last try was not)" if exercise.solved and exercise.status != CORRECT else status
            plain_lines.append(f"Exercise {exercise.number} · {exercise.title} — {shown}")
            title = exercise.title.replace("|", "\\|")
            rows.append(f"| {exercise.number} | {title} | {shown} |")
        summary = (
            f"Progress for {self.notebook}: {counts[CORRECT]} correct, "
            f"{counts[NOT_YET_RIGHT]} not yet right, {counts[NOT_ATTEMPTED]} not attempted."
        )
        plain = "\n".join([*plain_lines, summary])
        table = "\n".join(["| Exercise | Task | Status |", "| --- | --- | --- |", *rows])
        markdown = f"{table}\n\n**{summary}**" if rows else f"**{summary}**"
        if more or options:
            note = say("(`progress()` needs nothing inside its parentheses: `ex.progress()`.)")
            plain, markdown = f"{plain}\n{note.plain}", f"{markdown}\n\n{note.markdown}"
        show(Say(plain, markdown))

    def reset(self, *more: Any, **options: Any) -> None:
        """Return None; set every exercise back to "not attempted" and its hints back to the first."""
        for exercise in self._exercises:
            exercise.reset()
