"""Where notebooks may write files: a git-ignored ``output/`` folder, never ``data/``."""

from __future__ import annotations

from pathlib import Path

#: The folder for anything a notebook writes (ignored by git, safe to delete).
OUTPUT_DIR: Path = Path(__file__).resolve().parent.parent / "output"


def output_path(filename: str) -> Path:
    """Return the path for `filename` inside the output folder, creating the folder if needed.

    Only a plain file name is accepted, so nothing can be written outside ``output/``.

    >>> output_path("brief.md").name
    'brief.md'
    >>> output_path("brief.md").parent.name
    'output'
    """
    name = Path(filename)
    if name.name != filename or filename in {"", ".", ".."}:
        raise ValueError(
            f"output_path() takes a plain file name such as 'brief.md', not {filename!r}. "
            "Everything a notebook writes goes into the output/ folder."
        )
    OUTPUT_DIR.mkdir(exist_ok=True)
    return OUTPUT_DIR / filename
