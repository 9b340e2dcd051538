"""Load the article and the curated tables in ``data/``.

Every loader first checks that its file is exactly the one the project published: the file must
exist and its SHA-256 checksum must match the one recorded in ``data/SHA256SUMS``. A missing or
changed file raises :class:`DataFileError`, whose message says which file and how to restore it.

Each call reads the file again and returns a new object, so changing what a loader returned
never changes the file or the next call. The loaders never write anything.

The columns, their meaning and their allowed values are described in ``data/README.md``.
"""

from __future__ import annotations

import csv
import hashlib
import io
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
            "stated goal",
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


class DataFileError(Exception):
    """Raised when a file in data/ is missing, changed or not in the documented shape.

    >>> error = DataFileError("figures.csv", "the file is missing.")
    >>> print(error)
    There is a problem with data/figures.csv: the file is missing.
    Restore it with: git checkout -- data/figures.csv  (or download the repository again)
    """

    def __init__(self, file_name: str, problem: str) -> None:
        self.file_name = file_name
        super().__init__(
            f"There is a problem with data/{file_name}: {problem}\n"
            f"Restore it with: git checkout -- data/{file_name}  (or download the repository again)"
        )


def _recorded_checksum(file_name: str) -> str:
    """Return the SHA-256 recorded for file_name in data/SHA256SUMS.

    >>> len(_recorded_checksum("figures.csv"))
    64
    """
    path = DATA_DIR / _CHECKSUM_FILE
    if not path.is_file():
        raise DataFileError(
            _CHECKSUM_FILE, f"the checksum file is missing, so data/{file_name} cannot be checked."
        )
    for line in path.read_text(encoding="utf-8").splitlines():
        checksum, _, listed_name = line.partition(" ")
        # sha256sum writes "hash  name" (text mode) or "hash *name" (binary mode).
        if listed_name.lstrip(" *") == file_name:
            return checksum.lower()
    raise DataFileError(
        _CHECKSUM_FILE, f"it does not list data/{file_name}, so that file cannot be checked."
    )


def _read_checked_text(file_name: str) -> str:
    """Return the text of data/file_name after checking that it exists and is unchanged.

    >>> _read_checked_text("speakers.csv").splitlines()[0]
    'speaker_id,name,kind,role,organisation,first_paragraph,quoted_directly'
    """
    path = DATA_DIR / file_name
    if not path.is_file():
        raise DataFileError(file_name, "the file is missing (it should be in the data folder).")
    content = path.read_bytes()
    if hashlib.sha256(content).hexdigest() != _recorded_checksum(file_name):
        raise DataFileError(
            file_name,
            "the file has changed since it was published (its SHA-256 checksum does not match "
            "the one recorded in data/SHA256SUMS). Files in data/ must never be edited.",
        )
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError as error:
        raise DataFileError(file_name, f"it cannot be read as UTF-8 text ({error}).") from None


def _convert_column(column: pd.Series, dtype: str, file_name: str) -> pd.Series:
    """Return column (read as text) converted to dtype: "str", "int64" or "bool".

    >>> _convert_column(pd.Series(["3", "12"]), "int64", "figures.csv").tolist()
    [3, 12]
    >>> _convert_column(pd.Series(["True", "False"]), "bool", "speakers.csv").tolist()
    [True, False]
    """
    if dtype == "int64":
        try:
            return column.astype("int64")
        except ValueError:
            problem = f"column {column.name!r} should hold whole numbers, but holds {column.tolist()}."
            raise DataFileError(file_name, problem) from None
    if dtype == "bool":
        if not column.isin(["True", "False"]).all():
            problem = f"column {column.name!r} should hold True or False, but holds {column.tolist()}."
            raise DataFileError(file_name, problem)
        return column == "True"
    return column.astype("str")


def _read_rows(text: str, file_name: str) -> list[list[str]]:
    """Return the rows of CSV text (header first), each a list of text cells; blank lines skipped.

    >>> _read_rows('a,b\\n"1,5",\\n', "example.csv")
    [['a', 'b'], ['1,5', '']]
    """
    try:
        rows = [row for row in csv.reader(io.StringIO(text), strict=True) if row]
    except csv.Error as error:
        raise DataFileError(file_name, f"it cannot be read as CSV ({error}).") from None
    if not rows:
        raise DataFileError(file_name, "it cannot be read as CSV (the file is empty).")
    for line_number, row in enumerate(rows[1:], start=2):
        if len(row) != len(rows[0]):
            problem = (
                f"it cannot be read as CSV (row {line_number} has {len(row)} cells, "
                f"the header has {len(rows[0])})."
            )
            raise DataFileError(file_name, problem)
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
        raise DataFileError(file_name, problem)
    # Every cell is read as text first, so an empty cell is "" (never NaN); then the dtypes apply.
    table = pd.DataFrame(rows, columns=header, dtype="str")
    return pd.DataFrame(
        {name: _convert_column(table[name], dtype, file_name) for name, dtype in spec.items()}
    )


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
