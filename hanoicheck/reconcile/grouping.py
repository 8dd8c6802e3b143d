"""Blocks of comparable claims, split into groups that are each about one thing.

Blocking by (story, kind, subject class) keeps the work near-linear: claims of
different blocks are never compared. Inside a block, the most specific claims (those
with a known day, event, owner...) anchor groups first; a claim that fits exactly one
group for certain joins it. A claim that could belong to several groups (an undated
"plenary" in a two-day event) joins the one whose value it agrees with, or, when it
agrees with none, the one it nearly matches (a near miss, flagged as a warning); if
it is far from all of them it stays on its own.

Dates of sessions that recur (two plenaries on two days) are grouped by day; a
session dated outside the span of the parent event its own text places it in is set
against the in-span session of the same kind, since it cannot be another sitting of
that event.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from hanoicheck.calendar import weekday_slip
from hanoicheck.intervals import (
    Bounds,
    all_have_years,
    bounds_of,
    relative_gap,
    rounding_of,
    span_bounds,
)
from hanoicheck.model import Interval, Kind
from hanoicheck.reconcile.facets import (
    Facets,
    Identity,
    conversions,
    details,
    details_key,
    ties_of,
)
from hanoicheck.reconcile.labels import day, day_span
from hanoicheck.reconcile.misprint import digit_slip, reprinted_figure
from hanoicheck.reconcile.vocabulary import Vocabulary, similarity

PARENT_MATCH = 90.0  # token_set_ratio at which an event name is the parent event
# Share of the parent's words a dated sentence must name to date the parent itself
# ("The Lisbon Ocean Summit opened on June 9" dates "the Lisbon Ocean Summit and ...").
PARENT_WORDS_SHARED = 0.6


@dataclass(slots=True)
class Cluster:
    """Claims judged to be about one thing, and notes on why."""

    members: list[Facets]
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class GroupingOptions:
    """Knobs of grouping; see :class:`hanoicheck.reconcile.ReconcileOptions`."""

    near_miss: float


def group_block(
    block: Sequence[Facets],
    story_dates: Sequence[Facets],
    vocabulary: Vocabulary,
    options: GroupingOptions,
) -> list[Cluster]:
    """Split one block into groups."""
    first = block[0]
    if first.claim.kind is Kind.DATE:
        if not first.subject_class:
            return [Cluster([f]) for f in block]
        if first.recurring or first.repeated:
            return _recurring_dates(block, story_dates, vocabulary)
        return _occasions(block)
    if first.claim.kind is not Kind.MONEY:
        return _by_identity(block, vocabulary, options)
    # "£1 million ($1.35 million)": the conversion goes where its figure goes
    links = conversions([f.claim for f in block])
    clusters = _by_identity([f for f in block if f.claim.id not in links], vocabulary, options)
    home = {f.claim.id: cluster for cluster in clusters for f in cluster.members}
    for facet in block:
        original = links.get(facet.claim.id)
        if original is None:
            continue
        if original in home:
            home[original].members.append(facet)
        else:
            clusters.append(Cluster([facet]))
    return clusters


OTHER_OCCASION_DAYS = 31


def _occasions(block: Sequence[Facets]) -> list[Cluster]:
    """Dates of one event type, split where they are more than a month apart.

    "The forum on 16 and 17 March" and "the Bletchley summit in November 2023" are two
    conferences, not a disputed date: a misdated report is off by days, while a date
    months away is another occasion (an earlier edition, a follow-up meeting).
    """
    with_year = all_have_years([f.claim for f in block])
    precise, broad = _by_breadth(block, with_year)
    ordered = sorted(
        precise,
        key=lambda f: (bounds_of(f.claim, with_year).low, f.claim.source),
    )
    clusters: list[Cluster] = []
    spans: list[Bounds] = []
    for facet in ordered:
        bounds = bounds_of(facet.claim, with_year)
        if not clusters or bounds.low - spans[-1].high > OTHER_OCCASION_DAYS:
            clusters.append(Cluster([facet]))
            spans.append(bounds)
        else:
            clusters[-1].members.append(facet)
            last = spans[-1]
            spans[-1] = Bounds(last.low, max(last.high, bounds.high))
    clusters.extend(_placed(broad, list(zip(spans, clusters, strict=True)), with_year))
    return clusters


# A date spanning more days than this ("this week", "in September", "this year") dates
# loosely: it may fall in with one occasion, but never links two.
BROAD_DAYS = 6


def _by_breadth(block: Sequence[Facets], with_year: bool) -> tuple[list[Facets], list[Facets]]:
    """A block's dates of a day or a few (in source order), and its broad spans."""
    ordered = sorted(block, key=lambda f: (f.claim.source, f.claim.start))
    precise: list[Facets] = []
    broad: list[Facets] = []
    for facet in ordered:
        bounds = bounds_of(facet.claim, with_year)
        (broad if bounds.high - bounds.low > BROAD_DAYS else precise).append(facet)
    return precise, broad


