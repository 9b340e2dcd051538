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

_ECHO_LENGTH = 40  # a student's text (or a type's name) is shown back at most this long

_FUNCTION_TYPES = (
    types.FunctionType,
    types.BuiltinFunctionType,
    types.MethodType,
    types.MethodWrapperType,
    types.WrapperDescriptorType,
    types.MethodDescriptorType,
    functools.partial,
)
_DICT_VIEW_TYPES = (type({}.keys()), type({}.values()), type({}.items()))

# Built-in types and their category, tried in this order (bool, numpy and pandas are tried apart).
_BUILTIN_CATEGORIES = (
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
    (_DICT_VIEW_TYPES, "dict_view"),
    (collections.deque, "deque"),
    (types.GeneratorType, "generator"),
    (_FUNCTION_TYPES, "function"),
    (type, "class"),
    (types.ModuleType, "module"),
)

_NUMBER_CATEGORIES = ("int", "float", "np_int", "np_float", "number_other")
_BOOL_CATEGORIES = ("bool", "np_bool")
_SCALAR_CATEGORIES = (*_NUMBER_CATEGORIES, *_BOOL_CATEGORIES, "str", "none", "complex", "bytes", "pd_na")


def _to_list(x: Any) -> list[Any]:
    """Return the items of a pandas Series or Index or a numpy array as a list."""
    return x.tolist()


# The collections whose items a check reads: category -> (how many items, the items). Each uses
# the base type's own methods, so that a subclass cannot change what is read.
_COLLECTIONS: dict[str, tuple[Callable[[Any], int], Callable[[Any], Any]]] = {
    "list": (list.__len__, list.__iter__),
    "tuple": (tuple.__len__, tuple.__iter__),
    "set": (set.__len__, set.__iter__),
    "frozenset": (frozenset.__len__, frozenset.__iter__),
    "deque": (collections.deque.__len__, collections.deque.__iter__),
    "range": (len, iter),
    "dict_view": (len, iter),
    "series": (len, _to_list),
    "index": (len, _to_list),
    "pd_array": (len, _to_list),
    "ndarray": (lambda x: int(x.size), _to_list),
}
_UNORDERED_CATEGORIES = ("set", "frozenset")
_COLLECTION_CATEGORIES = (*_COLLECTIONS, "dict")  # everything len(...) can count


def _category(x: Any) -> str:
    """Return a short name for the kind of object x is, decided from type(x) only.

    >>> _category(3), _category(True), _category("a"), _category([1]), _category(len)
    ('int', 'bool', 'str', 'list', 'function')
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
    for base, name in _BUILTIN_CATEGORIES:
        if issubclass(kind, base):
            return name
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


def _length_of(x: Any, category: str) -> int:
    """Return how many items a collection of one of the _COLLECTIONS categories holds."""
    return _COLLECTIONS[category][0](x)


def _items_of(x: Any, category: str) -> list[Any]:
    """Return the items of a collection of one of the _COLLECTIONS categories."""
    return list(_COLLECTIONS[category][1](x))


def _plain_truth(value: Any) -> bool:
    """Return bool(value) for plain Python and numpy truth values, False for anything else."""
    if type(value) in (bool, int, float, str, list, tuple, set, frozenset, dict):
        return bool(value)
    if _category(value) == "np_bool":
        return bool(value)
    return False


def _type_name(x: Any) -> str:
    """Return the name of x's type, made safe to show (letters, digits, _ and . only)."""
    try:
        name = type(x).__name__
        if not isinstance(name, str):
            return "unknown"
    except Exception:
        return "unknown"
    safe = re.sub(r"[^A-Za-z0-9_.]", "", str.__str__(name))[:_ECHO_LENGTH]
    return safe or "unknown"


_DESCRIPTIONS = {
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
    "series": "a pandas Series",
    "index": "a pandas Index",
    "pd_array": "a pandas array (what `.values` or `.array` gives)",
    "dataframe": "a pandas DataFrame",
    "pd_na": "a missing value (pandas NA)",
    "np_other": "a numpy value ({name})",
    "other": "an object of type {name}",
}


def _describe(x: Any) -> str:
    """Return the kind of x in plain words, such as "a list" or "a piece of text (str)".

    >>> _describe([1, 2]), _describe("9"), _describe(9.5)
    ('a list', 'a piece of text (str)', 'a decimal number (float)')
    """
    try:
        return _DESCRIPTIONS[_category(x)].format(name=_type_name(x))
    except Exception:
        return f"an object of type {_type_name(x)}"
