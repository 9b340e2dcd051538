"""Tools the exercise modules share: checks that hold a task's own words, near misses, plain names.

The engine (helpers.checking) compares an answer's value with the reference. Some tasks ask for more
than a value, and this module lets an exercise say so:

- ``exact``: the task asks for a text word for word, so upper/lower case, quotation marks and spaces
  count (the engine ignores them for every other text answer); ``exact_items`` holds the same for
  every text of a collection ("each verb exactly as written");
- ``typed_by_hand``: the task asks Python to work the answer out, so a ``True`` typed by hand in the
  cell that runs the check is not right;
- ``keeps``: names of the notebook that later cells need (such as ``quotations``); an answer stored
  under such a name breaks those cells, so the check says how to recover;
- ``answer_slip``: a slip of an answer that the engine rejects for its type before any Mistake sees
  it (a count where a name is asked, a path where text is asked), with its own advice.

It also gives the exercise modules a short ``dir()`` that lists only what the notebook uses.

>>> edit_distance("AtributeError", "AttributeError")
1
>>> is_near_miss("ren xianling", "ren xianliang"), is_near_miss("wang gang", "ren xianliang")
(True, False)
"""

from __future__ import annotations

import ast
import linecache
import numbers
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from types import FrameType
from typing import Any

from helpers.checking import CORRECT, NOT_ATTEMPTED, NOT_YET_RIGHT, Exercise, Feedback, mistake_id, normalise_text

_LONGEST_CELL = 20_000  # characters; a longer cell is not parsed (a check stays fast)
_LONGEST_NEAR_MISS = 80  # characters; longer texts are never near misses (bounded work)
_MOST_ITEMS = 1_000  # items; a longer collection is not searched item by item for inexact texts


