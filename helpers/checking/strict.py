"""Strict mode, for the test suite: a check that does not give the required status raises.

The environment variable WUZHEN_STRICT is read at each check. Its accepted values (case and
surrounding spaces ignored):

- unset, "", "0", "false", "no", "off": strict mode is off (the default; students never need it);
- "1", "true", "yes", "on", "correct": a check raises ExerciseCheckFailed unless the answer is correct;
- "not-attempted" (or "not_attempted"): a check raises unless the answer is the untouched placeholder.

Any other value is a mistake in the test set-up: it is reported (StrictModeError), never guessed.
"""

from __future__ import annotations

import os

from .feedback import CORRECT, NOT_ATTEMPTED

STRICT_VALUES: dict[str, str] = {
    **dict.fromkeys(("", "0", "false", "no", "off"), "off"),
    **dict.fromkeys(("1", "true", "yes", "on", "correct"), "correct"),
    **dict.fromkeys(("not-attempted", "not_attempted"), "not-attempted"),
}

# The status a check must give in each strict mode, or it raises ExerciseCheckFailed.
REQUIRED_STATUS = {"correct": CORRECT, "not-attempted": NOT_ATTEMPTED}


class ExerciseCheckFailed(AssertionError):
    """Raised by check() in strict mode; the message is the feedback's plain text.

    >>> issubclass(ExerciseCheckFailed, AssertionError)
    True
    """


class StrictModeError(ValueError):
    """Raised when WUZHEN_STRICT holds a value strict mode does not accept."""


def strict_mode() -> str:
    """Return "off", "correct" or "not-attempted", read from WUZHEN_STRICT at call time.

    See this module's docstring for the accepted values; any other raises StrictModeError.

    >>> strict_mode() in ("off", "correct", "not-attempted")
    True
    """
    raw = os.environ.get("WUZHEN_STRICT", "")
    value = raw.strip().lower()
    if value in STRICT_VALUES:
        return STRICT_VALUES[value]
    raise StrictModeError(
        f"WUZHEN_STRICT is set to {raw[:40]!r}, which strict mode does not accept. Use 1, true, yes or on "
        "(every check must be correct), not-attempted (every check must find the placeholder ...), or "
        "0, false, no, off or nothing (strict mode off)."
    )


def required_status() -> str | None:
    """Return the status strict mode requires of a check, or None when strict mode is off."""
    return REQUIRED_STATUS.get(strict_mode())
