"""The class report (`python -m helpers.report`): counts equal what was planted, in every layout,
bad input is listed and never fatal, nothing is executed or written under SUBMISSIONS.

A made-up class (helpers/report/synthetic.py) is the student notebooks with check records planted
in their check cells: right, wrong (with and without a recognised mistake), checked before
answering, and never run. --execute and the browser have their own files (test_report_execute.py,
test_report_browser.py).
"""

from __future__ import annotations

import collections
import copy
import csv
import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from tool_modules import load_tool

from helpers.report import build_report, exercise_states
from helpers.report.aggregate import load_catalogue
from helpers.report.reading import read_notebook
from helpers.report.records import RECORD_MIME, Record
from helpers.report.synthetic import check_output, class_files, make_class, write_files

ROOT = Path(__file__).resolve().parent.parent
CAPSTONE = "05-capstone-a-fact-checked-brief"
STATUS_COLUMNS = {"correct": "correct", "not yet right": "not_yet_right", "not attempted": "not_attempted"}


def read_csv(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def counts(planted_counter: collections.Counter) -> dict:
    return {column: planted_counter[status] for status, column in STATUS_COLUMNS.items()}


def exercise_counts(out: Path) -> dict:
    return {(row["notebook"], int(row["exercise"])): {c: int(row[c]) for c in STATUS_COLUMNS.values()}
            for row in read_csv(out / "exercises.csv")}


def problems(report) -> dict[str, list[str]]:
    listed = collections.defaultdict(list)
    for problem in report.problems:
        listed[problem.file].append(problem.text)
    return listed


def tree_fingerprint(folder: Path) -> dict:
    """Every file and folder under `folder`, with its bytes' hash and its modification time."""
    found = {}
    for path in sorted(folder.rglob("*")):
        stat = path.stat()
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "folder"
        found[path.relative_to(folder).as_posix()] = (digest, stat.st_mtime_ns, stat.st_mode)
    return found


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


# A class of 50 students, one folder each; nobody checks the capstone's exercise 5.

@pytest.fixture(scope="module")
def big_class(tmp_path_factory):
    folder = tmp_path_factory.mktemp("class")
    planted = make_class(folder, 50, layout="folders", never_attempted=frozenset({(CAPSTONE, 5)}))
    out = tmp_path_factory.mktemp("report")
    report, paths = build_report(folder, out)
    return planted, report, out


class TestCountsOfAClassOfFifty:
    def test_every_exercise_of_every_notebook_has_a_row_with_fifty_students(self, big_class, catalogue):
        _, _, out = big_class
        rows = read_csv(out / "exercises.csv")
        assert [(r["notebook"], int(r["exercise"]), r["title"]) for r in rows] == [
            (info.name, number, title) for info in catalogue for number, title in info.exercises]
        assert all(int(r["students"]) == 50 for r in rows)

    def test_exercise_counts_equal_what_was_planted(self, big_class):
        planted, _, out = big_class
        assert exercise_counts(out) == {key: counts(c) for key, c in planted.exercises.items()}

    def test_mistake_counts_equal_what_was_planted(self, big_class):
        planted, _, out = big_class
        rows = read_csv(out / "mistakes.csv")
        assert {(r["notebook"], int(r["exercise"]), r["mistake"]): int(r["students"]) for r in rows} == dict(
            planted.mistakes)

    def test_each_mistake_comes_with_the_message_students_saw(self, big_class):
        _, _, out = big_class
        for row in read_csv(out / "mistakes.csv"):
            letter = row["mistake"][-1]
            assert row["message"] == (f"Planted mistake {letter} of exercise {row['exercise']}: "
                                      "a message the student saw.")

    def test_each_students_counts_equal_what_was_planted(self, big_class):
        planted, _, out = big_class
        rows = read_csv(out / "students.csv")
        assert len(rows) == 300
        assert {(r["student"], r["notebook"]): {c: int(r[c]) for c in STATUS_COLUMNS.values()} for r in rows} == {
            key: counts(c) for key, c in planted.students.items()}

    def test_a_clean_class_has_no_problem_listed(self, big_class):
        _, report, _ = big_class
        assert report.problems == [] and report.files == 300

    def test_the_page_lists_the_exercise_nobody_attempted(self, big_class):
        _, _, out = big_class
        page = (out / "report.html").read_text(encoding="utf-8")
        section = page.split(f'id="nb-{CAPSTONE}"')[1].split("</section>")[0]
        nobody = section.split("Exercises nobody attempted")[1]
        assert "<li>Exercise 5: Fix the count of sentences that carry a lower bound</li>" in nobody
        assert nobody.count("<li>") == 1
        other = page.split('id="nb-02-the-figures"')[1].split("</section>")[0]
        assert "None: every exercise was checked by at least one student." in other

    def test_the_page_shows_each_notebooks_counts_and_its_most_common_mistake_first(self, big_class):
        planted, _, out = big_class
        page = (out / "report.html").read_text(encoding="utf-8")
        section = page.split('id="nb-02-the-figures"')[1].split("</section>")[0]
        for (name, _number), planted_counts in planted.exercises.items():
            if name == "02-the-figures":
                assert f"{planted_counts['correct']} of 50 correct" in section
        first = re.search(r'<table class="mistakes">.*?<tbody>\s*<tr><td class="n">(\d+)</td><td class="n">(\d+)</td>',
                          section, re.S)
        most = max(v for (n, _, _), v in planted.mistakes.items() if n == "02-the-figures")
        assert int(first.group(2)) == most


class TestThePage:
    def test_it_works_offline_with_nothing_fetched_from_elsewhere(self, big_class):
        _, _, out = big_class
        page = (out / "report.html").read_text(encoding="utf-8")
        assert not re.search(r"<script|<link|<img|<iframe|@import|url\((?!#)", page)
        assert not re.search(r"""(src|href)=["'](?!#)""", page), "only links inside the page"
        assert "http://" not in page and "https://" not in page

    def test_every_chart_has_a_text_description_under_it_that_names_the_statuses_in_words(self, big_class):
        _, _, out = big_class
        page = (out / "report.html").read_text(encoding="utf-8")
        charts = re.findall(r'<svg class="chart".*?aria-labelledby="([^" ]+) ([^"]+)".*?</svg><figcaption id="([^"]+)">'
                            r"([^<]+)</figcaption>", page, re.S)
        assert len(charts) == 6
        for title_id, description_id, caption_id, caption in charts:
            assert description_id == caption_id and f'id="{title_id}"' in page
            assert "correct" in caption and "not yet right" in caption and "not attempted" in caption

    def test_each_status_has_its_own_pattern_and_its_word_in_the_legend(self, big_class):
        _, _, out = big_class
        page = (out / "report.html").read_text(encoding="utf-8")
        svg = page.split('<svg class="chart"')[1].split("</svg>")[0]
        fills = re.findall(r'<rect x="\d+" y="8" width="16" height="16" fill="([^"]+)"', svg)
        assert len(set(fills)) == 3 and sum(f.startswith("url(#") for f in fills) == 2
        for word in ("correct", "not yet right", "not attempted"):
            assert f">{word}</text>" in svg

    def test_a_mistake_without_advice_has_a_marked_place_for_it_and_advice_is_shown_when_written(self, tmp_path):
        folder = write_files(class_files(3, layout="folders", seed=2)[0], tmp_path / "class")
        build_report(folder, tmp_path / "without")
        mistake = read_csv(tmp_path / "without" / "mistakes.csv")[0]["mistake"]
        place = f'No advice yet: add it under [advice] in notebooks/lessons.toml, as "{mistake}" = "..."'
        assert place in (tmp_path / "without" / "report.html").read_text(encoding="utf-8").replace("&quot;", '"')
        advice = tmp_path / "advice.toml"
        advice.write_text(f'[advice]\n"{mistake}" = "Count both qualifiers on the board."\n', encoding="utf-8")
        build_report(folder, tmp_path / "with", advice_file=advice)
        page = (tmp_path / "with" / "report.html").read_text(encoding="utf-8").replace("&quot;", '"')
        assert "Count both qualifiers on the board." in page and place not in page


# Layouts

def small_class(layout: str, students: int = 3):
    return class_files(students, layout=layout, seed=7)


@pytest.mark.parametrize("layout, target, expected_students", [
    ("folders", "class", {"pupil01", "pupil02", "pupil03"}),
    ("folders", "class.zip", {"pupil01", "pupil02", "pupil03"}),
    ("nbgrader", "course", {"pupil01", "pupil02", "pupil03"}),
    ("named", "downloads", {"pupil01", "pupil02", "pupil03"}),
    ("downloads", "downloads", None),
    ("downloads", "downloads.zip", None),
])
def test_every_layout_gives_the_planted_counts_and_its_students(tmp_path, layout, target, expected_students):
    files, planted = small_class(layout)
    submissions = write_files(files, tmp_path / target)
    report, _ = build_report(submissions, tmp_path / "out")
    assert exercise_counts(tmp_path / "out") == {key: counts(c) for key, c in planted.exercises.items()}
    students = {s.student for s in report.submissions}
    if expected_students is not None:
        assert students == expected_students
        assert not report.problems
    else:  # browser downloads: each file is a student of its own, and the report says so once
        assert len(students) == 18 and "02-the-figures (2)" in students
        assert [p.text for p in report.problems] == [
            "18 notebook file(s) lie in no student's folder and carry no name before the notebook's name: "
            "each is counted as a student of its own, named by its file name"]


def test_a_zip_of_a_compressed_folder_of_student_folders_names_the_students_not_the_folder(tmp_path):
    files, planted = small_class("folders")
    archive = write_files([(f"class/{path}", data) for path, data in files], tmp_path / "class.zip")
    report, _ = build_report(archive, tmp_path / "out")
    assert {s.student for s in report.submissions} == {"pupil01", "pupil02", "pupil03"}
    assert exercise_counts(tmp_path / "out") == {key: counts(c) for key, c in planted.exercises.items()}


def test_one_zip_per_student_in_a_folder_belongs_to_that_student(tmp_path):
    files, planted = small_class("folders")
    for student in ("pupil01", "pupil02", "pupil03"):
        mine = [(path, data) for path, data in files if path.startswith(student)]
        write_files(mine, tmp_path / "class" / f"{student}.zip")  # a zip of the folder: student/…
    report, _ = build_report(tmp_path / "class", tmp_path / "out")
    assert {s.student for s in report.submissions} == {"pupil01", "pupil02", "pupil03"}
    assert exercise_counts(tmp_path / "out") == {key: counts(c) for key, c in planted.exercises.items()}


def test_nbgraders_own_folders_are_listed_and_not_counted(tmp_path):
    files, planted = small_class("nbgrader")
    source = (ROOT / "notebooks" / "02-the-figures.ipynb").read_bytes()
    files += [("source/ps02/02-the-figures.ipynb", source), ("release/ps02/02-the-figures.ipynb", source)]
    report, _ = build_report(write_files(files, tmp_path / "course"), tmp_path / "out")
    assert len(report.submissions) == 18
    assert problems(report)["source/ps02/02-the-figures.ipynb"] == [
        "outside nbgrader's submitted/ folder (the course's own copies): not read"]


def test_a_renamed_notebook_is_recognised_by_its_exercises_import(tmp_path):
    files, planted = small_class("folders", students=1)
    data = dict(files)["pupil01/02-the-figures.ipynb"]
    write_files([("pupil01/my homework.ipynb", data)], tmp_path / "class")
    report, _ = build_report(tmp_path / "class", tmp_path / "out")
    assert [(s.student, s.notebook) for s in report.submissions] == [("pupil01", "02-the-figures")]


@pytest.mark.parametrize("lms, name", [
    ("Moodle", "{student} Smith_{user}_assignsubmission_file_{file}"),
    ("Canvas", "{student}smith_{user}_{index}{index}{index}_{file}"),
    ("Canvas, late", "{student}smith_LATE_{user}_{index}{index}{index}_{file}"),
])
def test_a_flat_lms_download_gives_each_student_one_name_for_all_their_files(tmp_path, lms, name):
    files, planted = small_class("named")
    renamed = []
    for index, (path, data) in enumerate(files):
        student, file = path.split("_", 1)
        renamed.append((name.format(student=student, user=student[-2:] * 3, index=index, file=file), data))
    report, _ = build_report(write_files(renamed, tmp_path / "downloads"), tmp_path / "out")
    assert len({s.student for s in report.submissions}) == 3 and report.problems == []
    assert exercise_counts(tmp_path / "out") == {key: counts(c) for key, c in planted.exercises.items()}


def test_checkpoint_copies_and_macos_folders_are_not_read(tmp_path):
    files, planted = small_class("folders", students=1)
    data = dict(files)["pupil01/02-the-figures.ipynb"]
    files += [("pupil01/.ipynb_checkpoints/02-the-figures-checkpoint.ipynb", data),
              ("__MACOSX/pupil01/._02-the-figures.ipynb", b"\x00\x05\x16\x07 not a notebook")]
    report, _ = build_report(write_files(files, tmp_path / "class.zip"), tmp_path / "out")
    assert report.problems == [] and report.files == 6
    assert exercise_counts(tmp_path / "out") == {key: counts(c) for key, c in planted.exercises.items()}


# Bad input

def notebook(*cells: dict) -> dict:
    return {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": list(cells)}


def code(source: str, *outputs: dict, count: int | None = 1) -> dict:
    return {"cell_type": "code", "metadata": {}, "source": source, "outputs": list(outputs),
            "execution_count": count}


def record_output(exercise: int, status: str, *, mistake: str | None = None, version: str | None = None,
                  notebook_name: str = "02-the-figures") -> dict:
    output = check_output(notebook_name, exercise, "A task", status, mistake, "What the student saw.")
    if version is not None:
        output["data"][RECORD_MIME]["version"] = version
    return output


def figures_notebook(*cells: dict) -> dict:
    return notebook(code("from helpers.exercises import nb02 as ex"), *cells)


def dumps(nb: dict) -> bytes:
    return json.dumps(nb).encode("utf-8")


@pytest.fixture(scope="module")
def bad_class(tmp_path_factory):
    """A class where every kind of bad input sits beside good work; the report and its folder."""
    root = tmp_path_factory.mktemp("bad") / "class"
    good = figures_notebook(code("ex.q1.check(numbers)", record_output(1, "correct")))
    older_copy = figures_notebook(code("ex.q1.check(numbers)", record_output(1, "not yet right")))
    older_feedback = copy.deepcopy(good)
    del older_feedback["cells"][1]["outputs"][0]["data"][RECORD_MIME]
    huge = figures_notebook(code("print('x' * 1_500_000)", {"output_type": "stream", "name": "stdout",
                                                            "text": "x" * 1_500_000}),
                            code("ex.q1.check(numbers)", record_output(1, "correct")))
    other_course = notebook(code("import pandas as pd\npd.read_csv('week3.csv')"))
    files = {
        "ann/02-the-figures.ipynb": dumps(good),
        "ann/03-the-quotations.ipynb": b'{"cells": [{"cell_type": "code", "source": "x = ',  # cut short
        "ann/week3-pandas.ipynb": dumps(other_course),
        "bob/02-the-figures.ipynb": (ROOT / "notebooks" / "solutions" / "02-the-figures.ipynb").read_bytes(),
        "bob/03-the-quotations.ipynb": dumps(notebook()),
        "bob/04-the-themes.ipynb": b"",
        "cat/02-the-figures.ipynb": dumps(older_copy),
        "cat/02-the-figures (1).ipynb": dumps(good),
        "dan/02-the-figures.ipynb": dumps(huge),
        "eve/02-the-figures.ipynb": dumps(older_feedback),
        "fay/02-the-figures.ipynb": dumps(figures_notebook(code("ex.q1.check(numbers)",
                                                                 record_output(1, "correct", version="0.0.1")))),
        "gus/02-the-figures.ipynb": dumps(figures_notebook(code("ex.q1.check(numbers)", {
            "output_type": "display_data", "metadata": {}, "data": {RECORD_MIME: {"exercise": "one"}}}))),
        "hal/02-the-figures.ipynb": dumps(notebook(code("from helpers.exercises import nb02 as ex", count=None),
                                                   code("ex.q1.check(numbers)", count=None))),
        "ivy/answers.zip": b"PK\x03\x04 this is not really a zip",
        "jon/02-the-figures.ipynb": b"x" * 2_100_000,
    }
    for path, data in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_bytes(data)
    os.utime(root / "cat/02-the-figures.ipynb", (1_700_000_000, 1_700_000_000))
    os.utime(root / "cat/02-the-figures (1).ipynb", (1_700_000_100, 1_700_000_100))
    before = tree_fingerprint(root)
    out = tmp_path_factory.mktemp("bad-report")
    report, _ = build_report(root, out, max_bytes=2_000_000)
    return root, before, report, out


@pytest.mark.parametrize("file, says, counted", [
    ("ann/03-the-quotations.ipynb", "not valid JSON", False),
    ("ann/week3-pandas.ipynb", "not a notebook of this collection (another course's notebook?)", False),
    ("bob/02-the-figures.ipynb", "a solution notebook", False),
    ("bob/03-the-quotations.ipynb", "an empty notebook", False),
    ("bob/04-the-themes.ipynb", "an empty file", False),
    ("cat/02-the-figures.ipynb", "cat handed in 02-the-figures 2 times: the newest file, "
                                 "cat/02-the-figures (1).ipynb, counts; this one was not counted", False),
    ("dan/02-the-figures.ipynb", "it holds a huge output (1.5 million characters in code cell 2); it was read", True),
    ("eve/02-the-figures.ipynb", "saved by an older version of the collection", False),
    ("fay/02-the-figures.ipynb", "saved with version 0.0.1 of the collection", True),
    ("gus/02-the-figures.ipynb", "code cell 2 holds a check record that cannot be read", True),
    ("hal/02-the-figures.ipynb", "saved without any output (was it run before saving?)", True),
    ("ivy/answers.zip", "a zip that cannot be opened", False),
    ("jon/02-the-figures.ipynb", "too large to read (2.1 MB; the limit is 2.0 MB)", False),
])
def test_each_bad_input_is_listed_with_its_file_name(bad_class, file, says, counted):
    _, _, report, out = bad_class
    matching = [p for p in report.problems if p.file == file and says in p.text]
    assert len(matching) == 1, problems(report)[file]
    assert matching[0].counted is counted
    page = (out / "report.html").read_text(encoding="utf-8")
    assert f"<tr><td>{file}</td>" in page.replace("&#x27;", "'")


def test_bad_input_stops_nothing_and_the_good_work_beside_it_is_counted(bad_class):
    _, _, report, out = bad_class
    counted = {(s.student, s.notebook): s.file for s in report.submissions}
    assert counted == {("ann", "02-the-figures"): "ann/02-the-figures.ipynb",
                       ("cat", "02-the-figures"): "cat/02-the-figures (1).ipynb",
                       ("dan", "02-the-figures"): "dan/02-the-figures.ipynb",
                       ("fay", "02-the-figures"): "fay/02-the-figures.ipynb",
                       ("gus", "02-the-figures"): "gus/02-the-figures.ipynb",
                       ("hal", "02-the-figures"): "hal/02-the-figures.ipynb"}
    q1 = exercise_counts(out)[("02-the-figures", 1)]
    # ann, cat's newest, dan and fay are correct; gus's record cannot be read and hal never ran.
    assert q1 == {"correct": 4, "not_yet_right": 0, "not_attempted": 2}


def test_nothing_under_submissions_is_written_or_touched(bad_class):
    root, before, _, _ = bad_class
    assert tree_fingerprint(root) == before


def test_the_report_refuses_to_write_inside_submissions(tmp_path):
    (tmp_path / "class").mkdir()
    from helpers.report import ReportError
    with pytest.raises(ReportError, match="inside SUBMISSIONS"):
        build_report(tmp_path / "class", tmp_path / "class" / "report")


def test_reading_executes_nothing(tmp_path):
    marker = tmp_path / "ran.txt"
    nb = figures_notebook(code(f"open({str(marker)!r}, 'w').write('ran')\nex.q1.check(numbers)",
                               record_output(1, "correct")))
    (tmp_path / "class" / "ann").mkdir(parents=True)
    (tmp_path / "class" / "ann" / "02-the-figures.ipynb").write_bytes(dumps(nb))
    report, _ = build_report(tmp_path / "class", tmp_path / "out")
    assert len(report.submissions) == 1 and not marker.exists()


# Records: the last one in notebook order is the exercise's state

KNOWN = {"02-the-figures": "nb02"}


def states_of(*cells: dict) -> dict:
    reading = read_notebook(dumps(figures_notebook(*cells)), "02-the-figures.ipynb", KNOWN, "0.1.0")
    return {n: (r.status, r.mistake) for n, r in exercise_states(reading.records).items()}


class TestTheLastRecordCounts:
    def test_a_later_wrong_check_of_the_same_exercise_replaces_an_earlier_correct_one(self):
        assert states_of(code("ex.q3.check(a)", record_output(3, "correct")),
                         code("ex.q3.check(b)", record_output(3, "not yet right", mistake="m"))) == {
            3: ("not yet right", "m")}

    def test_a_later_correct_check_replaces_an_earlier_wrong_one(self):
        assert states_of(code("ex.q3.check(a)", record_output(3, "not yet right")),
                         code("ex.q3.check(b)", record_output(3, "correct"))) == {3: ("correct", None)}

    def test_an_exercise_without_a_record_is_absent_and_counts_as_not_attempted(self):
        assert states_of(code("ex.q3.check(a)", record_output(3, "correct")), code("ex.q4.check(b)")) == {
            3: ("correct", None)}

    def test_records_of_another_notebook_are_not_counted_and_are_noted(self):
        reading = read_notebook(dumps(figures_notebook(
            code("ex.q1.check(a)", record_output(1, "correct", notebook_name="03-the-quotations")),
            code("ex.q2.check(a)", record_output(2, "correct")))),
            "02-the-figures.ipynb", {"02-the-figures": "nb02", "03-the-quotations": "nb03"}, "0.1.0")
        assert [r.exercise for r in reading.records] == [2]
        assert any("checks of 03-the-quotations too" in note for note in reading.notes)

    def test_a_record_never_needs_the_students_answer(self):
        # The record's fields are the contract: nothing else is read from it.
        assert set(Record.__dataclass_fields__) == {"notebook", "exercise", "status", "mistake", "message",
                                                    "tries", "version"}


# Pseudonyms

def test_pseudonymise_removes_every_name_from_every_file_and_keeps_codes_stable(tmp_path):
    files, _ = small_class("named")
    files.append(("pupil02_02-the-figures (1).ipynb", b"{broken"))
    submissions = write_files(files, tmp_path / "class")
    key = tmp_path / "keys" / "class.key"
    first, paths = build_report(submissions, tmp_path / "out1", key_file=key)
    for path in paths:
        assert "pupil" not in path.read_text(encoding="utf-8"), path.name
    assert any(p.file.startswith("S-") for p in first.problems)
    second, _ = build_report(submissions, tmp_path / "out2", key_file=key)
    assert (tmp_path / "out1" / "students.csv").read_bytes() == (tmp_path / "out2" / "students.csv").read_bytes()
    codes = {s.student for s in first.submissions}
    assert len(codes) == 3 and all(re.fullmatch(r"S-[0-9a-f]{10}", c) for c in codes)
    other, _ = build_report(submissions, tmp_path / "out3", key_file=tmp_path / "keys" / "other.key")
    assert {s.student for s in other.submissions}.isdisjoint(codes)


@pytest.mark.parametrize("where", ["class", "out"])
def test_the_pseudonym_key_is_refused_inside_submissions_or_the_report(tmp_path, where):
    from helpers.report import ReportError
    (tmp_path / "class").mkdir()
    with pytest.raises(ReportError, match="Keep the pseudonym key outside"):
        build_report(tmp_path / "class", tmp_path / "out", key_file=tmp_path / where / "class.key")
    assert not (tmp_path / where / "class.key").exists()


# The command line

def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "helpers.report", *args], capture_output=True, text=True,
                          encoding="utf-8", cwd=ROOT, timeout=120)


