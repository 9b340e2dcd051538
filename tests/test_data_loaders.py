"""Behaviour of the loaders in helpers.data.

Damage is simulated on a copy of data/ in a temporary folder (monkeypatching DATA_DIR);
the real data/ is never touched.
"""

from __future__ import annotations

import builtins
import csv
import hashlib
import io
import os
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

import helpers.data as data
from helpers.data import (
    DataFileError,
    load_article,
    load_figures,
    load_quotations,
    load_raw_article,
    load_speakers,
    load_themes,
)

REAL_DATA = Path(__file__).resolve().parent.parent / "data"
TABLE_LOADERS: dict[str, Callable[[], pd.DataFrame]] = {
    "figures.csv": load_figures,
    "quotations.csv": load_quotations,
    "speakers.csv": load_speakers,
    "themes.csv": load_themes,
}
# Every file a loader reads, with a call that reads it.
ALL_LOADERS: dict[str, Callable[[], object]] = {
    **TABLE_LOADERS,
    "wuzhen-summit-article.txt": load_raw_article,
}
RESTORE_HINT = "git checkout -- data/"


def replace_and_record(folder: Path, name: str, content: bytes) -> None:
    """Write content to folder/name and record its new hash in folder/SHA256SUMS."""
    (folder / name).write_bytes(content)
    checksums = folder / "SHA256SUMS"
    lines = checksums.read_text(encoding="utf-8").splitlines()
    new_hash = hashlib.sha256(content).hexdigest()
    updated = [f"{new_hash}  {name}" if line.endswith(f"  {name}") else line for line in lines]
    checksums.write_text("\n".join(updated) + "\n", encoding="utf-8")


# --- where the data is -----------------------------------------------------------------------------


def test_data_dir_is_found_from_the_package_location() -> None:
    assert Path(data.__file__).resolve().parent.parent / "data" == data.DATA_DIR


def test_data_dir_is_an_absolute_path() -> None:
    assert data.DATA_DIR.is_absolute()


