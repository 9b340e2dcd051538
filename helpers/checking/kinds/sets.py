"""The "set" kind: a collection (list, tuple, set, Series, Index, array) whose order and repeats do not count."""

from __future__ import annotations

from .collection import CollectionKind


class SetKind(CollectionKind):
    """Which items: each item once, in any order. A Mistake's test sees a frozenset.

    >>> from .base import Rules
    >>> rules = Rules("some fruits")
    >>> KIND.problems(KIND.read(["lime", "kiwi", "kiwi"], rules), KIND.read(["kiwi", "lime"], rules), rules)
    []
    """

    name = "set"
    answer_type = "a collection of items, such as a list (order and repeats do not matter)"
    sample = ["pomegranate", "tamarind"]


KIND = SetKind()
