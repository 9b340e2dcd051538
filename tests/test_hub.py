"""The class path: a student follows the nbgitpuller link on a real JupyterHub, in Chromium.

A JupyterHub (tools/class_hub.py) runs on loopback ports with configurable-http-proxy, one shared
class password, and each student's server a local process of this environment. The repository the
students pull from is a temporary git repository holding the working tree's files. The student
follows exactly the link tools/class_hub.py builds (the README and the guide show the same
template), logs in, lands in notebook 00 in their own clone and runs all of it; then, after the
student has edited a cell and saved, the instructor changes the notebook, the student follows the
link again, and nbgitpuller brings the change in without overwriting the student's edit. The
class report (helpers.report) then reads the students' homes.

Skipped, with the reason, without Chromium, Playwright, JupyterHub, nbgitpuller or
configurable-http-proxy (npm), except where WUZHEN_REQUIRE_HUB=1 (CI): there a missing one fails.
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from test_jupyterlab import PANEL, chromium, run_all_without_error, screenshot_on_failure, wait_until_open
from tool_modules import load_tool

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = "notebooks/00-start-here.ipynb"
STUDENT = "amina"
STUDENT_NOTE = "# Amina's note: the cell multiplies my number by ten"
INSTRUCTOR_NOTE = "Instructor's note for this week: start with this notebook, then go on to 01."


class_hub = load_tool("class_hub")


def skip_or_fail(reason: str) -> None:
    """Skip the hub test, with the reason; fail instead where it is required (CI sets
    WUZHEN_REQUIRE_HUB=1, so that a missing proxy or browser cannot pass unnoticed)."""
    if os.environ.get("WUZHEN_REQUIRE_HUB") == "1":
        pytest.fail(f"the hub test is required here (WUZHEN_REQUIRE_HUB=1), but {reason}", pytrace=False)
    pytest.skip(reason)


# The link the README and the guide give instructors


def link_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if "/hub/user-redirect/git-pull?" in line]


@pytest.mark.parametrize("document", [
    "README.md",
    # Strict: once the guide shows the tool's link, this mark must go.
    "instructors/guide.md",
])
def test_the_documents_show_the_link_the_tool_builds(document):
    lines = link_lines((ROOT / document).read_text(encoding="utf-8"))
    assert lines, f"{document} shows no nbgitpuller link"
    assert all(line == class_hub.example_link() for line in lines), (
        f"{document} shows {lines}, but tools/class_hub.py builds {class_hub.example_link()}")


def test_the_link_encodes_the_repository_and_opens_notebook_00_in_the_clone():
    link = class_hub.hub_link("https://hub.example.edu/", "https://github.com/owner/wuzhen-summit-notebooks")
    assert link.startswith("https://hub.example.edu/hub/user-redirect/git-pull?")
    assert "repo=https%3A%2F%2Fgithub.com%2Fowner%2Fwuzhen-summit-notebooks&branch=main&" in link
    assert link.endswith("&urlpath=lab/tree/wuzhen-summit-notebooks/notebooks/00-start-here.ipynb")


def test_the_link_tool_prints_the_link(capsys):
    assert class_hub.main(["link", "https://hub.example.edu", "https://github.com/o/r", "--branch", "week-2"]) == 0
    assert capsys.readouterr().out.strip() == class_hub.hub_link("https://hub.example.edu",
                                                                 "https://github.com/o/r", "week-2")


# A student on a real hub


@pytest.fixture(scope="module")
def browser():
    with chromium(skip_or_fail) as started:  # this file's skip_or_fail: required where WUZHEN_REQUIRE_HUB=1
        yield started


@pytest.fixture(scope="module")
def class_setup():
    """Yield (hub, source repository): a local hub and the repository the students pull from.
    Both are stopped and removed afterwards, also when a test fails."""
    missing = class_hub.missing_for_a_hub()
    if missing:
        skip_or_fail(missing)
    with tempfile.TemporaryDirectory(prefix="wuzhen-hub-test-") as folder:
        folder = Path(folder)
        source = class_hub.make_source_repository(folder / "instructor")
        # This test's JupyterLab settings: render every cell (no windowing), so the page holds the
        # whole notebook, and no news pop-up. Students on a real hub keep the defaults.
        settings = folder / "lab-settings"
        for name, values in {"@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
                             "@jupyterlab/apputils-extension/notification": {"fetchNews": "false"}}.items():
            target = settings / f"{name}.jupyterlab-settings"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(json.dumps(values), encoding="utf-8")
        environment = {"JUPYTERLAB_SETTINGS_DIR": str(settings)}
        with contextlib.ExitStack() as stack:
            for attempt in (1, 2):  # a port taken by another process in the moment between choosing and binding
                try:
                    hub = stack.enter_context(class_hub.local_hub(environment=environment))
                    break
                except RuntimeError:
                    if attempt == 2:
                        raise
            yield hub, source


def follow_the_link(page, link: str, password: str) -> None:
    """What a student does with the link: open it, log in if asked, start the server if asked."""
    page.goto(link, timeout=60_000)
    if "/hub/login" in page.url:
        page.fill("#username_input", STUDENT)
        page.fill("#password_input", password)
        page.click("#login_submit")
    # The hub may show "server not running" with a Launch button, a progress page while the
    # server starts, nbgitpuller's page while it pulls; then JupyterLab.
    page.wait_for_url(re.compile(rf"/user/{STUDENT}/|/hub/user/{STUDENT}/|/hub/spawn"), timeout=60_000)
    launch = page.locator("a#start")
    if "/hub/user/" in page.url or launch.count():
        launch.click(timeout=30_000)


def run_the_first_cell(page) -> None:
    """Run the notebook's first code cell, as a student starts; click again if nothing happens.

    Right after JupyterLab first opens behind the hub, the first run request can be lost while the
    page reports an idle kernel (seen with JupyterLab 4.6 and JupyterHub 6.1): the cell stays
    unnumbered and nothing reaches the kernel. A student clicks again; so does this test, at most
    three times, and then fails."""
    prompt = page.locator(f"{PANEL} .jp-CodeCell .jp-InputPrompt").first
    for _ in range(3):
        page.click(f"{PANEL} .jp-CodeCell >> nth=0")
        page.keyboard.press("Shift+Enter")
        try:
            page.wait_for_function("p => /\\[(\\*|\\d+)\\]/.test(p.textContent)", arg=prompt.element_handle(),
                                   polling=250, timeout=5_000)
            return
        except Exception:  # Playwright's TimeoutError: try again
            continue
    pytest.fail("the notebook's first cell did not run after three tries", pytrace=False)


def test_a_student_follows_the_link_runs_notebook_00_and_keeps_their_edit_after_an_update(
        class_setup, browser, tmp_path):
    hub, source = class_setup
    link = class_hub.hub_link(hub.url, source.as_uri())
    clone = hub.home(STUDENT) / class_hub.FOLDER
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    with screenshot_on_failure(page, tmp_path / "hub.png"):
        follow_the_link(page, link, hub.password)
        wait_until_open(page, "00-start-here.ipynb")
        assert f"/user/{STUDENT}/lab/tree/{class_hub.FOLDER}/{NOTEBOOK}" in page.url, page.url
        # Their own clone, in their own home folder.
        assert (clone / ".git").is_dir() and (clone / NOTEBOOK).is_file()
        run_the_first_cell(page)
        run_all_without_error(page, "00-start-here.ipynb", figures=0)
        # What notebook 00 writes lands in output/ of the student's clone, where it tells them to look.
        assert (clone / "output" / "00-my-first-notes.txt").is_file()

        # The student edits a cell and saves.
        editor = page.locator(f"{PANEL} .jp-CodeCell .cm-content", has_text="number = 2").first
        editor.click()
        page.keyboard.press("Control+End")
        page.keyboard.press("Enter")
        page.keyboard.type(STUDENT_NOTE)
        page.keyboard.press("Escape")
        page.keyboard.press("Control+s")
        page.wait_for_function(
            "() => !document.querySelector('.jp-mod-current.jp-mod-dirty')", polling=250, timeout=30_000)
        assert STUDENT_NOTE in (clone / NOTEBOOK).read_text(encoding="utf-8")

        # The instructor changes the same notebook (its first cell) and publishes the change.
        notebook = json.loads((source / NOTEBOOK).read_text(encoding="utf-8"))
        first = notebook["cells"][0]
        first["source"] = "".join(first["source"]) + "\n\n" + INSTRUCTOR_NOTE
        (source / NOTEBOOK).write_text(json.dumps(notebook, indent=1, ensure_ascii=False) + "\n",
                                       encoding="utf-8")
        class_hub.git(source, "commit", "-q", "-am", "Notebook 00: a note for this week")

        # The student follows the same link again: both the change and their edit are there.
        follow_the_link(page, link, hub.password)
        wait_until_open(page, "00-start-here.ipynb")
        on_disk = (clone / NOTEBOOK).read_text(encoding="utf-8")
        assert INSTRUCTOR_NOTE in on_disk, "nbgitpuller did not bring in the instructor's change"
        assert STUDENT_NOTE in on_disk, "nbgitpuller overwrote the student's edit"
        page.get_by_text(INSTRUCTOR_NOTE).first.wait_for(timeout=30_000)
        page.locator(f"{PANEL} .jp-CodeCell .cm-content", has_text=STUDENT_NOTE).first.wait_for(timeout=30_000)

    # The class report reads the students' homes as the hub keeps them, one folder per student:
    # the notebook the student saved counts, the solutions in their clone do not.
    result = subprocess.run([sys.executable, "-m", "helpers.report", str(hub.homes), "--out", str(tmp_path / "report")],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    with open(tmp_path / "report" / "students.csv", encoding="utf-8", newline="") as table:
        rows = [(row["student"], row["notebook"]) for row in csv.DictReader(table)]
    assert (STUDENT, "00-start-here") in rows and {student for student, _ in rows} == {STUDENT}


def test_without_the_proxy_the_reason_says_how_to_install_it(monkeypatch):
    monkeypatch.setattr(class_hub, "proxy_command", lambda: None)
    reason = class_hub.missing_for_a_hub()
    assert "configurable-http-proxy is not installed" in reason and "npm install -g" in reason


@pytest.mark.parametrize("required, outcome", [(None, pytest.skip.Exception), ("1", pytest.fail.Exception)])
def test_a_missing_proxy_skips_unless_the_hub_test_is_required(monkeypatch, required, outcome):
    if required is None:
        monkeypatch.delenv("WUZHEN_REQUIRE_HUB", raising=False)
    else:
        monkeypatch.setenv("WUZHEN_REQUIRE_HUB", required)
    with pytest.raises(outcome, match="configurable-http-proxy is not installed"):
        skip_or_fail("configurable-http-proxy is not installed")
