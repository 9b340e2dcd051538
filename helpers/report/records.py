"""The record each check leaves in a saved notebook, and the rule that gives an exercise's state.

Every ``ex.qN.check(...)`` shows its feedback in one display output. Beside ``text/plain`` and
``text/markdown`` that output's ``data`` holds a record of the MIME type :data:`RECORD_MIME`::

    {"notebook": "02-the-figures", "exercise": 3, "status": "not yet right",
     "mistake": "<stable id>" or null, "message": "<the plain-text feedback the student saw>",
     "tries": 2, "version": "0.1.0"}

It never holds the student's answer, nor the expected one.

The rule: an exercise's state in a notebook is its **last record in notebook order** (cells from
top to bottom, outputs of a cell in order). A cell run again replaces its own output, so only an
exercise checked in two different cells has two records; then the lower cell counts, whatever the
order the cells were run in. An exercise with no record is "not attempted".
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

# The record's MIME type and statuses are the checks' own (helpers/checking writes the records);
# STATUSES is the order the report shows them in. Re-exported for the report's other modules.
from helpers.checking.feedback import CORRECT as CORRECT
from helpers.checking.feedback import NOT_ATTEMPTED as NOT_ATTEMPTED
from helpers.checking.feedback import NOT_YET_RIGHT as NOT_YET_RIGHT
from helpers.checking.feedback import STATUSES as STATUSES
from helpers.checking.record import RECORD_MIME as RECORD_MIME


@dataclass(frozen=True)
class Record:
    """One check's record: which exercise, its status, the recognised mistake and what the student saw."""

    notebook: str
    exercise: int
    status: str
    mistake: str | None
    message: str
    tries: int
    version: str


def parse_record(value: Any) -> Record | None:
    """Return the Record that `value` (a record's JSON, as a dict or as text) holds, or None if it is not one.

    >>> parse_record({"notebook": "02-the-figures", "exercise": 3, "status": "correct", "mistake": None,
    ...               "message": "Well done.", "tries": 1, "version": "0.1.0"}).status
    'correct'
    >>> parse_record({"notebook": "02-the-figures", "exercise": "three"}) is None
    True
    """
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return None
    if not isinstance(value, dict):
        return None
    notebook, exercise, status = value.get("notebook"), value.get("exercise"), value.get("status")
    mistake, message = value.get("mistake"), value.get("message", "")
    tries, version = value.get("tries", 0), value.get("version", "")
    if not (isinstance(notebook, str) and notebook and status in STATUSES):
        return None
    if not isinstance(exercise, int) or isinstance(exercise, bool) or exercise < 0:
        return None
    if mistake is not None and not (isinstance(mistake, str) and mistake):
        return None
    if not isinstance(message, str) or not isinstance(version, str):
        return None
    if not isinstance(tries, int) or isinstance(tries, bool):
        return None
    return Record(notebook, exercise, status, mistake, message, tries, version)


def exercise_states(records: list[Record]) -> dict[int, Record]:
    """Return each exercise's state: its last record in notebook order, by exercise number.

    Exercises without a record are absent (they are "not attempted").

    >>> first = Record("02-the-figures", 3, "correct", None, "Well done.", 1, "0.1.0")
    >>> later = Record("02-the-figures", 3, "not yet right", "over-only", "Count both.", 2, "0.1.0")
    >>> exercise_states([first, later])[3].status
    'not yet right'
    """
    return {record.exercise: record for record in records}
