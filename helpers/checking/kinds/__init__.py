"""The answer kinds, one module each, found by name: kind_named("number").

Every module of this package that sets KIND (an instance of base.Kind) adds that kind. A new kind
is therefore one new module here (with KIND = MyKind()) and one test file, tests/test_kind_<name>.py;
no other file changes. base.py holds the protocol, collection.py what set, bag and sequence share.
"""

from __future__ import annotations

import importlib
import pkgutil

from .base import Kind, Read, Rejected, Rules


def _discover() -> dict[str, Kind]:
    """Return every kind defined in this package, by name (modules in alphabetical order)."""
    found: dict[str, Kind] = {}
    for module_info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        kind = getattr(module, "KIND", None)
        if isinstance(kind, Kind):
            if kind.name in found:
                raise ImportError(f"Two answer kinds are named {kind.name!r}: rename one.")
            found[kind.name] = kind
    return found


REGISTRY: dict[str, Kind] = _discover()

#: The names of the kinds an exercise can give, such as "number" or "set".
KINDS: tuple[str, ...] = tuple(REGISTRY)


def kind_named(name: object) -> Kind:
    """Return the kind with this name; raise ValueError that lists the known names otherwise.

    >>> kind_named("number").name
    'number'
    """
    if isinstance(name, Kind):
        return name
    if isinstance(name, str) and name in REGISTRY:
        return REGISTRY[name]
    raise ValueError(f"Exercise kind must be one of {', '.join(KINDS)}; got {name!r}.")


__all__ = ["KINDS", "Kind", "Read", "Rejected", "Rules", "kind_named"]
