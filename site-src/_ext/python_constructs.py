"""The pieces of Python that a piece of code uses, named as the cheat sheet names them.

The cheat sheet (cheatsheet.toml) has one entry per piece; tests/test_site.py scans every code cell
of the notebooks with `constructs()` and fails when a piece they use has no entry.

A piece is named by how it is written:

- a built-in function: ``len()``; a function or constant of an imported module: ``re.findall()``,
  ``helpers.load_article()``, ``re.IGNORECASE``; an import: ``import pandas as pd``;
- a method: ``.count()``; an attribute that is not called: ``.loc``; a column read from a row of
  ``.itertuples()``: ``row.column``; the exercises: ``ex.q1.check()`` is ``ex.qN.check()``;
- syntax: an operator (``+``, ``in``, ``not``, ``&``), a literal (``[a, b]``, ``{k: v}``,
  ``f"..."``), a statement (``for ... in ...:``, ``def f(...):``), and a few forms named in
  words (``x[a:b]``, ``f(x, name=value)``).

>>> sorted(constructs('words = len(text.split())'))
['.split()', 'len()', 'name = value']
>>> sorted(constructs('for row in table.itertuples():\\n    print(row.words)'))
['.itertuples()', 'for ... in ...:', 'print()', 'row.column']
"""

from __future__ import annotations

import ast
import builtins
import io
import re
import tokenize

__all__ = ["code_lines", "constructs", "context_of"]

BUILTIN_NAMES = set(dir(builtins))

BINARY = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.FloorDiv: "//", ast.Mod: "%",
          ast.Pow: "**", ast.BitAnd: "&", ast.BitOr: "|", ast.MatMult: "@"}
UNARY = {ast.USub: "-x", ast.Not: "not", ast.Invert: "~"}
COMPARE = {ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=",
           ast.In: "in", ast.NotIn: "not in", ast.Is: "is", ast.IsNot: "is not"}
BOOLEAN = {ast.And: "and", ast.Or: "or"}
STATEMENTS = {ast.For: "for ... in ...:", ast.If: "if ...:", ast.FunctionDef: "def f(...):",
              ast.Return: "return", ast.Assert: "assert", ast.Raise: "raise", ast.AugAssign: "x += y",
              ast.While: "while ...:", ast.Try: "try: ... except ...:", ast.With: "with ...:"}
LITERALS = {ast.List: "[a, b]", ast.Tuple: "(a, b)", ast.Dict: "{k: v}", ast.Set: "{a, b}",
            ast.ListComp: "[x for x in xs]", ast.SetComp: "{x for x in xs}",
            ast.DictComp: "{k: v for k in ks}", ast.IfExp: "a if condition else b",
            ast.JoinedStr: 'f"..."', ast.Lambda: "lambda"}
EXERCISE = re.compile(r"^q\d+$")


def code_lines(source: str) -> str:
    """Return a cell's source without IPython's own lines (``%magic``, ``!shell``), which are not Python.

    >>> code_lines("%matplotlib inline\\nx = 1")
    'x = 1'
    """
    return "\n".join(line for line in source.splitlines() if not line.lstrip().startswith(("%", "!")))


