"""Sphinx extension of the collection's website: launch links, and glossary links from first uses.

- Launch links: each notebook page gets links that open its notebook on Binder and on a JupyterHub
  (through nbgitpuller), built by `launch_links` from the settings tools/build_site.py reads from the
  environment. Without a repository address there are none.
- Glossary links: on each notebook page, the first use of every glossary term (glossary.toml) in the
  text links to its definition. Headings, code, outputs and existing links are left alone. A term that
  is also an everyday word ("set", "index") is linked only where the notebook sets it in bold or
  italics, which is how the notebooks introduce a term.
"""

from __future__ import annotations

import html
import json
import re
import tomllib
from pathlib import Path
from urllib.parse import quote, urlsplit

from docutils import nodes

GITHUB = re.compile(r"^https://github\.com/(?P<owner>[^/]+)/(?P<repo>[^/]+?)(?:\.git)?/?$")
GITLAB = re.compile(r"^https://gitlab\.com/(?P<path>.+?)(?:\.git)?/?$")


class LaunchSettingsError(ValueError):
    """A launch setting is not an address the links can be built from; the message says which."""


def check_address(name: str, value: str) -> str:
    """Return `value` without a trailing slash if it is an http(s) address; raise LaunchSettingsError if not.

    >>> check_address("WUZHEN_SITE_REPOSITORY", "https://github.com/owner/repo/")
    'https://github.com/owner/repo'
    """
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise LaunchSettingsError(
            f"{name} is set to {value!r}, which is not a web address. Give the full address, starting "
            f"with https://, or leave {name} unset.")
    return value.rstrip("/")


def binder_link(binderhub: str, repository: str, branch: str, path: str) -> str:
    """Return the Binder address that builds `repository` at `branch` and opens `path` in JupyterLab.

    >>> binder_link("https://mybinder.org", "https://github.com/o/r", "main", "notebooks/00-start-here.ipynb")
    'https://mybinder.org/v2/gh/o/r/main?urlpath=lab/tree/notebooks/00-start-here.ipynb'
    >>> binder_link("https://mybinder.org", "https://gitlab.com/group/r", "main", "n.ipynb")
    'https://mybinder.org/v2/gl/group%2Fr/main?urlpath=lab/tree/n.ipynb'
    """
    urlpath = "urlpath=" + quote(f"lab/tree/{path}", safe="/")
    if match := GITHUB.match(repository):
        spec = f"gh/{match['owner']}/{match['repo']}"
    elif match := GITLAB.match(repository):
        spec = f"gl/{quote(match['path'], safe='')}"
    else:
        spec = f"git/{quote(repository, safe='')}"
    return f"{binderhub}/v2/{spec}/{quote(branch, safe='')}?{urlpath}"


def hub_link(hub: str, repository: str, branch: str, path: str) -> str:
    """Return the nbgitpuller address that copies `repository` into a hub user's files and opens `path`.

    The copy lands in a folder named like the repository, as the instructor guide describes.

    >>> hub_link("https://hub.example.org", "https://github.com/o/wuzhen.git", "main", "notebooks/a.ipynb")
    'https://hub.example.org/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com%2Fo%2Fwuzhen.git&branch=main&urlpath=lab/tree/wuzhen/notebooks/a.ipynb'
    """
    folder = urlsplit(repository).path.rstrip("/").rsplit("/", 1)[-1].removesuffix(".git")
    return (f"{hub}/hub/user-redirect/git-pull?repo={quote(repository, safe='')}&branch={quote(branch, safe='')}"
            f"&urlpath={quote(f'lab/tree/{folder}/{path}', safe='/')}")


def launch_links(settings: dict, path: str) -> list[tuple[str, str]]:
    """Return (label, address) of each launch link for the notebook at `path` (from the repository's root).

    `settings` holds `repository`, `branch`, `binderhub` and `jupyterhub` (the last two may be empty).
    Without a repository there is no link at all.

    >>> launch_links({"repository": "", "branch": "main", "binderhub": "https://mybinder.org",
    ...               "jupyterhub": ""}, "x.ipynb")
    []
    >>> [label for label, _ in launch_links({"repository": "https://github.com/o/r", "branch": "main",
    ...     "binderhub": "https://mybinder.org", "jupyterhub": "https://hub.example.org"}, "x.ipynb")]
    ['Open on Binder', 'Open on your JupyterHub']
    """
    repository = settings.get("repository") or ""
    if not repository:
        return []
    links = []
    branch = settings["branch"]
    if settings.get("binderhub"):
        links.append(("Open on Binder", binder_link(settings["binderhub"], repository, branch, path)))
    if settings.get("jupyterhub"):
        links.append(("Open on your JupyterHub", hub_link(settings["jupyterhub"], repository, branch, path)))
    return links


