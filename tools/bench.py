"""Measure what students feel: `make bench`.

For every notebook (student and solution versions), the time to run all its cells in a fresh
kernel and the kernel's peak memory, beside two floors measured in the same run (an empty
notebook, and one that only imports pandas, matplotlib and helpers); the time of `import helpers` beyond pandas and
matplotlib; and the time of the whole test suite (`--suite-runs 3` for a median where the
machine is shared and timings vary), with the CPU time it used. Prints a table and writes
bench-results/bench.json and bench-results/bench.md (git-ignored).

It also times the class report on a made-up class of 300 notebooks (tools/bench_report.py) and
the website's build (tools/bench_site.py); `make bench` then runs the class simulation on a local
JupyterHub (tools/class_sim.py).

Targets (2 cores): each notebook at most 2 s above the import floor; peak kernel memory under
250 MB; `import helpers` under 0.3 s beyond pandas and matplotlib; the suite under 120 s; the class
report on 300 notebooks under 10 s; `make site` under 60 s from a warm cache.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

sys.path.insert(0, str(Path(__file__).resolve().parent))  # tools/, for bench_report beside this file
from bench_report import bench_report  # noqa: E402
from bench_report import describe as describe_report  # noqa: E402
from bench_site import bench_site  # noqa: E402
from bench_site import describe as describe_site  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench-results"
# The suite's target grew from 60 s to 120 s when the class report's and the hub's tests joined it.
TARGETS = {"above_floor_s": 2.0, "peak_mb": 250.0, "import_helpers_s": 0.3, "suite_s": 120.0}
IMPORTS_ONLY = "import matplotlib.pyplot as plt\nimport pandas as pd\nimport helpers"


def peak_rss_mb(pid: int) -> float | None:
    """Return the peak resident memory (VmHWM) of process `pid` in MB, where Linux tells it."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text(encoding="utf-8").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def run_notebook(nb: nbformat.NotebookNode, cwd: Path) -> tuple[float, float | None]:
    """Return (seconds to run every cell, kernel peak MB) for `nb` in a fresh kernel."""
    client = NotebookClient(nb, kernel_name="python3", timeout=300,
                            resources={"metadata": {"path": str(cwd)}})
    with client.setup_kernel():
        pid = client.km.provisioner.process.pid
        start = time.perf_counter()
        for index, cell in enumerate(nb.cells):
            client.execute_cell(cell, index)
        seconds = time.perf_counter() - start
        return seconds, peak_rss_mb(pid)


def median_of(repeat: int, nb_factory, cwd: Path) -> tuple[float, float | None]:
    """Return the median time and the largest peak memory over `repeat` fresh kernels."""
    runs = [run_notebook(nb_factory(), cwd) for _ in range(repeat)]
    peaks = [peak for _, peak in runs if peak is not None]
    return statistics.median(t for t, _ in runs), (max(peaks) if peaks else None)


def import_helpers_seconds(repeat: int) -> float:
    """Return the median time of `import helpers` after pandas and matplotlib, in fresh Pythons."""
    code = ("import time, pandas, matplotlib, matplotlib.pyplot; t = time.perf_counter(); "
            "import helpers; print(time.perf_counter() - t)")
    times = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, encoding="utf-8",
                                  check=True, cwd=ROOT / "notebooks").stdout) for _ in range(repeat)]
    return statistics.median(times)


def run_suite() -> dict:
    """Run the whole test suite as `make test` does; return its wall time, the CPU time it used
    and whether it passed. The CPU time counts the processes Python waited for (pytest, its
    workers and what they reaped); a process nobody waits for is missed, so it is a lower bound."""
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    # As `make test`: with bytecode caching, which pytest needs to keep its rewritten test modules.
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="")
    result = subprocess.run([sys.executable, "-m", "pytest", "-q"], cwd=ROOT, check=False, env=env,
                            capture_output=True, text=True, encoding="utf-8", errors="replace")
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    summary = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else "no output"
    return {"wall_s": seconds, "cpu_s": cpu, "passed": result.returncode == 0, "summary": summary,
            "load_before": load}


def suite_seconds(runs: list[dict]) -> float | None:
    """Return the suite time held against the target: the median wall time of the runs
    (the mean of the middle two for an even number), or None when the suite was not run.

    >>> suite_seconds([{"wall_s": 45.0}, {"wall_s": 70.0}, {"wall_s": 50.0}])
    50.0
    >>> suite_seconds([]) is None
    True
    """
    return statistics.median(run["wall_s"] for run in runs) if runs else None


