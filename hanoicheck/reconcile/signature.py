"""What a figure's own clause says about which quantity it is, weighed by rarity.

"95 countries backed a call for a plastics treaty" and "37 countries joined the
deep-sea mining moratorium" are both counts of countries that signed something; only
the words around them ("plastics", "moratorium") tell them apart. And "more than 60
heads of state" in a wire story and "more than 16 heads of state" in its reprint are
tied by nearly every word they share. So each claim gets the content words of its
clause near the figure (function words and generic news words, from
``data/reconcile.toml`` ``[signature]``, left out), and each word a weight by how rare
it is among the claims of its story (a word every claim of the story uses, "quake",
"ministry", says nothing; a name two claims share says a lot).

Two claims' signatures *tie* them when most of the lighter one's weight is shared,
and *separate* them when each holds rare words the other lacks and they share little.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from hanoicheck.model import Claim
from hanoicheck.reconcile.vocabulary import Vocabulary, fold

WINDOW = 12  # words each side of the figure
TIE = 0.5  # share of the lighter signature's weight that ties two claims
MIN_SHARED = 2
APART = 0.2  # at most this much shared, with rare words on both sides: two things
RARE_SHARE = 0.2  # a word at most this share of a story's sources use is rare there
NAME_BONUS = 1.5  # capitalised words (names) weigh more than common nouns
_TOKEN = re.compile(r"[A-Za-z\u00c0-\u024f][\w'\u2019-]*")
_CLAUSE = re.compile(r";|\s[\u2013\u2014]\s|,\s+(?:while|whereas|but)\s")


@lru_cache(maxsize=65536)
def _words(sentence: str, quote: str, stopwords: frozenset[str]) -> tuple[tuple[str, bool], ...]:
    """(folded word, is a name) of the clause around the quote, nearest first."""
    at = sentence.find(quote)
    if at < 0:
        at, end = 0, len(sentence)
    else:
        end = at + len(quote)
    low = 0
    for match in _CLAUSE.finditer(sentence, 0, at):
        low = match.end()
    stop = _CLAUSE.search(sentence, end)
    high = stop.start() if stop else len(sentence)
    before = [
        (m.group(0), m.start())
        for m in _TOKEN.finditer(sentence, low, at)
        if m.start() > 0  # a sentence's first word is capitalised by grammar, not a name
    ][-WINDOW:]
    after = [(m.group(0), m.start()) for m in _TOKEN.finditer(sentence, end, high)][:WINDOW]
    found: dict[str, bool] = {}
    for word, _ in [*reversed(before), *after]:
        folded = _stem(fold(word).strip("'\u2019-").removesuffix("'s"))
        if len(folded) < 3 or folded in stopwords or any(ch.isdigit() for ch in folded):
            continue
        name = word[:1].isupper() and word.lower() != word
        found[folded] = found.get(folded, False) or name
    return tuple(found.items())


def _stem(word: str) -> str:
    """Plural and singular as one word: "ratifications" = "ratification"."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def context_words(claim: Claim, vocabulary: Vocabulary) -> tuple[tuple[str, bool], ...]:
    """The content words (and whether each is a name) of the clause around a claim."""
    return _words(claim.sentence, claim.quote, vocabulary.signature_stopwords)


@dataclass(frozen=True, slots=True)
class Signature:
    """A claim's weighted content words, and which of them are rare in its story."""

    weights: Mapping[str, float]
    rare: frozenset[str]
    names: frozenset[str] = frozenset()  # rare words written as names ("Morocco")
    mass: float = field(init=False)  # the weights' sum, summed once (compared per pair)

    def __post_init__(self) -> None:
        object.__setattr__(self, "mass", sum(self.weights.values()))


EMPTY = Signature({}, frozenset())


