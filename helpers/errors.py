"""How the collection's own errors appear in a notebook: their message in plain words, without a traceback.

The collection's errors (a damaged data file, an output folder that is not safe to write to, a file
name that output_path() cannot take) already say what went wrong and what to do. A traceback into
helpers/ adds nothing for a student new to Python, so in a notebook (IPython) importing helpers asks
the shell to show just "ErrorName: message", in red, and to stop Run All as any error does. A
student's own errors keep their usual traceback; when one comes from a placeholder `...` still in the
cell (Python's "'ellipsis' object has no attribute ..."), a plain note under it says what to do.
"""

from __future__ import annotations

import sys
from typing import Any

from helpers.data import DataFileError
from helpers.output import OutputFolderError, OutputNameError

#: The errors shown as their message only.
PLAIN_ERRORS: tuple[type[BaseException], ...] = (DataFileError, OutputFolderError, OutputNameError)
#: A student's own errors that get a plain note under their usual traceback when a placeholder caused them.
NOTED_ERRORS: tuple[type[BaseException], ...] = (TypeError, AttributeError)
#: The note: Python calls the placeholder `...` "ellipsis", a word a beginner has not met.
PLACEHOLDER_NOTE = ("A name on this line still holds `...`, the placeholder (Python calls it 'ellipsis'): write "
                    "the steps above it first, replacing each `...`, then run the cell again.")


def show_plainly(shell: Any, kind: type[BaseException], error: BaseException, traceback: Any,
                 tb_offset: int | None = None) -> list[str]:
    """Write "ErrorName: message" to standard error (IPython's handler for PLAIN_ERRORS); return it as lines.

    >>> show_plainly(None, OutputNameError, OutputNameError("Give a plain file name."), None)
    ['OutputNameError: Give a plain file name.']
    """
    text = f"{kind.__name__}: {error}"
    print(text, file=sys.stderr)
    return text.splitlines()


def show_with_note(shell: Any, kind: type[BaseException], error: BaseException, traceback: Any,
                   tb_offset: int | None = None) -> list[str]:
    """IPython's handler: PLAIN_ERRORS plainly; a student's TypeError or AttributeError with its usual
    traceback, and PLACEHOLDER_NOTE under it when a placeholder `...` caused it.

    >>> show_with_note(None, OutputNameError, OutputNameError("Give a plain file name."), None)
    ['OutputNameError: Give a plain file name.']
    """
    if isinstance(error, PLAIN_ERRORS):
        return show_plainly(shell, kind, error, traceback, tb_offset)
    shell.showtraceback((kind, error, traceback), tb_offset=tb_offset)
    if "'ellipsis'" in str(error):
        print(PLACEHOLDER_NOTE, file=sys.stderr)
    return []


def install(shell: Any = None) -> bool:
    """Ask an IPython shell (the running one by default) to show PLAIN_ERRORS plainly; return True if it does.

    Nothing happens outside IPython, or when something else already handles some errors its own way.

    >>> install(None)  # not in IPython here
    False
    """
    if shell is None:
        ipython = sys.modules.get("IPython")  # a notebook's kernel has imported it; never import it here
        shell = ipython.get_ipython() if ipython is not None and hasattr(ipython, "get_ipython") else None
    if shell is None or not hasattr(shell, "set_custom_exc"):
        return False
    handled = tuple(getattr(shell, "custom_exceptions", ()) or ())
    if any(kind not in (*PLAIN_ERRORS, *NOTED_ERRORS) for kind in handled):
        return False
    shell.set_custom_exc((*PLAIN_ERRORS, *NOTED_ERRORS), show_with_note)
    return True