def _placed(
    broad: Sequence[Facets], clusters: Sequence[tuple[Bounds, Cluster]], with_year: bool
) -> list[Cluster]:
    """Each broad span joins the one group whose dates it covers; one that covers none or
    several ("this week" says nothing of which day it means) is grouped only with broad
    spans of the very same days. Returns the new groups."""
    alone: dict[tuple[float, float], Cluster] = {}
    for facet in broad:
        mine = bounds_of(facet.claim, with_year)
        homes = [cluster for bounds, cluster in clusters if bounds.overlaps(mine)]
        if len(homes) == 1:
            homes[0].members.append(facet)
        else:
            alone.setdefault((mine.low, mine.high), Cluster([])).members.append(facet)
    return list(alone.values())


def _same_unit(a: Facets, b: Facets) -> bool:
    return a.claim.kind is not Kind.MONEY or a.claim.unit == b.claim.unit


def _by_identity(
    block: Sequence[Facets], vocabulary: Vocabulary, options: GroupingOptions
) -> list[Cluster]:
    """Claims tied to exactly one group join it; the others are placed by value."""
    order = sorted(block, key=lambda f: (-f.known, f.claim.source, f.claim.start))
    clusters: list[Cluster] = []
    index: dict[int, _Members] = {}  # id(cluster) -> its members by details_key
    floating: list[Facets] = []
    read: dict[int, Bounds] = {}  # each claim's bounds, read once: every floating claim
    # compares its value with every member of every group it may join

    def bounds(facet: Facets) -> Bounds:
        found = read.get(id(facet))
        if found is None:
            found = read[id(facet)] = bounds_of(facet.claim)
        return found

    def join(cluster: Cluster | None, facet: Facets) -> None:
        if cluster is None:
            cluster = Cluster([])
            clusters.append(cluster)
            index[id(cluster)] = _Members()
        cluster.members.append(facet)
        index[id(cluster)].add(facet)

    for facet in order:
        against = _Against(facet, vocabulary)
        candidates = _candidates(against, clusters, index)
        certain = _most_tied(against, [c for c, v in candidates if v is Identity.SAME], index)
        if not candidates:
            join(None, facet)
        elif certain is not None:
            join(certain, facet)
        else:
            floating.append(facet)
    for facet in floating:
        candidates = _candidates(_Against(facet, vocabulary), clusters, index)
        join(_home(facet, candidates, options, bounds), facet)
    return clusters


@dataclass(slots=True)
class _Members:
    """A group's members as :func:`identity` sees them from another claim: the sentences
    they quote (one sentence never states one quantity twice) and the members by
    :func:`details_key` (members with one key get one answer from :func:`details`).

    Comparing a claim with a group then asks :func:`details` once per kind of member,
    not once per member: a group of a big story has hundreds of members of a few kinds,
    and grouping compared each new claim with every one of them.
    """

    sentences: set[tuple[str, str, str | None]] = field(default_factory=set)
    kinds: dict[tuple[object, ...], list[Facets]] = field(default_factory=dict)

    def add(self, facet: Facets) -> None:
        self.sentences.add(_sentence_of(facet))
        self.kinds.setdefault(details_key(facet), []).append(facet)


def _sentence_of(facet: Facets) -> tuple[str, str, str | None]:
    claim = facet.claim
    return claim.source, claim.sentence, claim.unit


