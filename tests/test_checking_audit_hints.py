"""The audit's rule that hints stop one step short: no hint holds the worked solution's code.

A student who asks for every hint must still write the last step: a hint may show an earlier step
of a longer solution, never the step that makes the answer, nor the regular expression the exercise
asks for. Code is compared without spaces, backticks or the difference between ' and ".
"""

from __future__ import annotations

from typing import Any

import pytest

from helpers.checking import Exercise, audit_exercise
from helpers.checking.audit import solution_steps


def exercise(hints: list[str], solution: str, **options: Any) -> Exercise:
    """Return a small number exercise (answer 4271) with these hints and this worked solution."""
    return Exercise(1, "Share", expected=lambda: 4271, kind="number", hints=hints, solution=solution, **options)


def code_problems(hints: list[str], solution: str) -> list[str]:
    return [p for p in audit_exercise(exercise(hints, solution)) if "solution's" in p]


ONE_STEP = 'share = value["awarded"] / value["competing"]'
TWO_STEPS = 'totals = voices.groupby("name")["words"].sum()\ntop_speaker = totals.idxmax()'
PATTERN = 'has_bound = sentences.str.contains(r"\\bover \\d")\nn_bounds = int(has_bound.sum())'


class TestHintsThatGiveTheCode:
    def test_hint_with_the_whole_line_is_named(self) -> None:
        problems = code_problems(["Divide.", f"Type `{ONE_STEP}`."], ONE_STEP)
        assert problems == ["q1 (Share): hint 2 gives the solution's code away (it contains "
                            '`share=value["awarded"]/value["competing"]`).']

    def test_hint_with_the_expression_under_another_name_is_named(self) -> None:
        assert code_problems(['Divide: `value["awarded"] / value["competing"]`.'], ONE_STEP)

    @pytest.mark.parametrize("written", [
        "value['awarded']/value['competing']",
        'value[ "awarded" ]  /\nvalue["competing"]',
    ])
    def test_spaces_and_quotation_marks_do_not_hide_the_code(self, written: str) -> None:
        assert code_problems([f"Divide: `{written}`."], ONE_STEP)

    def test_hint_with_the_last_of_several_steps_is_named(self) -> None:
        problems = code_problems(["Add up the words for each name.", "`totals.idxmax()` gives the name."], TWO_STEPS)
        assert problems == ["q1 (Share): hint 2 gives the solution's code away (it contains `totals.idxmax()`)."]

    def test_hint_with_the_solutions_pattern_is_named_even_in_an_earlier_step(self) -> None:
        problems = code_problems(['Try the pattern `r"\\bover \\d"`.'], PATTERN)
        assert problems == ["q1 (Share): hint 1 gives the solution's pattern away (it contains `\\bover\\d`)."]

    def test_every_hint_that_gives_code_is_named(self) -> None:
        problems = code_problems([f"`{ONE_STEP}`", "Divide.", 'Or `value["awarded"]/value["competing"]`'], ONE_STEP)
        assert [p.split(" gives")[0] for p in problems] == ["q1 (Share): hint 1", "q1 (Share): hint 3"]


class TestHintsThatStopShort:
    def test_hint_with_an_earlier_step_of_several_passes(self) -> None:
        hints = ['`voices.groupby("name")["words"].sum()` gives one total per name.', "Which total is largest?"]
        assert code_problems(hints, TWO_STEPS) == []

    def test_hint_that_names_the_tools_passes(self) -> None:
        hints = ["A share is part / whole: `value[...]` with a figure's id gives its value.", "Use `/`, not `//`."]
        assert code_problems(hints, ONE_STEP) == []

    def test_hint_that_describes_the_pattern_in_words_passes(self) -> None:
        hints = ["`\\b` marks a word boundary and `\\d` a digit: build the pattern from them."]
        assert code_problems(hints, PATTERN) == []

    def test_hint_with_a_part_of_the_last_step_passes(self) -> None:
        solution = "average = sum(lengths) / len(lengths)"
        assert code_problems(["`len(lengths)` counts the sentences; `sum(...)` adds up."], solution) == []

    def test_a_name_or_a_constant_alone_is_not_a_piece(self) -> None:
        assert solution_steps('answer = "Xinhua News Agency"\nanswer') == []


class TestSolutionSteps:
    def test_each_statement_is_a_step_in_order(self) -> None:
        steps = solution_steps(TWO_STEPS)
        assert [step.code[-1] for step in steps] == ['voices.groupby("name")["words"].sum()', "totals.idxmax()"]

    def test_statements_inside_a_loop_are_steps(self) -> None:
        steps = solution_steps("kept = []\nfor word in words:\n    kept.append(word.casefold())")
        assert steps[-1].code == ("kept.append(word.casefold())",)

    def test_a_solution_that_is_not_python_is_compared_line_by_line(self) -> None:
        assert code_problems(["Type: output / my-notes.txt here"], "output / my-notes.txt here")

    def test_imports_are_not_steps(self) -> None:
        assert solution_steps("import re\nfrom helpers import text") == []
