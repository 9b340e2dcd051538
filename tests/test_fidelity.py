"""Fidelity to the article: what our texts present as the article's words must be the article's words.

Every reader-facing text (the solution notebooks' markdown, the instructor guide, README.md,
data/README.md and the strings of helpers/exercises, which hold the checks' messages, hints and
explanations) is searched for passages that it presents as a quotation of the article.

**How a passage counts as "attributed to the article".** A passage is the text between a pair of
double quotation marks, curly (“…”) or straight ("…"), within one paragraph. It counts as a quotation of
the article when all of these hold:

1. it has at least ``MIN_WORDS`` (2) words, so that one-word scare quotes ("other", "win-win") and
   words named as words are left alone;
2. it holds no code (an inline code span or a fenced block), and it is not the text of one of our own
   headings or the start of one (such as "Think about it"), which is a cross-reference;
3. the ``CUE_WINDOW`` (12) words before its opening mark, in the same sentence and outside any earlier
   quotation, name the article or one of its sources: "article", "China Daily", "Ren", "Xianliang",
   "Wang Gang" or "paragraph N". This is how our texts attribute a quotation ("the article says only
   that the summit "concluded on Friday"", "Ren reports consensus on "..."").

Our own examples, wordings and questions in quotation marks normally have no such cue close before
them; where one had, the text was reworded (for example into italics) rather than the rule loosened.
Straight single quotation marks are not searched: they cannot be told apart from apostrophes.

**How a passage is matched.** Whitespace is collapsed (line breaks in Markdown become spaces);
punctuation just inside the closing mark (".", ",", ";", ":", "?", "!") is dropped; an ellipsis ("..."
or "…") marks a gap, and the pieces around it must occur in that order; the first letter of each piece
may differ in case (a quotation may start a sentence). Everything else must match character for
character: a straight apostrophe does not match the article's curly one (’). A passage passes when it
occurs in the raw article (``data/wuzhen-summit-article.txt``) or in the cleaned one
(``helpers.load_article()``, whose only differences are the documented repairs); a failure names the
passage, where it stands, that it is in neither, and what a near miss differs in.
"""

from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from helpers import load_article, load_raw_article

ROOT = Path(__file__).resolve().parent.parent
MIN_WORDS = 2
CUE_WINDOW = 12
CUE = re.compile(r"\b(?:article|China Daily|Ren|Xianliang|Wang Gang|paragraphs? \d+)\b", re.I)
CODE_MARK = "\u2063"  # stands in for removed code; a passage holding it is skipped
# A sentence ends at . ? ! (with any closing marks after it) before a space, at a blank line, at a list
# bullet or at a table cell border.
SENTENCE_END = re.compile(r"[.?!][\"”*_)\]]*(?=\s)|\n\s*\n|\n\s*(?:[-*]|\d+\.)\s|\|")
QUOTED = re.compile(r"“([^“”]*)”|\"([^\"]*)\"")
ELLIPSIS = re.compile(r"\s*(?:\.\.\.|…)\s*")


def squeeze(text: str) -> str:
    """Return text with every run of whitespace turned into one space."""
    return re.sub(r"\s+", " ", text).strip()


RAW = squeeze(load_raw_article())
CLEANED = squeeze(load_article())


@dataclass(frozen=True)
class Quotation:
    """A passage that a text presents as the article's words, and where it stands."""

    passage: str
    where: str


def without_code(text: str) -> str:
    """Return Markdown text with fenced blocks and inline code spans replaced by CODE_MARK."""
    text = re.sub(r"```.*?```", lambda m: CODE_MARK + "\n" * m.group(0).count("\n"), text, flags=re.S)
    return re.sub(r"`[^`\n]*`", CODE_MARK, text)


