"""A readiness check for notebook 00: is everything this collection needs in place?"""

from __future__ import annotations

import importlib.util
import sys

MINIMUM_PYTHON = (3, 11)
NEEDED_PACKAGES = ("pandas", "numpy", "matplotlib", "IPython")


def environment_problems() -> list[str]:
    """Return a list of plain-words problems with this environment (empty when ready).

    >>> environment_problems()
    []
    """
    problems = []
    if sys.version_info[:2] < MINIMUM_PYTHON:
        found = ".".join(map(str, sys.version_info[:3]))
        problems.append(f"Python {found} is too old: these notebooks need Python 3.11 or newer.")
    for package in NEEDED_PACKAGES:
        if importlib.util.find_spec(package) is None:
            problems.append(
                f"The package {package} is missing. Install everything with: "
                "pip install -r requirements.txt"
            )
    from helpers.data import DataFileError, load_figures, load_raw_article

    try:
        load_raw_article()
        load_figures()
    except DataFileError as exc:
        problems.append(str(exc))
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
        print(f"- {problem}")
