"""Write the answer keys into the instructor guide from the exercises themselves.

    python tools/build_guide.py           # rewrite the answer blocks in instructors/guide.md
    python tools/build_guide.py --check   # exit 1 if a block is out of date

The guide's prose is written by hand. Each notebook's section holds a block between
``<!-- answers: NN-file.ipynb -->`` and ``<!-- end answers -->``; this script fills it with every
exercise's answer, worked solution, reasoning, and the mistakes its check recognises, taken from
``helpers/exercises``, so the key can never disagree with what the checks accept.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from helpers.exercises import NOTEBOOK_MODULES, exercise_set

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "instructors" / "guide.md"
BLOCK = re.compile(r"(<!-- answers: (?P<file>\S+) -->\n)(?P<body>.*?)(<!-- end answers -->)", re.S)


def show(value) -> str:
    """Return a short, readable form of an answer for the key."""
    if hasattr(value, "tolist"):
        value = value.tolist()
    if isinstance(value, float):
        return f"{value:.6g}"
    if isinstance(value, (set, frozenset)):
        value = sorted(value, key=str)
    return repr(value)


def answer_key(notebook: str) -> str:
    """Return the Markdown answer key of one notebook."""
    parts = []
    for exercise in exercise_set(notebook):
        lines = [f"#### Exercise {exercise.number}: {exercise.title}", "",
                 f"**Answer** ({exercise.answer_type}): `{show(exercise.expected_answer())}`", "",
                 "```python", exercise.solution_code, "```", ""]
        if exercise.explanation:
            lines += [f"**Why:** {exercise.explanation}", ""]
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Fill the guide's answer keys.")
    parser.add_argument("--check", action="store_true", help="only report whether they are up to date")
    args = parser.parse_args(argv)
    text = GUIDE.read_text(encoding="utf-8")
    new = rebuilt(text)
    if args.check:
        if new != text:
            print("instructors/guide.md: answer keys are out of date (run `make notebooks`)")
            return 1
        return 0
    GUIDE.write_text(new, encoding="utf-8", newline="\n")
    print("wrote the answer keys in instructors/guide.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
