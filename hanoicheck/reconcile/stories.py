"""Which sources tell the same story, so claims of unrelated stories are never compared.

A folder may hold coverage of many events ("72 countries signed" a plastics treaty and
"56 countries signed" an AI declaration do not conflict). Sources are linked when they
share enough distinctive capitalised words (names of places, bodies, treaties,
people), weighted by how rare each word is in the corpus; stories are the connected
components. Words shared by more than :data:`MAX_SHARED_BY` sources say nothing about
one story and are skipped, which also keeps the cost near-linear in the corpus size.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from functools import cache

from hanoicheck.lexicon import default_lexicon
from hanoicheck.model import Claim
from hanoicheck.reconcile.vocabulary import Vocabulary, fold

MAX_SHARED_BY = 200
MIN_SHARED_WORDS = 2
MIN_SHARED_WEIGHT = 0.2
SINGLE_WORD_SHARE = 0.5
MAX_DAYS_APART = 60

_NAME = re.compile(r"(?<![\w'\u2019])[A-Z][\w\u2019'.-]*[\w]|\b[A-Z]{2,}\b")


def story_words(claims: Iterable[Claim], vocabulary: Vocabulary) -> set[str]:
    """Distinctive capitalised words of one source's claim sentences and events."""
    words: set[str] = set()
    outlets: set[str] = set()
    for claim in claims:
        if claim.outlet:
            outlets.update(fold(claim.outlet).split())
        texts = [claim.sentence, claim.event.parent or ""]
        for text in texts:
            for match in _NAME.finditer(text):
                word = fold(match.group(0)).strip(".'-")
                word = re.sub(r"'s$", "", word)
                if len(word) >= 3 and not word.isdigit():
                    words.add(word)
    ignored = vocabulary.story_stopwords | outlets | _currency_codes() | _payers(vocabulary)
    return {w for w in words if w not in ignored and not any(ch.isdigit() for ch in w)}


@cache
def _payers(vocabulary: Vocabulary) -> frozenset[str]:
    """Donor countries and bodies ("Australia pledged", "Swiss") recur across stories."""
    names = set(vocabulary.owners) | set(vocabulary.owners.values())
    return frozenset(word for name in names for word in name.split())


@cache
def _currency_codes() -> frozenset[str]:
    """ISO 4217 codes ("AUD", "JPY") name a unit, not a story."""
    return frozenset(code.lower() for code in default_lexicon().currencies)


class _UnionFind:
    """Union-find over sources that also tracks each story's span of dates."""

    def __init__(self, items: Iterable[str], times: Mapping[str, float | None]) -> None:
        self.parent = {item: item for item in items}
        self.span: dict[str, tuple[float, float] | None] = {}
        for item in self.parent:
            t = times.get(item)
            self.span[item] = None if t is None else (t, t)

    def find(self, item: str) -> str:
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        sa, sb = self.span[ra], self.span[rb]
        joined = sa or sb
        if sa and sb:
            joined = (min(sa[0], sb[0]), max(sa[1], sb[1]))
            if joined[1] - joined[0] > MAX_DAYS_APART:
                return
        # The smaller name becomes the root, so story ids do not depend on input order.
        low, high = sorted((ra, rb))
        self.parent[high] = low
        self.span[low] = joined


def story_time(claims: Iterable[Claim]) -> float | None:
    """When a source was written (its own date, as a day number), if it has a full one."""
    for claim in claims:
        stamp = claim.document_date
        if stamp and not stamp.startswith("--"):
            return float(date.fromisoformat(stamp[:10]).toordinal())
        return None
    return None


def cluster_stories(
    words_by_source: Mapping[str, set[str]],
    time_by_source: Mapping[str, float | None] | None = None,
) -> dict[str, str]:
    """Map each source to its story id (the first source of the story, sorted).

    Sources written more than :data:`MAX_DAYS_APART` apart tell
    different stories even when they share names: the 2020 and the 2024 Accra
    conventions are two events.
    """
    times = time_by_source or {}
    sources = sorted(words_by_source)
    total = len(sources)
    holders: dict[str, list[str]] = defaultdict(list)
    for source in sources:
        for word in words_by_source[source]:
            holders[word].append(source)
    weight = {w: math.log((1 + total) / (1 + len(h))) + 1 for w, h in holders.items()}
    mass = {s: sum(weight[w] for w in words_by_source[s]) or 1.0 for s in sources}
    shared: dict[tuple[str, str], list[str]] = defaultdict(list)
    for word, holding in holders.items():
        for a, b in _pairs_in_time(holding, times):
            shared[(a, b) if a < b else (b, a)].append(word)
    links = []
    for (a, b), words in shared.items():
        score = sum(weight[w] for w in words) / min(mass[a], mass[b])
        # One shared name links two sources only when it is most of what the shorter
        # one names (a two-line brief); otherwise two shared names are needed.
        enough = len(words) >= MIN_SHARED_WORDS or score >= SINGLE_WORD_SHARE
        if enough and score >= MIN_SHARED_WEIGHT:
            links.append((-score, a, b))
    # Strongest links first, and never a story whose articles were written more than
    # MAX_DAYS_APART apart: an undated brief that names "Santiago" and "cybercrime" must
    # not chain the 2020 and the 2024 Santiago meetings into one story.
    stories = _UnionFind(sources, times)
    for _, a, b in sorted(links):
        stories.union(a, b)
    return {source: stories.find(source) for source in sources}


def _pairs_in_time(
    holding: list[str], times: Mapping[str, float | None]
) -> Iterator[tuple[str, str]]:
    """Pairs of sources sharing a word that could tell one story.

    Only sources written within :data:`MAX_DAYS_APART` of each other are paired, and a
    word that more than :data:`MAX_SHARED_BY` sources of one such window share (a
    capital named by every story of the month) pairs nobody there; so the work grows
    with the corpus, not with its square. Undated sources pair on rarer words only.
    """
    if len(holding) < 2:
        return
    dated = sorted((t, s) for s in holding if (t := times.get(s)) is not None)
    undated = [s for s in holding if times.get(s) is None]
    if undated and len(holding) <= MAX_SHARED_BY:
        for i, a in enumerate(undated):
            for b in [*undated[i + 1 :], *(s for _, s in dated)]:
                yield a, b
    end = 0
    for i, (start_time, a) in enumerate(dated):
        end = max(end, i + 1)
        while end < len(dated) and dated[end][0] - start_time <= MAX_DAYS_APART:
            end += 1
        if end - i > MAX_SHARED_BY:
            continue
        for _, b in dated[i + 1 : end]:
            yield a, b
