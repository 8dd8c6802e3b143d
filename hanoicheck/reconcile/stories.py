"""Which documents tell the same story, so figures of unrelated stories are never compared.

A folder may hold coverage of several events ("72 countries signed" a plastics treaty
and "56 countries signed" an AI declaration do not conflict), and a single event is
covered by previews, live blogs, briefs of four sentences and recaps weeks later. So
documents are linked by what their whole texts share, and a story is a connected set of
linked documents (single link, as news-clustering systems do for a story's thread).

- **Words** are each document's terms (:mod:`hanoicheck.sources.terms`): names and
  content words of its whole text, weighted by how rare they are in the corpus (names
  twice). Two documents link when the words they share carry at least :data:`LINK` of
  the lighter document's weight: a four-sentence brief naming the city and the treaty
  links to the coverage that names them. Measured on the project's corpora (11 events,
  61 documents pooled in one folder), documents of one story share 0.17 of it or more
  three times in four, documents of different stories at most 0.155; at 0.16 every
  event comes out as one story and no two events share one. No word is dropped for being
  common: a word every document of a large single-event corpus shares keeps it one
  story.
- **Time** is about the event, not only the publication: a document's times are its own
  date and the dates it gives for events. Two documents link only if one time of each
  lies within :data:`WINDOW_DAYS` of the other's, so a preview two weeks before and a
  recap five weeks after (which dates the event) stay in, while the same names a year
  apart are another event. A document without a publication date of its own is linked
  by its words alone: the dates it gives may be history ("adopted on December 24,
  2024") rather than the time of the story.

The work is linear in the corpus: a document is compared only with the latest
:data:`RECENT` documents that share one of its :data:`PROBE_TERMS` rarest words.
"""

from __future__ import annotations

import bisect
import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

LINK = 0.16
WINDOW_DAYS = 30
PROBE_TERMS = 12
RECENT = 64
NAME_WEIGHT = 2.0
STORY_NAME_WORDS = 3


@dataclass(frozen=True, slots=True)
class StoryInput:
    """What stories are built from, for one document."""

    source: str
    terms: tuple[str, ...]
    times: tuple[float, ...] = ()  # day ordinals: its date and the dates it gives
    dated: bool = False  # whether it has a publication date of its own


def _key(term: str) -> str:
    return term.lower()


def _near(a: Sequence[float], b: Sequence[float]) -> bool:
    """Whether some time of ``a`` lies within the window of some time of ``b`` (sorted)."""
    if not a or not b:
        return True
    for moment in a:
        at = bisect.bisect_left(b, moment - WINDOW_DAYS)
        if at < len(b) and b[at] <= moment + WINDOW_DAYS:
            return True
    return False


class _Stories:
    """Union-find over documents; the smaller source names a story."""

    def __init__(self, sources: Sequence[str]) -> None:
        self.parent = {s: s for s in sources}

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
            low, high = sorted((ra, rb))
            self.parent[high] = low


def cluster_stories(items: Sequence[StoryInput], *, one_story: bool = False) -> dict[str, str]:
    """Map each document (``source``) to its story id (the first source of the story).

    With ``one_story`` every document is one story (the user knows they are).
    """
    if not items:
        return {}
    sources = sorted(i.source for i in items)
    if one_story:
        return dict.fromkeys(sources, sources[0])
    frequency = Counter(_key(t) for item in items for t in set(item.terms))
    total = len(items)

    def weigh(item: StoryInput) -> dict[str, float]:
        weights: dict[str, float] = {}
        for term in item.terms:
            rarity = math.log((1 + total) / (1 + frequency[_key(term)])) + 1.0
            weight = rarity * (NAME_WEIGHT if term[:1].isupper() else 1.0)
            weights[_key(term)] = max(weights.get(_key(term), 0.0), weight)
        return weights

    ordered = sorted(items, key=lambda i: (min(i.times) if i.times else math.inf, i.source))
    weights = {item.source: weigh(item) for item in ordered}
    mass = {source: sum(w.values()) or 1.0 for source, w in weights.items()}
    times = {item.source: sorted(item.times) if item.dated else [] for item in ordered}
    postings: dict[str, list[str]] = defaultdict(list)
    stories = _Stories(sources)
    for item in ordered:
        mine = weights[item.source]
        probes = sorted(mine, key=lambda t: (-mine[t], t))[:PROBE_TERMS]
        seen: set[str] = set()
        for term in probes:
            for other in postings[term][-RECENT:]:
                if other in seen:
                    continue
                seen.add(other)
                if _linked(mine, weights[other], mass[item.source], mass[other]) and _near(
                    times[item.source], times[other]
                ):
                    stories.union(item.source, other)
        for term in mine:
            postings[term].append(item.source)
    return {source: stories.find(source) for source in sources}


def _linked(a: Mapping[str, float], b: Mapping[str, float], mass_a: float, mass_b: float) -> bool:
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    shared = sum(min(w, large[t]) for t, w in small.items() if t in large)
    return shared >= LINK * min(mass_a, mass_b)


def story_names(items: Sequence[StoryInput], stories: Mapping[str, str]) -> dict[str, str]:
    """A short name for each story: the names most of its documents use."""
    names: dict[str, Counter[str]] = defaultdict(Counter)
    for item in items:
        names[stories[item.source]].update({t for t in item.terms if t[:1].isupper()})
    result = {}
    for story, counts in names.items():
        top = sorted(counts, key=lambda t: (-counts[t], t))[:STORY_NAME_WORDS]
        result[story] = " / ".join(top) if top else story
    return result
