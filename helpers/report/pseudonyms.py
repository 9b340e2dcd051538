"""Stable codes in place of students' names (``--pseudonymise``).

A student's code is a keyed hash of their name (HMAC-SHA-256, the first 10 hex digits, as
``S-3f9a0c12de``). The key is a random secret in a file the instructor keeps: the first run
creates it, every later run with the same file gives every student the same code again, so that
reports of several classes can be compared. Without the key, a code cannot be turned back into a
name, nor a name into its code; with the key and the list of names, the instructor can.
The key file is never written inside SUBMISSIONS or the report's folder.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

#: Where the key is kept when --pseudonymise is given without a file.
DEFAULT_KEY = Path.home() / ".config" / "wuzhen-summit" / "report-pseudonym.key"


class KeyFileError(Exception):
    """The key file cannot be read or written where it was asked for."""


def load_or_create_key(path: Path) -> tuple[bytes, bool]:
    """Return (the key kept in `path`, whether this call created it).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     key, created = load_or_create_key(Path(folder) / "class.key")
    ...     again, created_again = load_or_create_key(Path(folder) / "class.key")
    >>> created, created_again, key == again, len(key)
    (True, False, True, 64)
    """
    path = Path(path)
    try:
        if path.exists():
            key = path.read_text(encoding="ascii").strip().encode("ascii")
            if len(key) < 32:
                raise KeyFileError(f"The key file {path.name} holds no key (or one too short). "
                                   "Give the file the report created, or a new file name.")
            return key, False
        path.parent.mkdir(parents=True, exist_ok=True)
        key = secrets.token_hex(32).encode("ascii")
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="ascii") as handle:
            handle.write(key.decode("ascii") + "\n")
        return key, True
    except (OSError, UnicodeDecodeError) as exc:
        raise KeyFileError(f"The key file {path.name} cannot be used ({exc}). "
                           "Give --pseudonymise a file you can read and write.") from None


def code_for(student: str, key: bytes) -> str:
    """Return the stable code of `student` under `key`.

    >>> code_for("alice", b"k" * 64) == code_for("alice", b"k" * 64) != code_for("bob", b"k" * 64)
    True
    >>> code_for("alice", b"k" * 64).startswith("S-")
    True
    """
    digest = hmac.new(key, student.strip().encode("utf-8"), hashlib.sha256).hexdigest()
    return f"S-{digest[:10]}"