# ---------------------------------------------------------------------------------------------
# Near misses
# ---------------------------------------------------------------------------------------------


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Return the number of letters to add, drop or change to turn a into b (at most limit + 1).

    >>> edit_distance("digital devide", "digital divide"), edit_distance("abc", "xyz", limit=1)
    (1, 2)
    """
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i]
        for j, char_b in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return min(previous[-1], limit + 1)


def is_near_miss(answer: str, target: str, most: int = 2) -> bool:
    """Return True if answer is not target but differs from it by at most `most` letters (or only in marks).

    Both are compared as a check hands text to a Mistake (single spaces, casefolded); spaces and
    punctuation around and inside count as marks: "No Bound." is a near miss of "no bound".

    >>> is_near_miss("no bound.", "no bound"), is_near_miss("no bound", "no bound")
    (True, False)
    >>> is_near_miss("lower bound", "no bound")
    False
    """
    if not isinstance(answer, str) or answer == target or len(answer) > _LONGEST_NEAR_MISS:
        return False
    if _letters(answer) == _letters(target):
        return True
    return edit_distance(answer, target, limit=most) <= most


def near_miss_of_any(answer: str, targets: Iterable[str], most: int = 2) -> bool:
    """Return True if answer is none of the targets but a near miss of one of them.

    >>> near_miss_of_any("digital devide", ["digital divide", "digital economy"])
    True
    """
    targets = list(targets)
    return answer not in targets and any(is_near_miss(answer, target, most) for target in targets)


def _letters(text: str) -> str:
    """Return text casefolded with everything but letters and digits removed.

    >>> _letters("'No Bound.'")
    'nobound'
    """
    return "".join(character for character in text.casefold() if character.isalnum())


# ---------------------------------------------------------------------------------------------
# Exact text: the task says word for word
# ---------------------------------------------------------------------------------------------

_STRAIGHTEN = str.maketrans(dict.fromkeys("‘’", "'") | dict.fromkeys("“”", '"'))


#: The mistake ids of exact_text_problem's four messages, for the class report.
EXACT_TEXT_IDS = ("text-not-exact-case", "text-not-exact-quotation-marks", "text-not-exact-spaces",
                  "text-not-exact-characters")


def exact_text_problem(answer: Any, expected: str, what: str) -> str | None:
    """Return what differs between a text answer and the exact expected text (None: they are the same).

    Surrounding spaces and line breaks never count. `what` names the expected text in the message,
    such as "the first line" or "the article's sentence".

    >>> exact_text_problem("WUZHEN", "Wuzhen", "the name").startswith("Your text has the right words, but some upper")
    True
    >>> exact_text_problem(" Wuzhen\\n", "Wuzhen", "the name") is None
    True
    """
    found = _exact_text_mistake(answer, expected, what)
    return None if found is None else found[1]


def _exact_text_mistake(answer: Any, expected: str, what: str, subject: str = "Your text") -> tuple[str, str] | None:
    """Return (mistake id, message) for what differs from the exact expected text, or None.

    subject: how the message names the answer ("Your text", or "One of your texts" for an item).

    >>> _exact_text_mistake('"Wuzhen"', "“Wuzhen”", "the name")[0]
    'text-not-exact-quotation-marks'
    >>> _exact_text_mistake("WUZHEN", "Wuzhen", "the name", "One of your texts")[1][:33]
    'One of your texts has the right w'
    """
    if not isinstance(answer, str):
        return None
    given, wanted = str.__str__(answer).strip(), expected.strip()
    if given == wanted:
        return None
    case, marks, spaces, characters = EXACT_TEXT_IDS
    if given.casefold() == wanted.casefold():
        return case, (
            f"{subject} has the right words, but some upper- and lower-case letters differ from {what}. "
            "The task asks for it exactly as written: take it by code, without changing it (no `.upper()`, "
            "`.lower()` or `.title()`)."
        )
    if given.translate(_STRAIGHTEN) == wanted.translate(_STRAIGHTEN):
        return marks, (
            f"{subject} has straight quotation marks or apostrophes (\" or ') where {what} has curly ones "
            "(“ ” or ’). The task asks for it word for word, every mark as written: take it from the "
            "table by code instead of typing it."
        )
    if " ".join(given.split()) == " ".join(wanted.split()):
        return spaces, (
            f"{subject} has the right words, but its spaces or line breaks differ from {what}. The task "
            "asks for it exactly as written: take it by code instead of typing it."
        )
    return characters, (
        f"{subject} is close to {what}, but not the same, character for character. The task asks for "
        "it exactly as written: take it by code instead of typing it."
    )


# ---------------------------------------------------------------------------------------------
# The notebook cell that runs a check
# ---------------------------------------------------------------------------------------------


def _notebook_frame() -> FrameType | None:
    """Return the frame of the notebook code that called the check, or None when not in a notebook.

    A notebook (IPython) runs its cells with `__name__` set to "__main__"; frames of this package
    (modules named helpers.…) are skipped.
    """
    frame = sys._getframe(1)
    while frame is not None:
        module = frame.f_globals.get("__name__")
        if not (isinstance(module, str) and (module == "helpers" or module.startswith("helpers."))):
            return frame if module == "__main__" else None
        frame = frame.f_back
    return None


@dataclass
class CheckedCode:
    """What the calling cell shows about an answer: the expression that made it, and the namespace."""

    expression: ast.expr | None  # the code that produced the answer, when the cell shows it
    names: Mapping[str, Any]  # the notebook's variables
    cell: ast.Module | None = None  # the whole cell that runs the check


def checked_code() -> CheckedCode | None:
    """Return the calling notebook cell's view of the answer, or None outside a notebook."""
    frame = _notebook_frame()
    if frame is None:
        return None
    expression = cell = None
    try:
        source = "".join(linecache.getlines(frame.f_code.co_filename))
        if source and len(source) <= _LONGEST_CELL:
            cell = ast.parse(source)
            expression = _answer_expression(cell, frame.f_lineno)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        expression = cell = None
    return CheckedCode(expression, frame.f_globals, cell)


