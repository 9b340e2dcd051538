"""The notebooks as students and hubs use them: in JupyterLab, served by Jupyter Server.

One JupyterLab server (on a loopback port, with a token, serving a copy of notebooks/) is shared by:
- the server tests, through Jupyter Server's REST and kernel (websocket) API, as Binder and
  JupyterHub use it: list the notebooks, start a kernel for one as JupyterLab does (a session),
  execute every code cell, check each ran without error;
- the browser tests: the first notebook and an analysis notebook opened by URL in headless
  Chromium, all cells run from JupyterLab's Run menu, then checked: every cell ran, no error
  appeared, the figures rendered. They need Debian's `chromium` and Playwright
  (requirements-dev.txt) and are skipped, with the reason, where either is missing, except where
  WUZHEN_REQUIRE_BROWSER=1 (CI): there a missing one fails them.
"""

from __future__ import annotations

import json
import os
import shutil
import urllib.request
import uuid
from datetime import datetime, timezone
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


@pytest.fixture(scope="module")
def jupyter_lab(tmp_path_factory):
    """Start JupyterLab on a loopback port with a token, serving a copy of notebooks/.

    The copy keeps autosave and running kernels from writing into the repository.
    Yields (base_url, token, root_dir); the server is stopped afterwards.
    """
    import secrets
    import shutil
    import subprocess
    import sys
    import time
    import urllib.request

    root = tmp_path_factory.mktemp("lab")
    shutil.copytree(ROOT / "notebooks", root / "notebooks", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    # Lab settings of this test only: render every cell (no windowing), so the page shows the
    # whole notebook, and no news pop-up.
    settings_dir = tmp_path_factory.mktemp("lab-settings")
    for name, values in {
        "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
        "@jupyterlab/apputils-extension/notification": {"fetchNews": "false"},
    }.items():
        target = settings_dir / f"{name}.jupyterlab-settings"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(values), encoding="utf-8")
    env = dict(os.environ, JUPYTERLAB_SETTINGS_DIR=str(settings_dir),
               JUPYTERLAB_WORKSPACES_DIR=str(tmp_path_factory.mktemp("lab-workspaces")))
    port, token = _free_port(), secrets.token_hex(16)
    log = open(root / "server.log", "w", encoding="utf-8")
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", f"--port={port}",
         "--ServerApp.ip=127.0.0.1", "--ServerApp.allow_root=True",
         f"--IdentityProvider.token={token}",
         f"--ServerApp.root_dir={root}", "--ServerApp.port_retries=0"],
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
                    if response.status == 200:
                        break
            except OSError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                log.flush()
                pytest.fail("JupyterLab did not start:\n" + (root / "server.log").read_text(encoding="utf-8")[-3000:])
            time.sleep(0.3)
        yield base, token, root
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
                   "date": datetime.now(timezone.utc).isoformat()},
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
    base, token, root = jupyter_lab
    listing = api(base, token, "/api/contents/notebooks")
    names = {item["name"] for item in listing["content"] if item["type"] == "notebook"}
    expected = {path.name for path in (root / "notebooks").glob("*.ipynb")}
    assert expected and names == expected


def test_a_notebook_runs_cell_by_cell_through_the_kernel_api(jupyter_lab):
    base, token, root = jupyter_lab
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

PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"
# JupyterLab shows error outputs (and warnings) with the stderr MIME type.
ERRORS = f"{PANEL} .jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"
# How many code cells have not run yet (an input prompt without an execution count).
CELLS_NOT_RUN = """() => [...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputPrompt')]
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


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        skip_or_fail("Chromium is not installed (on Debian: apt-get install chromium); "
                     ".ci/run installs it and runs this test")
    try:
        from playwright import sync_api
    except ImportError:
        skip_or_fail("Playwright is not installed (pip install -r requirements-dev.txt)")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        yield browser
        browser.close()


@pytest.mark.parametrize("notebook, figures", [
    ("00-start-here.ipynb", 0),
    ("02-the-figures.ipynb", 1),
])
def test_run_all_in_jupyterlab_runs_every_cell_without_error(jupyter_lab, browser, tmp_path, notebook, figures):
    base, token, _ = jupyter_lab
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        # The notebook's own URL, as a Binder launch link (?urlpath=lab/tree/...) or a hub link
        # opens it; ?reset starts from an empty workspace.
        page.goto(f"{base}/lab/tree/notebooks/{notebook}?reset&token={token}", timeout=120_000)
        page.locator(".jp-mod-current .lm-TabBar-tabLabel", has_text=notebook).wait_for(timeout=120_000)
        page.wait_for_selector(f"{PANEL} .jp-CodeCell", timeout=120_000)
        page.wait_for_selector(f"{PANEL} .jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=120_000)
        page.click(f"{PANEL} .jp-Cell >> nth=0")  # Run All acts on the focused notebook
        page.click("li.lm-MenuBar-item:has-text('Run')")
        page.click("li.lm-Menu-item[data-command='runmenu:run-all']")
        page.wait_for_function(RUN_ALL_OVER, polling=250, timeout=120_000)
        page.wait_for_selector(f"{PANEL} .jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=120_000)
        errors = page.locator(ERRORS)
        assert errors.count() == 0, f"{notebook}: a cell showed an error:\n{errors.first.inner_text()[-3000:]}"
        not_run = page.evaluate(CELLS_NOT_RUN)
        assert not_run == 0, f"{notebook}: {not_run} code cells did not run"
        checks = page.locator(f"{PANEL} .jp-RenderedMarkdown.jp-OutputArea-output")
        assert checks.count() >= 4, "the exercise checks did not answer"
        assert "Not attempted" in " ".join(page.locator(f"{PANEL} .jp-OutputArea").all_inner_texts())
        images = page.locator(f"{PANEL} .jp-OutputArea-output img")
        assert images.count() >= figures
        for index in range(images.count()):
            width = images.nth(index).evaluate("img => img.naturalWidth")
            assert width > 0, f"figure {index} did not render"
    except Exception:
        try:
            page.screenshot(path=str(tmp_path / "notebook.png"))  # kept for debugging
        except Exception:  # a crashed page: the original error matters, not this one
            pass
        raise
    finally:
        page.close()


@pytest.mark.parametrize("required, outcome", [(None, pytest.skip.Exception), ("1", pytest.fail.Exception)])
def test_a_missing_browser_skips_unless_the_browser_tests_are_required(monkeypatch, required, outcome):
    if required is None:
        monkeypatch.delenv("WUZHEN_REQUIRE_BROWSER", raising=False)
    else:
        monkeypatch.setenv("WUZHEN_REQUIRE_BROWSER", required)
    with pytest.raises(outcome, match="Chromium is not installed"):
        skip_or_fail("Chromium is not installed")
