"""Other ways of asking than "compute this": each is an Exercise subclass that changes how an answer is judged.

>>> q = PredictThenRun(1, "What does len(words) give?", expected=lambda: 4, kind="number",
...                    hints=["Count the items of the list."], solution="prediction = 4")
>>> q.evaluate(4).status
'correct'
>>> print(q.evaluate(3).message)
Your prediction is not what the cell gives: the cell gives a larger number. Run the cell now and
compare its output with your prediction. What did you expect, and what does the code do
differently? Change your prediction only once you can say why.

The kinds of exercise a notebook can ask (notebooks/lessons.toml records each exercise's kind, and
tests/test_manifest.py holds it to the exercise's class through interaction_kinds()):

- "compute"  Exercise (or a subclass that only adds task rules, such as TaskExercise): compute one value.
- "fix"      fix the broken code: a cell that fails, or gives a wrong result, for a reason the lesson
             taught; the student repairs it, and an ordinary Exercise checks the repaired result like
             any computed value (its Mistakes recognise the result of the code left unrepaired).
- "predict"  PredictThenRun (the prediction alone) and PredictAndRun (the prediction and the run).
- "parsons"  ChooseLine and OrderLines (helpers/checking/parsons.py): choose the right line, or put
             lines in order; every wrong line has its own explanation.
- "label"    LabelRows: a label for each row, compared row by row with a table a person checked.
- "claim"    ClaimWithEvidence (helpers/checking/claims.py): a claim and the article's sentence behind it.

An interaction that needs two answers (a prediction and the cell's result, a claim and its evidence)
takes them as check(first, second) (see TwoParts); evaluate() then receives them as one Pair.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from .exercise import NONE_MESSAGE, Exercise, Verdict, caller_namespace, correct_verdict, settle
from .feedback import CORRECT, NOT_ATTEMPTED, NOT_YET_RIGHT, Say, authored, join, say, show
from .kinds import Read, Rejected
from .spelling import is_near_miss
from .strict import ExerciseCheckFailed, required_status
from .values import echo_text, normalise_text

#: Every kind of exercise a notebook's manifest can name, and what it asks of the student.
INTERACTIONS: dict[str, str] = {
    "compute": "compute one value",
    "fix": "fix the broken code, checked on the repaired result",
    "predict": "write a prediction, then run the cell",
    "parsons": "choose the right line, or put lines in order",
    "label": "label the rows of a table before the checked table is shown",
    "claim": "write a claim with the article's sentence as its evidence",
}


def interaction_kinds(exercise: Exercise) -> tuple[str, ...]:
    """Return the kinds (see INTERACTIONS) that an exercise of this class can be listed as in the manifest.

    >>> interaction_kinds(Exercise(1, "Count", expected=lambda: 9, kind="number", hints=["h"], solution="n = 9"))
    ('compute', 'fix')
    """
    return getattr(type(exercise), "interactions", ("compute", "fix"))


# ---------------------------------------------------------------------------------------------
# Two answers in one check
# ---------------------------------------------------------------------------------------------


class Absent:
    """Stands for an answer that check() did not receive."""

    def __repr__(self) -> str:
        return "<no answer given>"


ABSENT: Any = Absent()


@dataclass(frozen=True, repr=False)
class Pair:
    """Two answers checked together, such as a prediction and the cell's result."""

    first: Any
    second: Any

    def __repr__(self) -> str:
        return "<two answers>"


class TwoParts(Exercise):
    """An Exercise whose check() takes two answers: `ex.qN.check(first, second)`.

    `parts` names them for the messages (such as "prediction", "result"). evaluate() receives the two
    as one Pair; judge() decides. Everything else (strict mode, records, progress) is the engine's.
    """

    parts: ClassVar[tuple[str, str]] = ("first", "second")

    def check(self, first: Any = ABSENT, second: Any = ABSENT, *more: Any, **options: Any) -> None:
        """Return None; show whether the two answers are right and remember the status for progress()."""
        required = required_status()
        if first is ABSENT or second is ABSENT or more or options:
            note = say("`check()` takes two answers here, in this order: `ex.{name}.check({a}, {b})`.",
                       name=self.name, a=self.parts[0], b=self.parts[1])
            show(note)
            if required is not None:
                raise ExerciseCheckFailed(note.plain)
            return
        settle(self, Pair(first, second), caller_namespace(), required)


# ---------------------------------------------------------------------------------------------
# Predict, then run
# ---------------------------------------------------------------------------------------------


