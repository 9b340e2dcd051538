"""Content checks for data/: the curated tables against the article, the checksums and the README.

The tables are read here with the csv module, not with helpers.data, so that these checks do not
depend on the loaders (those are tested in test_data_loaders.py).
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections import Counter
from pathlib import Path

import pytest

from helpers.data import _ALLOWED_VALUES, _TABLE_SPEC

DATA = Path(__file__).resolve().parent.parent / "data"
ARTICLE = "wuzhen-summit-article.txt"
# The article's SHA-256 as published with the project (also given in data/README.md).
ARTICLE_SHA256 = "5e7c2f0b84487aaf6c22fe025fdb2faaf935faf8d0e67645eaca7fda6f2b42ac"
TRAILER = "Originally published at China Daily"
# Digits in the article that are not figures, as documented in data/README.md.
NON_FIGURES = ("COVID-19",)
NUMBER_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]
UNLISTED = {"SHA256SUMS", "README.md"}  # the only files of data/ that SHA256SUMS does not list

RAW = (DATA / ARTICLE).read_bytes().decode("utf-8")
README = (DATA / "README.md").read_text(encoding="utf-8")


def read_table(name: str) -> list[dict[str, str]]:
    """Return the rows of data/<name> as dictionaries of text."""
    with open(DATA / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def raw_paragraphs() -> list[str]:
    """Return the raw article's blocks between blank lines: headline copies collapsed, no trailer.

    Index 0 is the headline and index N is body paragraph N, as in every table.
    """
    blocks = [block.strip() for block in RAW.split("\n\n") if block.strip()]
    collapsed = [block for i, block in enumerate(blocks) if i == 0 or block != blocks[i - 1]]
    return [block for block in collapsed if block != TRAILER]


def body_text() -> str:
    """Return the raw article with the headline once and without the trailer."""
    return "\n\n".join(raw_paragraphs())


def number_of(as_written: str) -> int:
    """Return the number that as_written spells: "2,100" -> 2100, "Seven" -> 7."""
    if re.fullmatch(r"\d{1,3}(,\d{3})*|\d+", as_written):
        return int(as_written.replace(",", ""))
    return NUMBER_WORDS.index(as_written.lower()) + 1


def data_files() -> set[str]:
    """Return the names of the files in data/."""
    return {path.name for path in DATA.iterdir() if path.is_file()}


def readme_section(file_name: str) -> str:
    """Return the README text under the heading ### `file_name`, up to the next heading of that level."""
    match = re.search(rf"^### `{re.escape(file_name)}`\n(.*?)(?=^### |^## |\Z)", README, re.M | re.S)
    assert match, f"data/README.md has no section ### `{file_name}`"
    return match.group(1)


FIGURES = read_table("figures.csv")
QUOTATIONS = read_table("quotations.csv")
SPEAKERS = read_table("speakers.csv")
THEMES = read_table("themes.csv")
TABLES = {
    "figures.csv": FIGURES,
    "quotations.csv": QUOTATIONS,
    "speakers.csv": SPEAKERS,
    "themes.csv": THEMES,
}
SPEAKER_BY_ID = {row["speaker_id"]: row for row in SPEAKERS}
VERBATIM_FIELDS = [
    ("figures.csv", "sentence"),
    ("figures.csv", "as_written"),
    ("quotations.csv", "text"),
    ("speakers.csv", "name"),
    ("speakers.csv", "role"),
    ("speakers.csv", "organisation"),
    ("themes.csv", "phrase"),
]
# (table, verbatim column, paragraph column): the field must occur in that paragraph.
PLACED_FIELDS = [
    ("figures.csv", "sentence", "paragraph"),
    ("quotations.csv", "text", "paragraph"),
    ("themes.csv", "phrase", "paragraph"),
    ("speakers.csv", "name", "first_paragraph"),
]
VOCABULARY_COLUMNS = [(table, column) for table, columns in _ALLOWED_VALUES.items() for column in columns]
ID_COLUMNS = [
    ("figures.csv", "figure_id", "F"),
    ("quotations.csv", "quote_id", "Q"),
    ("themes.csv", "theme_id", "T"),
]
INTEGER_COLUMNS = [
    (table, column)
    for table, columns in _TABLE_SPEC.items()
    for column, dtype in columns.items()
    if dtype == "int64"
]
REQUIRED_TEXT = [
    ("figures.csv", "sentence"),
    ("quotations.csv", "text"),
    ("themes.csv", "phrase"),
    ("speakers.csv", "name"),
]


# --- checksums -------------------------------------------------------------------------------------


def test_article_sha256_is_the_recorded_one() -> None:
    assert hashlib.sha256((DATA / ARTICLE).read_bytes()).hexdigest() == ARTICLE_SHA256


