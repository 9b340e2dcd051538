"""A small exercise made for a test, whose reference answer is given rather than read from the article.

The answer-kind tests (tests/test_kind_*.py) and tests/test_checking.py build their exercises with make(),
so that they test the engine without depending on the notebooks or the data.
"""

from __future__ import annotations

from typing import Any

from helpers.checking import Exercise


def make(kind: str, expected: Any, **options: Any) -> Exercise:
    """Return a small exercise of the given kind whose reference answer is `expected`."""
    options.setdefault("hints", ["Look at the data.", "Count carefully.", "Use the function from the lesson."])
    options.setdefault("solution", "answer = compute()")
    return Exercise(options.pop("number", 1), options.pop("title", "Try it"), expected=lambda: expected,
                    kind=kind, **options)
