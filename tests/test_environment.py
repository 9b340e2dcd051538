"""Behaviour of helpers.check_environment(), the readiness check that notebook 00 runs first.

It must look at every data file, never stop with a Python error, and say in plain words what is
wrong and what to do. Damage is simulated on a copy of data/ in a temporary folder (monkeypatching
helpers.data.DATA_DIR); the real data/ is never touched.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

import helpers.data as data
import helpers.output as output
from helpers.environment import check_environment, environment_problems

DATA_FILES = [
    "SHA256SUMS",
    "figures.csv",
    "quotations.csv",
    "speakers.csv",
    "themes.csv",
    "wuzhen-summit-article.txt",
]


def report(capsys: pytest.CaptureFixture[str]) -> str:
    """Return what check_environment() prints (it fails the test if it raises)."""
    check_environment()
    return capsys.readouterr().out


def test_says_ready_when_everything_is_in_place(
    data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert report(capsys).startswith("Ready:")


@pytest.mark.parametrize("name", DATA_FILES)
def test_a_missing_data_file_is_reported_by_name(
    name: str, data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (data_copy / name).unlink()
    printed = report(capsys)
    assert printed.startswith("Not ready yet") and f"data/{name}" in printed
    assert "git checkout -- data/" in printed


def test_a_missing_checksum_file_is_reported_once(
    data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (data_copy / "SHA256SUMS").unlink()
    assert report(capsys).count("There is a problem with data/SHA256SUMS") == 1


def test_every_damaged_file_is_listed_not_only_the_first(
    data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (data_copy / "quotations.csv").unlink()
    (data_copy / "themes.csv").unlink()
    printed = report(capsys)
    assert "data/quotations.csv" in printed and "data/themes.csv" in printed


def test_one_bad_byte_in_the_checksum_file_is_reported_not_raised(
    data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    checksums = data_copy / "SHA256SUMS"
    checksums.write_bytes(checksums.read_bytes().replace(b"  ", b" \xff", 1))
    printed = report(capsys)
    assert printed.startswith("Not ready yet") and "data/SHA256SUMS" in printed and "UTF-8" in printed


def test_a_file_it_may_not_read_is_reported_not_raised(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Root ignores file modes, so reading is refused by patching instead of chmod.
    denied, real_read_bytes = data_copy / "speakers.csv", Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self == denied:
            raise PermissionError(13, "Permission denied", str(self))
        return real_read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    printed = report(capsys)
    assert printed.startswith("Not ready yet") and "data/speakers.csv" in printed
    assert "permission" in printed.lower()


def test_an_unexpected_error_in_a_loader_is_reported_not_raised(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken() -> None:
        raise RuntimeError("something nobody foresaw")

    monkeypatch.setattr(data, "load_themes", broken)
    printed = report(capsys)
    assert printed.startswith("Not ready yet") and "load_themes()" in printed
    assert "download the repository again" in printed.lower()


def test_a_package_that_cannot_be_looked_up_is_reported_not_raised(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real_find_spec = importlib.util.find_spec

    def find_spec(name: str, *args: object) -> object:
        if name == "matplotlib":
            raise ValueError("matplotlib.__spec__ is None")
        return real_find_spec(name, *args)

    monkeypatch.setattr(importlib.util, "find_spec", find_spec)
    printed = report(capsys)
    assert printed.startswith("Not ready yet") and "matplotlib" in printed
    assert "pip install -r requirements.txt" in printed


def test_every_line_of_a_long_problem_stays_under_its_bullet(
    data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (data_copy / "themes.csv").unlink()
    lines = report(capsys).splitlines()
    assert lines[1].startswith("- ") and all(line.startswith("  ") for line in lines[2:])


def test_an_output_file_in_place_of_the_output_folder_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "output").write_text("my notes", encoding="utf-8")
    monkeypatch.setattr(output, "OUTPUT_DIR", tmp_path / "output")
    printed = report(capsys)
    assert printed.startswith("Not ready yet") and "output" in printed
    assert (tmp_path / "output").read_text(encoding="utf-8") == "my notes"


def test_the_check_creates_no_output_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(output, "OUTPUT_DIR", tmp_path / "output")
    assert report(capsys).startswith("Ready:")
    assert not (tmp_path / "output").exists()


def test_problems_are_plain_text_without_a_traceback(data_copy: Path) -> None:
    checksums = data_copy / "SHA256SUMS"
    checksums.write_bytes(b"\xef\xbb\xbf" + checksums.read_bytes())
    problems = environment_problems()
    assert problems and not any("Traceback" in problem for problem in problems)
