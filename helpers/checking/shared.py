"""Shared names: the notebook's own tables (such as `quotations`) that an answer must not replace.

An exercise lists them: Exercise(..., shared_names=["quotations"]) or, to also notice a table that a
cell has changed, Exercise(..., shared_names=[SharedName("quotations", intact=lambda t: len(t) == 10,
made_in="the cell under “Load the quotations”")]). check() then looks in the notebook's namespace:
if a shared name holds the student's answer, or is no longer intact, the feedback says so and how to
recover (run again the cell that makes it, and store the answer under a new name).
"""

from __future__ import annotations

import keyword
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .feedback import Say, join, say
from .objects import plain_truth


@dataclass(frozen=True)
class SharedName:
    """A name the notebook's later cells need; intact(value) says whether it still holds their data.

    name: the variable, such as "quotations".
    intact: optional; called with what the name holds; True when it is still the notebook's data
      (an error inside counts as "not intact").
    made_in: optional; where the notebook makes it, in words a student can find in the notebook,
      such as "the cell under “Load the quotations”".

    >>> SharedName("quotations").name
    'quotations'
    """

    name: str
    intact: Callable[[Any], Any] | None = None
    made_in: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name.isidentifier() or keyword.iskeyword(self.name):
            raise ValueError(f"SharedName: {self.name!r} is not a name a notebook can use.")
        if self.intact is not None and not callable(self.intact):
            raise TypeError(f"SharedName({self.name!r}, intact=...) must be a function of the value.")
        if not isinstance(self.made_in, str):
            raise TypeError(f"SharedName({self.name!r}, made_in=...) must be a text.")


def shared_names_of(given: Iterable[str | SharedName]) -> tuple[SharedName, ...]:
    """Return the exercise's shared names as SharedName objects; raise TypeError/ValueError if malformed.

    >>> shared_names_of(["quotations"])
    (SharedName(name='quotations', intact=None, made_in=''),)
    """
    if isinstance(given, (str, Mapping)):
        raise TypeError(
            'Exercise(shared_names=...) must be a list of names or SharedName(...), such as ["quotations"].'
        )
    return tuple(item if isinstance(item, SharedName) else SharedName(item) for item in given)


def _lookup(namespace: Mapping[str, Any], name: str) -> Any:
    """Return what name holds in the namespace, or _ABSENT."""
    if isinstance(namespace, dict):
        return dict.get(namespace, name, _ABSENT)
    return namespace.get(name, _ABSENT)


def _is_intact(shared: SharedName, value: Any) -> bool:
    try:
        return plain_truth(shared.intact(value))  # type: ignore[misc]
    except Exception:
        return False


def shared_name_notes(answer: Any, namespace: Mapping[str, Any] | None, shared: Iterable[SharedName]) -> list[Say]:
    """Return one note for each shared name that holds the answer or is no longer intact.

    >>> notes = shared_name_notes(3, {"quotations": 3}, [SharedName("quotations")])
    >>> "run again the cell that makes quotations" in notes[0].plain
    True
    """
    if not namespace:
        return []
    notes = []
    for item in shared:
        try:
            value = _lookup(namespace, item.name)
        except Exception:
            continue
        if value is _ABSENT:
            continue
        holds_answer = value is answer
        if not holds_answer and (item.intact is None or _is_intact(item, value)):
            continue
        if holds_answer:
            first = say(
                "Your answer is what the name `{name}` holds now, but the notebook's later cells need `{name}` "
                "for its own data.",
                name=item.name,
            )
        else:
            first = say(
                "The name `{name}` no longer holds the notebook's data: a cell has changed it "
                "(for example with `{name} = ...`), and later cells need it as it was.",
                name=item.name,
            )
        where = "{where}" if item.made_in else "the cell that makes `{name}`"
        recover = say(
            "To recover, run again " + where + " (or run all the cells above this one), then store your answer "
            "under a new name of your own, such as `answer`, never `{name}`, and check that.",
            where=item.made_in, name=item.name,
        )
        notes.append(join(first, recover))
    return notes


class _Absent:
    """Stands for a name the namespace does not hold."""


_ABSENT = _Absent()
