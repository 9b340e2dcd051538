"""Build the collection's website into site/: `make site`.

    python tools/build_site.py              # both views: site/learner/ and site/instructor/
    python tools/build_site.py --out DIR    # somewhere else

Two views, each a static website that works offline (open its index.html, or publish the folder):

- site/learner/: the student notebooks, executed here from top to bottom, so that each teaching cell
  shows its output and each check says "Not attempted"; the glossary, the cheat sheet and the data
  README. No worked answer, no model answer, no answer key.
- site/instructor/: all of that, plus the solution notebooks with their stored outputs (worked
  answers and the model answers to the open questions) and the instructor guide.

Everything comes from the repository as it is: the notebooks, notebooks/lessons.toml (the home page's
table), data/README.md, instructors/guide.md, and site-src/ (the configuration, glossary.toml,
cheatsheet.toml and the style sheet). Nothing is fetched from the network. Sphinx with MyST-NB and the
Sphinx Book Theme (requirements-dev.txt) turn them into HTML.

Launch links ("Open on Binder", "Open on your JupyterHub") come from one setting, in the environment:

    WUZHEN_SITE_REPOSITORY   the repository's public address, e.g. https://github.com/OWNER/REPO
    WUZHEN_SITE_JUPYTERHUB   (optional) the class hub's address, for nbgitpuller links
    WUZHEN_SITE_BRANCH       (optional) the branch the links open; main if unset
    WUZHEN_SITE_BINDERHUB    (optional) the BinderHub to use; https://mybinder.org if unset, "none" for no Binder links

Without WUZHEN_SITE_REPOSITORY the site has no launch links, and the build says so.

Executing the student notebooks takes most of the time; their executed copies are kept in
site/.build/cache/, keyed by the notebook and everything it reads (helpers, data, requirements), so a
build after an unchanged one runs no notebook again. The build fails, and says why, if a notebook
fails, if a check does not say "not attempted", or if Sphinx warns (a broken link, for example).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
import tomllib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "site-src"
OUT = ROOT / "site"
NOTEBOOKS = ROOT / "notebooks"
SOLUTIONS = NOTEBOOKS / "solutions"
VIEWS = ("learner", "instructor")
FIGURE_DESCRIPTION = "**What the figure shows:**"
DEFAULT_BINDERHUB = "https://mybinder.org"
# What the executed student notebooks depend on besides themselves.
INPUTS = ["helpers/**/*.py", "data/*", "requirements.txt"]

sys.path.insert(0, str(SOURCE / "_ext"))
from wuzhen_site import LaunchSettingsError, check_address, launch_links  # noqa: E402


class SiteBuildError(Exception):
    """The site cannot be built; the message says why and what to do."""


# ---------------------------------------------------------------------------------------------
# Launch settings


def launch_settings(environ: dict | None = None) -> dict:
    """Return the launch settings read from the environment (see the module's docstring).

    >>> launch_settings({})["repository"]
    ''
    >>> settings = launch_settings({"WUZHEN_SITE_REPOSITORY": "https://github.com/o/r"})
    >>> settings["branch"], settings["binderhub"], settings["jupyterhub"]
    ('main', 'https://mybinder.org', '')
    """
    environ = os.environ if environ is None else environ
    repository = environ.get("WUZHEN_SITE_REPOSITORY", "").strip()
    hub = environ.get("WUZHEN_SITE_JUPYTERHUB", "").strip()
    binder = environ.get("WUZHEN_SITE_BINDERHUB", "").strip() or DEFAULT_BINDERHUB
    settings = {
        "repository": check_address("WUZHEN_SITE_REPOSITORY", repository) if repository else "",
        "branch": environ.get("WUZHEN_SITE_BRANCH", "").strip() or "main",
        "binderhub": "" if binder.lower() == "none" else check_address("WUZHEN_SITE_BINDERHUB", binder),
        "jupyterhub": check_address("WUZHEN_SITE_JUPYTERHUB", hub) if hub else "",
    }
    if hub and not repository:
        raise LaunchSettingsError("WUZHEN_SITE_JUPYTERHUB is set, but WUZHEN_SITE_REPOSITORY is not: a hub link "
                                  "needs the repository's address too. Set both, or neither.")
    return settings


def describe_launch(settings: dict) -> str:
    """Return one sentence that says which launch links the site has, and how to change that.

    >>> describe_launch(launch_settings({})).startswith("No launch links: WUZHEN_SITE_REPOSITORY is not set")
    True
    """
    if not settings["repository"]:
        return ("No launch links: WUZHEN_SITE_REPOSITORY is not set, so the pages do not offer to open their "
                "notebooks on Binder or a JupyterHub. Set it to the repository's public address (and "
                "WUZHEN_SITE_JUPYTERHUB to your hub's) to add them.")
    kinds = [label for label, _ in launch_links(settings, "x.ipynb")]
    where = f"{settings['repository']}, branch {settings['branch']}"
    missing = "" if settings["jupyterhub"] else " (no hub link: WUZHEN_SITE_JUPYTERHUB is not set)"
    return f"Launch links for {where}: {', '.join(kinds) or 'none'}{missing}."


# ---------------------------------------------------------------------------------------------
# Executing the student notebooks


def inputs_digest() -> str:
    """Return a digest of everything an executed notebook depends on besides itself."""
    digest = hashlib.sha256(sys.version.encode())
    for pattern in INPUTS:
        for path in sorted(ROOT.glob(pattern)):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(ROOT).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def execute_notebook(source: Path, target: Path) -> None:
    """Run the student notebook `source` top to bottom in a fresh kernel; write it, outputs and all, to `target`.

    It runs in notebooks/, as a student's does, with every check required to say "not attempted"
    (WUZHEN_STRICT=not-attempted): a placeholder that makes a cell fail stops the build.
    """
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(source, as_version=4)
    os.environ["WUZHEN_STRICT"] = "not-attempted"
    client = NotebookClient(nb, kernel_name="python3", timeout=120, record_timing=False,
                            resources={"metadata": {"path": str(source.parent)}})
    client.execute()
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".partial")
    nbformat.write(nb, partial)
    partial.replace(target)


def executed_students(cache: Path, jobs: int, log) -> dict[str, Path]:
    """Return {file name: executed copy} for every student notebook, running only those not in the cache."""
    digest = inputs_digest()
    wanted: dict[str, Path] = {}
    to_run = []
    for source in sorted(NOTEBOOKS.glob("*.ipynb")):
        key = hashlib.sha256(source.read_bytes() + digest.encode()).hexdigest()[:20]
        target = cache / f"{source.stem}-{key}.ipynb"
        wanted[source.name] = target
        if not target.exists():
            to_run.append((source, target))
    for stale in cache.glob("*.ipynb"):
        if stale not in wanted.values():
            stale.unlink()

    def run(pair: tuple[Path, Path]) -> tuple[Path, subprocess.CompletedProcess]:
        source, target = pair
        result = subprocess.run([sys.executable, __file__, "--execute", str(source), str(target)],
                                capture_output=True, text=True, encoding="utf-8", errors="replace", cwd=ROOT)
        return source, result

    if to_run:
        log(f"running {len(to_run)} student notebook(s) to show their outputs")
    with ThreadPoolExecutor(max(1, jobs)) as pool:
        for source, result in pool.map(run, to_run):
            if result.returncode != 0:
                reason = _last_error(result.stderr)
                raise SiteBuildError(
                    f"notebooks/{source.name} failed when run from top to bottom for the website: {reason}\n"
                    f"Run it yourself (Restart Kernel and Run All Cells) to see where; the site shows a "
                    f"student notebook as it runs, so it must run without an error.")
    return wanted


def _last_error(stderr: str) -> str:
    """Return the most telling line of a failed run's error output."""
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    errors = [line for line in lines if re.match(r"^[A-Za-z_.]*(Error|Exception)\b", line)]
    return (errors or lines or ["no error message"])[-1][:500]


# ---------------------------------------------------------------------------------------------
# The source folder of one view


def plain_text(markdown: str) -> str:
    """Return Markdown as plain text for an image's alt text: no emphasis marks, links as their words.

    >>> plain_text("**What the figure shows:** a *bar* per `lens` ([see](x.md)).")
    'a bar per lens (see).'
    """
    text = markdown.replace(FIGURE_DESCRIPTION, "")
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"[*`_]{1,2}(?=\S)|(?<=\S)[*`_]{1,2}", "", text)
    return " ".join(text.split())


