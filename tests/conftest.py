"""Test-suite set-up shared by every test file and by the notebook runs (nbval).

- Solution notebooks run in strict mode (WUZHEN_STRICT=1): a check that is not correct raises,
  so a broken worked solution fails the suite. Their stored outputs are compared.
- Student notebooks run with WUZHEN_STRICT=not-attempted: every check must report
  "not attempted" for the untouched placeholders. Their outputs are cleared, so only the
  execution is checked, not the (absent) stored outputs.
- Notebook kernels inherit PYTHONWARNINGS, so a FutureWarning from notebook code is an error.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent
SOLUTIONS = ROOT / "notebooks" / "solutions"
STUDENT = ROOT / "notebooks"

# Kernels started by nbval inherit this. IPython shows DeprecationWarnings raised by notebook
# code itself; an unexpected warning text then fails the stored-output comparison.
os.environ["PYTHONWARNINGS"] = "error::FutureWarning:__main__"

settings.register_profile("suite", deadline=None, print_blob=True)
settings.load_profile("suite")


def notebook_kind(path: Path) -> str | None:
    """Return "solution", "student" or None for a path that is not one of our notebooks."""
    path = Path(path).resolve()
    if path.suffix != ".ipynb":
        return None
    if path.parent == SOLUTIONS:
        return "solution"
    if path.parent == STUDENT:
        return "student"
    return None


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Compare stored outputs only for the solution notebooks (student outputs are cleared)."""
    for item in items:
        if notebook_kind(item.path) == "student" and hasattr(item, "options"):
            item.options["check"] = False


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """Set the exercises' strict mode before nbval starts a notebook's kernel."""
    kind = notebook_kind(item.path)
    if kind == "solution":
        os.environ["WUZHEN_STRICT"] = "1"
    elif kind == "student":
        os.environ["WUZHEN_STRICT"] = "not-attempted"
    else:
        os.environ.pop("WUZHEN_STRICT", None)


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
    shutil.copytree(STUDENT, root / "notebooks", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
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
