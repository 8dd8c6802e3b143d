"""The reconciler's words (``data/reconcile.toml``) and the text folding that uses them.

Fuzzy comparison runs on folded text: lower case, accents removed (so "Phạm Minh
Chính" = "Pham Minh Chinh"), punctuation dropped, and synonyms mapped to one word
("nations" -> "countries"), so rapidfuzz's token scorers measure what the phrases
mean, not how each writer worded them.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from rapidfuzz import fuzz

_WORD = re.compile(r"[\w][\w.'-]*")


@dataclass(frozen=True, slots=True, eq=False)
class Vocabulary:
    """Lower-case, accent-folded word lists the reconciler reads."""

    count_classes: dict[str, str]  # "noun|role" or "noun" -> class name
    class_exclusions: dict[str, tuple[str, ...]]  # class name -> words that keep a quote out
    cumulative_roles: frozenset[str]
    cumulative_nouns: frozenset[str]
    cumulative_markers: tuple[str, ...]
    headcount_nouns: frozenset[str]
    fixed_roles: frozenset[str]
    monotone_roles: frozenset[str]
    falling_roles: frozenset[str]
    cumulative_events: frozenset[str]
    daily_roles: frozenset[str]
    umbrella_events: frozenset[str]
    recurring_events: frozenset[str]
    daily_events: frozenset[str]
    repeated_events: frozenset[str]
    owners: dict[str, str]  # surface -> canonical owner
    synonyms: dict[str, str]  # word or phrase -> canonical word
    story_stopwords: frozenset[str]
    signature_stopwords: frozenset[str] = frozenset()
    authorities: dict[str, str] | None = None  # folded word -> canonical authority
    vague_nouns: frozenset[str] = frozenset()  # "people", "tonnes": no quantity alone
    # story's main event -> count class -> the class it is in that story
    story_classes: dict[str, dict[str, str]] = field(default_factory=dict)
    short_rates: frozenset[str] = frozenset()  # periods of money that is a rate

    def authority(self, raw: str | None) -> str | None:
        """One name per authority, or None when the phrase names no particular one.

        An acronym names its body ("CGT", "UNHCR"); otherwise the last word that is an
        authority noun decides ("the interior ministry", "Interior Minister Bruno
        Retailleau" -> ministry); a bare name is its own authority ("Mujahid").
        """
        if not raw:
            return None
        table = self.authorities or {}
        words = raw.replace("\u2019", "'").split()
        acronyms = [
            w.strip(".,'s")
            for w in words
            if len(w.strip(".,'s")) >= 2 and w.strip(".,'s").isupper()
        ]
        if acronyms:
            return fold(acronyms[-1])
        folded = [fold(w).removesuffix("'s") for w in words]
        phrase = " ".join(folded)
        for surface, name in sorted(table.items(), key=lambda item: -len(item[0])):
            if " " in surface and surface in phrase:
                return None if name == "generic" else name
        for word in reversed(folded):
            if word in table:
                return None if table[word] == "generic" else table[word]
        names = [w for w, raw_word in zip(folded, words, strict=True) if raw_word[:1].isupper()]
        return names[-1] if names else None

    def count_class(self, noun: str, role: str | None, quote: str = "") -> str:
        """The class a counted noun and role belong to ("countries|attended" -> ...).

        A quote holding one of the class's excluded words stays in its own class:
        "75 national and international delegations" are not 75 countries.
        """
        for key in (f"{noun}|{role}" if role else None, noun):
            klass = self.count_classes.get(key) if key else None
            if klass and not any(
                w in fold(quote).split() for w in self.class_exclusions.get(klass, ())
            ):
                return klass
        return f"{noun}|{role or ''}"

    def owner(self, raw: str | None) -> str | None:
        """One name per payer: "Australian", "Australia's" -> "australia"."""
        if not raw:
            return None
        folded = fold(raw)
        folded = re.sub(r"^(?:the|a|an)\s+", "", folded)
        folded = re.sub(r"(?:'s|s')$", "", folded).strip()
        return self.owners.get(folded, folded) or None

    def canonical_words(self, text: str) -> list[str]:
        """Folded words of ``text`` with synonyms (phrases first) mapped to one word."""
        folded = fold(text)
        for phrase, canonical in self._phrases:
            if phrase in folded:
                folded = re.sub(rf"\b{re.escape(phrase)}\b", canonical, folded)
        return [self.synonyms.get(w, w) for w in _WORD.findall(folded)]

    @property
    def _phrases(self) -> list[tuple[str, str]]:
        return _phrase_table(self)


@cache
def _phrase_table(vocabulary: Vocabulary) -> list[tuple[str, str]]:
    phrases = [(k, v) for k, v in vocabulary.synonyms.items() if " " in k]
    return sorted(phrases, key=lambda kv: len(kv[0]), reverse=True)


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower case without accents or odd apostrophes: "Chính" -> "chinh", curly -> straight.

    Cached: the reconciler folds the same names, outlets and event words hundreds of
    thousands of times over a large corpus.
    """
    if text.isascii():
        return " ".join(text.casefold().split())
    decomposed = unicodedata.normalize("NFKD", text.replace("\u2019", "'").replace("đ", "d"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.replace("Đ", "D").casefold().split())


def similarity(a: str, b: str, vocabulary: Vocabulary) -> float:
    """0-100: how alike two phrases are once folded and synonym-mapped.

    ``token_set_ratio`` scores "plenary session" against "first high-level plenary
    session" high (one phrase's words are inside the other's) without caring about
    order, which is how news reworded the same session name.
    """
    left = " ".join(vocabulary.canonical_words(a))
    right = " ".join(vocabulary.canonical_words(b))
    if not left or not right:
        return 0.0
    return float(fuzz.token_set_ratio(left, right))


def _fold_all(values: Iterable[Any]) -> list[str]:
    return [fold(str(v)) for v in values]


def _invert(table: dict[str, Sequence[Any]], include_keys: bool = True) -> dict[str, str]:
    inverted: dict[str, str] = {}
    for canonical, forms in table.items():
        key = fold(canonical)
        if include_keys:
            inverted[key] = key
        for form in _fold_all(forms):
            inverted[form] = key
    return inverted


def load_vocabulary(text: str, extra_synonyms: Sequence[Sequence[str]] = ()) -> Vocabulary:
    """A vocabulary from TOML text, plus a project's extra synonym groups."""
    raw = tomllib.loads(text)
    classes = _invert(raw.get("count_classes", {}), include_keys=False)
    exclusions = {fold(k): tuple(_fold_all(v)) for k, v in raw.get("class_exclusions", {}).items()}
    owners = _invert(raw.get("owners", {}))
    owners.update(_invert(raw.get("demonyms", {})))
    synonyms: dict[str, str] = {}
    for group in [*raw.get("synonyms", {}).get("groups", []), *extra_synonyms]:
        words = _fold_all(group)
        if words:
            synonyms.update(dict.fromkeys(words, words[0]))
    events = raw.get("events", {})
    cumulative = raw.get("cumulative", {})
    return Vocabulary(
        count_classes=classes,
        class_exclusions=exclusions,
        cumulative_roles=frozenset(_fold_all(cumulative.get("roles", []))),
        cumulative_nouns=frozenset(_fold_all(cumulative.get("nouns", []))),
        cumulative_markers=tuple(_fold_all(cumulative.get("markers", []))),
        cumulative_events=frozenset(_fold_all(cumulative.get("events", []))),
        monotone_roles=frozenset(_fold_all(cumulative.get("monotone_roles", []))),
        falling_roles=frozenset(_fold_all(cumulative.get("falling_roles", []))),
        fixed_roles=frozenset(_fold_all(cumulative.get("fixed_roles", []))),
        headcount_nouns=frozenset(_fold_all(raw.get("headcounts", {}).get("nouns", []))),
        daily_roles=frozenset(_fold_all(cumulative.get("daily_roles", []))),
        umbrella_events=frozenset(_fold_all(events.get("umbrella", []))),
        recurring_events=frozenset(_fold_all(events.get("recurring", []))),
        daily_events=frozenset(_fold_all(events.get("daily", []))),
        repeated_events=frozenset(_fold_all(events.get("repeated", []))),
        owners=owners,
        synonyms=synonyms,
        story_stopwords=frozenset(_fold_all(raw.get("story", {}).get("stopwords", []))),
        signature_stopwords=frozenset(_fold_all(raw.get("signature", {}).get("stopwords", []))),
        authorities=_invert(raw.get("authorities", {})),
        vague_nouns=frozenset(_fold_all(raw.get("vague", {}).get("nouns", []))),
        short_rates=frozenset(_fold_all(raw.get("rates", {}).get("short", []))),
        story_classes={
            fold(event): {str(k): str(v) for k, v in table.items()}
            for event, table in raw.get("story_classes", {}).items()
        },
    )


@cache
def default_vocabulary() -> Vocabulary:
    """The vocabulary shipped with the package."""
    text = resources.files("hanoicheck").joinpath("data/reconcile.toml").read_text("utf-8")
    return load_vocabulary(text)


def vocabulary_with(extra_synonyms: Sequence[Sequence[str]]) -> Vocabulary:
    """The shipped vocabulary plus a project's synonym groups (from its config)."""
    if not extra_synonyms:
        return default_vocabulary()
    text = resources.files("hanoicheck").joinpath("data/reconcile.toml").read_text("utf-8")
    return load_vocabulary(text, extra_synonyms)
