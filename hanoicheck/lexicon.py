"""Vocabularies (nouns, roles, money types, currencies, events) loaded from package data.

The words that carry meaning live in ``data/lexicon.toml`` rather than in code, so an
editor can extend them and a project config can add synonyms. Loading is lazy and
cached: importing this module costs nothing, which keeps CLI start-up fast.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any


@dataclass(frozen=True, slots=True, eq=False)
class Lexicon:
    """Lower-case vocabularies; every mapping goes from canonical label to surface cues."""

    nouns: dict[str, tuple[str, ...]]
    roles: dict[str, tuple[str, ...]]
    default_roles: dict[str, str]
    money_types: dict[str, tuple[str, ...]]
    currencies: dict[str, tuple[str, ...]]
    events: dict[str, tuple[str, ...]]
    tables: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)
    lists: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def table(self, name: str) -> dict[str, tuple[str, ...]]:
        """A label -> surfaces table of ``[tables.NAME]`` (a missing one is an error)."""
        return self.tables[name]

    def words(self, name: str) -> tuple[str, ...]:
        """A plain word list of ``[lists]`` (a missing one is an error)."""
        return self.lists[name]

    @property
    def noun_by_surface(self) -> dict[str, str]:
        return _surface_index(self, "nouns")

    @property
    def currency_by_surface(self) -> dict[str, str]:
        return _surface_index(self, "currencies")


@cache
def _surface_index(lexicon: Lexicon, table: str) -> dict[str, str]:
    """Surface form (lower case) -> canonical label, built once per lexicon table."""
    return {k.lower(): v for k, v in _invert(getattr(lexicon, table)).items()}


def _invert(table: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {surface: canonical for canonical, forms in table.items() for surface in forms}


def _tuples(raw: dict[str, Any]) -> dict[str, tuple[str, ...]]:
    return {str(k): tuple(str(x).lower() for x in v) for k, v in raw.items()}


@cache
def default_lexicon() -> Lexicon:
    """The lexicon shipped with the package."""
    text = resources.files("hanoicheck").joinpath("data/lexicon.toml").read_text("utf-8")
    raw = tomllib.loads(text)
    return Lexicon(
        nouns=_tuples(raw["nouns"]),
        roles=_tuples(raw["roles"]),
        default_roles={str(k): str(v) for k, v in raw["default_roles"].items()},
        money_types=_tuples(raw["money_types"]),
        currencies={k: tuple(str(x) for x in v) for k, v in raw["currencies"].items()},
        events=_tuples(raw["events"]),
        tables={str(k): _tuples(v) for k, v in raw.get("tables", {}).items()},
        lists={str(k): tuple(str(x).lower() for x in v) for k, v in raw.get("lists", {}).items()},
    )


@cache
def data_table(name: str) -> dict[str, Any]:
    """One TOML file of ``hanoicheck/data`` (``context`` for ``data/context.toml``), parsed once."""
    text = resources.files("hanoicheck").joinpath(f"data/{name}.toml").read_text("utf-8")
    return tomllib.loads(text)


def phrases(words: list[str] | tuple[str, ...]) -> str:
    """A regex for any of ``words`` as whole words, a space matching any white space.

    For cue lists read from the data files: "is expected to" also matches a line
    break between its words, and "will" never matches inside "goodwill".
    """
    spaced = alternation(words).replace("\\ ", "\\s+")
    return rf"(?<![\w'\u2019])(?:{spaced})(?![\w])"


def alternation(words: list[str] | tuple[str, ...]) -> str:
    """A regex matching any of ``words`` literally, preferring the longest.

    Built as a trie ("sign(?:ed|ator(?:ies|y)|...)") rather than a flat list of
    alternatives: the regex engine tries a flat list one word at a time at every word
    boundary, and scanning for cues was the largest single cost of extraction. The trie
    matches exactly what the flat, longest-first list did, three to four times faster.
    """
    from retrie.trie import Trie

    trie = Trie()
    trie.add(*sorted(set(words)))
    return str(trie.pattern())


@cache
def source_rules() -> dict[str, dict[str, tuple[str, ...]]]:
    """The word lists of the sources stage (``data/sources.toml``): table -> key -> words.

    Apart from ``lexicon.toml`` because they describe pages (credits, layout debris,
    metadata keys, wire names), not the vocabulary of claims. A typed view of
    :func:`data_table`: every entry is a list of words, which keep their case (wire
    names are matched as written). Shared by every caller; treat it as read-only.
    """
    return {
        str(table): {str(key): tuple(str(word) for word in words) for key, words in entries.items()}
        for table, entries in data_table("sources").items()
    }