class _Against:
    """One claim compared with groups: the verdict :func:`identity` gives it against
    each member, with :func:`details` asked once per kind of member."""

    def __init__(self, facet: Facets, vocabulary: Vocabulary) -> None:
        self.facet = facet
        self.vocabulary = vocabulary
        self.sentence = _sentence_of(facet)
        self.details: dict[tuple[object, ...], tuple[Identity | None, list[str]]] = {}

    def _details(self, key: tuple[object, ...], member: Facets) -> tuple[Identity | None, bool]:
        found = self.details.get(key)
        if found is None:
            verdict, ties, _ = details(self.facet, member, self.vocabulary)
            found = self.details[key] = (verdict, ties)
        return found[0], bool(found[1])

    def _same(self, member: Facets) -> bool:
        """SAME, for a member :func:`details` leaves open without a tie."""
        verdict, _ = ties_of(self.facet, member, self.vocabulary, [], None, why=False)
        return verdict is Identity.SAME

    def strongest(self, members: _Members) -> Identity | None:
        """The strongest verdict against the members; None if one is DIFFERENT."""
        if self.sentence in members.sentences:
            return None
        strongest = Identity.UNTIED
        open_kinds: list[tuple[bool, list[Facets]]] = []
        for key, kind in members.kinds.items():
            verdict, tied = self._details(key, kind[0])
            if verdict is Identity.DIFFERENT:
                return None
            if verdict is Identity.POSSIBLE:
                strongest = Identity.POSSIBLE
            else:
                open_kinds.append((tied, kind))
        for tied, kind in open_kinds:
            if tied or any(self._same(m) for m in kind):
                return Identity.SAME
        return strongest

    def same_count(self, members: _Members) -> int:
        """How many members are SAME, of a group none of whose members is DIFFERENT."""
        count = 0
        for key, kind in members.kinds.items():
            verdict, tied = self._details(key, kind[0])
            if verdict is None:
                count += len(kind) if tied else sum(self._same(m) for m in kind)
        return count


def _most_tied(
    against: _Against, clusters: list[Cluster], index: dict[int, _Members]
) -> Cluster | None:
    """Of the groups a claim is tied to, the one it is tied to by most members.

    None when none, or when two groups are tied to it equally: then its value decides.
    """
    if len(clusters) <= 1:
        return clusters[0] if clusters else None
    counts = [against.same_count(index[id(c)]) for c in clusters]
    best = max(counts)
    return clusters[counts.index(best)] if counts.count(best) == 1 else None


def _candidates(
    against: _Against, clusters: list[Cluster], index: dict[int, _Members]
) -> list[tuple[Cluster, Identity]]:
    """Groups a claim may join, each with the strongest tie it has to a member.

    A group is about one thing: a claim tied to one of its members and told apart
    from none belongs to it.
    """
    found = []
    for cluster in clusters:
        strongest = against.strongest(index[id(cluster)])
        if strongest is not None:
            found.append((cluster, strongest))
    return found


def _home(
    facet: Facets,
    candidates: list[tuple[Cluster, Identity]],
    options: GroupingOptions,
    bounds: Callable[[Facets], Bounds],
) -> Cluster | None:
    """The group a claim of uncertain identity belongs to, by its value.

    It joins a group whose value it agrees with; a group it nearly matches only when
    it may be another report of the same sitting (POSSIBLE), so the near miss is
    flagged. A claim that nothing ties to a group never joins it on a different value,
    unless the two figures differ the way a misprint does, or one sentence printed by
    two outlets gives them (:mod:`.misprint`).
    """
    mine = bounds(facet)
    nearest: tuple[float, int] | None = None
    for index, (cluster, verdict) in enumerate(candidates):
        others = [bounds(m) for m in cluster.members if _same_unit(facet, m)]
        if not others:
            continue
        if any(mine.overlaps(other) for other in others):
            return cluster
        if any(rounding_of(facet.claim, m.claim) for m in cluster.members):
            return cluster  # "$6 billion" in a headline, "$6.17 billion" in the story
        if verdict is not Identity.POSSIBLE:
            slipped = any(
                digit_slip(facet.claim, m.claim) or reprinted_figure(facet.claim, m.claim)
                for m in cluster.members
            )
            if slipped and (nearest is None or nearest[0] > 0):
                nearest = (0.0, index)  # "9,148" and "9,418": one misprints the other
            continue
        gap = min(relative_gap(mine, other) for other in others)
        if nearest is None or gap < nearest[0]:
            nearest = (gap, index)
    if nearest is not None and nearest[0] <= options.near_miss:
        return candidates[nearest[1]][0]
    return None


