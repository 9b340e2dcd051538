"""Write the generated parts of the teaching documents: the guide's answer keys and README's table.

    python tools/build_guide.py           # rewrite them
    python tools/build_guide.py --check   # exit 1 if one is out of date

README.md's notebook table (between ``<!-- notebook-table ... -->`` and
``<!-- end notebook-table -->``) is written from the lesson manifest, notebooks/lessons.toml.

The guide's prose is written by hand. Each notebook's section holds a block between
``<!-- answers: NN-file.ipynb -->`` and ``<!-- end answers -->``; this script fills it with every
exercise's answer, worked solution, reasoning, and the mistakes its check recognises, taken from
``helpers/exercises``, so the key can never disagree with what the checks accept.
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from pathlib import Path

from helpers import checking
from helpers.exercises import NOTEBOOK_MODULES, exercise_set

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "instructors" / "guide.md"
README = ROOT / "README.md"
MANIFEST = ROOT / "notebooks" / "lessons.toml"
TABLE = re.compile(r"(<!-- notebook-table[^\n]*-->\n)(.*?)(<!-- end notebook-table -->)", re.S)
BLOCK = re.compile(r"(<!-- answers: (?P<file>\S+) -->\n)(?P<body>.*?)(<!-- end answers -->)", re.S)


ROUNDED = re.compile(r"rounded to (\d+) decimal place")


def show(value, answer_type: str = "") -> str:
    """Return a short, readable form of an answer for the key.

    An answer asked for "rounded to N decimal place(s)" is shown rounded, as the student gives it:

    >>> show(30.1333, "a decimal number, rounded to 1 decimal place"), show(30.1333)
    ('30.1', '30.1333')
    """
    if hasattr(value, "tolist"):
        value = value.tolist()
    rounded = ROUNDED.search(answer_type)
    if rounded and isinstance(value, float):
        return f"{round(value, int(rounded.group(1)))}"
    if isinstance(value, float):
        return f"{value:.6g}"
    if isinstance(value, (set, frozenset)):
        return "{" + ", ".join(repr(item) for item in sorted(value, key=str)) + "}"
    return repr(value)


def answer_key(notebook: str) -> str:
    """Return the Markdown answer key of one notebook."""
    parts = []
    for exercise in exercise_set(notebook):
        key = checking.answer_key(exercise)
        lines = [f"#### Exercise {exercise.number}: {exercise.title}", "",
                 f"**Answer**, {exercise.answer_type}: `{show(key.expected, exercise.answer_type)}`", "",
                 "```python", key.solution, "```", ""]
        if key.explanation:
            lines += [f"**Why:** {key.explanation}", ""]
        if exercise.mistakes:
            lines += ["**Mistakes the check recognises**, with what it tells the student:", ""]
            lines += [f"- `{show(m.example)}`: {m.message}" for m in exercise.mistakes]
            lines.append("")
        parts.append("\n".join(lines))
    return "\n".join(parts)


def rebuilt(text: str) -> str:
    """Return the guide with every answer block regenerated."""
    def fill(match: re.Match) -> str:
        if match["file"] not in NOTEBOOK_MODULES:
            raise SystemExit(f"guide.md names an unknown notebook: {match['file']}")
        return match.group(1) + "\n" + answer_key(match["file"]) + "\n" + match.group(4)

    return BLOCK.sub(fill, text)


def notebook_table() -> str:
    """Return README's table of notebooks (title, question, minutes) from the manifest."""
    lessons = tomllib.loads(MANIFEST.read_text(encoding="utf-8"))["notebook"]
    rows = ["| notebook | the question it answers | minutes |", "| --- | --- | --- |"]
    for lesson in lessons:
        minutes = lesson["teaching_minutes"] + lesson["exercise_minutes"]
        rows.append(f"| [{lesson['title']}](notebooks/{lesson['file']}) | {lesson['question']} | {minutes} |")
    return "\n".join(rows) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write the guide's answer keys and README's table.")
    parser.add_argument("--check", action="store_true", help="only report whether they are up to date")
    args = parser.parse_args(argv)
    stale = []
    for path, make in ((GUIDE, rebuilt),
                       (README, lambda text: TABLE.sub(lambda m: m[1] + notebook_table() + m[3], text))):
        text = path.read_text(encoding="utf-8")
        new = make(text)
        if new == text:
            continue
        stale.append(path.relative_to(ROOT).as_posix())
        if not args.check:
            path.write_text(new, encoding="utf-8", newline="\n")
    if args.check:
        for name in stale:
            print(f"{name} is out of date (run `make notebooks`)")
        return 1 if stale else 0
    print("up to date" if not stale else "wrote " + ", ".join(stale))
    return 0


if __name__ == "__main__":
    sys.exit(main())
