"""The notebooks as students and hubs use them: in JupyterLab, served by Jupyter Server.

One JupyterLab server is shared by every test here. It is started with exactly the command that
`make lab` runs (read from the Makefile through `make lab-command`, never retyped) and the environment
its recipe sets (the repository's .jupyter/ configuration), in a copy of the repository, with only
what a test needs added (a loopback port, a token, no browser of its own).
The copy keeps autosave, kernels and files the notebooks write out of the repository.
- the server tests, through Jupyter Server's REST and kernel (websocket) API, as Binder and
  JupyterHub use it: the whole repository is served, a kernel runs a notebook cell by cell;
- the browser tests, in headless Chromium: the page a student's browser opens after `make lab`
  (notebook 00) without JupyterLab's news pop-up, Run All there and in an analysis notebook, the
  notebook's link to the data README, the `output/` folder found as notebook 00 tells students to
  find it, and the instructor guide.
  They need Debian's `chromium` and Playwright (requirements-dev.txt) and are skipped, with the
  reason, where either is missing, except where WUZHEN_REQUIRE_BROWSER=1 (CI): there a missing one
  fails them.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shlex
import shutil
import subprocess
import urllib.request
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
import websocket  # websocket-client, a dependency of jupyter_server

NOTEBOOK = "notebooks/00-start-here.ipynb"
ROOT = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# What the copy of the repository leaves out: version control, environments, caches, and files
# that runs of the collection write.
NOT_COPIED = shutil.ignore_patterns(".git", ".venv", "venv", "__pycache__", ".pytest_cache", ".hypothesis",
                                    ".ipynb_checkpoints", "output", "bench-results", "site",
                                    "node_modules")


def lab_command() -> list[str]:
    """The command `make lab` runs, as printed by `make lab-command` (the Makefile holds it once)."""
    make = shutil.which("make")
    if make is None:
        pytest.skip("make is not installed: the JupyterLab tests start JupyterLab with `make lab`'s command")
    printed = subprocess.run([make, "--no-print-directory", "-s", "-C", str(ROOT), "lab-command"],
                             capture_output=True, text=True, check=True).stdout
    command = shlex.split(printed)
    assert command[:2] == ["jupyter", "lab"], f"make lab-command printed {printed!r}"
    return command


def lab_environment() -> dict[str, str]:
    """The environment variables `make lab` sets for JupyterLab, read from its recipe (`make -n lab`).

    The recipe's line is `NAME="value" ... .venv/bin/<make lab-command's command> [--allow-root]`.
    """
    make = shutil.which("make")
    if make is None:
        pytest.skip("make is not installed: the JupyterLab tests start JupyterLab with `make lab`'s command")
    # -n prints the recipe without running it; -o leaves .venv as it is (no install is printed).
    printed = subprocess.run([make, "--no-print-directory", "-s", "-n", "-o", ".venv/.lab-ready", "-C", str(ROOT),
                              "lab"], capture_output=True, text=True, check=True).stdout
    words = shlex.split(printed)
    environment = {}
    while words and re.fullmatch(r"[A-Z_]+=.*", words[0], re.DOTALL):
        name, _, value = words.pop(0).partition("=")
        environment[name] = value
    command = lab_command()
    assert [Path(words[0]).name, *words[1:len(command)]] == command, f"make lab runs {printed!r}"
    return environment


def test_make_lab_adds_the_repositorys_jupyter_configuration():
    paths = lab_environment()["JUPYTER_CONFIG_PATH"].split(os.pathsep)
    assert paths[0] == str(ROOT / ".jupyter")
    assert (ROOT / ".jupyter" / "labconfig" / "page_config.json").is_file()


@pytest.mark.parametrize("document", ["README.md", "instructors/guide.md"])
def test_the_plain_commands_for_users_without_make_are_the_command_make_lab_runs(document):
    text = (ROOT / document).read_text(encoding="utf-8")
    command = " ".join(lab_command())
    assert "--ServerApp.root_dir=." in command, "make lab must serve the repository, not only notebooks/"
    blocks = re.findall(r"```(bash|powershell)\n(.*?)```", text, re.DOTALL)
    for shell in ("bash", "powershell"):
        lines = [line.split("#")[0].strip() for kind, block in blocks if kind == shell
                 for line in block.splitlines() if line.strip().startswith("jupyter lab")]
        assert lines and all(line == command for line in lines), (document, shell, lines, command)


@pytest.fixture(scope="module")
def jupyter_lab(tmp_path_factory):
    """Start JupyterLab with `make lab`'s command in a copy of the repository.

    The server gets the environment `make lab` sets (the repository's Jupyter configuration), and only
    what a test needs is added: a loopback port, a token, no browser. Kernels import the copy's
    `helpers` (PYTHONPATH), so the files notebooks write land in the copy's `output/`.
    Yields (base_url, token, root_dir, landing_file): landing_file is the page Jupyter writes for a
    browser to open, the one `make lab` opens. The server is stopped afterwards.
    """
    import secrets
    import sys
    import time
    import urllib.request

    root = tmp_path_factory.mktemp("lab") / "repository"
    shutil.copytree(ROOT, root, ignore=NOT_COPIED)
    # Lab settings of this test only: render every cell (no windowing), so the page shows the
    # whole notebook. The news pop-up is left to the repository's configuration, as in class.
    settings_dir = tmp_path_factory.mktemp("lab-settings")
    for name, values in {
        "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
    }.items():
        target = settings_dir / f"{name}.jupyterlab-settings"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(values), encoding="utf-8")
    runtime_dir = tmp_path_factory.mktemp("lab-runtime")
    # What `make lab` sets (the repository's .jupyter/ configuration), pointed at the copy.
    made = {name: value.replace(str(ROOT), str(root)) for name, value in lab_environment().items()}
    env = dict(os.environ, **made, JUPYTERLAB_SETTINGS_DIR=str(settings_dir),
               JUPYTERLAB_WORKSPACES_DIR=str(tmp_path_factory.mktemp("lab-workspaces")),
               JUPYTER_RUNTIME_DIR=str(runtime_dir), PYTHONPATH=str(root))
    port, token = _free_port(), secrets.token_hex(16)
    command = lab_command()
    command[0] = str(Path(sys.executable).with_name("jupyter"))  # make lab runs .venv/bin/jupyter
    log_path = root.parent / "server.log"
    log = open(log_path, "w", encoding="utf-8")  # noqa: SIM115 (the server writes to it; closed below)
    server = subprocess.Popen(
        [*command, "--no-browser", f"--port={port}", "--ServerApp.port_retries=0",
         "--ServerApp.ip=127.0.0.1", "--ServerApp.allow_root=True", f"--IdentityProvider.token={token}"],
        stdout=log, stderr=subprocess.STDOUT, cwd=root, env=env,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    try:
        while True:
            try:
                request = urllib.request.Request(f"{base}/api/status",
                                                 headers={"Authorization": f"token {token}"})
                with urllib.request.urlopen(request, timeout=2) as response:
                    landing = sorted(runtime_dir.glob("jpserver-file-to-run-*-open.html"))
                    if response.status == 200 and landing:
                        break
            except OSError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                log.flush()
                pytest.fail("JupyterLab did not start:\n" + log_path.read_text(encoding="utf-8")[-3000:])
            time.sleep(0.3)
        yield base, token, root, landing[0]
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


def api(base: str, token: str, path: str, method: str = "GET", body: dict | None = None):
    data = json.dumps(body).encode("utf-8") if body is not None else None
    request = urllib.request.Request(
        f"{base}{path}", data=data, method=method,
        headers={"Authorization": f"token {token}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        text = response.read().decode("utf-8")
        return json.loads(text) if text else None


def execute(ws, session: str, code: str, timeout: float = 60) -> tuple[dict, list[dict]]:
    """Run `code` in the kernel; return (execute_reply content, iopub messages it caused)."""
    msg_id = uuid.uuid4().hex
    ws.send(json.dumps({
        "header": {"msg_id": msg_id, "msg_type": "execute_request", "session": session,
                   "username": "test", "version": "5.3",
                   "date": datetime.now(UTC).isoformat()},
        "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
        "content": {"code": code, "silent": False, "store_history": True,
                    "user_expressions": {}, "allow_stdin": False, "stop_on_error": True},
    }))
    ws.settimeout(timeout)
    reply, outputs, idle = None, [], False
    while reply is None or not idle:
        message = json.loads(ws.recv())
        if message.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        if message["channel"] == "shell" and message["msg_type"] == "execute_reply":
            reply = message["content"]
        elif message["channel"] == "iopub":
            if message["msg_type"] == "status" and message["content"]["execution_state"] == "idle":
                idle = True
            elif message["msg_type"] in {"stream", "display_data", "execute_result", "error"}:
                outputs.append(message)
    return reply, outputs


def test_server_lists_every_notebook_of_the_series(jupyter_lab):
    base, token, root, _ = jupyter_lab
    listing = api(base, token, "/api/contents/notebooks")
    names = {item["name"] for item in listing["content"] if item["type"] == "notebook"}
    expected = {path.name for path in (root / "notebooks").glob("*.ipynb")}
    assert expected and names == expected


def test_make_lab_serves_the_whole_repository_not_only_the_notebooks(jupyter_lab):
    base, token, _, _ = jupyter_lab
    top = {item["name"] for item in api(base, token, "/api/contents")["content"]}
    assert {"README.md", "data", "notebooks", "instructors", "helpers"} <= top, top
    # The notebooks link to ../data/README.md: JupyterLab fetches it from the top of what it serves.
    readme = api(base, token, "/api/contents/data/README.md")
    assert readme["content"].startswith("# ")


def test_a_notebook_runs_cell_by_cell_through_the_kernel_api(jupyter_lab):
    base, token, root, _ = jupyter_lab
    session = api(base, token, "/api/sessions", "POST", {
        "path": NOTEBOOK, "type": "notebook", "name": "", "kernel": {"name": "python3"}})
    ws = None
    try:
        ws = websocket.create_connection(
            f"{base.replace('http', 'ws')}/api/kernels/{session['kernel']['id']}/channels?token={token}",
            timeout=60)
        nb = json.loads((root / NOTEBOOK).read_text(encoding="utf-8"))
        cells = [c for c in nb["cells"] if c["cell_type"] == "code"]
        kinds = set()
        for index, cell in enumerate(cells):
            reply, outputs = execute(ws, uuid.uuid4().hex, "".join(cell["source"]))
            # An exception, or red text on stderr (a warning, say): a student would see either.
            problems = [o["content"] for o in outputs if o["msg_type"] == "error"
                        or (o["msg_type"] == "stream" and o["content"]["name"] == "stderr")]
            assert reply["status"] == "ok" and not problems, f"code cell {index} failed: {problems}"
            for output in outputs:
                kinds.update(output["content"].get("data", {}))
        assert "text/markdown" in kinds, "no exercise check answered"
    finally:
        if ws is not None:
            ws.close()
        api(base, token, f"/api/sessions/{session['id']}", "DELETE")


# Browser

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None)
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]

# JupyterLab's news pop-up, which the repository's .jupyter/ configuration turns off.
NEWS_QUESTION = "Would you like to get notified about official Jupyter news?"
PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"
# JupyterLab shows error outputs (and warnings) with the stderr MIME type.
ERRORS = f"{PANEL} .jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"
# How many code cells have not run yet (an input prompt without an execution count).
CELLS_NOT_RUN = """() => [...document.querySelectorAll(
        '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputPrompt')]
    .filter(p => !/\\[\\d+\\]/.test(p.textContent)).length"""
# Run All is over when every code cell ran, or when one failed (JupyterLab stops there).
RUN_ALL_OVER = f"""() => ({CELLS_NOT_RUN})() === 0 || document.querySelector("{ERRORS}") !== null"""


def skip_or_fail(reason: str) -> None:
    """Skip the browser tests, with the reason; fail instead where they are required (CI sets
    WUZHEN_REQUIRE_BROWSER=1, so that a missing browser cannot pass unnoticed)."""
    if os.environ.get("WUZHEN_REQUIRE_BROWSER") == "1":
        pytest.fail(f"the browser tests are required here (WUZHEN_REQUIRE_BROWSER=1), but {reason}",
                    pytrace=False)
    pytest.skip(reason)


@contextlib.contextmanager
def chromium(skip=None):
    """Yield headless Chromium driven by Playwright; without either, `skip` (default: skip_or_fail)
    says why. The browser tests of the site, the report and the hub start theirs here too."""
    skip = skip or skip_or_fail
    if CHROMIUM is None:
        skip("Chromium is not installed (on Debian: apt-get install chromium); .ci/run installs it and runs this test")
    try:
        from playwright import sync_api
    except ImportError:
        skip("Playwright is not installed (pip install -r requirements-dev.txt)")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="module")
def browser():
    with chromium() as started:
        yield started


def wait_until_open(page, notebook: str) -> None:
    """Wait until `notebook` is the current tab, rendered, with an idle kernel."""
    page.locator(".jp-mod-current .lm-TabBar-tabLabel", has_text=notebook).wait_for(timeout=120_000)
    page.wait_for_selector(f"{PANEL} .jp-CodeCell", timeout=120_000)
    page.wait_for_selector(f"{PANEL} .jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=120_000)


# Whether any code cell has started: an input prompt shows [*] or a number.
ANY_CELL_STARTED = """() => [...document.querySelectorAll(
        '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputPrompt')]
    .some(p => /\\[(\\*|\\d+)\\]/.test(p.textContent))"""


def run_all_without_error(page, notebook: str, figures: int) -> None:
    """Run All from the Run menu; every cell runs, no error shows, the checks answer, figures render.

    Right after a notebook opens, on a busy machine, JupyterLab can drop the first run request while
    it shows an idle kernel (no cell starts; seen on a loaded 2-core machine, and behind JupyterHub).
    A student would choose Run All again; so does this test, at most three times, and then fails.
    """
    for _ in range(3):
        page.click(f"{PANEL} .jp-Cell >> nth=0")  # Run All acts on the focused notebook
        page.click("li.lm-MenuBar-item:has-text('Run')")
        page.click("li.lm-Menu-item[data-command='runmenu:run-all']")
        try:
            page.wait_for_function(ANY_CELL_STARTED, polling=250, timeout=15_000)
            break
        except Exception:  # Playwright's TimeoutError: nothing started; choose Run All again
            continue
    else:
        pytest.fail(f"{notebook}: Run All started no cell after three tries", pytrace=False)
    page.wait_for_function(RUN_ALL_OVER, polling=250, timeout=120_000)
    page.wait_for_selector(f"{PANEL} .jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=120_000)
    errors = page.locator(ERRORS)
    assert errors.count() == 0, f"{notebook}: a cell showed an error:\n{errors.first.inner_text()[-3000:]}"
    not_run = page.evaluate(CELLS_NOT_RUN)
    assert not_run == 0, f"{notebook}: {not_run} code cells did not run"
    checks = page.locator(f"{PANEL} .jp-RenderedMarkdown.jp-OutputArea-output")
    assert checks.count() >= 4, "the exercise checks did not answer"
    # Each check also saves a record for the class report (JSON of our own MIME type): JupyterLab
    # shows the feedback's Markdown and nothing of the record.
    assert page.locator(f"{PANEL} .jp-OutputArea-output .jp-RenderedJSON").count() == 0
    shown = " ".join(page.locator(f"{PANEL} .jp-OutputArea").all_inner_texts())
    assert not re.search(r"\bmistake\b.{0,200}\btries\b", shown, re.S), "a check's record is on show"
    assert "Not attempted" in " ".join(page.locator(f"{PANEL} .jp-OutputArea").all_inner_texts())
    images = page.locator(f"{PANEL} .jp-OutputArea-output img")
    assert images.count() >= figures
    for index in range(images.count()):
        width = images.nth(index).evaluate("img => img.naturalWidth")
        assert width > 0, f"figure {index} did not render"


def open_in_file_browser(page, name: str) -> None:
    """Double-click `name` in the file browser's current folder, as a student would."""
    text = page.locator(".jp-DirListing-itemText", has_text=re.compile(f"^{re.escape(name)}$"))
    item = page.locator(".jp-DirListing-item", has=text)
    item.first.dblclick(timeout=30_000)


@contextlib.contextmanager
def screenshot_on_failure(page, path: Path):
    try:
        yield
    except Exception:
        try:
            page.screenshot(path=str(path))  # kept for debugging
        except Exception:  # a crashed page: the original error matters, not this one
            pass
        raise
    finally:
        page.close()


def test_make_lab_opens_notebook_00_which_runs_and_finds_the_output_folder_and_the_guide(
        jupyter_lab, browser, tmp_path):
    """The page `make lab` opens: notebook 00, in a file browser that holds the whole repository."""
    _, _, _, landing = jupyter_lab
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    with screenshot_on_failure(page, tmp_path / "notebook.png"):
        # Jupyter's page for the browser to open: it forwards to the notebook, with the token.
        page.goto(landing.as_uri(), timeout=120_000)
        wait_until_open(page, "00-start-here.ipynb")
        assert "/lab/tree/notebooks/00-start-here.ipynb" in page.url
        run_all_without_error(page, "00-start-here.ipynb", figures=0)
        # A quiet JupyterLab for class: by now (the page restored, every cell run) JupyterLab would
        # have asked about its news, as it does without the repository's .jupyter/ configuration.
        assert page.get_by_text(NEWS_QUESTION).count() == 0, "JupyterLab showed its news pop-up"

        # 00: "click the folder icon above the list of files to go to the top, then open output/".
        page.click(".jp-BreadCrumbs-home")
        open_in_file_browser(page, "output")
        page.locator(".jp-DirListing-itemText", has_text="00-my-first-notes.txt").wait_for(timeout=30_000)

        # The instructor guide, from the top of the file browser.
        page.click(".jp-BreadCrumbs-home")
        open_in_file_browser(page, "instructors")
        open_in_file_browser(page, "guide.md")
        page.locator(".jp-mod-current .lm-TabBar-tabLabel", has_text="guide.md").wait_for(timeout=30_000)
        page.get_by_text("Instructor guide: Wuzhen Summit Notebooks").first.wait_for(timeout=30_000)


def test_an_analysis_notebook_runs_and_its_link_opens_the_data_readme(jupyter_lab, browser, tmp_path):
    base, token, _, _ = jupyter_lab
    notebook = "02-the-figures.ipynb"
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    with screenshot_on_failure(page, tmp_path / "notebook.png"):
        # The notebook's own URL, as a Binder launch link (?urlpath=lab/tree/...) or a hub link
        # opens it; ?reset starts from an empty workspace.
        page.goto(f"{base}/lab/tree/notebooks/{notebook}?reset&token={token}", timeout=120_000)
        wait_until_open(page, notebook)
        run_all_without_error(page, notebook, figures=1)

        # The notebook's link to ../data/README.md opens it, rendered.
        link = page.locator(f"{PANEL} .jp-RenderedMarkdown a[href*='data/README.md']").first
        link.scroll_into_view_if_needed()
        link.click()
        page.locator(".jp-mod-current .lm-TabBar-tabLabel", has_text="README.md").wait_for(timeout=30_000)
        heading = page.locator(".jp-RenderedMarkdown h1", has_text="The data").first
        heading.wait_for(timeout=30_000)


@pytest.mark.parametrize("required, outcome", [(None, pytest.skip.Exception), ("1", pytest.fail.Exception)])
def test_a_missing_browser_skips_unless_the_browser_tests_are_required(monkeypatch, required, outcome):
    if required is None:
        monkeypatch.delenv("WUZHEN_REQUIRE_BROWSER", raising=False)
    else:
        monkeypatch.setenv("WUZHEN_REQUIRE_BROWSER", required)
    with pytest.raises(outcome, match="Chromium is not installed"):
        skip_or_fail("Chromium is not installed")
