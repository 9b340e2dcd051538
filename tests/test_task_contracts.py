"""Each exercise's check held against its task's own words, as a student meets them.

For every exercise, the task text is read from the solution notebook (the markdown cell under
"### Exercise N"): the test asserts the words that make the contract ("in the same order", "different",
"work it out", ...) and then the verdicts those words imply, with the task's own counter-examples as
wrong answers. Some rules look at the notebook cell that runs the check (a value typed by hand, a
pattern without its r prefix, a notebook table replaced by an answer): those cells are run here as
Jupyter runs them, with the notebook's variables and the cell's code known to Python.
"""

from __future__ import annotations

import importlib
import io
import json
import linecache
import re
from contextlib import redirect_stdout
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import helpers
from helpers.checking import CORRECT, NOT_ATTEMPTED, NOT_YET_RIGHT, Pair, answer_key
from helpers.exercises import NOTEBOOK_MODULES

ROOT = Path(__file__).resolve().parent.parent
SOLUTION_DIR = ROOT / "notebooks" / "solutions"
MODULE_OF = {name[:2]: module for name, module in NOTEBOOK_MODULES.items()}
NOTEBOOK_OF = {name[:2]: name for name in NOTEBOOK_MODULES}


def ex_module(notebook: str):
    return importlib.import_module(f"helpers.exercises.{MODULE_OF[notebook]}")


def task_text(notebook: str, number: int) -> str:
    """Return the markdown of the task of exercise `number` in a solution notebook."""
    cells = json.loads((SOLUTION_DIR / NOTEBOOK_OF[notebook]).read_text(encoding="utf-8"))["cells"]
    for cell in cells:
        source = "".join(cell["source"])
        if cell["cell_type"] == "markdown" and re.search(rf"^#+ Exercise {number}\b", source, re.M):
            return " ".join(source.split())
    raise AssertionError(f"notebook {notebook} has no task for exercise {number}")


def notebook_code(notebook: str) -> str:
    cells = json.loads((SOLUTION_DIR / NOTEBOOK_OF[notebook]).read_text(encoding="utf-8"))["cells"]
    return "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")


_cell_count = 0


def run_cell(code: str, names: dict[str, Any]) -> None:
    """Run code as Jupyter runs a cell: in the notebook's namespace, with its source known to Python."""
    global _cell_count
    _cell_count += 1
    filename = f"<test-cell-{_cell_count}>"
    linecache.cache[filename] = (len(code), None, code.splitlines(True), filename)
    names.setdefault("__name__", "__main__")
    exec(compile(code, filename, "exec"), names)


def verdict_in_cell(notebook: str, number: int, setup: str, answer_code: str) -> Any:
    """Return the Feedback when a cell stores an answer with answer_code and then checks it."""
    names: dict[str, Any] = {"ex": ex_module(notebook), "helpers": helpers, "pd": pd, "re": re}
    run_cell(setup, names)
    run_cell(f"{answer_code}\nfeedback = ex.q{number}.evaluate(answer)", names)
    return names["feedback"]


@dataclass
class Contract:
    notebook: str
    number: int
    words: tuple[str, ...]  # what the task says, which the check must hold
    right: tuple[Any, ...] = ()  # answers the words allow, besides the worked answer
    wrong: tuple[tuple[Any, str], ...] = field(default=())  # (answer, words its message must contain)


RAW_TEXT = helpers.load_raw_article()
FIRST_LINE = helpers.load_raw_article().splitlines()[0]
RAW_LINES = RAW_TEXT.split("\n")
CLEANED = helpers.clean_text(RAW_TEXT)
NO_TRAILER = RAW_TEXT.replace(RAW_LINES[-1], "")
EVIDENCE = answer_key(ex_module("05").q1).expected
TOP_NAME = answer_key(ex_module("03").q4).expected
KINDS = dict(zip(helpers.load_quotations()["quote_id"], helpers.load_quotations()["kind"], strict=True))
NESTED_AS_DIRECT = ["direct" if q in ("Q04", "Q05", "Q08", "Q09") else "reported" for q in KINDS]
SAID_BY = list(helpers.load_quotations()["speaker_id"])
#: Notebook 04's table of tags, made as the notebook makes it (one row per paragraph, one column per lens).
LENS_TAGS = pd.DataFrame({lens: [re.search(pattern, p, flags=re.IGNORECASE) is not None
                                 for p in helpers.split_paragraphs(helpers.load_article())]
                          for lens, pattern in ex_module("04")._lexicon().items()})
NEVER_QUOTED = answer_key(ex_module("03").q5).expected

