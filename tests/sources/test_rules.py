"""The word lists of ``data/sources.toml`` and the code that looks them up agree.

The sources modules read their words as ``source_rules()["table"]["key"]``. A renamed
or removed entry would raise ``KeyError`` only when the lookup runs, and an entry the
code no longer reads would go on looking like a rule. So the lookups are found in the
code (by walking its syntax tree) and compared with the data, both ways.
"""

from __future__ import annotations

import ast
from pathlib import Path

import hanoicheck.sources
from hanoicheck.lexicon import source_rules

PACKAGE = Path(hanoicheck.sources.__file__).parent


def lookups() -> set[tuple[str, str]]:
    """Every ``source_rules()["table"]["key"]`` written in the sources package."""
    found: set[tuple[str, str]] = set()
    for module in sorted(PACKAGE.glob("*.py")):
        for node in ast.walk(ast.parse(module.read_text("utf-8"))):
            if not (isinstance(node, ast.Subscript) and isinstance(node.value, ast.Subscript)):
                continue
            call, table, key = node.value.value, node.value.slice, node.slice
            if isinstance(call, ast.Call) and ast.unparse(call.func) == "source_rules":
                assert isinstance(table, ast.Constant) and isinstance(key, ast.Constant), (
                    f"{module.name}:{node.lineno}: look rules up by literal names"
                )
                found.add((str(table.value), str(key.value)))
    return found


def test_every_lookup_exists_in_the_data_and_every_entry_is_looked_up() -> None:
    data = {(table, key) for table, entries in source_rules().items() for key in entries}
    code = lookups()
    assert len(code) >= 15  # the walk really finds the lookups
    assert code - data == set(), "looked up in code, missing from data/sources.toml"
    assert data - code == set(), "in data/sources.toml, read by no code"


def test_rules_are_non_empty_lists_of_distinct_words() -> None:
    for table, entries in source_rules().items():
        for key, words in entries.items():
            assert words, f"{table}.{key} is empty"
            assert len(set(words)) == len(words), f"{table}.{key} repeats a word"
            assert all(word.strip() == word and word for word in words), f"{table}.{key}"