def report(results: dict) -> tuple[str, list[str]]:
    """Return the printed report of `results` and the list of targets it misses (empty: all met)."""
    rows, suite_runs = results["notebooks"], results["suite_runs"]
    misses = []
    lines = ["| notebook | run all (s) | above floor (s) | peak kernel memory (MB) |",
             "| --- | ---: | ---: | ---: |"]
    for row in rows:
        above = row.get("above_floor_s")
        peak = row["peak_mb"]
        lines.append(f"| {row['notebook']} | {row['seconds']:.2f} | "
                     f"{'' if above is None else f'{above:.2f}'} | {'n/a' if peak is None else f'{peak:.0f}'} |")
        if above is not None and above > TARGETS["above_floor_s"]:
            misses.append(f"{row['notebook']} runs {above:.2f} s above the floor")
        if peak is not None and peak > TARGETS["peak_mb"]:
            misses.append(f"{row['notebook']} peaks at {peak:.0f} MB")
    if any(row.get("above_floor_s", 0) < 0 for row in rows):
        lines.append("")
        lines.append("(A negative figure: that notebook does less than the floor, e.g. imports only helpers.)")
    lines.append("")
    lines.append(f"import helpers beyond pandas and matplotlib: {results['import_helpers_s']:.3f} s "
                 f"(target {TARGETS['import_helpers_s']} s)")
    if results["import_helpers_s"] > TARGETS["import_helpers_s"]:
        misses.append("import helpers is too slow")
    for number, run in enumerate(suite_runs, start=1):
        load = "" if run["load_before"] is None else f", load average {run['load_before']:.1f} before it"
        lines.append(f"whole test suite, run {number}: {run['wall_s']:.1f} s "
                     f"({run['cpu_s']:.0f} s of CPU on {results['cores']} cores{load}): {run['summary']}")
        if not run["passed"]:
            misses.append(f"the test suite failed in run {number} (run `make test` to see why)")
    if results["suite_s"] is not None:
        median = " (median)" if len(suite_runs) > 1 else ""
        lines.append(f"whole test suite: {results['suite_s']:.1f} s{median} (target {TARGETS['suite_s']:.0f} s)")
        if results["suite_s"] > TARGETS["suite_s"]:
            misses.append("the test suite is too slow")
    for key, describe in (("class_report", describe_report), ("site", describe_site)):
        if results.get(key):
            text, more_misses = describe(results[key])
            lines.append(text)
            misses.extend(more_misses)
    lines.append("")
    lines.append("All targets met." if not misses else "Targets missed: " + "; ".join(misses) + ".")
    return "\n".join(lines), misses


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time every notebook and the test suite.")
    parser.add_argument("--repeat", type=int, default=3, help="fresh kernels per notebook (median)")
    parser.add_argument("--no-suite", action="store_true", help="skip timing the test suite")
    parser.add_argument("--suite-runs", type=int, default=1,
                        help="runs of the test suite; the median is held against the target")
    args = parser.parse_args(argv)

    folder = ROOT / "notebooks" / "solutions"
    empty = median_of(args.repeat, lambda: nbformat.v4.new_notebook(), folder)
    floor = median_of(args.repeat, lambda: nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_code_cell(IMPORTS_ONLY)]), folder)
    rows = [{"notebook": "(empty notebook)", "seconds": empty[0], "peak_mb": empty[1]},
            {"notebook": "(imports only: the floor)", "seconds": floor[0], "peak_mb": floor[1]}]
    # Both versions: students run the one with placeholders, instructors the worked solutions.
    for path in [*sorted((ROOT / "notebooks").glob("*.ipynb")), *sorted(folder.glob("*.ipynb"))]:
        seconds, peak = median_of(args.repeat, lambda path=path: nbformat.read(path, as_version=4), path.parent)
        name = path.relative_to(ROOT / "notebooks").as_posix()
        rows.append({"notebook": name, "seconds": seconds, "peak_mb": peak,
                     "above_floor_s": seconds - floor[0]})
        print(f"measured {name}", file=sys.stderr, flush=True)
    class_report = bench_report(repeat=args.repeat)
    site = bench_site()
    suite_runs = [] if args.no_suite else [run_suite() for _ in range(args.suite_runs)]
    results = {"notebooks": rows, "import_helpers_s": import_helpers_seconds(args.repeat),
               "class_report": class_report, "site": site,
               "suite_runs": suite_runs,
               "suite_s": suite_seconds(suite_runs),
               "cores": os.cpu_count(), "targets": TARGETS}

    text, misses = report(results)
    print(text)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "bench.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    (RESULTS / "bench.md").write_text(text + "\n", encoding="utf-8")
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(main())