CONTRACTS = [
    Contract("00", 1, ("just the name of the outlet",),
             wrong=(("World Internet Conference", "secretary-general"), ("China Dialy", "spelling"),
                    ("Originally published at China Daily", "just the name"), ("the China Daily", "more words"))),
    Contract("00", 2, ("How many characters",), wrong=((31, "lines"),)),
    Contract("00", 3, ("Let Python work it out", "rather than typing `True` or `False` yourself"),
             wrong=((False, "capital letters"),)),
    Contract("00", 4, ("Store the first line of `raw`",), right=(FIRST_LINE + "\n",),
             wrong=((FIRST_LINE.upper(), "upper- and lower-case"), (FIRST_LINE.lower(), "upper- and lower-case"))),
    Contract("00", 5, ("\"Summit\", with a capital S",), wrong=((12, "capital S"), (3, "small s"))),
    Contract("00", 6, ("Which number did it show",), wrong=((40, "top to bottom"),)),
    Contract("00", 7, ("Store the name of the error",),
             wrong=(("AtributeError", "spelling"), ("TypeError", "another kind of error"),
                    ("Attribute Error", "one word"), ("Attribute", "only part"), ("Error", "only part"))),
    Contract("00", 8, ("name of the folder",),
             wrong=(("my-notes.txt", "folder"), ("the output folder", "more words"),
                    (helpers.output_path("my-notes.txt"), "`.parent`"),
                    (helpers.output_path("my-notes.txt").parent, "`.name`"))),
    Contract("00", 9, ("a sentence of your own", "read the file back"),
             wrong=(("", "empty"), ("My first look at the article: the headline appears more than once.", "own note"),
                    ("Wuzhen", "very short"), (42, "should be text"), (FIRST_LINE, "copied from the article"),
                    (RAW_LINES[-1], "copied from the article"))),
    Contract("01", 1, ("how many times `headline` occurs in `raw`",), wrong=((1, "once"),)),
    Contract("01", 2, ("both spaces removed and nothing else changed",),
             wrong=((RAW_TEXT.replace(" .", "."), "still there"), (RAW_TEXT, "nothing was removed"),
                    (RAW_TEXT.replace(" ", ""), "more than the two spaces"),
                    (RAW_TEXT.replace(" .", ".").replace(" ,", ",").replace("winwin", "win-win"),
                     "change nothing else"))),
    Contract("01", 3, ("Before you run the cell, predict",), wrong=((4, "single line break"), (6, "empty ones too"))),
    Contract("01", 4, ("`helpers.split_paragraphs`",), wrong=((12, "headline counts too"),)),
    Contract("01", 5, ("`helpers.split_words`",), wrong=((467, "em dash"), (236, "each different word once"))),
    Contract("01", 6, ("the `paragraph` number of that row",),
             wrong=((63, "which paragraph"), (0, "fewest words"), (10, "most sentences"), (12, "last paragraph"))),
    Contract("01", 7, ("round the result to 1 decimal place",), right=(30.1,),
             wrong=((29.1, "headline"), (30, "whole number"), (30.2, "rounded up"), (29.9, "paragraph 1"),
                    (30.133333, "round it to 1 decimal place"),
                    (30.13, "round it to 1 decimal place"))),
    Contract("01", 8, ("without `helpers.clean_text`", "one repair per line"),
             right=(CLEANED + "\n\n", NO_TRAILER.replace(RAW_LINES[0], "", 2).replace(" .", ".").replace(" ,", ",")
                    .replace("winwin", "win-win")),
             wrong=((RAW_TEXT, "nothing was repaired"), (RAW_TEXT.replace(" .", "."), "trailer line"),
                    (NO_TRAILER, "more than once"), (NO_TRAILER.replace(RAW_LINES[0], ""), "removed too often"),
                    (CLEANED.replace("win-win", "winwin"), "hyphen"), (CLEANED.replace("Summit,", "Summit ,"), "comma"),
                    (CLEANED.replace("Summit.", "Summit ."), "full stop"), (CLEANED.upper(), "changed"),
                    (CLEANED.replace("digital divide", "divide"), "lost words"), (CLEANED + " Thank you.", "Thank"),
                    (CLEANED.replace("win-win", "win-win-"), "win-win-"),
                    (CLEANED.split(), "should be text"))),
    Contract("02", 1, ("in one piece", "starts with one digit", "store in `found`"),
             wrong=((re.findall(r"\d+", helpers.load_article()), "cuts the numbers"),
                    (re.findall(r"[\d,]+", helpers.load_article()), "start with a comma"),
                    (re.findall(r"[\d,]*", helpers.load_article()), "empty"),
                    (answer_key(ex_module("02").q2).expected, "Exercise 2"))),
    Contract("02", 2, ("in the same order", "Keep every match"),
             wrong=((sorted(answer_key(ex_module("02").q2).expected), "same order"),
                    ([n for n in answer_key(ex_module("02").q2).expected if n != 19], "19 of COVID-19"),
                    (answer_key(ex_module("02").q2).expected[1:], "a slice"),
                    (answer_key(ex_module("02").q3).expected, "Exercise 3"))),
    Contract("02", 3, ("The order does not matter", "in your list twice"),
             right=(sorted(answer_key(ex_module("02").q3).expected),),
             wrong=(([120, 2100, 7, 1110, 24, 415, 40, 74], "twice"),
                    ([120, 2100, 120, 1110, 24, 415, 40, 74], "written as a word"))),
    Contract("02", 4, ('`"exact"`', '`"lower bound"`', "in that order"),
             right=(dict(zip(helpers.load_figures()["figure_id"], helpers.load_figures()["bound"])),),
             wrong=((["exact"] * 9, "disagree"), (["lower bound"] * 9, "disagree"),
                    (["lower bund"] + ["exact"] * 8, "misspelling"), (["over"] * 9, "not one of the labels"))),
    Contract("02", 5, ('`"countries and regions"`', '`"participants"`', "in that order"),
             wrong=((["projects"] * 9, "disagree"), (["countries"] * 9, "not one of the labels"))),
    Contract("02", 6, ("**largest**", "an upper bound", "compute the share"),
             wrong=((0.006, "a little below"), (0.0063, "a little below"), (0.006297, "a little below"),
                    (0.0064, "a little above"), (0.63, "percentage"), (0.01, "round"), (10.375, "expo"))),
    Contract("02", 7, ('`"no bound"`', "`more_participants`", "`more_countries`", "HYPOTHETICAL",
                       "Let Python work out each case"), right=("No bound",),
             wrong=(("No Bound.", "exactly"), ("upper bound.", "upper bound would mean"),
                    ("lower bound", "lower bound would mean"), ("exact", "three phrases"), ("both", "three phrases"))),
    Contract("03", 1, ('`"direct"` or `"reported"`', "in the order of the rows (Q01 first)"), right=(KINDS,),
             wrong=((NESTED_AS_DIRECT, "inside someone else's quotation"), (["direct"] * 10, "every passage"),
                    (["reported"] * 10, "rows Q04 and Q08"), ("reported", "one label for each row"),
                    (["direct", "reported"], "one label for each row"),
                    (NESTED_AS_DIRECT[:-1] + ["quoted"], "not one"))),
    Contract("03", 2, ("`speaker_id` codes", "in the order of the rows (Q01 first)"),
             right=(dict(zip(KINDS, SAID_BY, strict=True)),),
             wrong=(([s if s != "participants" else "ren-xianliang" for s in SAID_BY], "the source Ren cites"),
                    ([s.replace("wang-gang", "Wang Gang") for s in SAID_BY], "misspelling"))),
    Contract("03", 3, ("Before you run the cell, predict", "`prediction`"),
             wrong=((2, "one match for each direct quotation"), (10, "smaller number"))),
    Contract("03", 4, ("joined with the columns `speaker_id` and `name` of `speakers`",
                       "the name with the largest total", "written as in the `name` column"),
             right=(TOP_NAME + " ",),
             wrong=(("Ren Xianling", "spelling"), ("ren-xianliang", "speaker_id"),
                    (TOP_NAME.lower(), "upper- and lower"), (TOP_NAME.upper(), "upper- and lower"),
                    ("Xianliang", "full name"), ("Xianliang Ren", "order"),
                    (TOP_NAME + ", secretary-general of the World Internet Conference", "only the name"),
                    ("Participants of the summit", "not the one given the most words"),
                    (pd.Series([178]).max(), "`.idxmax()`"), ("named", "kind of attribution"),
                    ("reported", "not a name of the name column"))),
    Contract("03", 5, ("`never`", "use `~`", "as written in the `name` column", "`never_quoted`", "use `.loc`"),
             right=(set(NEVER_QUOTED), tuple(reversed(NEVER_QUOTED)), pd.Series(NEVER_QUOTED)),
             wrong=((["Ren Xianliang"], "quotes directly"),
                    (helpers.load_speakers()["name"].tolist(), "quotes directly"),
                    ([name.lower() for name in NEVER_QUOTED], "upper- and lower-case"),
                    (["event-organizers-experts-attendees", "participants", "wang-gang"], "speaker_id"),
                    ([], "kept no row"))),
    Contract("03", 6, ("counting every word only once",),
             wrong=((295, "counted twice"), (227, "leaves out"), (68, "direct quotations only"), (44, "broken cell"),
                    (0, "kept no row"))),
    Contract("04", 1, ("counts once", "ignoring upper and lower case"),
             wrong=((7, "mentions"), (13, "all the paragraphs"), (1, "IGNORECASE"))),
    Contract("04", 2, ("keywords", '`"divide"` or `"no"`', "paragraph by paragraph"),
             right=({3: "divide", 6: "divide", **dict.fromkeys((0, 1, 2, 4, 5, 7, 8, 9, 10, 11, 12), "no")},
                    ["No", "no", "no", "Divide", *["no"] * 2, "divide", *["no"] * 6]),
             wrong=((["no"] * 6 + ["divide"] + ["no"] * 6, "never uses those words"),
                    (["divide"] * 13, "almost every paragraph"), (["no"] * 13, "tags no paragraph"),
                    (["no"] * 3 + ["divide"] + ["no"] * 9, "row 6"), ([3, 6], "not a piece of text"),
                    (["no"] * 3 + ["divde"] + ["no"] * 2 + ["divide"] + ["no"] * 6, "misspelling"))),
    Contract("04", 3, ("Count paragraphs, not matches", "exactly as it is written in the columns of `tags`"),
             wrong=(("digital devide", "spelling"), ("cybersecurity governance", "matches"),
                    ("other", "lenses"), ("Digital Divide", "upper- and lower-case"),
                    ("DIGITAL DIVIDE", "upper- and lower-case"), ("digital  divide", "spaces"),
                    ("the digital divide", "a word more"), (pd.Series([2]).min(), "`.idxmin()`"))),
    Contract("04", 4, ("**both**",), wrong=((8, "on its own"), (9, "either"), (13, "`.sum()`"))),
    Contract("04", 5, ('part of "cybersecurity"',), wrong=((5, "needs an `r`"), (3, "word of its own"))),
    Contract("04", 6, ("paragraphs 1 to 12", "one count per lens"),
             right=(LENS_TAGS.iloc[1:].sum(), LENS_TAGS.drop(0).sum(),
                    {k: int(v) for k, v in LENS_TAGS.loc[1:].sum().items()},
                    {k.upper(): int(v) for k, v in LENS_TAGS.loc[1:].sum().items()}),
             wrong=((LENS_TAGS.sum(), "still include the headline"),
                    (LENS_TAGS.loc[:11].sum(), "still include the headline"),
                    (LENS_TAGS.loc[2:].sum(), "paragraph 1 as well"), (LENS_TAGS.iloc[2:].sum(), "paragraph 1 as well"),
                    (LENS_TAGS.loc[:1].sum(), "keeps the rows up to 1"),
                    (LENS_TAGS.sum() - 1, "a count minus one is not a count of the body's paragraphs"),
                    (LENS_TAGS.loc[0], "one paragraph"), (LENS_TAGS.iloc[0], "one paragraph"),
                    (LENS_TAGS.loc[1:].count(), "`.count()`"),
                    (LENS_TAGS.loc[1:].sum(axis=1), "one count per paragraph"),
                    (LENS_TAGS.loc[1:].sum().sum(), "one number"),
                    (LENS_TAGS.loc[1:, "digital divide"].sum(), "one number"),
                    (len(LENS_TAGS.loc[1:]), "number of body paragraphs"), (LENS_TAGS.loc[1:], "whole table"),
                    (list(LENS_TAGS.loc[1:].sum()), "lens names"), (LENS_TAGS.loc[1:].sum().to_numpy(), "lens names"),
                    ({"digital cooperation": 15, "digital economy": 7, "cybersecurity governance": 5,
                      "digital divide": 7}, "matches"))),
    Contract("05", 1, ("the whole sentence",),
             wrong=((EVIDENCE.replace("“", '"').replace("”", '"'), "curly"),
                    (EVIDENCE.upper(), "upper- and lower-case"),
                    ("over 2,100 participants", "part of the sentence"), (5, "the whole sentence"))),
    Contract("05", 2, ("paragraph number",),
             wrong=((14, "index"), (415, "figure itself"),
                    (ex_module("05")._only_sentence_with("415")[1], "the sentence itself"))),
    Contract("05", 3, ("*as written*", "ids (letters)"),
             wrong=(({"A", "B", "C", "E"}, "Claim A"), ([2, 3, 5], "letters"), ([], "empty"),
                    ({"B", "C", "E", "G"}, "not ids"), (ex_module("05").TEST_CLAIMS, "every test claim"),
                    ([True, False, True], "True and False"))),
    Contract("05", 4, ("no more and no less", "`honest_line`"),
             wrong=((1, "exact count"), (2, "allows fewer"), (4, "turns the bound around"), (5, "There is no line 5"),
                    ("3", "number"))),
    Contract("05", 5, ('"over" or "more than" right before a figure',), wrong=((6, "longer word"), (5, "Three slips"),
                                                                          (0, "`r`"))),
    Contract("05", 6, ("states a figure", "its qualifier"),
             right=(("Over 2,100 people took part in the summit.", EVIDENCE),),
             wrong=((("2,100 people took part.", EVIDENCE), "keep the qualifier"),
                    (("The summit had many participants.", EVIDENCE), "states no figure"),
                    (("Over 2,100 people took part.", "over 2,100 participants"), "only part of a sentence"),
                    (("Over 3,000 people took part.", EVIDENCE), "not in your evidence"))),
    Contract("05", 7, ("`my_paragraph`", "`unknown_numbers` and `dropped_qualifiers`", "`+`"),
             right=((),),
             wrong=((["19"], "should not be there"), ("[]", "list"), (None, "None"), ({"19"}, "order"))),
]


