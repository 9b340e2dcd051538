"""Behaviour of the loaders in helpers.data.

Damage is simulated on a copy of data/ in a temporary folder (monkeypatching DATA_DIR);
the real data/ is never touched.
"""

from __future__ import annotations

import hashlib
import shutil
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


@pytest.fixture
def data_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Return a copy of data/ in a temporary folder that the loaders now read instead."""
    copy = tmp_path / "data"
    shutil.copytree(REAL_DATA, copy)
    monkeypatch.setattr(data, "DATA_DIR", copy)
    return copy


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
    assert data.DATA_DIR == Path(data.__file__).resolve().parent.parent / "data"


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