def add_alt_texts(nb) -> int:
    """Give each figure of a notebook the alt text of the "What the figure shows" cell under it.

    Returns the number of figures; raises SiteBuildError for a figure without such a description.
    """
    figures = 0
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code" or not any("image/png" in o.get("data", {}) for o in cell.get("outputs", [])):
            continue
        following = nb.cells[index + 1] if index + 1 < len(nb.cells) else None
        if following is None or following.cell_type != "markdown" or FIGURE_DESCRIPTION not in following.source:
            raise SiteBuildError(f"code cell {index} draws a figure, but the cell under it does not start with "
                                 f"{FIGURE_DESCRIPTION!r}: every figure needs that description, which is also "
                                 "its alt text")
        cell.metadata.setdefault("mystnb", {}).setdefault("image", {})["alt"] = plain_text(following.source)
        figures += 1
    return figures


def titled_solution(nb):
    """Mark a solution notebook's H1 as the worked version, so that the two pages differ in the menu."""
    first = nb.cells[0]
    first.source = re.sub(r"^# (.+)$", r"# \1: worked solutions", first.source, count=1, flags=re.MULTILINE)
    return nb


def load_lessons() -> list[dict]:
    return tomllib.loads((NOTEBOOKS / "lessons.toml").read_text(encoding="utf-8"))["notebook"]


