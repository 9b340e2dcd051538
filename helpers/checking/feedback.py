"""Feedback and the messages it is built from: each message has a plain-text and a Markdown form."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

CORRECT = "correct"
NOT_YET_RIGHT = "not yet right"
NOT_ATTEMPTED = "not attempted"
STATUSES = (CORRECT, NOT_YET_RIGHT, NOT_ATTEMPTED)

# The status as it is written at the top of a feedback (always a word, never only a colour).
STATUS_WORDS = {CORRECT: "Correct.", NOT_YET_RIGHT: "Not yet right.", NOT_ATTEMPTED: "Not attempted."}


@dataclass(frozen=True, repr=False)
class Say:
    """A message in two forms: plain text (str and repr) and Markdown (shown by Jupyter)."""

    plain: str
    markdown: str

    def __str__(self) -> str:
        return self.plain

    def __repr__(self) -> str:
        return self.plain

    def _repr_markdown_(self) -> str:
        return self.markdown


def md_escape(text: str) -> str:
    """Return text with the characters that Markdown (and Jupyter's $math$) would act on escaped.

    >>> print(md_escape("a*b $5"))
    a\\*b \\$5
    """
    return re.sub(r"([\\`*_\[\]<>#|~$&])", r"\\\1", text)


def say(template: str, *, echo: dict[str, str] | None = None, **words: str) -> Say:
    """Return a message built from a template written with `code` in backticks.

    `words` are our own (or the author's) words; `echo` values come from the student and are
    escaped in the Markdown form. In the plain form the template's backticks are dropped.

    >>> say("Use `len({x})`.", x="words").plain
    'Use len(words).'
    """
    echo = echo or {}
    plain = template.replace("`", "").format(**words, **echo)
    markdown = template.format(**words, **{k: md_escape(v) for k, v in echo.items()})
    return Say(plain, markdown)


def join(*parts: Say) -> Say:
    """Return the messages joined into one paragraph."""
    return Say(" ".join(p.plain for p in parts), " ".join(p.markdown for p in parts))


def authored(text: str) -> Say:
    """Return text written by an exercise author, shown the same in both forms."""
    return Say(text, text)


# Typographic characters of our own messages, and what they become on a terminal without Unicode.
_ASCII_FORMS = str.maketrans({
    "·": "-", "—": "--", "–": "-", "…": "...", "‘": "'", "’": "'", "“": '"', "”": '"', "\u00a0": " ",
})


def ascii_safe(text: str) -> str:
    """Return text with only ASCII characters: our punctuation spelled out, accents dropped, others as ?.

    >>> ascii_safe("Exercise 1 · Count — Correct… “Café”")
    'Exercise 1 - Count -- Correct... "Cafe"'
    """
    text = text.translate(_ASCII_FORMS)
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text[:100_000])
    return "".join(c for c in decomposed if not unicodedata.combining(c)).encode("ascii", "replace").decode("ascii")


def show(obj: Any) -> None:
    """Show obj: with IPython's display() inside IPython/Jupyter, else print its plain text.

    A terminal that cannot show some character (PYTHONIOENCODING=ascii, an old Windows console)
    gets the text in ASCII instead of an error.
    """
    try:
        from IPython import get_ipython
    except ImportError:
        get_ipython = None
    if get_ipython is not None and get_ipython() is not None:
        from IPython.display import display

        display(obj)
        return
    text = str(obj)
    try:
        print(text)
    except UnicodeEncodeError:
        print(ascii_safe(text))
    except ValueError:  # stdout was closed: nothing can be shown
        pass


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
    #: The id of the recognised mistake that explains a wrong answer, or None (see record.py).
    mistake: str | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if self.status not in STATUSES:
            raise ValueError(f"Feedback status must be one of {', '.join(STATUSES)}; got {self.status!r}.")

    def __str__(self) -> str:
        return f"Exercise {self.number} · {self.title} — {STATUS_WORDS[self.status]}\n{self.message}"

    def __repr__(self) -> str:
        return str(self)

    def _repr_markdown_(self) -> str:
        head = f"Exercise {self.number} · {self.title} — **{STATUS_WORDS[self.status]}**"
        return f"{head}\n\n{self.markdown_message or self.message}"
