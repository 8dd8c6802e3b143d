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
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date
from functools import cache

from hanoicheck.lexicon import default_lexicon
from hanoicheck.model import Claim
from hanoicheck.reconcile.vocabulary import Vocabulary, fold

MAX_SHARED_BY = 200
MIN_SHARED_WORDS = 2
MIN_SHARED_WEIGHT = 0.2
SINGLE_WORD_SHARE = 0.5
# Most coverage of one event, preview to follow-up, is written within three weeks; the
# same names further apart are another event (a 60-day span merged same-named events
# on the synthetic benchmark, see BENCHMARKS.md).
MAX_DAYS_APART = 21

_NAME = re.compile(r"(?<![\w'\u2019])[A-Z][\w\u2019'.-]*[\w]|\b[A-Z]{2,}\b")


def story_words(claims: Iterable[Claim], vocabulary: Vocabulary) -> set[str]:
    """Distinctive capitalised words of one source's claim sentences and events."""
    words: set[str] = set()
    outlets: set[str] = set()
    texts: set[str] = set()  # the claims of one sentence share it: read it once
    for claim in claims:
        if claim.outlet:
            outlets.update(fold(claim.outlet).split())
        texts.add(claim.sentence)
        if claim.event.parent:
            texts.add(claim.event.parent)
    for text in texts:
        for match in _NAME.finditer(text):
            word = fold(match.group(0)).strip(".'-").removesuffix("'s")
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

    Links are scored one source at a time against the sources it may pair with (see
    :func:`_windows`), so memory holds the links that qualify, never every pair that
    shares a word: at 100,000 articles the table of all such pairs took 3.8 GB.
    """
    times = time_by_source or {}
    sources = sorted(words_by_source)
    links = _links(sources, words_by_source, times)
    # Strongest links first, and never a story whose articles were written more than
    # MAX_DAYS_APART apart: an undated brief that names "Santiago" and "cybercrime" must
    # not chain the 2020 and the 2024 Santiago meetings into one story.
    stories = _UnionFind(sources, times)
    for _, a, b in links:
        stories.union(sources[a], sources[b])
    return {source: stories.find(source) for source in sources}


def _links(
    sources: Sequence[str],
    words_by_source: Mapping[str, set[str]],
    times: Mapping[str, float | None],
) -> list[tuple[float, int, int]]:
    """``(-score, a, b)`` for each pair of sources (indices, ``a < b``) linked by the
    names they share, strongest first."""
    total = len(sources)
    holders: dict[str, list[int]] = defaultdict(list)
    for index, source in enumerate(sources):
        for word in sorted(words_by_source[source]):  # sums in one order: same ties each run
            holders[word].append(index)
    weight = {w: math.log((1 + total) / (1 + len(h))) + 1 for w, h in holders.items()}
    mass = [sum(weight[w] for w in sorted(words_by_source[s])) or 1.0 for s in sources]
    when = [times.get(s) for s in sources]
    windows: list[list[_Window]] = [[] for _ in sources]
    for word, holding in holders.items():
        for owner, window in _windows(holding, when, weight[word]):
            windows[owner].append(window)
    links: list[tuple[float, int, int]] = []
    for a, owned in enumerate(windows):
        shared: dict[int, list[float]] = {}  # partner -> [words shared, their weight]
        for partners, low, high, word_weight in owned:
            for b in partners[low:high]:
                tally = shared.get(b)
                if tally is None:
                    shared[b] = [1.0, word_weight]
                else:
                    tally[0] += 1
                    tally[1] += word_weight
        for b, (count, weight_sum) in shared.items():
            score = weight_sum / min(mass[a], mass[b])
            # One shared name links two sources only when it is most of what the shorter
            # one names (a two-line brief); otherwise two shared names are needed.
            enough = count >= MIN_SHARED_WORDS or score >= SINGLE_WORD_SHARE
            if enough and score >= MIN_SHARED_WEIGHT:
                links.append((-score, min(a, b), max(a, b)))
        windows[a] = []
    links.sort()
    return links


_Window = tuple[list[int], int, int, float]
"""Sources ``partners[low:high]`` one source may pair with on one word, and its weight."""


def _windows(
    holding: list[int], when: Sequence[float | None], word_weight: float
) -> Iterator[tuple[int, _Window]]:
    """For each source holding a word, the later sources it may pair with on that word.

    Only sources written within :data:`MAX_DAYS_APART` of each other are paired, and a
    word that more than :data:`MAX_SHARED_BY` sources of one such window share (a
    capital named by every story of the month) pairs nobody there; so the work grows
    with the corpus, not with its square. Undated sources pair on rarer words only.
    Each pair is owned by one of its two sources (the earlier dated one; the undated
    one; the first of two undated ones), so it is counted once per shared word.
    """
    if len(holding) < 2:
        return
    dated_pairs = sorted((t, i) for i in holding if (t := when[i]) is not None)
    dated = [i for _, i in dated_pairs]
    undated = [i for i in holding if when[i] is None]
    if undated and len(holding) <= MAX_SHARED_BY:
        for position, a in enumerate(undated):
            yield a, (undated, position + 1, len(undated), word_weight)
            yield a, (dated, 0, len(dated), word_weight)
    end = 0
    for position, (start_time, a) in enumerate(dated_pairs):
        end = max(end, position + 1)
        while end < len(dated_pairs) and dated_pairs[end][0] - start_time <= MAX_DAYS_APART:
            end += 1
        if end - position <= MAX_SHARED_BY:
            yield a, (dated, position + 1, end, word_weight)