def _answer_expression(tree: ast.Module, line: int) -> ast.expr | None:
    """Return the expression that made the answer given to `….check(answer)` on line, if the cell shows it.

    >>> tree = ast.parse("x = True\\nex.q3.check(x)")
    >>> ast.unparse(_answer_expression(tree, 2))
    'True'
    """
    calls = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in ("check", "evaluate")
        and node.args
        and node.lineno <= line <= (node.end_lineno or node.lineno)
    ]
    if len(calls) != 1:
        return None
    given = calls[0].args[0]
    if not isinstance(given, ast.Name):
        return given
    made = None
    for node in ast.walk(tree):
        if (isinstance(node, ast.Assign) and node.lineno < calls[0].lineno
                and any(isinstance(t, ast.Name) and t.id == given.id for t in node.targets)
                and (made is None or node.lineno > made.lineno)):
            made = node
    return made.value if made is not None else None


def is_typed_value(expression: ast.expr | None) -> bool:
    """Return True if the expression is a value typed by hand: True, False, a number or a text.

    >>> is_typed_value(ast.parse("True", mode="eval").body), is_typed_value(ast.parse("'a' in b", mode="eval").body)
    (True, False)
    """
    return isinstance(expression, ast.Constant) and expression.value is not Ellipsis


def text_constants(expression: ast.AST | None) -> list[str]:
    """Return the pieces of text written in the code (after Python read their escapes).

    >>> text_constants(ast.parse('f("a", x, "b")'))
    ['a', 'b']
    """
    if expression is None:
        return []
    return [node.value for node in ast.walk(expression)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)]


# ---------------------------------------------------------------------------------------------
# Exercises that hold the task's own words
# ---------------------------------------------------------------------------------------------

#: A rule gets the student's answer as given and the calling cell (or None outside a notebook), and
#: returns a message when the answer breaks the task's words, or None. A rule may instead return
#: (mistake id, message), and list the ids it can give in its attribute `mistake_ids` (as the rules
#: made here and by with_mistake_id do), so that the class report's advice survives a reworded message;
#: a bare message gets the id mistake_id(message).
Rule = Callable[[Any, "CheckedCode | None"], "str | tuple[str, str] | None"]

#: The mistake id of a check that finds a kept variable replaced: the engine's id for the same slip.
REPLACED_ID = "replaced-a-shared-name"


@dataclass(frozen=True)
class Keep:
    """A notebook variable that later cells need: how to tell it is intact, and how to make it again.

    >>> keep = Keep("sentences", lambda v: len(v) == 16,
    ...             "the cell under “Every sentence gets the number of its paragraph”")
    >>> keep.name
    'sentences'
    """

    name: str
    intact: Callable[[Any], bool]
    made_in: str  # where the notebook makes it, in words a student can find


