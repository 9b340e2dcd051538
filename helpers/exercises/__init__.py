"""The self-checking exercises, one module per notebook.

In a notebook::

    from helpers.exercises import nb01 as ex
    ex.q1.check(answer)     # is my answer right?
    ex.q1.hint()            # a hint, more specific each time
    ex.q1.solution()        # a worked answer
    ex.progress()           # what is done so far
"""

from __future__ import annotations

import importlib

#: The exercise module for each notebook, by the notebook's file name.
NOTEBOOK_MODULES: dict[str, str] = {
    "00-start-here.ipynb": "nb00",
    "01-the-article-as-text.ipynb": "nb01",
    "02-the-figures.ipynb": "nb02",
    "03-the-quotations.ipynb": "nb03",
    "04-the-themes.ipynb": "nb04",
    "05-capstone-a-fact-checked-brief.ipynb": "nb05",
}


def exercise_set(notebook: str):
    """Return the ExerciseSet of the notebook with file name `notebook`.

    >>> exercise_set("00-start-here.ipynb").notebook
    '00-start-here'
    """
    module = importlib.import_module(f"helpers.exercises.{NOTEBOOK_MODULES[notebook]}")
    return module.EXERCISES
