"""Behaviour of helpers.output_path(): files are written only into a real output/ folder.

Each test builds a small stand-in for the repository in a temporary folder (a data/ folder with one
file, and the place for output/) and points helpers.output.OUTPUT_DIR at it; the real repository is
never touched. Whatever is in the way (a file, a link, a read-only folder), output_path() refuses
with an OutputFolderError that says why in plain words, and it never deletes or changes anything.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import helpers.output as output
from helpers.output import OutputFolderError, output_path

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Return a stand-in repository with data/figures.csv; output_path() now writes into its output/."""
    repo = tmp_path / "repo"
    (repo / "data").mkdir(parents=True)
    (repo / "data" / "figures.csv").write_text("figure_id,value\nF01,120\n", encoding="utf-8")
    monkeypatch.setattr(output, "OUTPUT_DIR", repo / "output")
    return repo


def snapshot(folder: Path) -> dict[str, bytes]:
    """Return every file under folder with its bytes."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def refused(filename: str = "brief.md") -> str:
    """Return the message of the OutputFolderError that output_path(filename) raises."""
    with pytest.raises(OutputFolderError) as caught:
        output_path(filename)
    return str(caught.value)


# --- the ordinary case ---------------------------------------------------------------------------


def test_creates_the_output_folder_and_gives_a_path_inside_it(repository: Path) -> None:
    path = output_path("brief.md")
    assert path == repository / "output" / "brief.md" and (repository / "output").is_dir()


def test_uses_an_existing_output_folder_and_keeps_what_is_in_it(repository: Path) -> None:
    (repository / "output").mkdir()
    (repository / "output" / "notes.txt").write_text("mine", encoding="utf-8")
    path = output_path("notes.txt")
    assert path.read_text(encoding="utf-8") == "mine"


def test_the_real_output_folder_is_at_the_top_of_the_repository() -> None:
    assert output.OUTPUT_DIR == ROOT / "output"


# --- what is in the way --------------------------------------------------------------------------


def test_a_file_called_output_is_refused_in_plain_words_and_kept(repository: Path) -> None:
    (repository / "output").write_text("my notes", encoding="utf-8")
    message = refused()
    assert "file called output" in message and "rename or move" in message.lower()
    assert (repository / "output").read_text(encoding="utf-8") == "my notes"


def test_a_link_from_output_to_data_is_refused_and_nothing_is_written_into_data(
    repository: Path,
) -> None:
    (repository / "output").symlink_to(repository / "data", target_is_directory=True)
    before = snapshot(repository / "data")
    message = refused("figures.csv")
    assert "link" in message and "data/" in message
    assert snapshot(repository / "data") == before


def test_a_link_from_output_to_a_folder_elsewhere_is_refused(repository: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (repository / "output").symlink_to(elsewhere, target_is_directory=True)
    assert "link" in refused()
    assert list(elsewhere.iterdir()) == []


def test_a_link_from_output_to_nowhere_is_refused(repository: Path, tmp_path: Path) -> None:
    (repository / "output").symlink_to(tmp_path / "gone", target_is_directory=True)
    assert "link" in refused()
    assert not (tmp_path / "gone").exists()


def test_a_file_in_output_that_links_into_data_is_refused(repository: Path) -> None:
    (repository / "output").mkdir()
    (repository / "output" / "brief.md").symlink_to(repository / "data" / "figures.csv")
    message = refused("brief.md")
    assert "output/brief.md" in message and "link" in message


def test_a_file_in_output_that_is_a_hard_link_to_a_data_file_is_refused(repository: Path) -> None:
    (repository / "output").mkdir()
    os.link(repository / "data" / "figures.csv", repository / "output" / "brief.md")
    message = refused("brief.md")
    assert "output/brief.md" in message and "data/figures.csv" in message


def test_a_folder_with_the_file_name_is_refused(repository: Path) -> None:
    (repository / "output" / "brief.md").mkdir(parents=True)
    message = refused("brief.md")
    assert "output/brief.md" in message and "folder" in message


# --- a repository where nothing can be written -----------------------------------------------------


def test_a_read_only_repository_is_explained_not_raised_as_a_permission_error(
    repository: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Root may write anywhere, so the refusal that a read-only folder gives is simulated.
    def mkdir(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "mkdir", mkdir)
    message = refused()
    assert "read-only" in message and "copy" in message.lower()


def test_a_read_only_file_system_is_explained_too(
    repository: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def mkdir(self: Path, *args: object, **kwargs: object) -> None:
        raise OSError(30, "Read-only file system", str(self))

    monkeypatch.setattr(Path, "mkdir", mkdir)
    assert "read-only" in refused()


def test_an_existing_output_folder_that_cannot_be_written_to_is_explained(
    repository: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (repository / "output").mkdir()
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda path, mode, **kw: False if os.W_OK & mode else real_access(path, mode, **kw)
    )
    assert "read-only" in refused()


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0,
    reason="file modes do not stop root (the patched tests above cover this case)",
)
def test_a_repository_folder_without_write_permission_is_explained(repository: Path) -> None:
    repository.chmod(0o555)
    try:
        assert "read-only" in refused()
    finally:
        repository.chmod(0o755)


def test_the_error_is_a_helpers_error_that_code_catching_oserror_still_catches(
    repository: Path,
) -> None:
    (repository / "output").write_text("my notes", encoding="utf-8")
    with pytest.raises(OSError) as caught:
        output_path("brief.md")
    assert type(caught.value) is OutputFolderError


# --- file names --------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["brief\x00.md", "../data/figures.csv", "output/brief.md"])
def test_a_name_that_is_not_a_plain_file_name_is_refused_before_anything_is_created(
    name: str, repository: Path
) -> None:
    with pytest.raises(ValueError, match="plain file name"):
        output_path(name)
    assert not (repository / "output").exists()


@pytest.mark.parametrize("name", [5, None, b"brief.md"])
def test_a_name_that_is_not_text_is_refused_in_plain_words(name: object, repository: Path) -> None:
    with pytest.raises(TypeError, match="file name as text"):
        output_path(name)  # type: ignore[arg-type]


def test_a_loop_of_links_called_output_is_refused_in_plain_words(repository: Path) -> None:
    (repository / "output").symlink_to(repository / "output")
    assert "link" in refused()


def test_in_a_notebook_our_errors_show_their_message_without_a_traceback_and_still_stop_the_run() -> None:
    """What a student sees after `helpers.output_path("output/my-notes.txt")`: the message, no helpers/ frames."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell('import helpers\nhelpers.output_path("output/my-notes.txt")'),
        nbformat.v4.new_code_cell("1 / 0"),
        nbformat.v4.new_code_cell('print("after the errors")'),
        nbformat.v4.new_code_cell('step = ...\nlast = step.replace("a", "b")'),
        nbformat.v4.new_code_cell('len(5)'),
    ])
    NotebookClient(nb, kernel_name="python3", timeout=120, allow_errors=True,
                   resources={"metadata": {"path": str(ROOT / "notebooks")}}).execute()
    ours, theirs, after, placeholder, other = (cell.outputs for cell in nb.cells)
    shown = "".join(out.get("text", "") for out in ours) + "".join("".join(out.get("traceback", [])) for out in ours)
    assert "OutputNameError: output_path() takes a plain file name" in shown
    assert "Traceback" not in shown and "helpers" + os.sep + "output.py" not in shown
    assert [out.get("name") for out in ours] == ["stderr"]
    assert theirs[0]["output_type"] == "error" and theirs[0]["ename"] == "ZeroDivisionError"  # a student's own error
    assert after  # allow_errors ran on; in JupyterLab Run All stops at an error of either kind
    # a student's error caused by a placeholder: the usual traceback, then a plain note
    assert placeholder[0]["output_type"] == "error" and placeholder[0]["ename"] == "AttributeError"
    assert "still holds `...`" in "".join(out.get("text", "") for out in placeholder[1:])
    assert other[0]["ename"] == "TypeError" and len(other) == 1  # no note where no placeholder is involved


def test_only_the_collections_errors_are_shown_plainly_and_another_handler_is_left_alone() -> None:
    from helpers import errors

    class Shell:
        custom_exceptions: tuple = ()

        def set_custom_exc(self, kinds, handler):
            self.custom_exceptions, self.handler = kinds, handler

    shell = Shell()
    assert errors.install(shell) and set(errors.PLAIN_ERRORS) <= set(shell.custom_exceptions)
    assert not any(issubclass(kind, (ZeroDivisionError, KeyError)) for kind in shell.custom_exceptions)
    taken = Shell()
    taken.custom_exceptions = (KeyError,)
    assert not errors.install(taken) and taken.custom_exceptions == (KeyError,)