def contract_id(contract: Contract) -> str:
    return f"{contract.notebook}-q{contract.number}"


def test_every_exercise_has_a_contract() -> None:
    covered = {(c.notebook, c.number) for c in CONTRACTS}
    every = {(nb, e.number) for nb in MODULE_OF for e in ex_module(nb).EXERCISES}
    assert covered == every


@pytest.mark.parametrize("contract", CONTRACTS, ids=contract_id)
def test_the_task_says_what_the_check_holds(contract: Contract) -> None:
    text = task_text(contract.notebook, contract.number)
    for words in contract.words:
        assert words in text, f"the task of {contract_id(contract)} no longer says {words!r}: review its check"


@pytest.mark.parametrize("contract", CONTRACTS, ids=contract_id)
def test_answers_the_task_allows_are_correct(contract: Contract) -> None:
    exercise = getattr(ex_module(contract.notebook), f"q{contract.number}")
    for answer in (answer_key(exercise).expected, *contract.right):
        assert exercise.evaluate(answer).status == CORRECT, answer


@pytest.mark.parametrize("contract", CONTRACTS, ids=contract_id)
def test_the_tasks_counter_examples_are_wrong_with_their_reason(contract: Contract) -> None:
    exercise = getattr(ex_module(contract.notebook), f"q{contract.number}")
    for answer, reason in contract.wrong:
        feedback = exercise.evaluate(answer)
        assert feedback.status == NOT_YET_RIGHT, answer
        assert reason.casefold() in feedback.message.casefold(), (answer, feedback.message)


# -- premises: a catch-all message fires only when what it says is true ---------------------------


@pytest.mark.parametrize(
    "notebook, number, answer, must_not_say",
    [
        ("02", 2, [], "19 of COVID-19"),
        ("02", 3, [], "written as a word"),
        ("05", 3, [1, 2], "claim E"),
        ("05", 3, [], "claim E"),
        ("05", 3, [True, False], "claim E"),
        ("04", 2, [0, 1], "True and False"),
        ("00", 7, "Error", "another kind of error"),
        ("01", 4, 16, "Did you split `raw`? That count"),
        ("00", 3, 5, "Write True or False"),
        ("03", 4, "named", "already ignored"),
        ("03", 4, "Q04", "already ignored"),
    ],
)
def test_a_catch_all_message_needs_its_premise(notebook, number, answer, must_not_say) -> None:
    feedback = getattr(ex_module(notebook), f"q{number}").evaluate(answer)
    assert feedback.status == NOT_YET_RIGHT
    assert must_not_say.casefold() not in feedback.message.casefold()


# -- what the calling cell shows ---------------------------------------------------------------------

RAW = "raw = helpers.load_raw_article()"


def shown_by_check(notebook: str, setup: str, cell: str) -> str:
    """Return what a cell that ends with `ex.qN.check(...)` shows, run as Jupyter runs it."""
    names: dict[str, Any] = {"ex": ex_module(notebook), "helpers": helpers, "pd": pd, "re": re}
    run_cell(setup, names)
    shown = io.StringIO()
    with redirect_stdout(shown):
        run_cell(cell, names)
    return shown.getvalue()


def test_a_cell_with_its_first_steps_written_names_the_step_still_to_write() -> None:
    partly = shown_by_check("00", RAW, "all_lines = raw.splitlines()\nfirst_line = ...\nex.q4.check(first_line)")
    assert "Not attempted" in partly and "`first_line` still holds `...`" in partly
    untouched = shown_by_check("00", RAW, "all_lines = ...\nfirst_line = ...\nex.q4.check(first_line)")
    assert "Not attempted" in untouched and "You have not answered yet" in untouched


def test_a_cell_with_several_steps_still_to_write_names_them_in_order() -> None:
    cell = ('no_trailer = raw.replace(raw.splitlines()[-1], "")\none_headline = ...\nno_space_stop = ...\n'
            "no_space_comma = ...\nmy_clean = ...\nex.q8.check(my_clean)")
    shown = shown_by_check("01", RAW, cell)
    assert "Not attempted" in shown
    assert "`one_headline`, `no_space_stop`, `no_space_comma` and `my_clean` still hold `...`" in shown


def test_true_typed_by_hand_is_not_right_where_the_task_says_to_compute_it() -> None:
    typed = verdict_in_cell("00", 3, RAW, "answer = True")
    assert typed.status == NOT_YET_RIGHT and "work it out" in typed.message
    assert verdict_in_cell("00", 3, RAW, 'answer = "Wuzhen" in raw').status == CORRECT


@pytest.mark.parametrize("typed", ["False", '"True"', "1"])
def test_a_wrong_value_typed_by_hand_is_told_to_let_python_work_it_out(typed) -> None:
    feedback = verdict_in_cell("00", 3, RAW, f"answer = {typed}")
    assert feedback.status == NOT_YET_RIGHT and "work it out" in feedback.message


def test_a_number_from_find_is_told_that_in_gives_true_or_false() -> None:
    feedback = verdict_in_cell("00", 3, RAW, 'answer = raw.find("Wuzhen")')
    assert feedback.status == NOT_YET_RIGHT and "`in`" in feedback.message
    assert "Write True or False" not in feedback.message


MADE_UP_CASES = "more_participants = 3000 / 125\nmore_countries = 2150 / 200"


def test_the_made_up_cases_respect_the_articles_lower_bounds_and_fall_on_both_sides_of_the_ratio() -> None:
    cases = re.findall(r"# HYPOTHETICAL, NOT from the article: ([\d,]+) participants from (\d+) countries and regions",
                       notebook_code("02"))
    ratios = [int(people.replace(",", "")) / int(places) for people, places in cases]
    assert len(cases) == 2
    assert all(int(people.replace(",", "")) > 2100 and int(places) > 120 for people, places in cases), cases
    assert min(ratios) < 2100 / 120 < max(ratios)


@pytest.mark.parametrize("cases, says", [
    ("more_participants = ...\nmore_countries = ...", "`more_participants` holds no number yet"),
    ("more_participants = 3000 / 125", "`more_countries` holds no number yet"),
    ("more_participants = 3000 / 125\nmore_countries = 2150 // 200", "`more_countries` holds only the whole part"),
    ("more_participants = 3,000 / 125\nmore_countries = 2150 / 200", "`3,000` is read as two numbers, 3 and 000"),
    ("more_participants = 3000 / 125\nmore_countries = 2,150 / 200", "`2,150` is read as two numbers, 2 and 150"),
    ("more_participants = 3000 / 125\nmore_countries = round(2150 / 200, 1)", "do not round"),
    ("more_participants = 3000 / 125\nmore_countries = int(2150 / 200)", "`//` and `int()` keep the whole part"),
    ("more_participants = 24\nmore_countries = 10.75", "`more_participants` is a number typed by hand"),
    ("more_participants = 3000 / 125\nmore_countries = 10.75", "`more_countries` is a number typed by hand"),
    ("more_participants = 3000 / 125\nmore_countries = 10.8", "let Python work out each case"),
    ("more_participants = 3000 / 125\nmore_countries = 200 / 2150", "`more_countries` is not the participants"),
    ("more_participants = 125 / 3000\nmore_countries = 2150 / 200", "`more_participants` is not the participants"),
])
def test_the_right_kind_of_bound_needs_the_made_up_cases_worked_out(cases, says) -> None:
    feedback = verdict_in_cell("02", 7, "", f'{cases}\nanswer = "no bound"')
    assert feedback.status == NOT_YET_RIGHT and says in feedback.message
    if "," in cases:  # they did divide with `/`: the message must not tell them to
        assert "with `/`" not in feedback.message
    assert "no bound" not in feedback.message.casefold()
    assert verdict_in_cell("02", 7, "", f'{MADE_UP_CASES}\nanswer = "no bound"').status == CORRECT


@pytest.mark.parametrize("notebook, number", [("02", 7)])
def test_the_checks_banner_names_the_exercise_with_its_headings_words(notebook, number) -> None:
    exercise = getattr(ex_module(notebook), f"q{number}")
    assert task_text(notebook, number).startswith(f"### Exercise {number}: {exercise.title} ")