class PredictThenRun(Exercise):
    """Predict, then run: the student writes what a cell will give before running it.

    The reference is what the cell gives. A right prediction is Correct. A wrong one is told
    which way it is off (for a number), then asked to run the cell and explain the difference;
    the result itself comes from running the cell, never from the check.
    """

    interactions: ClassVar[tuple[str, ...]] = ("predict",)
    #: The ids of the mistakes this check recognises by itself, for the class report's advice.
    task_mistake_ids: ClassVar[tuple[str, ...]] = ("answer-is-none", "answer-of-another-type", "prediction-differs")

    def judge(self, answer: Any, reference: Read) -> Verdict:
        try:
            prediction = self.answer_kind.read(answer, self.rules)
        except Rejected as rejected:
            return Verdict(NOT_YET_RIGHT, rejected.say, "answer-of-another-type")
        if not self.answer_kind.problems(prediction, reference, self.rules):
            return correct_verdict(self.name)
        for mistake in self.mistakes:  # a prediction the author foresaw gets the author's words
            if mistake.matches(prediction.plain):
                return Verdict(NOT_YET_RIGHT, authored(mistake.message), mistake.id)
        way = self.answer_kind.direction(prediction, reference)
        surprise = f": the cell gives a {way} number" if way else ""
        return Verdict(NOT_YET_RIGHT, join(
            say("Your prediction is not what the cell gives{surprise}.", surprise=surprise),
            say("Run the cell now and compare its output with your prediction. What did you expect, and "
                "what does the code do differently? Change your prediction only once you can say why."),
        ), "prediction-differs")


class PredictAndRun(TwoParts, PredictThenRun):
    """Predict, then run, checked on both: `ex.qN.check(prediction, result)`.

    The student stores a prediction (`prediction = ...`), runs the cell the notebook gives (which stores
    `result`), then checks both. The check makes sure the result is what the cell gives when it runs as
    written (so that the comparison is with the real run), then compares the prediction with it and says
    what surprised them: which way a number is off, or what differs in a collection, or the author's own
    words for a prediction they foresaw (a Mistake). It never shows the result; the cell's output does.

    evaluate(prediction) alone judges the prediction as PredictThenRun does (the audit uses it).

    >>> q = PredictAndRun(1, "What does len(words) give?", expected=lambda: 4, kind="number",
    ...                   hints=["Count the items of the list."], solution="prediction = 4")
    >>> q.evaluate(Pair(4, 4)).status, q.evaluate(Pair(..., 4)).status
    ('correct', 'not attempted')
    >>> print(q.evaluate(Pair(3, 4)).message)
    Your prediction differs from what the cell gave: the cell gave a larger number than you predicted.
    Write one sentence: what did you expect the code to do, and what does it do? Then change your
    prediction to what you now expect and check again.
    """

    parts = ("prediction", "result")
    task_mistake_ids = ("answer-is-none", "answer-of-another-type", "run-result-changed", "prediction-differs")

    def judge(self, answer: Any, reference: Read) -> Verdict:
        if not isinstance(answer, Pair):
            return super().judge(answer, reference)
        prediction, result = answer.first, answer.second
        if prediction is Ellipsis:
            return Verdict(NOT_ATTEMPTED, say(
                "You have not written your prediction yet: replace `...` in `prediction = ...` with what you "
                "expect, then run the cell and check again."))
        if prediction is None:
            return Verdict(NOT_YET_RIGHT, NONE_MESSAGE, "answer-is-none")
        if result is Ellipsis or not self._is_the_run(result, reference):
            return Verdict(NOT_YET_RIGHT, say(
                "The second answer is not what the cell gives when it runs as written. Run the cell as the "
                "notebook gives it, without changing it, then check with the name it stores: "
                "`ex.{name}.check(prediction, result)`.", name=self.name), "run-result-changed")
        try:
            read = self.answer_kind.read(prediction, self.rules)
        except Rejected as rejected:
            return Verdict(NOT_YET_RIGHT, join(say("About your prediction:"), rejected.say), "answer-of-another-type")
        if not self.answer_kind.problems(read, reference, self.rules):
            return Verdict(CORRECT, join(say("Your prediction matches what the cell gave."),
                                                correct_verdict(self.name).message))
        for mistake in self.mistakes:
            if mistake.matches(read.plain):
                return Verdict(NOT_YET_RIGHT, authored(mistake.message), mistake.id)
        return Verdict(NOT_YET_RIGHT, join(self._surprise(read, reference), say(
            "Write one sentence: what did you expect the code to do, and what does it do? Then change your "
            "prediction to what you now expect and check again.")), "prediction-differs")

    def _is_the_run(self, result: Any, reference: Read) -> bool:
        """Return True if result is what the cell gives (the exercise's reference), read for the kind."""
        try:
            return not self.answer_kind.problems(self.answer_kind.read(result, self.rules), reference, self.rules)
        except Rejected:
            return False

    def _surprise(self, prediction: Read, reference: Read) -> Say:
        way = self.answer_kind.direction(prediction, reference)
        if way:
            return say("Your prediction differs from what the cell gave: the cell gave a {way} number than you "
                       "predicted.", way=way)
        problems = self.answer_kind.problems(prediction, reference, self.rules)
        told = self.answer_kind.explain(prediction, reference, problems, self.rules)
        return join(say("Your prediction differs from what the cell gave."),
                    Say(told.plain.replace("Your answer", "Your prediction"),
                        told.markdown.replace("Your answer", "Your prediction")))