def test_the_command_line_writes_the_four_files_and_says_what_it_read(tmp_path):
    files, _ = small_class("folders")
    submissions = write_files(files, tmp_path / "class")
    result = run_cli(str(submissions), "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert "Read 18 notebook files: 18 counted, from 3 students" in result.stdout
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "exercises.csv", "mistakes.csv", "report.html", "students.csv"]


@pytest.mark.parametrize("args, says", [
    (["no-such-folder", "--out", "out"], "There is no folder or file no-such-folder"),
    (["class", "--out", "class/out"], "inside SUBMISSIONS"),
    (["class", "--out", "out", "--timeout", "0"], "--timeout must be more than 0 seconds"),
    (["class", "--out", "out", "--pseudonymise", "class/key"], "Keep the pseudonym key outside SUBMISSIONS"),
])
def test_the_command_line_explains_what_stops_it_and_exits_with_2(tmp_path, monkeypatch, capsys, args, says):
    from helpers.report.cli import main
    (tmp_path / "class").mkdir()
    monkeypatch.chdir(tmp_path)
    assert main(args) == 2
    assert says in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["class"]


# make bench (tools/bench_report.py): the target is 10 s for 300 notebooks

def test_the_bench_names_a_missed_target_and_says_nothing_missed_when_met():
    bench = load_tool("bench_report")
    results = {"notebooks": 300, "students": 50, "bytes": 43_000_000, "report_s": 1.2, "parse_s": 1.4,
               "target_s": 10.0, "met": True}
    text, misses = bench.describe(results)
    assert misses == [] and "1.2 s (target 10 s)" in text and "nbformat: 1.4 s" in text
    text, misses = bench.describe({**results, "report_s": 10.5, "met": False})
    assert misses == ["the class report takes 10.5 s on 300 notebooks"]
