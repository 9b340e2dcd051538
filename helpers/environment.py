"""A readiness check for notebook 00: is everything this collection needs in place?

It looks at the Python version, the packages, every file in ``data/`` (the article, the four
tables and ``SHA256SUMS``, each read by its loader exactly as a notebook reads it) and the
``output/`` folder. It never stops with a Python error: whatever it finds is said in plain words,
with what to do next. It reads files only; it creates and changes nothing.
"""

from __future__ import annotations

import importlib.util
import sys

MINIMUM_PYTHON = (3, 11)
NEEDED_PACKAGES = ("pandas", "numpy", "matplotlib", "IPython")
# Every loader in helpers.data; together they read every data file, SHA256SUMS included.
DATA_LOADERS = (
    "load_raw_article",
    "load_figures",
    "load_quotations",
    "load_speakers",
    "load_themes",
)
_REINSTALL = "Install everything with: pip install -r requirements.txt"
_ASK_FOR_HELP = (
    "Download the repository again; if that does not help, show this message to your instructor."
)


def _briefly(error: BaseException) -> str:
    """Return an unexpected error as one short line: its kind and the start of its message.

    >>> _briefly(ValueError("a very odd value"))
    'ValueError: a very odd value'
    """
    text = " ".join(str(error).split())
    text = text if len(text) <= 160 else text[:157] + "..."
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def _python_problems() -> list[str]:
    """Return the problem with this Python's version, if it is too old.

    >>> _python_problems()
    []
    """
    if sys.version_info[:2] >= MINIMUM_PYTHON:
        return []
    found = ".".join(map(str, sys.version_info[:3]))
    return [f"Python {found} is too old: these notebooks need Python 3.11 or newer."]


def _package_problems() -> list[str]:
    """Return a problem for each needed package that is missing or cannot be looked up.

    >>> _package_problems()
    []
    """
    problems = []
    for package in NEEDED_PACKAGES:
        try:
            missing = importlib.util.find_spec(package) is None
        except Exception as error:  # a broken installation can fail in many ways
            problems.append(
                f"The package {package} is installed but broken ({_briefly(error)}). {_REINSTALL}"
            )
            continue
        if missing:
            problems.append(f"The package {package} is missing. {_REINSTALL}")
    return problems


def _data_problems() -> list[str]:
    """Return the problems with the files in data/, each once, as every loader reports them.

    >>> _data_problems()
    []
    """
    try:
        from helpers import data
    except Exception as error:  # for example pandas missing: the loaders need it
        return [
            f"The data files could not be checked, because the loaders could not start "
            f"({_briefly(error)}). {_REINSTALL}"
        ]
    problems: list[str] = []
    for name in DATA_LOADERS:
        try:
            getattr(data, name)()
        except data.DataFileError as error:
            problem = str(error)
        except Exception as error:  # never let the check itself stop with a traceback
            problem = f"Reading the data with {name}() failed unexpectedly ({_briefly(error)}). "
            problem += _ASK_FOR_HELP
        else:
            continue
        # When SHA256SUMS is missing, every loader says so in the same words: say it once.
        if problem not in problems:
            problems.append(problem)
    return problems


def _output_problems() -> list[str]:
    """Return the problem with the output/ folder, if notebooks could not write into it.

    >>> _output_problems()
    []
    """
    try:
        from helpers.output import output_folder_problem

        problem = output_folder_problem()
    except Exception as error:
        return [f"The output/ folder could not be checked ({_briefly(error)}). {_ASK_FOR_HELP}"]
    if problem is None:
        return []
    return [f"Notebooks will not be able to save files: {problem}"]


def environment_problems() -> list[str]:
    """Return a list of plain-words problems with this environment (empty when ready).

    >>> environment_problems()
    []
    """
    problems = []
    for check in (_python_problems, _package_problems, _data_problems, _output_problems):
        try:
            problems.extend(check())
        except Exception as error:  # a last guard: the check must never crash
            problem = f"Part of this check failed unexpectedly ({_briefly(error)}). {_ASK_FOR_HELP}"
            problems.append(problem)
    return problems


def check_environment() -> None:
    """Return nothing; print whether this environment is ready for the notebooks, and what to fix.

    >>> check_environment()
    Ready: Python 3.11 or newer, pandas, numpy, matplotlib, IPython and the article's data are all in place.
    """
    problems = environment_problems()
    if not problems:
        packages = ", ".join(NEEDED_PACKAGES)
        print(f"Ready: Python 3.11 or newer, {packages} and the article's data are all in place.")
        return
    print("Not ready yet. Fix these, then run this cell again:")
    for problem in problems:
        first, *rest = problem.splitlines()
        print(f"- {first}")
        for line in rest:
            print(f"  {line}")