def attributed_passages(text: str, headings: frozenset[str] = frozenset()) -> list[tuple[str, int]]:
    """Return (passage, line number) for every passage of text that counts as quoting the article.

    >>> attributed_passages('The article says the summit "concluded on Friday".')
    [('concluded on Friday', 1)]
    >>> attributed_passages('We call this lens "digital divide" on our own.')
    []
    """
    text = without_code(text)
    found = []
    for paragraph_start, paragraph in _paragraphs(text):
        for match in QUOTED.finditer(paragraph):
            passage = match.group(1) if match.group(1) is not None else match.group(2)
            passage = squeeze(passage)
            if len(re.findall(r"\w+", passage)) < MIN_WORDS or CODE_MARK in passage:
                continue
            if any(heading.startswith(passage.rstrip("?.!")) for heading in headings):
                continue
            before = paragraph[: match.start()]
            ends = list(SENTENCE_END.finditer(before))
            sentence = before[ends[-1].end():] if ends else before
            sentence = QUOTED.sub(" ", sentence)  # a cue inside an earlier quotation does not count
            if CUE.search(" ".join(sentence.split()[-CUE_WINDOW:])):
                line = text.count("\n", 0, paragraph_start + match.start()) + 1
                found.append((passage, line))
    return found


def _paragraphs(text: str):
    """Yield (offset, paragraph) for the blocks of text between blank lines."""
    offset = 0
    for block in re.split(r"(\n\s*\n)", text):
        if block.strip() and not re.fullmatch(r"\n\s*\n", block):
            yield offset, block
        offset += len(block)


def _occurs(passage: str, article: str) -> bool:
    """Return True if the pieces of passage (split at an ellipsis) occur in article, in order."""
    pieces = [piece for piece in ELLIPSIS.split(passage.rstrip(".,;:?!")) if piece.strip()]
    position = 0
    for piece in pieces:
        piece = piece.strip()
        variants = {piece, piece[:1].swapcase() + piece[1:]}
        hits = [article.find(variant, position) for variant in variants]
        hits = [hit for hit in hits if hit >= 0]
        if not hits:
            return False
        position = min(hits) + len(piece)
    return bool(pieces)


def where_in_article(passage: str) -> str:
    """Return "raw", "cleaned" or "neither": where the passage occurs, as the module docstring defines.

    >>> where_in_article("concluded on Friday"), where_in_article("enhancing win-win digital cooperation")
    ('raw', 'cleaned')
    >>> where_in_article("the summit ... ended on Monday")
    'neither'
    """
    passage = squeeze(passage)
    if _occurs(passage, RAW):
        return "raw"
    if _occurs(passage, CLEANED):
        return "cleaned"
    return "neither"


def near_miss(passage: str) -> str:
    """Return what a passage that occurs nowhere differs in, if it almost occurs; else ""."""
    passage = squeeze(passage)
    def loosen(text: str) -> str:
        return text.replace("’", "'").replace("“", '"').replace("”", '"').replace("—", "-")

    if _occurs(loosen(passage), loosen(RAW)) or _occurs(loosen(passage), loosen(CLEANED)):
        return "it would, with the article's own apostrophes, quotation marks or dashes (’ “ ” —)"
    if _occurs(passage.lower(), RAW.lower()) or _occurs(passage.lower(), CLEANED.lower()):
        return "it would, with the article's capital letters"
    return ""


# --- the texts -------------------------------------------------------------------------------------


def markdown_cells(path: Path) -> list[tuple[str, str]]:
    """Return (cell id, source) of every markdown cell of a notebook."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return [(cell.get("id", str(i)), "".join(cell["source"])) for i, cell in enumerate(cells)
            if cell["cell_type"] == "markdown"]


SOLUTIONS = sorted((ROOT / "notebooks" / "solutions").glob("*.ipynb"))
DOCUMENTS = [ROOT / "instructors" / "guide.md", ROOT / "README.md", ROOT / "data" / "README.md"]
EXERCISE_MODULES = sorted((ROOT / "helpers" / "exercises").glob("nb*.py"))


def our_headings() -> frozenset[str]:
    """Return the text of every heading of the notebooks and documents, without marks."""
    texts = [source for path in SOLUTIONS for _, source in markdown_cells(path)]
    texts += [path.read_text(encoding="utf-8") for path in DOCUMENTS]
    found = set()
    for text in texts:
        for heading in re.findall(r"^#{1,6}\s+(.+)$", text, re.M):
            found.add(re.sub(r"[*_`]", "", heading).strip())
    return frozenset(found)


HEADINGS = our_headings()


def message_strings(path: Path) -> list[tuple[str, int]]:
    """Return (text, line) of the string literals of an exercise module that a student can read.

    Docstrings and the worked solutions' code (``solution=...``) are left out: they are code and notes
    for maintainers, not messages.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                skipped.add(id(first.value))
        if isinstance(node, ast.keyword) and node.arg == "solution":
            skipped.update(id(inner) for inner in ast.walk(node.value))
    return [(node.value, node.lineno) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skipped]


