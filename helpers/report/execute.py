"""``--execute``: run each counted submission again in a fresh kernel and compare its records.

This runs the students' code, with the permissions of whoever runs the report (see the
instructor guide: run it inside a container). Each submission is copied into a temporary folder
of its own and run there, top to bottom, in a fresh Python kernel (nbclient), with errors allowed
(as when every cell is run one after the other), and with a time limit for the whole notebook. The
submissions run in parallel, one per core. The file under SUBMISSIONS is never touched.

A submission is flagged when an exercise's state in the fresh run (status, and recognised mistake)
differs from the state its saved records give: an output edited by hand, cells run out of order, or
an answer that depends on something outside the notebook. The counts stay those of the saved
records; the flag says which ones the fresh run does not confirm.
"""

from __future__ import annotations

import concurrent.futures
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from .aggregate import Problem, Submission
from .reading import read_notebook
from .records import NOT_ATTEMPTED, Record, exercise_states

#: Seconds a notebook may run, all its cells together (--timeout).
DEFAULT_TIMEOUT = 120.0
# Seconds allowed on top of the notebook's time to start and stop a kernel, before the run is killed.
_GRACE = 60.0
_ROOT = Path(__file__).resolve().parents[2]  # the folder that holds helpers/, for the kernel's imports
_WORKER = ("import sys; from helpers.report.execute import run_one; "
           "sys.exit(run_one(sys.argv[1], float(sys.argv[2])))")
TIMED_OUT, KERNEL_DIED, NOT_RUNNABLE = 3, 4, 5


@dataclass(frozen=True)
class FreshRun:
    """The outcome of one fresh run: the exercise states it gave, or why there are none."""

    states: dict[int, Record] | None
    failure: str | None = None


def run_one(path: str, timeout: float) -> int:
    """Return an exit code after running the notebook at `path` in a fresh kernel, saving it in place.

    0: it ran to the end (errors in cells allowed); 3: its cells did not finish in `timeout` seconds
    (what ran is saved); 4: the kernel died; 5: nbformat cannot run it. Runs in a process of its own.
    """
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellTimeoutError, DeadKernelError

    try:
        nb = nbformat.read(path, as_version=4)
    except Exception as exc:  # any reason nbformat cannot read it: this notebook is not run
        print(f"{type(exc).__name__}: {exc}", file=sys.stderr)
        return NOT_RUNNABLE
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    client = NotebookClient(nb, kernel_name="python3", timeout=timeout, allow_errors=True,
                            record_timing=False, startup_timeout=_GRACE,
                            resources={"metadata": {"path": str(Path(path).parent)}})
    code = 0
    try:
        with client.setup_kernel():
            deadline = time.monotonic() + timeout  # the kernel's start does not count
            for index, cell in enumerate(nb.cells):
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    code = TIMED_OUT
                    break
                client.timeout = max(1, int(remaining + 0.999))
                client.execute_cell(cell, index)
    except CellTimeoutError:
        code = TIMED_OUT
    except DeadKernelError:
        code = KERNEL_DIED
    nbformat.write(nb, path)
    return code


# What the students' code is given of the report's environment: what Python, Jupyter and matplotlib
# need, nothing else (no tokens or keys that the instructor's shell may hold). This is no sandbox:
# the code still runs as the instructor's user (see the instructor guide: run it in a container).
_KEPT = ("PATH", "HOME", "USER", "LOGNAME", "LANG", "LANGUAGE", "TZ", "TMPDIR", "TEMP", "TMP", "SYSTEMROOT",
         "VIRTUAL_ENV", "CONDA_PREFIX", "PYTHONPATH", "JUPYTER_PATH", "JUPYTER_DATA_DIR", "JUPYTER_CONFIG_DIR",
         "JUPYTER_RUNTIME_DIR", "IPYTHONDIR", "MPLCONFIGDIR")


def _kernel_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k in _KEPT or k.startswith(("LC_", "XDG_"))}
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(_ROOT), env.get("PYTHONPATH", "")) if p)
    env["MPLBACKEND"] = "agg"
    return env  # WUZHEN_STRICT is left out: strict mode would turn a wrong answer into an error


def _run_copy(data: bytes, file_name: str, timeout: float, known: Mapping[str, str], version: str) -> FreshRun:
    """Return the fresh run of one submission (its bytes), in a temporary folder removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="wuzhen-report-") as folder:
        path = Path(folder) / "submission.ipynb"
        path.write_bytes(data)
        process = subprocess.Popen([sys.executable, "-c", _WORKER, str(path), str(timeout)], cwd=folder,
                                   env=_kernel_env(), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, start_new_session=True)
        try:
            _, err = process.communicate(timeout=timeout + _GRACE)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)  # the worker; its kernel stops when its parent is gone
            process.communicate()
            return FreshRun(None, f"did not finish within {timeout:g} s under --execute: not compared")
        if process.returncode == TIMED_OUT:
            return FreshRun(None, f"did not finish within {timeout:g} s under --execute (a cell that never "
                                  "ends?): not compared")
        if process.returncode == KERNEL_DIED:
            return FreshRun(None, "its kernel died under --execute (out of memory?): not compared")
        if process.returncode != 0:
            last = err.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no message"]
            return FreshRun(None, f"could not be run under --execute ({last[0][:200]}): not compared")
        reading = read_notebook(path.read_bytes(), file_name, known, version)
        return FreshRun(exercise_states(reading.records))


def run_fresh(submissions: Sequence[Submission], known: Mapping[str, str], version: str, *,
              timeout: float = DEFAULT_TIMEOUT, jobs: int | None = None) -> list[FreshRun]:
    """Return the fresh run of each submission, in order, running `jobs` at a time (default: one per core)."""
    jobs = max(1, jobs or os.cpu_count() or 1)

    def one(sub: Submission) -> FreshRun:
        try:
            data = sub.found.read()
        except OSError as exc:
            return FreshRun(None, f"could not be read again under --execute ({exc}): not compared")
        return _run_copy(data, sub.found.file_name, timeout, known, version)

    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(one, submissions))


def _describe(record: Record | None) -> str:
    if record is None:
        return NOT_ATTEMPTED
    return record.status + (f" (mistake {record.mistake})" if record.mistake else "")


def compare(saved: Mapping[int, Record], fresh: Mapping[int, Record], numbers: Sequence[int]) -> list[str]:
    """Return, for each exercise whose saved state differs from the fresh run's, a sentence saying how.

    >>> right = Record("02-the-figures", 3, "correct", None, "Well done.", 1, "0.1.0")
    >>> compare({3: right}, {}, [1, 2, 3])
    ['exercise 3 is saved as correct but is not attempted in a fresh run']
    """
    differences = []
    for number in numbers:
        before, after = saved.get(number), fresh.get(number)
        if _describe(before) != _describe(after):
            differences.append(f"exercise {number} is saved as {_describe(before)} but is "
                               f"{_describe(after)} in a fresh run")
    return differences


def execution_problems(submissions: Sequence[Submission], runs: Sequence[FreshRun],
                       numbers: Mapping[str, Sequence[int]]) -> list[Problem]:
    """Return a problem for each submission the fresh run did not confirm, or could not run."""
    problems = []
    for sub, run in zip(submissions, runs):
        if run.states is None:
            problems.append(Problem(sub.file, run.failure or "not run", True))
            continue
        differences = compare(sub.states, run.states, numbers[sub.notebook])
        if differences:
            problems.append(Problem(sub.file, "its saved checks disagree with a fresh run (an output edited by "
                                    "hand, or cells run out of order): " + "; ".join(differences), True))
    return problems
