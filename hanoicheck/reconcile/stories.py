"""Which documents tell the same story, so figures of unrelated stories are never compared.

A folder may hold coverage of several events ("72 countries signed" a plastics treaty
and "56 countries signed" an AI declaration do not conflict), and a single event is
covered by previews, live blogs, briefs of four sentences and recaps weeks later. So
documents are linked by what their whole texts share, and a story is a connected set of
linked documents (single link, as news-clustering systems do for a story's thread).

- **Words** are each document's terms (:mod:`hanoicheck.sources.terms`): names and
  content words of its whole text, weighted by how rare they are in the corpus (names
  twice). Two documents link when the words they share carry at least :data:`LINK` of
  the lighter document's weight, or at least :data:`LEAD_LINK` when each names one of
  the other's leads (the :data:`LEAD_NAMES` names it uses most): a four-sentence brief
  naming the city and the treaty links to the coverage that names them, and a page
  about a conference's royal dinner ("Royal" first, "Seville" next) to the conference.
  Measured on the project's corpora (12 events, 75 documents pooled in one folder, and
  each folder alone) every event comes out as one story and no two events share one.
- **Time** is about the event, not only the publication: a document's times are its own
  date and the dates it gives for events. Two documents link only if one's own date
  lies within :data:`WINDOW_DAYS` of a time of the other, so a preview two weeks before
  and a recap five weeks after (which dates the event) stay in, while the same names a
  year apart are another event, and two articles recalling the same history are not
  tied by it. Articles written close together never make a story whose core spans
  more than :data:`SPAN_DAYS` (see :class:`_Stories`), so a chain of articles a few
  days apart cannot run from one event to the next for years; an article written
  later joins only by a strong link (the benchmark's 253 generated events came out as
  one story before these two rules, as 86 after). A document without a publication
  date of its own is linked by its words alone: the dates it gives may be history
  ("adopted on December 24, 2024") rather than the time of the story.

The work is linear in the corpus: a document is compared only with the latest
:data:`RECENT` documents that share one of its :data:`PROBE_TERMS` rarest words (of
the words some other document has).
"""

from __future__ import annotations

import bisect
import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

LINK = 0.16
LEAD_LINK = 0.10
LEAD_NAMES = 2
NONE, WEAK, STRONG = 0, 1, 2  # how two documents link
WINDOW_DAYS = 30
SPAN_DAYS = WINDOW_DAYS
PROBE_TERMS = 12
RECENT = 64
NAME_WEIGHT = 2.0
STORY_NAME_WORDS = 3


@dataclass(frozen=True, slots=True)
class StoryInput:
    """What stories are built from, for one document."""

    source: str
    terms: tuple[str, ...]
    times: tuple[float, ...] = ()  # sorted day ordinals: its date and the dates it gives
    published: float | None = None  # day ordinal of its own date, when it has one


def _key(term: str) -> str:
    return term.lower()


def _near(a: StoryInput, b: StoryInput) -> bool:
    """Whether one document's own date lies within the window of a time of the other.

    A preview's date is near the event day a recap gives, so the two link; two
    documents that both recall history ("adopted on 22 July 2024") are not tied by it.
    """
    if a.published is None or b.published is None:
        return True
    return _within(a.published, b.times) or _within(b.published, a.times)


def _recap(earlier: StoryInput, later: StoryInput) -> bool:
    """Whether ``later`` was written well after ``earlier`` and links by the dates it gives."""
    if earlier.published is None or later.published is None:
        return False
    return later.published - earlier.published > WINDOW_DAYS


def _within(moment: float, times: Sequence[float]) -> bool:
    at = bisect.bisect_left(times, moment - WINDOW_DAYS)
    return at < len(times) and times[at] <= moment + WINDOW_DAYS


class _Stories:
    """Union-find over documents; the smaller source names a story.

    Each story keeps its core: the span of the publication dates of the documents that
    joined it by a link between articles written close together. A link between such
    articles never stretches a core past :data:`SPAN_DAYS`, so a chain of articles
    each a few days from the next (one event's coverage, then another's, sharing only
    the vocabulary of the beat) cannot grow into a story years long. A recap that joins
    by its lead name is not written close to the story and does not move its core; a
    recap that already belongs to another story joins this one only when the two cores
    are close, so a recap never bridges two stories years apart.
    """

    def __init__(self, items: Sequence[StoryInput]) -> None:
        self.parent = {i.source: i.source for i in items}
        self.core: dict[str, tuple[float, float] | None] = {
            i.source: None if i.published is None else (i.published, i.published) for i in items
        }
        self.size = dict.fromkeys(self.parent, 1)

    def find(self, item: str) -> str:
        parent = self.parent[item]
        if self.parent[parent] == parent:  # a root, or a root's child: nothing to compress
            return parent
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, a: str, b: str, *, recap: bool = False) -> bool:
        """Join the stories of ``a`` and ``b``; ``b`` is the recap when ``recap``.

        False when nothing changed: one story already, or a core would grow too long.
        """
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        ca, cb = self.core[ra], self.core[rb]
        if recap and self.size[rb] == 1:
            joined = ca or cb  # the recap alone: it does not move the story's core
        elif ca and cb:
            joined = (min(ca[0], cb[0]), max(ca[1], cb[1]))
            if joined[1] - joined[0] > SPAN_DAYS:
                return False
        else:
            joined = ca or cb
        low, high = sorted((ra, rb))
        self.parent[high] = low
        self.core[low] = joined
        self.size[low] += self.size[high]
        return True


