"""What kind of object is an answer? Decided from type(x) only, never through the object's own methods.

numpy and pandas objects are recognised only when those libraries are already imported.
"""

from __future__ import annotations

import collections
import functools
import numbers
import re
import sys
import types
from collections.abc import Callable
from typing import Any

ECHO_LENGTH = 40  # a student's text (or a type's name) is shown back at most this long

FUNCTION_TYPES = (
    types.FunctionType,
    types.BuiltinFunctionType,
    types.MethodType,
    types.MethodWrapperType,
    types.WrapperDescriptorType,
    types.MethodDescriptorType,
    functools.partial,
)
DICT_VIEW_TYPES = (type({}.keys()), type({}.values()), type({}.items()))

# Built-in types and their category, tried in this order (bool, numpy and pandas are tried apart).
BUILTIN_CATEGORIES = (
    (int, "int"),
    (float, "float"),
    (complex, "complex"),
    (str, "str"),
    ((bytes, bytearray), "bytes"),
    (list, "list"),
    (tuple, "tuple"),
    (frozenset, "frozenset"),
    (set, "set"),
    (dict, "dict"),
    (range, "range"),
    (DICT_VIEW_TYPES, "dict_view"),
    (collections.deque, "deque"),
    (types.GeneratorType, "generator"),
    (FUNCTION_TYPES, "function"),
    (type, "class"),
    (BaseException, "exception"),
    (types.ModuleType, "module"),
)

NUMBER_CATEGORIES = ("int", "float", "np_int", "np_float", "number_other")
BOOL_CATEGORIES = ("bool", "np_bool")
SCALAR_CATEGORIES = (*NUMBER_CATEGORIES, *BOOL_CATEGORIES, "str", "none", "complex", "bytes", "pd_na")


def to_list(x: Any) -> list[Any]:
    """Return the items of a pandas Series or Index or a numpy array as a list."""
    return x.tolist()


# The collections whose items a check reads: category -> (how many items, the items). Each uses
# the base type's own methods, so that a subclass cannot change what is read.
COLLECTIONS: dict[str, tuple[Callable[[Any], int], Callable[[Any], Any]]] = {
    "list": (list.__len__, list.__iter__),
    "tuple": (tuple.__len__, tuple.__iter__),
    "set": (set.__len__, set.__iter__),
    "frozenset": (frozenset.__len__, frozenset.__iter__),
    "deque": (collections.deque.__len__, collections.deque.__iter__),
    "range": (len, iter),
    "dict_view": (len, iter),
    "series": (len, to_list),
    "index": (len, to_list),
    "pd_array": (len, to_list),
    "ndarray": (lambda x: int(x.size), to_list),
}
UNORDERED_CATEGORIES = ("set", "frozenset")
COLLECTION_CATEGORIES = (*COLLECTIONS, "dict")  # everything len(...) can count


def category(x: Any) -> str:
    """Return a short name for the kind of object x is, decided from type(x) only.

    >>> category(3), category(True), category("a"), category([1]), category(len), category(KeyError)
    ('int', 'bool', 'str', 'list', 'function', 'class')
    """
    if x is Ellipsis:
        return "ellipsis"
    if x is None:
        return "none"
    kind = type(x)
    if issubclass(kind, bool):
        return "bool"
    np = sys.modules.get("numpy")
    if np is not None and issubclass(kind, np.generic):
        for base, name in (
            (np.bool_, "np_bool"),
            (np.integer, "np_int"),
            (np.floating, "np_float"),
            (np.complexfloating, "complex"),
            (np.str_, "str"),
        ):
            if issubclass(kind, base):
                return name
        return "np_other"
    for base, name in BUILTIN_CATEGORIES:
        if issubclass(kind, base):
            return name
    masked = sys.modules.get("numpy.ma")
    if masked is not None and issubclass(kind, masked.MaskedArray):
        return "masked"  # never read through .item() or .tolist(): that would show its hidden data
    if np is not None and issubclass(kind, np.ndarray):
        return "ndarray"
    pd = sys.modules.get("pandas")
    if pd is not None:
        if x is pd.NA:
            return "pd_na"
        for base, name in ((pd.DataFrame, "dataframe"), (pd.Series, "series"), (pd.Index, "index"),
                           (pd.api.extensions.ExtensionArray, "pd_array")):
            if issubclass(kind, base):
                return name
    decimal = sys.modules.get("decimal")
    if issubclass(kind, numbers.Real) or (decimal is not None and issubclass(kind, decimal.Decimal)):
        return "number_other"
    try:
        if hasattr(kind, "__next__") and hasattr(kind, "__iter__"):
            return "iterator"
    except Exception:  # a class whose metaclass misbehaves
        pass
    return "other"


