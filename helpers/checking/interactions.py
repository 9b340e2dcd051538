"""Other ways of asking than "compute this": each is an Exercise subclass that overrides judge() only.

>>> q = PredictThenRun(1, "What does len(words) give?", expected=lambda: 4, kind="number",
...                    hints=["Count the items of the list."], solution="prediction = 4")
>>> q.evaluate(4).status
'correct'
>>> print(q.evaluate(3).message)
Your prediction is not what the cell gives: the cell gives a larger number. Run the cell now and
compare its output with your prediction. What did you expect, and what does the code do
differently? Change your prediction only once you can say why.
"""

from __future__ import annotations

from typing import Any

from .exercise import Exercise, Verdict, correct_verdict
from .feedback import NOT_YET_RIGHT, authored, join, say
from .kinds import Read, Rejected


class PredictThenRun(Exercise):
    """Predict, then run: the student writes what a cell will give before running it.

    The reference is what the cell gives. A right prediction is Correct. A wrong one is told
    which way it is off (for a number), then asked to run the cell and explain the difference;
    the result itself comes from running the cell, never from the check.
    """

    def judge(self, answer: Any, reference: Read) -> Verdict:
        try:
            prediction = self.answer_kind.read(answer, self.rules)
        except Rejected as rejected:
            return Verdict(NOT_YET_RIGHT, rejected.say)
        if not self.answer_kind.problems(prediction, reference, self.rules):
            return correct_verdict(self.name)
        for mistake in self.mistakes:  # a prediction the author foresaw gets the author's words
            if mistake.matches(prediction.plain):
                return Verdict(NOT_YET_RIGHT, authored(mistake.message))
        way = self.answer_kind.direction(prediction, reference)
        surprise = f": the cell gives a {way} number" if way else ""
        return Verdict(NOT_YET_RIGHT, join(
            say("Your prediction is not what the cell gives{surprise}.", surprise=surprise),
            say("Run the cell now and compare its output with your prediction. What did you expect, and "
                "what does the code do differently? Change your prediction only once you can say why."),
        ))