def test_the_heading_before_the_bound_exercise_asks_and_does_not_give_the_answer() -> None:
    cells = json.loads((SOLUTION_DIR / NOTEBOOK_OF["02"]).read_text(encoding="utf-8"))["cells"]
    headings = [line for cell in cells if cell["cell_type"] == "markdown"
                for line in "".join(cell["source"]).splitlines() if line.startswith("#")]
    before = headings[headings.index(next(h for h in headings if h.startswith("### Exercise 7:"))) - 1]
    assert before.startswith("## Participants per country") and before.endswith("?"), before
    assert not any(word in before.casefold() for word in ("opposite", "no bound", "unbounded", "neither")), before


def test_a_wrong_kind_of_bound_sends_the_student_to_the_made_up_case_that_disproves_it() -> None:
    upper = verdict_in_cell("02", 7, "", f'{MADE_UP_CASES}\nanswer = "upper bound"')
    lower = verdict_in_cell("02", 7, "", 'more_participants = ...\nmore_countries = ...\nanswer = "lower bound"')
    assert upper.status == lower.status == NOT_YET_RIGHT
    assert "`more_participants`" in upper.message and "`more_countries`" in lower.message


def test_a_wrong_kind_of_bound_with_a_case_copied_with_its_comma_says_how_python_read_it() -> None:
    feedback = verdict_in_cell("02", 7, "", 'more_participants = 3,000 / 125\nmore_countries = 2150 / 200\n'
                                            'answer = "upper bound"')
    assert feedback.status == NOT_YET_RIGHT and "`3,000` is read as two numbers" in feedback.message


NOTE_STEPS = [
    ("my_note = \"The copy repeats its headline.\"", None),
    ("my_file = helpers.output_path(\"my-notes.txt\")", None),
    ("characters_written = my_file.write_text(my_note, encoding=\"utf-8\")", None),
    ("saved = my_file.read_text(encoding=\"utf-8\")", None),
]


@pytest.fixture
def note_folder(tmp_path, monkeypatch):
    """Make output/ a fresh folder of the test's own, for notebook 00's Exercise 9 (its check reads the file)."""
    from helpers import output

    monkeypatch.setattr(output, "OUTPUT_DIR", tmp_path)
    monkeypatch.setattr(ex_module("00"), "OUTPUT_DIR", tmp_path)
    return tmp_path


def note_verdict(steps: str, check: str = "ex.q9.evaluate(Pair(my_note, saved))") -> Any:
    """Return the Feedback of notebook 00's Exercise 9 after a cell with these steps (names left as ...)."""
    from helpers.checking import Pair

    names: dict[str, Any] = {"ex": ex_module("00"), "helpers": helpers, "Pair": Pair, "my_note": ..., "saved": ...}
    run_cell(f"{steps}\nfeedback = {check}", names)
    return names["feedback"]


def test_a_note_written_and_read_back_is_right_and_a_second_run_too(note_folder) -> None:
    steps = "\n".join(step for step, _ in NOTE_STEPS)
    assert note_verdict(steps).status == CORRECT
    assert note_verdict(steps).status == CORRECT
    assert (note_folder / "my-notes.txt").read_text(encoding="utf-8") == "The copy repeats its headline."


@pytest.mark.parametrize("done, saved, reason", [
    (1, "saved = ...", "not written your note yet"),
    (2, "saved = my_note", "no file my-notes.txt"),
    (3, "saved = characters_written", "how many characters"),
    (3, "saved = my_file", "a path"),
    (3, "saved = my_note", "`my_note` itself"),
    (3, "saved = ...", "read back"),
])
def test_a_missing_step_of_the_note_is_named(note_folder, done, saved, reason) -> None:
    steps = "\n".join([*(step for step, _ in NOTE_STEPS[:done]), saved])
    if done == 1:
        steps = "my_note = ...\n" + saved
    feedback = note_verdict(steps)
    assert feedback.status != CORRECT
    assert reason.casefold() in feedback.message.casefold(), feedback.message


def test_an_older_note_in_the_file_is_not_the_new_one(note_folder) -> None:
    (note_folder / "my-notes.txt").write_text("An older note of mine.", encoding="utf-8")
    feedback = note_verdict("\n".join(step for step, _ in NOTE_STEPS[:2]) + "\nsaved = my_file.read_text()")
    assert feedback.status == NOT_YET_RIGHT and "older note" in feedback.message


PLACEHOLDERS = 'my_file = ...\ncharacters_written = ...\nsaved = ...'


@pytest.mark.parametrize("older", [False, True])
def test_the_first_step_still_holding_dots_is_named_before_the_file_is_looked_at(note_folder, older) -> None:
    if older:  # a second session: output/ already holds an older note
        (note_folder / "my-notes.txt").write_text("An older note of mine.", encoding="utf-8")
    note, place, write = (step for step, _ in NOTE_STEPS[:3])
    only_note = note_verdict(f"{note}\n{PLACEHOLDERS}")
    with_place = note_verdict(f"{note}\n{place}\n" + PLACEHOLDERS.split("\n", 1)[1])
    with_write = note_verdict(f"{note}\n{place}\n{write}\nsaved = ...")
    assert "`my_file` still holds `...`" in only_note.message, only_note.message
    assert "`characters_written` still holds `...`" in with_place.message, with_place.message
    assert "`saved` still holds `...`" in with_write.message and ".read_text" in with_write.message
    for feedback in (only_note, with_place, with_write):
        assert feedback.status == NOT_ATTEMPTED
        assert "older note" not in feedback.message and "Do both" not in feedback.message
        assert '("' not in feedback.message and "encoding=" not in feedback.message
    # a file written without storing the count has no `characters_written` line left to finish
    assert note_verdict(f'{note}\n{place}\nmy_file.write_text(my_note, encoding="utf-8")\n'
                        'saved = my_file.read_text(encoding="utf-8")').status == CORRECT


@pytest.mark.parametrize("copied", [
    "my_note = raw.splitlines()[0]",
    "my_note = raw.splitlines()[-1]",
    'my_note = "Cooperation is the key to successfully addressing cyber challenges in the digital era."',
    'my_note = "cooperation is the key to successfully addressing cyber challenges"',
])
def test_a_note_copied_from_the_article_is_not_a_sentence_of_ones_own(note_folder, copied) -> None:
    steps = "\n".join([f"raw = helpers.load_raw_article()\n{copied}", *(step for step, _ in NOTE_STEPS[1:])])
    feedback = note_verdict(steps)
    assert feedback.status == NOT_YET_RIGHT and "copied from the article" in feedback.message, feedback.message
    assert "own words" in feedback.message
    own = steps.replace(copied, 'my_note = "The headline is printed three times at the top."')
    assert note_verdict(own).status == CORRECT


def test_the_note_exercise_points_at_the_notebooks_own_saving_cell_not_at_exercise_8(note_folder) -> None:
    exercise = ex_module("00").q9
    shown = [*exercise.hints, *ex_module("00")._NOTE_STEPS.values(), task_text("00", 9),
             note_verdict(NOTE_STEPS[0][0] + "\n" + PLACEHOLDERS).message,
             note_verdict("\n".join(step for step, _ in NOTE_STEPS[:2]) + "\nsaved = my_note").message]
    assert not [text for text in shown if "Exercise 8" in text]
    assert "the notebook's own note" in exercise.hints[0]


def test_the_notebooks_own_note_is_the_one_the_check_refuses() -> None:
    demo = ex_module("00")._DEMO_NOTE
    assert f'note = "{demo.replace(chr(10), chr(92) + "n")}"' in notebook_code("00")
    assert ex_module("00").q9.evaluate(demo).status == NOT_YET_RIGHT


def test_the_note_check_takes_the_note_and_what_was_read_back() -> None:
    with redirect_stdout(io.StringIO()) as shown:
        ex_module("00").q9.check("A note of mine.")
    assert "ex.q9.check(my_note, saved)" in shown.getvalue()


def test_the_ready_made_cleaning_is_not_the_students_own_repairs() -> None:
    setup = "raw = helpers.load_raw_article()\narticle = helpers.clean_text(raw)"
    for code in ("answer = helpers.clean_text(raw)", "answer = article", "answer = helpers.load_article()"):
        feedback = verdict_in_cell("01", 8, setup, code)
        assert feedback.status == NOT_YET_RIGHT and "write them yourself" in feedback.message, code
    own = ('lines = raw.split("\\n")\nheadline = lines[0]\n'
           'no_trailer = raw.replace(lines[-1], "")\none = no_trailer.replace(headline + "\\n\\n", "", 2)\n'
           'answer = one.replace(" .", ".").replace(" ,", ",").replace("winwin", "win-win")')
    assert verdict_in_cell("01", 8, setup, own).status == CORRECT


