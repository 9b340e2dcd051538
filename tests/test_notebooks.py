"""The notebooks' frame, freshness and stored outputs, as an instructor would check them.

(nbval executes the solution notebooks and compares their stored outputs, and the student
versions run in the same kernels; see conftest.py.)
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from tool_modules import load_tool

from helpers.exercises import NOTEBOOK_MODULES, exercise_set

ROOT = Path(__file__).resolve().parent.parent
STUDENT_DIR = ROOT / "notebooks"
SOLUTION_DIR = STUDENT_DIR / "solutions"
SOLUTIONS = sorted(SOLUTION_DIR.glob("*.ipynb"))
STUDENTS = sorted(STUDENT_DIR.glob("*.ipynb"))
ALL = SOLUTIONS + STUDENTS


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def markdown(nb: dict) -> list[str]:
    return ["".join(c["source"]) if isinstance(c["source"], list) else c["source"]
            for c in nb["cells"] if c["cell_type"] == "markdown"]


def code(nb: dict) -> list[str]:
    return ["".join(c["source"]) if isinstance(c["source"], list) else c["source"]
            for c in nb["cells"] if c["cell_type"] == "code"]


def headings(nb: dict) -> list[tuple[int, str]]:
    found = []
    for text in markdown(nb):
        in_fence = False
        for line in text.splitlines():
            if line.startswith("```"):
                in_fence = not in_fence
            match = re.match(r"(#{1,6})\s+(.*)", line)
            if match and not in_fence:
                found.append((len(match.group(1)), match.group(2).strip()))
    return found


def builder():
    return load_tool("build_notebooks")


def test_every_listed_notebook_exists_as_solution_and_student_version():
    names = set(NOTEBOOK_MODULES)
    assert {p.name for p in SOLUTIONS} == names
    assert {p.name for p in STUDENTS} == names


def test_student_notebooks_are_up_to_date_with_their_solutions():
    stale = builder().out_of_date()
    assert not stale, f"run `make notebooks` to rebuild: {stale}"


@pytest.mark.parametrize("path", ALL, ids=lambda p: str(p.relative_to(STUDENT_DIR)))
class TestFrame:
    def test_uses_the_standard_python3_kernel(self, path):
        assert load(path)["metadata"]["kernelspec"]["name"] == "python3"

    def test_opens_with_one_h1_title_then_question_objectives_prerequisites_and_time(self, path):
        nb = load(path)
        first = nb["cells"][0]
        assert first["cell_type"] == "markdown"
        levels = [level for level, _ in headings(nb)]
        assert levels.count(1) == 1 and levels[0] == 1
        opening = "\n".join(markdown(nb)[:2]).lower()
        for needed in ("question", "objectives", "prerequisite", "minutes"):
            assert needed in opening, f"the opening cells do not mention {needed!r}"

    def test_headings_run_in_order_without_skipping_a_level(self, path):
        levels = [level for level, _ in headings(load(path))]
        for before, after in zip(levels, levels[1:]):
            assert after <= before + 1, f"heading level jumps from {before} to {after}"

    def test_first_code_cell_is_the_one_imports_cell(self, path):
        cells = code(load(path))
        assert "import" in cells[0]
        later = [c for c in cells[1:] if re.search(r"^\s*(import|from)\s+\w+", c, re.M)]
        assert not later, "imports belong in the first code cell"

    def test_ends_with_key_points_and_a_link_to_the_next_notebook(self, path):
        nb = load(path)
        text = "\n".join(markdown(nb)[-2:])
        assert "key points" in text.lower()
        names = sorted(NOTEBOOK_MODULES)
        index = names.index(path.name)
        if index + 1 < len(names):
            links = re.findall(r"\]\(([^)]+\.ipynb)\)", text)
            assert names[index + 1] in links, f"no link to {names[index + 1]} at the end"
            assert (path.parent / names[index + 1]).exists()

    def test_every_relative_link_leads_to_a_file_that_exists(self, path):
        for text in markdown(load(path)):
            for target in re.findall(r"\]\(([^)\s]+)\)", text):
                if re.match(r"[a-z]+:", target) or target.startswith("#"):
                    continue
                assert (path.parent / target.split("#")[0]).exists(), f"broken link: {target}"

    def test_links_have_descriptive_text(self, path):
        for text in markdown(load(path)):
            for label in re.findall(r"\[([^\]]*)\]\([^)]+\)", text):
                assert label.strip().lower() not in {"here", "this", "link", "click here", ""}

    def test_data_is_only_read_through_helpers(self, path):
        for source in code(load(path)):
            assert "read_csv" not in source and "open(" not in source
            assert "data/" not in source


@pytest.mark.parametrize("path", SOLUTIONS, ids=lambda p: p.name)
class TestStoredOutputs:
    def test_were_made_top_to_bottom_in_one_fresh_kernel(self, path):
        counts = [c["execution_count"] for c in load(path)["cells"] if c["cell_type"] == "code"]
        assert counts == list(range(1, len(counts) + 1))

    def test_show_no_error_and_no_warning(self, path):
        for cell in load(path)["cells"]:
            for output in cell.get("outputs", []):
                assert output["output_type"] != "error"
                assert output.get("name") != "stderr", "".join(output.get("text", ""))

    def test_every_figure_is_described_in_words_right_under_it(self, path):
        cells = load(path)["cells"]
        for index, cell in enumerate(cells):
            if any("image/png" in o.get("data", {}) for o in cell.get("outputs", [])):
                following = cells[index + 1] if index + 1 < len(cells) else {"cell_type": "none"}
                text = "".join(following.get("source", ""))
                assert following["cell_type"] == "markdown" and text.startswith("**What the figure shows:**"), (
                    f"the figure of code cell {index} has no description under it")
                assert len(text.split()) >= 30, f"the description of the figure of cell {index} is too short"

    def test_name_no_path_of_the_machine_that_ran_them(self, path):
        text = json.dumps([c.get("outputs", []) for c in load(path)["cells"]])
        assert not re.search(r"(/home/|/Users/|/tmp/|[A-Z]:\\\\)", text)


@pytest.mark.parametrize("path", SOLUTIONS, ids=lambda p: p.name)
def test_every_exercise_is_checked_in_order_with_a_hint_and_solution_on_offer(path):
    exercises = exercise_set(path.name)
    source = "\n".join(code(load(path)))
    checked = [int(n) for n in re.findall(r"\bex\.q(\d+)\.check\(", source)]
    assert checked == list(range(1, len(exercises) + 1))
    for n in range(1, len(exercises) + 1):
        assert f"ex.q{n}.hint()" in source and f"ex.q{n}.solution()" in source


def test_each_notebook_has_at_least_four_exercises_and_the_series_at_least_24():
    sizes = {name: len(exercise_set(name)) for name in NOTEBOOK_MODULES}
    assert min(sizes.values()) >= 4, sizes
    assert sum(sizes.values()) >= 24, sizes


@pytest.mark.parametrize("path", STUDENTS, ids=lambda p: p.name)
def test_student_version_hides_every_worked_answer(path):
    source = "\n".join(code(load(path)))
    assert "# SOLUTION" not in source
    exercises = exercise_set(path.name)
    assert source.count("= ...  # your answer here") >= len(exercises)
