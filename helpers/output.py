"""Where notebooks may write files: a git-ignored ``output/`` folder, never ``data/``.

``output_path()`` gives a place only inside a real ``output/`` folder at the top of the collection.
When something is in the way (a file called ``output``, a link in place of the folder, a folder
that cannot be written to), it refuses with an :class:`OutputFolderError` that says why and what to
do, and it never deletes, moves or changes anything itself.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["OUTPUT_DIR", "OutputFolderError", "output_folder_problem", "output_path"]

#: The folder for anything a notebook writes (ignored by git, safe to delete).
OUTPUT_DIR: Path = Path(__file__).resolve().parent.parent / "output"


class OutputFolderError(OSError):
    """Raised when output_path() cannot give a safe place to write; the message says why.

    It is an OSError, so code that already catches errors from writing files catches it too.

    >>> print(OutputFolderError("The output/ folder is read-only."))
    The output/ folder is read-only.
    """


class OutputNameError(TypeError, ValueError):
    """Raised when output_path() is given something other than a plain file name; the message says what to give.

    It is both a TypeError and a ValueError, as the two kinds of wrong name are.

    >>> isinstance(OutputNameError("x"), ValueError) and isinstance(OutputNameError("x"), TypeError)
    True
    """


def _read_only(reason: str) -> str:
    """Return the explanation for an output folder that cannot be created or written to.

    >>> _read_only("Permission denied").startswith("Python cannot write into the output/ folder")
    True
    """
    return (
        f"Python cannot write into the output/ folder: this copy of the collection is read-only "
        f"for you ({reason}). Copy the whole collection to a folder of your own (for example in "
        "your home folder), open the notebooks from there, and run this cell again."
    )


def _is_inside(path: Path, folder: Path) -> bool:
    """Return True if path is folder or lies inside it.

    >>> data = Path("/repo/data")
    >>> _is_inside(Path("/repo/data/x.csv"), data), _is_inside(Path("/repo"), data)
    (True, False)
    """
    return path == folder or folder in path.parents


def output_folder_problem() -> str | None:
    """Return why the output folder cannot be used, in plain words, or None if it can.

    It only looks: it creates nothing. A folder that does not exist yet is no problem, as long as
    it can be created.

    >>> output_folder_problem() is None
    True
    """
    folder = OUTPUT_DIR
    repository = folder.parent
    try:
        # A link (or a Windows junction) resolves to somewhere other than output/ itself.
        resolved = folder.resolve()
        if folder.is_symlink() or resolved != repository.resolve() / folder.name:
            inside_data = _is_inside(resolved, repository.resolve() / "data")
            where = "into data/" if inside_data else "elsewhere"
            return (
                f"output is a link that points {where}, not a real folder, so files written there "
                "would not stay inside output/ (and nothing may ever be written into data/). Remove "
                "the link called output at the top of the collection (only the link: the folder it "
                "points to is not touched), then run this cell again; output_path() will then "
                "create a real output/ folder."
            )
        if folder.exists() and not folder.is_dir():
            return (
                "there is a file called output at the top of the collection, where the output/ "
                "folder should be. Rename or move that file (keep it if you need what is in it), "
                "then run this cell again; output_path() will then create the folder."
            )
    except RuntimeError:  # Python 3.11 reports a loop of links this way
        return "output is a link that points back to itself. Remove it, then run this cell again."
    except OSError as error:
        reason = error.strerror or type(error).__name__
        return f"the output/ folder cannot be looked at ({reason})."
    writable_place = folder if folder.is_dir() else repository
    if not os.access(writable_place, os.W_OK | os.X_OK):
        return _read_only("Permission denied")
    return None


def _data_file_linked_to(path: Path) -> str | None:
    """Return the name of the file in data/ that path is the same file as (a hard link), or None.

    >>> _data_file_linked_to(OUTPUT_DIR / "a file that does not exist") is None
    True
    """
    data_dir = OUTPUT_DIR.parent / "data"
    try:
        if not path.is_file() or not data_dir.is_dir():
            return None
        for data_file in data_dir.iterdir():
            if data_file.is_file() and os.path.samefile(path, data_file):
                return data_file.name
    except OSError:
        return None
    return None


def _file_problem(path: Path) -> str | None:
    """Return why output/<name> cannot be written safely, in plain words, or None if it can.

    >>> _file_problem(OUTPUT_DIR / "a file that does not exist") is None
    True
    """
    shown = f"output/{path.name}"
    if path.is_symlink():
        return (
            f"{shown} is a link to another file, so writing to it would change that file instead "
            f"(perhaps one in data/). Remove the link {shown} (the file it points to is not "
            "touched), or choose another file name."
        )
    if path.is_dir():
        return f"{shown} is a folder, so a file cannot be written there. Choose another file name."
    linked = _data_file_linked_to(path)
    if linked is not None:
        return (
            f"{shown} is the same file as data/{linked} (a hard link), so writing to it would "
            f"change data/{linked}, which must never be edited. Choose another file name."
        )
    if path.exists() and not os.access(path, os.W_OK):
        return (
            f"{shown} exists and is read-only for you, so it cannot be written again. "
            "Choose another file name."
        )
    return None


def output_path(filename: str) -> Path:
    """Return the path for `filename` inside the output folder, creating the folder if needed.

    Only a plain file name is accepted, so nothing can be written outside ``output/``. If the
    folder cannot be used safely, an OutputFolderError says why and what to do.

    >>> output_path("brief.md").name
    'brief.md'
    >>> output_path("brief.md").parent.name
    'output'
    """
    if not isinstance(filename, str):
        raise OutputNameError(
            f"output_path() takes a file name as text, such as 'brief.md', not {filename!r}. "
            "Put the name in quotation marks."
        )
    if Path(filename).name != filename or filename in {"", ".", ".."} or "\x00" in filename:
        raise OutputNameError(
            f"output_path() takes a plain file name such as 'brief.md', not {filename!r}. "
            "Everything a notebook writes goes into the output/ folder."
        )
    problem = output_folder_problem()
    if problem is None:
        try:
            OUTPUT_DIR.mkdir(exist_ok=True)
        except FileExistsError:
            problem = output_folder_problem() or "output exists, but it is not a folder."
        except OSError as error:
            problem = _read_only(error.strerror or type(error).__name__)
    if problem is None:
        problem = _file_problem(OUTPUT_DIR / filename)
    if problem is not None:
        raise OutputFolderError(
            f"output_path({filename!r}) cannot give a safe place to write: {problem}"
        )
    return OUTPUT_DIR / filename