def render_index(view: str, lessons: list[dict]) -> str:
    """Return the home page (MyST Markdown) of a view: the notebooks from lessons.toml, and the menu."""
    rows = "\n".join(
        f"| [{lesson['title']}](notebooks/{lesson['file']}) | {lesson['question']} | "
        f"{lesson['teaching_minutes'] + lesson['exercise_minutes']} |" for lesson in lessons)
    stems = "\n".join(f"notebooks/{Path(lesson['file']).stem}" for lesson in lessons)
    parts = [
        "# Wuzhen Summit Notebooks",
        "",
        "*Read one news article as data, with Python.* Six Jupyter notebooks read China Daily's report on "
        "the World Internet Conference Wuzhen Summit as data: its text, its figures, its quotations and "
        "the topics it names, up to a short brief in which every claim is checked against the article.",
        "",
        "Read the notebooks here, anywhere; run them in Jupyter to do the exercises. Each page shows the "
        "notebook as it runs before anyone has answered: the outputs of the teaching cells, and every "
        "exercise's check saying *Not attempted*.",
        "",
        "| notebook | the question it answers | minutes |",
        "| --- | --- | --- |",
        rows,
        "",
        "Words the notebooks introduce are explained in the [glossary](glossary.md), and every piece of "
        "Python they use is on the [cheat sheet](cheatsheet.md). [The data README](data/README.md) says "
        "where the article and the tables come from, and which questions the article leaves open.",
    ]
    if view == "instructor":
        solution_rows = "\n".join(
            f"| [{lesson['title']}: worked solutions](notebooks/solutions/{lesson['file']}) |" for lesson in lessons)
        parts += [
            "",
            "## For instructors",
            "",
            "This is the instructor view. It adds the [instructor guide](instructors/guide.md) (lesson "
            "plans, answer keys, the usual mistakes) and the solution notebooks, with worked answers, "
            "their outputs and model answers to the open questions.",
            "",
            "| solution notebook |",
            "| --- |",
            solution_rows,
        ]
    parts += ["", "```{toctree}", ":hidden:", ":caption: Notebooks", "", stems, "```", "",
              "```{toctree}", ":hidden:", ":caption: Reference", "", "glossary", "cheatsheet", "data/README", "```"]
    if view == "instructor":
        solution_stems = "\n".join(f"notebooks/solutions/{Path(lesson['file']).stem}" for lesson in lessons)
        parts += ["", "```{toctree}", ":hidden:", ":caption: For instructors", "", "instructors/guide",
                  solution_stems, "```"]
    return "\n".join(parts) + "\n"


