"""A class on a JupyterHub: the nbgitpuller link students follow, and a hub on this machine to try it.

The link (README and instructor guide show it, tests/test_hub.py follows it in Chromium):

    python tools/class_hub.py link https://hub.example.edu https://github.com/owner/wuzhen-summit-notebooks

prints the nbgitpuller link for that hub and repository. `LINK_TEMPLATE` is the one place the
link's shape is written; `example_link()` fills it with the placeholders the README and the guide
show, and a test holds both files to it.

`local_hub()` starts a real JupyterHub on loopback ports, as tests/test_hub.py and
tools/class_sim.py use it: configurable-http-proxy (from npm), a shared password for every student
(`SharedPasswordAuthenticator`, the successor of the dummy authenticator's password), each student's
server a local process of this environment (`jupyterhub-singleuser` beside this Python) with a home
folder of its own in a temporary folder. It stops every process it started and removes the
temporary folder, also on failure. It is for trying the class path on one machine, not for a
real class: every student runs as the same system user.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
FIRST_NOTEBOOK = "notebooks/00-start-here.ipynb"
# The folder nbgitpuller clones into is the last part of the repository's address; the source
# repositories made here have the collection's usual name.
FOLDER = "wuzhen-summit-notebooks"

# The nbgitpuller link: the hub sends the student (after logging in) to their own server's
# git-pull page, which clones or updates `repo` in their home folder and then opens `urlpath`.
LINK_TEMPLATE = "{hub}/hub/user-redirect/git-pull?repo={repo}&branch={branch}&urlpath=lab/tree/{folder}/{notebook}"
PLACEHOLDERS = {"hub": "https://<your-hub>", "repo": "<url-encoded repository address>",
                "branch": "main", "folder": "<repo>", "notebook": FIRST_NOTEBOOK}


def hub_link(hub: str, repository: str, branch: str = "main", notebook: str = FIRST_NOTEBOOK) -> str:
    """Return the nbgitpuller link that clones `repository` for each student of `hub` and opens `notebook`.

    >>> hub_link("https://hub.example.edu/", "https://github.com/owner/wuzhen-summit-notebooks")
    'https://hub.example.edu/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com%2Fowner%2Fwuzhen-summit-notebooks&branch=main&urlpath=lab/tree/wuzhen-summit-notebooks/notebooks/00-start-here.ipynb'
    """
    folder = repository.rstrip("/").split("/")[-1]  # where nbgitpuller puts the clone
    return LINK_TEMPLATE.format(hub=hub.rstrip("/"), repo=quote(repository, safe=""),
                                branch=quote(branch, safe=""), folder=quote(folder), notebook=notebook)


def example_link() -> str:
    """Return the link with the placeholders the README and the instructor guide show.

    >>> example_link().startswith("https://<your-hub>/hub/user-redirect/git-pull?repo=<url-encoded")
    True
    """
    return LINK_TEMPLATE.format(**PLACEHOLDERS)


# The source repository


def tracked_files(root: Path = ROOT) -> list[str]:
    """Return the collection's files as git sees them in the working tree: tracked and new files,
    without ignored ones (.venv, output/, caches) and without files deleted from the tree."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=root, capture_output=True, check=True).stdout.decode("utf-8")
    return sorted({name for name in listed.split("\0") if name and (root / name).is_file()})


def git(folder: Path, *args: str) -> str:
    """Run git in `folder` as a fixed author (the instructor); return what it prints."""
    return subprocess.run(["git", "-c", "user.name=Instructor", "-c", "user.email=instructor@localhost",
                           "-c", "commit.gpgsign=false", *args],
                          cwd=folder, capture_output=True, text=True, check=True).stdout


def make_source_repository(parent: Path, root: Path = ROOT) -> Path:
    """Copy the collection's working-tree files into a new git repository under `parent`, commit
    them on branch main, and return its folder (named FOLDER, as nbgitpuller names the clone).

    The copy depends neither on uncommitted state being committed nor on the project's history."""
    source = parent / FOLDER
    source.mkdir(parents=True)
    for name in tracked_files(root):
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(root / name, source / name)
    git(source, "init", "-q", "-b", "main")
    git(source, "add", "-A")
    git(source, "commit", "-q", "-m", "The collection as the instructor publishes it")
    return source


# The hub


def free_ports(count: int) -> list[int]:
    """Return `count` different TCP ports on 127.0.0.1 that were free a moment ago.

    The sockets stay open until every port is chosen, so that two of the hub's servers (the proxy's public
    side and its API, say) can never be given the same port.

    >>> ports = free_ports(3)
    >>> len(set(ports)) == 3 and all(1024 <= port < 65536 for port in ports)
    True
    """
    with contextlib.ExitStack() as stack:
        sockets = [stack.enter_context(socket.socket()) for _ in range(count)]
        for sock in sockets:
            sock.bind(("127.0.0.1", 0))
        return [sock.getsockname()[1] for sock in sockets]


