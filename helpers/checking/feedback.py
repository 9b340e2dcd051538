"""Feedback and the messages it is built from: each message has a plain-text and a Markdown form."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

CORRECT = "correct"
NOT_YET_RIGHT = "not yet right"
NOT_ATTEMPTED = "not attempted"
STATUSES = (CORRECT, NOT_YET_RIGHT, NOT_ATTEMPTED)

# The status as it is written at the top of a feedback (always a word, never only a colour).
_STATUS_WORDS = {CORRECT: "Correct.", NOT_YET_RIGHT: "Not yet right.", NOT_ATTEMPTED: "Not attempted."}


@dataclass(frozen=True, repr=False)
class _Say:
    """A message in two forms: plain text (str and repr) and Markdown (shown by Jupyter)."""

    plain: str
    markdown: str

    def __str__(self) -> str:
        return self.plain

    def __repr__(self) -> str:
        return self.plain

    def _repr_markdown_(self) -> str:
        return self.markdown


def _md_escape(text: str) -> str:
    """Return text with the characters that Markdown (and Jupyter's $math$) would act on escaped.

    >>> print(_md_escape("a*b $5"))
    a\\*b \\$5
    """
    return re.sub(r"([\\`*_\[\]<>#|~$&])", r"\\\1", text)


def _say(template: str, *, echo: dict[str, str] | None = None, **words: str) -> _Say:
    """Return a message built from a template written with `code` in backticks.

    `words` are our own (or the author's) words; `echo` values come from the student and are
    escaped in the Markdown form. In the plain form the template's backticks are dropped.

    >>> _say("Use `len({x})`.", x="words").plain
    'Use len(words).'
    """
    echo = echo or {}
    plain = template.replace("`", "").format(**words, **echo)
    markdown = template.format(**words, **{k: _md_escape(v) for k, v in echo.items()})
    return _Say(plain, markdown)


def _join(*parts: _Say) -> _Say:
    """Return the messages joined into one paragraph."""
    return _Say(" ".join(p.plain for p in parts), " ".join(p.markdown for p in parts))


def _authored(text: str) -> _Say:
    """Return text written by an exercise author, shown the same in both forms."""
    return _Say(text, text)


def _show(obj: Any) -> None:
    """Show obj: with IPython's display() inside IPython/Jupyter, else print its plain text."""
    try:
        from IPython import get_ipython
    except ImportError:
        get_ipython = None
    if get_ipython is not None and get_ipython() is not None:
        from IPython.display import display

        display(obj)
    else:
        print(str(obj))


@dataclass(frozen=True, repr=False)
class Feedback:
    """Return value of Exercise.evaluate(): a status, the exercise's title and a message.

    str() and repr() give the plain text, _repr_markdown_() the Markdown shown in Jupyter
    (built from markdown_message, the message with code in backticks, when there is one).

    >>> fb = Feedback(CORRECT, "Count the figures", "Well done.", 2)
    >>> print(fb)
    Exercise 2 · Count the figures — Correct.
    Well done.
    >>> fb._repr_markdown_()
    'Exercise 2 · Count the figures — **Correct.**\\n\\nWell done.'
    """

    status: str
    title: str
    message: str
    number: int
    markdown_message: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if self.status not in STATUSES:
            raise ValueError(f"Feedback status must be one of {', '.join(STATUSES)}; got {self.status!r}.")

    def __str__(self) -> str:
        return f"Exercise {self.number} · {self.title} — {_STATUS_WORDS[self.status]}\n{self.message}"

    def __repr__(self) -> str:
        return str(self)

    def _repr_markdown_(self) -> str:
        head = f"Exercise {self.number} · {self.title} — **{_STATUS_WORDS[self.status]}**"
        return f"{head}\n\n{self.markdown_message or self.message}"
