"""The class simulation of `make bench` (tools/class_sim.py): its report and the sizing rule.

The simulation itself starts a hub and 20 students and takes about a minute on two cores, so it
is not run here; the report is built from results of the same shape the simulation produces.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tool_modules import load_tool

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def sim():
    return load_tool("class_sim")


def student(name: str, total: float = 50.0, server: float = 130.0, peak: float = 140.0,
            failure: str | None = None) -> dict:
    """One student's record, shaped like class_sim's."""
    done = failure is None
    return {"student": name, "ready_s": 20.0, "run_s": total - 30.0 if done else None,
            "total_s": total if done else None, "server_mb": server, "kernel_mb": peak - 2,
            "kernel_peak_mb": peak, "cells": 40 if done else 3, "failure": failure}


def results(students: list[dict], *, hub_mb: float = 200.0, cpu: float | None = None) -> dict:
    return {"notebook": "notebooks/02-the-figures.ipynb", "students": students, "cores": 2,
            "hub_mb": hub_mb, "total_mb": 5000.0, "class_cpu_s": 5.0 * len(students) if cpu is None else cpu,
            "wall_s": 52.0, "load_before": 0.8, "timeout_s": 600, "hub_problems": []}


def test_percentile_is_the_nearest_rank(sim):
    values = [float(v) for v in range(1, 21)]  # 1..20
    assert sim.percentile(values, 50) == 10.0
    assert sim.percentile(values, 95) == 19.0
    assert sim.percentile([7.0], 95) == 7.0
    assert sim.percentile([], 50) is None


def test_report_lists_every_student_and_says_all_finished(sim):
    text, failures = sim.report(results([student(f"student{n:02d}") for n in range(1, 4)]))
    assert failures == []
    assert text.endswith("Every student ran the notebook to the end.")
    for n in range(1, 4):
        assert f"| student{n:02d} | 20.0 | 20.0 | 50.0 | 130 | 138 | 140 | ok |" in text
    assert "link to end of Run All: median 50.0 s, 95th percentile 50.0 s" in text


def test_report_gives_the_median_and_95th_percentile_of_the_time_to_the_end_of_run_all(sim):
    # 20 students taking 31..50 s: the median is the 10th, the 95th percentile the 19th.
    rows = [student(f"student{n:02d}", total=30.0 + n) for n in range(1, 21)]
    text, _ = sim.report(results(rows))
    assert "link to end of Run All: median 40.0 s, 95th percentile 49.0 s" in text


def test_report_names_each_failed_student_with_the_step_and_the_reason(sim):
    rows = [student("student01"),
            student("student02", failure="running code cell 3 of 40: RuntimeError: code cell 3 failed: NameError"),
            student("student03", failure="still waiting for their server when the time limit (600 s) ran out")]
    text, failures = sim.report(results(rows))
    assert len(failures) == 2
    assert failures[0].startswith("student02: running code cell 3 of 40")
    assert "| student03 | 20.0 |  |  | 130 | 138 | 140 | FAILED: still waiting for their server" in text
    assert "2 of 3 students failed: student02: running code cell 3" in text
    # The figures come from the students who finished only.
    assert "link to end of Run All: median 50.0 s" in text


def test_report_shows_what_the_hubs_log_said(sim):
    data = results([student("student01")])
    data["hub_problems"] = ["[E 2026 JupyterHub] Spawn failed: Server didn't respond in 600 seconds"]
    text, _ = sim.report(data)
    assert "The hub's log says:\n    [E 2026 JupyterHub] Spawn failed" in text


def test_sizing_adds_a_server_and_two_kernels_a_student_to_the_hub(sim):
    rows = [student(f"student{n:02d}", server=128.0, peak=144.0) for n in range(1, 21)]
    size = sim.sizing(results(rows, hub_mb=192.0, cpu=100.0), students=30, notebooks=2)
    assert size["memory_gb"] == pytest.approx((192 + 30 * (128 + 2 * 144)) / 1024)
    # 5 s of CPU a student, 30 students, everyone started within 60 s: 150 / 60 -> 3 cores.
    assert size["cpu_per_student_s"] == 5.0 and size["cores"] == 3
    text, _ = sim.report(results(rows, hub_mb=192.0, cpu=100.0))
    assert "Sizing: a class of 30 with 2 notebooks open each needs about 12.4 GB of memory" in text
    assert "and 3 cores" in text


def test_sizing_holds_against_the_heaviest_students_not_the_typical_one(sim):
    # One student in twenty with a much larger kernel moves the 95th percentile, not the median.
    rows = [student(f"student{n:02d}", peak=140.0) for n in range(1, 19)]
    rows += [student("student19", peak=400.0), student("student20", peak=400.0)]
    size = sim.sizing(results(rows), students=30, notebooks=2)
    assert size["kernel_mb"] == 400.0


def test_no_sizing_when_no_student_finished(sim):
    rows = [student("student01", failure="logging in: URLError: connection refused")]
    assert sim.sizing(results(rows)) is None
    text, failures = sim.report(results(rows))
    assert "Sizing" not in text and failures == ["student01: logging in: URLError: connection refused"]


def test_the_simulation_refuses_a_class_of_no_students(sim, capsys):
    with pytest.raises(SystemExit):
        sim.main(["--students", "0"])
    assert "--students must be 1 or more" in capsys.readouterr().err


def test_the_hubs_log_is_read_for_the_errors_themselves_once_each(sim):
    log = "\n".join([
        "[I 2026 JupyterHub] 200 GET /hub/api/",
        "[E 2026 JupyterHub] Spawn failed: Server at /user/student07/ didn't respond in 600 seconds",
        "Traceback (most recent call last):",
        '  File "kernelmanager.py", line 1, in start',
        "TimeoutError: Kernel didn't respond in 60 seconds",
        "Traceback (most recent call last):",
        '  File "kernelmanager.py", line 1, in start',
        "TimeoutError: Kernel didn't respond in 60 seconds",
        "[W 2026 ServerApp] The websocket_ping_timeout (90000) cannot be longer than the websocket_ping_interval",
    ])
    assert sim.log_problems(log) == [
        "[E 2026 JupyterHub] Spawn failed: Server at /user/student07/ didn't respond in 600 seconds",
        "2 x TimeoutError: Kernel didn't respond in 60 seconds",
    ]