def test_a_note_written_into_another_file_names_that_file(note_folder) -> None:
    demo = 'notes_file = helpers.output_path("00-my-first-notes.txt")\n'
    right = "\n".join(step for step, _ in NOTE_STEPS)
    assert note_verdict(demo + right).status == CORRECT
    for other, named in (("notes_file", "output/00-my-first-notes.txt"),
                         ('helpers.output_path("notes.txt")', "output/notes.txt")):
        steps = demo + right.replace('helpers.output_path("my-notes.txt")', other).replace("The copy", "Our copy")
        feedback = note_verdict(steps)
        assert feedback.status == NOT_YET_RIGHT and named in feedback.message, feedback.message
        assert "older note" not in feedback.message


@pytest.mark.parametrize("done, saved", [(1, "saved = my_note"), (3, "saved = ..."), (3, "saved = my_note"),
                                         (3, "saved = characters_written"), (3, "saved = my_file"),
                                         (3, "saved = [my_note]")])
def test_the_note_messages_name_the_step_and_its_method_not_the_line(note_folder, done, saved) -> None:
    steps = "\n".join([*(step for step, _ in NOTE_STEPS[:done]), saved])
    message = note_verdict(steps).message
    assert '("' not in message and "encoding=" not in message, message


@pytest.mark.parametrize("notebook", ["00", "01"])
def test_no_message_of_a_mistake_holds_the_last_step_of_the_answer(notebook) -> None:
    for exercise in ex_module(notebook).EXERCISES:
        last = answer_key(exercise).solution.splitlines()[-1].split(" = ", 1)[-1]
        for mistake in exercise.mistakes:
            assert last not in mistake.message, (exercise.name, mistake.message)


REPAIRS = ['no_trailer = raw.replace(lines[-1], "")', 'one_headline = no_trailer.replace(headline + "\\n\\n", "", 2)',
           'no_space_stop = one_headline.replace(" .", ".")', 'no_space_comma = no_space_stop.replace(" ,", ",")',
           'my_clean = no_space_comma.replace("winwin", "win-win")']
LINES = RAW + '\nlines = raw.split("\\n")\nheadline = lines[0]'


def repairs_verdict(number: int, lines: list[str]) -> Any:
    """Return the Feedback of 01's Exercise 2 or 8 for a cell with these lines (its last name is the answer)."""
    last = lines[-1].split(" = ")[0]
    return verdict_in_cell("01", number, LINES, "\n".join([*lines, f"answer = {last}"]))


def test_each_line_starting_from_raw_again_is_named_not_the_repair_it_throws_away() -> None:
    feedback = repairs_verdict(2, ['fixed = raw.replace(" .", ".")', 'fixed = raw.replace(" ,", ",")'])
    assert feedback.status == NOT_YET_RIGHT and "still there" not in feedback.message
    assert "second `.replace` line starts from `raw`" in feedback.message
    assert "must start from the name the line before it stored, not from `raw`" in feedback.message
    from_raw = [re.sub(r"= \w+\.replace", "= raw.replace", line) for line in REPAIRS]
    feedback = repairs_verdict(8, from_raw)
    assert feedback.status == NOT_YET_RIGHT and "trailer line" not in feedback.message
    assert "fifth `.replace` line starts from `raw`, not from `no_space_comma`" in feedback.message
    skipped = [*REPAIRS[:2], REPAIRS[2].replace("one_headline.", "no_trailer."), *REPAIRS[3:]]
    feedback = repairs_verdict(8, skipped)
    assert "starts from `no_trailer`, not from `one_headline`" in feedback.message, feedback.message
    assert repairs_verdict(2, ['fixed = raw.replace(" .", ".")', 'fixed = fixed.replace(" ,", ",")']).status == CORRECT
    assert repairs_verdict(8, REPAIRS).status == CORRECT


def test_a_space_moved_after_the_mark_is_named_as_a_moved_space() -> None:
    feedback = repairs_verdict(2, ['fixed = raw.replace(" .", ". ")', 'fixed = fixed.replace(" ,", ",")'])
    assert feedback.status == NOT_YET_RIGHT and "instead of typing" not in feedback.message
    assert "added or moved" in feedback.message and "by the mark alone" in feedback.message
    feedback = repairs_verdict(8, [*REPAIRS[:2], REPAIRS[2].replace('".")', '". ")'), *REPAIRS[3:]])
    assert feedback.status == NOT_YET_RIGHT and "added or moved" in feedback.message


def test_every_space_removed_is_named_before_the_headline() -> None:
    feedback = repairs_verdict(8, [*REPAIRS[:2], 'no_space_stop = one_headline.replace(" ", "")', *REPAIRS[3:]])
    assert feedback.status == NOT_YET_RIGHT and "lost the spaces between its words" in feedback.message
    assert "headline" not in feedback.message
    lost = [REPAIRS[0], 'one_headline = no_trailer.replace(headline, "")', *REPAIRS[2:4],
            'my_clean = no_space_comma.replace("winwin", "win-win").replace(" attracted", "")']
    feedback = repairs_verdict(8, lost)
    assert feedback.status == NOT_YET_RIGHT and '"attracted"' in feedback.message, feedback.message


def test_the_trailer_message_names_the_step_not_the_line() -> None:
    feedback = repairs_verdict(8, ["no_trailer = raw", *REPAIRS[1:]])
    assert feedback.status == NOT_YET_RIGHT and "trailer line" in feedback.message
    assert "lines[-1]" not in feedback.message and '`""`' not in feedback.message


def test_the_text_before_exercise_2_shows_replace_on_another_mark_than_the_answer() -> None:
    cells = json.loads((SOLUTION_DIR / NOTEBOOK_OF["01"]).read_text(encoding="utf-8"))["cells"]
    before = next("".join(c["source"]) for c in cells if "### Exercise 2:" in "".join(c["source"]))
    before = before.split("### Exercise 2:")[0]
    assert ".replace(" in before
    for line in answer_key(ex_module("01").q2).solution.splitlines():
        assert line.split(".replace", 1)[1] not in before, line


def test_another_line_that_repeats_the_headline_is_not_the_first_line() -> None:
    feedback = verdict_in_cell("00", 4, RAW, "answer = raw.splitlines()[2]")
    assert feedback.status == NOT_YET_RIGHT and "does not pick the first line" in feedback.message
    assert verdict_in_cell("00", 4, RAW, "answer = raw.splitlines()[0]").status == CORRECT


def test_the_two_steps_of_the_task_tell_another_line_from_the_first_line_too() -> None:
    steps = "all_lines = raw.splitlines()\nanswer = all_lines[{}]"
    feedback = verdict_in_cell("00", 4, RAW, steps.format(2))
    assert feedback.status == NOT_YET_RIGHT and "does not pick the first line" in feedback.message
    assert verdict_in_cell("00", 4, RAW, steps.format(0)).status == CORRECT


TAGS = """\
article = helpers.load_article()
paragraphs = helpers.split_paragraphs(article)
lexicon = ex._lexicon()
tags = pd.DataFrame({lens: [bool(re.search(p, q, flags=re.IGNORECASE)) for q in paragraphs]
                     for lens, p in lexicon.items()})
"""


def test_a_pair_of_columns_other_than_the_tasks_is_not_right_even_with_the_same_count() -> None:
    wrong = 'answer = int((tags["digital cooperation"] & tags["digital economy"]).sum())'
    feedback = verdict_in_cell("04", 4, TAGS, wrong)
    assert feedback.status == NOT_YET_RIGHT and "digital economy" in feedback.message
    right = 'answer = int((tags["digital cooperation"] & tags["cybersecurity governance"]).sum())'
    assert verdict_in_cell("04", 4, TAGS, right).status == CORRECT


# Exercise 7 of 05 checks the student's own claim of Exercise 6 with the notebook's two checks, so its
# reference comes from the notebook: these cells run the solution notebook's own definitions first.
NB05_DEFINITIONS = ("paragraphs = helpers.split_paragraphs", "sentences = pd.DataFrame(rows)",
                    "def find_support", "figures = helpers.load_figures()", "def unknown_numbers")
CHECK_OWN_CLAIM = ('my_paragraph = found["paragraph"].item()\n'
                   "answer = unknown_numbers(claim, my_paragraph) + dropped_qualifiers(claim, my_paragraph)")


def own_claim_verdict(claim: str | None, keywords: list[str], answer_code: str = CHECK_OWN_CLAIM,
                      definitions: tuple[str, ...] = NB05_DEFINITIONS, check_cell: str = "") -> Any:
    """Return Exercise 7's Feedback for a claim whose evidence is the one sentence the keywords find."""
    cells = json.loads((SOLUTION_DIR / NOTEBOOK_OF["05"]).read_text(encoding="utf-8"))["cells"]
    names: dict[str, Any] = {"ex": ex_module("05"), "helpers": helpers, "pd": pd, "re": re}
    for cell in cells:
        source = "".join(cell["source"])
        if cell["cell_type"] == "code" and any(marker in source for marker in definitions):
            run_cell(source, names)
    setup = f"found = find_support({keywords!r})\nevidence = found['sentence'].item()\n"
    if claim is not None:
        setup += f"claim = {claim!r}\n"
    run_cell(setup, names)
    if check_cell:  # the answer made in one cell, checked in the next
        run_cell(answer_code, names)
        answer_code = check_cell
    run_cell(f"{answer_code}\nfeedback = ex.q7.evaluate(answer, globals())", names)
    return names["feedback"]


