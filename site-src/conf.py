"""Sphinx configuration of the collection's website (`make site`, tools/build_site.py).

tools/build_site.py lays out one source folder per view (the notebooks, the data README, and the
pages it writes from lessons.toml, glossary.toml and cheatsheet.toml) and builds it with this
configuration. The view ("learner" or "instructor") and the launch settings come in as
configuration values (`wuzhen_view`, `wuzhen_launch`), set by the build; nothing here needs the
network: no web fonts, no MathJax, no scripts from elsewhere.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "_ext"))

project = "Wuzhen Summit Notebooks"
author = "the Wuzhen Summit Notebooks authors"
copyright = "the Wuzhen Summit Notebooks authors; the article belongs to China Daily"
language = "en"
# The notebooks' text as written: no quotation marks or dashes changed (they quote the article word for word).
smartquotes = False

extensions = ["myst_nb", "wuzhen_site"]

# The notebooks come executed (student versions, by tools/build_site.py) or with their stored
# outputs (solution versions): Sphinx runs nothing.
nb_execution_mode = "off"
# Each output shows the richest form it has; the checks' records (a JSON mime type) are not shown.
nb_render_markdown_format = "commonmark"
nb_merge_streams = True
# The notebooks link to headings of the data README and of each other ("#what-the-article-...").
myst_heading_anchors = 4
myst_enable_extensions = ["deflist"]
# A shell example the highlighter cannot fully colour (an apostrophe in a placeholder) is still shown.
suppress_warnings = ["mystnb.unknown_mime_type", "misc.highlighting_failure"]

exclude_patterns = ["_build", "**.ipynb_checkpoints"]
templates_path = ["_templates"]
html_static_path = ["_static"]
html_css_files = ["site.css"]
html_theme = "sphinx_book_theme"
html_title = "Wuzhen Summit Notebooks"
html_copy_source = False
html_show_sourcelink = False
html_last_updated_fmt = None
html_theme_options = {
    "home_page_in_toc": True,
    "show_navbar_depth": 1,
    "use_download_button": False,
    "use_fullscreen_button": False,
    "navigation_with_keys": False,
    "show_toc_level": 2,
    "pygments_light_style": "a11y-high-contrast-light",
    "pygments_dark_style": "a11y-high-contrast-dark",
}
html_context = {"default_mode": "light"}
