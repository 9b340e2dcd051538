"""The record a check leaves in the saved notebook, for the class report (`python -m helpers.report`).

Each `ex.qN.check(answer)` shows its feedback in one display output. Beside the plain text and
the Markdown a student sees, that output carries a small machine-readable record of the MIME type
RECORD_MIME: the notebook, the exercise's number, the status, the id of the recognised mistake
(or None), the message of that mistake, how many checks of the exercise this kernel has run, and
the collection's version. It never holds the student's answer nor the expected answer; saving the
notebook keeps it, and nothing is sent anywhere. JupyterLab shows the Markdown and ignores the
record, which has no renderer.

>>> fb = Feedback(NOT_YET_RIGHT, "Count", "The headline is not a body paragraph.", 2,
...               mistake="headline-is-not-a-body-paragraph")
>>> checked = Checked(fb, record_of(fb, "01-the-article-as-text", 3))
>>> sorted(checked._repr_mimebundle_())
['application/vnd.wuzhen-summit.check+json', 'text/markdown', 'text/plain']
>>> checked.record["mistake"], checked.record["tries"]
('headline-is-not-a-body-paragraph', 3)
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from .feedback import NOT_YET_RIGHT, Feedback

#: The MIME type of a check's record in a display output's data.
RECORD_MIME = "application/vnd.wuzhen-summit.check+json"


@functools.cache
def collection_version() -> str:
    """Return the collection's version: as installed, else as pyproject.toml beside helpers/ gives it.

    The checks write it into their records; the class report compares it with its own.

    >>> collection_version().count(".") >= 1
    True
    """
    from importlib import metadata

    try:
        return metadata.version("wuzhen-helpers")
    except metadata.PackageNotFoundError:
        import tomllib
        from pathlib import Path

        pyproject = Path(__file__).resolve().parents[2] / "pyproject.toml"
        try:
            return tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"]
        except (OSError, ValueError, KeyError):
            return "unknown"


def mistake_id(message: str) -> str:
    """Return a stable, readable id for a mistake explained by `message`: its first words and a short hash.

    The same message always gives the same id; two messages that start alike still differ.

    >>> mistake_id("The headline is not a body paragraph.")
    'the-headline-is-not-a-body-paragraph-a0c2'
    """
    ascii_text = unicodedata.normalize("NFKD", message).encode("ascii", "ignore").decode("ascii").lower()
    words = re.findall(r"[a-z0-9]+", ascii_text)[:7]
    digest = hashlib.sha256(message.encode("utf-8")).hexdigest()[:4]
    return "-".join([*words, digest]) if words else f"mistake-{digest}"


def record_of(feedback: Feedback, notebook: str, tries: int) -> dict[str, Any]:
    """Return the record of one check: never the answer, only what the report needs.

    The message is kept only for a recognised mistake, whose words are the exercise's own.
    """
    recognised = feedback.mistake if feedback.status == NOT_YET_RIGHT else None
    return {
        "notebook": notebook,
        "exercise": feedback.number,
        "status": feedback.status,
        "mistake": recognised,
        "message": feedback.message if recognised else "",
        "tries": tries,
        "version": collection_version(),
    }


@dataclass(frozen=True, repr=False)
class Checked:
    """What check() shows: the feedback (plain text and Markdown) with its record beside it."""

    feedback: Feedback
    record: dict[str, Any]

    def __str__(self) -> str:
        return str(self.feedback)

    def __repr__(self) -> str:
        return str(self.feedback)

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        return {
            "text/plain": str(self.feedback),
            "text/markdown": self.feedback._repr_markdown_(),
            RECORD_MIME: dict(self.record),
        }


__all__ = ["RECORD_MIME", "Checked", "collection_version", "mistake_id", "record_of"]
