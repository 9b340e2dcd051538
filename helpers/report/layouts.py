"""Finding the notebooks under SUBMISSIONS, in the layouts instructors get, and whose each one is.

SUBMISSIONS is a folder, a zip file, or one notebook. Zip files (SUBMISSIONS itself, or any zip
inside it, one level of zips inside zips too) are read in memory, never extracted. Hidden files
and folders (``.ipynb_checkpoints``) and macOS's ``__MACOSX`` are left out; files that are not
notebooks are ignored.

Whose notebook a file is:

- nbgrader (``submitted/<student>/<assignment>/``): the folder under ``submitted``. Notebooks
  outside ``submitted/`` (nbgrader's ``source/``, ``release/``, ``autograded/``) are listed and not read;
- one folder per student (a JupyterHub or LMS export): the first folder under SUBMISSIONS (or
  under the zip). A zip made by compressing a folder holds that folder: when every notebook of the
  zip is inside one folder named like the zip, that folder is skipped;
- a flat folder, or a zip, of files: the text before the notebook's name in the file name
  (``Alice Smith_02-the-figures.ipynb`` is Alice Smith's, as LMS downloads are named; Moodle's
  and Canvas's own additions are dropped, see tidy_student). A file with
  nothing before the notebook's name (a browser download, ``02-the-figures (3).ipynb``) is counted
  as a student of its own, named by its file name, since nothing tells whose it is.

A zip inside a student's folder belongs to that student; a zip lying directly in SUBMISSIONS counts
as a folder named like the zip (``alice.zip`` is alice's).
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .reading import notebook_from_file_name

#: Files larger than this are listed as too large and not read (100 MB).
MAX_FILE_BYTES = 100_000_000
_ZIP_DEPTH = 2  # a zip, and zips inside it
_MOODLE_SUFFIX = re.compile(r"_assignsubmission_file_?$", re.IGNORECASE)
_CANVAS_LATE = re.compile(r"_LATE(?=_\d)")
_CANVAS_FILE_ID = re.compile(r"^(.*?_\d+)(?:_\d+)+$")


@dataclass(frozen=True)
class Found:
    """One notebook file under SUBMISSIONS: where it is, whose it is, and how to read its bytes."""

    display: str            # the path shown in the report, from SUBMISSIONS (zip members after the zip's name)
    folders: tuple[str, ...]  # the folders between SUBMISSIONS and the file (a zip counts as a folder)
    file_name: str
    modified: float         # seconds since the epoch (a zip member: its stored date)
    size: int
    read: Callable[[], bytes]
    student: str = ""       # who handed it in (see the module's docstring)
    student_text: str = ""  # the exact text of the path that names the student
    anonymous: bool = False  # True when the student is only the file's name


@dataclass(frozen=True)
class Skipped:
    """A file or a zip under SUBMISSIONS that could not be read, and why."""

    display: str
    folders: tuple[str, ...]
    file_name: str
    reason: str


def tidy_student(text: str) -> str:
    """Return a student's name from a folder name or a file-name prefix, without LMS decorations.

    Moodle names files ``<name>_<user id>_assignsubmission_file_<file>``; Canvas names them
    ``<name>_<user id>_<file id>_<file>`` (with ``_LATE`` after the name for a late one): the file's
    own id and the marks are dropped, so that a student's files all give the same name.

    >>> tidy_student("Alice Smith_123456_assignsubmission_file_")
    'Alice Smith_123456'
    >>> tidy_student("smithalice_LATE_123456_7891011_"), tidy_student("bob - ")
    ('smithalice_123456', 'bob')
    """
    tidy = _MOODLE_SUFFIX.sub("", text.strip()).strip(" _-.")
    tidy = _CANVAS_FILE_ID.sub(r"\1", _CANVAS_LATE.sub("", tidy))
    return tidy or text.strip()


def whose(folders: tuple[str, ...], file_name: str, known: Mapping[str, str]) -> tuple[str, str, bool]:
    """Return (student, the path's text that names them, whether only the file name identifies them).

    >>> whose(("course", "submitted", "alice", "ps2"), "02-the-figures.ipynb", {})
    ('alice', 'alice', False)
    >>> whose((), "Bob_02-the-figures (2).ipynb", {"02-the-figures": "nb02"})
    ('Bob', 'Bob', False)
    >>> whose((), "02-the-figures (3).ipynb", {"02-the-figures": "nb02"})
    ('02-the-figures (3)', '02-the-figures (3)', True)
    """
    if "submitted" in folders:
        index = folders.index("submitted")
        if index + 1 < len(folders):
            raw = folders[index + 1]
            return tidy_student(raw), raw, False
    if folders:
        return tidy_student(folders[0]), folders[0], False
    stem = file_name[:-len(".ipynb")] if file_name.lower().endswith(".ipynb") else file_name
    notebook = notebook_from_file_name(file_name, known)
    if notebook is not None:
        start = stem.casefold().find(notebook.casefold())
        prefix = stem[:start]
        student = tidy_student(prefix)
        if student.strip(" _-.()"):
            return student, student if student in prefix else prefix.strip(), False
    return stem, stem, True


def megabytes(size: int) -> str:
    """Return a size in bytes as megabytes, in words.

    >>> megabytes(2_100_000), megabytes(150_000_000)
    ('2.1 MB', '150 MB')
    """
    return f"{size / 1e6:.0f} MB" if size >= 10e6 else f"{size / 1e6:.1f} MB"


def _hidden(part: str) -> bool:
    return part.startswith(".") or part == "__MACOSX" or part == "__pycache__"


def _zip_stem(name: str) -> str:
    return name[:-4] if name.lower().endswith(".zip") else name


def _walk_zip(archive: zipfile.ZipFile, display: str, folders: tuple[str, ...], depth: int,
              max_bytes: int) -> Iterator[Found | Skipped]:
    """Yield the notebooks of an open zip (and of the zips inside it, up to the depth limit)."""
    members = []
    for info in archive.infolist():
        parts = tuple(p for p in PurePosixPath(info.filename.replace("\\", "/")).parts if p not in ("", ".", ".."))
        if info.is_dir() or not parts or any(_hidden(p) for p in parts):
            continue
        if parts[-1].lower().endswith((".ipynb", ".zip")):
            members.append((info, parts))
    # A zip made by compressing a folder wraps everything in that folder: skip it.
    stem = folders[-1] if folders else _zip_stem(PurePosixPath(display).name)
    firsts = {parts[0] for _, parts in members if len(parts) > 1}
    wrapped = members and len(firsts) == 1 and all(len(p) > 1 for _, p in members) \
        and next(iter(firsts)).casefold() == stem.casefold()
    for info, parts in members:
        inner = parts[1:] if wrapped else parts
        where = f"{display}/{'/'.join(parts)}"
        sub = folders + inner[:-1]
        modified = _zip_time(info)
        if info.file_size > max_bytes:
            yield Skipped(where, sub, inner[-1], f"too large to read ({megabytes(info.file_size)}; "
                          f"the limit is {megabytes(max_bytes)}): not read")
            continue
        if inner[-1].lower().endswith(".zip"):
            if depth >= _ZIP_DEPTH:
                yield Skipped(where, sub, inner[-1], "a zip inside a zip inside a zip: not opened")
                continue
            try:
                nested = zipfile.ZipFile(io.BytesIO(archive.read(info)))
            except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError, ValueError) as exc:
                yield Skipped(where, sub, inner[-1], f"a zip that cannot be opened ({exc}): not read")
                continue
            yield from _walk_zip(nested, where, sub + (_zip_stem(inner[-1]),), depth + 1, max_bytes)
            continue
        yield Found(where, sub, inner[-1], modified, info.file_size, _member_reader(archive, info))


def _zip_time(info: zipfile.ZipInfo) -> float:
    import datetime

    try:
        return datetime.datetime(*info.date_time).timestamp()
    except (ValueError, OverflowError):
        return 0.0


def _member_reader(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Callable[[], bytes]:
    return lambda: archive.read(info)


def _file_reader(path: Path) -> Callable[[], bytes]:
    return path.read_bytes


def _open_zip(path: Path, display: str, folders: tuple[str, ...], max_bytes: int) -> Iterator[Found | Skipped]:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        yield Skipped(display, folders[:-1], path.name, f"a zip that cannot be opened ({exc}): not read")
        return
    yield from _walk_zip(archive, display, folders, 1, max_bytes)


def _walk(root: Path, max_bytes: int) -> Iterator[Found | Skipped]:
    if root.is_file():
        if root.suffix.lower() == ".zip":
            yield from _open_zip(root, root.name, (), max_bytes)
        else:
            stat = root.stat()
            yield Found(root.name, (), root.name, stat.st_mtime, stat.st_size, _file_reader(root))
        return
    for directory, subdirs, files in os.walk(root, onerror=None):
        subdirs[:] = sorted(d for d in subdirs if not _hidden(d))
        here = Path(directory)
        folders = here.relative_to(root).parts
        for name in sorted(files):
            if _hidden(name) or not name.lower().endswith((".ipynb", ".zip")):
                continue
            path = here / name
            display = "/".join((*folders, name))
            try:
                stat = path.stat()
            except OSError as exc:
                yield Skipped(display, folders, name, f"cannot be read ({exc.strerror}): not read")
                continue
            if stat.st_size > max_bytes:
                yield Skipped(display, folders, name, f"too large to read ({megabytes(stat.st_size)}; "
                              f"the limit is {megabytes(max_bytes)}): not read")
            elif name.lower().endswith(".zip"):
                yield from _open_zip(path, display, folders + (_zip_stem(name),), max_bytes)
            else:
                yield Found(display, folders, name, stat.st_mtime, stat.st_size, _file_reader(path))


def find_submissions(root: Path, known: Mapping[str, str],
                     max_bytes: int = MAX_FILE_BYTES) -> tuple[list[Found], list[Skipped]]:
    """Return the notebooks under `root` (a folder, a zip or a notebook), each with its student, and what was skipped.

    `known` maps each notebook of the collection to its exercise module (for names in file names).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     _ = (Path(folder) / "alice").mkdir(), (Path(folder) / "alice" / "02-the-figures.ipynb").write_text("{}")
    ...     found, skipped = find_submissions(Path(folder), {"02-the-figures": "nb02"})
    >>> [(f.student, f.display) for f in found], skipped
    ([('alice', 'alice/02-the-figures.ipynb')], [])
    """
    found: list[Found] = []
    skipped: list[Skipped] = []
    items = list(_walk(Path(root), max_bytes))
    nbgrader = any("submitted" in item.folders for item in items)
    for item in items:
        if isinstance(item, Skipped):
            skipped.append(item)
            continue
        if nbgrader and "submitted" not in item.folders:
            skipped.append(Skipped(item.display, item.folders, item.file_name,
                                   "outside nbgrader's submitted/ folder (the course's own copies): not read"))
            continue
        student, text, anonymous = whose(item.folders, item.file_name, known)
        found.append(Found(item.display, item.folders, item.file_name, item.modified, item.size, item.read,
                           student, text, anonymous))
    return found, skipped
