"""Every relative link in the collection's notebooks and markdown files leads to a file that exists
inside the repository.

JupyterLab (`make lab`, Binder, a hub) serves the repository's top folder and nothing above it, so a
link that climbs out of it, or points at a file that is not there, opens nothing for a student.
Links with a scheme (https:, mailto:) and links to a place on the same page (#...) are not checked
here; links inside code (fenced blocks and `code spans`) are not links.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Folders that are not part of the collection: environments, caches, and what runs of it write.
SKIPPED_FOLDERS = {".git", ".venv", "venv", "node_modules", "__pycache__", ".pytest_cache", ".hypothesis",
                   ".ipynb_checkpoints", "output", "bench-results", "site"}

FENCED_BLOCK = re.compile(r"^( {0,3})(```|~~~).*?^\1\2[^\n]*$", re.MULTILINE | re.DOTALL)
CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)", re.DOTALL)
MARKDOWN_LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'(][^)]*)?\)")
REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)
HTML_LINK = re.compile(r"""<(?:a|img|source)\b[^>]*?\b(?:href|src)\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def link_targets(markdown: str) -> list[str]:
    """Return the targets of the links in `markdown`, code blocks and code spans left out.

    >>> link_targets("See [the data](../data/README.md#provenance) and `[not](a-link.md)`.")
    ['../data/README.md#provenance']
    >>> link_targets("![A chart](figure.png \\"title\\") <a href='guide.md'>guide</a>")
    ['figure.png', 'guide.md']
    """
    text = CODE_SPAN.sub("", FENCED_BLOCK.sub("", markdown))
    return [*MARKDOWN_LINK.findall(text), *REFERENCE_DEFINITION.findall(text), *HTML_LINK.findall(text)]


def link_problem(source: Path, target: str, root: Path = ROOT) -> str | None:
    """Return what is wrong with the link `target` written in the file `source`, or None if it works.

    >>> link_problem(ROOT / "notebooks" / "01-the-article-as-text.ipynb", "../data/README.md") is None
    True
    >>> link_problem(ROOT / "README.md", "https://example.org/x") is None
    True
    >>> link_problem(ROOT / "notebooks" / "00-start-here.ipynb", "../../outside.md")
    'leaves the repository, which is all that JupyterLab serves'
    """
    if SCHEME.match(target) or target.startswith("#"):
        return None
    path = unquote(re.split(r"[?#]", target, maxsplit=1)[0])
    if not path:
        return None
    if path.startswith("/"):
        return "is an absolute path: write it relative to the file that holds the link"
    resolved = (source.parent / path).resolve()
    if not resolved.is_relative_to(root.resolve()):
        return "leaves the repository, which is all that JupyterLab serves"
    if not resolved.exists():
        return "leads to no file"
    return None


def reader_files() -> list[Path]:
    """Every notebook and markdown file of the collection."""
    found = []
    for path in sorted(ROOT.rglob("*")):
        relative = path.relative_to(ROOT)
        if path.suffix in {".md", ".ipynb"} and path.is_file() and not SKIPPED_FOLDERS & set(relative.parts):
            found.append(path)
    return found


def markdown_of(path: Path) -> str:
    if path.suffix == ".ipynb":
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        return "\n\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    return path.read_text(encoding="utf-8")


def test_the_scan_covers_the_readmes_the_guide_and_both_versions_of_every_notebook():
    names = {path.relative_to(ROOT).as_posix() for path in reader_files()}
    assert {"README.md", "data/README.md", "instructors/guide.md"} <= names
    notebooks = {name for name in names if name.endswith(".ipynb")}
    assert len([n for n in notebooks if n.startswith("notebooks/solutions/")]) >= 6
    assert len([n for n in notebooks if n.count("/") == 1]) >= 6


@pytest.mark.parametrize("path", reader_files(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_relative_link_resolves_to_a_file_inside_the_repository(path):
    problems = [f"{target} {problem}" for target in link_targets(markdown_of(path))
                if (problem := link_problem(path, target))]
    assert not problems, f"{path.relative_to(ROOT)}: " + "; ".join(problems)


def test_a_broken_link_is_caught(tmp_path):
    (tmp_path / "notebooks").mkdir()
    source = tmp_path / "notebooks" / "note.md"
    source.write_text("[missing](../data/README.md) [outside](../../x.md) [top](/etc/hosts)", encoding="utf-8")
    problems = [link_problem(source, t, root=tmp_path) for t in link_targets(source.read_text(encoding="utf-8"))]
    assert problems == ["leads to no file", "leaves the repository, which is all that JupyterLab serves",
                        "is an absolute path: write it relative to the file that holds the link"]
