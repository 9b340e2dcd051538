"""A class on a JupyterHub, simulated on this machine: `make bench` (or `python tools/class_sim.py`).

N students (20 unless `--students` says otherwise) follow the class's nbgitpuller link at the same
moment, as a class does when the instructor shares it: each logs in (one shared class password),
the hub starts their server, nbgitpuller clones the collection into their home, and they run every
cell of notebook 02 through their server's kernel API (REST and websocket, as JupyterLab does).
The hub is a real JupyterHub on loopback ports (tools/class_hub.py); the repository they pull is a
temporary git repository holding the working tree's files.

It reports, per student, the memory (RSS) of their server and their kernel, the time from
following the link to the end of Run All, and any failure; then the median and 95th percentile,
the memory of the whole class with every notebook still open, the CPU time it all took, and the
sizing that follows for a class of 30 with two notebooks open each. Everything is bounded in time
(`--timeout`), talks only to 127.0.0.1, and is stopped and removed at the end, also on failure.
Writes bench-results/class.json and bench-results/class.md (git-ignored).
"""

from __future__ import annotations

import argparse
import http.cookiejar
import json
import math
import os
import re
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
import uuid
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # class_hub.py, beside this file

import class_hub  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench-results"
NOTEBOOK = "notebooks/02-the-figures.ipynb"
# What the sizing rule is given for: the guide's example class.
CLASS_SIZE, NOTEBOOKS_OPEN = 30, 2
# How long everyone's first Run All may take when the whole class starts together (the cores rule).
START_WITHIN_S = 60


# The report (pure functions of the results, tested in tests/test_class_sim.py)


def percentile(values: list[float], q: float) -> float | None:
    """Return the q-th percentile (nearest rank) of `values`, or None when there are none.

    >>> percentile([1.0, 2.0, 3.0, 4.0], 50), percentile([1.0, 2.0, 3.0, 4.0], 95), percentile([], 50)
    (2.0, 4.0, None)
    """
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


def sizing(results: dict, students: int = CLASS_SIZE, notebooks: int = NOTEBOOKS_OPEN) -> dict | None:
    """Return the memory (GB) and cores a class of `students` with `notebooks` open each needs,
    from the measured class, or None when no student finished.

    Memory: the hub and proxy once, plus for each student their server and `notebooks` kernels, each
    at the 95th percentile of what was measured (a kernel at its peak while Run All ran).
    Cores: enough for the CPU time one student's start and Run All took (the class's CPU time shared
    out) to be done for the whole class within START_WITHIN_S seconds of everyone starting together.
    """
    finished = [s for s in results["students"] if s["failure"] is None]
    if not finished:
        return None
    server = percentile([s["server_mb"] for s in finished], 95)
    kernel = percentile([s["kernel_peak_mb"] for s in finished], 95)
    memory_mb = results["hub_mb"] + students * (server + notebooks * kernel)
    cpu_per_student = results["class_cpu_s"] / len(results["students"])
    return {"students": students, "notebooks": notebooks, "server_mb": server, "kernel_mb": kernel,
            "memory_gb": memory_mb / 1024, "cpu_per_student_s": cpu_per_student,
            "cores": max(1, math.ceil(students * cpu_per_student / START_WITHIN_S))}