def term_weights(
    items: Sequence[StoryInput],
) -> tuple[Counter[str], dict[str, dict[str, float]]]:
    """How many documents use each term, and each document's terms weighted by rarity
    (names count :data:`NAME_WEIGHT` times a plain word)."""
    frequency = Counter(_key(t) for item in items for t in set(item.terms))
    total = len(items)
    weights: dict[str, dict[str, float]] = {}
    for item in items:
        mine: dict[str, float] = {}
        for term in item.terms:
            rarity = math.log((1 + total) / (1 + frequency[_key(term)])) + 1.0
            weight = rarity * (NAME_WEIGHT if term[:1].isupper() else 1.0)
            mine[_key(term)] = max(mine.get(_key(term), 0.0), weight)
        weights[item.source] = mine
    return frequency, weights


def cluster_stories(items: Sequence[StoryInput], *, one_story: bool = False) -> dict[str, str]:
    """Map each document (``source``) to its story id (the first source of the story).

    With ``one_story`` every document is one story (the user knows they are).
    """
    if not items:
        return {}
    sources = sorted(i.source for i in items)
    if one_story:
        return dict.fromkeys(sources, sources[0])
    frequency, weights = term_weights(items)
    ordered = sorted(
        items, key=lambda i: (i.published if i.published is not None else math.inf, i.source)
    )
    leads = {item.source: _lead_name(item) for item in ordered}
    mass = {source: sum(w.values()) or 1.0 for source, w in weights.items()}
    by_source = {item.source: item for item in ordered}
    postings: dict[str, list[str]] = defaultdict(list)
    stories = _Stories(items)
    published_of = {item.source: item.published for item in ordered}
    times_of = {item.source: item.times for item in ordered}
    for item in ordered:
        published, times = item.published, item.times
        mine = weights[item.source]
        # The rarest words it shares with some other document: a word no other one has
        # finds nobody, so probing with it would leave the document alone.
        shared = [t for t in mine if frequency[t] > 1]
        probes = sorted(shared, key=lambda t: (-mine[t], t))[:PROBE_TERMS]
        seen: set[str] = set()
        # (story, recap, strong) of joins refused since the last join: whether a join
        # happens depends on the two stories, the recap flag and whether the link is
        # strong only (not on which document of a story links), so another such link to
        # that story would be refused as well (and a weak one where a strong one was)
        refused: set[tuple[str, bool, bool]] = set()
        for term in probes:
            for other in postings[term][-RECENT:]:
                if other in seen:
                    continue
                seen.add(other)
                theirs_root = stories.find(other)
                if theirs_root == stories.find(item.source):
                    continue  # one story already: a link would change nothing
                # _near(item, by_source[other]), inlined (millions of pairs at 10,000
                # articles): cheap, dates before words
                if published is not None and (mark := published_of[other]) is not None:
                    theirs = times_of[other]
                    at = bisect.bisect_left(theirs, published - WINDOW_DAYS)
                    if not (at < len(theirs) and theirs[at] <= published + WINDOW_DAYS):
                        at = bisect.bisect_left(times, mark - WINDOW_DAYS)
                        if not (at < len(times) and times[at] <= mark + WINDOW_DAYS):
                            continue
                recap = _recap(by_source[other], item)
                if (theirs_root, recap, True) in refused:
                    continue
                link = _linked(
                    mine, weights[other], mass[item.source], mass[other], leads, item.source, other
                )
                if link == NONE or (theirs_root, recap, link == STRONG) in refused:
                    continue
                if recap and link != STRONG:
                    continue  # a late article joins by its lead name, not the beat's words
                if stories.union(other, item.source, recap=recap) or (
                    # a recap four weeks after the event, but six after the first preview:
                    # written later than the story's core allows, it joins by a strong
                    # link as a recap does, without moving the core
                    link == STRONG and not recap and stories.union(other, item.source, recap=True)
                ):
                    refused.clear()
                else:
                    refused.add((theirs_root, recap, link == STRONG))
        for term in mine:
            postings[term].append(item.source)
    return {source: stories.find(source) for source in sources}


def _linked(
    a: Mapping[str, float],
    b: Mapping[str, float],
    mass_a: float,
    mass_b: float,
    leads: Mapping[str, frozenset[str]],
    source_a: str,
    source_b: str,
) -> int:
    """How two documents link: STRONG, WEAK or NONE.

    STRONG: each names the other's lead name (the name it uses most) and their shared
    words weigh :data:`LEAD_LINK` of the lighter one. In a folder about one event every
    document shares the event's names, so their rarity is low and a recap with its own
    vocabulary may share little; its lead still ties it to the rest.
    WEAK: otherwise, the shared words weigh :data:`LINK`. Only a strong link joins an
    article written long after the others (see :func:`_recap`).
    """
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    shared = sum([min(w, large[t]) for t, w in small.items() if t in large])
    share = shared / min(mass_a, mass_b)
    lead_a, lead_b = leads[source_a], leads[source_b]
    if lead_a and lead_b and lead_a & b.keys() and lead_b & a.keys() and share >= LEAD_LINK:
        return STRONG
    return WEAK if share >= LINK else NONE


def _lead_name(item: StoryInput) -> frozenset[str]:
    """The name a document uses most (its terms come most frequent first): the city,
    the treaty or the province its story is about. Empty for a text without names."""
    names = [_key(t) for t in item.terms if t[:1].isupper()]
    return frozenset(names[:LEAD_NAMES])


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
