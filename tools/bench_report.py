"""Time the class report on a made-up class of 50 students by 6 notebooks (300 notebooks).

    python tools/bench_report.py            # prints the times; exit code 1 if the target is missed

The report is timed as an instructor runs it (``python -m helpers.report SUBMISSIONS --out DIR``,
a fresh Python: imports, finding, reading, counting, writing), beside the time to merely parse the
same 300 files with nbformat (``nbformat.read``, which also validates them) in one Python. The
class is helpers/report/synthetic.py's: the student notebooks with the solutions' stored outputs
(tables, figures) and a check record in each check cell, as large as notebooks saved after a class.

Target (2 cores): the report reads the 300 notebooks in under 10 s.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TARGET_S = 10.0


def bench_report(students: int = 50, repeat: int = 3) -> dict:
    """Return the median times (s) of the report and of parsing with nbformat, over `repeat` runs, on a made-up class.

    Keys: notebooks, students, bytes (of the class), report_s, parse_s, target_s, met.
    """
    import nbformat

    from helpers.report.synthetic import make_class

    with tempfile.TemporaryDirectory(prefix="wuzhen-bench-report-") as folder:
        submissions = Path(folder) / "class"
        planted = make_class(submissions, students)
        paths = sorted(submissions.rglob("*.ipynb"))
        report_times, parse_times = [], []
        for run in range(repeat):
            out = Path(folder) / f"report-{run}"
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "helpers.report", str(submissions), "--out", str(out)],
                           cwd=ROOT, check=True, capture_output=True)
            report_times.append(time.perf_counter() - start)
            start = time.perf_counter()
            for path in paths:
                nbformat.read(path, as_version=4)
            parse_times.append(time.perf_counter() - start)
        size = sum(path.stat().st_size for path in paths)
    report_s = statistics.median(report_times)
    return {"notebooks": len(planted.files), "students": students, "bytes": size,
            "report_s": report_s, "parse_s": statistics.median(parse_times),
            "target_s": TARGET_S, "met": report_s < TARGET_S}


def describe(results: dict) -> tuple[str, list[str]]:
    """Return the printed lines for `results` and the targets missed (empty: met).

    >>> text, misses = describe({"notebooks": 300, "students": 50, "bytes": 45_000_000, "report_s": 1.5,
    ...                          "parse_s": 4.0, "target_s": 10.0, "met": True})
    >>> print(text)
    class report on 300 notebooks (50 students, 45 MB): 1.5 s (target 10 s); parsing them with nbformat: 4.0 s
    >>> misses
    []
    """
    text = (f"class report on {results['notebooks']} notebooks ({results['students']} students, "
            f"{results['bytes'] / 1e6:.0f} MB): {results['report_s']:.1f} s (target {results['target_s']:g} s); "
            f"parsing them with nbformat: {results['parse_s']:.1f} s")
    misses = [] if results["met"] else [f"the class report takes {results['report_s']:.1f} s on "
                                        f"{results['notebooks']} notebooks"]
    return text, misses


def main() -> int:
    text, misses = describe(bench_report())
    print(text)
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(main())
