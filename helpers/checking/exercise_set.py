"""ExerciseSet: the exercises of one notebook, with progress() and reset()."""

from __future__ import annotations

import collections
import re
from collections.abc import Iterator, Sequence
from typing import Any

from .exercise import Exercise
from .feedback import CORRECT, NOT_ATTEMPTED, NOT_YET_RIGHT, STATUSES, _Say, _show


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

    def progress(self) -> None:
        """Return None; show each exercise's number, title and status, then a summary line."""
        counts = {status: 0 for status in STATUSES}
        plain_lines, rows = [], []
        for exercise in self._exercises:
            counts[exercise.status] += 1
            plain_lines.append(f"Exercise {exercise.number} · {exercise.title} — {exercise.status}")
            title = exercise.title.replace("|", "\\|")
            rows.append(f"| {exercise.number} | {title} | {exercise.status} |")
        summary = (
            f"Progress for {self.notebook}: {counts[CORRECT]} correct, "
            f"{counts[NOT_YET_RIGHT]} not yet right, {counts[NOT_ATTEMPTED]} not attempted."
        )
        plain = "\n".join([*plain_lines, summary])
        table = "\n".join(["| Exercise | Task | Status |", "| --- | --- | --- |", *rows])
        _show(_Say(plain, f"{table}\n\n**{summary}**" if rows else f"**{summary}**"))

    def reset(self) -> None:
        """Return None; set every exercise back to "not attempted" and its hints back to the first."""
        for exercise in self._exercises:
            exercise._reset()
