"""Parsons problems: choose the right line, or put lines in order (ChooseLine, OrderLines).

The student sees numbered lines of real code (`ex.qN.show_lines()` prints them) and answers with
numbers: the one right line, or the lines in the order they must run. Every wrong line has its own
explanation, and an author draws it from a mistake the checks already recognise by passing that
Mistake itself (its message and its id, so the class report's advice applies too):

>>> from helpers.checking import Mistake
>>> floor = Mistake(lambda a: a == 0, "Did you divide with `//`? It keeps only the whole part.", example=0,
...                 id="share-floor-division")
>>> q = ChooseLine(1, "Which line gives the share?", lines=["share = part // whole", "share = part / whole"],
...                right=2, wrong={1: floor}, hints=["A share lies between 0 and 1."], solution="answer = 2")
>>> q.evaluate(2).status
'correct'
>>> q.evaluate(1).message
'Did you divide with `//`? It keeps only the whole part.'
>>> q.evaluate(1).mistake
'share-floor-division'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

from .exercise import Exercise, Mistake, Verdict, correct_verdict, next_step
from .feedback import NOT_YET_RIGHT, Say, authored, join, say, show
from .kinds import Read, Rejected
from .record import mistake_id

NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")
ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
            "eleventh", "twelfth")


def in_words(count: int) -> str:
    """Return a small count in words (a message never shows a line's number that could be the answer).

    >>> in_words(2), in_words(15)
    ('two', '15')
    """
    return NUMBER_WORDS[count] if 0 <= count < len(NUMBER_WORDS) else str(count)


def ordinal(position: int) -> str:
    """Return "first", "second", ... for position 1, 2, ...

    >>> ordinal(3)
    'third'
    """
    return ORDINALS[position - 1] if 1 <= position <= len(ORDINALS) else f"number {position}"


def as_mistake(line: int, explanation: str | Mistake, example: Any, test: Any) -> Mistake:
    """Return the Mistake for choosing a wrong line: the author's text, or a Mistake the checks recognise."""
    if isinstance(explanation, Mistake):
        return Mistake(test, explanation.message, example=example, id=explanation.id)
    if not isinstance(explanation, str) or not explanation.strip():
        raise TypeError(f"The explanation for line {line} must be a text or a Mistake(...).")
    return Mistake(test, explanation, example=example, id=mistake_id(explanation))


class Lines(Exercise):
    """What ChooseLine and OrderLines share: numbered lines, one explanation for each wrong line."""

    interactions: ClassVar[tuple[str, ...]] = ("parsons",)

    def __init__(self, number: int, title: str, *, lines: Sequence[str], **options: Any) -> None:
        if isinstance(lines, str) or len(lines) < 2 or not all(isinstance(x, str) and x.strip() for x in lines):
            raise TypeError("lines=... must be a list of at least two lines of code, each a text.")
        super().__init__(number, title, **options)
        self.lines: tuple[str, ...] = tuple(line.rstrip() for line in lines)

    def show_lines(self) -> None:
        """Return None; show the lines with their numbers, as the student answers with them."""
        width = len(str(len(self.lines)))
        listing = "\n".join(f"{i:>{width}}   {line}" for i, line in enumerate(self.lines, start=1))
        show(Say(listing, f"```\n{listing}\n```"))

    def no_such_line(self, given: Any) -> Say:
        return say("There is no line {given}: the lines are numbered from one to {last}. Use the numbers that "
                   "`ex.{name}.show_lines()` shows.", echo={"given": str(given)}, last=in_words(len(self.lines)),
                   name=self.name)

    def check_numbers(self, numbers: Sequence[int], kind_of: str) -> None:
        """Raise ValueError unless every number is a line's number."""
        bad = [n for n in numbers if type(n) is not int or not 1 <= n <= len(self.lines)]
        if bad:
            raise ValueError(f"{kind_of} must hold line numbers from 1 to {len(self.lines)}; got {bad}.")


class ChooseLine(Lines):
    """Choose the one right line among real lines of code; every other line has its own explanation.

    right: the number of the right line (lines are numbered from 1).
    wrong: for every other line, its explanation: a text, or a Mistake the checks already recognise.
    """

    #: The ids of the mistakes this check recognises by itself, for the class report's advice.
    task_mistake_ids = ("answer-of-another-type", "no-such-line")

    def __init__(self, number: int, title: str, *, lines: Sequence[str], right: int,
                 wrong: Mapping[int, str | Mistake], **options: Any) -> None:
        options.setdefault("answer_type", f"the number of one line (from one to {in_words(len(lines))})")
        mistakes = [as_mistake(n, text, n, lambda a, n=n: a == n) for n, text in sorted(wrong.items())]
        super().__init__(number, title, lines=lines, expected=lambda: right, kind="number",
                         mistakes=[*mistakes, *options.pop("mistakes", ())], **options)
        self.check_numbers([right, *wrong], "right=... and wrong=...")
        others = set(range(1, len(self.lines) + 1)) - {right}
        if set(wrong) != others:
            raise ValueError(f"wrong=... must explain every line but the right one: lines {sorted(others)}.")

    def judge(self, answer: Any, reference: Read) -> Verdict:
        try:
            read = self.answer_kind.read(answer, self.rules)
        except Rejected as rejected:
            return Verdict(NOT_YET_RIGHT, rejected.say, "answer-of-another-type")
        if read.plain not in range(1, len(self.lines) + 1):
            return Verdict(NOT_YET_RIGHT, self.no_such_line(read.plain), "no-such-line")
        return super().judge(answer, reference)


class OrderLines(Lines):
    """Put lines in the order they must run; lines that do not belong have their own explanations.

    right: the numbers of the lines that belong, in the order they must run.
    also_right: other orders that work as well (independent lines may come in either order).
    wrong: for every line that does not belong (a distractor), its explanation: a text, or a Mistake.
    """

    #: The ids of the mistakes this check recognises by itself, for the class report's advice.
    task_mistake_ids = ("answer-of-another-type", "no-such-line", "line-used-twice", "lines-left-out",
                        "lines-out-of-order")

    def __init__(self, number: int, title: str, *, lines: Sequence[str], right: Sequence[int],
                 also_right: Sequence[Sequence[int]] = (), wrong: Mapping[int, str | Mistake] = (),
                 **options: Any) -> None:
        wrong = dict(wrong)
        orders = [tuple(right), *(tuple(order) for order in also_right)]
        options.setdefault("answer_type", "a list of line numbers, in the order the lines must run")
        mistakes = [as_mistake(n, text, (*orders[0], n), lambda a, n=n: n in a) for n, text in sorted(wrong.items())]
        super().__init__(number, title, lines=lines, expected=lambda: list(orders[0]), kind="sequence",
                         mistakes=[*mistakes, *options.pop("mistakes", ())], **options)
        for order in orders:
            self.check_numbers(order, "right=... and also_right=...")
            if sorted(order) != sorted(orders[0]) or len(set(order)) != len(order):
                raise ValueError("Every right order must use the same lines, each once.")
        self.check_numbers(list(wrong), "wrong=...")
        others = set(range(1, len(self.lines) + 1)) - set(orders[0])
        if set(wrong) != others:
            raise ValueError(f"wrong=... must explain every line that does not belong: lines {sorted(others)}.")
        self.orders: tuple[tuple[int, ...], ...] = tuple(orders)

    def judge(self, answer: Any, reference: Read) -> Verdict:
        try:
            read = self.answer_kind.read(answer, self.rules)
        except Rejected as rejected:
            return Verdict(NOT_YET_RIGHT, rejected.say, "answer-of-another-type")
        given = read.plain
        if not all(type(n) is int for n in given):
            return Verdict(NOT_YET_RIGHT, say(
                "Give the lines by their numbers, whole numbers without quotation marks, in a list in the order "
                "the lines must run."), "answer-of-another-type")
        unknown = next((n for n in given if not 1 <= n <= len(self.lines)), None)
        if unknown is not None:
            return Verdict(NOT_YET_RIGHT, self.no_such_line(unknown), "no-such-line")
        if tuple(given) in self.orders:
            return correct_verdict(self.name)
        for mistake in self.mistakes:  # a line that does not belong: its own explanation
            if mistake.matches(given):
                return Verdict(NOT_YET_RIGHT, authored(mistake.message), mistake.id)
        twice = next((n for n in given if given.count(n) > 1), None)
        if twice is not None:
            return Verdict(NOT_YET_RIGHT, say(
                "Your order uses line {n} more than once: each line runs once.", echo={"n": str(twice)}),
                "line-used-twice")
        left_out = len(self.orders[0]) - len(given)
        if left_out > 0:
            return Verdict(NOT_YET_RIGHT, join(say(
                "Your order leaves out {k} of the lines the code needs: without {them}, the result is not made.",
                k=in_words(left_out), them="it" if left_out == 1 else "them"), next_step(self.name)),
                "lines-left-out")
        kept = max(self.kept(given, order) for order in self.orders)
        where = (say("Your first line cannot run first.") if kept == 0 else
                 say("Your first {k} in a working order, but your {nth} line comes too early or too late.",
                     k="line is" if kept == 1 else f"{in_words(kept)} lines are", nth=ordinal(kept + 1)))
        return Verdict(NOT_YET_RIGHT, join(where, say(
            "For each line, ask which names it uses and which line makes them: a line can run only after the "
            "lines that make its names."), next_step(self.name)), "lines-out-of-order")

    def hidden_texts(self) -> list[str]:
        """Return the right orders as a hint would write them ("3, 1, 2"), for the audit: no hint may hold one."""
        return [", ".join(str(n) for n in order) for order in self.orders]

    @staticmethod
    def kept(given: Sequence[int], order: Sequence[int]) -> int:
        """Return how many of the first lines given are those of order, in its order."""
        count = 0
        for mine, theirs in zip(given, order, strict=False):
            if mine != theirs:
                break
            count += 1
        return count


__all__ = ["ChooseLine", "OrderLines"]