class TaskExercise(Exercise):
    """An Exercise whose check also holds the task's own words (see the module docstring).

    rules: checked, in order, on an answer whose value is right; the first message found makes it
      "not yet right" (for example, the task says word for word, or says to let Python work it out).
    slips: checked, in order, on an answer that is not right; the first message found replaces the
      usual explanation (for example, a pattern written without its r prefix, seen in the cell).
    keeps: notebook variables that later cells need; if one of them is no longer intact when the
      check runs, the check says so and how to recover, whatever the answer.

    task_mistake_ids lists the mistake ids its rules, slips and keeps can give (for the class report).
    """

    def __init__(
        self,
        *args: Any,
        rules: Iterable[Rule] = (),
        slips: Iterable[Rule] = (),
        keeps: Iterable[Keep] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self._rules = tuple(rules)
        self._slips = tuple(slips)
        self._keeps = tuple(keeps)

    @property
    def task_mistake_ids(self) -> tuple[str, ...]:
        """Return the mistake ids that this exercise's rules, slips and keeps can give, each once.

        >>> TaskExercise(1, "Say", expected=lambda: "Wuzhen", kind="text", hints=["Look."], solution="a = 1",
        ...              rules=[computed("Let Python work it out.")]).task_mistake_ids
        ('typed-the-value-by-hand',)
        """
        ids = [i for rule in (*self._rules, *self._slips) for i in getattr(rule, "mistake_ids", ())]
        if self._keeps:
            ids.append(REPLACED_ID)
        return tuple(dict.fromkeys(ids))

    def evaluate(self, answer: Any, namespace: Mapping[str, Any] | None = None) -> Feedback:
        """Return the Feedback for answer, holding the task's own words too; never raises."""
        feedback = super().evaluate(answer, namespace)
        unfinished = self._not_finished(feedback)
        if unfinished is not None:
            return unfinished
        if feedback.status == NOT_ATTEMPTED or not (self._rules or self._slips or self._keeps):
            return feedback
        try:
            code = checked_code()
            message = self._broken_keep(code)
            found = None if message is None else (REPLACED_ID, message)
            rules = self._rules if feedback.status == CORRECT else self._slips
            if found is None:
                found = next((f for f in (_apply(rule, answer, code) for rule in rules) if f), None)
        except Exception:
            found = None
        if found is None:
            return feedback
        mistake, message = found
        return Feedback(NOT_YET_RIGHT, self.title, message, self.number, markdown_message=message,
                        mistake=mistake)

    def _not_finished(self, feedback: Feedback) -> Feedback | None:
        """Return "not attempted" feedback naming the steps of the cell still written `name = ...`, or None.

        Two cases: the answer is still `...` while other lines of the cell are written (the student needs to
        hear which step is missing, not "you have not answered yet"); or the answer works out although an
        earlier step still holds `...` (`speakers.loc[never, "name"]` with `never = ...` keeps every row),
        which would otherwise be judged as finished and sent after the wrong cause. An answer typed by hand
        keeps its own message, and so does a notebook variable the student replaced.
        """
        if feedback.mistake == REPLACED_ID:
            return None
        try:
            code = checked_code()
            missing = unwritten_steps(code)
            if feedback.status == NOT_ATTEMPTED:
                missing = missing if missing and len(missing) < len(assigned_steps(code)) else []
            elif typed_by_hand(code):
                missing = []
        except Exception:
            missing = []
        if not missing:
            return None
        message = not_finished_message(missing, self.name)
        return Feedback(NOT_ATTEMPTED, self.title, message, self.number, markdown_message=message)

    def _broken_keep(self, code: CheckedCode | None) -> str | None:
        if code is None:
            return None
        for keep in self._keeps:
            if keep.name not in code.names:
                continue
            value = code.names[keep.name]
            try:
                intact = bool(keep.intact(value))
            except Exception:
                intact = False
            if not intact:
                return (
                    f"Your code has replaced `{keep.name}`, a variable the notebook made and that later cells "
                    f"still need. To recover, run again {keep.made_in}, which makes `{keep.name}` afresh; "
                    "then run your cell again, storing each result under a new name of your own, "
                    f"never `{keep.name}`."
                )
        return None


def assigned_steps(code: CheckedCode | None) -> list[ast.Assign]:
    """Return the statements of the checked cell that store one name (its steps), in order.

    >>> [ast.unparse(step) for step in assigned_steps(CheckedCode(None, {}, ast.parse("a = 1\\nprint(a)\\nb = ...")))]
    ['a = 1', 'b = ...']
    """
    if code is None or code.cell is None:
        return []
    return [node for node in code.cell.body
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)]


def last_store(code: CheckedCode | None, name: str) -> ast.expr | None:
    """Return the code that the checked cell last stores under `name` (one of its steps), or None.

    >>> ast.unparse(last_store(CheckedCode(None, {}, ast.parse("never = 1\\nnever = ~s")), "never"))
    '~s'
    >>> last_store(CheckedCode(None, {}, ast.parse("x = 1")), "never") is None
    True
    """
    stores = [step.value for step in assigned_steps(code) if step.targets[0].id == name]
    return stores[-1] if stores else None


def unwritten_steps(code: CheckedCode | None) -> list[str]:
    """Return the names that the checked cell still stores as the placeholder, `name = ...`, in order, each once.

    >>> unwritten_steps(CheckedCode(None, {}, ast.parse("a = raw.upper()\\nb = ...\\nc = ...\\nex.q1.check(c)")))
    ['b', 'c']
    """
    return list(dict.fromkeys(step.targets[0].id for step in assigned_steps(code)
                              if isinstance(step.value, ast.Constant) and step.value.value is Ellipsis))


