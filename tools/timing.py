"""How long each notebook takes a beginner, by a documented timing model, beside the manifest's minutes.

    python tools/timing.py          # one line per notebook: the model's minutes, the manifest's, the gap

The model (issue 14, "honest timings"), for a student new to Python, working in a room:

- prose: 150 words a minute. The words of every Markdown cell of the student notebook count, except
  code blocks, link targets and HTML tags, and except what stands inside a collapsible
  `<details>` section ("Going further": optional depth, not part of the path);
- code: 20 to 30 seconds for each code cell to read and run, except the cells of an exercise (the
  cell that checks an answer, and the one that offers hints), whose time is the exercise's;
- exercises: 4 to 6 minutes each, by the kind that notebooks/lessons.toml records (EXERCISE_MINUTES);
- open questions ("Think about it", [[notebook.open_question]] in the manifest): 5 minutes each.

The result is a range (code cells at 20 s, then at 30 s), rounded up to whole minutes. The tool reads
the student notebooks in notebooks/ and the manifest, and prints each notebook's range beside the
manifest's teaching + exercise minutes and the gap between them. It changes no file.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
MANIFEST = NOTEBOOKS / "lessons.toml"

WORDS_PER_MINUTE = 150
CODE_CELL_SECONDS = (20, 30)
#: Minutes for one exercise, by the kind the manifest records (helpers/checking/interactions.py lists them).
EXERCISE_MINUTES = {
    "predict": 4,  # write one value, run a cell, compare
    "parsons": 4,  # read a few given lines, choose or order them
    "compute": 5,  # write the code for one value
    "fix": 5,  # find why given code fails, repair it
    "label": 6,  # read several sentences and decide for each
    "claim": 6,  # find the sentence, write a claim that says no more than it
}
OPEN_QUESTION_MINUTES = 5

EXERCISE_CELL = re.compile(r"\bex\.q\d+\.(check|hint|solution)\(")
WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


@dataclass(frozen=True)
class Estimate:
    """A notebook's minutes by the model: the parts, and the total as a range (low, high)."""

    words: int
    code_cells: int
    exercise_minutes: int
    open_questions: int

    @property
    def reading(self) -> float:
        return self.words / WORDS_PER_MINUTE

    def total(self, seconds_per_cell: int) -> int:
        """Return the whole minutes (rounded up) with code cells at seconds_per_cell each."""
        minutes = (self.reading + self.code_cells * seconds_per_cell / 60 + self.exercise_minutes
                   + self.open_questions * OPEN_QUESTION_MINUTES)
        return math.ceil(minutes - 1e-9)

    @property
    def low(self) -> int:
        return self.total(CODE_CELL_SECONDS[0])

    @property
    def high(self) -> int:
        return self.total(CODE_CELL_SECONDS[1])


def prose_words(markdown: str) -> int:
    """Return the words a student reads in a Markdown cell (no code blocks, link targets, tags or <details>).

    >>> prose_words("Read **this** [link](https://example.org/a-b). <b>Two</b> words.")
    5
    >>> prose_words("Before.\\n<details><summary>Going further</summary>\\n\\nMany more words here.\\n</details>")
    1
    """
    text = re.sub(r"<details\b.*?</details>", " ", markdown, flags=re.S | re.I)
    text = re.sub(r"```.*?```", " ", text, flags=re.S)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    text = re.sub(r"<[^>]+>", " ", text)
    return len(WORD.findall(text))


def is_exercise_cell(source: str) -> bool:
    """Return True for the cells of an exercise: the one that checks an answer, the one that offers hints.

    >>> is_exercise_cell("answer = ...\\nex.q1.check(answer)"), is_exercise_cell("# ex.q1.hint()")
    (True, True)
    >>> is_exercise_cell("ex = 1")
    False
    """
    return EXERCISE_CELL.search(source) is not None


def estimate(notebook: dict[str, Any], exercise_kinds: list[str], open_questions: int) -> Estimate:
    """Return the model's estimate for a notebook (as nbformat JSON), given its exercises' kinds.

    Raises KeyError for an exercise kind the model has no minutes for.
    """
    words, cells = 0, 0
    for cell in notebook.get("cells", []):
        source = "".join(cell.get("source", ""))
        if cell.get("cell_type") == "markdown":
            words += prose_words(source)
        elif cell.get("cell_type") == "code" and source.strip() and not is_exercise_cell(source):
            cells += 1
    return Estimate(words, cells, sum(EXERCISE_MINUTES[kind] for kind in exercise_kinds), open_questions)


def lessons() -> list[dict[str, Any]]:
    """Return the manifest's notebooks (notebooks/lessons.toml)."""
    return tomllib.loads(MANIFEST.read_text(encoding="utf-8"))["notebook"]


def report(folder: Path = NOTEBOOKS) -> list[str]:
    """Return the report's lines: for each notebook, the model's minutes beside the manifest's, and the gap."""
    lines = [f"{'notebook':<42} {'prose words':>11} {'code cells':>10} {'exercises':>9} "
             f"{'model':>9} {'manifest':>8} {'gap':>9}"]
    totals = [0, 0, 0]
    for lesson in lessons():
        notebook = json.loads((folder / lesson["file"]).read_text(encoding="utf-8"))
        kinds = [item.get("kind", "compute") for item in lesson.get("exercise", [])]
        found = estimate(notebook, kinds, len(lesson.get("open_question", [])))
        stated = lesson["teaching_minutes"] + lesson["exercise_minutes"]
        totals = [totals[0] + found.low, totals[1] + found.high, totals[2] + stated]
        gap = f"{found.low - stated:>+4}..{found.high - stated:+} m"
        lines.append(f"{lesson['file']:<42} {found.words:>11} {found.code_cells:>10} {found.exercise_minutes:>7} m "
                     f"{found.low:>3}-{found.high:<3} m {stated:>6} m {gap}")
    lines.append(f"{'series':<42} {'':>11} {'':>10} {'':>9} {totals[0]:>3}-{totals[1]:<3} m {totals[2]:>6} m "
                 f"{totals[0] - totals[2]:>+4}..{totals[1] - totals[2]:+} m")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.parse_args(argv)
    print("\n".join(report()))
    print(f"\nModel: prose at {WORDS_PER_MINUTE} words a minute, {CODE_CELL_SECONDS[0]} to {CODE_CELL_SECONDS[1]} s "
          f"per code cell, exercises by kind {EXERCISE_MINUTES}, {OPEN_QUESTION_MINUTES} min per open question.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