def quotations_in(path: Path) -> list[Quotation]:
    """Return every passage of the file at path that counts as quoting the article."""
    name = path.relative_to(ROOT).as_posix()
    if path.suffix == ".ipynb":
        return [Quotation(passage, f"{name}, cell {cell_id}, line {line}")
                for cell_id, source in markdown_cells(path)
                for passage, line in attributed_passages(source, HEADINGS)]
    if path.suffix == ".py":
        return [Quotation(passage, f"{name}, string at line {start}")
                for text, start in message_strings(path)
                for passage, line in attributed_passages(text, HEADINGS)]
    return [Quotation(passage, f"{name}, line {line}")
            for passage, line in attributed_passages(path.read_text(encoding="utf-8"), HEADINGS)]


ALL_FILES = SOLUTIONS + DOCUMENTS + EXERCISE_MODULES


@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_quotation_of_the_article_occurs_in_the_raw_or_the_cleaned_article(path: Path) -> None:
    problems = []
    for quotation in quotations_in(path):
        if where_in_article(quotation.passage) == "neither":
            hint = near_miss(quotation.passage)
            problems.append(f"{quotation.where}: \"{quotation.passage}\" is in neither the raw nor the "
                            f"cleaned article" + (f"; {hint}" if hint else ""))
    assert not problems, "\n".join(problems)


def test_the_search_finds_the_quotations_the_notebooks_are_known_to_make() -> None:
    found = {q.passage for path in ALL_FILES for q in quotations_in(path)}
    assert len(found) >= 40, f"only {len(found)} quotations found: has the rule stopped matching?"
    assert {"concluded on Friday", "a record high", "heated debates"} <= found


# --- the extractor on small examples -----------------------------------------------------------------


class TestAttributedPassages:
    def test_a_passage_after_the_article_is_attributed(self):
        text = "China Daily's article uses the words “a record high” about the summit."
        assert attributed_passages(text) == [("a record high", 1)]

    def test_a_passage_after_a_speaker_is_attributed(self):
        assert attributed_passages('Ren reports consensus on "innovative development of the digital\neconomy".') == [
            ("innovative development of the digital economy", 1)]

    def test_a_one_word_scare_quote_is_not(self):
        assert attributed_passages('The article puts it under "other".') == []

    def test_a_passage_with_no_cue_close_before_it_is_not(self):
        assert attributed_passages('A tag says "the words are here"; only reading says more.') == []

    def test_a_cue_in_an_earlier_sentence_does_not_count(self):
        assert attributed_passages('The article is short. We call it "a small text" here.') == []

    def test_a_cue_further_back_than_the_window_does_not_count(self):
        text = 'The article ' + "word " * CUE_WINDOW + '"far away words"'
        assert attributed_passages(text) == []

    def test_a_cue_inside_an_earlier_quotation_does_not_count(self):
        assert attributed_passages('Write "as Ren said, it grew" rather than "the summit grew fast".') == []

    def test_passages_in_code_are_skipped(self):
        assert attributed_passages('The article has `"over 2,100 participants"` in it.') == []
        assert attributed_passages('The article:\n\n```\n"over 2,100 participants"\n```\n') == []

    def test_a_heading_named_in_quotation_marks_is_a_cross_reference(self):
        headings = frozenset({"Think about it: one more claim"})
        assert attributed_passages('Discuss the article in "Think about it".', headings) == []

    def test_the_line_number_counts_from_the_start_of_the_text(self):
        assert attributed_passages('Intro.\n\nThe article says "concluded on Friday".') == [
            ("concluded on Friday", 3)]