def proxy_command() -> str | None:
    """Return the path of configurable-http-proxy (npm install -g configurable-http-proxy), or None."""
    return shutil.which("configurable-http-proxy")


def missing_for_a_hub() -> str | None:
    """Return, in plain words, what this machine lacks to start a local hub, or None."""
    bin_dir = Path(sys.executable).parent
    if not (bin_dir / "jupyterhub").exists() or not (bin_dir / "jupyterhub-singleuser").exists():
        return "JupyterHub is not installed in this environment (pip install -r requirements-dev.txt)"
    try:
        import nbgitpuller  # noqa: F401
    except ImportError:
        return "nbgitpuller is not installed in this environment (pip install -r requirements.txt)"
    if proxy_command() is None:
        return ("configurable-http-proxy is not installed (it comes from npm: "
                "npm install -g configurable-http-proxy@5.3.0; .ci/run installs it)")
    if shutil.which("git") is None:
        return "git is not installed (nbgitpuller needs it)"
    return None


CONFIG = """\
# Written by tools/class_hub.py for one run of a local hub.
import os

c = get_config()  # noqa: F821
c.JupyterHub.bind_url = {bind_url!r}
c.JupyterHub.hub_bind_url = {hub_bind_url!r}
c.JupyterHub.db_url = "sqlite://"  # in memory: nothing to clean up
c.JupyterHub.cookie_secret_file = {cookie_secret!r}
c.JupyterHub.pid_file = {pid_file!r}
c.JupyterHub.cleanup_servers = True
c.JupyterHub.cleanup_proxy = True
c.ConfigurableHTTPProxy.command = [{proxy!r}]
c.ConfigurableHTTPProxy.api_url = {proxy_api_url!r}
c.ConfigurableHTTPProxy.auth_token = {proxy_token!r}
c.ConfigurableHTTPProxy.pid_file = {proxy_pid_file!r}

# Every student logs in with the one class password.
c.JupyterHub.authenticator_class = "shared-password"
c.SharedPasswordAuthenticator.user_password = {password!r}
c.Authenticator.allow_all = True

# Each student's server: a local process of this environment, in a home folder of its own.
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = {home_template!r}
c.Spawner.cmd = [{singleuser!r}]
c.Spawner.args = {args!r}
c.Spawner.ip = "127.0.0.1"
c.Spawner.default_url = "/lab"
c.Spawner.start_timeout = {start_timeout!r}
c.Spawner.http_timeout = {start_timeout!r}
# A student's notebooks import helpers from the student's own clone (as on a real hub, see the
# instructor guide), so that what they write lands in output/ of their clone, in their home.
FOLDER = {folder!r}
EXTRA = {environment!r}


def pythonpath(spawner):
    return os.path.join(spawner.home_dir, FOLDER)


c.Spawner.environment = dict(EXTRA, PYTHONPATH=pythonpath)
"""


@dataclass
class LocalHub:
    """A running local hub: its public address, the class password and where things are."""

    url: str
    password: str
    workdir: Path
    homes: Path
    process: subprocess.Popen
    run_id: str
    log_path: Path
    _seen: set = field(default_factory=set)

    def home(self, student: str) -> Path:
        """Return the home folder of `student` (made when their server first starts)."""
        return self.homes / student

    def log_tail(self, characters: int = 4000) -> str:
        """Return the end of the hub's log (the hub's, the proxy's and the students' servers')."""
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")[-characters:]
        except OSError:
            return "(no log)"

    def processes(self) -> list:
        """Return the live processes of this run (hub, proxy, servers, kernels) as psutil Processes.

        Every one carries this run's mark in its environment; each seen is remembered, so that
        stop() ends it even if its parent is gone by then."""
        import psutil

        found = []
        for proc in psutil.process_iter():
            try:
                if proc.environ().get("WUZHEN_HUB_RUN") == self.run_id:
                    found.append(proc)
            except (psutil.Error, OSError):
                continue
        self._seen.update(found)
        return found

    def server_and_kernels(self, student: str) -> tuple[object | None, list]:
        """Return (the student's server process, their kernel processes), as psutil Processes."""
        import psutil

        home = str(self.home(student))
        server, kernels = None, []
        for proc in self.processes():
            try:
                env = proc.environ()
                if env.get("HOME") != home:
                    continue
                command = " ".join(proc.cmdline())
            except (psutil.Error, OSError):
                continue
            if "jupyterhub-singleuser" in command:
                server = proc
            elif "ipykernel" in command:
                kernels.append(proc)
        return server, kernels

    def stop(self, timeout: float = 20) -> list[str]:
        """Stop the hub (which stops the students' servers and the proxy), then end anything of
        this run that is still alive. Return a description of each process that had to be killed."""
        import psutil

        self.processes()
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                pass
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.process.pid, signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=5)
        killed = []
        survivors = [p for p in self._seen | set(self.processes()) if p.is_running()]
        for proc in survivors:
            with contextlib.suppress(psutil.Error, OSError):
                killed.append(" ".join(proc.cmdline())[:120])
                proc.kill()
        psutil.wait_procs(survivors, timeout=5)
        return killed


