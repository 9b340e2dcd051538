"""The "sequence" kind: a list, tuple, Series, Index or array whose order counts (a set is refused)."""

from __future__ import annotations

from .collection import CollectionKind


class SequenceKind(CollectionKind):
    """The items in the right order, repeats included. A Mistake's test sees a tuple.

    >>> from .base import Rules
    >>> rules = Rules("the fruits in order")
    >>> KIND.problems(KIND.read([2, 1], rules), KIND.read([1, 2], rules), rules)
    ['order']
    """

    name = "sequence"
    answer_type = "a list of items in the right order"
    sample = ["tamarind", "pomegranate"]
    ordered = True


KIND = SequenceKind()
