"""The "bag" kind: a collection whose order does not count but whose repeats do."""

from __future__ import annotations

from .collection import CollectionKind


class BagKind(CollectionKind):
    """Which items and how often each, in any order. A Mistake's test sees a tuple.

    >>> from .base import Rules
    >>> rules = Rules("some fruits")
    >>> KIND.problems(KIND.read(["kiwi", "lime"], rules), KIND.read(["kiwi", "kiwi", "lime"], rules), rules)
    ['counts']
    >>> KIND.problems(KIND.read(["kiwi", "fig"], rules), KIND.read(["kiwi", "kiwi", "lime"], rules), rules)
    ['missing:2', 'extra:1']
    """

    name = "bag"
    answer_type = "a collection of items, such as a list (order does not matter, repeats count)"
    sample = ["pomegranate", "pomegranate", "tamarind"]
    repeats_count = True


KIND = BagKind()