def _recurring_dates(
    block: Sequence[Facets], story_dates: Sequence[Facets], vocabulary: Vocabulary
) -> list[Cluster]:
    """Sittings of a recurring session: one group per day, then the parent-span rule."""
    with_year = all_have_years([f.claim for f in (*block, *story_dates)])
    clusters: list[tuple[Bounds, Cluster]] = []
    precise, broad = _by_breadth(block, with_year)
    for facet in precise:
        mine = bounds_of(facet.claim, with_year)
        for bounds, cluster in clusters:
            if bounds.overlaps(mine):
                cluster.members.append(facet)
                break
        else:
            clusters.append((mine, Cluster([facet])))
    placed = _placed(broad, [(b, c) for b, c in clusters], with_year)
    clusters.extend((bounds_of(c.members[0].claim, with_year), c) for c in placed)
    clusters = _weekday_moves(clusters, with_year)
    groups = [cluster for _, cluster in clusters]
    for _, cluster in clusters:
        for facet in cluster.members:
            found = _parent_span(facet, story_dates, vocabulary, with_year)
            if found is None:
                continue
            span, evidence = found
            if span.overlaps(bounds_of(facet.claim, with_year)):
                continue
            inside = [c for b, c in clusters if c is not cluster and _inside(b, span)]
            if not inside:
                continue
            target = max(
                inside,
                key=lambda c: similarity(
                    facet.claim.event.name or "", c.members[0].claim.event.name or "", vocabulary
                ),
            )
            if cluster in groups:
                groups.remove(cluster)
            target.members.extend(cluster.members)
            first: dict[str, str] = {}  # one file:line per source
            for e in evidence:
                first.setdefault(e.claim.source, f"{e.claim.source}:{e.claim.line}")
            where = " and ".join(first.values())
            target.notes.append(
                f"{facet.claim.source}:{facet.claim.line} places the {facet.subject_class} on "
                f"{day(str(facet.claim.value.nominal))}, during the "
                f"{facet.claim.event.parent}, which {where} "
                f"{'dates' if len(first) == 1 else 'date'} {_span_text(evidence)}, so it "
                "cannot be another sitting of that event"
            )
            break
    return groups


def _weekday_moves(
    clusters: list[tuple[Bounds, Cluster]], with_year: bool
) -> list[tuple[Bounds, Cluster]]:
    """A day whose written weekday names another day joins that day's group.

    "President Trump toured Kerrville on Friday, July 12" when July 12 was a Saturday:
    grouped by day, the recap's visit would stand alone, though its own weekday points
    to Friday July 11, the day other sources give; together, the two days are flagged
    (see the verdict) instead of read as two visits.
    """
    if not with_year:
        return clusters
    moved: set[int] = set()
    for _, cluster in clusters:
        if len(cluster.members) != 1:
            continue
        claim = cluster.members[0].claim
        slip = weekday_slip(claim.quote, str(claim.value.low))
        if slip is None:
            continue
        implied = bounds_of(replace(claim, value=Interval.exact(slip[2])), with_year)
        target = next(
            (
                other
                for day_bounds, other in clusters
                if other is not cluster
                and id(other) not in moved
                and day_bounds.overlaps(implied)
                and any(m.claim.source != claim.source for m in other.members)
            ),
            None,
        )
        if target is not None:
            target.members.extend(cluster.members)
            moved.add(id(cluster))
    return [(b, c) for b, c in clusters if id(c) not in moved]


def _inside(bounds: Bounds, span: Bounds) -> bool:
    return span.low <= bounds.low and bounds.high <= span.high


def _parent_span(
    facet: Facets, story_dates: Sequence[Facets], vocabulary: Vocabulary, with_year: bool
) -> tuple[Bounds, list[Facets]] | None:
    """The days other sources give for the parent event this claim's text names."""
    parent = facet.claim.event.parent
    if not parent:
        return None
    evidence = []
    parent_words = _content_words(parent, vocabulary)
    for other in story_dates:
        if other.claim.source == facet.claim.source or other.recurring:
            continue  # a sitting of another session dates that session, not the parent
        names = [other.claim.event.name or "", other.claim.event.parent or ""]
        named = any(n and similarity(n, parent, vocabulary) >= PARENT_MATCH for n in names)
        shared = parent_words & _content_words(other.claim.sentence, vocabulary)
        if named or (parent_words and len(shared) / len(parent_words) >= PARENT_WORDS_SHARED):
            evidence.append(other)
    if not evidence:
        return None
    spans = [span_bounds(_day_of(e), with_year) for e in evidence]
    return Bounds(min(s.low for s in spans), max(s.high for s in spans)), evidence


def _content_words(text: str, vocabulary: Vocabulary) -> set[str]:
    words = vocabulary.canonical_words(text)
    return {w for w in words if len(w) >= 3 and w not in vocabulary.story_stopwords}


def _day_of(facet: Facets) -> str:
    value = facet.claim.value
    return f"{value.low}/{value.high}"


def _span_text(evidence: list[Facets]) -> str:
    days = sorted(
        {str(e.claim.value.low) for e in evidence} | {str(e.claim.value.high) for e in evidence}
    )
    return day_span(days[0], days[-1])


def blocks(facets: Sequence[Facets]) -> dict[tuple[str, str, str], list[Facets]]:
    """Claims by block key, in a stable order."""
    grouped: dict[tuple[str, str, str], list[Facets]] = defaultdict(list)
    for facet in facets:
        grouped[facet.block].append(facet)
    return dict(sorted(grouped.items()))
