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
from collections.abc import Iterable, Mapping

from hanoicheck.model import Claim
from hanoicheck.reconcile.vocabulary import Vocabulary, fold

MAX_SHARED_BY = 200
MIN_SHARED_WORDS = 2
MIN_SHARED_WEIGHT = 0.2
SINGLE_WORD_SHARE = 0.5

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
    return {w for w in words if w not in vocabulary.story_stopwords and w not in outlets}


class _UnionFind:
    def __init__(self, items: Iterable[str]) -> None:
        self.parent = {item: item for item in items}

    def find(self, item: str) -> str:
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # The smaller name becomes the root, so story ids do not depend on input order.
            low, high = sorted((ra, rb))
            self.parent[high] = low


def cluster_stories(words_by_source: Mapping[str, set[str]]) -> dict[str, str]:
    """Map each source to its story id (the first source of the story, sorted)."""
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
        if len(holding) < 2 or len(holding) > MAX_SHARED_BY:
            continue
        for i, a in enumerate(holding):
            for b in holding[i + 1 :]:
                shared[(a, b)].append(word)
    stories = _UnionFind(sources)
    for (a, b), words in shared.items():
        score = sum(weight[w] for w in words) / min(mass[a], mass[b])
        # One shared name links two sources only when it is most of what the shorter
        # one names (a two-line brief); otherwise two shared names are needed.
        enough = len(words) >= MIN_SHARED_WORDS or score >= SINGLE_WORD_SHARE
        if enough and score >= MIN_SHARED_WEIGHT:
            stories.union(a, b)
    return {source: stories.find(source) for source in sources}


def shared_story_words(a: set[str], b: set[str], limit: int = 5) -> list[str]:
    """A few words two sources share, for the explanation of a conflict."""
    return sorted(a & b)[:limit]
