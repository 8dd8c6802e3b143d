"""The word lists are data (``hanoicheck/data/lexicon.toml``), and the data and the code
agree: every list or table the code asks for by name exists, and every one the file
holds is asked for by some module (a list nobody reads is a word list that silently
does nothing when an editor extends it)."""

from __future__ import annotations

import re

from hanoicheck.lexicon import default_lexicon
from tests.gold import ROOT

_ASKED = re.compile(r"\b_?(words|table)\(\s*[\"']([a-z_]+)[\"']\s*\)")


def _asked_for() -> dict[str, set[str]]:
    asked: dict[str, set[str]] = {"words": set(), "table": set()}
    for path in (ROOT / "hanoicheck").rglob("*.py"):
        for kind, name in _ASKED.findall(path.read_text("utf-8")):
            asked[kind].add(name)
    return asked


def test_every_list_the_code_asks_for_exists() -> None:
    lexicon = default_lexicon()
    asked = _asked_for()
    assert asked["words"], "no module reads a word list by name"
    assert asked["words"] <= set(lexicon.lists), asked["words"] - set(lexicon.lists)
    assert asked["table"] <= set(lexicon.tables), asked["table"] - set(lexicon.tables)


def test_every_list_in_the_data_is_read() -> None:
    """Some modules read a list through a helper of their own (``_words("name")``) or
    pass its name on: a list counts as read when its name is a string in the code."""
    lexicon = default_lexicon()
    code = "\n".join(p.read_text("utf-8") for p in (ROOT / "hanoicheck").rglob("*.py"))
    named = set(re.findall(r"[\"']([a-z_]+)[\"']", code))
    assert set(lexicon.lists) - named == set()
    assert set(lexicon.tables) - named == set()


def test_lists_are_lower_case_without_repeats() -> None:
    for name, words in default_lexicon().lists.items():
        assert len(set(words)) == len(words), name
        assert all(w == w.lower() and w.strip() == w and w for w in words), name
