"""Helpers for the Wuzhen Summit Notebooks.

Everything a notebook needs, in one import::

    import helpers
    article = helpers.load_article()
    paragraphs = helpers.split_paragraphs(article)

- loading the data: :mod:`helpers.data`
- working with text: :mod:`helpers.text`
- self-checking exercises: :mod:`helpers.checking` and :mod:`helpers.exercises`
- figures: :mod:`helpers.figures`

Importing helpers only defines things: it reads no file and changes no matplotlib setting. In a
notebook it also asks IPython to show the collection's own errors as their plain message, without a
traceback into helpers/ (:mod:`helpers.errors`).
"""

from helpers.data import (
    DataFileError,
    load_article,
    load_figures,
    load_quotations,
    load_raw_article,
    load_speakers,
    load_themes,
)
from helpers.environment import check_environment
from helpers.errors import install as _show_our_errors_plainly
from helpers.figures import HATCHES, MARKERS, PALETTE, SOURCE, add_source, use_style
from helpers.output import OutputFolderError, OutputNameError, output_path
from helpers.text import (
    clean_text,
    keyword_in_context,
    split_paragraphs,
    split_sentences,
    split_words,
)

__all__ = [
    "DataFileError",
    "HATCHES",
    "MARKERS",
    "OutputFolderError",
    "OutputNameError",
    "PALETTE",
    "SOURCE",
    "add_source",
    "check_environment",
    "clean_text",
    "keyword_in_context",
    "load_article",
    "load_figures",
    "load_quotations",
    "load_raw_article",
    "load_speakers",
    "load_themes",
    "output_path",
    "split_paragraphs",
    "split_sentences",
    "split_words",
    "use_style",
]

_show_our_errors_plainly()
