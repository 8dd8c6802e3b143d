"""Find every regular expression hanoicheck uses, by introspection, with how it is used.

The regex-safety test must cover patterns added later without anyone remembering to
list them, so patterns are collected three ways:

* compiled ``re.Pattern`` objects at module level;
* the ``@cache``'d zero-argument pattern factories (``_patterns()``, ``_mask_pattern()``),
  called, with every pattern in the dict (or the single pattern) they return;
* string literals passed straight to ``re.search``/``re.finditer``/... inside functions,
  found in the module's source by walking its AST.

How a pattern is *used* matters: a pattern only ever run anchored (``match`` or
``fullmatch`` at a given position) scans once, so a leading ``[ \\t]*`` that would be
quadratic under ``search`` is harmless. The AST also tells which methods are called on
each pattern; a pattern is tested anchored only when every call site is anchored, and
under ``search`` (the strictest mode) otherwise or when no call site is found.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Literal

import hanoicheck

Mode = Literal["search", "anchored"]

_ANCHORED = frozenset({"match", "fullmatch"})
_SCANNING = frozenset({"search", "finditer", "findall", "sub", "subn", "split"})
_FLAG_NAMES = {
    "I": re.IGNORECASE,
    "IGNORECASE": re.IGNORECASE,
    "M": re.MULTILINE,
    "MULTILINE": re.MULTILINE,
    "S": re.DOTALL,
    "DOTALL": re.DOTALL,
    "X": re.VERBOSE,
    "VERBOSE": re.VERBOSE,
    "A": re.ASCII,
    "ASCII": re.ASCII,
}


@dataclass(frozen=True)
class FoundPattern:
    """One pattern, where it was found (for the test id) and how it is used."""

    name: str
    pattern: re.Pattern[str]
    mode: Mode


def modules(failures: dict[str, str] | None = None) -> Iterator[ModuleType]:
    """Every importable module of the hanoicheck package.

    A module that fails to import is recorded in ``failures`` (name -> error) instead of
    stopping the walk, so the caller can report it: its patterns would go unchecked.
    """
    yield hanoicheck
    for info in pkgutil.walk_packages(hanoicheck.__path__, "hanoicheck."):
        try:
            yield importlib.import_module(info.name)
        except Exception as exc:
            if failures is not None:
                failures[info.name] = f"{type(exc).__name__}: {exc}"


def _usage(tree: ast.AST) -> dict[str, set[str]]:
    """Methods called on each pattern: ``NAME.method`` and ``anything["key"].method``."""
    usage: dict[str, set[str]] = {}
    for node in ast.walk(tree):
        if not isinstance(node, ast.Attribute) or node.attr not in _ANCHORED | _SCANNING:
            continue
        target = node.value
        if isinstance(target, ast.Name):
            usage.setdefault(target.id, set()).add(node.attr)
        elif (
            isinstance(target, ast.Subscript)
            and isinstance(target.slice, ast.Constant)
            and isinstance(target.slice.value, str)
        ):
            usage.setdefault(f"[{target.slice.value}]", set()).add(node.attr)
        elif isinstance(target, ast.Call) and isinstance(target.func, ast.Name):
            usage.setdefault(f"{target.func.id}()", set()).add(node.attr)
    return usage


def _mode(methods: set[str] | None) -> Mode:
    return "anchored" if methods and methods <= _ANCHORED else "search"


def _flags(node: ast.expr | None) -> int:
    """The value of a simple flags expression (``re.I``, ``re.I | re.M``); 0 otherwise."""
    if isinstance(node, ast.Attribute) and node.attr in _FLAG_NAMES:
        return _FLAG_NAMES[node.attr]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return _flags(node.left) | _flags(node.right)
    return 0


def _inline(tree: ast.AST, module: str) -> Iterator[FoundPattern]:
    """``re.search(r"literal", ...)`` and friends written inside functions."""
    for node in ast.walk(tree):
        if not (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "re"
            and node.func.attr in _ANCHORED | _SCANNING | {"compile"}
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            continue
        flag_node = next((k.value for k in node.keywords if k.arg == "flags"), None)
        if flag_node is None and node.func.attr == "compile" and len(node.args) > 1:
            flag_node = node.args[1]
        mode: Mode = "anchored" if node.func.attr in _ANCHORED else "search"
        name = f"{module}:{node.lineno}:re.{node.func.attr}"
        yield FoundPattern(name, re.compile(node.args[0].value, _flags(flag_node)), mode)


def collect(failures: dict[str, str] | None = None) -> list[FoundPattern]:
    """Every pattern of the package, deduplicated by (pattern text, flags)."""
    found: dict[tuple[str, int], FoundPattern] = {}

    def add(item: FoundPattern, *, weak: bool = False) -> None:
        # ``weak``: an inline ``re.compile`` literal says nothing about how the compiled
        # pattern is used, so it never overrides the mode found for the named pattern.
        key = (item.pattern.pattern, item.pattern.flags)
        previous = found.get(key)
        if previous is None or (not weak and previous.mode == "anchored" and item.mode == "search"):
            found[key] = item

    for module in modules(failures):
        source = Path(module.__file__ or "").read_text("utf-8")
        tree = ast.parse(source)
        usage = _usage(tree)
        short = module.__name__.removeprefix("hanoicheck.")
        for attr, value in sorted(vars(module).items()):
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                add(FoundPattern(f"{short}.{attr}", value, _mode(usage.get(attr))))
            elif callable(value) and hasattr(value, "cache_info"):
                if getattr(value, "__module__", None) != module.__name__:
                    continue
                try:
                    signature = inspect.signature(value)
                except (TypeError, ValueError):  # pragma: no cover - builtins
                    continue
                if any(p.default is p.empty for p in signature.parameters.values()):
                    continue
                result = value()
                if isinstance(result, re.Pattern):
                    add(FoundPattern(f"{short}.{attr}()", result, _mode(usage.get(f"{attr}()"))))
                elif isinstance(result, dict):
                    for key, pattern in result.items():
                        if isinstance(pattern, re.Pattern):
                            mode = _mode(usage.get(f"[{key}]"))
                            add(FoundPattern(f"{short}.{attr}()[{key}]", pattern, mode))
        for item in _inline(tree, short):
            add(item, weak=item.name.endswith("re.compile"))
    return sorted(found.values(), key=lambda item: item.name)
