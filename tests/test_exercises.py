"""Every exercise of every notebook, tested both ways, as a student would meet it.

- the worked answer passes, the placeholder ``...`` is "not attempted", each recognised wrong
  answer gets its own message, and no hint or message gives the answer away (audit_exercise);
- no input at all makes a check raise or show a traceback;
- the worked answer that ``solution()`` shows is the code of the solution notebook.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.checking import STATUSES, answer_key, audit_exercise
from helpers.exercises import NOTEBOOK_MODULES, exercise_set

ROOT = Path(__file__).resolve().parent.parent
SOLUTION_DIR = ROOT / "notebooks" / "solutions"



def notebook_exercises() -> list:
    """Return (notebook, exercise) params for every notebook; a missing module fails its test."""
    params = []
    for name in NOTEBOOK_MODULES:
        try:
            for exercise in exercise_set(name):
                params.append(pytest.param(name, exercise, id=f"{name[:2]}-{exercise.name}"))
        except ModuleNotFoundError:
            params.append(pytest.param(name, None, id=f"{name[:2]}-missing"))
    return params


NOTEBOOK_EXERCISES = notebook_exercises()


class Hostile:
    """An object whose every comparison and conversion raises."""

    def __eq__(self, other):
        raise RuntimeError("no comparing me")

    __hash__ = None

    def __bool__(self):
        raise RuntimeError("no truth")

    def __len__(self):
        raise RuntimeError("no length")

    def __iter__(self):
        raise RuntimeError("no iterating")

    def __repr__(self):
        raise RuntimeError("no repr")


scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=30),
    st.just(...), st.builds(Hostile), st.builds(np.int64, st.integers(-(2**63), 2**63 - 1)),
)
answers = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=5), st.tuples(inner, inner),
        st.dictionaries(st.text(max_size=5), inner, max_size=4),
        st.lists(st.integers(), max_size=5).map(np.array),
    ),
    max_leaves=12,
)


@pytest.mark.parametrize("notebook, exercise", NOTEBOOK_EXERCISES)
def test_exercise_passes_the_audit(notebook, exercise):
    assert exercise is not None, f"helpers/exercises has no module for {notebook}"
    assert audit_exercise(exercise) == []


@pytest.mark.parametrize("notebook, exercise", NOTEBOOK_EXERCISES)
@settings(max_examples=25)
@given(answer=answers)
def test_no_answer_makes_a_check_raise(notebook, exercise, answer):
    assert exercise is not None, f"helpers/exercises has no module for {notebook}"
    feedback = exercise.evaluate(answer)
    assert feedback.status in STATUSES
    assert not re.search(r"0x[0-9a-f]{6,}", str(feedback))


def solution_lines(notebook: str, number: int) -> str:
    """Return the # SOLUTION lines of exercise `number`'s cell in a solution notebook."""
    nb = json.loads((SOLUTION_DIR / notebook).read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        source = "".join(cell["source"])
        if cell["cell_type"] == "code" and f"ex.q{number}.check(" in source:
            lines = [re.sub(r"\s*#\s*SOLUTION\s*$", "", line)
                     for line in source.splitlines() if re.search(r"#\s*SOLUTION\s*$", line)]
            return "\n".join(lines)
    raise AssertionError(f"{notebook} has no cell that runs ex.q{number}.check(...)")


@pytest.mark.parametrize("notebook, exercise", NOTEBOOK_EXERCISES)
def test_solution_shown_is_the_solution_notebooks_code(notebook, exercise):
    assert exercise is not None, f"helpers/exercises has no module for {notebook}"
    assert answer_key(exercise).solution.strip() == solution_lines(notebook, exercise.number).strip()


# Notebook 02: students label the figures before the checked table shows its labels (issue 14, item 1)


def test_02_shows_no_checked_label_before_the_students_have_labelled_the_figures():
    cells = json.loads((SOLUTION_DIR / "02-the-figures.ipynb").read_text(encoding="utf-8"))["cells"]
    code = [cell for cell in cells if cell["cell_type"] == "code"]
    last = next(i for i, cell in enumerate(code) if "ex.q5.check(" in "".join(cell["source"]))
    for cell in code[:last]:
        source = "".join(cell["source"])
        if "ex.q" in source:
            continue  # a check shows the student's own answer
        assert not re.search(r"""["'](bound|counted|qualifier)["']""", source), source
        shown = json.dumps(cell["outputs"])
        assert "lower bound" not in shown and "exact" not in shown, source
    after = "".join("".join(cell["source"]) for cell in code[last + 1:])
    assert '"bound"' in after and '"counted"' in after, "the checked table is revealed after the labels"