def length_of(x: Any, category: str) -> int:
    """Return how many items a collection of one of the COLLECTIONS categories holds."""
    return COLLECTIONS[category][0](x)


def items_of(x: Any, category: str) -> list[Any]:
    """Return the items of a collection of one of the COLLECTIONS categories."""
    return list(COLLECTIONS[category][1](x))


def plain_truth(value: Any) -> bool:
    """Return bool(value) for plain Python and numpy truth values, False for anything else."""
    if type(value) in (bool, int, float, str, list, tuple, set, frozenset, dict):
        return bool(value)
    if category(value) == "np_bool":
        return bool(value)
    return False


def type_name(x: Any) -> str:
    """Return the name of x's type, made safe to show (letters, digits, _ and . only)."""
    try:
        name = type(x).__name__
        if not isinstance(name, str):
            return "unknown"
    except Exception:
        return "unknown"
    safe = re.sub(r"[^A-Za-z0-9_.]", "", str.__str__(name))[:ECHO_LENGTH]
    return safe or "unknown"


DESCRIPTIONS = {
    "ellipsis": "the placeholder ...",
    "none": "None (no value)",
    "bool": "True or False (a bool)",
    "np_bool": "True or False (a numpy bool)",
    "int": "a whole number (int)",
    "np_int": "a whole number (numpy {name})",
    "float": "a decimal number (float)",
    "np_float": "a decimal number (numpy {name})",
    "number_other": "a number ({name})",
    "complex": "a complex number",
    "str": "a piece of text (str)",
    "bytes": "bytes (not text)",
    "list": "a list",
    "tuple": "a tuple",
    "set": "a set",
    "frozenset": "a frozenset",
    "dict": "a dictionary ({name})",
    "range": "a range",
    "dict_view": "a view of a dictionary ({name})",
    "deque": "a deque",
    "generator": "a generator",
    "iterator": "an iterator ({name})",
    "function": "a function",
    "class": "a class (a type, not a value)",
    "module": "a module",
    "ndarray": "a numpy array",
    "masked": "a masked numpy array",
    "exception": "an error object ({name})",
    "series": "a pandas Series",
    "index": "a pandas Index",
    "pd_array": "a pandas array (what `.values` or `.array` gives)",
    "dataframe": "a pandas DataFrame",
    "pd_na": "a missing value (pandas NA)",
    "np_other": "a numpy value ({name})",
    "other": "an object of type {name}",
}


def describe(x: Any) -> str:
    """Return the kind of x in plain words, such as "a list" or "a piece of text (str)".

    >>> describe([1, 2]), describe("9"), describe(9.5)
    ('a list', 'a piece of text (str)', 'a decimal number (float)')
    """
    try:
        return DESCRIPTIONS[category(x)].format(name=type_name(x))
    except Exception:
        return f"an object of type {type_name(x)}"


def holds_truth_values(x: Any, found: str) -> bool:
    """Return True if x (of category found) is a collection of True/False values, such as a condition.

    >>> holds_truth_values([True, False], "list"), holds_truth_values([1, 0], "list")
    (True, False)
    """
    try:
        if found in ("series", "ndarray", "index", "pd_array"):
            return str(x.dtype) in ("bool", "boolean")
        if found in ("list", "tuple"):
            count = length_of(x, found)
            return 0 < count <= 100_000 and all(category(item) in BOOL_CATEGORIES for item in items_of(x, found))
    except Exception:
        return False
    return False