# ---------------------------------------------------------------------------------------------
# Label the rows
# ---------------------------------------------------------------------------------------------


class LabelRows(Exercise):
    """Label the rows: the student's label for each row, compared row by row with a table a person checked.

    labels: the labels a row can get, as the notebook names them (such as "exact", "lower bound").
    expected: the checked table's column of labels (a Series or dict by row, or a list in order).

    Answers of the "labels" kind (helpers/checking/kinds/labels.py): a list in the table's order, or a
    dict or Series by row. A label that is not one of `labels` is named first (a near miss as such);
    then the feedback says how many rows disagree and which rows, never the right label of a row.

    >>> q = LabelRows(1, "Exact or lower bound?", labels=["exact", "lower bound"],
    ...               expected=lambda: {"F01": "exact", "F02": "lower bound"},
    ...               hints=["Look for a word such as 'over' before the number."], solution="labels = [...]")
    >>> q.evaluate(["exact", "lower bound"]).status
    'correct'
    >>> q.evaluate(["exact", "lower bund"]).message.split(". ")[0]
    'Row F02\\'s label "lower bund" looks like a misspelling of "lower bound"'
    """

    interactions: ClassVar[tuple[str, ...]] = ("label",)
    #: The ids of the mistakes this check recognises by itself, for the class report's advice.
    task_mistake_ids = ("answer-of-another-type", "label-not-one-of-the-labels", "rows-disagree")

    def __init__(self, number: int, title: str, *, labels: Sequence[str], **options: Any) -> None:
        if isinstance(labels, str) or not labels or not all(isinstance(x, str) and x.strip() for x in labels):
            raise TypeError('LabelRows(labels=...) must be a list of texts, such as ["exact", "lower bound"].')
        options.setdefault("answer_type", "one label for each row: a list in the table's order, or a dict "
                                          "(row -> label)")
        super().__init__(number, title, kind="labels", **options)
        self.labels: tuple[str, ...] = tuple(labels)

    def judge(self, answer: Any, reference: Read) -> Verdict:
        try:
            read = self.answer_kind.read(answer, self.rules)
        except Rejected as rejected:
            return Verdict(NOT_YET_RIGHT, rejected.say, "answer-of-another-type")
        allowed = {normalise_text(label): label for label in self.labels}
        names = read.value["names"]
        if "in_order" in read.flags and len(names) == len(reference.value["order"]):
            names = dict(zip(names, reference.value["names"].values(), strict=True))  # the table's own row names
        for row, label in read.value["labels"].items():
            text = label[1] if label[0] == "text" else None
            if text in allowed:
                continue
            return Verdict(NOT_YET_RIGHT, self._unknown_label(names[row], text, allowed),
                           "label-not-one-of-the-labels")
        verdict = super().judge(answer, reference)
        if verdict.mistake is None and verdict.status == NOT_YET_RIGHT:
            return Verdict(verdict.status, verdict.message, "rows-disagree")
        return verdict

    def _unknown_label(self, row: str, text: str | None, allowed: dict[str, str]) -> Say:
        listed = ", ".join(f'"{label}"' for label in self.labels)
        if text is None:
            return say("Row {row}'s label is not a piece of text. Every label must be one of: {listed}, in "
                       "quotation marks.", echo={"row": row}, listed=listed)
        near = next((label for key, label in allowed.items() if is_near_miss(text, key)), None)
        if near is not None:
            return say('Row {row}\'s label "{given}" looks like a misspelling of "{near}". Every label must be '
                       "one of: {listed}, spelled as here.",
                       echo={"row": row, "given": echo_text(text)}, near=near, listed=listed)
        return say('Row {row}\'s label "{given}" is not one of the labels. Every label must be one of: {listed}.',
                   echo={"row": row, "given": echo_text(text)}, listed=listed)


__all__ = [
    "INTERACTIONS",
    "LabelRows",
    "Pair",
    "PredictAndRun",
    "PredictThenRun",
    "TwoParts",
    "interaction_kinds",
]