@pytest.mark.parametrize("name", sorted(ALL_LOADERS))
def test_loader_works_from_any_working_directory(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    ALL_LOADERS[name]()


# --- what the loaders return ---------------------------------------------------------------------


def test_raw_article_is_the_file_exactly() -> None:
    assert load_raw_article().encode("utf-8") == (REAL_DATA / "wuzhen-summit-article.txt").read_bytes()


def test_article_is_clean_text_of_the_raw_article() -> None:
    from helpers.text import clean_text

    assert load_article() == clean_text(load_raw_article())


def test_article_has_no_trailer() -> None:
    assert "Originally published" not in load_article()


@pytest.mark.parametrize("name", sorted(TABLE_LOADERS))
def test_table_has_the_documented_columns_in_order(name: str) -> None:
    assert list(TABLE_LOADERS[name]().columns) == list(data._TABLE_SPEC[name])


@pytest.mark.parametrize("name", sorted(TABLE_LOADERS))
def test_table_has_the_documented_dtypes(name: str) -> None:
    table = TABLE_LOADERS[name]()
    wrong = {
        column: str(table[column].dtype)
        for column, dtype in data._TABLE_SPEC[name].items()
        if table[column].dtype != dtype
    }
    assert not wrong


@pytest.mark.parametrize("name", sorted(TABLE_LOADERS))
def test_text_columns_are_pandas_str_dtype(name: str) -> None:
    table = TABLE_LOADERS[name]()
    for column, dtype in data._TABLE_SPEC[name].items():
        if dtype == "str":
            assert isinstance(table[column].dtype, pd.StringDtype), column


@pytest.mark.parametrize("name", sorted(TABLE_LOADERS))
def test_table_has_no_missing_values(name: str) -> None:
    assert not TABLE_LOADERS[name]().isna().any().any()


def test_empty_note_is_an_empty_string() -> None:
    notes = load_quotations()["note"]
    assert (notes == "").any()


def test_quoted_directly_holds_python_booleans() -> None:
    values = load_speakers()["quoted_directly"].tolist()
    assert all(value is True or value is False for value in values)


@pytest.mark.parametrize("name", sorted(TABLE_LOADERS))
def test_table_index_is_a_plain_range(name: str) -> None:
    table = TABLE_LOADERS[name]()
    assert table.index.equals(pd.RangeIndex(len(table)))


# --- every call is independent -------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(TABLE_LOADERS))
def test_each_call_returns_a_new_table(name: str) -> None:
    assert TABLE_LOADERS[name]() is not TABLE_LOADERS[name]()


@pytest.mark.parametrize("name", sorted(TABLE_LOADERS))
def test_changing_a_returned_table_does_not_change_the_next_load(name: str) -> None:
    load = TABLE_LOADERS[name]
    original = load()
    changed = load()
    first_column = changed.columns[0]
    changed.loc[0, first_column] = "changed by a notebook"
    del changed[changed.columns[1]]
    changed["new column"] = 1
    pd.testing.assert_frame_equal(load(), original)


@pytest.mark.parametrize("name", sorted(TABLE_LOADERS))
def test_changing_a_returned_table_does_not_change_the_file(name: str) -> None:
    before = (REAL_DATA / name).read_bytes()
    table = TABLE_LOADERS[name]()
    table.loc[0, table.columns[0]] = "changed by a notebook"
    assert (REAL_DATA / name).read_bytes() == before


def test_loaders_write_nothing(data_copy: Path) -> None:
    def snapshot() -> dict[str, bytes]:
        return {path.name: path.read_bytes() for path in data_copy.iterdir()}

    before = snapshot()
    for load in [*ALL_LOADERS.values(), load_article]:
        load()
    assert snapshot() == before


# --- damaged files -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(ALL_LOADERS))
def test_missing_file_raises_data_file_error_naming_it(name: str, data_copy: Path) -> None:
    (data_copy / name).unlink()
    with pytest.raises(DataFileError) as caught:
        ALL_LOADERS[name]()
    message = str(caught.value)
    assert f"data/{name}" in message and "missing" in message and RESTORE_HINT in message


@pytest.mark.parametrize("name", sorted(ALL_LOADERS))
def test_changed_file_raises_data_file_error_naming_it(name: str, data_copy: Path) -> None:
    path = data_copy / name
    path.write_bytes(path.read_bytes().replace(b"1", b"2", 1))
    with pytest.raises(DataFileError) as caught:
        ALL_LOADERS[name]()
    message = str(caught.value)
    assert f"data/{name}" in message and "changed" in message and RESTORE_HINT in message


@pytest.mark.parametrize("name", sorted(ALL_LOADERS))
def test_file_with_an_extra_line_at_the_end_counts_as_changed(name: str, data_copy: Path) -> None:
    path = data_copy / name
    path.write_bytes(path.read_bytes() + b"\n")
    with pytest.raises(DataFileError, match="changed"):
        ALL_LOADERS[name]()


@pytest.mark.parametrize("name", sorted(TABLE_LOADERS))
@pytest.mark.parametrize(
    "content",
    [
        b"\x89PNG\r\n\x1a\n\x00\xff\xfe binary bytes",
        b'figure_id,value\n"F01,120\n',
        b"",
    ],
    ids=["binary", "unclosed-quote", "empty"],
)
def test_file_that_is_not_csv_raises_data_file_error_naming_it(
    name: str, content: bytes, data_copy: Path
) -> None:
    replace_and_record(data_copy, name, content)
    with pytest.raises(DataFileError) as caught:
        TABLE_LOADERS[name]()
    message = str(caught.value)
    assert f"data/{name}" in message and "cannot be read" in message and RESTORE_HINT in message


@pytest.mark.parametrize("name", sorted(TABLE_LOADERS))
def test_row_with_too_many_cells_raises_data_file_error(name: str, data_copy: Path) -> None:
    text = (data_copy / name).read_text(encoding="utf-8")
    replace_and_record(data_copy, name, (text + "extra," * 20 + "\n").encode("utf-8"))
    with pytest.raises(DataFileError, match="cannot be read as CSV"):
        TABLE_LOADERS[name]()


@pytest.mark.parametrize("name", sorted(TABLE_LOADERS))
def test_different_columns_raise_data_file_error_naming_the_file(name: str, data_copy: Path) -> None:
    header, rest = (data_copy / name).read_text(encoding="utf-8").split("\n", 1)
    renamed = header.replace(header.split(",")[0], "renamed", 1)
    replace_and_record(data_copy, name, (renamed + "\n" + rest).encode("utf-8"))
    with pytest.raises(DataFileError) as caught:
        TABLE_LOADERS[name]()
    message = str(caught.value)
    assert f"data/{name}" in message and "columns differ" in message and RESTORE_HINT in message


def test_text_in_a_whole_number_column_raises_data_file_error(data_copy: Path) -> None:
    text = (data_copy / "figures.csv").read_text(encoding="utf-8")
    replace_and_record(data_copy, "figures.csv", text.replace(",2100,", ",many,", 1).encode("utf-8"))
    with pytest.raises(DataFileError, match="whole numbers"):
        load_figures()


def test_unknown_value_in_a_true_false_column_raises_data_file_error(data_copy: Path) -> None:
    text = (data_copy / "speakers.csv").read_text(encoding="utf-8")
    replace_and_record(data_copy, "speakers.csv", text.replace(",True", ",yes", 1).encode("utf-8"))
    with pytest.raises(DataFileError, match="True or False"):
        load_speakers()


def test_missing_checksum_file_raises_data_file_error_naming_it(data_copy: Path) -> None:
    (data_copy / "SHA256SUMS").unlink()
    with pytest.raises(DataFileError) as caught:
        load_figures()
    message = str(caught.value)
    assert "data/SHA256SUMS" in message and RESTORE_HINT in message


def test_file_not_listed_in_checksums_raises_data_file_error(data_copy: Path) -> None:
    checksums = data_copy / "SHA256SUMS"
    lines = checksums.read_text(encoding="utf-8").splitlines()
    kept = [line for line in lines if not line.endswith("  themes.csv")]
    checksums.write_text("\n".join(kept) + "\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="does not list data/themes.csv"):
        load_themes()


def test_data_file_error_message_says_how_to_restore_the_file() -> None:
    message = str(DataFileError("figures.csv", "the file is missing."))
    expected = "Restore it with: git checkout -- data/figures.csv  (or download the repository again)"
    assert expected in message


def test_data_file_error_remembers_the_file_name() -> None:
    assert DataFileError("themes.csv", "the file is missing.").file_name == "themes.csv"


# --- every way a file can fail to be read --------------------------------------------------------
# Each of these once escaped as a raw Python error, blamed the wrong file, or loaded silently.

# The checksum file is read by every loader, so a fault in it must name it, whichever loader runs.
EVERY_FILE = [*sorted(ALL_LOADERS), "SHA256SUMS"]


def load_reading(name: str) -> Callable[[], object]:
    """Return a loader that reads data/<name> (any loader reads SHA256SUMS)."""
    return ALL_LOADERS.get(name, load_figures)


def restore_all(folder: Path, name: str, rows: list[list[str]]) -> None:
    """Write rows to folder/name as the project's CSV does and record the new hash in SHA256SUMS."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    replace_and_record(folder, name, buffer.getvalue().encode("utf-8"))


def read_rows(folder: Path, name: str) -> list[list[str]]:
    """Return the rows of folder/name (header first) as lists of text."""
    with open(folder / name, encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def deny_reading(monkeypatch: pytest.MonkeyPatch, denied: Path) -> None:
    """Make every way of opening `denied` raise PermissionError, as a file without read permission does.

    File modes cannot do this when the tests run as root, so the ways of opening are patched instead.
    """
    def refuse(path: object) -> None:
        if Path(os.fspath(path)) == denied:
            raise PermissionError(13, "Permission denied", str(path))

    real_read_bytes, real_read_text, real_open = Path.read_bytes, Path.read_text, Path.open
    real_builtin_open, real_io_open = builtins.open, io.open

    def read_bytes(self: Path) -> bytes:
        refuse(self)
        return real_read_bytes(self)

    def read_text(self: Path, *args: object, **kwargs: object) -> str:
        refuse(self)
        return real_read_text(self, *args, **kwargs)

    def path_open(self: Path, *args: object, **kwargs: object) -> object:
        refuse(self)
        return real_open(self, *args, **kwargs)

    def builtin_open(file: object, *args: object, **kwargs: object) -> object:
        if isinstance(file, (str, os.PathLike)):
            refuse(file)
        return real_builtin_open(file, *args, **kwargs)

    def io_open(file: object, *args: object, **kwargs: object) -> object:
        if isinstance(file, (str, os.PathLike)):
            refuse(file)
        return real_io_open(file, *args, **kwargs)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    monkeypatch.setattr(Path, "read_text", read_text)
    monkeypatch.setattr(Path, "open", path_open)
    monkeypatch.setattr(builtins, "open", builtin_open)
    monkeypatch.setattr(io, "open", io_open)


def raised_by(load: Callable[[], object]) -> str:
    """Return the message of the DataFileError that load() raises (fails if it raises anything else)."""
    with pytest.raises(DataFileError) as caught:
        load()
    return str(caught.value)


@pytest.mark.parametrize("name", EVERY_FILE)
def test_file_without_read_permission_raises_data_file_error_naming_it(
    name: str, data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    deny_reading(monkeypatch, data_copy / name)
    message = raised_by(load_reading(name))
    assert f"data/{name}" in message and "permission" in message.lower()


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0,
    reason="file modes do not stop root (the patched test above covers this case)",
)
def test_file_with_no_read_mode_raises_data_file_error_naming_it(data_copy: Path) -> None:
    (data_copy / "themes.csv").chmod(0)
    message = raised_by(load_themes)
    assert "data/themes.csv" in message and "permission" in message.lower()


@pytest.mark.parametrize("name", EVERY_FILE)
def test_folder_in_place_of_a_file_raises_data_file_error_naming_it(name: str, data_copy: Path) -> None:
    (data_copy / name).unlink()
    (data_copy / name).mkdir()
    message = raised_by(load_reading(name))
    assert f"data/{name}" in message and "is a folder" in message and RESTORE_HINT in message


def test_missing_data_folder_raises_data_file_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(data, "DATA_DIR", tmp_path / "data")
    message = raised_by(load_figures)
    assert "data/ folder is missing" in message and "git checkout -- data/ " in message


@pytest.mark.parametrize("name", sorted(ALL_LOADERS))
def test_one_bad_byte_in_the_checksum_file_names_the_checksum_file(name: str, data_copy: Path) -> None:
    checksums = data_copy / "SHA256SUMS"
    checksums.write_bytes(checksums.read_bytes().replace(b"  ", b" \xff", 1))
    message = raised_by(ALL_LOADERS[name])
    assert "data/SHA256SUMS" in message and "UTF-8" in message and "git checkout -- data/SHA256SUMS" in message


@pytest.mark.parametrize("name", sorted(ALL_LOADERS))
def test_bom_in_the_checksum_file_names_the_checksum_file_not_a_table(name: str, data_copy: Path) -> None:
    checksums = data_copy / "SHA256SUMS"
    checksums.write_bytes(b"\xef\xbb\xbf" + checksums.read_bytes())
    message = raised_by(ALL_LOADERS[name])
    assert "data/SHA256SUMS" in message and "byte-order mark" in message
    assert f"problem with data/{name}" not in message


@pytest.mark.parametrize(
    "bad_line",
    ["not a checksum  figures.csv", "86f93b70  figures.csv", "\ufeff" + "0" * 64 + "  extra.csv"],
    ids=["words", "short-hash", "bom-inside"],
)
def test_malformed_line_in_the_checksum_file_names_the_checksum_file(bad_line: str, data_copy: Path) -> None:
    checksums = data_copy / "SHA256SUMS"
    checksums.write_text(checksums.read_text(encoding="utf-8") + bad_line + "\n", encoding="utf-8")
    message = raised_by(load_themes)
    assert "data/SHA256SUMS" in message and "line 6" in message


def test_file_listed_twice_in_the_checksum_file_names_the_checksum_file(data_copy: Path) -> None:
    checksums = data_copy / "SHA256SUMS"
    lines = checksums.read_text(encoding="utf-8").splitlines()
    checksums.write_text("\n".join([*lines, "0" * 64 + "  themes.csv"]) + "\n", encoding="utf-8")
    message = raised_by(load_themes)
    assert "data/SHA256SUMS" in message and "more than once" in message


@pytest.mark.parametrize("name", sorted(TABLE_LOADERS))
def test_bom_in_a_table_with_a_regenerated_checksum_names_the_table(name: str, data_copy: Path) -> None:
    replace_and_record(data_copy, name, b"\xef\xbb\xbf" + (data_copy / name).read_bytes())
    message = raised_by(TABLE_LOADERS[name])
    assert f"data/{name}" in message and "byte-order mark" in message and RESTORE_HINT in message


def test_changed_article_is_refused_even_with_a_regenerated_checksum(data_copy: Path) -> None:
    content = (data_copy / "wuzhen-summit-article.txt").read_bytes()
    replace_and_record(data_copy, "wuzhen-summit-article.txt", content.replace(b"2,100", b"3,100"))
    message = raised_by(load_raw_article)
    assert "data/wuzhen-summit-article.txt" in message and "changed" in message


def test_the_article_checksum_the_loader_expects_is_the_one_the_readme_documents() -> None:
    readme = " ".join((REAL_DATA / "README.md").read_text(encoding="utf-8").split())
    assert f"The article's checksum is `{data._ARTICLE_SHA256}`" in readme


# --- the documented vocabularies, ids and types hold even when SHA256SUMS was regenerated -----------

VOCABULARY_COLUMNS = [
    (table, column) for table, columns in sorted(data._ALLOWED_VALUES.items()) for column in columns
]
NUMBER_COLUMNS = [
    (table, column)
    for table, columns in sorted(data._TABLE_SPEC.items())
    for column, dtype in columns.items()
    if dtype == "int64"
]


@pytest.mark.parametrize(("name", "column"), VOCABULARY_COLUMNS)
def test_value_outside_the_documented_vocabulary_raises_data_file_error(
    name: str, column: str, data_copy: Path
) -> None:
    rows = read_rows(data_copy, name)
    rows[2][rows[0].index(column)] = "undocumented value"
    restore_all(data_copy, name, rows)
    message = raised_by(TABLE_LOADERS[name])
    assert f"data/{name}" in message and f"'{column}'" in message and "'undocumented value'" in message
    assert "row 3" in message and "data/README.md" in message and RESTORE_HINT in message


@pytest.mark.parametrize(("name", "column"), VOCABULARY_COLUMNS)
def test_vocabulary_is_matched_exactly_not_ignoring_case_or_spaces(
    name: str, column: str, data_copy: Path
) -> None:
    rows = read_rows(data_copy, name)
    index = rows[0].index(column)
    rows[1][index] = rows[1][index].upper() + " "
    restore_all(data_copy, name, rows)
    with pytest.raises(DataFileError, match="documented values"):
        TABLE_LOADERS[name]()


@pytest.mark.parametrize("name", sorted(TABLE_LOADERS))
def test_duplicated_row_raises_data_file_error_naming_the_id(name: str, data_copy: Path) -> None:
    rows = read_rows(data_copy, name)
    restore_all(data_copy, name, [*rows, rows[1]])
    message = raised_by(TABLE_LOADERS[name])
    assert f"data/{name}" in message and f"'{rows[1][0]}'" in message and "more than once" in message


@pytest.mark.parametrize("name", sorted(TABLE_LOADERS))
def test_empty_id_raises_data_file_error(name: str, data_copy: Path) -> None:
    rows = read_rows(data_copy, name)
    rows[1][0] = ""
    restore_all(data_copy, name, rows)
    message = raised_by(TABLE_LOADERS[name])
    assert f"data/{name}" in message and "empty" in message


@pytest.mark.parametrize(("name", "column"), NUMBER_COLUMNS)
@pytest.mark.parametrize("cell", ["many", "", "3.5", "٣"], ids=["word", "empty", "decimal", "arabic-digit"])
def test_text_in_a_number_column_raises_data_file_error_naming_row_and_value(
    name: str, column: str, cell: str, data_copy: Path
) -> None:
    rows = read_rows(data_copy, name)
    rows[1][rows[0].index(column)] = cell
    restore_all(data_copy, name, rows)
    message = raised_by(TABLE_LOADERS[name])
    assert f"data/{name}" in message and f"'{column}'" in message and "whole number" in message
    assert "row 2" in message and repr(cell) in message


@pytest.mark.parametrize(("name", "column"), [c for c in NUMBER_COLUMNS if "paragraph" in c[1]])
@pytest.mark.parametrize("cell", ["13", "99"])
def test_paragraph_number_outside_0_to_12_raises_data_file_error(
    name: str, column: str, cell: str, data_copy: Path
) -> None:
    rows = read_rows(data_copy, name)
    rows[1][rows[0].index(column)] = cell
    restore_all(data_copy, name, rows)
    message = raised_by(TABLE_LOADERS[name])
    assert f"data/{name}" in message and "0 to 12" in message and "row 2" in message


def test_quotation_of_a_speaker_not_in_the_speakers_table_raises_data_file_error(
    data_copy: Path,
) -> None:
    rows = read_rows(data_copy, "quotations.csv")
    rows[1][rows[0].index("speaker_id")] = "not-a-speaker"
    restore_all(data_copy, "quotations.csv", rows)
    message = raised_by(load_quotations)
    assert "data/quotations.csv" in message and "'not-a-speaker'" in message and "row 2" in message
    assert "data/speakers.csv" in message and RESTORE_HINT in message


def test_quotations_refuse_a_speakers_table_that_fails_its_own_checks(data_copy: Path) -> None:
    (data_copy / "speakers.csv").unlink()
    assert "data/speakers.csv" in raised_by(load_quotations)


def test_message_for_a_table_that_passed_its_checksum_restores_the_checksums_too(data_copy: Path) -> None:
    rows = read_rows(data_copy, "figures.csv")
    restore_all(data_copy, "figures.csv", [*rows, rows[1]])
    assert "git checkout -- data/figures.csv data/SHA256SUMS" in raised_by(load_figures)


def test_a_refused_file_is_left_exactly_as_it_was(data_copy: Path) -> None:
    rows = read_rows(data_copy, "themes.csv")
    rows[1][rows[0].index("lens")] = "undocumented value"
    restore_all(data_copy, "themes.csv", rows)
    before = {path.name: path.read_bytes() for path in data_copy.iterdir()}
    raised_by(load_themes)
    assert {path.name: path.read_bytes() for path in data_copy.iterdir()} == before


def test_a_changed_checksum_line_is_fixed_by_the_restore_command_the_message_gives(
    data_copy: Path,
) -> None:
    checksums = data_copy / "SHA256SUMS"
    lines = checksums.read_text(encoding="utf-8").splitlines()
    changed = ["0" * 64 + "  figures.csv" if line.endswith("  figures.csv") else line for line in lines]
    checksums.write_text("\n".join(changed) + "\n", encoding="utf-8")
    assert "git checkout -- data/figures.csv data/SHA256SUMS" in raised_by(load_figures)
