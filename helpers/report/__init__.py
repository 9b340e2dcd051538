"""The class report: what a class got right and which mistakes it made, read from the notebooks it handed in.

From a terminal, in the repository::

    python -m helpers.report SUBMISSIONS --out DIR      # or: make report SUBMISSIONS=... OUT=...

writes ``DIR/exercises.csv``, ``DIR/mistakes.csv``, ``DIR/students.csv`` and ``DIR/report.html``.

What it reads. Every check a student runs (``ex.q3.check(answer)``) saves, beside its feedback, a
record of the type :data:`RECORD_MIME`: the notebook, the exercise, the status, the id of the
recognised mistake, the message the student saw, the count of tries and the collection's version;
never an answer. The report reads those records from the saved notebooks and executes nothing
(``--execute`` also runs each one again; see execute.py). Nothing under SUBMISSIONS is written.

The rules (each module's docstring says more):

- an exercise's state is its last record in the notebook (cells top to bottom); no record: not
  attempted (records.py);
- a student is their folder (nbgrader: the folder under ``submitted/``), or the name before the
  notebook's name in a file's name; a browser download with neither counts as a student of its
  own (layouts.py);
- a student who handed in a notebook twice: the newest file counts, and the report says so;
- bad input (invalid JSON, another course's notebook, a solution notebook, an empty notebook,
  huge outputs, an older version of the collection...) is listed with its file name, never fatal
  (reading.py, aggregate.py);
- ``--pseudonymise`` shows stable codes in place of names, in every file (pseudonyms.py).

Modules: layouts (finding the files and their students), reading (one notebook), records (the
record and the last-record rule), aggregate (the counts), tables (CSV), page (HTML), advice (the
guide's advice per mistake), execute (``--execute``), build (all of it), cli (the command line),
synthetic (a made-up class for the tests and ``make bench``).
"""

from .aggregate import ClassReport, read_class
from .build import ReportError, build_report
from .records import RECORD_MIME, Record, exercise_states, parse_record

__all__ = [
    "RECORD_MIME",
    "ClassReport",
    "Record",
    "ReportError",
    "build_report",
    "exercise_states",
    "parse_record",
    "read_class",
]