def wait_for(url: str, deadline: float, process: subprocess.Popen) -> bool:
    """Return True once `url` answers 200, False if `process` ends or time runs out first."""
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return True
        except OSError:  # not listening yet, or an HTTP error while the proxy has no route yet
            pass
        time.sleep(0.2)
    return False


@contextlib.contextmanager
def local_hub(*, environment: dict[str, str] | None = None, start_timeout: int = 120,
              startup_timeout: float = 60, keep_log_to: Path | None = None):
    """Start a JupyterHub on loopback ports for a class; yield a LocalHub; stop it all afterwards.

    `environment`: extra variables for the students' servers (and their kernels).
    `start_timeout`: seconds a student's server may take to start (a class starting at once on a
    small machine needs more than JupyterHub's default). `keep_log_to`: copy the hub's log there
    before the temporary folder is removed. Raises RuntimeError, with the end of the hub's log, if
    the hub does not come up.
    """
    missing = missing_for_a_hub()
    if missing:
        raise RuntimeError(f"cannot start a local hub: {missing}")
    bin_dir = Path(sys.executable).parent
    workdir = Path(tempfile.mkdtemp(prefix="wuzhen-hub-"))
    hub = None
    try:
        homes = workdir / "homes"
        homes.mkdir()
        (port, hub_port, api_port), run_id = free_ports(3), secrets.token_hex(8)
        values = {
            "bind_url": f"http://127.0.0.1:{port}",
            "hub_bind_url": f"http://127.0.0.1:{hub_port}",
            "cookie_secret": str(workdir / "cookie_secret"),
            "pid_file": str(workdir / "jupyterhub.pid"),
            "proxy": proxy_command(),
            "proxy_api_url": f"http://127.0.0.1:{api_port}",
            "proxy_token": secrets.token_hex(32),
            "proxy_pid_file": str(workdir / "proxy.pid"),
            "password": secrets.token_urlsafe(12),
            "home_template": str(homes / "{username}"),
            "singleuser": str(bin_dir / "jupyterhub-singleuser"),
            # Jupyter refuses to run as root unless asked (CI runs as root).
            "args": ["--allow-root"] if os.geteuid() == 0 else [],
            "start_timeout": start_timeout,
            "folder": FOLDER,
            "environment": dict(environment or {}, WUZHEN_HUB_RUN=run_id),
        }
        config = workdir / "jupyterhub_config.py"
        config.write_text(CONFIG.format(**values), encoding="utf-8")
        log_path = workdir / "hub.log"
        env = {key: value for key, value in os.environ.items()
               if not key.startswith(("JUPYTER", "WUZHEN_STRICT", "PYTHONPATH"))}
        env.update(WUZHEN_HUB_RUN=run_id, PATH=f"{bin_dir}{os.pathsep}{env.get('PATH', '')}")
        with open(log_path, "w", encoding="utf-8") as log:
            process = subprocess.Popen([str(bin_dir / "jupyterhub"), "-f", str(config)], cwd=workdir, env=env,
                                       stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        hub = LocalHub(url=values["bind_url"], password=values["password"], workdir=workdir, homes=homes,
                       process=process, run_id=run_id, log_path=log_path)
        if not wait_for(f"{hub.url}/hub/api/", time.monotonic() + startup_timeout, process):
            raise RuntimeError("the local hub did not start:\n" + hub.log_tail())
        yield hub
    finally:
        if hub is not None:
            hub.stop()
            if keep_log_to is not None:
                with contextlib.suppress(OSError):
                    shutil.copy(hub.log_path, keep_log_to)
        shutil.rmtree(workdir, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Print the nbgitpuller link students follow on a class hub.")
    commands = parser.add_subparsers(dest="command", required=True)
    link = commands.add_parser("link", help="print the link for a hub and a repository")
    link.add_argument("hub", help="the hub's address, e.g. https://hub.example.edu")
    link.add_argument("repository", help="the repository's address, e.g. https://github.com/owner/wuzhen-summit-notebooks")
    link.add_argument("--branch", default="main")
    link.add_argument("--notebook", default=FIRST_NOTEBOOK, help="the notebook to open, from the repository's top")
    args = parser.parse_args(argv)
    print(hub_link(args.hub, args.repository, args.branch, args.notebook))
    return 0


if __name__ == "__main__":
    sys.exit(main())
