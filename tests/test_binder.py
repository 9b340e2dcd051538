"""Binder and JupyterHub build the repository with repo2docker, from its root, as it is.

`repo2docker --no-build --debug .` prints the Dockerfile it would build, without Docker.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Beside this Python (a venv that is not activated, as `make test` runs it), else on PATH.
REPO2DOCKER = shutil.which("repo2docker", path=str(Path(sys.executable).parent)) or shutil.which(
    "repo2docker"
)

pytestmark = pytest.mark.skipif(
    REPO2DOCKER is None,
    reason="repo2docker is not installed (it comes with requirements-dev.txt: "
    "pip install -r requirements-dev.txt)",
)


@pytest.fixture(scope="module")
def build_plan() -> tuple[str, str]:
    """Return (Dockerfile, log) that repo2docker would build from the repository root."""
    result = subprocess.run(
        [REPO2DOCKER, "--no-build", "--debug", "."],
        cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout, result.stderr


def pinned_python() -> str:
    text = (ROOT / "runtime.txt").read_text(encoding="utf-8").strip()
    match = re.fullmatch(r"python-(3\.\d+)", text)
    assert match, f"runtime.txt should read like 'python-3.11', not {text!r}"
    return match.group(1)


def test_binder_uses_the_python_pinned_in_runtime_txt(build_plan):
    dockerfile, log = build_plan
    version = pinned_python()
    assert f"python={version}" in log or f"py-{version}" in dockerfile


def test_binder_installs_requirements_txt_with_the_whole_repository_present(build_plan):
    dockerfile, _ = build_plan
    copy_repo = dockerfile.index("COPY --chown=0:0 src/ ${REPO_DIR}/")
    install = dockerfile.index('pip install --no-cache-dir -r "requirements.txt"')
    # requirements.txt installs helpers from the checkout, so it must run after the copy.
    assert install > copy_repo


def test_requirements_txt_installs_helpers_in_editable_mode():
    lines = (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    assert "-e ." in [line.strip() for line in lines]


def test_binder_does_not_reinstall_helpers_as_a_copy_that_cannot_find_data(build_plan):
    dockerfile, _ = build_plan
    assert not re.search(r"pip install --no-cache-dir \.\s*$", dockerfile, re.MULTILINE)


def test_binder_makes_the_repositorys_jupyter_configuration_the_users_own(build_plan):
    # repo2docker copies the repository into the home folder, so .jupyter/ becomes ~/.jupyter there.
    dockerfile, _ = build_plan
    assert re.search(r"^ARG REPO_DIR=\$\{HOME\}$", dockerfile, re.MULTILINE)
    assert "COPY --chown=0:0 src/ ${REPO_DIR}/" in dockerfile
    assert "JUPYTER_CONFIG_DIR" not in dockerfile and not (ROOT / ".dockerignore").exists()


def test_the_jupyter_configuration_is_in_git_for_binder_to_build():
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    tracked = subprocess.run(["git", "ls-files", ".jupyter"], cwd=ROOT, capture_output=True, text=True,
                             check=True).stdout.split()
    assert {".jupyter/jupyter_server_config.json", ".jupyter/labconfig/page_config.json"} <= set(tracked)


def test_jupyterlab_in_a_home_with_that_folder_shows_no_news(tmp_path):
    # JupyterLab as the Binder user starts it: ~/.jupyter is the repository's folder, nothing else set.
    home = tmp_path / "home"
    shutil.copytree(ROOT / ".jupyter", home / ".jupyter")
    env = {name: value for name, value in os.environ.items() if not name.startswith("JUPYTER")}
    env["HOME"] = str(home)
    page_config = subprocess.run(
        [sys.executable, "-c", "import json; from jupyterlab_server.config import get_static_page_config; "
                               "print(json.dumps(get_static_page_config(level='all')))"],
        env=env, capture_output=True, text=True, check=True, timeout=120,
    ).stdout
    # The plugin that asks "Would you like to get notified about official Jupyter news?" is off ...
    assert json.loads(page_config)["disabledExtensions"].get("@jupyterlab/apputils-extension:announcements")
    shown = subprocess.run([str(Path(sys.executable).with_name("jupyter")), "lab", "--show-config"],
                           cwd=home, env=env, capture_output=True, text=True, check=True, timeout=120).stdout
    # ... and the server fetches no news feed.
    assert re.search(r"^LabApp\n(  \..*\n)*  \.news_url = None$", shown, re.MULTILINE), shown[-2000:]
