"""Load the article and the curated tables in ``data/``.

Every loader first checks that its file is exactly the one the project published: the file must
exist and its SHA-256 checksum must match the one recorded in ``data/SHA256SUMS`` (and, for the
article, the checksum given in ``data/README.md``). Then each table is checked against what
``data/README.md`` documents: its columns, whole numbers where numbers belong, paragraph numbers
from 0 to 12, only the documented values in the columns that have a vocabulary, and ids that are
present and unique. So a table edited together with a regenerated ``SHA256SUMS`` is still refused.

Whatever goes wrong (a missing file, a folder in its place, no permission to read it, bytes that
are not UTF-8, a byte-order mark, a changed file, a value outside the documentation), the loader
raises the one :class:`DataFileError`, whose message names the file, says what is wrong with it
and how to restore it.

Each call reads the file again and returns a new object, so changing what a loader returned
never changes the file or the next call. The loaders never write anything.

The columns, their meaning and their allowed values are described in ``data/README.md``.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from pathlib import Path

import pandas as pd

__all__ = [
    "DATA_DIR",
    "DataFileError",
    "load_article",
    "load_figures",
    "load_quotations",
    "load_raw_article",
    "load_speakers",
    "load_themes",
]

# The folder with the data, found from this file's own location (never the current directory).
DATA_DIR: Path = Path(__file__).resolve().parent.parent / "data"

_ARTICLE_FILE = "wuzhen-summit-article.txt"
_CHECKSUM_FILE = "SHA256SUMS"
# The article's SHA-256 as published (also given in data/README.md). The article is never
# modified, so a regenerated SHA256SUMS cannot make a changed article acceptable.
_ARTICLE_SHA256 = "5e7c2f0b84487aaf6c22fe025fdb2faaf935faf8d0e67645eaca7fda6f2b42ac"
# Paragraph 0 is the headline, 1 to 12 the body paragraphs (see data/README.md).
_LAST_PARAGRAPH = 12
_PARAGRAPH_COLUMNS = ("paragraph", "first_paragraph")

# The single source for every table's columns (in order) and their dtypes.
# "str" is pandas' text dtype, "int64" a whole number, "bool" True or False.
_TABLE_SPEC: dict[str, dict[str, str]] = {
    "figures.csv": {
        "figure_id": "str",
        "value": "int64",
        "as_written": "str",
        "qualifier": "str",
        "bound": "str",
        "counted": "str",
        "scope": "str",
        "paragraph": "int64",
        "sentence": "str",
    },
    "quotations.csv": {
        "quote_id": "str",
        "speaker_id": "str",
        "kind": "str",
        "text": "str",
        "paragraph": "int64",
        "verb": "str",
        "attribution": "str",
        "note": "str",
    },
    "speakers.csv": {
        "speaker_id": "str",
        "name": "str",
        "kind": "str",
        "role": "str",
        "organisation": "str",
        "first_paragraph": "int64",
        "quoted_directly": "bool",
    },
    "themes.csv": {
        "theme_id": "str",
        "phrase": "str",
        "kind": "str",
        "paragraph": "int64",
        "lens": "str",
        "keywords": "str",
    },
}

# The single source for the columns that take only a few documented values.
_ALLOWED_VALUES: dict[str, dict[str, tuple[str, ...]]] = {
    "figures.csv": {
        "qualifier": ("over", "more than", "none"),
        "bound": ("exact", "lower bound"),
        "scope": ("summit", "competition", "expo"),
    },
    "quotations.csv": {
        "kind": ("direct", "reported"),
        "attribution": ("named", "pronoun", "group"),
    },
    "speakers.csv": {
        "kind": ("person", "group"),
    },
    "themes.csv": {
        "kind": (
            "official theme",
            "critical issue",
            "expected effect",
            "agreement point",
            "advocated point",
            "debate topic",
            "consensus area",
            "recognized concept",
            "industry trend",
            "competition area",
        ),
        "lens": (
            "digital cooperation",
            "digital divide",
            "cybersecurity governance",
            "digital economy",
            "other",
        ),
    },
}


# Columns whose documented values are the ids of another table: (table, column) -> (table, id column).
_REFERENCES: dict[tuple[str, str], tuple[str, str]] = {
    ("quotations.csv", "speaker_id"): ("speakers.csv", "speaker_id"),
}


class DataFileError(Exception):
    """Raised when a file in data/ is missing, unreadable, changed or not in the documented shape.

    The message names the file, says what is wrong and ends with what to do about it.

    >>> error = DataFileError("figures.csv", "the file is missing.")
    >>> print(error)
    There is a problem with data/figures.csv: the file is missing.
    Restore it with: git checkout -- data/figures.csv  (or download the repository again)
    """

    def __init__(self, file_name: str, problem: str, fix: str | None = None) -> None:
        self.file_name = file_name
        if fix is None:
            fix = (
                f"Restore it with: git checkout -- data/{file_name}"
                "  (or download the repository again)"
            )
        super().__init__(f"There is a problem with data/{file_name}: {problem}\n{fix}")


def _fix_with_checksums(file_name: str) -> str:
    """Return the fix for a file whose checksum was recorded again after it was changed.

    Restoring only the file would leave SHA256SUMS recording the changed file, so both come back.

    >>> print(_fix_with_checksums("themes.csv"))
    Restore it and the checksums with: git checkout -- data/themes.csv data/SHA256SUMS
    (or download the repository again)
    """
    return (
        f"Restore it and the checksums with: git checkout -- data/{file_name} data/{_CHECKSUM_FILE}"
        "  (or download the repository again)"
    )


def _is_folder(path: Path) -> bool:
    """Return True if path is a folder, False if it is not or cannot be looked at.

    >>> _is_folder(DATA_DIR), _is_folder(DATA_DIR / "figures.csv")
    (True, False)
    """
    try:
        return path.is_dir()
    except OSError:
        return False


def _folder_error(file_name: str) -> DataFileError:
    """Return the error for a folder found where data/file_name should be a file.

    >>> _folder_error("figures.csv").file_name
    'figures.csv'
    """
    return DataFileError(
        file_name,
        f"data/{file_name} is a folder, but it should be a file.",
        "Move that folder out of data/ (keep anything you need from it), then restore the file with: "
        f"git checkout -- data/{file_name}  (or download the repository again)",
    )


def _read_bytes(file_name: str) -> bytes:
    """Return the bytes of data/file_name; any reason it cannot be read becomes a DataFileError.

    >>> _read_bytes("SHA256SUMS")[:8]
    b'86f93b70'
    """
    path = DATA_DIR / file_name
    try:
        return path.read_bytes()
    except IsADirectoryError:
        raise _folder_error(file_name) from None
    except (FileNotFoundError, NotADirectoryError):
        if not _is_folder(DATA_DIR):
            raise DataFileError(
                file_name,
                "the whole data/ folder is missing, so none of the article's files can be read.",
                "Restore it with: git checkout -- data/  (or download the repository again)",
            ) from None
        missing = "the file is missing (it should be in the data folder)."
        if file_name == _CHECKSUM_FILE:
            missing += " Without it, no other file in data/ can be checked."
        raise DataFileError(file_name, missing) from None
    except PermissionError:
        # Windows reports a folder opened as a file as "permission denied".
        if _is_folder(path):
            raise _folder_error(file_name) from None
        raise DataFileError(
            file_name,
            "Python is not allowed to read it (permission denied).",
            f"Give your user permission to read it (on macOS or Linux: chmod u+r data/{file_name}), "
            "or download the repository again into a folder of your own.",
        ) from None
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise DataFileError(file_name, f"it could not be read ({reason}).") from None


def _decode(content: bytes, file_name: str, fix: str | None = None) -> str:
    """Return content decoded as UTF-8 text without a byte-order mark, or raise a DataFileError.

    >>> _decode("Wuzhen".encode("utf-8"), "example.txt")
    'Wuzhen'
    """
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as error:
        problem = (
            f"it cannot be read as UTF-8 text: the byte at position {error.start} is not valid UTF-8 "
            "(the file may have been saved in another encoding, or damaged)."
        )
        raise DataFileError(file_name, problem, fix) from None
    if text.startswith("\ufeff"):
        problem = (
            "it starts with an invisible byte-order mark (BOM), which some editors add when they save "
            "a file. The files in data/ have none."
        )
        raise DataFileError(file_name, problem, fix)
    return text


# One line of SHA256SUMS: 64 hexadecimal digits, a space, then " " (text mode) or "*" (binary mode)
# and the file name, as the sha256sum tool writes it.
_CHECKSUM_LINE = re.compile(r"(?P<checksum>[0-9a-fA-F]{64}) [ *](?P<name>[^\s/\\].*)")


def _recorded_checksums() -> dict[str, str]:
    """Return the SHA-256 that data/SHA256SUMS records for each file it lists.

    >>> checksums = _recorded_checksums()
    >>> sorted(checksums)[0], len(checksums["figures.csv"])
    ('figures.csv', 64)
    """
    text = _decode(_read_bytes(_CHECKSUM_FILE), _CHECKSUM_FILE)
    checksums: dict[str, str] = {}
    lines: dict[str, int] = {}
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        match = _CHECKSUM_LINE.fullmatch(line.rstrip("\r"))
        if match is None:
            shown = line if len(line) <= 90 else line[:90] + "..."
            problem = (
                f"line {number} is not a checksum line (64 hexadecimal characters, two spaces, "
                f"a file name): {shown!r}."
            )
            raise DataFileError(_CHECKSUM_FILE, problem)
        name = match["name"]
        if name in checksums:
            problem = f"it lists data/{name} more than once (lines {lines[name]} and {number})."
            raise DataFileError(_CHECKSUM_FILE, problem)
        checksums[name] = match["checksum"].lower()
        lines[name] = number
    return checksums


def _recorded_checksum(file_name: str) -> str:
    """Return the SHA-256 recorded for file_name in data/SHA256SUMS.

    >>> len(_recorded_checksum("figures.csv"))
    64
    """
    checksums = _recorded_checksums()
    if file_name not in checksums:
        raise DataFileError(
            _CHECKSUM_FILE, f"it does not list data/{file_name}, so that file cannot be checked."
        )
    return checksums[file_name]


def _read_checked_text(file_name: str) -> str:
    """Return the text of data/file_name after checking that it exists and is unchanged.

    >>> _read_checked_text("speakers.csv").splitlines()[0]
    'speaker_id,name,kind,role,organisation,first_paragraph,quoted_directly'
    """
    content = _read_bytes(file_name)
    checksum = hashlib.sha256(content).hexdigest()
    if checksum != _recorded_checksum(file_name):
        raise DataFileError(
            file_name,
            "the file has changed since it was published, or data/SHA256SUMS has (the file's "
            "SHA-256 checksum does not match the one recorded there). Files in data/ must never "
            "be edited.",
            _fix_with_checksums(file_name),
        )
    if file_name == _ARTICLE_FILE and checksum != _ARTICLE_SHA256:
        raise DataFileError(
            file_name,
            "the file has changed since it was published (its SHA-256 checksum is not the one "
            "given in data/README.md, although data/SHA256SUMS was updated to match it). "
            "The article must never be edited.",
            _fix_with_checksums(file_name),
        )
    # From here on the checksum matched, so SHA256SUMS may have been regenerated after an edit.
    return _decode(content, file_name, _fix_with_checksums(file_name))


def _row_name(number: int, ids: list[str]) -> str:
    """Return how a message names row number (the header is row 1), with its id when it has one.

    >>> _row_name(2, ["F01", "F02"])
    'row 2 (F01)'
    """
    identifier = ids[number - 2] if 0 <= number - 2 < len(ids) else ""
    return f"row {number} ({identifier})" if identifier else f"row {number}"


def _convert_column(
    column: pd.Series, dtype: str, file_name: str, ids: list[str] | None = None
) -> pd.Series:
    """Return column (read as text) converted to dtype: "str", "int64" or "bool".

    >>> _convert_column(pd.Series(["3", "12"]), "int64", "figures.csv").tolist()
    [3, 12]
    >>> _convert_column(pd.Series(["True", "False"]), "bool", "speakers.csv").tolist()
    [True, False]
    """
    ids = ids if ids is not None else []
    cells = column.tolist()
    if dtype == "int64":
        for number, cell in enumerate(cells, start=2):
            # Digits 0 to 9 only (no sign, point or other script); at most 18, so it fits int64.
            if not re.fullmatch(r"[0-9]{1,18}", cell):
                problem = (
                    f"column {column.name!r} should hold whole numbers (the digits 0 to 9 only), "
                    f"but {_row_name(number, ids)} holds {cell!r}."
                )
                raise DataFileError(file_name, problem, _fix_with_checksums(file_name))
        return column.astype("int64")
    if dtype == "bool":
        for number, cell in enumerate(cells, start=2):
            if cell not in ("True", "False"):
                problem = (
                    f"column {column.name!r} should hold True or False, "
                    f"but {_row_name(number, ids)} holds {cell!r}."
                )
                raise DataFileError(file_name, problem, _fix_with_checksums(file_name))
        return column == "True"
    return column.astype("str")


def _check_ids(ids: list[str], id_column: str, file_name: str) -> None:
    """Return None if every id is present and unique; else raise a DataFileError naming the row.

    >>> _check_ids(["F01", "F02"], "figure_id", "figures.csv")
    >>> _check_ids(["F01", "F01"], "figure_id", "figures.csv")
    Traceback (most recent call last):
    ...
    helpers.data.DataFileError: There is a problem with data/figures.csv: the figure_id 'F01'
    appears more than once (rows 2 and 3); each figure_id must be unique.
    Restore it and the checksums with: git checkout -- data/figures.csv data/SHA256SUMS
    (or download the repository again)
    """
    first_row: dict[str, int] = {}
    for number, identifier in enumerate(ids, start=2):
        if not identifier.strip():
            problem = f"row {number} has an empty {id_column}; every row needs one."
            raise DataFileError(file_name, problem, _fix_with_checksums(file_name))
        if identifier in first_row:
            problem = (
                f"the {id_column} {identifier!r} appears more than once (rows {first_row[identifier]} "
                f"and {number}); each {id_column} must be unique."
            )
            raise DataFileError(file_name, problem, _fix_with_checksums(file_name))
        first_row[identifier] = number


def _check_values(table: pd.DataFrame, ids: list[str], file_name: str) -> None:
    """Return None if every column with a vocabulary or a range holds only documented values.

    Otherwise raise a DataFileError that names the column, the row and the value.

    >>> speakers = pd.DataFrame({"kind": ["person"], "first_paragraph": [3]})
    >>> _check_values(speakers, ["ren"], "speakers.csv")
    >>> _check_values(pd.DataFrame({"kind": ["Person"]}), ["ren"], "speakers.csv")
    Traceback (most recent call last):
    ...
    helpers.data.DataFileError: There is a problem with data/speakers.csv: column 'kind' holds 'Person'
    in row 2 (ren), which is not one of the documented values: 'person', 'group' (see data/README.md).
    Restore it and the checksums with: git checkout -- data/speakers.csv data/SHA256SUMS
    (or download the repository again)
    """
    for column, allowed in _ALLOWED_VALUES.get(file_name, {}).items():
        for number, value in enumerate(table[column].tolist(), start=2):
            if value not in allowed:
                listed = ", ".join(repr(option) for option in allowed)
                problem = (
                    f"column {column!r} holds {value!r} in {_row_name(number, ids)}, which is not "
                    f"one of the documented values: {listed} (see data/README.md)."
                )
                raise DataFileError(file_name, problem, _fix_with_checksums(file_name))
    for column in _PARAGRAPH_COLUMNS:
        if column not in table:
            continue
        for number, value in enumerate(table[column].tolist(), start=2):
            if not 0 <= value <= _LAST_PARAGRAPH:
                problem = (
                    f"column {column!r} should hold a paragraph number from 0 to {_LAST_PARAGRAPH} "
                    f"(0 is the headline), but {_row_name(number, ids)} holds {value}."
                )
                raise DataFileError(file_name, problem, _fix_with_checksums(file_name))


def _check_references(table: pd.DataFrame, ids: list[str], file_name: str) -> None:
    """Return None if every column that names rows of another table names rows that exist there.

    Otherwise raise a DataFileError that names the column, the row and the value. (The other
    table is loaded, and so checked, too.)

    >>> _check_references(pd.DataFrame({"speaker_id": ["ren-xianliang"]}), ["Q01"], "quotations.csv")
    """
    for (table_name, column), (other_name, other_column) in _REFERENCES.items():
        if table_name != file_name:
            continue
        known = set(_load_table(other_name)[other_column])
        for number, value in enumerate(table[column].tolist(), start=2):
            if value not in known:
                problem = (
                    f"column {column!r} holds {value!r} in {_row_name(number, ids)}, but data/"
                    f"{other_name} has no {other_column} {value!r} (see data/README.md)."
                )
                fix = (
                    f"Restore both tables and the checksums with: git checkout -- data/{file_name} "
                    f"data/{other_name} data/{_CHECKSUM_FILE}  (or download the repository again)"
                )
                raise DataFileError(file_name, problem, fix)


def _read_rows(text: str, file_name: str) -> list[list[str]]:
    """Return the rows of CSV text (header first), each a list of text cells; blank lines skipped.

    >>> _read_rows('a,b\\n"1,5",\\n', "example.csv")
    [['a', 'b'], ['1,5', '']]
    """
    fix = _fix_with_checksums(file_name)
    try:
        rows = [row for row in csv.reader(io.StringIO(text), strict=True) if row]
    except csv.Error as error:
        raise DataFileError(file_name, f"it cannot be read as CSV ({error}).", fix) from None
    if not rows:
        raise DataFileError(file_name, "it cannot be read as CSV (the file is empty).", fix)
    for line_number, row in enumerate(rows[1:], start=2):
        if len(row) != len(rows[0]):
            problem = (
                f"it cannot be read as CSV (row {line_number} has {len(row)} cells, "
                f"the header has {len(rows[0])})."
            )
            raise DataFileError(file_name, problem, fix)
    return rows


def _load_table(file_name: str) -> pd.DataFrame:
    """Return the checked table data/file_name with the columns and dtypes of _TABLE_SPEC.

    >>> list(_load_table("speakers.csv").columns) == list(_TABLE_SPEC["speakers.csv"])
    True
    """
    spec = _TABLE_SPEC[file_name]
    header, *rows = _read_rows(_read_checked_text(file_name), file_name)
    if header != list(spec):
        problem = f"its columns differ from the documented ones. Expected {list(spec)}, found {header}."
        raise DataFileError(file_name, problem, _fix_with_checksums(file_name))
    ids = [row[0] for row in rows]
    _check_ids(ids, header[0], file_name)
    # Every cell is read as text first, so an empty cell is "" (never NaN); then the dtypes apply.
    table = pd.DataFrame(rows, columns=header, dtype="str")
    table = pd.DataFrame(
        {name: _convert_column(table[name], dtype, file_name, ids) for name, dtype in spec.items()}
    )
    _check_values(table, ids, file_name)
    _check_references(table, ids, file_name)
    return table


def load_raw_article() -> str:
    """Return the article exactly as it was received, scraping defects included.

    >>> raw = load_raw_article()
    >>> raw.startswith("Wuzhen Summit develops consensus")
    True
    >>> raw.endswith("Originally published at China Daily")
    True
    """
    return _read_checked_text(_ARTICLE_FILE)


def load_article() -> str:
    """Return the cleaned article: headline once, 12 body paragraphs, no trailer line.

    The cleaning is helpers.text.clean_text applied to load_raw_article().

    >>> article = load_article()
    >>> article.startswith("Wuzhen Summit develops consensus")
    True
    >>> "Originally published" in article
    False
    """
    from helpers.text import clean_text

    return clean_text(load_raw_article())


def load_figures() -> pd.DataFrame:
    """Return the figures table: one row per figure the article states, in article order.

    Columns: figure_id, value (int64), as_written, qualifier, bound, counted, scope,
    paragraph (int64), sentence. See data/README.md for their meaning.

    >>> figures = load_figures()
    >>> list(figures.columns)
    ['figure_id', 'value', 'as_written', 'qualifier', 'bound', 'counted', 'scope', 'paragraph', 'sentence']
    >>> str(figures["value"].dtype)
    'int64'
    """
    return _load_table("figures.csv")


def load_quotations() -> pd.DataFrame:
    """Return the quotations table: one row per statement the article attributes to someone.

    Columns: quote_id, speaker_id, kind, text, paragraph (int64), verb, attribution, note.
    See data/README.md for their meaning.

    >>> quotations = load_quotations()
    >>> list(quotations.columns)
    ['quote_id', 'speaker_id', 'kind', 'text', 'paragraph', 'verb', 'attribution', 'note']
    >>> set(quotations["kind"]) <= {"direct", "reported"}
    True
    """
    return _load_table("quotations.csv")


def load_speakers() -> pd.DataFrame:
    """Return the speakers table: each person or group the article cites as a source.

    Columns: speaker_id, name, kind, role, organisation, first_paragraph (int64),
    quoted_directly (bool). See data/README.md for their meaning.

    >>> speakers = load_speakers()
    >>> len(speakers) > 0
    True
    >>> str(speakers["quoted_directly"].dtype)
    'bool'
    """
    return _load_table("speakers.csv")


def load_themes() -> pd.DataFrame:
    """Return the themes table: each theme, topic and area of consensus the article names.

    Columns: theme_id, phrase, kind, paragraph (int64), lens, keywords.
    See data/README.md for their meaning.

    >>> themes = load_themes()
    >>> list(themes.columns)
    ['theme_id', 'phrase', 'kind', 'paragraph', 'lens', 'keywords']
    """
    return _load_table("themes.csv")
