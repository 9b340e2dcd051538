"""Self-checking exercises: check an answer, ask for a hint, see a worked solution.

A student writes an answer in a cell and asks whether it is right::

    answer = ...            # the placeholder: replace ... with your answer
    ex.q1.check(answer)     # Correct / Not yet right / Not attempted, with an explanation
    ex.q1.hint()            # the next hint, each one more specific
    ex.q1.solution()        # a worked answer with an explanation
    ex.progress()           # what is done so far

An exercise author (helpers/exercises/nbXX.py) builds the exercises like this:

>>> q1 = Exercise(
...     1, "Count the paragraphs",
...     expected=lambda: 12,
...     kind="number",
...     hints=["Split the text into paragraphs first.", "`len(...)` counts the items of a list."],
...     solution="answer = len(paragraphs)",
...     mistakes=[Mistake(lambda a: a == 13, "The headline is not a body paragraph.", example=13)],
... )
>>> print(q1.evaluate(12.0))
Exercise 1 · Count the paragraphs — Correct.
Well done: your answer is right. To compare your code with a worked answer, run ex.q1.solution().
>>> q1.evaluate(13).message
'The headline is not a body paragraph.'
>>> audit_exercise(q1)
[]

How answers are compared depends on `kind` (one module each in helpers/checking/kinds/):

- "number"    int, float, numpy and pandas numbers, 0-d arrays; within `tolerance`; never True/False
- "text"      a str, ignoring upper/lower case, surrounding and repeated spaces, curly quotes (normalise_text)
- "set"       a collection (list, tuple, set, Series, Index, array); order and repeats do not count
- "bag"       like "set", but repeats count
- "sequence"  a list, tuple, Series, Index or array; order matters
- "mapping"   a dict or a Series (index -> value); keys like text, values like numbers or text
- "boolean"   True or False (numpy bools too); never the text "yes" or "true"
- "custom"    `compare(answer, expected)` decides
- "labels"    one label per row (a dict or a Series: row -> label), compared row by row (LabelRows)

Items of collections are compared one by one with the same rules: numbers like "number", text like
"text"; an item that is a tuple or a list (for example a (word, count) pair) is compared item by item.

A Mistake's test receives the student's answer after it has been read for its kind:
- "number": an int or a float;  "text": normalise_text(answer) (casefolded, single spaces, straight quotes);
- "set": a frozenset of items;  "bag" and "sequence": a tuple of items;  "mapping": a dict;
- "boolean": a bool;  "custom": the answer exactly as given.
Text items inside collections are normalised the same way, pairs become tuples. To compare with
your own text in a Mistake, normalise it the same way: `lambda a: a == normalise_text("Wang Gang")`.

Besides the Mistakes an author writes, every check recognises the usual slips by itself: None
(from print, a missing return, or an in-place method such as .sort()), a True/False Series where a
count is asked, a near-miss spelling, a class given where its name as text is asked, and how many
items of a collection are missing or should not be there (never which ones).

Shared names: `Exercise(..., shared_names=["quotations"])` declares the notebook's tables that an
answer must not replace; `SharedName("quotations", intact=..., made_in=...)` also notices a table a
cell has changed. check() then says so, and how to get it back (see shared.py).

Other interactions subclass Exercise and override judge() only (interactions.py lists them all):
PredictThenRun and PredictAndRun (a prediction, checked against what the cell gives), LabelRows
(labels for the rows of a table a person checked), ChooseLine and OrderLines (Parsons problems, each
wrong line with its own explanation), ClaimWithEvidence (a claim and the article's sentence that
supports it). Fix-the-broken-code is an ordinary check of the repaired result.

Nothing here reads a file or imports pandas: numpy and pandas objects are recognised only when those
libraries are already imported (an object cannot be a pandas Series if pandas was never imported).

The engine, one concept per module (they use each other's names without underscores; __all__
below is what the rest of the project uses):
- feedback.py      the statuses, Feedback, messages in plain text and Markdown, showing them anywhere
- objects.py       what kind of object an answer is, described in plain words
- values.py        single values read and normalised (text, numbers, items of collections)
- spelling.py      near misses, measured in a bounded time
- kinds/           one module per answer kind, and the protocol they share (kinds/base.py)
- exercise.py      Exercise, Mistake, answer_key
- interactions.py  PredictThenRun, PredictAndRun, LabelRows: Exercise subclasses, and the kinds of interaction
- parsons.py       ChooseLine and OrderLines
- claims.py        ClaimWithEvidence
- exercise_set.py  ExerciseSet: the exercises of one notebook, progress(), reset(), wrong names
- shared.py        shared names that an answer must not replace
- strict.py        strict mode (WUZHEN_STRICT) for the test suite, and its accepted values
- record.py        the record each check leaves in the saved notebook, for the class report
- audit.py         audit_exercise, run by the test suite on every exercise
"""

from .audit import audit_exercise
from .claims import ClaimWithEvidence
from .exercise import AnswerKey, Exercise, Mistake, Verdict, answer_key
from .exercise_set import ExerciseSet
from .feedback import CORRECT, NOT_ATTEMPTED, NOT_YET_RIGHT, STATUSES, Feedback
from .interactions import INTERACTIONS, LabelRows, Pair, PredictAndRun, PredictThenRun, interaction_kinds
from .kinds import KINDS
from .parsons import ChooseLine, OrderLines
from .record import RECORD_MIME, collection_version, mistake_id
from .shared import SharedName
from .strict import ExerciseCheckFailed, StrictModeError, strict_mode
from .values import normalise_text

__all__ = [
    "CORRECT",
    "NOT_YET_RIGHT",
    "NOT_ATTEMPTED",
    "STATUSES",
    "KINDS",
    "Mistake",
    "Feedback",
    "Exercise",
    "ExerciseSet",
    "PredictThenRun",
    "PredictAndRun",
    "LabelRows",
    "ChooseLine",
    "OrderLines",
    "ClaimWithEvidence",
    "Pair",
    "INTERACTIONS",
    "interaction_kinds",
    "SharedName",
    "Verdict",
    "ExerciseCheckFailed",
    "StrictModeError",
    "strict_mode",
    "audit_exercise",
    "answer_key",
    "AnswerKey",
    "normalise_text",
    "RECORD_MIME",
    "collection_version",
    "mistake_id",
]