def first_met(terms: list[dict], lessons: list[dict]) -> dict[str, str]:
    """Return {term: file name of the first notebook whose text uses it}."""
    import nbformat

    found: dict[str, str] = {}
    texts = []
    for lesson in lessons:
        nb = nbformat.read(NOTEBOOKS / lesson["file"], as_version=4)
        texts.append((lesson["file"], "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")))
    for term in terms:
        flags = 0 if term.get("case") else re.IGNORECASE
        pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, term["forms"])) + r")(?![\w-])", flags)
        for name, text in texts:
            if pattern.search(text):
                found[term["term"]] = name
                break
    return found


def render_glossary(terms: list[dict], lessons: list[dict]) -> str:
    """Return the glossary page: each term, what it means, and the notebook that introduces it."""
    titles = {lesson["file"]: lesson["title"] for lesson in lessons}
    where = first_met(terms, lessons)
    lines = ["# Glossary", "",
             "The words the notebooks introduce, in plain words. On each notebook page, the first use of a "
             "word listed here links to it.", "", "```{glossary}", ":sorted:", ""]
    for term in terms:
        lines.append(term["term"])
        met = where.get(term["term"])
        source = f" First met in [{titles[met]}](notebooks/{met})." if met else ""
        lines.append(f"  {term['means']}{source}")
        lines.append("")
    lines.append("```")
    return "\n".join(lines) + "\n"


def load_cheatsheet() -> list[dict]:
    return tomllib.loads((SOURCE / "cheatsheet.toml").read_text(encoding="utf-8"))["section"]


def _cell(text: str) -> str:
    """Return `text` as inline code inside a Markdown table cell."""
    ticks = "``" if "`" in text else "`"
    pad = " " if "`" in text else ""
    return f"{ticks}{pad}{text.replace('|', chr(92) + '|')}{pad}{ticks}"


def render_cheatsheet(sections: list[dict]) -> str:
    """Return the cheat sheet page: one table per section, a row per piece of Python."""
    count = sum(len(section["entries"]) for section in sections)
    lines = ["# Cheat sheet: the Python of the notebooks", "",
             f"Every piece of Python the notebooks use ({count} of them), each with an example from the "
             "collection. Names such as `raw` (the article as received) or `figures` (the table of figures) "
             "in the examples are the notebooks' own.", ""]
    for section in sections:
        lines += [f"## {section['title']}", "", "| Python | example from the notebooks | what it does |",
                  "| --- | --- | --- |"]
        for entry in section["entries"]:
            lines.append(f"| {_cell(entry['key'])} | {_cell(entry['example'])} | {entry['means']} |")
        lines.append("")
    return "\n".join(lines)


def write_if_changed(path: Path, content: str | bytes) -> None:
    """Write `content` to `path` unless it already holds exactly that."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    if path.exists() and path.read_bytes() == data:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def stage(view: str, folder: Path, executed: dict[str, Path]) -> int:
    """Lay out the source folder of one view in `folder`, mirroring the repository's paths. Returns the figures."""
    import nbformat

    lessons = load_lessons()
    sys.path.insert(0, str(SOURCE / "_ext"))
    from wuzhen_site import load_glossary

    files: dict[str, str | bytes] = {
        "index.md": render_index(view, lessons),
        "glossary.md": render_glossary(load_glossary(SOURCE), lessons),
        "cheatsheet.md": render_cheatsheet(load_cheatsheet()),
        "data/README.md": (ROOT / "data" / "README.md").read_bytes(),
    }
    figures = 0
    for name, path in executed.items():
        nb = nbformat.read(path, as_version=4)
        figures += add_alt_texts(nb)
        files[f"notebooks/{name}"] = nbformat.writes(nb)
    if view == "instructor":
        files["instructors/guide.md"] = (ROOT / "instructors" / "guide.md").read_bytes()
        for path in sorted(SOLUTIONS.glob("*.ipynb")):
            nb = titled_solution(nbformat.read(path, as_version=4))
            figures += add_alt_texts(nb)
            files[f"notebooks/solutions/{path.name}"] = nbformat.writes(nb)
    for relative, content in files.items():
        write_if_changed(folder / relative, content)
    for path in sorted(folder.rglob("*"), reverse=True):  # files of an earlier build that are gone now
        if path.is_file() and path.relative_to(folder).as_posix() not in files:
            path.unlink()
    return figures