def test_own_claim_without_a_problem_is_correct_when_the_two_checks_say_so() -> None:
    feedback = own_claim_verdict("The expo held 74 activities.", ["74"])
    assert feedback.status == CORRECT and "Neither check finds a problem" in feedback.message


def test_own_claim_with_a_finding_is_correct_and_the_message_says_what_to_read() -> None:
    claim = "Over 2,100 people took part, in the year of COVID-19."
    feedback = own_claim_verdict(claim, ["2,100"])
    assert feedback.status == CORRECT and "COVID-19" in feedback.message and "Read each finding" in feedback.message


def test_own_claim_slips_are_named() -> None:
    dropped = "2,100 people took part, in the year of COVID-19."  # two findings: 19, and the lost "over"
    one_check = ('my_paragraph = found["paragraph"].item()\n'
                 "answer = unknown_numbers(claim, my_paragraph)")
    assert "does not call both checks" in own_claim_verdict(dropped, ["2,100"], one_check).message
    # made in an earlier cell, the check cannot see the calls: the values speak
    assert "one of the two checks" in own_claim_verdict(dropped, ["2,100"], one_check, check_cell="pass").message
    other_paragraph = ('my_paragraph = found["paragraph"].item() - 7\n'
                       "answer = unknown_numbers(claim, my_paragraph) + dropped_qualifiers(claim, my_paragraph)")
    assert "with paragraph 5" in own_claim_verdict("The expo held 74 activities.", ["74"], other_paragraph).message
    typed = own_claim_verdict("The expo held 74 activities.", ["74"], "answer = []")
    assert typed.status == NOT_YET_RIGHT and "typed the list yourself" in typed.message
    assert "Exercise 6" in own_claim_verdict(None, ["74"], "answer = []").message
    no_checks = own_claim_verdict("The expo held 74 activities.", ["74"], "answer = []",
                                  NB05_DEFINITIONS[:-1])
    assert no_checks.status == NOT_YET_RIGHT and "not known in this session" in no_checks.message


@pytest.mark.parametrize("answer_code, says", [
    ('p = found["paragraph"].item()\nanswer = unknown_numbers(claim, p)', "does not call both checks"),
    ('p = found["paragraph"].item()\nanswer = unknown_numbers(claim, p) and dropped_qualifiers(claim, p)',
     "do not join two lists"),
    ('p = found["paragraph"].item()\nanswer = unknown_numbers(evidence, p) + dropped_qualifiers(evidence, p)',
     "Give each check your claim"),
])
def test_own_claim_steps_are_held_even_when_the_lists_happen_to_agree(answer_code, says) -> None:
    feedback = own_claim_verdict("The expo held 74 activities.", ["74"], answer_code)  # both checks find nothing
    assert feedback.status == NOT_YET_RIGHT and says in feedback.message


def test_own_claim_after_another_exercise_reused_found_says_to_run_exercise_6_again() -> None:
    reused = ('found = find_support(["415"])\n' + CHECK_OWN_CLAIM)
    feedback = own_claim_verdict("The expo held 74 activities.", ["74"], reused)
    assert feedback.status == NOT_YET_RIGHT and "Run Exercise 6's cell again" in feedback.message


def test_own_claim_paragraph_left_as_placeholder_or_typed_is_named_and_never_given() -> None:
    unfinished = ('my_paragraph = ...\n'
                  "answer = unknown_numbers(claim, my_paragraph) + dropped_qualifiers(claim, my_paragraph)")
    feedback = own_claim_verdict("Seven projects won special awards in the competition.", ["Seven"], unfinished)
    assert feedback.status == NOT_ATTEMPTED and "`my_paragraph` still holds `...`" in feedback.message
    typed = ('my_paragraph = 12\n'
             "answer = unknown_numbers(claim, my_paragraph) + dropped_qualifiers(claim, my_paragraph)")
    feedback = own_claim_verdict("The expo held 74 activities.", ["74"], typed)
    assert feedback.status == NOT_YET_RIGHT and "You typed `my_paragraph` yourself" in feedback.message
    wrong = ('my_paragraph = found["paragraph"].item() - 7\n'
             "answer = unknown_numbers(claim, my_paragraph) + dropped_qualifiers(claim, my_paragraph)")
    assert "12" not in own_claim_verdict("The expo held 74 activities.", ["74"], wrong).message


def test_own_claim_without_digits_is_told_that_the_checks_had_nothing_to_test() -> None:
    feedback = own_claim_verdict("Seven projects won special awards in the competition.", ["Seven"])
    assert feedback.status == CORRECT and "no number written in digits" in feedback.message


def test_keywords_that_find_two_sentences_are_not_the_task_even_with_a_fair_claim() -> None:
    names: dict[str, Any] = {"ex": ex_module("05"), "helpers": helpers, "pd": pd, "re": re, "Pair": Pair}
    cells = json.loads((SOLUTION_DIR / NOTEBOOK_OF["05"]).read_text(encoding="utf-8"))["cells"]
    for cell in cells:
        source = "".join(cell["source"])
        if cell["cell_type"] == "code" and any(marker in source for marker in NB05_DEFINITIONS):
            run_cell(source, names)
    two = ('keywords = ["120"]\nfound = find_support(keywords)\nevidence = found["sentence"].iloc[1]\n'
           'claim = "Participants came from more than 120 countries and regions."\n'
           "feedback = ex.q6.evaluate(Pair(claim, evidence), globals())")
    run_cell(two, names)
    assert names["feedback"].status == NOT_YET_RIGHT and "find 2 sentences" in names["feedback"].message
    one = two.replace('["120"]', '["participants", "120"]').replace(".iloc[1]", ".item()")
    run_cell(one, names)
    assert names["feedback"].status == CORRECT


def test_an_empty_pair_of_curly_brackets_is_named_as_a_dictionary() -> None:
    feedback = ex_module("05").q3.evaluate({})
    assert feedback.status == NOT_YET_RIGHT and "empty dictionary" in feedback.message


def test_own_claim_on_a_typed_evidence_that_is_not_a_sentence_points_back_to_exercise_6() -> None:
    typed_evidence = 'evidence = "The expo had 74 activities."\nanswer = []'
    feedback = own_claim_verdict("The expo held 74 activities.", ["74"], typed_evidence)
    assert feedback.status == NOT_YET_RIGHT and "Repair Exercise 6 first" in feedback.message


def test_dropping_paragraph_1_instead_of_the_headline_is_not_right_though_the_counts_agree() -> None:
    dropped = "answer = tags.drop(1).sum()"
    feedback = verdict_in_cell("04", 6, TAGS, dropped)
    assert feedback.status == NOT_YET_RIGHT and "`.drop(1)` leaves out paragraph 1" in feedback.message
    assert verdict_in_cell("04", 6, TAGS, "answer = tags.drop(0).sum()").status == CORRECT


@pytest.mark.parametrize("rows, says", [
    ("tags.loc[1:11]", "leaves out paragraph 12:"),
    ("tags.iloc[1:12]", "leaves out paragraph 12:"),
    ("tags.loc[1:10]", "leaves out paragraphs 11 and 12:"),
])
def test_body_rows_that_stop_before_paragraph_12_are_not_the_body_though_the_counts_agree(rows, says) -> None:
    feedback = verdict_in_cell("04", 6, TAGS, f"body_tags = {rows}\nanswer = body_tags.sum()")
    assert feedback.status == NOT_YET_RIGHT and says in feedback.message and "paragraphs 1 to 12" in feedback.message


@pytest.mark.parametrize("rows", ["tags.loc[1:]", "tags.iloc[1:]", "tags.loc[1:12]", "tags.drop(0)", "tags[1:]"])
def test_body_rows_from_paragraph_1_to_12_in_any_form_are_right(rows) -> None:
    assert verdict_in_cell("04", 6, TAGS, f"body_tags = {rows}\nanswer = body_tags.sum()").status == CORRECT


@pytest.mark.parametrize("steps, says, never", [
    ("body_tags = tags.loc[1]\nanswer = body_tags.sum()", "`body_tags` is one row, the tags of paragraph 1", "second"),
    ("body_tags = tags.iloc[1]\nanswer = body_tags.sum()", "a slice, with a colon", "second"),
    ("answer = tags.loc[1].sum()", "keeps one row", "second"),
    ("body_tags = tags.loc[1:]\nanswer = body_tags.iloc[:, 0].sum()", "count of one lens", "second"),
    ('body_tags = tags.loc[1:]\nanswer = body_tags["digital divide"].sum()', "count of one lens", "second"),
    ("body_tags = tags.loc[1:]\nanswer = body_tags.sum().sum()", "a second `.sum()`", "one row"),
    ("body_tags = tags.loc[1:]\nanswer = tags.loc[1:].sum()", "does not count them from `body_tags`", "second"),
])
def test_body_counts_say_what_happened_to_the_rows_or_the_columns(steps, says, never) -> None:
    feedback = verdict_in_cell("04", 6, TAGS, steps)
    assert feedback.status == NOT_YET_RIGHT and says in feedback.message and never not in feedback.message


