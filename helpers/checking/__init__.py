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

How answers are compared depends on `kind`:

- "number"    int, float, numpy and pandas numbers, 0-d arrays; within `tolerance`; never True/False
- "text"      a str, ignoring upper/lower case, surrounding and repeated spaces, curly quotes
- "set"       a collection (list, tuple, set, Series, Index, array); order and repeats do not count
- "bag"       like "set", but repeats count
- "sequence"  a list, tuple, Series, Index or array; order matters
- "mapping"   a dict or a Series (index -> value); keys like text, values like numbers or text
- "boolean"   True or False (numpy bools too); never the text "yes" or "true"
- "custom"    `compare(answer, expected)` decides

Items of collections are compared one by one with the same rules: numbers like "number", text like
"text"; an item that is a tuple or a list (for example a (word, count) pair) is compared item by item.

A Mistake's test receives the student's answer after it has been read for its kind:
- "number": an int or a float;  "text": the text stripped, with single spaces, casefolded;
- "set": a frozenset of items;  "bag" and "sequence": a tuple of items;  "mapping": a dict;
- "boolean": a bool;  "custom": the answer exactly as given.
Text items inside collections are normalised the same way, pairs become tuples.

Nothing here reads a file or imports pandas: numpy and pandas objects are recognised only when those
libraries are already imported (an object cannot be a pandas Series if pandas was never imported).

The engine, one concept per module:
- feedback.py      the statuses, Feedback, and messages in plain text and Markdown
- objects.py       what kind of object an answer is, described in plain words
- values.py        single values read and normalised (text, numbers, items of collections)
- answers.py       an answer read for its kind, or rejected with a tip about its type
- compare.py       a read answer compared with the reference; what is wrong, said without the answer
- exercise.py      Exercise, Mistake and strict mode
- exercise_set.py  ExerciseSet: the exercises of one notebook, progress() and reset()
- audit.py         audit_exercise, run by the test suite on every exercise
"""

from .answers import KINDS
from .audit import audit_exercise
from .exercise import Exercise, ExerciseCheckFailed, Mistake, strict_mode
from .exercise_set import ExerciseSet
from .feedback import CORRECT, NOT_ATTEMPTED, NOT_YET_RIGHT, STATUSES, Feedback

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
    "ExerciseCheckFailed",
    "strict_mode",
    "audit_exercise",
]
