"""The house is one-directional: no module imports one from a layer above it.

Data flows sources -> extract -> reconcile -> gate -> formats -> driver -> api -> cli.
The gate's rules sit below ``formats`` because the formats render a ``GateResult``; the
gate as a library call (``api.check_paths``) sits in ``api``. Every module must be
declared here, so a new one is placed on purpose. Imports are read with ``ast``, all of
them (inside functions and ``TYPE_CHECKING`` blocks too): a lazy import is still a
dependency.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.gold import ROOT

PACKAGE = ROOT / "hanoicheck"

#: Bottom to top; a name covers the module and, for a package, everything in it.
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    (
        "foundation",
        (
            "hanoicheck",  # the package itself: version, default corpus
            "hanoicheck.model",
            "hanoicheck.lexicon",
            "hanoicheck.calendar",
            "hanoicheck.intervals",
            "hanoicheck.interning",
            "hanoicheck.escaping",
            "hanoicheck.output",
            "hanoicheck.gitfiles",
        ),
    ),
    ("sources", ("hanoicheck.sources",)),
    ("extract", ("hanoicheck.extract",)),
    ("reconcile", ("hanoicheck.reconcile",)),
    ("gate", ("hanoicheck.gate",)),
    ("formats", ("hanoicheck.formats",)),
    (
        "driver",
        (
            "hanoicheck.config",
            "hanoicheck.store",
            "hanoicheck.cache",
            "hanoicheck.parallel",
            "hanoicheck.workers",
            "hanoicheck.years",
        ),
    ),
    ("api", ("hanoicheck.api",)),
    (
        "cli",
        (
            "hanoicheck.options",
            "hanoicheck.progress",
            "hanoicheck.coercion",
            "hanoicheck.clikit",
            "hanoicheck.cli",
        ),
    ),
]


def _module(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def layer_of(module: str) -> int:
    """The index of the layer declaring ``module`` (the most specific name wins)."""
    best: tuple[int, int] | None = None
    for index, (_, names) in enumerate(LAYERS):
        for name in names:
            covers = module == name or (name != "hanoicheck" and module.startswith(name + "."))
            if covers and (best is None or len(name) > best[1]):
                best = (index, len(name))
    if best is None:
        raise AssertionError(f"{module} is in no layer: declare it in tests/test_layers.py")
    return best[0]


def imports_of(module: str) -> set[str]:
    """Every hanoicheck module ``module`` imports, resolved to module names."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                found.add(candidate if candidate in MODULES else base)
    return {name for name in found if name == "hanoicheck" or name.startswith("hanoicheck.")}


def test_every_module_has_a_layer() -> None:
    for module in MODULES:
        layer_of(module)


def test_no_module_imports_one_above_it() -> None:
    upward = [
        f"{module} ({LAYERS[layer_of(module)][0]}) imports {target} ({LAYERS[layer_of(target)][0]})"
        for module in MODULES
        for target in sorted(imports_of(module))
        if layer_of(target) > layer_of(module)
    ]
    assert upward == []


def test_the_cache_is_below_the_api() -> None:
    assert "hanoicheck.api" not in imports_of("hanoicheck.cache")
    assert "hanoicheck.cli" not in imports_of("hanoicheck.api")


def test_the_checker_sees_imports_of_every_kind() -> None:
    """The checker itself: lazy, ``from package import module`` and relative imports."""
    assert "hanoicheck.options" in imports_of("hanoicheck.cli")  # from hanoicheck import options
    assert "hanoicheck.api" in imports_of("hanoicheck.cli")  # inside functions
    assert "hanoicheck.formats.columns" in imports_of("hanoicheck.cache")
    assert layer_of("hanoicheck.formats.conflicts") == layer_of("hanoicheck.formats")