class TestWhereInArticle:
    def test_a_quotation_of_the_raw_text(self):
        assert where_in_article("over 2,100 participants from more than 120 countries and regions") == "raw"

    def test_a_quotation_that_only_the_cleaned_text_has(self):
        assert where_in_article("Wuzhen Summit, attracted 415 enterprises") == "cleaned"

    def test_a_line_break_inside_a_quotation_is_a_space(self):
        assert where_in_article("concluded\non Friday") == "raw"

    def test_an_ellipsis_is_a_gap_but_the_pieces_keep_their_order(self):
        assert where_in_article("the Wuzhen Summit persuaded ... benefits all") == "raw"
        assert where_in_article("benefits all ... the Wuzhen Summit persuaded") == "neither"

    def test_a_straight_apostrophe_is_not_the_articles_curly_one(self):
        assert where_in_article("people's skills at using digital devices") == "neither"
        assert "apostrophes" in near_miss("people's skills at using digital devices")

    def test_a_changed_word_is_in_neither(self):
        assert where_in_article("more accessible and cheaper") == "neither"
        assert near_miss("more accessible and cheaper") == ""


# --- the list of open questions, linked from every notebook -------------------------------------------


def github_anchor(heading: str) -> str:
    """Return the anchor GitHub and JupyterLab give a Markdown heading."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


OPEN_QUESTIONS = "../../data/README.md#what-the-article-does-not-tell-us"


@pytest.mark.parametrize("path", SOLUTIONS, ids=lambda p: p.name)
def test_every_notebook_links_to_the_questions_the_article_leaves_open(path: Path) -> None:
    sources = "\n".join(source for _, source in markdown_cells(path))
    assert f"]({OPEN_QUESTIONS})" in sources


def test_every_link_to_a_section_of_a_markdown_file_finds_its_heading() -> None:
    links = []
    for path in SOLUTIONS:
        for _, source in markdown_cells(path):
            links += [(path, target) for target in re.findall(r"\]\(([^)\s]+\.md#[^)\s]+)\)", source)]
    for path in DOCUMENTS:
        links += [(path, t) for t in re.findall(r"\]\(([^)\s]+\.md#[^)\s]+)\)", path.read_text(encoding="utf-8"))]
    assert links
    for source, target in links:
        file, anchor = target.split("#", 1)
        text = (source.parent / file).read_text(encoding="utf-8")
        anchors = {github_anchor(h) for h in re.findall(r"^#{1,6}\s+(.+)$", text, re.M)}
        assert anchor in anchors, f"{source.relative_to(ROOT)}: no heading for #{anchor} in {file}"


def test_the_open_questions_are_questions() -> None:
    text = (ROOT / "data" / "README.md").read_text(encoding="utf-8")
    section = text.split("## What the article does not tell us", 1)[1].split("\n## ", 1)[0]
    bullets = re.findall(r"^- \*\*(.+?)\*\*", section, re.M)
    assert len(bullets) >= 5 and all(b.endswith("?") for b in bullets), bullets


# --- framing the issue found wrong must not come back -------------------------------------------------

# Each phrase presents our reading, or a guess, as the article's statement (issue 13).
UNSUPPORTED = [
    "the summit's themes",
    "themes of the summit",
    "not a theme of the summit",
    "one of the four themes",
    "speaks for the organisation",
    "official capacity",
    "from 2019",
    "the four defects",
    "mentioned in 8 of the 13",
    "the goal of the summit's outcomes",
    "about different people",
    "a disease's name",
    "in ren xianliang's words",
    "lens is mentioned in",
    "the 2,100 participants are",
    "official theme of the summit",
    "its official theme was",
]


def reader_texts() -> list[tuple[str, str]]:
    """Return (where, text) of our own reader-facing texts: notebooks, documents (with the guide's
    answer keys), the manifest, and the hints and messages of the exercises."""
    texts = [(f"{p.relative_to(ROOT).as_posix()}, cell {cid}", s) for p in SOLUTIONS for cid, s in markdown_cells(p)]
    exercises = sorted((ROOT / "helpers" / "exercises").glob("*.py"))
    for path in [*DOCUMENTS, ROOT / "notebooks" / "lessons.toml", *exercises]:
        texts.append((path.relative_to(ROOT).as_posix(), path.read_text(encoding="utf-8")))
    return texts


@pytest.mark.parametrize("phrase", UNSUPPORTED)
def test_no_text_of_ours_uses_framing_the_article_does_not_support(phrase: str) -> None:
    found = [where for where, text in reader_texts() if phrase in squeeze(text).lower()]
    assert not found, f"{phrase!r} in: {found}"
