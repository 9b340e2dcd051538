"""LabelRows: the student labels each row before the checked table is shown (helpers/checking/interactions.py).

Labels must be among the notebook's labels (a misspelling is named as one); then the rows are compared
with the table a person checked, and the feedback says how many rows disagree and which, never the
right label of a row.
"""

from __future__ import annotations

from typing import Any

import pytest

from helpers.checking import CORRECT, NOT_YET_RIGHT, audit_exercise
from helpers.checking.interactions import LabelRows, interaction_kinds

CHECKED = {"F01": "exact", "F02": "lower bound", "F03": "exact", "F04": "lower bound"}


def label_rows(**options: Any) -> LabelRows:
    options.setdefault("hints", ["Look for a word such as 'over' right before each number."])
    return LabelRows(1, "Exact or lower bound?", labels=["exact", "lower bound"], expected=lambda: CHECKED,
                     solution="labels = [...]", **options)


class TestLabels:
    def test_the_checked_labels_in_order_are_correct(self) -> None:
        assert label_rows().evaluate(["exact", "lower bound", "exact", "lower bound"]).status == CORRECT

    def test_disagreeing_rows_are_counted_and_named_by_the_tables_row_names(self) -> None:
        feedback = label_rows().evaluate(["exact", "exact", "exact", "exact"])
        assert feedback.status == NOT_YET_RIGHT and feedback.mistake == "rows-disagree"
        assert "2 of the 4 rows disagree with the table a person checked: rows F02 and F04." in feedback.message

    def test_the_right_labels_are_never_shown(self) -> None:
        message = label_rows().evaluate(["exact", "exact", "exact", "exact"]).message
        assert "lower bound" not in message

    def test_a_misspelt_label_is_named_as_a_misspelling(self) -> None:
        feedback = label_rows().evaluate(["exact", "lower bund", "exact", "lower bound"])
        assert feedback.mistake == "label-not-one-of-the-labels"
        assert 'Row F02\'s label "lower bund" looks like a misspelling of "lower bound"' in feedback.message

    def test_a_label_that_is_not_one_of_the_labels_lists_the_labels(self) -> None:
        message = label_rows().evaluate({"F01": "maybe", "F02": "exact", "F03": "exact", "F04": "exact"}).message
        assert message == ('Row F01\'s label "maybe" is not one of the labels. '
                           'Every label must be one of: "exact", "lower bound".')

    def test_a_label_that_is_not_text_is_named(self) -> None:
        message = label_rows().evaluate(["exact", 2, "exact", "exact"]).message
        assert "Row F02's label is not a piece of text" in message

    def test_labels_must_be_a_list_of_texts(self) -> None:
        with pytest.raises(TypeError, match="list of texts"):
            LabelRows(1, "L", labels="exact", expected=lambda: CHECKED, hints=["h"], solution="s")


class TestAuditAndManifestKind:
    def test_passes_the_audit(self) -> None:
        assert audit_exercise(label_rows()) == []

    def test_is_listed_as_label(self) -> None:
        assert interaction_kinds(label_rows()) == ("label",)