def signatures(
    claims: Iterable[tuple[str, str, tuple[tuple[str, bool], ...]]],
) -> list[Signature]:
    """Signatures of ``(story, source, words)`` items, weighed within each story.

    Weights follow how many of the story's claims use a word; a word is *rare* when
    few of the story's sources use it around their figures ("Afghanistan", named by
    every source of an Afghan quake, is not).
    """
    items = list(claims)
    frequency: dict[str, Counter[str]] = {}
    sources: dict[str, dict[str, set[str]]] = {}
    sizes: Counter[str] = Counter()
    for story, source, words in items:
        sizes[story] += 1
        frequency.setdefault(story, Counter()).update({w for w, _ in words})
        used = sources.setdefault(story, {})
        for word, _ in words:
            used.setdefault(word, set()).add(source)
    documents = {
        story: len({s for u in used.values() for s in u}) for story, used in sources.items()
    }
    result = []
    # A signature depends on its story and its words only (not on its source): claims
    # quoting one clause (a copied sentence, a sentence's several figures) share one.
    made: dict[tuple[str, tuple[tuple[str, bool], ...]], Signature] = {}
    for story, _, words in items:
        known = made.get((story, words))
        if known is not None:
            result.append(known)
            continue
        total = sizes[story]
        counts = frequency[story]
        used = sources[story]
        weights = {}
        rare = set()
        names = set()
        for word, name in words:
            share = len(used[word]) / max(documents[story], 1)
            weights[word] = (math.log((1 + total) / (1 + counts[word])) + 1) * (
                NAME_BONUS if name else 1.0
            )
            if share <= RARE_SHARE or len(used[word]) <= 2:
                rare.add(word)
                if name:
                    names.add(word)
        made[(story, words)] = signature = Signature(weights, frozenset(rare), frozenset(names))
        result.append(signature)
    return result


@dataclass(frozen=True, slots=True)
class Comparison:
    """How two signatures relate: the share of the lighter one's weight they share."""

    share: float
    shared: tuple[str, ...]
    only_a: tuple[str, ...]
    only_b: tuple[str, ...]

    @property
    def ties(self) -> bool:
        """Most of the lighter clause's weight shared, in two words at least, one of
        them a name few of the story's figures have around them ("Morocco", "Monaco"):
        "the United Nations fund" around two different UN amounts ties nothing."""
        return self.share >= TIE and len(self.shared) >= MIN_SHARED and bool(self.shared_names)

    names_a: tuple[str, ...] = ()
    names_b: tuple[str, ...] = ()
    shared_names: tuple[str, ...] = ()

    @property
    def apart(self) -> bool:
        return self.share <= APART and bool(self.only_a) and bool(self.only_b)

    @property
    def named_apart(self) -> bool:
        """Each clause names someone or something rare that the other does not name:
        "Indonesia ratified on June 11" and "Greece ratified on June 9"."""
        return bool(self.names_a) and bool(self.names_b)


def compare(a: Signature, b: Signature) -> Comparison:
    """Compare two claims' signatures (see the module docstring)."""
    wa, wb = a.weights, b.weights
    if not wa or not wb:
        return Comparison(0.0, (), (), ())
    # heaviest first, then alphabetical: never in the order of a set (which varies
    # with the process's string hashes)
    shared = sorted(wa.keys() & wb.keys(), key=lambda w: (-wa[w], w))
    weight = sum(min(wa[w], wb[w]) for w in shared)
    share = weight / min(a.mass, b.mass)
    only_a = tuple(sorted(a.rare.difference(wb), key=lambda w: (-wa[w], w)))
    only_b = tuple(sorted(b.rare.difference(wa), key=lambda w: (-wb[w], w)))
    names_a = tuple(sorted(a.names.difference(wb)))
    names_b = tuple(sorted(b.names.difference(wa)))
    common = tuple(sorted(a.names & b.names))
    if common:
        names_a = names_b = ()  # they name someone in common
    return Comparison(share, tuple(shared), only_a, only_b, names_a, names_b, common)