# ---------------------------------------------------------------------------------------------
# Building


def sphinx_command(view: str, source: Path, out: Path, work: Path, settings: dict) -> list[str]:
    """Return the sphinx-build command that builds one view (from scratch: -E -a)."""
    return [sys.executable, "-m", "sphinx", "-b", "html", "-E", "-a", "-q", "-j", "1",
            "-c", str(SOURCE), "-d", str(work / f"doctrees-{view}"),
            "-D", f"wuzhen_view={view}", "-D", f"wuzhen_launch={json.dumps(settings)}",
            "-w", str(work / f"warnings-{view}.txt"), str(source), str(out / view)]


def build(out: Path = OUT, cache: Path | None = None, environ: dict | None = None, jobs: int = 2,
          views: tuple[str, ...] = VIEWS, log=print) -> dict:
    """Build the site into `out` (one folder per view); return what happened and how long it took.

    Keys: seconds, execute_s, sphinx_s, views (their folders), launch (the settings), figures.
    Raises SiteBuildError (or LaunchSettingsError) with a message that says what to do.
    """
    start = time.perf_counter()
    settings = launch_settings(environ)
    log(describe_launch(settings))
    out = Path(out)
    work = out / ".build"
    cache = cache or OUT / ".build" / "cache"
    work.mkdir(parents=True, exist_ok=True)
    executed = executed_students(cache, jobs, log)
    execute_s = time.perf_counter() - start
    figures = {view: stage(view, work / f"src-{view}", executed) for view in views}
    commands = {view: sphinx_command(view, work / f"src-{view}", out, work, settings) for view in views}
    for view in views:
        shutil.rmtree(out / view, ignore_errors=True)
    sphinx_start = time.perf_counter()
    with ThreadPoolExecutor(max(1, jobs)) as pool:
        results = dict(zip(views, pool.map(
            lambda view: subprocess.run(commands[view], capture_output=True, text=True, encoding="utf-8",
                                        errors="replace", cwd=ROOT), views)))
    sphinx_s = time.perf_counter() - sphinx_start
    problems = []
    for view, result in results.items():
        warnings_file = work / f"warnings-{view}.txt"
        warnings = warnings_file.read_text(encoding="utf-8").strip() if warnings_file.exists() else ""
        if result.returncode != 0 or warnings:
            detail = warnings or _last_error(result.stderr)
            problems.append(f"the {view} view: {detail}")
    if problems:
        raise SiteBuildError("Sphinx could not build the site cleanly:\n" + "\n".join(problems) +
                             "\nFix what it names (a link to a missing page or heading, for example) and build again.")
    for view in views:  # the themes' template macros, copied as static files: not pages of the site
        for macros in (out / view / "_static").glob("*.html"):
            macros.unlink()
    seconds = time.perf_counter() - start
    for view in views:
        log(f"wrote the {view} view: {out / view / 'index.html'}")
    return {"seconds": seconds, "execute_s": execute_s, "sphinx_s": sphinx_s,
            "views": {view: out / view for view in views}, "launch": settings, "figures": figures}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="where to write the site (default: site/)")
    parser.add_argument("--jobs", type=int, default=2, help="notebooks and views built at the same time")
    parser.add_argument("--execute", nargs=2, type=Path, metavar=("NOTEBOOK", "TARGET"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.execute:
        execute_notebook(*args.execute)
        return 0
    try:
        result = build(args.out, jobs=args.jobs)
    except (SiteBuildError, LaunchSettingsError) as error:
        print(f"The site was not built. {error}", file=sys.stderr)
        return 1
    print(f"Built in {result['seconds']:.1f} s (notebooks {result['execute_s']:.1f} s, "
          f"Sphinx {result['sphinx_s']:.1f} s). Open {args.out / 'learner' / 'index.html'} in a browser; "
          "publish that folder for students.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