def _module_aliases(tree: ast.AST) -> dict[str, str]:
    """Return {name in the code: module or imported object} for every import in tree."""
    aliases = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                aliases[alias.asname or alias.name.split(".")[0]] = alias.name
        elif isinstance(node, ast.ImportFrom):
            for alias in node.names:
                aliases[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    return aliases


def _row_names(tree: ast.AST) -> set[str]:
    """Return the names that loops bind to the rows of ``.itertuples()`` (and to their numbers)."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.For, ast.comprehension)):
            calls = [n for n in ast.walk(node.iter) if isinstance(n, ast.Call)
                     and isinstance(n.func, ast.Attribute) and n.func.attr == "itertuples"]
            if calls:
                names |= {n.id for n in ast.walk(node.target) if isinstance(n, ast.Name)}
    return names


def _attribute_key(node: ast.Attribute, aliases: dict[str, str], rows: set[str], called: bool,
                   consumed: set[int]) -> str:
    """Name an attribute: module function or constant, exercise, row column, or method/attribute.

    An inner attribute that the name takes in (``ex.q1`` of ``ex.q1.check()``) goes into `consumed`.
    """
    suffix = "()" if called else ""
    value = node.value
    if isinstance(value, ast.Name):
        if value.id in rows:
            return "row.column"
        if value.id in aliases or value.id in ("dict", "str", "list"):
            return f"{value.id}.{node.attr}{suffix}"
    if isinstance(value, ast.Attribute):
        inner = value
        if isinstance(inner.value, ast.Name) and inner.value.id == "ex" and EXERCISE.match(inner.attr):
            consumed.add(id(inner))
            return f"ex.qN.{node.attr}{suffix}"
        if (isinstance(inner.value, ast.Name) and inner.value.id in aliases
                and aliases[inner.value.id] == inner.value.id):  # a module's own module: helpers.text
            consumed.add(id(inner))
            return f"{inner.value.id}.{inner.attr}.{node.attr}{suffix}"
        if inner.attr in ("str", "xaxis", "yaxis"):
            consumed.add(id(inner))
            return f".{inner.attr}.{node.attr}{suffix}"
    return f".{node.attr}{suffix}"


def _raw_strings(source: str) -> bool:
    """Return True if source writes a raw string (r"...")."""
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, SyntaxError):
        return False
    return any(t.type == tokenize.STRING and re.match(r"(?i)[bfu]?r", t.string) for t in tokens)


def context_of(sources: list[str]) -> dict:
    """Return what the cells of one notebook share: the names imports give, and the functions defined.

    A cell uses `re.findall` after another cell imported `re`: scan each cell with the context of
    its whole notebook. Cells that are not valid Python are left out.

    >>> context_of(["import re", "def f():\\n    pass"])
    {'aliases': {'re': 're'}, 'defined': {'f'}}
    """
    aliases: dict[str, str] = {}
    defined: set[str] = set()
    for source in sources:
        try:
            tree = ast.parse(code_lines(source))
        except SyntaxError:
            continue
        aliases.update(_module_aliases(tree))
        defined |= {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)}
    return {"aliases": aliases, "defined": defined}


def constructs(source: str, context: dict | None = None) -> set[str]:
    """Return the names of the pieces of Python that `source` uses (see the module's docstring).

    `context` (from `context_of`) gives the imports and functions of the cells around it.

    >>> sorted(constructs('found = re.findall(r"\\\\d+", article)'))
    ['"text"', '.findall()', 'name = value', 'r"..."']
    >>> sorted(constructs('found = re.findall(r"\\\\d+", article)', context_of(["import re"])))
    ['"text"', 'name = value', 'r"..."', 're.findall()']
    """
    source = code_lines(source)
    tree = ast.parse(source)
    context = context or {"aliases": {}, "defined": set()}
    aliases = {**context["aliases"], **_module_aliases(tree)}
    rows = _row_names(tree)
    defined = context["defined"] | {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)}
    found: set[str] = set()
    if _raw_strings(source):
        found.add('r"..."')
    if any(t.type == tokenize.COMMENT for t in _tokens(source)):
        found.add("# comment")
    called = {id(n.func) for n in ast.walk(tree) if isinstance(n, ast.Call)}
    # Type hints are named once ("x: str, -> str"); what they name is not code that runs.
    annotations = {id(n) for node in ast.walk(tree) for hint in _hints(node) for n in ast.walk(hint)}
    consumed: set[int] = set()
    for node in ast.walk(tree):
        kind = type(node)
        if id(node) in annotations or id(node) in consumed:
            continue
        if kind in STATEMENTS:
            found.add(STATEMENTS[kind])
            if kind is ast.If and node.orelse:
                found.add("else:")
        if kind in LITERALS:
            found.add(LITERALS[kind])
        if kind is ast.BinOp:
            found.add(BINARY.get(type(node.op), type(node.op).__name__))
        elif kind is ast.UnaryOp:
            found.add(UNARY.get(type(node.op), type(node.op).__name__))
        elif kind is ast.BoolOp:
            found.add(BOOLEAN[type(node.op)])
        elif kind is ast.Compare:
            found |= {COMPARE[type(op)] for op in node.ops}
        elif kind is ast.Import:
            for alias in node.names:
                found.add(f"import {alias.name}" + (f" as {alias.asname}" if alias.asname else ""))
        elif kind is ast.ImportFrom:
            for alias in node.names:
                name = re.sub(r"^nb\d\d$", "nbNN", alias.name)  # each notebook imports its own exercises
                found.add(f"from {node.module} import {name}" + (f" as {alias.asname}" if alias.asname else ""))
        elif kind is ast.Assign:
            if any(isinstance(t, ast.Tuple) for t in node.targets):
                found.add("a, b = ...")
            elif any(isinstance(t, ast.Subscript) for t in node.targets):
                found.add('table["new"] = ...')
            elif any(isinstance(t, ast.Attribute) for t in node.targets):
                found.add("x.attribute = ...")
            else:
                found.add("name = value")
        elif kind is ast.FunctionDef:
            if ast.get_docstring(node):
                found.add('"""docstring"""')
            if node.returns is not None or any(a.annotation is not None for a in node.args.args):
                found.add("x: str, -> str")
        elif kind is ast.comprehension:
            if node.ifs:
                found.add("... for x in xs if ...")
            if len([n for n in ast.walk(node.target) if isinstance(n, ast.Name)]) > 1:
                found.add("for a, b in ...")
        elif kind is ast.For and isinstance(node.target, ast.Tuple):
            found.add("for a, b in ...")
        elif kind is ast.Subscript:
            index = node.slice
            if isinstance(index, ast.Slice):
                found.add("x[a:b]")
            elif isinstance(index, ast.UnaryOp) and isinstance(index.op, ast.USub):
                found.add("x[-1]")
            elif isinstance(index, ast.List):
                found.add('table[["a", "b"]]')
            else:
                found.add("x[i]")
        elif kind is ast.Call:
            if node.keywords:
                found.add("f(x, name=value)")
            func = node.func
            if isinstance(func, ast.Name) and func.id not in defined:
                if func.id in aliases or func.id in BUILTIN_NAMES:
                    found.add(f"{func.id}()")
            elif isinstance(func, ast.Name):
                found.add("f(...)")
        elif kind is ast.Attribute:
            found.add(_attribute_key(node, aliases, rows, id(node) in called, consumed))
        elif kind is ast.Constant:
            if node.value is Ellipsis:
                found.add("...")
            elif node.value is None:
                found.add("None")
            elif isinstance(node.value, bool):
                found.add("True, False")
            elif isinstance(node.value, str):
                found.add('"text"')
        elif kind is ast.FormattedValue and node.format_spec is not None:
            found.add('f"{x:,}"')
    return found


def _hints(node: ast.AST) -> list[ast.AST]:
    """Return the type hints written on a function definition (its arguments' and its return's)."""
    if not isinstance(node, ast.FunctionDef):
        return []
    hints = [a.annotation for a in node.args.args if a.annotation is not None]
    return hints + ([node.returns] if node.returns is not None else [])


def _tokens(source: str) -> list[tokenize.TokenInfo]:
    try:
        return list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, SyntaxError):
        return []