def test_body_rows_stored_as_tags_say_how_to_make_tags_again() -> None:
    feedback = verdict_in_cell("04", 6, TAGS, "tags = tags.loc[1:]\nanswer = tags.sum()")
    assert feedback.status == NOT_YET_RIGHT
    assert "`tags = pd.DataFrame(...)`" in feedback.message and "new name" in feedback.message


def test_a_pattern_without_its_r_prefix_is_named() -> None:
    code = (
        'every = len(re.findall("security", article, flags=re.IGNORECASE))\n'
        'alone = len(re.findall("\\bsecurity\\b", article, flags=re.IGNORECASE))\n'
        "answer = every - alone"
    )
    feedback = verdict_in_cell("04", 5, "article = helpers.load_article()", code)
    assert feedback.status == NOT_YET_RIGHT
    assert "without an `r`" in feedback.message


SENTENCES = """\
article = helpers.load_article()
rows = [{"paragraph": n, "sentence": s} for n, p in enumerate(helpers.split_paragraphs(article))
        for s in helpers.split_sentences(p)]
sentences = pd.DataFrame(rows)
def find_support(keywords):
    found = sentences
    for keyword in keywords:
        found = found[found["sentence"].str.contains(keyword, case=False, regex=False)]
    return found
"""


def test_an_answer_stored_under_a_shared_name_says_how_to_recover() -> None:
    clobbered = 'sentences = find_support(["2,100"])\nanswer = sentences["sentence"].item()'
    feedback = verdict_in_cell("05", 1, SENTENCES, clobbered)
    assert feedback.status == NOT_YET_RIGHT
    assert "`sentences = pd.DataFrame(rows)`" in feedback.message and "new name" in feedback.message
    fine = 'found = find_support(["2,100"])\nanswer = found["sentence"].item()'
    assert verdict_in_cell("05", 1, SENTENCES, fine).status == CORRECT


def test_a_quotations_table_cut_down_to_the_answer_says_how_to_recover() -> None:
    setup = "quotations = helpers.load_quotations()"
    clobbered = 'quotations = quotations.loc[quotations["kind"] == "direct"]\nanswer = "Ren Xianliang"'
    feedback = verdict_in_cell("03", 4, setup, clobbered)
    assert feedback.status == NOT_YET_RIGHT and "quotations = helpers.load_quotations()" in feedback.message


WORDS = """\
quotations = helpers.load_quotations()
speakers = helpers.load_speakers()
quotations["words"] = quotations["text"].map(lambda text: len(helpers.split_words(text)))
"""
TOTALS = '\nwords_by_name = {}.groupby("name")["words"].sum()\nanswer = words_by_name.idxmax()'


@pytest.mark.parametrize("join", ['voices = pd.merge(quotations, speakers[["speaker_id", "name"]], on="speaker_id")',
                                  'voices = pd.merge(quotations, speakers, on="speaker_id")',
                                  'voices = pd.merge(speakers[["speaker_id", "name"]], quotations, on="speaker_id")'])
def test_a_join_on_speaker_id_gives_the_top_speaker_whatever_columns_it_takes(join) -> None:
    assert verdict_in_cell("03", 4, WORDS, join + TOTALS.format("voices")).status == CORRECT


@pytest.mark.parametrize("join, recovery", [
    ('speakers = speakers[["speaker_id", "name"]]\nvoices = pd.merge(quotations, speakers, on="speaker_id")',
     "`speakers = helpers.load_speakers()`"),
    ('voices = quotations = pd.merge(quotations, speakers[["speaker_id", "name"]], on="speaker_id")',
     "`quotations = helpers.load_quotations()`"),
])
def test_a_join_that_cuts_or_replaces_a_table_later_cells_need_says_how_to_recover(join, recovery) -> None:
    feedback = verdict_in_cell("03", 4, WORDS, join + TOTALS.format("voices"))
    assert feedback.status == NOT_YET_RIGHT and recovery in feedback.message and "new name" in feedback.message


def test_the_names_never_quoted_directly_typed_by_hand_are_not_picked_with_code() -> None:
    setup = "speakers = helpers.load_speakers()"
    typed = verdict_in_cell("03", 5, setup, f"answer = {NEVER_QUOTED!r}")
    assert typed.status == NOT_YET_RIGHT and "typed by hand" in typed.message
    picked = 'never = ~speakers["quoted_directly"]\nanswer = speakers.loc[never, "name"].tolist()'
    assert verdict_in_cell("03", 5, setup, picked).status == CORRECT


JOINED = 'voices = pd.merge(quotations, speakers[["speaker_id", "name"]], on="speaker_id")\n'
SUMMED = 'words_by_name = voices.groupby("name")["words"].sum()\n'


@pytest.mark.parametrize("steps, says", [
    ('voices = ...\nwords_by_name = ...\nanswer = "Ren Xianliang"', "typed by hand"),
    ('voices = ...\nwords_by_name = ...\nanswer = "ren xianliang"', "upper- and lower-case"),
    ('voices = quotations.copy()\n' + SUMMED.replace("voices", "pd.merge(quotations, speakers, on='speaker_id')")
     + "answer = words_by_name.idxmax()", "get the column `name`"),
    (JOINED + 'words_by_name = voices.groupby("name")["words"].count()\nanswer = words_by_name.idxmax()',
     "how many rows each name has"),
    (JOINED + 'words_by_name = voices["name"].value_counts()\nanswer = words_by_name.idxmax()',
     "how many rows each name has"),
    (JOINED + 'words_by_name = voices.groupby("name")["words"].mean()\nanswer = words_by_name.idxmax()', "average"),
    (JOINED + SUMMED + 'answer = voices.loc[voices["words"].idxmax(), "name"]', "not take it from `words_by_name`"),
    (JOINED + 'words_by_name = voices.groupby("name").sum()\nanswer = words_by_name.idxmax()',
     "added up every column"),
    (JOINED + 'words_by_name = voices.groupby("name").sum()\nanswer = words_by_name["words"].idxmax()',
     "added up every column"),
    (JOINED + SUMMED + 'answer = voices["words"].idxmax()', "the label of a row, not a name"),
])
def test_the_top_speaker_needs_each_step_of_the_task_worked_out(steps, says) -> None:
    feedback = verdict_in_cell("03", 4, WORDS, steps)
    assert feedback.status == NOT_YET_RIGHT and says in feedback.message
    assert TOP_NAME.casefold() not in feedback.message.casefold()


@pytest.mark.parametrize("notebook, number", [("03", 4), ("03", 5), ("04", 6)])
def test_tasks_and_messages_of_several_steps_say_one_step_per_line(notebook, number) -> None:
    exercise = getattr(ex_module(notebook), f"q{number}")
    texts = [task_text(notebook, number), *texts_of(exercise)]
    assert not any("one step a line" in text for text in texts)
    typed = verdict_in_cell("03", 4, WORDS, 'voices = ...\nwords_by_name = ...\nanswer = "Ren Xianliang"')
    assert "one step per line" in typed.message and "one step per line" in task_text("03", 4)


def test_a_name_not_taken_from_the_totals_names_the_step_without_the_line_to_write() -> None:
    longest_row = 'answer = voices.loc[voices["words"].idxmax(), "name"]'
    feedback = verdict_in_cell("03", 4, WORDS, JOINED + SUMMED + longest_row)
    assert "Take the name from `words_by_name`, the totals" in feedback.message
    assert "idxmax" not in feedback.message


def test_the_row_label_of_the_longest_row_is_not_taken_for_a_name_typed_by_hand() -> None:
    feedback = verdict_in_cell("03", 4, WORDS, JOINED + SUMMED + 'answer = voices["words"].idxmax()')
    assert "quotation marks" not in feedback.message and "`words_by_name`" in feedback.message


def test_grouping_by_the_attribution_says_it_is_a_kind_of_attribution_not_a_name() -> None:
    feedback = verdict_in_cell("03", 4, WORDS, JOINED + 'words_by_name = voices.groupby("attribution")["words"].sum()'
                               "\nanswer = words_by_name.idxmax()")
    assert feedback.status == NOT_YET_RIGHT and "a kind of attribution" in feedback.message
    assert "ignored" not in feedback.message


SPEAKERS = "speakers = helpers.load_speakers()"
NEVER_PICKED = 'answer = speakers.loc[never, "name"].tolist()'


@pytest.mark.parametrize("steps, says", [
    ('never = "False"\nanswer = speakers.loc[~speakers["quoted_directly"], "name"].tolist()', "`never` is not yet"),
    ('never = speakers["quoted_directly"] == False\n' + NEVER_PICKED, "make `never` with `~`"),
    ('never = ~speakers["quoted_directly"]\nanswer = speakers.loc[~speakers["quoted_directly"], "name"].tolist()',
     "does not pick them with `never`"),
    ('never = ~speakers["quoted_directly"]\nanswer = speakers.loc[never, "name"].tolist() * 2', "more than once"),
])
def test_the_names_never_quoted_need_never_itself_made_with_tilde_and_each_name_once(steps, says) -> None:
    feedback = verdict_in_cell("03", 5, SPEAKERS, steps)
    assert feedback.status == NOT_YET_RIGHT and says in feedback.message


