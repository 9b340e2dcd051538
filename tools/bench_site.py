"""Time `make site`: the website's build, from an empty cache and again from a warm one.

    python tools/bench_site.py            # prints the times; exit code 1 if the target is missed

Each build is the one `make site` runs (tools/build_site.py: both views, offline), into a temporary
folder. The first starts from an empty cache of executed notebooks, as on a fresh clone; the next
ones reuse it, as after any earlier build. The warm build's median is held against the target.

Target (2 cores): a warm build in under 60 s.
"""

from __future__ import annotations

import importlib.util
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_S = 60.0


def _build_site_module():
    spec = importlib.util.spec_from_file_location("build_site", ROOT / "tools" / "build_site.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def bench_site(repeat: int = 2) -> dict:
    """Return the times (s) of one build from an empty cache and the median of `repeat` warm builds.

    Keys: cold_s, warm_s, execute_s and sphinx_s (of the last warm build: running notebooks, Sphinx),
    target_s, met (the warm build is under the target).
    """
    build_site = _build_site_module()
    with tempfile.TemporaryDirectory(prefix="wuzhen-bench-site-") as folder:
        cache = Path(folder) / "cache"
        start = time.perf_counter()
        build_site.build(Path(folder) / "cold", cache=cache, environ={}, log=lambda message: None)
        cold = time.perf_counter() - start
        warm_runs = []
        for run in range(repeat):
            result = build_site.build(Path(folder) / f"warm-{run}", cache=cache, environ={}, log=lambda message: None)
            warm_runs.append(result)
    warm = statistics.median(run["seconds"] for run in warm_runs)
    return {"cold_s": cold, "warm_s": warm, "execute_s": warm_runs[-1]["execute_s"],
            "sphinx_s": warm_runs[-1]["sphinx_s"], "target_s": TARGET_S, "met": warm < TARGET_S}


def describe(results: dict) -> tuple[str, list[str]]:
    """Return the printed line for `results` and the targets missed (empty: met).

    >>> text, misses = describe({"cold_s": 31.0, "warm_s": 12.4, "execute_s": 0.4, "sphinx_s": 11.8,
    ...                          "target_s": 60.0, "met": True})
    >>> print(text)
    make site (both views): 12.4 s from a warm cache (target 60 s; Sphinx 11.8 s), 31.0 s from an empty one
    >>> misses
    []
    """
    text = (f"make site (both views): {results['warm_s']:.1f} s from a warm cache (target {results['target_s']:g} s; "
            f"Sphinx {results['sphinx_s']:.1f} s), {results['cold_s']:.1f} s from an empty one")
    misses = [] if results["met"] else [f"make site takes {results['warm_s']:.1f} s from a warm cache"]
    return text, misses


def main() -> int:
    text, misses = describe(bench_site())
    print(text)
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(main())
