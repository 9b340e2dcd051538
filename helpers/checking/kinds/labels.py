"""The "labels" kind: one label for each row of a table, compared row by row with a table a person checked.

The reference is the checked table's column of labels: a dict or a Series (row name -> label), or a
list (the rows in order). An answer gives a label for each row, as a list in the table's order, or
by row name (a dict or a Series). Labels are compared like text (upper/lower case and spaces do not
count). Feedback says how many rows disagree and which rows, never the right label of any row.
"""

from __future__ import annotations

from typing import Any

from ..feedback import Say, say
from ..objects import category, items_of
from ..values import Budget, Key, echo_text, read_item
from .base import Kind, Read, Rules, wrong_type

#: Categories read as rows in order (row 0, row 1, ...).
IN_ORDER = ("list", "tuple", "index", "ndarray", "pd_array")
MOST_ROWS_NAMED = 12  # a message names at most this many rows, then says how many more


def row_name(key: Key, plain: Any, raw: Any) -> str:
    """Return a row's name as a message shows it: a number as digits, a text as it was given (shortened)."""
    if key[0] == "num":
        return str(plain)
    if key[0] == "text":
        return echo_text(str.__str__(raw))
    return echo_text(str(plain))


def plural(count: int, one: str, many: str) -> str:
    """Return "1 row" or "3 rows".

    >>> plural(1, "row", "rows"), plural(3, "label", "labels")
    ('1 row', '3 labels')
    """
    return f"{count} {one if count == 1 else many}"


def rows_phrase(names: list[str], in_order: bool) -> str:
    """Return "rows 2, 5 and 7" (or "row F03"), at most MOST_ROWS_NAMED of them.

    >>> rows_phrase(["2", "5", "7"], in_order=True)
    'rows 2, 5 and 7 of your list (the first row is row 0, as Python counts)'
    >>> rows_phrase(["F03"], in_order=False)
    'row F03'
    """
    shown = names[:MOST_ROWS_NAMED]
    more = len(names) - len(shown)
    listed = shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]
    if more:
        listed = ", ".join(shown) + f" and {more} more"
    text = ("row " if len(names) == 1 else "rows ") + listed
    return text + (" of your list (the first row is row 0, as Python counts)" if in_order else "")


class LabelsKind(Kind):
    """One label per row. A Mistake's test sees a dict (row name or position -> normalised label).

    >>> rules = Rules("a label for each row")
    >>> KIND.problems(KIND.read(["Exact", "lower  bound"], rules), KIND.read({"F1": "exact", "F2": "lower bound"},
    ...               rules), rules)
    []
    >>> KIND.problems(KIND.read(["exact", "exact"], rules), KIND.read(["exact", "lower bound"], rules), rules)
    ['labels']
    """

    name = "labels"
    answer_type = "one label for each row: a list in the table's order, or a dict (row -> label)"
    sample = {"kiwi": "sweet", "lime": "sour", "tamarind": "sour", "mango": "sweet"}

    def read(self, answer: Any, rules: Rules) -> Read:
        found = category(answer)
        budget = Budget()
        if found == "dict":
            pairs = list(dict.items(answer))
            in_order = False
        elif found == "series":
            pairs = list(zip(answer.index.tolist(), answer.tolist()))
            # A column whose index is 0, 1, 2, ... (pandas' default) is a list of labels in order.
            in_order = [row for row, _ in pairs] == list(range(len(pairs)))
        elif found in IN_ORDER:
            if found == "ndarray" and answer.ndim != 1:
                raise wrong_type(answer, rules.answer_type, "Give one label for each row: a list of texts.")
            pairs = list(enumerate(items_of(answer, found)))
            in_order = True
        elif found == "str":
            raise wrong_type(answer, rules.answer_type,
                             'Give one label for each row, in a list: `["first label", "second label", ...]`.')
        elif found == "dataframe":
            raise wrong_type(answer, rules.answer_type,
                             "A DataFrame is a whole table: give only the column of your labels.")
        else:
            raise wrong_type(answer, rules.answer_type)
        budget.spend(len(pairs))
        labels: dict[Key, Key] = {}
        plain: dict[Any, Any] = {}
        names: dict[Key, str] = {}
        for row, label in pairs:
            row_key, row_plain = read_item(row, budget)
            label_key, label_plain = read_item(label, budget)
            labels[row_key] = label_key
            plain[row_plain] = label_plain
            names[row_key] = row_name(row_key, row_plain, row)
        flags = {"in_order"} if in_order else set()
        if len(labels) < len(pairs):
            flags.add("repeated_rows")
        return Read({"labels": labels, "names": names, "order": list(labels)}, plain, flags=frozenset(flags))

    def aligned(self, given: Read, expected: Read) -> dict[Key, Key] | None:
        """Return the answer's labels by the reference's rows, or None when its rows are not the table's."""
        labels = given.value["labels"]
        if "in_order" in given.flags and "in_order" not in expected.flags:
            rows = expected.value["order"]
            if len(labels) != len(rows):
                return None
            return dict(zip(rows, labels.values()))
        if set(labels) != set(expected.value["labels"]):
            return None
        return labels

    def problems(self, given: Read, expected: Read, rules: Rules) -> list[str]:
        if "repeated_rows" in given.flags:
            return ["repeated_rows"]
        mine = self.aligned(given, expected)
        if mine is None:
            return ["rows"]
        if any(mine[row] != label for row, label in expected.value["labels"].items()):
            return ["labels"]
        return []

    def explain(self, given: Read, expected: Read, problems: list[str], rules: Rules) -> Say:
        table = expected.value
        if "repeated_rows" in problems:
            return say("Your answer gives a row more than one label: give each row one label.")
        if "rows" in problems:
            if "in_order" in given.flags:
                return say(
                    "The table has {n}, and your list gives {m}: give exactly one label for each row, in the "
                    "table's order.",
                    n=plural(len(table["order"]), "row", "rows"),
                    m=plural(len(given.value["labels"]), "label", "labels"),
                )
            return say("Your answer's rows are not the table's rows: give one label for each row of the table, "
                       "under the row's own name (as the table's index shows it).")
        mine = self.aligned(given, expected) or {}
        wrong = [row for row, label in table["labels"].items() if mine.get(row) != label]
        in_order = "in_order" in expected.flags  # the checked table's rows have no names, only places
        names = [table["names"][row] for row in wrong]
        return say(
            "{k} of the {n} rows {verb} with the table a person checked: {rows}. Read the text of each of "
            "those rows again and decide once more.",
            k=str(len(wrong)), n=str(len(table["order"])), verb="disagrees" if len(wrong) == 1 else "disagree",
            echo={"rows": rows_phrase(names, in_order)},
        )

    def secrets(self, expected: Read) -> list[str]:
        # A message must never pair a row with its right label ("F03: lower bound", "F03 lower bound").
        names, labels = expected.value["names"], expected.plain
        pairs = list(zip(names.values(), labels.values(), strict=True))
        return [f"{name} {label}" for name, label in pairs] + [f"{name}: {label}" for name, label in pairs]


KIND = LabelsKind()