def read_checksums() -> dict[str, str]:
    """Return {file name: hash} from data/SHA256SUMS."""
    lines = (DATA / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    return {line[66:]: line[:64] for line in lines}


def test_sha256sums_lines_are_in_sha256sum_format() -> None:
    lines = (DATA / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    assert lines, "SHA256SUMS is empty"
    for line in lines:
        assert re.fullmatch(r"[0-9a-f]{64}  \S.*", line), line


def test_sha256sums_lists_every_data_file_except_itself_and_readme() -> None:
    assert set(read_checksums()) == data_files() - UNLISTED


def test_sha256sums_records_the_article_hash() -> None:
    assert read_checksums()[ARTICLE] == ARTICLE_SHA256


@pytest.mark.parametrize("name", sorted(data_files() - UNLISTED))
def test_sha256sums_hash_matches_the_file(name: str) -> None:
    assert read_checksums()[name] == hashlib.sha256((DATA / name).read_bytes()).hexdigest()


# --- README ----------------------------------------------------------------------------------------


def test_every_data_file_is_documented_in_readme() -> None:
    documented = set(re.findall(r"^### `([^`]+)`$", README, re.M))
    assert data_files() - {"README.md"} <= documented


def test_every_file_documented_in_readme_exists() -> None:
    documented = set(re.findall(r"^### `([^`]+)`$", README, re.M))
    assert documented <= data_files()


@pytest.mark.parametrize("table", sorted(_TABLE_SPEC))
def test_every_column_is_documented_in_its_readme_section(table: str) -> None:
    section = readme_section(table)
    missing = [column for column in _TABLE_SPEC[table] if f"| `{column}` |" not in section]
    assert not missing


@pytest.mark.parametrize("table, column", VOCABULARY_COLUMNS)
def test_every_allowed_value_is_documented_in_its_readme_section(table: str, column: str) -> None:
    section = readme_section(table)
    missing = [value for value in _ALLOWED_VALUES[table][column] if f"`{value}`" not in section]
    assert not missing


@pytest.mark.parametrize("non_figure", NON_FIGURES)
def test_each_non_figure_is_in_the_article_and_explained_in_readme(non_figure: str) -> None:
    assert non_figure in RAW
    assert f"Why {non_figure} is not a figure" in README


def test_readme_says_how_to_restore_a_file() -> None:
    assert "git checkout -- data/" in README


# --- shape, ids and vocabularies ---------------------------------------------------------------------


@pytest.mark.parametrize("table", sorted(_TABLE_SPEC))
def test_table_header_is_the_documented_columns(table: str) -> None:
    with open(DATA / table, encoding="utf-8", newline="") as handle:
        assert next(csv.reader(handle)) == list(_TABLE_SPEC[table])


@pytest.mark.parametrize("table", sorted(_TABLE_SPEC))
def test_table_has_rows(table: str) -> None:
    assert TABLES[table]


@pytest.mark.parametrize("table, column, prefix", ID_COLUMNS)
def test_ids_are_numbered_in_row_order_from_01(table: str, column: str, prefix: str) -> None:
    ids = [row[column] for row in TABLES[table]]
    assert ids == [f"{prefix}{number:02d}" for number in range(1, len(ids) + 1)]


def test_speaker_ids_are_unique() -> None:
    ids = [row["speaker_id"] for row in SPEAKERS]
    assert len(ids) == len(set(ids))


def test_speaker_ids_are_lowercase_slugs() -> None:
    for row in SPEAKERS:
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", row["speaker_id"]), row["speaker_id"]


@pytest.mark.parametrize("table, column", VOCABULARY_COLUMNS)
def test_vocabulary_column_takes_only_documented_values(table: str, column: str) -> None:
    unexpected = {row[column] for row in TABLES[table]} - set(_ALLOWED_VALUES[table][column])
    assert not unexpected


@pytest.mark.parametrize("table, column", INTEGER_COLUMNS)
def test_integer_columns_hold_whole_numbers(table: str, column: str) -> None:
    for row in TABLES[table]:
        assert re.fullmatch(r"\d+", row[column]), row[column]


def test_quoted_directly_is_true_or_false() -> None:
    assert {row["quoted_directly"] for row in SPEAKERS} <= {"True", "False"}


# --- verbatim fields and paragraph numbers ------------------------------------------------------------


@pytest.mark.parametrize("table, column", VERBATIM_FIELDS)
def test_verbatim_field_occurs_in_the_raw_article(table: str, column: str) -> None:
    absent = [row[column] for row in TABLES[table] if row[column] and row[column] not in RAW]
    assert not absent


@pytest.mark.parametrize("table, column", REQUIRED_TEXT)
def test_required_verbatim_field_is_never_empty(table: str, column: str) -> None:
    assert all(row[column].strip() for row in TABLES[table])


@pytest.mark.parametrize("table, column, paragraph_column", PLACED_FIELDS)
def test_verbatim_field_occurs_in_the_paragraph_its_row_names(
    table: str, column: str, paragraph_column: str
) -> None:
    paragraphs = raw_paragraphs()
    misplaced = [
        (row[column], row[paragraph_column])
        for row in TABLES[table]
        if row[column] not in paragraphs[int(row[paragraph_column])]
    ]
    assert not misplaced


@pytest.mark.parametrize("table, column, paragraph_column", PLACED_FIELDS)
def test_paragraph_numbers_agree_with_helpers_text(
    table: str, column: str, paragraph_column: str
) -> None:
    from helpers.text import clean_text, split_paragraphs

    paragraphs = split_paragraphs(clean_text(RAW))
    misplaced = [
        row[column]
        for row in TABLES[table]
        if clean_text(row[column]).strip() not in paragraphs[int(row[paragraph_column])]
    ]
    assert not misplaced


def test_speaker_first_paragraph_is_the_first_mention() -> None:
    paragraphs = raw_paragraphs()
    for row in SPEAKERS:
        first = next(i for i, paragraph in enumerate(paragraphs) if row["name"] in paragraph)
        assert first == int(row["first_paragraph"]), row["name"]


def test_speaker_role_and_organisation_occur_where_the_speaker_is_first_named() -> None:
    paragraphs = raw_paragraphs()
    for row in SPEAKERS:
        paragraph = paragraphs[int(row["first_paragraph"])]
        assert row["role"] in paragraph and row["organisation"] in paragraph, row["speaker_id"]


# --- figures ---------------------------------------------------------------------------------------


def test_each_figure_as_written_occurs_in_its_sentence() -> None:
    assert all(row["as_written"] in row["sentence"] for row in FIGURES)


def test_each_figure_value_agrees_with_as_written() -> None:
    for row in FIGURES:
        assert number_of(row["as_written"]) == int(row["value"]), row["figure_id"]


def test_each_figure_qualifier_stands_right_before_it() -> None:
    for row in FIGURES:
        if row["qualifier"] != "none":
            assert f"{row['qualifier']} {row['as_written']}" in row["sentence"], row["figure_id"]


def test_unqualified_figures_have_no_qualifier_before_them() -> None:
    qualifiers = [q for q in _ALLOWED_VALUES["figures.csv"]["qualifier"] if q != "none"]
    for row in FIGURES:
        if row["qualifier"] == "none":
            preceded = [q for q in qualifiers if f"{q} {row['as_written']}" in row["sentence"]]
            assert not preceded, row["figure_id"]


def test_each_figure_counted_words_follow_it() -> None:
    for row in FIGURES:
        assert f"{row['as_written']} {row['counted']}" in row["sentence"], row["figure_id"]


def test_bound_is_lower_exactly_when_there_is_a_qualifier() -> None:
    for row in FIGURES:
        expected = "exact" if row["qualifier"] == "none" else "lower bound"
        assert row["bound"] == expected, row["figure_id"]


def test_figures_are_in_article_order() -> None:
    paragraphs = raw_paragraphs()
    positions = []
    for row in FIGURES:
        paragraph = paragraphs[int(row["paragraph"])]
        start = paragraph.index(row["sentence"]) + row["sentence"].index(row["as_written"])
        positions.append((int(row["paragraph"]), start))
    assert positions == sorted(positions) and len(set(positions)) == len(positions)


def test_every_digit_number_in_the_article_is_a_figure_row_as_often_as_stated() -> None:
    text = body_text()
    for non_figure in NON_FIGURES:
        text = text.replace(non_figure, " ")
    in_article = Counter(int(m.replace(",", "")) for m in re.findall(r"\d+(?:,\d{3})*", text))
    in_table = Counter(int(row["value"]) for row in FIGURES if row["as_written"][0].isdigit())
    assert in_article == in_table


def test_every_number_word_in_the_article_is_a_figure_row() -> None:
    pattern = r"\b(" + "|".join(NUMBER_WORDS) + r")\b"
    in_article = Counter(word.lower() for word in re.findall(pattern, body_text(), re.I))
    in_table = Counter(row["as_written"].lower() for row in FIGURES if not row["as_written"][0].isdigit())
    assert in_article == in_table


# --- quotations and speakers ---------------------------------------------------------------------------


def test_every_quotation_speaker_exists_in_speakers() -> None:
    assert {row["speaker_id"] for row in QUOTATIONS} <= set(SPEAKER_BY_ID)


def test_every_speaker_is_cited_by_at_least_one_quotation() -> None:
    assert set(SPEAKER_BY_ID) <= {row["speaker_id"] for row in QUOTATIONS}


def test_quoted_directly_agrees_with_the_quotations() -> None:
    direct = {row["speaker_id"] for row in QUOTATIONS if row["kind"] == "direct"}
    for row in SPEAKERS:
        assert (row["quoted_directly"] == "True") == (row["speaker_id"] in direct), row["speaker_id"]


def test_direct_quotations_stand_inside_curly_quotation_marks() -> None:
    paragraphs = raw_paragraphs()
    for row in QUOTATIONS:
        if row["kind"] == "direct":
            pattern = "\u201c" + re.escape(row["text"]) + "[,.?!]?\u201d"
            assert re.search(pattern, paragraphs[int(row["paragraph"])]), row["quote_id"]


def test_quotation_text_carries_no_surrounding_quotation_marks() -> None:
    for row in QUOTATIONS:
        assert not row["text"].startswith(("\u201c", '"')) and not row["text"].endswith(("\u201d", '"'))


def test_each_reporting_verb_occurs_in_its_paragraph() -> None:
    paragraphs = raw_paragraphs()
    for row in QUOTATIONS:
        assert re.search(rf"\b{re.escape(row['verb'])}\b", paragraphs[int(row["paragraph"])]), row["quote_id"]


def test_named_attribution_names_a_person_in_the_paragraph() -> None:
    paragraphs = raw_paragraphs()
    for row in QUOTATIONS:
        if row["attribution"] == "named":
            speaker = SPEAKER_BY_ID[row["speaker_id"]]
            assert speaker["kind"] == "person", row["quote_id"]
            # The article names Ren by surname alone ("Ren said"); any part of the name counts.
            assert any(part in paragraphs[int(row["paragraph"])] for part in speaker["name"].split())


def test_group_attribution_points_to_a_group() -> None:
    for row in QUOTATIONS:
        if row["attribution"] == "group":
            assert SPEAKER_BY_ID[row["speaker_id"]]["kind"] == "group", row["quote_id"]


def test_pronoun_attribution_explains_its_reading_in_the_note() -> None:
    for row in QUOTATIONS:
        if row["attribution"] == "pronoun":
            assert "refers to" in row["note"], row["quote_id"]


def test_pronoun_attribution_has_a_pronoun_in_the_paragraph() -> None:
    paragraphs = raw_paragraphs()
    for row in QUOTATIONS:
        if row["attribution"] == "pronoun":
            assert re.search(r"\b(he|she|they)\b", paragraphs[int(row["paragraph"])], re.I), row["quote_id"]


def test_quotations_are_in_article_order() -> None:
    paragraphs = raw_paragraphs()
    positions = [(int(r["paragraph"]), paragraphs[int(r["paragraph"])].index(r["text"])) for r in QUOTATIONS]
    assert positions == sorted(positions) and len(set(positions)) == len(positions)


# --- themes ----------------------------------------------------------------------------------------


def keyword_patterns(row: dict[str, str]) -> list[str]:
    """Return the row's keyword patterns (separated by " | ")."""
    return row["keywords"].split(" | ")


def test_every_theme_keyword_compiles() -> None:
    for row in THEMES:
        for pattern in keyword_patterns(row):
            re.compile(pattern)


def test_every_theme_keyword_matches_its_own_phrase() -> None:
    for row in THEMES:
        for pattern in keyword_patterns(row):
            assert re.search(pattern, row["phrase"], re.I), (row["theme_id"], pattern)


def test_theme_keywords_are_lowercase_and_not_empty() -> None:
    for row in THEMES:
        for pattern in keyword_patterns(row):
            assert pattern and pattern == pattern.lower() and pattern == pattern.strip(), row["theme_id"]


def test_every_named_lens_has_at_least_one_theme() -> None:
    lenses = set(_ALLOWED_VALUES["themes.csv"]["lens"]) - {"other"}
    assert lenses <= {row["lens"] for row in THEMES}


def test_themes_are_in_article_order() -> None:
    paragraphs = raw_paragraphs()
    positions = [(int(r["paragraph"]), paragraphs[int(r["paragraph"])].index(r["phrase"])) for r in THEMES]
    assert positions == sorted(positions) and len(set(positions)) == len(positions)


def test_theme_phrase_and_kind_pairs_are_unique() -> None:
    pairs = [(row["phrase"], row["kind"]) for row in THEMES]
    assert len(pairs) == len(set(pairs))