def typed_by_hand(code: CheckedCode | None) -> bool:
    """Return True if the cell shows the answer typed by hand (no name in its code): the check says so itself.

    >>> typed_by_hand(CheckedCode(ast.parse('["Wang Gang"]', mode="eval").body, {}))
    True
    >>> typed_by_hand(CheckedCode(ast.parse("s.loc[never]", mode="eval").body, {}))
    False
    """
    expression = None if code is None else code.expression
    return expression is not None and not any(isinstance(node, ast.Name) for node in ast.walk(expression))


def not_finished_message(missing: list[str], exercise: str) -> str:
    """Return the "Not finished yet" message naming the steps that still hold `...`.

    >>> not_finished_message(["never"], "q5")[:46]
    'Not finished yet: `never` still holds `...`. W'
    >>> not_finished_message(["a", "b", "c"], "q5")[:50]
    'Not finished yet: `a`, `b` and `c` still hold `...'
    """
    if len(missing) == 1:
        still, them = f"`{missing[0]}` still holds", "it"
    else:
        still = ", ".join(f"`{name}`" for name in missing[:-1]) + f" and `{missing[-1]}` still hold"
        them = "them"
    return (f"Not finished yet: {still} `...`. Write {them} too, one step per line (replace each `...`), run "
            f"the cell, then check again. Stuck? `ex.{exercise}.hint()` gives a hint.")


def _apply(rule: Rule, answer: Any, code: CheckedCode | None) -> tuple[str, str] | None:
    """Return (mistake id, message) from a rule, or None when it finds nothing (or fails)."""
    try:
        found = rule(answer, code)
    except Exception:
        return None
    if isinstance(found, tuple) and len(found) == 2:
        mistake, message = found
        if isinstance(mistake, str) and mistake and isinstance(message, str) and message:
            return mistake, message
        return None
    return (mistake_id(found), found) if isinstance(found, str) and found else None


def with_mistake_id(rule: Rule, mistake: str) -> Rule:
    """Return the rule with its message given the stable mistake id `mistake` (for the class report).

    >>> rule = with_mistake_id(lambda answer, code: "Use the two columns the task names.", "used-another-column")
    >>> rule(8, None), rule.mistake_ids
    (('used-another-column', 'Use the two columns the task names.'), ('used-another-column',))
    """

    def named(answer: Any, code: CheckedCode | None) -> tuple[str, str] | None:
        message = rule(answer, code)
        return (mistake, message) if isinstance(message, str) and message else None

    named.mistake_ids = (mistake,)  # type: ignore[attr-defined]
    return named


def exact(expected: Callable[[], str], what: str) -> Rule:
    """Return a rule: the answer must be the expected text exactly (surrounding spaces aside).

    >>> rule = exact(lambda: "Wuzhen", "the name")
    >>> rule("Wuzhen", None) is None, rule("wuzhen", None) is not None
    (True, True)
    """

    def rule(answer: Any, code: CheckedCode | None) -> tuple[str, str] | None:
        return _exact_text_mistake(answer, expected(), what)

    rule.mistake_ids = EXACT_TEXT_IDS  # type: ignore[attr-defined]
    return rule


def exact_items(expected: Callable[[], Iterable[str]], what: str) -> Rule:
    """Return a rule: every text of a collection answer must be written exactly as one of the expected texts.

    The check compares the items as it compares text (case and spaces aside); this rule adds the task's
    "exactly as written". Surrounding spaces of an item never count.

    >>> rule = exact_items(lambda: ["said", "further said"], "the verbs of the column")
    >>> rule({"said", " further said"}, None) is None, rule(["said", "Further said"], None)[0]
    (True, 'text-not-exact-case')
    """

    def rule(answer: Any, code: CheckedCode | None) -> tuple[str, str] | None:
        if isinstance(answer, str) or len(answer) > _MOST_ITEMS:
            return None
        wanted = {text.strip() for text in expected()}
        loose = {normalise_text(text): text for text in wanted}
        for item in answer:
            if not isinstance(item, str) or item.strip() in wanted:
                continue
            target = loose.get(normalise_text(item))
            found = None if target is None else _exact_text_mistake(item, target, what, "One of your texts")
            if found is not None:
                return found
        return None

    rule.mistake_ids = EXACT_TEXT_IDS  # type: ignore[attr-defined]
    return rule


