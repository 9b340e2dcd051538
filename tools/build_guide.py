"""Write the generated parts of the teaching documents: the guide's answer keys and README's table.

    python tools/build_guide.py           # rewrite them
    python tools/build_guide.py --check   # exit 1 if one is out of date

README.md's notebook table (between ``<!-- notebook-table ... -->`` and
``<!-- end notebook-table -->``) is written from the lesson manifest, notebooks/lessons.toml, and so
is the guide's overview of the notebooks and the series' total minutes (between
``<!-- overview-table ... -->`` and ``<!-- end overview-table -->``).

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
OVERVIEW = re.compile(r"(<!-- overview-table[^\n]*-->\n)(.*?)(<!-- end overview-table -->)", re.S)


NUMBER_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine"}
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
    """Return the guide with every answer block and its overview of the notebooks regenerated."""
    def fill(match: re.Match) -> str:
        if match["file"] not in NOTEBOOK_MODULES:
            raise SystemExit(f"guide.md names an unknown notebook: {match['file']}")
        return match.group(1) + "\n" + answer_key(match["file"]) + "\n" + match.group(4)

    return OVERVIEW.sub(lambda m: m[1] + overview_table() + m[3], BLOCK.sub(fill, text))


def lessons() -> list[dict]:
    """Return the manifest's notebooks, in order."""
    return tomllib.loads(MANIFEST.read_text(encoding="utf-8"))["notebook"]


def builds_on(prerequisites: list[str]) -> str:
    """Return the notebooks a notebook builds on, by number: "nothing", "00", "00 and 02" or "01 to 04".

    >>> builds_on([]), builds_on(["00-a.ipynb"]), builds_on(["00-a.ipynb", "02-b.ipynb"])
    ('nothing', '00', '00 and 02')
    >>> builds_on(["01-a.ipynb", "02-b.ipynb", "03-c.ipynb", "04-d.ipynb"])
    '01 to 04'
    """
    numbers = [name[:2] for name in prerequisites]
    if not numbers:
        return "nothing"
    if len(numbers) > 2 and [int(n) for n in numbers] == list(range(int(numbers[0]), int(numbers[-1]) + 1)):
        return f"{numbers[0]} to {numbers[-1]}"
    return numbers[0] if len(numbers) == 1 else ", ".join(numbers[:-1]) + " and " + numbers[-1]


def hours_and_minutes(minutes: int) -> str:
    """Return minutes as hours and minutes in words.

    >>> hours_and_minutes(405), hours_and_minutes(60), hours_and_minutes(61)
    ('6 hours 45 minutes', '1 hour', '1 hour 1 minute')
    """
    hours, rest = divmod(minutes, 60)
    parts = [f"{hours} hour{'s' * (hours != 1)}"] if hours else []
    parts += [f"{rest} minute{'s' * (rest != 1)}"] if rest or not hours else []
    return " ".join(parts)


def overview_table() -> str:
    """Return the guide's table of notebooks (question, what each builds on, minutes) and the series' total."""
    rows = ["| notebook | the question it answers | builds on | minutes (teaching + exercises) |",
            "| --- | --- | --- | --- |"]
    total = 0
    for lesson in lessons():
        teaching, exercises = lesson["teaching_minutes"], lesson["exercise_minutes"]
        total += teaching + exercises
        rows.append(f"| {lesson['title']} | {lesson['question']} | {builds_on(lesson.get('prerequisites', []))} | "
                    f"{teaching + exercises} ({teaching} + {exercises}) |")
    count = len(rows) - 2
    rows += ["", f"Together the {NUMBER_WORDS.get(count, count)} take **{total} minutes** "
                 f"({hours_and_minutes(total)}): two 4-hour workshops, or several lessons",
             '(see "Adapting the series").']
    return "\n".join(rows) + "\n"


def notebook_table() -> str:
    """Return README's table of notebooks (title, question, minutes) from the manifest."""
    rows = ["| notebook | the question it answers | minutes |", "| --- | --- | --- |"]
    for lesson in lessons():
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