@pytest.mark.parametrize("never", ['~speakers["quoted_directly"]', '~(speakers["quoted_directly"] == True)'])
def test_never_made_with_tilde_in_any_form_gives_the_right_names(never) -> None:
    assert verdict_in_cell("03", 5, SPEAKERS, f"never = {never}\n{NEVER_PICKED}").status == CORRECT


@pytest.mark.parametrize("notebook", sorted(MODULE_OF))
def test_every_recovery_names_code_the_notebook_has(notebook) -> None:
    code = notebook_code(notebook)
    for exercise in ex_module(notebook).EXERCISES:
        for keep in getattr(exercise, "_keeps", ()):
            snippet = re.search(r"`([^`]+)`", keep.made_in).group(1).replace("...", "")
            assert snippet.rstrip(")") in code, (exercise.name, keep.made_in)


# -- feedback names only what the notebook has ------------------------------------------------------


def texts_of(exercise) -> list[str]:
    return [*exercise.hints, *(m.message for m in exercise.mistakes)]


@pytest.mark.parametrize("notebook, number, name", [("05", 1, "found"), ("05", 2, "found"), ("03", 6, "rows_to_keep")])
def test_hints_and_messages_never_name_a_variable_the_student_lacks(notebook, number, name) -> None:
    exercise = getattr(ex_module(notebook), f"q{number}")
    for text in texts_of(exercise):
        assert not re.search(rf"`[^`]*\b{name}\b[^`]*`", text), text


def test_messages_say_only_what_the_article_says() -> None:
    for notebook in MODULE_OF:
        for exercise in ex_module(notebook).EXERCISES:
            for text in [*texts_of(exercise), answer_key(exercise).explanation]:
                assert "2019" not in text and "disease" not in text, text
                assert "the event the article reports on" not in text, text


# -- answers out of normal reach; unknown names in plain words --------------------------------------


@pytest.mark.parametrize("notebook", sorted(MODULE_OF))
def test_a_module_offers_only_its_exercises_progress_and_what_its_notebook_uses(notebook) -> None:
    module = ex_module(notebook)
    used = set(re.findall(r"\bex\.(\w+)", notebook_code(notebook)))
    assert used <= set(module.__all__)
    assert dir(module) == sorted(module.__all__)
    for name in module.__all__:
        value = getattr(module, name)
        assert not (callable(value) and getattr(value, "__module__", "") == module.__name__), name


@pytest.mark.parametrize("notebook", sorted(MODULE_OF))
@pytest.mark.parametrize("name", ["q99", "Q1", "q0"])
def test_an_unknown_exercise_answers_in_plain_words(notebook, name) -> None:
    shown = io.StringIO()
    with redirect_stdout(shown):
        getattr(ex_module(notebook), name).check(1)
    assert f"no exercise {name}" in shown.getvalue() or f"no {name}" in shown.getvalue()


def test_reference_answers_ignore_what_a_notebook_rebinds(monkeypatch) -> None:
    exercise = ex_module("02").q2
    before = answer_key(exercise).expected
    monkeypatch.setattr(helpers.text, "KNOWN_FIXES", {"win-win": "winwin", "COVID-19": "COVID"})
    assert answer_key(exercise).expected == before
    assert exercise.evaluate(before).status == CORRECT


@pytest.mark.parametrize("notebook", ["00", "01", "02"])
def test_tasks_and_hints_say_one_step_per_line_not_one_step_a_line(notebook) -> None:
    cells = json.loads((SOLUTION_DIR / NOTEBOOK_OF[notebook]).read_text(encoding="utf-8"))["cells"]
    texts = [" ".join("".join(cell["source"]).split()) for cell in cells]
    texts += [hint for exercise in ex_module(notebook).EXERCISES for hint in exercise.hints]
    texts += [mistake.message for exercise in ex_module(notebook).EXERCISES for mistake in exercise.mistakes]
    odd = [text for text in texts if re.search(r"\b(one|step|repair|defect|`\.replace`) a line\b", text)]
    assert not odd, odd


# -- an earlier step left as `...` while the last line still gives an answer --------------------------


@pytest.mark.parametrize("notebook, number, setup, steps, unwritten", [
    ("03", 5, SPEAKERS, 'never = ...\n' + NEVER_PICKED, "`never` still holds"),
    ("03", 5, SPEAKERS, 'never = ...\nanswer = speakers.loc[~speakers["quoted_directly"], "name"].tolist()',
     "`never` still holds"),
    ("03", 4, WORDS, 'voices = ...\nwords_by_name = ...\nanswer = helpers.load_speakers()["name"][1]',
     "`voices` and `words_by_name` still hold"),
    ("03", 4, WORDS, JOINED + "words_by_name = ...\nanswer = voices.loc[voices['words'].idxmax(), 'name']",
     "`words_by_name` still holds"),
    ("04", 6, TAGS, "body_tags = ...\nanswer = tags.loc[1:].sum()", "`body_tags` still holds"),
    ("04", 3, TAGS, "lens_counts = ...\nanswer = tags.sum().idxmin()", "`lens_counts` still holds"),
    ("04", 4, TAGS, 'both = ...\nanswer = int((tags["digital cooperation"] & tags["cybersecurity governance"]).sum())',
     "`both` still holds"),
    ("01", 4, "article = helpers.load_article()",
     "paragraphs = ...\nanswer = len(helpers.split_paragraphs(article))", "`paragraphs` still holds"),
    ("00", 4, RAW, "all_lines = ...\nanswer = raw.splitlines()[0]", "`all_lines` still holds"),
])
def test_an_earlier_step_still_holding_the_placeholder_is_named_as_not_finished(notebook, number, setup, steps,
                                                                                 unwritten) -> None:
    feedback = verdict_in_cell(notebook, number, setup, steps)
    assert feedback.status == NOT_ATTEMPTED and feedback.message.startswith("Not finished yet: " + unwritten)
    assert "Ren Xianliang" not in feedback.message and f"ex.q{number}.hint()" in feedback.message


@pytest.mark.parametrize("second", ['fixed = re.findall(r"\\w+ [.,]", fixed)',
                                    'fixed = re.findall(r"\\w+ [.,]", fixed)[0]'])
def test_the_matches_of_the_pattern_stored_as_fixed_are_not_the_text(second) -> None:
    feedback = repairs_verdict(2, ['fixed = raw.replace(" .", ".")', second])
    assert feedback.status == NOT_YET_RIGHT and "what `re.findall` found" in feedback.message
    assert "[0]" not in feedback.message and "`.replace`" in feedback.message


@pytest.mark.parametrize("spelled", ["Win-win", "win win", "win\u2013win", "WIN-WIN"])
def test_the_last_repair_spelled_otherwise_names_the_last_step_not_a_new_start(spelled) -> None:
    feedback = repairs_verdict(8, [*REPAIRS[:4], f'my_clean = no_space_comma.replace("winwin", "{spelled}")'])
    assert feedback.status == NOT_YET_RIGHT and "last step" in feedback.message
    assert "KNOWN_FIXES" in feedback.message and "start again" not in feedback.message


@pytest.mark.parametrize("note", [
    "The summit attracted over 2,100 participants from more than 120 countries and regions.",
    "I read that it attracted over 2,100 participants from more than 120 countries, a record.",
])
def test_a_note_that_copies_eight_article_words_in_a_row_is_not_ones_own(note) -> None:
    feedback = ex_module("00").q9.evaluate(note)
    assert feedback.status == NOT_YET_RIGHT and "eight words or more in a row" in feedback.message


@pytest.mark.parametrize("note", ["I noticed the summit attracted over 2,100 participants, which is a lot.",
                                  "Our copy of the article names no author and gives no date."])
def test_a_note_that_quotes_a_few_article_words_is_ones_own(note) -> None:
    assert ex_module("00").q9.evaluate(note).status == CORRECT


@pytest.mark.parametrize("counts, says", [
    ("body_tags.sum().to_frame()", "a table with one row per lens"),
    ("body_tags.sum().to_frame().T", "a table with one column per lens"),
    ("body_tags.value_counts()", "are True and how many are False"),
    ('body_tags["digital divide"].value_counts()', "are True and how many are False"),
    ("body_tags.apply(pd.Series.value_counts)", "are True and how many are False"),
])
def test_body_counts_in_a_table_or_counted_by_value_say_plainly_what_they_are(counts, says) -> None:
    feedback = verdict_in_cell("04", 6, TAGS, f"body_tags = tags.loc[1:]\nanswer = {counts}")
    assert feedback.status == NOT_YET_RIGHT and says in feedback.message
    assert "one row per paragraph" not in feedback.message and "keys" not in feedback.message


def test_a_list_of_words_that_are_not_matches_of_the_pattern_is_not_taken_for_them() -> None:
    feedback = repairs_verdict(2, ['fixed = raw.replace(" .", ".")', 'fixed = fixed.replace(" ,", ",").split()'])
    assert feedback.status == NOT_YET_RIGHT and "re.findall" not in feedback.message