def answer_slip(mistake: str, test: Callable[[Any], Any], message: str) -> Rule:
    """Return a slip: when test(answer) is true, the message (with its mistake id) explains the answer.

    For answers that a Mistake never sees, because the check rejects their type first (a number where
    text is asked, a path, a whole table): test gets the answer exactly as given.

    >>> slip = answer_slip("gave-a-count", lambda a: a == 2, "That is how many; the question asks which.")
    >>> slip(2, None), slip(3, None), slip.mistake_ids
    (('gave-a-count', 'That is how many; the question asks which.'), None, ('gave-a-count',))
    >>> import numpy as np
    >>> slip(np.int64(2), None)[0]
    'gave-a-count'
    """

    def slip(answer: Any, code: CheckedCode | None) -> tuple[str, str] | None:
        found = test(answer)  # True or False, numpy's too (a number compared with a numpy number)
        return (mistake, message) if type(found).__name__ in ("bool", "bool_") and bool(found) else None

    slip.mistake_ids = (mistake,)  # type: ignore[attr-defined]
    return slip


def is_number(answer: Any) -> bool:
    """Return True if answer is a number (int, float, numpy number), never True or False.

    >>> is_number(3), is_number(2.5), is_number(True), is_number("3")
    (True, True, False, False)
    """
    return isinstance(answer, numbers.Real) and not isinstance(answer, bool) and type(answer).__name__ != "bool_"


def computed(message: str, mistake: str = "typed-the-value-by-hand") -> Rule:
    """Return a rule: the answer must not be a value typed by hand in the cell that runs the check.

    `mistake` is the rule's mistake id for the class report.

    >>> rule = computed("Let Python work it out.")
    >>> rule(True, CheckedCode(ast.parse("True", mode="eval").body, {}))
    ('typed-the-value-by-hand', 'Let Python work it out.')
    >>> rule(True, None) is None
    True
    """

    def rule(answer: Any, code: CheckedCode | None) -> tuple[str, str] | None:
        return (mistake, message) if code is not None and is_typed_value(code.expression) else None

    rule.mistake_ids = (mistake,)  # type: ignore[attr-defined]
    return rule


def pattern_without_r() -> Rule:
    r"""Return a slip: a piece of text in the cell holds a backspace, so a `\b` lost its r prefix.

    >>> slip = pattern_without_r()
    >>> slip(5, CheckedCode(None, {}, ast.parse('n = len(re.findall("\\bsecurity", t))')))[0]
    'pattern-without-r-prefix'
    >>> slip(5, CheckedCode(None, {}, ast.parse('n = len(re.findall(r"\\bsecurity", t))'))) is None
    True
    """

    def slip(answer: Any, code: CheckedCode | None) -> tuple[str, str] | None:
        if code is None or not any("\x08" in text for text in text_constants(code.cell)):
            return None
        return "pattern-without-r-prefix", (
            "Your cell has a pattern with `\\b` written without an `r` before its quotation marks. Without "
            "the `r`, Python turns `\\b` into another character (a backspace), so the pattern no longer marks "
            "a word boundary and finds nothing. Write `r` right before the opening quotation mark, as in "
            "`r\"\\bword\\b\"`, and run the cell again."
        )

    slip.mistake_ids = ("pattern-without-r-prefix",)  # type: ignore[attr-defined]
    return slip


# ---------------------------------------------------------------------------------------------
# The module's surface: plain words for an unknown name, a short dir()
# ---------------------------------------------------------------------------------------------


def module_dir(public: Iterable[str]) -> Callable[[], list[str]]:
    """Return a module-level __dir__ that lists only the public names (what tab completion offers).

    >>> module_dir(["q2", "q1", "progress"])()
    ['progress', 'q1', 'q2']
    """
    names = sorted(public)

    def __dir__() -> list[str]:
        return list(names)

    return __dir__
