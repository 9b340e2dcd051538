"""The command line: ``python -m helpers.report SUBMISSIONS --out DIR`` (also ``make report``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .build import ReportError, build_report
from .execute import DEFAULT_TIMEOUT
from .pseudonyms import DEFAULT_KEY, KeyFileError

DESCRIPTION = """\
Write a report of what a class got right and which mistakes it made, from the notebooks the
students handed in: DIR/exercises.csv, DIR/mistakes.csv, DIR/students.csv and DIR/report.html.
SUBMISSIONS is a folder (of downloads, of one folder per student, or nbgrader's course folder),
a zip of any of these, or one notebook. It is only read, never changed. Nothing is executed
unless --execute is given."""


def parser() -> argparse.ArgumentParser:
    """Return the command line's parser."""
    p = argparse.ArgumentParser(prog="python -m helpers.report", description=DESCRIPTION,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("submissions", metavar="SUBMISSIONS", type=Path, help="the students' notebooks")
    p.add_argument("--out", metavar="DIR", type=Path, required=True, help="where to write the report")
    p.add_argument("--pseudonymise", metavar="KEYFILE", type=Path, nargs="?", const=DEFAULT_KEY, default=None,
                   help="show stable codes instead of students' names; the codes come from a secret key kept "
                        "in KEYFILE (created on first use; default ~/.config/wuzhen-summit/report-pseudonym.key)")
    p.add_argument("--execute", action="store_true",
                   help="also run every submission in a fresh kernel and flag those whose saved checks disagree "
                        "(this RUNS THE STUDENTS' CODE: see the instructor guide)")
    p.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                   help=f"with --execute: how long one notebook may run (default {DEFAULT_TIMEOUT:g})")
    p.add_argument("--jobs", type=int, default=None, metavar="N",
                   help="with --execute: notebooks run at once (default: one per core)")
    p.add_argument("--advice", type=Path, default=None, metavar="TOML",
                   help="a TOML file with an [advice] table (default: notebooks/lessons.toml)")
    return p


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return its exit code (0: report written; 2: it could not start)."""
    args = parser().parse_args(argv)
    if args.timeout <= 0 or (args.jobs is not None and args.jobs < 1):
        print("--timeout must be more than 0 seconds, and --jobs at least 1.", file=sys.stderr)
        return 2
    try:
        report, paths = build_report(args.submissions, args.out, key_file=args.pseudonymise,
                                     execute=args.execute, timeout=args.timeout, jobs=args.jobs,
                                     advice_file=args.advice)
    except (ReportError, KeyFileError) as exc:
        print(exc, file=sys.stderr)
        return 2
    students = len({s.student for s in report.submissions})
    not_counted = sum(1 for p in report.problems if not p.counted)
    print(f"Read {report.files} notebook files: {len(report.submissions)} counted, from {students} students; "
          f"{len(report.problems)} problems listed in the report ({not_counted} files not counted).")
    for path in paths:
        print(f"Wrote {path}")
    return 0