def report(results: dict) -> tuple[str, list[str]]:
    """Return the printed report of a class run and the list of failures (empty: every student
    ran the notebook to the end without an error)."""
    rows = results["students"]
    lines = [f"{len(rows)} students followed the link at once and ran {results['notebook']} "
             f"on {results['cores']} cores (time limit {results['timeout_s']:.0f} s).", "",
             "| student | link to server ready (s) | Run All (s) | link to end of Run All (s) "
             "| server (MB) | kernel (MB) | kernel peak (MB) | outcome |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]

    def figure(value, digits=1):
        return "" if value is None else f"{value:.{digits}f}"

    failures = []
    for row in rows:
        outcome = "ok" if row["failure"] is None else f"FAILED: {row['failure']}"
        if row["failure"] is not None:
            failures.append(f"{row['student']}: {row['failure']}")
        lines.append(f"| {row['student']} | {figure(row['ready_s'])} | {figure(row['run_s'])} | "
                     f"{figure(row['total_s'])} | {figure(row['server_mb'], 0)} | {figure(row['kernel_mb'], 0)} | "
                     f"{figure(row['kernel_peak_mb'], 0)} | {outcome} |")
    finished = [row for row in rows if row["failure"] is None]
    lines.append("")
    if finished:
        for label, key in [("link to end of Run All", "total_s"), ("link to server ready", "ready_s"),
                           ("Run All", "run_s")]:
            values = [row[key] for row in finished]
            lines.append(f"{label}: median {percentile(values, 50):.1f} s, "
                         f"95th percentile {percentile(values, 95):.1f} s")
        for label, key in [("a student's server", "server_mb"), ("their kernel after Run All", "kernel_mb"),
                           ("their kernel at its peak", "kernel_peak_mb")]:
            values = [row[key] for row in finished]
            lines.append(f"memory of {label}: median {percentile(values, 50):.0f} MB, "
                         f"95th percentile {percentile(values, 95):.0f} MB")
    lines.append(f"the hub and its proxy: {results['hub_mb']:.0f} MB; everything with every notebook still "
                 f"open: {results['total_mb'] / 1024:.2f} GB")
    load = "" if results.get("load_before") is None else f"; load average {results['load_before']:.1f} before it"
    lines.append(f"CPU time of the whole class: {results['class_cpu_s']:.0f} s in {results['wall_s']:.0f} s "
                 f"of wall time ({results['class_cpu_s'] / len(rows):.1f} s a student{load})")
    size = sizing(results)
    if size is not None:
        lines.append("")
        lines.append(f"Sizing: a class of {size['students']} with {size['notebooks']} notebooks open each needs "
                     f"about {size['memory_gb']:.1f} GB of memory (a student's server {size['server_mb']:.0f} MB "
                     f"+ {size['notebooks']} x {size['kernel_mb']:.0f} MB a kernel, plus the hub) and "
                     f"{size['cores']} cores for everyone's first Run All to be done within "
                     f"{START_WITHIN_S} s of the class starting together "
                     f"({size['cpu_per_student_s']:.1f} s of CPU a student).")
    if results.get("hub_problems"):
        lines.append("")
        lines.append("The hub's log says:")
        lines.extend(f"    {line}" for line in results["hub_problems"])
    lines.append("")
    lines.append("Every student ran the notebook to the end." if not failures
                 else f"{len(failures)} of {len(rows)} students failed: " + "; ".join(failures))
    return "\n".join(lines), failures


# One student


class Student:
    """A student's browser session: cookies, and the steps a student's browser takes."""

    def __init__(self, hub: class_hub.LocalHub, name: str, link: str, deadline: float):
        self.hub, self.name, self.link, self.deadline = hub, name, link, deadline
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.step = "not started"
        self.record = {"student": name, "ready_s": None, "run_s": None, "total_s": None, "server_mb": None,
                       "kernel_mb": None, "kernel_peak_mb": None, "cells": 0, "failure": None}

    def remaining(self) -> float:
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError(f"the time limit ran out while {self.step}")
        return left

    def open(self, url: str, data: bytes | None = None, headers: dict | None = None):
        request = urllib.request.Request(url, data=data, headers=headers or {})
        return self.opener.open(request, timeout=min(60.0, self.remaining()))

    def cookie(self, name: str, path: str) -> str | None:
        return next((c.value for c in self.jar if c.name == name and c.path == path), None)

    def run(self, notebook: str) -> None:
        start = time.monotonic()
        try:
            self._run(notebook, start)
        except Exception as error:  # any failure is reported for this student; the others go on
            if time.monotonic() >= self.deadline - 1:
                self.record["failure"] = f"still {self.step} when the time limit ran out (--timeout)"
            else:
                self.record["failure"] = f"{self.step}: {type(error).__name__}: {error}"[:300]

    def _run(self, notebook: str, start: float) -> None:
        user = f"{self.hub.url}/user/{self.name}"
        self.step = "logging in"
        with self.open(self.link) as response:
            page, login_url = response.read().decode("utf-8"), response.geturl()
        xsrf = re.search(r'name="_xsrf" value="([^"]+)"', page)
        if xsrf is None:
            raise RuntimeError(f"no login form at {login_url}")
        form = {"username": self.name, "password": self.hub.password, "_xsrf": xsrf.group(1)}
        with self.open(login_url, data=urllib.parse.urlencode(form).encode()) as response:
            response.read()
        self.step = "waiting for their server"
        while True:  # the spawn-pending page, until the link reaches the student's own server
            with self.open(self.link) as response:
                response.read()
                if response.geturl().startswith(f"{user}/git-pull"):
                    break
            time.sleep(1)
        self.record["ready_s"] = time.monotonic() - start
        self.step = "pulling the repository"
        query = urllib.parse.urlsplit(self.link).query
        with self.open(f"{user}/git-pull/api?{query}") as stream:
            for raw in stream:
                line = raw.decode("utf-8").strip()
                if line.startswith("data:") and '"phase": "error"' in line:
                    raise RuntimeError(f"nbgitpuller failed: {line[5:200]}")
                if line.startswith("data:") and '"phase": "finished"' in line:
                    break
        self.step = "opening the notebook"
        path = f"{class_hub.FOLDER}/{notebook}"
        with self.open(f"{user}/lab/tree/{path}") as response:  # the page; it sets the _xsrf cookie
            response.read()
        with self.open(f"{user}/api/contents/{urllib.parse.quote(path)}") as response:
            cells = [c for c in json.loads(response.read())["content"]["cells"] if c["cell_type"] == "code"]
        headers = {"Content-Type": "application/json", "X-XSRFToken": self.cookie("_xsrf", f"/user/{self.name}/") or ""}
        body = json.dumps({"path": path, "type": "notebook", "name": "", "kernel": {"name": "python3"}}).encode()
        self.step = "starting their kernel"
        with self.open(f"{user}/api/sessions", data=body, headers=headers) as response:
            kernel_id = json.loads(response.read())["kernel"]["id"]
        self.step = "connecting to their kernel"
        import websocket  # websocket-client, a dependency of jupyter_server

        cookies = "; ".join(f"{c.name}={c.value}" for c in self.jar)
        ws = websocket.create_connection(f"{user.replace('http', 'ws', 1)}/api/kernels/{kernel_id}/channels",
                                         cookie=cookies, timeout=min(120.0, self.remaining()))
        try:
            run_start = time.monotonic()
            for index, cell in enumerate(cells):
                self.step = f"running code cell {index} of {len(cells)}"
                problems = execute(ws, "".join(cell["source"]), self.remaining)
                if problems:
                    raise RuntimeError(f"code cell {index} failed: {problems[0][:200]}")
                self.record["cells"] = index + 1
            self.record["run_s"] = time.monotonic() - run_start
            self.record["total_s"] = time.monotonic() - start
        finally:
            ws.close()
        self.step = "measuring memory"
        self.measure()

    def measure(self) -> None:
        """Record the memory of the student's server and kernel (their notebook stays open)."""
        server, kernels = self.hub.server_and_kernels(self.name)
        if server is not None:
            self.record["server_mb"] = server.memory_info().rss / 2**20
        if kernels:
            self.record["kernel_mb"] = sum(k.memory_info().rss for k in kernels) / 2**20
            peaks = [peak_rss_mb(k.pid) for k in kernels]
            self.record["kernel_peak_mb"] = sum(p for p in peaks if p is not None) or self.record["kernel_mb"]


def peak_rss_mb(pid: int) -> float | None:
    """Return the peak resident memory (VmHWM) of process `pid` in MB, where Linux tells it."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text(encoding="utf-8").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def execute(ws, code: str, remaining) -> list[str]:
    """Run `code` in the kernel behind websocket `ws`; return the errors and stderr text it gave."""
    msg_id = uuid.uuid4().hex
    ws.send(json.dumps({
        "header": {"msg_id": msg_id, "msg_type": "execute_request", "session": uuid.uuid4().hex,
                   "username": "student", "version": "5.3", "date": datetime.now(UTC).isoformat()},
        "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
        "content": {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                    "allow_stdin": False, "stop_on_error": True},
    }))
    reply, idle, problems = None, False, []
    while reply is None or not idle:
        ws.settimeout(min(120.0, remaining()))
        message = json.loads(ws.recv())
        if message.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        kind, content = message["msg_type"], message["content"]
        if message["channel"] == "shell" and kind == "execute_reply":
            reply = content
            if content["status"] != "ok":
                problems.append(f"{content.get('ename')}: {content.get('evalue')}")
        elif kind == "status" and content["execution_state"] == "idle":
            idle = True
        elif kind == "error":
            problems.append(f"{content['ename']}: {content['evalue']}")
        elif kind == "stream" and content["name"] == "stderr":
            problems.append(f"stderr: {content['text'].strip()}")
    return problems


# The class


def log_problems(log: str, limit: int = 10) -> list[str]:
    """Return the lines of a hub's log that tell of a problem, each once with how often it came;
    for a traceback, its last line (the error itself).

    >>> log_problems("[E x] Spawn failed\\nTraceback (most recent call last):\\n  File 'a'\\nOSError: full\\n"
    ...              "Traceback (most recent call last):\\n  File 'b'\\nOSError: full\\n")
    ['[E x] Spawn failed', '2 x OSError: full']
    """
    lines = log.splitlines()
    found: dict[str, int] = {}
    for index, line in enumerate(lines):
        if line.startswith("Traceback"):
            # The error is the first line after the traceback's indented frames.
            line = next((later for later in lines[index + 1:] if later and not later[0].isspace()), line)
        elif not PROBLEM.search(line) or "websocket_ping" in line:
            continue
        line = line.strip()[:200]
        found[line] = found.get(line, 0) + 1
    return [line if count == 1 else f"{count} x {line}" for line, count in found.items()][:limit]

# Lines of the hub's log (the hub's, the proxy's and the servers') that say which limit was hit.
PROBLEM = re.compile(r"(?i)spawn failed|failed to start|timed out|timeout error|memoryerror|"
                     r"killed|too many|\[E ")


def simulate(students: int, notebook: str, timeout: float) -> dict:
    """Run the class; return the results the report is made from."""
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    names = [f"student{number:02d}" for number in range(1, students + 1)]
    with tempfile.TemporaryDirectory(prefix="wuzhen-class-") as folder:
        source = class_hub.make_source_repository(Path(folder))
        # A class starting at once on a small machine: allow each server longer than the default.
        with class_hub.local_hub(start_timeout=int(timeout)) as hub:
            link = class_hub.hub_link(hub.url, source.as_uri(), notebook=notebook)
            deadline = time.monotonic() + timeout
            people = [Student(hub, name, link, deadline) for name in names]
            threads = [threading.Thread(target=person.run, args=(notebook,), daemon=True) for person in people]
            start = time.monotonic()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=max(0.0, deadline + 30 - time.monotonic()))
            wall = time.monotonic() - start
            for person, thread in zip(people, threads):
                if thread.is_alive() and person.record["failure"] is None:
                    person.record["failure"] = f"still {person.step} when the time limit ran out (--timeout)"
            processes = hub.processes()
            rss = cpu = 0.0
            hub_mb = 0.0
            for proc in processes:
                try:
                    memory = proc.memory_info().rss / 2**20
                    times = proc.cpu_times()
                    command = " ".join(proc.cmdline())
                except Exception:  # a process that ended meanwhile
                    continue
                rss += memory
                cpu += times.user + times.system + times.children_user + times.children_system
                if "jupyterhub-singleuser" not in command and "ipykernel" not in command:
                    hub_mb += memory  # the hub and its proxy
            problems = log_problems(hub.log_tail(2_000_000))
    return {"notebook": notebook, "students": [p.record for p in people], "cores": os.cpu_count(),
            "hub_mb": hub_mb, "total_mb": rss, "class_cpu_s": cpu, "wall_s": wall, "load_before": load,
            "timeout_s": timeout, "hub_problems": problems}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Simulate a class on a local JupyterHub and size the hub.")
    parser.add_argument("--students", type=int, default=20, help="students who start at once (default 20)")
    parser.add_argument("--notebook", default=NOTEBOOK, help="the notebook every student runs")
    parser.add_argument("--timeout", type=float, default=600, help="seconds the whole class may take")
    args = parser.parse_args(argv)
    if args.students < 1:
        parser.error("--students must be 1 or more")
    missing = class_hub.missing_for_a_hub()
    if missing:
        print(f"class simulation skipped: {missing}")
        return 1 if os.environ.get("WUZHEN_REQUIRE_HUB") == "1" else 0
    print(f"{args.students} students follow the class link at once; this takes a few minutes...",
          file=sys.stderr, flush=True)
    results = simulate(args.students, args.notebook, args.timeout)
    text, failures = report(results)
    print(text)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "class.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    (RESULTS / "class.md").write_text(text + "\n", encoding="utf-8")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
