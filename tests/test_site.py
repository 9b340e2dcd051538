"""The website (`make site`, tools/build_site.py): what a reader of each view gets, and what they must not.

The site is built once for this file, into a temporary folder, with launch links for a made-up
repository and hub (example addresses, only here). The checks read its files; the browser checks open
every page in headless Chromium, served from this machine with every request elsewhere refused:
no console error, no serious or critical finding of axe-core, no sideways scrolling at a phone's
width, search that works offline, and a printed page without navigation.

The browser checks need Debian's `chromium`, Playwright (requirements-dev.txt) and axe-core from npm
(`.ci/run` installs it into node_modules/); where one is missing they are skipped with the reason,
except where WUZHEN_REQUIRE_BROWSER=1 (CI): there they fail.
"""

from __future__ import annotations

import doctest
import functools
import http.server
import importlib
import importlib.util
import re
import sys
import threading
import tomllib
from pathlib import Path
from urllib.parse import unquote, urlsplit

import nbformat
import pytest
from bs4 import BeautifulSoup
from tool_modules import load_tool

from helpers.checking import answer_key

ROOT = Path(__file__).resolve().parent.parent
SITE_SOURCE = ROOT / "site-src"
NOTEBOOKS = ROOT / "notebooks"
SOLUTIONS = NOTEBOOKS / "solutions"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
REPOSITORY = "https://github.com/example-owner/wuzhen-summit-notebooks"
HUB = "https://hub.example.org"
MARK = re.compile(r"\s*#\s*SOLUTION\s*$")
MODEL_ANSWER = "**A model answer (instructors' version only):**"

sys.path.insert(0, str(SITE_SOURCE / "_ext"))
import python_constructs  # noqa: E402
import wuzhen_site  # noqa: E402

build_site = load_tool("build_site")
bench_site = load_tool("bench_site")


def squash(text: str) -> str:
    """Return text with every run of white space made one space (HTML and code disagree on spacing)."""
    return " ".join(text.split())