def load_glossary(folder: Path) -> list[dict]:
    """Return the terms of glossary.toml in `folder`, in the file's order."""
    return tomllib.loads((folder / "glossary.toml").read_text(encoding="utf-8"))["term"]


def term_pattern(terms: list[dict]) -> re.Pattern:
    """Return one pattern that finds any form of any term as whole words, longest forms first.

    Each match's group name says the term: group ``t3`` is terms[3].

    >>> pattern = term_pattern([{"term": "bound", "forms": ["bound"]},
    ...                         {"term": "lower bound", "forms": ["lower bound"]}])
    >>> match = pattern.search("a lower bound")
    >>> match.lastgroup, match.group()
    ('t1', 'lower bound')
    """
    forms = sorted(((form, index, term.get("case", False)) for index, term in enumerate(terms)
                    for form in term["forms"]), key=lambda item: -len(item[0]))
    # One group per term, holding its forms longest first; the groups are ordered by their longest form.
    groups: dict[int, list[str]] = {}
    for form, index, case in forms:
        escaped = re.escape(form)
        groups.setdefault(index, []).append(escaped if case else f"(?i:{escaped})")
    order = sorted(groups, key=lambda i: -max(len(f) for f in terms[i]["forms"]))
    alternatives = [f"(?P<t{i}>{'|'.join(groups[i])})" for i in order]
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])")


SKIP = (nodes.title, nodes.literal, nodes.literal_block, nodes.reference, nodes.raw, nodes.FixedTextElement,
        nodes.image, nodes.rubric, nodes.caption, nodes.term)


def _linkable(node: nodes.Node) -> bool:
    """Return False for text inside a heading, code, an output, a link or a figure."""
    parent = node.parent
    while parent is not None:
        if isinstance(parent, SKIP):
            return False
        if isinstance(parent, nodes.container) and {"cell_output", "cell_input"} & set(parent.get("classes", [])):
            return False
        parent = parent.parent
    return True


def link_terms(app, doctree: nodes.document, docname: str) -> None:
    """Link the first use of each glossary term on a notebook page to its definition."""
    if not docname.startswith("notebooks/") or "glossary" not in app.env.found_docs:
        return
    terms = app.env.wuzhen_glossary
    pattern = term_pattern(terms)
    targets = app.env.domaindata["std"]["objects"]
    glossary_uri = app.builder.get_relative_uri(docname, "glossary")
    linked: set[int] = set()
    for text in list(doctree.findall(nodes.Text)):
        if len(linked) == len(terms) or not _linkable(text):
            continue
        value = str(text)
        emphasised = isinstance(text.parent, (nodes.strong, nodes.emphasis))
        pieces: list[nodes.Node] = []
        start = 0
        for match in pattern.finditer(value):
            index = int(match.lastgroup[1:])
            term = terms[index]
            if index in linked or (term.get("emphasis") and not (emphasised and match.group() == value.strip())):
                continue
            target = targets.get(("term", term["term"])) or targets.get(("term", term["term"].lower()))
            if target is None:
                continue
            linked.add(index)
            pieces.append(nodes.Text(value[start:match.start()]))
            reference = nodes.reference("", "", internal=True, refuri=f"{glossary_uri}#{target[1]}",
                                        reftitle=f"Glossary: {term['term']}", classes=["glossary-link"])
            reference += nodes.Text(match.group())
            pieces.append(reference)
            start = match.end()
        if pieces:
            pieces.append(nodes.Text(value[start:]))
            text.parent.replace(text, [piece for piece in pieces if not isinstance(piece, nodes.Text) or str(piece)])


def add_launch_links(app, doctree: nodes.document) -> None:
    """Put the launch links of a notebook page right under its title."""
    docname = app.env.docname
    if not docname.startswith("notebooks/"):
        return
    links = launch_links(json.loads(app.config.wuzhen_launch or "{}"), f"{docname}.ipynb")
    if not links:
        return
    anchors = " ".join(f'<a class="launch-link" href="{html.escape(url)}">{html.escape(label)}</a>'
                       for label, url in links)
    raw = nodes.raw("", f'<p class="launch-links">Run this notebook: {anchors}</p>\n', format="html")
    section = next(iter(doctree.findall(nodes.section)), None)
    if section is not None and section.children and isinstance(section[0], nodes.title):
        section.insert(1, raw)


def remember_glossary(app) -> None:
    app.env.wuzhen_glossary = load_glossary(Path(app.confdir))


def setup(app):
    app.add_config_value("wuzhen_view", "learner", "env")
    app.add_config_value("wuzhen_launch", "", "env")  # JSON, from tools/build_site.py
    app.connect("builder-inited", remember_glossary)
    app.connect("doctree-read", add_launch_links)
    app.connect("doctree-resolved", link_terms)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
