"""Reading one saved notebook: which notebook of the collection it is, its records, and what is wrong with it.

Nothing is executed: the file's JSON is read as text. The notebook is recognised, in this order, by
the line that imports its exercises (``from helpers.exercises import nb02 as ex``), by the records
of its checks, and by its file name (``02-the-figures (3).ipynb``, ``alice_02-the-figures.ipynb``).
"""

from __future__ import annotations

import collections
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .records import RECORD_MIME, Record, parse_record

#: One output larger than this (in characters) is reported as a huge output; the notebook is still read.
HUGE_OUTPUT_CHARS = 1_000_000

_IMPORT = re.compile(r"\bhelpers\.exercises\s+import\s+(nb\d+)\b|\bhelpers\.exercises\.(nb\d+)\b")
_SOLUTION_MARK = re.compile(r"#\s*SOLUTION\s*$", re.MULTILINE)
# The first line of a check's visible feedback, as this and earlier versions of the collection write it.
_FEEDBACK = re.compile(r"^Exercise \d+ · .* — (Correct|Not yet right|Not attempted)\.", re.MULTILINE)


@dataclass
class NotebookReading:
    """What one file holds: the collection's notebook it is (or why it is not counted), its records, notes."""

    notebook: str | None = None
    records: list[Record] = field(default_factory=list)
    skip: str | None = None
    notes: list[str] = field(default_factory=list)


def _text(value: Any) -> str:
    """Return a notebook text field (a string or a list of strings) as one string."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "".join(item for item in value if isinstance(item, str))
    return ""


def _output_chars(output: dict) -> int:
    """Return about how many characters an output holds (its text, data and traceback)."""
    size = len(_text(output.get("text")))
    data = output.get("data")
    if isinstance(data, dict):
        size += sum(len(_text(value)) for value in data.values())
    size += len(_text(output.get("traceback")))
    return size


def notebook_from_file_name(file_name: str, known: Mapping[str, str]) -> str | None:
    """Return the collection's notebook that a file name names (the longest match), or None.

    `known` maps each notebook's name (``02-the-figures``) to its exercise module (``nb02``).

    >>> notebook_from_file_name("Alice_02-the-figures (3).ipynb", {"02-the-figures": "nb02"})
    '02-the-figures'
    >>> notebook_from_file_name("homework.ipynb", {"02-the-figures": "nb02"}) is None
    True
    """
    name = file_name.casefold()
    found = [stem for stem in known if stem.casefold() in name]
    return max(found, key=len) if found else None


def read_notebook(data: bytes, file_name: str, known: Mapping[str, str], version: str) -> NotebookReading:
    """Return what the saved notebook `data` (the file's bytes) holds; never raises for bad input.

    `known` maps each notebook of the collection to its exercise module; `version` is the
    collection's version, to notice records saved by another one.

    >>> read_notebook(b"{not json", "02-the-figures.ipynb", {"02-the-figures": "nb02"}, "0.1.0").skip
    'not valid JSON (a file cut short, or not a notebook): not read'
    """
    reading = NotebookReading()
    if not data.strip():
        reading.skip = "an empty file (0 bytes of notebook): not read"
        return reading
    try:
        nb = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        reading.skip = "not valid JSON (a file cut short, or not a notebook): not read"
        return reading
    if isinstance(nb, dict) and "worksheets" in nb:
        reading.skip = "a notebook of the old format 3, which this collection never wrote: not read"
        return reading
    if not isinstance(nb, dict) or not isinstance(nb.get("cells"), list):
        reading.skip = "JSON, but not a Jupyter notebook (it has no cells): not read"
        return reading
    cells = [cell for cell in nb["cells"] if isinstance(cell, dict)]
    if not cells:
        reading.skip = "an empty notebook (it has no cells): not read"
        return reading

    modules: collections.Counter[str] = collections.Counter()
    solution = ran = feedback_without_record = False
    bad_records: list[int] = []
    huge: list[tuple[int, int]] = []
    records: list[Record] = []
    code_number = 0
    for cell in cells:
        if cell.get("cell_type") != "code":
            continue
        code_number += 1
        source = _text(cell.get("source"))
        modules.update(a or b for a, b in _IMPORT.findall(source))
        tags = cell.get("metadata", {}).get("tags", []) if isinstance(cell.get("metadata"), dict) else []
        if _SOLUTION_MARK.search(source) or (isinstance(tags, list) and "solution-only" in tags):
            solution = True
        outputs = cell.get("outputs")
        if not isinstance(outputs, list):
            continue
        if outputs or cell.get("execution_count") is not None:
            ran = True
        for output in outputs:
            if not isinstance(output, dict):
                continue
            size = _output_chars(output)
            if size > HUGE_OUTPUT_CHARS:
                huge.append((code_number, size))
            data_ = output.get("data")
            if not isinstance(data_, dict):
                continue
            if RECORD_MIME in data_:
                record = parse_record(data_[RECORD_MIME])
                if record is None:
                    bad_records.append(code_number)
                else:
                    records.append(record)
            elif _FEEDBACK.search(_text(data_.get("text/plain"))):
                feedback_without_record = True

    by_module = {module: stem for stem, module in known.items()}
    named = collections.Counter(r.notebook for r in records if r.notebook in known)
    by_name = notebook_from_file_name(file_name, known)
    if any(module in by_module for module in modules):
        reading.notebook = by_module[next(m for m, _ in modules.most_common() if m in by_module)]
    elif named:
        reading.notebook = max(named, key=lambda n: (named[n], n == by_name))
    else:
        reading.notebook = by_name

    if solution:
        reading.skip = ("a solution notebook (it holds the worked answers marked # SOLUTION), "
                        "not a student's work: not counted")
        return reading
    if reading.notebook is None:
        reading.skip = ("not a notebook of this collection (another course's notebook?): "
                        "its name and its cells name none of our notebooks; not counted")
        return reading
    if by_name is not None and by_name != reading.notebook:
        reading.notes.append(f"its file name says {by_name}, but its cells are those of "
                             f"{reading.notebook}: read as {reading.notebook}")
    others = sorted({r.notebook for r in records if r.notebook != reading.notebook})
    if others:
        reading.notes.append(f"it holds checks of {', '.join(others)} too (cells copied from another "
                             "notebook?): those were not counted")
    reading.records = [r for r in records if r.notebook == reading.notebook]
    if bad_records:
        cells_ = ", ".join(str(n) for n in sorted(set(bad_records)))
        reading.notes.append(f"code cell {cells_} holds a check record that cannot be read (edited by hand?): "
                             "not counted")
    if huge:
        biggest = max(huge, key=lambda item: item[1])
        reading.notes.append(f"it holds a huge output ({biggest[1] / 1e6:.1f} million characters in code cell "
                             f"{biggest[0]}); it was read")
    if not reading.records and feedback_without_record:
        reading.skip = ("saved by an older version of the collection: its checks show feedback but left no "
                        "record, so its exercises cannot be counted; not counted (ask the student to update "
                        "the collection and run the checks again)")
        return reading
    versions = sorted({r.version for r in reading.records if r.version != version})
    if versions:
        reading.notes.append(f"saved with version {', '.join(versions)} of the collection (this report is "
                             f"version {version}): counted, but a mistake may be named differently there")
    if not ran:
        reading.notes.append("saved without any output (was it run before saving?): "
                             "its exercises count as not attempted")
    return reading
