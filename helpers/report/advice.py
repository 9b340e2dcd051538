"""The guide's advice on how to respond to each recognised mistake, keyed by the mistake's id.

It is read from an ``[advice]`` table in ``notebooks/lessons.toml`` (or any TOML file given with
``--advice``), one line per mistake id::

    [advice]
    "lower-bounds-over-only" = "Put both qualifiers on the board: 'over' and 'more than' are both lower bounds."

A mistake with no advice is shown with the message students saw and a marked place for advice.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

#: The lesson manifest, where the [advice] table lives.
LESSONS = Path(__file__).resolve().parents[2] / "notebooks" / "lessons.toml"


def load_advice(path: Path | None = None) -> tuple[dict[str, str], str | None]:
    """Return (advice by mistake id, a problem to report or None); a missing file or table gives no advice.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     file = Path(folder) / "advice.toml"
    ...     _ = file.write_text('[advice]\\n"kept-text" = "Show int() on the board."\\n', encoding="utf-8")
    ...     load_advice(file)
    ({'kept-text': 'Show int() on the board.'}, None)
    """
    path = LESSONS if path is None else Path(path)
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8")).get("advice", {})
    except FileNotFoundError:
        return {}, None if path == LESSONS else f"the advice file {path.name} does not exist: no advice shown"
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return {}, f"the advice file {path.name} cannot be read ({exc}): no advice shown"
    if not isinstance(table, dict):
        return {}, f"[advice] in {path.name} is not a table of mistake id = \"advice\": no advice shown"
    return {str(k): v.strip() for k, v in table.items() if isinstance(v, str) and v.strip()}, None