@functools.cache
def notebook(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def all_notebooks() -> list[Path]:
    return sorted(NOTEBOOKS.glob("*.ipynb")) + sorted(SOLUTIONS.glob("*.ipynb"))


def solution_lines(path: Path) -> list[str]:
    """Return the lines a student must write in a notebook (its `# SOLUTION` lines, without the mark)."""
    return [MARK.sub("", line).strip() for cell in notebook(path).cells if cell.cell_type == "code"
            for line in cell.source.splitlines() if MARK.search(line)]


def model_answers(path: Path) -> list[str]:
    """Return the model answers (solution-only markdown cells) of a solution notebook, as plain text
    (their first 100 characters: enough to be unmistakable, short enough to survive a line break)."""
    return [build_site.plain_text(cell.source.replace(MODEL_ANSWER, ""))[:100] for cell in notebook(path).cells
            if "solution-only" in cell.metadata.get("tags", []) and cell.cell_type == "markdown"]


def exercises_of(path: Path) -> list[tuple[int, object]]:
    """Return (number, exercise) of every exercise of the notebook at `path`."""
    module = importlib.import_module(f"helpers.exercises.nb{path.name[:2]}")
    return sorted((int(name[1:]), value) for name, value in vars(module).items() if re.fullmatch(r"q\d+", name))


# ---------------------------------------------------------------------------------------------
# The cheat sheet and the glossary, against the notebooks (no build needed)


def cheatsheet_entries() -> list[dict]:
    return [entry for section in build_site.load_cheatsheet() for entry in section["entries"]]


def collection_context() -> dict:
    """The imports and functions of every notebook together, to read a one-line example with."""
    return python_constructs.context_of([cell.source for path in all_notebooks() for cell in notebook(path).cells
                                         if cell.cell_type == "code"])


def collection_text() -> str:
    """Everything a cheat sheet example may be quoted from: the notebooks' code and text (without the
    worked answers' lines) and the exercises' hints."""
    parts = []
    for path in all_notebooks():
        for cell in notebook(path).cells:
            lines = [line for line in cell.source.splitlines() if not MARK.search(line)]
            parts.append("\n".join(lines))
    for path in sorted((ROOT / "helpers" / "exercises").glob("nb*.py")):
        parts.append(path.read_text(encoding="utf-8"))
    return squash("\n".join(parts))


def test_every_piece_of_python_the_notebooks_use_is_on_the_cheat_sheet():
    on_sheet = {entry["key"] for entry in cheatsheet_entries()}
    missing: dict[str, str] = {}
    for path in all_notebooks():
        sources = [cell.source for cell in notebook(path).cells if cell.cell_type == "code"]
        context = python_constructs.context_of(sources)
        for index, source in enumerate(sources):
            try:
                used = python_constructs.constructs(source, context)
            except SyntaxError:
                continue  # a cell that is broken on purpose teaches an error, not a construct
            for key in used - on_sheet:
                missing.setdefault(key, f"{path.relative_to(ROOT).as_posix()}, code cell {index}")
    assert not missing, "site-src/cheatsheet.toml has no entry for these pieces of Python the notebooks use:\n" + \
        "\n".join(f"  {key!r} (first in {where})" for key, where in sorted(missing.items()))


def test_every_cheat_sheet_example_is_from_the_collection_and_shows_its_piece():
    context, text = collection_context(), collection_text()
    problems = []
    for entry in cheatsheet_entries():
        example = entry["example"]
        if squash(example) not in text:
            problems.append(f"{entry['key']!r}: the example {example!r} is not in the notebooks or the hints")
            continue
        code = ("x" + example) if example.startswith(".") else example
        if "setup" in entry:
            code = entry["setup"] + "\n    " + code
        shown = set()
        for attempt in (code, code + "\n    pass", code + ":\n    pass"):
            try:
                shown = python_constructs.constructs(attempt, context)
                break
            except SyntaxError:
                continue
        if entry["key"] not in shown:
            problems.append(f"{entry['key']!r}: the example {example!r} does not use it (it shows {sorted(shown)})")
    assert not problems, "\n".join(problems)


def test_the_cheat_sheet_names_each_piece_once():
    keys = [entry["key"] for entry in cheatsheet_entries()]
    assert sorted({k for k in keys if keys.count(k) > 1}) == []


def test_the_scanner_names_what_a_new_notebook_cell_would_add():
    # A construct no notebook uses yet (a while loop, a lambda) is named, so the first test above
    # would fail the day a notebook starts using it.
    found = python_constructs.constructs("while n > 0:\n    n -= 1\nkey = lambda row: row[0]")
    assert {"while ...:", "lambda", "x += y", ">"} <= found


def glossary() -> dict:
    return tomllib.loads((SITE_SOURCE / "glossary.toml").read_text(encoding="utf-8"))


def notebook_text(path: Path) -> str:
    return "\n".join(cell.source for cell in notebook(path).cells if cell.cell_type == "markdown")


def test_every_glossary_term_is_used_in_the_student_notebooks():
    student = "\n".join(notebook_text(path) for path in sorted(NOTEBOOKS.glob("*.ipynb")))
    unused = []
    for term in glossary()["term"]:
        flags = 0 if term.get("case") else re.IGNORECASE
        if not re.search(r"(?<![\w-])(?:" + "|".join(map(re.escape, term["forms"])) + r")(?![\w-])", student, flags):
            unused.append(term["term"])
    assert not unused, f"glossary terms that no student notebook uses: {unused}"


def test_every_phrase_a_notebook_sets_as_a_term_is_in_the_glossary_or_listed_as_emphasis():
    data = glossary()
    known = {form.lower() for term in data["term"] for form in term["forms"]}
    known |= {phrase.lower() for phrase in data["not_terms"]["phrases"]}
    new = set()
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        text = re.sub(r"`[^`]*`", "", notebook_text(path))
        for phrase in re.findall(r"(?<![*\w])\*\*?([^*\n]+?)\*\*?(?![*\w])", text):
            phrase = squash(phrase)
            if len(phrase.split()) <= 3 and not re.search(r"[:.,;!?→(]", phrase) and phrase.lower() not in known:
                new.add(f"{phrase!r} ({path.name})")
    assert not new, ("The notebooks set these in bold or italics, as they introduce a term: define them in "
                     "site-src/glossary.toml, or list them under not_terms if they are only emphasis:\n  "
                     + "\n  ".join(sorted(new)))


@pytest.mark.parametrize("module", [python_constructs, wuzhen_site, build_site, bench_site], ids=lambda m: m.__name__)
def test_the_examples_in_the_site_code_run(module):
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0 and result.attempted > 0


# ---------------------------------------------------------------------------------------------
# Launch links (no build needed)


def test_without_a_repository_there_are_no_launch_links_and_the_build_says_so():
    settings = build_site.launch_settings({})
    assert wuzhen_site.launch_links(settings, "notebooks/00-start-here.ipynb") == []
    assert "No launch links" in build_site.describe_launch(settings)


def test_the_hub_link_is_the_nbgitpuller_link_of_the_instructor_guide():
    settings = build_site.launch_settings({"WUZHEN_SITE_REPOSITORY": REPOSITORY, "WUZHEN_SITE_JUPYTERHUB": HUB})
    links = dict(wuzhen_site.launch_links(settings, "notebooks/00-start-here.ipynb"))
    assert links["Open on Binder"] == ("https://mybinder.org/v2/gh/example-owner/wuzhen-summit-notebooks/main"
                                       "?urlpath=lab/tree/notebooks/00-start-here.ipynb")
    assert links["Open on your JupyterHub"] == (
        f"{HUB}/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com%2Fexample-owner%2Fwuzhen-summit-notebooks"
        "&branch=main&urlpath=lab/tree/wuzhen-summit-notebooks/notebooks/00-start-here.ipynb")
    guide = (ROOT / "instructors" / "guide.md").read_text(encoding="utf-8")
    assert "/hub/user-redirect/git-pull?repo=" in guide and "&branch=main&urlpath=lab/tree/" in guide


@pytest.mark.parametrize("environ, words", [
    ({"WUZHEN_SITE_REPOSITORY": "github.com/owner/repo"}, "WUZHEN_SITE_REPOSITORY is set to 'github.com/owner/repo'"),
    ({"WUZHEN_SITE_JUPYTERHUB": HUB}, "needs the repository's address too"),
])
def test_a_launch_setting_that_is_not_an_address_stops_the_build_with_what_to_do(environ, words):
    with pytest.raises(wuzhen_site.LaunchSettingsError, match=re.escape(words)):
        build_site.launch_settings(environ)


# ---------------------------------------------------------------------------------------------
# The built site


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """Build both views once, with launch links for a made-up repository and hub; return the folder."""
    out = tmp_path_factory.mktemp("site")
    environ = {"WUZHEN_SITE_REPOSITORY": REPOSITORY, "WUZHEN_SITE_JUPYTERHUB": HUB}
    try:
        build_site.build(out, environ=environ, log=lambda message: None)
    except build_site.SiteBuildError as error:
        pytest.fail(f"the site did not build: {error}", pytrace=False)
    return out


@functools.cache
def parsed(path: Path) -> BeautifulSoup:
    """Return the parsed HTML of a page (each page is parsed once; the tests only read it)."""
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def page(folder: Path, relative: str) -> BeautifulSoup:
    return parsed((folder / relative).resolve())


def article(soup: BeautifulSoup):
    return soup.select_one("article.bd-article")


def site_text(view: Path) -> dict[str, str]:
    """Return {file: its text as a reader or a search sees it} for the pages and the search index of a view."""
    texts = {}
    for path in sorted(view.rglob("*")):
        relative = path.relative_to(view).as_posix()
        if not path.is_file() or relative.startswith("_static/") or path.suffix in (".png", ".inv", ".woff2"):
            continue
        if path.suffix != ".html":
            texts[relative] = squash(path.read_text(encoding="utf-8", errors="replace"))
            continue
        texts[relative] = squash(page(view, relative).get_text(" "))
        # Code in HTML is split into coloured pieces: read it joined up too.
        texts[relative + " (code)"] = squash(page(view, relative).get_text(""))
    return texts


def test_the_learner_view_has_no_worked_answer_and_no_model_answer(site):
    texts = site_text(site / "learner")
    assert any(name.startswith("notebooks/") for name in texts)
    leaks = []
    for path in sorted(SOLUTIONS.glob("*.ipynb")):
        task = squash("\n".join(cell.source for cell in notebook(NOTEBOOKS / path.name).cells))
        secrets = [line for line in solution_lines(path) if squash(line) not in task]  # a task may show a line
        secrets += [answer_key(exercise).solution for _, exercise in exercises_of(path)]
        secrets += [answer_key(exercise).explanation for _, exercise in exercises_of(path)]
        secrets += model_answers(path)
        for secret in filter(None, map(squash, secrets)):
            leaks += [f"{name}: {secret[:80]!r} (from {path.name})" for name, text in texts.items() if secret in text]
    assert not leaks, "the learner view shows worked answers:\n" + "\n".join(leaks)


def test_each_learner_check_says_not_attempted_and_shows_no_answer(site):
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        soup = page(site / "learner", f"notebooks/{path.stem}.html")
        for number, exercise in exercises_of(path):
            cells = [cell for cell in soup.select("div.cell")
                     if f"ex.q{number}.check(" in cell.select_one("div.cell_input").get_text("")]
            assert len(cells) == 1, f"{path.name}: the check cell of exercise {number} is not on its page once"
            output = cells[0].select_one("div.cell_output")
            shown = squash(output.get_text(" ")) if output else ""
            assert "Not attempted." in shown, f"{path.name}, exercise {number}: {shown[:200]!r}"
            expected = answer_key(exercise).expected
            rest = re.sub(r"^Exercise \d+ · .*? — ", "", shown)  # the title may hold a number
            if isinstance(expected, str):
                assert expected not in rest
            elif isinstance(expected, int | float) and not isinstance(expected, bool):
                assert not re.search(rf"(?<![\d.]){re.escape(str(expected))}(?![\d.])", rest), (path.name, number)
            else:
                assert repr(expected) not in rest


def test_the_instructor_view_adds_the_solutions_their_model_answers_and_the_guide(site):
    view = site / "instructor"
    guide = page(view, "instructors/guide.html")
    assert article(guide).find("h1").get_text(strip=True).startswith("Instructor guide")
    for path in sorted(SOLUTIONS.glob("*.ipynb")):
        text = squash(article(page(view, f"notebooks/solutions/{path.stem}.html")).get_text(""))
        for line in solution_lines(path):
            assert squash(line) in text, (path.name, line)
        answers = model_answers(path)
        assert answers, f"{path.name} has no model answer"
        for answer in answers:
            assert answer in text, (path.name, answer)
        assert "Correct." in text  # solution notebooks are stored with their outputs: every check passes
    learner_pages = {p.relative_to(site / "learner") for p in (site / "learner").rglob("*.html")}
    assert learner_pages <= {p.relative_to(view) for p in view.rglob("*.html")}


def test_every_notebook_page_opens_its_own_notebook_on_binder_and_the_hub(site):
    for view, folder in (("learner", NOTEBOOKS), ("instructor", SOLUTIONS)):
        for path in sorted(folder.glob("*.ipynb")):
            relative = path.relative_to(ROOT).with_suffix(".html").as_posix()
            links = [a["href"] for a in page(site / view, relative).select("p.launch-links a")]
            notebook_path = path.relative_to(ROOT).as_posix()
            assert len(links) == 2, (view, relative, links)
            assert links[0].startswith("https://mybinder.org/v2/gh/example-owner/wuzhen-summit-notebooks/main?")
            assert links[0].endswith(f"urlpath=lab/tree/{notebook_path}")
            assert links[1].startswith(f"{HUB}/hub/user-redirect/git-pull?")
            assert links[1].endswith(f"urlpath=lab/tree/wuzhen-summit-notebooks/{notebook_path}")
    assert not page(site / "learner", "glossary.html").select("p.launch-links")


def test_every_figure_has_the_alt_text_of_its_description(site):
    for view, folder in (("learner", NOTEBOOKS), ("instructor", SOLUTIONS)):
        for path in sorted(folder.glob("*.ipynb")):
            descriptions = [build_site.plain_text(cell.source) for cell in notebook(path).cells
                            if cell.cell_type == "markdown" and build_site.FIGURE_DESCRIPTION in cell.source]
            images = article(page(site / view, path.relative_to(ROOT).with_suffix(".html").as_posix())).find_all("img")
            assert [image.get("alt") for image in images] == descriptions, (view, path.name)


def test_headings_go_down_one_level_at_a_time_under_one_title(site):
    for view in ("learner", "instructor"):
        for html in sorted((site / view).rglob("*.html")):
            if html.name in ("search.html", "genindex.html"):
                continue
            levels = [int(h.name[1]) for h in article(page(html.parent, html.name)).find_all(re.compile("^h[1-6]$"))]
            where = html.relative_to(site).as_posix()
            assert levels[:1] == [1] and levels.count(1) == 1, (where, levels[:5])
            jumps = [(a, b) for a, b in zip(levels, levels[1:]) if b > a + 1]
            assert not jumps, f"{where}: a heading skips a level ({jumps[0][0]} to {jumps[0][1]})"


def test_each_glossary_term_links_from_a_notebook_page_and_only_once_per_page(site):
    terms = {term["term"] for term in glossary()["term"]}
    linked = set()
    for html in sorted((site / "learner" / "notebooks").glob("*.html")):
        titles = [a.get("title", "") for a in page(html.parent, html.name).select("a.glossary-link")]
        assert len(titles) == len(set(titles)), f"{html.name} links a term twice"
        linked |= {title.removeprefix("Glossary: ") for title in titles}
    assert terms - linked == set(), "terms no notebook page links to"
    # The first use is the one linked: in notebook 02, "regular expression" first appears in its objectives.
    soup = page(site / "learner" / "notebooks", "02-the-figures.html")
    first = soup.select_one('a.glossary-link[title="Glossary: regular expression"]')
    assert first is not None and first.find_parent("section")["id"] == "learning-objectives"
    assert first["href"].startswith("../glossary.html#term-")
    assert page(site / "learner", "glossary.html").find(id=first["href"].split("#")[1]) is not None


def test_every_internal_link_and_anchor_resolves(site):
    broken = []
    for view in ("learner", "instructor"):
        root = site / view
        ids: dict[Path, set[str]] = {}
        for html in sorted(root.rglob("*.html")):
            soup = page(html.parent, html.name)
            for tag in soup.find_all(["a", "link", "script", "img"]):
                target = tag.get("href") or tag.get("src")
                if not target or urlsplit(target).scheme in ("http", "https", "mailto", "javascript", "data"):
                    continue
                parts = urlsplit(target)
                file = (html.parent / unquote(parts.path)).resolve() if parts.path else html
                if not file.is_file():
                    broken.append(f"{html.relative_to(site)}: {target}")
                    continue
                if parts.fragment and file.suffix == ".html":
                    if file not in ids:
                        ids[file] = {t["id"] for t in page(file.parent, file.name).find_all(id=True)}
                    if unquote(parts.fragment) not in ids[file]:
                        broken.append(f"{html.relative_to(site)}: {target} (no such anchor)")
    assert not broken, "links that lead nowhere:\n" + "\n".join(sorted(set(broken))[:30])


def test_the_pages_load_nothing_from_the_network(site):
    outside = []
    for html in sorted(site.rglob("*.html")):
        for tag in page(html.parent, html.name).find_all(["script", "link", "img", "iframe"]):
            target = tag.get("src") or (tag.get("href") if tag.name == "link" else None)
            if target and urlsplit(target).scheme in ("http", "https"):
                outside.append(f"{html.relative_to(site)}: {target}")
    assert not outside, outside


# ---------------------------------------------------------------------------------------------
# In a browser


@pytest.fixture(scope="module")
def browser(site):
    """Serve the site from this machine and open it in headless Chromium; any other address is refused."""
    from test_jupyterlab import CHROMIUM, FLAGS, skip_or_fail

    if CHROMIUM is None:
        skip_or_fail("Chromium is not installed (on Debian: apt-get install chromium)")
    try:
        from playwright import sync_api
    except ImportError:
        skip_or_fail("Playwright is not installed (pip install -r requirements-dev.txt)")
    if not AXE.is_file():
        skip_or_fail("axe-core is not installed: run the `npm install ... axe-core@...` line of .ci/run here")

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    outside: list[str] = []

    def only_this_machine(route):
        if route.request.url.startswith(base):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    try:
        with sync_api.sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
            context = chromium.new_context(viewport={"width": 390, "height": 844})
            context.route("**/*", only_this_machine)
            yield context, base, outside
            chromium.close()
    finally:
        server.shutdown()


def pages_to_visit(site: Path) -> list[str]:
    """Every page of the learner view, and the instructor view's home page and its own pages."""
    learner = sorted(p.relative_to(site).as_posix() for p in (site / "learner").rglob("*.html"))
    instructor = ["instructor/index.html", "instructor/instructors/guide.html"]
    solutions = site / "instructor" / "notebooks" / "solutions"
    instructor += sorted(p.relative_to(site).as_posix() for p in solutions.glob("*.html"))
    return learner + instructor


SERIOUS = """async () => {
    const results = await axe.run(document, {resultTypes: ['violations']});
    return results.violations.filter(v => ['serious', 'critical'].includes(v.impact))
        .map(v => `${v.id} (${v.impact}): ${v.help}: ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`);
}"""


def test_every_page_loads_cleanly_is_accessible_and_fits_a_phone(site, browser):
    context, base, outside = browser
    problems = []
    tab = context.new_page()
    errors: list[str] = []
    tab.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    tab.on("pageerror", lambda error: errors.append(str(error)))
    for relative in pages_to_visit(site):
        errors.clear()
        tab.goto(f"{base}/{relative}", wait_until="load")
        if errors:
            problems.append(f"{relative}: console errors {errors[:3]}")
        wide = tab.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        if wide > 0:
            problems.append(f"{relative}: scrolls sideways by {wide} px at 390 px")
        tab.add_script_tag(path=str(AXE))
        problems += [f"{relative}: {finding}" for finding in tab.evaluate(SERIOUS)]
    assert not outside, f"pages asked for addresses outside the site: {sorted(set(outside))[:5]}"
    assert not problems, "\n".join(problems)


def test_a_phone_screenshot_of_a_notebook_page_has_nothing_beyond_its_right_edge(site, browser, tmp_path):
    context, base, _ = browser
    tab = context.new_page()
    tab.goto(f"{base}/learner/notebooks/02-the-figures.html", wait_until="load")
    shot = tmp_path / "phone.png"
    tab.screenshot(path=str(shot), full_page=True)
    width = int.from_bytes(shot.read_bytes()[16:20], "big")  # a PNG's width, from its header
    assert width == 390
    beyond = tab.evaluate("""() => [...document.querySelectorAll('article *')]
        .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1
                     && !e.closest('pre, .cell_output, table, .highlight'))
        .map(e => e.tagName + '.' + e.className).slice(0, 5)""")
    assert beyond == []


def test_search_finds_a_term_offline(site, browser):
    context, base, outside = browser
    tab = context.new_page()
    tab.goto(f"{base}/learner/search.html?q=lower+bound", wait_until="load")
    results = tab.locator("#search-results ul.search li a")
    results.first.wait_for(timeout=15000)
    found = results.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert any("02-the-figures" in href for href in found) and any("glossary" in href for href in found), found
    assert not outside


def test_a_printed_page_shows_the_notebook_without_the_navigation(site, browser):
    context, base, _ = browser
    tab = context.new_page()
    tab.goto(f"{base}/learner/notebooks/02-the-figures.html", wait_until="load")
    tab.emulate_media(media="print")
    for chrome in (".bd-header", ".bd-sidebar-primary", ".bd-sidebar-secondary", ".prev-next-area",
                   ".launch-links", ".bd-header-article"):
        assert not tab.locator(chrome).first.is_visible(), f"{chrome} is printed"
    assert tab.locator("article.bd-article h1").is_visible()
    assert tab.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1")
