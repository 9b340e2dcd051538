"""`make bench` (tools/bench.py): the report says which targets are met and names every miss.

The measurements themselves take minutes and depend on the machine, so they are not run here;
the report is built from results of the same shape the measurements produce.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from tool_modules import load_tool

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def bench():
    return load_tool("bench")


def results(bench, *, above: float = 1.0, peak: float = 140.0, helpers_s: float = 0.01,
            suite: list[tuple[float, bool]] = ((45.0, True),), class_report_s: float = 1.5,
            site_s: float = 12.4) -> dict:
    """Results shaped like bench.py's: two floors, one student and one solution notebook."""
    floor = 0.9
    runs = [{"wall_s": wall, "cpu_s": 70.0, "passed": passed, "load_before": 1.0,
             "summary": "10 passed in 44.0s" if passed else "1 failed, 9 passed in 44.0s"}
            for wall, passed in suite]
    return {
        "notebooks": [
            {"notebook": "(empty notebook)", "seconds": 0.0, "peak_mb": 51.0},
            {"notebook": "(imports only: the floor)", "seconds": floor, "peak_mb": 123.0},
            {"notebook": "00-start-here.ipynb", "seconds": floor - 0.2, "peak_mb": 96.0, "above_floor_s": -0.2},
            {"notebook": "solutions/02-the-figures.ipynb", "seconds": floor + above, "peak_mb": peak,
             "above_floor_s": above},
        ],
        "import_helpers_s": helpers_s,
        "suite_runs": runs,
        "suite_s": bench.suite_seconds(runs),
        "class_report": {"notebooks": 300, "students": 50, "bytes": 45_000_000, "report_s": class_report_s,
                         "parse_s": 4.0, "target_s": 10.0, "met": class_report_s < 10.0},
        "site": {"cold_s": 31.0, "warm_s": site_s, "execute_s": 0.4, "sphinx_s": 11.8, "target_s": 60.0,
                 "met": site_s < 60.0},
        "cores": 2,
        "targets": {},
    }


def test_report_lists_every_notebook_and_says_all_targets_met(bench):
    text, misses = bench.report(results(bench))
    assert misses == []
    assert text.endswith("All targets met.")
    for name in ["(empty notebook)", "(imports only: the floor)", "00-start-here.ipynb",
                 "solutions/02-the-figures.ipynb"]:
        assert f"| {name} |" in text
    assert "45.0 s" in text and "70 s of CPU on 2 cores" in text
    assert "class report on 300 notebooks (50 students, 45 MB): 1.5 s (target 10 s)" in text
    assert "make site (both views): 12.4 s from a warm cache" in text


@pytest.mark.parametrize("changes, named", [
    ({"above": 2.5}, "solutions/02-the-figures.ipynb runs 2.50 s above the floor"),
    ({"peak": 300.0}, "solutions/02-the-figures.ipynb peaks at 300 MB"),
    ({"helpers_s": 0.5}, "import helpers is too slow"),
    ({"suite": [(121.0, True)]}, "the test suite is too slow"),
    ({"class_report_s": 12.0}, "class report"),
    ({"site_s": 75.0}, "make site takes 75.0 s"),
    ({"suite": [(40.0, False)]}, "the test suite failed in run 1"),
])
def test_report_names_each_missed_target(bench, changes, named):
    text, misses = bench.report(results(bench, **changes))
    assert len(misses) == 1 and named in misses[0]
    assert "Targets missed:" in text and named in text


def test_suite_target_is_held_against_the_median_run(bench):
    # One slow run out of three (a busy machine) does not miss the target; two do.
    text, misses = bench.report(results(bench, suite=[(45.0, True), (130.0, True), (50.0, True)]))
    assert misses == [] and "50.0 s (median)" in text
    text, misses = bench.report(results(bench, suite=[(45.0, True), (130.0, True), (125.0, True)]))
    assert misses == ["the test suite is too slow"] and "125.0 s (median)" in text


def test_suite_seconds_is_the_median_wall_time(bench):
    assert bench.suite_seconds([{"wall_s": 40.0}, {"wall_s": 50.0}]) == 45.0
    assert bench.suite_seconds([{"wall_s": 61.0}]) == 61.0
    assert bench.suite_seconds([]) is None


def test_report_without_a_suite_run_says_nothing_about_the_suite(bench):
    text, misses = bench.report(results(bench, suite=[]))
    assert misses == [] and "suite" not in text


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux's /proc")
def test_peak_memory_is_read_for_a_live_process(bench):
    assert 1 < bench.peak_rss_mb(os.getpid()) < 10_000
    assert bench.peak_rss_mb(2**22 + 1) is None  # no such process: no figure, no crash
