"""From a group of claims to a verdict: its sides, whether they conflict, how badly, why.

Sides ("positions") are found the way one stabs intervals: sort by upper end and take
every claim containing that end as one side, so "about 110" and "more than 110" fall
on one side and "100" on another. Claims in different currencies are never compared;
a conversion printed in the same sentence ("EUR 20 million (US$21.7 million)") sides
with the figure it converts.

A pair of claims contradicts when their intervals are disjoint, except a running total
that grew between an earlier and a later report, and figures several times apart that
only loose ties (a shared word, the story) hold together: outlets that report one count
differ by a few percent or a slip of the keys, not by a factor of three. Severity is
``error`` for reported facts from sources that surely speak of the same thing,
``warning`` when one is a forecast, when the two may be different sittings (a near
miss), or when a source contradicts itself.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from hanoicheck.calendar import weekday_slip
from hanoicheck.intervals import (
    Bounds,
    all_have_years,
    bounds_of,
    day_number,
    has_year,
    plausible,
    relative_gap,
    rounding_of,
)
from hanoicheck.lexicon import data_table
from hanoicheck.model import Claim, Kind, Modality, Qualifier, TimeBasis
from hanoicheck.reconcile.facets import (
    ONE_OFF,
    ONLY_FIGURE,
    Facets,
    Identity,
    compare_times,
    conversions,
    identity,
    slipped_day,
)
from hanoicheck.reconcile.labels import day, day_text, value_label
from hanoicheck.reconcile.misprint import (
    digit_slip,
    figure_frame,
    reordered_digits,
    reprinted_figure,
)
from hanoicheck.reconcile.model import Consensus, Group, Position, Severity, Status, because
from hanoicheck.reconcile.vocabulary import Vocabulary


def judge(
    members: Sequence[Facets],
    notes: Sequence[str],
    outlet_of: Mapping[str, str],
    vocabulary: Vocabulary,
) -> Group:
    """The verdict on one group."""
    members = sorted(members, key=lambda f: (f.claim.source, f.claim.start))
    claims = [f.claim for f in members]
    with_year = all_have_years(claims)
    bounds = {f.claim.id: bounds_of(f.claim, with_year) for f in members}
    read = {f.claim.id: _plausible(f, bounds) for f in members}
    copies, misprinted = _misprints(claims, bounds)
    read.update(copies)
    positions = _positions(members, read, outlet_of, misprinted)
    worst = _worst_clash(members, bounds, read, vocabulary)
    total = sorted({outlet_of[c.source] for c in claims})
    consensus = _consensus(positions, len(total))
    if worst is not None:
        status = Status.CONFLICT
        severity = worst[3]  # an error if any pair is one: errors rank first
    else:
        status = Status.AGREED if len(total) > 1 else Status.UNCORROBORATED
        severity = None
    subject = _subject(members)
    reasons = _reasons(members, vocabulary, notes, worst)
    explanation = _explain(subject, positions, worst, reasons) if worst else ""
    finding = (
        _first_upper(worst[2])
        if worst
        else _compatible(members, positions, bounds, read, vocabulary)
    )
    return Group(
        id=fingerprint(members, positions),
        kind=claims[0].kind,
        subject=subject,
        key=members[0].subject_class,
        claims=tuple(claims),
        positions=tuple(positions),
        status=status,
        consensus=consensus,
        severity=severity,
        explanation=explanation,
        reasons=tuple(reasons),
        finding=finding,
    )


def _compatible(
    members: Sequence[Facets],
    positions: Sequence[Position],
    bounds: Mapping[str, Bounds],
    read: Mapping[str, Bounds],
    vocabulary: Vocabulary,
) -> str:
    """Why two different figures of an agreeing group were judged compatible: the two
    best-supported sides, or the lowest and highest figure of one side (a running total
    that grew is one side); "" when every figure agrees with every other."""
    if len(positions) >= 2:
        facet_of = {f.claim.id: f for f in members}
        a, b = (facet_of[p.claims[0].id] for p in positions[:2])
    else:
        a = min(members, key=lambda f: (read[f.claim.id].midpoint, f.claim.id))
        b = max(members, key=lambda f: (read[f.claim.id].midpoint, f.claim.id))
        if read[a.claim.id].overlaps(read[b.claim.id]):
            return ""
    judged = _clash(a, b, bounds, read, vocabulary)
    return f"Compatible: {judged.reason}" if isinstance(judged, Agreed) else ""


def _positions(
    members: Sequence[Facets],
    bounds: Mapping[str, Bounds],
    outlet_of: Mapping[str, str],
    misprinted: Collection[frozenset[float]] = (),
) -> list[Position]:
    """The sides of a group: figures that can all be true together, a running total's
    rising timeline one side. The figures of one sentence printed differently
    (``misprinted``) never rise along one timeline: "at least 79" in the wire and "at
    least 97" in its reprint are one figure misprinted, not a toll that rose."""
    links = conversions([f.claim for f in members])
    primaries = [f for f in members if f.claim.id not in links]
    by_unit: dict[str | None, list[Facets]] = {}
    for facet in primaries:
        by_unit.setdefault(facet.claim.unit if facet.claim.kind is Kind.MONEY else None, []).append(
            facet
        )
    sides: list[list[Claim]] = []
    rising: set[int] = set()  # sides that are a running total's timeline
    for group in by_unit.values():
        # An open end at a value ends before a closed one there ("nearly 3" before "3").
        remaining = sorted(
            group,
            key=lambda f: (
                bounds[f.claim.id].high,
                bounds[f.claim.id].high_inclusive,
                f.claim.source,
            ),
        )
        if len(remaining) > 1 and all(f.cumulative for f in remaining):
            chain = _one_figure_per_copy(_timeline(remaining, bounds), misprinted)
            if chain:  # none may be dated: an undated live blog's "20:05" and "20:40"
                sides.append([f.claim for f in chain])
                rising.add(len(sides) - 1)
                remaining = [f for f in remaining if f not in chain]
        while remaining:
            # Every interval overlapping the one that ends first shares a point with it and,
            # since none ends earlier, with each other: one side.
            first = bounds[remaining[0].claim.id]
            taken = [f for f in remaining if bounds[f.claim.id].overlaps(first)]
            sides.append([f.claim for f in taken])
            taken_ids = {id(f) for f in taken}
            remaining = [f for f in remaining if id(f) not in taken_ids]
    by_id = {f.claim.id: f.claim for f in members}
    for converted, original in links.items():
        for side in sides:
            if any(c.id == original for c in side):
                side.append(by_id[converted])
    positions = []
    for index, side in enumerate(sides):
        label = _timeline_label(side) if index in rising else None
        label = label or _side_label(side)
        support = tuple(sorted({outlet_of[c.source] for c in side}))
        unit = side[0].unit
        positions.append(Position(label, tuple(side), support, unit))
    positions.sort(key=lambda p: (-len(p.support), p.label))
    return positions


def _one_figure_per_copy(
    chain: list[Facets], misprinted: Collection[frozenset[float]]
) -> list[Facets]:
    """A timeline keeps, of each sentence's misprinted figures, the first it reaches:
    a rise from one copy's figure to the other's is the misprint, not the toll."""
    for figures in misprinted:
        first = next(
            (f.claim.value.nominal for f in chain if f.claim.value.nominal in figures), None
        )
        chain = [
            f
            for f in chain
            if f.claim.value.nominal not in figures or f.claim.value.nominal == first
        ]
    return chain


def _timeline(members: Sequence[Facets], bounds: Mapping[str, Bounds]) -> list[Facets]:
    """The figures of a running total that fit one rising timeline: one side.

    812 dead on Monday, 1,411 on Tuesday and 2,205 on Thursday are one toll at three
    times, not three positions; a figure that breaks the rise (a lower count later, a
    second count for the same time) is a side of its own. The timeline is the longest
    chain of figures in time order whose values never fall (patience sorting, n log n);
    figures of unknown time join it when their value fits one of its figures.
    """
    timed = [f for f in members if _moment(f) is not None]
    # Within one moment the larger figure comes first, so two different counts for the
    # same time can never both join the rising chain.
    ordered = sorted(timed, key=lambda f: (_moment(f), -bounds[f.claim.id].midpoint))
    tails: list[float] = []  # smallest last value of a chain of each length
    ends: list[int] = []  # index (in ordered) of that chain's last figure
    parent: list[int | None] = []
    for index, facet in enumerate(ordered):
        value = bounds[facet.claim.id].midpoint
        at = bisect.bisect_right(tails, value)
        parent.append(ends[at - 1] if at else None)
        if at == len(tails):
            tails.append(value)
            ends.append(index)
        else:
            tails[at], ends[at] = value, index
    chain: list[Facets] = []
    cursor: int | None = ends[-1] if ends else None
    while cursor is not None:
        chain.append(ordered[cursor])
        cursor = parent[cursor]
    chain.reverse()
    fits = [
        f
        for f in members
        if _moment(f) is None
        and any(bounds[f.claim.id].overlaps(bounds[c.claim.id]) for c in chain)
    ]
    return chain + fits


def _moment(facet: Facets) -> tuple[float, int] | None:
    """A running total's figure's place in time: its day, then minutes (a final count
    after every hour of its day, a figure without an hour at the end of its day)."""
    when = facet.when
    if when is None or when.day is None:
        return None
    day = day_number(when.day, has_year(when.day))
    if when.basis is TimeBasis.FINAL:
        return day, 24 * 60 + 1
    return day, when.minutes if when.minutes is not None else 24 * 60


# Among equally common wordings a side is named by the most precise one.
_PRECISION = {
    Qualifier.EXACT: 0,
    Qualifier.RANGE: 1,
    Qualifier.ABOUT: 2,
    Qualifier.NEARLY: 2,
    Qualifier.MORE_THAN: 3,
    Qualifier.AT_LEAST: 3,
    Qualifier.UP_TO: 3,
    Qualifier.LESS_THAN: 3,
}


def _timeline_label(side: Sequence[Claim]) -> str | None:
    """ "144 to 3,689 people (a running total)": a timeline side (its figures never fall
    in time) is named by its lowest and highest figures, not by one of them (None when
    it holds one figure)."""
    values = sorted(
        (c for c in side if isinstance(c.value.nominal, int | float)),
        key=lambda c: float(c.value.nominal or 0),
    )
    if len({c.value.nominal for c in values}) < 2:
        return None
    low = value_label(values[0], with_unit=False)  # "at least 40", never "at"
    return f"{low} to {_side_label([values[-1]])} (a running total)"


def _side_label(side: Sequence[Claim]) -> str:
    """The most common wording of a side's value; its most common noun for counts."""
    primary = [c for c in side if c.unit == side[0].unit] if side[0].kind is Kind.MONEY else side
    with_unit = primary[0].kind is Kind.MONEY
    labels = [value_label(c, with_unit=with_unit) for c in primary]
    values = Counter(labels)
    precision = {
        label: _PRECISION[c.value.qualifier] for label, c in zip(labels, primary, strict=True)
    }
    value = max(values, key=lambda text: (values[text], -precision[text], text))
    if primary[0].kind is not Kind.COUNT:
        return value
    units = Counter(c.unit for c in primary if c.unit)
    unit = max(units, key=lambda u: (units[u], u)) if units else ""
    return f"{value} {unit}".strip()


Clash = tuple[Facets, Facets, str, Severity]


@dataclass(frozen=True, slots=True)
class Agreed:
    """Why two different figures were judged compatible (the report says it)."""

    reason: str


def _worst_clash(
    members: Sequence[Facets],
    bounds: Mapping[str, Bounds],
    read: Mapping[str, Bounds],
    vocabulary: Vocabulary,
) -> Clash | None:
    """The most severe contradicting pair, or None when no pair contradicts.

    Errors rank before warnings, then the pair whose first claim comes first by file
    and line (then the first pair in group order). Two shortcuts keep a large group
    from costing the square of its size, without changing the answer:

    - intervals that all share a point never contradict (two intervals overlapping
      pairwise is the same as all of them sharing a point, on a line), which settles
      every agreeing group in one pass;
    - first claims are tried in the order of that ranking, so the first error found
      is the answer and the rest of the group is not compared;
    - once a warning is found only an error can change the answer, so pairs that can
      only be a warning (:func:`_warning_at_most`) are not compared.

    Two dates are never set against each other when either's source also gives the
    other's day (:func:`_also_gives`), nor two figures of a source that lists several
    of them (:func:`_listing_sources`).
    """
    if _all_overlap(members, read):
        return None
    order = sorted(range(len(members)), key=lambda i: _where(members[i].claim))
    worst: Clash | None = None
    dated = _days_by_source(members, bounds)
    listing = _listing_sources(members)
    for i in order:
        a = members[i]
        for b in members[i + 1 :]:
            if worst is not None and _warning_at_most(a, b):
                continue
            if _also_gives(dated, a, b, bounds) or _also_gives(dated, b, a, bounds):
                continue
            if a.claim.source == b.claim.source and a.claim.source in listing:
                continue  # a list of margins, seats or tolls: many things, not one twice
            clash = _clash(a, b, bounds, read, vocabulary)
            if isinstance(clash, Agreed):
                continue
            if clash[3] is Severity.ERROR:
                return clash
            if worst is None:
                worst = clash  # the first warning in ranking order, unless an error follows
    return worst


# A source that gives this many different figures of one kind is listing several things
# (each constituency's margin, each town's toll), not contradicting itself.
LISTED = 3


def _listing_sources(members: Sequence[Facets]) -> frozenset[str]:
    """Sources that give at least :data:`LISTED` different figures in one group."""
    values: dict[str, set[object]] = defaultdict(set)
    for facet in members:
        values[facet.claim.source].add(facet.claim.value.nominal)
    return frozenset(source for source, seen in values.items() if len(seen) >= LISTED)


def _days_by_source(
    members: Sequence[Facets], bounds: Mapping[str, Bounds]
) -> dict[str, list[Bounds]]:
    """The days each source gives in a group of dates (empty for figures)."""
    dated: dict[str, list[Bounds]] = defaultdict(list)
    for facet in members:
        if facet.claim.kind is Kind.DATE:
            dated[facet.claim.source].append(bounds[facet.claim.id])
    return dated


def _also_gives(
    dated: Mapping[str, list[Bounds]], a: Facets, b: Facets, bounds: Mapping[str, Bounds]
) -> bool:
    """Whether ``a``'s own source also gives ``b``'s day for the event: "the quake struck
    on Friday" and, further down, "rescuers pulled a teacher from the quake rubble on
    Thursday" are two days of one story, not the source against itself or against
    another outlet that dates the quake Friday."""
    theirs = bounds[b.claim.id]
    return any(d.overlaps(theirs) for d in dated.get(a.claim.source, ()))


def _all_overlap(members: Sequence[Facets], bounds: Mapping[str, Bounds]) -> bool:
    """Whether, per currency, every claim's interval contains one common point."""
    by_unit: dict[str | None, list[Bounds]] = {}
    for facet in members:
        claim = facet.claim
        unit = claim.unit if claim.kind is Kind.MONEY else None
        by_unit.setdefault(unit, []).append(bounds[claim.id])
    for intervals in by_unit.values():
        # the latest start and the earliest end; an open end is the tighter one on a tie
        low = max(intervals, key=lambda b: (b.low, not b.low_inclusive))
        high = min(intervals, key=lambda b: (b.high, b.high_inclusive))
        if not (
            low.low < high.high
            or (low.low == high.high and low.low_inclusive and high.high_inclusive)
        ):
            return False
    return True


# Two figures more than this many times apart measure different things (a city and the
# nation, one day and the whole festival), whatever ties their words.
APART = 10.0


@cache
def _vague_amounts() -> tuple[str, ...]:
    """The number grammar's vague amounts ("dozens", "thousands"): orders of magnitude."""
    return tuple(data_table("numbers")["vague"])


def _apart(a: Bounds, b: Bounds) -> bool:
    small, large = sorted((a.midpoint, b.midpoint))
    return small > 0 and large / small > APART


# Two outlets that report one count differ by a few percent, a digit or a hedge; figures
# this many times apart are two counts (one event's crowd and another's, a day's toll and
# the season's) unless the same owner or the same sentence ties them, or a slip of the
# keys explains the gap.
FAR_APART = 2.5

_FIRM_TIES = ("both are about", "both sources print the same sentence")


def _far_apart(
    a: Facets, b: Facets, bounds: Mapping[str, Bounds], ties: Sequence[str]
) -> Agreed | None:
    """Agreed when two figures lie more than :data:`FAR_APART` times apart and only
    loose ties (a shared word, a day, the story) hold them together; None otherwise.

    Two authorities' headcounts are left to the verdict (police and unions are often
    that far apart), and so are dates (see the one-off rules)."""
    if a.claim.kind is Kind.DATE or _headcount_authorities(a, b):
        return None
    small, large = sorted((bounds[a.claim.id].midpoint, bounds[b.claim.id].midpoint))
    if small <= 0 or large / small <= FAR_APART or math.isinf(large):
        return None
    if any(tie.startswith(_FIRM_TIES) for tie in ties) or digit_slip(a.claim, b.claim):
        return None
    if _same_wording(a.claim, b.claim):
        return None  # "1,500 solar-powered lanterns" / "15,000 solar-powered lanterns"
    return Agreed(f"{large / small:.0f} times apart and tied only loosely: likely different counts")


# Words of a quote besides its figure that make its wording its own: "solar-powered
# lanterns", "heads of government" (a bare "people" or "countries" ties nothing).
OWN_WORDING_WORDS = 2


_WORD = re.compile(r"[^\W\d_][\w'-]*")


def _same_wording(a: Claim, b: Claim) -> bool:
    """The two quotes are one wording with two figures, and the wording says more than
    a bare noun: what they count is named alike, however far apart the figures."""
    frame = figure_frame(a.quote)
    return frame == figure_frame(b.quote) and len(_WORD.findall(frame)) >= OWN_WORDING_WORDS


def _headcount_authorities(a: Facets, b: Facets) -> bool:
    """Two named authorities' estimates of one crowd or toll (police and organisers)."""
    return bool(
        a.headcount and b.headcount and a.authority and b.authority and a.authority != b.authority
    )


def _plausible(facet: Facets, bounds: Mapping[str, Bounds]) -> Bounds:
    """How a reader takes a figure: "more than 16" is not 60 (see intervals.plausible),
    but "thousands of" is an order of magnitude, not a figure to stretch."""
    claim = facet.claim
    strict = bounds[claim.id]
    vague = any(word in claim.quote.lower() for word in _vague_amounts())
    if claim.kind is Kind.DATE or vague:
        return strict
    return plausible(strict, claim.value.qualifier)


def _misprints(
    claims: Sequence[Claim], bounds: Mapping[str, Bounds]
) -> tuple[dict[str, Bounds], list[frozenset[float]]]:
    """Figures of one sentence printed by several sources with different figures ("At
    least 1,737" / "At least 1,773 fossil fuel lobbyists"), read as the figure itself:
    their hedges overlap, but the copies are meant to state one number, so each is its
    own side. Also each sentence's set of figures."""
    by_text: dict[tuple[str, str, Qualifier], list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.kind is not Kind.DATE and claim.value.nominal is not None:
            key = (
                figure_frame(claim.sentence),
                figure_frame(claim.quote),
                claim.value.qualifier,
            )
            by_text[key].append(claim)
    read: dict[str, Bounds] = {}
    misprinted: list[frozenset[float]] = []
    for copies in by_text.values():
        if len({c.value.nominal for c in copies}) > 1 and len({c.source for c in copies}) > 1:
            misprinted.append(frozenset(float(c.value.nominal or 0) for c in copies))
            for claim in copies:
                value = float(claim.value.nominal or 0)
                point = Bounds(value, value)
                if point.overlaps(bounds[claim.id]):  # "more than 5" never reads as 5
                    read[claim.id] = point
    return read, misprinted


def _updated(a: Facets, b: Facets) -> bool:
    """The two sentences hold at two times: both texts state different times, or one
    outlet's newer version of a running total (a reprint published a day later still
    holds when the copy did)."""
    ca, cb = a.claim, b.claim
    if ca.as_of == cb.as_of:
        return False
    if ca.as_of_basis is TimeBasis.STATED and cb.as_of_basis is TimeBasis.STATED:
        return True
    if not (ca.outlet and ca.outlet == cb.outlet and a.cumulative and b.cumulative):
        return False
    # a newer version of a running total is higher: a later copy with a lower figure
    # ("about 25,000" a day after "about 250,000") is a reprint's misprint, no update
    early, late = sorted((ca, cb), key=lambda c: c.as_of or "")
    return float(late.value.nominal or 0) >= float(early.value.nominal or 0)


def _misprinted_copy(a: Facets, b: Facets) -> bool:
    """Two outlets (or one, at one time) print one sentence, the same words around the
    figure at the same place, the same source quoted, and two figures."""
    return reprinted_figure(a.claim, b.claim) and not _updated(a, b)


HOURS_APART = 120  # minutes between two stated times of one day for a count to change


def _stated_apart(a: Facets, b: Facets) -> str | None:
    """The two times, when both texts state when their figure holds and they differ:
    two days, or two hours or parts of one day ("on Monday afternoon" / "late on
    Monday")."""
    wa, wb = a.when, b.when
    if wa is None or wb is None or not (wa.day and wb.day):
        return None
    if wa.basis is not TimeBasis.STATED or wb.basis is not TimeBasis.STATED:
        return None
    if not has_year(wa.day) or not has_year(wb.day):
        return None
    if wa.day != wb.day:
        return f"{day_text(wa.day)} / {day_text(wb.day)}"
    if wa.minutes is None or wb.minutes is None or abs(wa.minutes - wb.minutes) < HOURS_APART:
        return None  # "by about 6 pm" and "at 6.05 pm" are one count
    return f"{_at(a)} / {_at(b)}"


def _warning_at_most(a: Facets, b: Facets) -> bool:
    """Whether :func:`_clash` can only find a warning (or nothing) in this pair: a
    source against itself, two authorities' headcounts, or a forecast (unless a copy of
    its sentence misprints it)."""
    if a.claim.source == b.claim.source:
        return True
    if _headcount_authorities(a, b):
        return True
    return (a.forecast or b.forecast) and not _misprinted_copy(a, b)


def _first_upper(text: str) -> str:
    """The reason as a sentence: its first letter upper case and, unlike
    ``str.capitalize``, every quote and name in it as written ("Friday, July 12")."""
    return text[:1].upper() + text[1:]


def _weekday_misdate(a: Claim, b: Claim) -> tuple[str, Severity] | None:
    """A date whose own weekday contradicts it, set against the other claim's day.

    "Friday, July 12" (a Saturday) against another source's July 11: the written
    weekday points to the other day, an error. "Thursday, July 4" (a Friday) against
    "Friday" for the same July 4: the day agrees and the weekday does not, a warning.
    """
    for x, y in ((a, b), (b, a)):
        slip = weekday_slip(x.quote, str(x.value.low))
        if slip is None or x.value.low != x.value.high or y.value.low != y.value.high:
            continue
        written, actual, implied = slip
        wrong = f'"{x.quote}" names a {written}, but {day(str(x.value.low))} was a {actual}'
        if str(y.value.low) == implied:
            return f"{wrong}; the {written} is {day(implied)}, the day {y.quote!r} gives", (
                Severity.ERROR
            )
        if y.value.low == x.value.low and actual.lower() in y.quote.lower():
            return f"{wrong}, as {y.quote!r} says", Severity.WARNING
    return None


def _clash(
    a: Facets,
    b: Facets,
    bounds: Mapping[str, Bounds],
    read: Mapping[str, Bounds],
    vocabulary: Vocabulary,
) -> Clash | Agreed:
    """Whether two claims of a group contradict, why, and how badly; or why not.

    Only reported facts about the same thing at the same time, from the same
    authority, whose intervals are disjoint are an ``error``. Everything else that
    disagrees is a ``warning`` that says why: a forecast, plan or estimate against an
    outcome; two authorities' headcounts; a running total reported lower later, or two
    counts of one day whose hours are not given; a source against itself; a near miss
    on what may be two sittings of a session; two figures that differ the way a typing
    slip changes one (:mod:`.misprint`) when nothing else sets them apart. Counts that
    each text says hold on a different day are no clash: what is counted may have
    changed in between.
    """
    if a.claim.kind is Kind.MONEY and a.claim.unit != b.claim.unit:
        return Agreed(f"amounts in two currencies ({a.claim.unit} / {b.claim.unit})")
    if a.claim.kind is Kind.DATE and (misdate := _weekday_misdate(a.claim, b.claim)):
        return (a, b, *misdate)
    pa, pb = read[a.claim.id], read[b.claim.id]
    if pa.overlaps(pb) or pa.touches(pb):
        return Agreed("the hedged figures overlap, so both can be true")
    if _misprinted_copy(a, b) and not rounding_of(a.claim, b.claim):
        # "At least 1,737" in a reprint of "At least 1,773", "about 25,000" in a reprint
        # of "about 250,000": a copy of one sentence states one figure, at one time,
        # whatever the hedges allow and however far apart the two are printed
        return (a, b, "a copy of the same sentence gives another figure", Severity.ERROR)
    if _apart(pa, pb) and not digit_slip(a.claim, b.claim):
        # far apart figures count different things, unless the digits are the same and
        # only the scale word differs ("€10.6 billion" / "10.6 million euros")
        return Agreed("figures more than ten times apart count different things")
    if rounded := rounding_of(a.claim, b.claim):
        return Agreed(rounded)
    verdict, ties = identity(a, b, vocabulary)
    if verdict is Identity.DIFFERENT:
        return Agreed(f"they count different things: {ties[0]}" if ties else "different things")
    judged = _tied_clash(a, b, verdict, ties, bounds, read)
    # "9,148" and "9,418": a slip of the keys, whatever else might explain the gap
    slip = isinstance(judged, Agreed) and not (a.forecast or b.forecast)
    if slip and (how := digit_slip(a.claim, b.claim)):
        why = f"the figures differ by {how} ({a.claim.quote} / {b.claim.quote})"
        return (a, b, f"{why}: a likely misprint", Severity.WARNING)
    return judged


def _tied_clash(
    a: Facets,
    b: Facets,
    verdict: Identity,
    ties: Sequence[str],
    bounds: Mapping[str, Bounds],
    read: Mapping[str, Bounds],
) -> Clash | Agreed:
    """:func:`_clash` for two figures nothing tells apart (``verdict`` is not DIFFERENT)."""
    ba, bb = bounds[a.claim.id], bounds[b.claim.id]
    if verdict is Identity.UNTIED:
        return Agreed("nothing says they count the same thing")
    if verdict is Identity.POSSIBLE:
        return (a, b, "a near miss on what may be the same session", Severity.WARNING)
    # Two counters estimate a crowd or a toll differently; a date, a pledge or a tally
    # of countries has one true value whoever gives it.
    authorities = _headcount_authorities(a, b)
    if (still := _still_rising(a, b, ba, bb)) is not None:
        return still
    if a.cumulative and b.cumulative:
        running = _running_total(a, b, ba, bb, authorities)
        if isinstance(running, Agreed):
            return running
        if isinstance(running, str):
            return (a, b, running, Severity.WARNING)
    if a.cumulative and b.cumulative and (rising := _forecast_rise(a, b, ba, bb)):
        return Agreed(rising)
    if (far := _far_apart(a, b, bounds, ties)) is not None:
        return far
    if ties == [ONLY_FIGURE] and a.claim.kind is Kind.DATE and not slipped_day(a.claim, b.claim):
        # "the tomb opened on 27 April" and "the conclave had opened on 7 May": one
        # date each for an event word, and far from any misdate (a day or two, or one
        # digit): two occasions, more likely than one misdated
        return Agreed("only the event word ties two days far apart: likely two occasions")
    if a.forecast or b.forecast:
        if (more := _more_came(a, b, ba, bb)) is not None:
            return more
        kinds = sorted({str(f.claim.modality) for f in (a, b) if f.forecast})
        named = " / ".join(kinds)
        article = "an" if named[:1] in "aeiou" else "a"
        return (a, b, f"{article} {named} against what was reported", Severity.WARNING)
    if authorities:
        who = f"{a.claim.attribution} / {b.claim.attribution}"
        return (a, b, f"two authorities give different figures ({who})", Severity.WARNING)
    if not (a.cumulative and b.cumulative) and (days := _stated_apart(a, b)):
        # "20 missing-person reports" on Wednesday and 12 on Sunday, or 2 million homes
        # without power in the afternoon and 1.8 million late that night: a count that
        # holds at a stated time may have changed by another stated time.
        return Agreed(f"each holds at another time ({days}); the count may have changed")
    if a.claim.source == b.claim.source:
        return (a, b, "the source contradicts itself", Severity.WARNING)
    if ba.overlaps(bb) or ba.touches(bb):
        # the hedge that must mean more than it says is the one whose own words reach
        # the other figure: "more than 25,000" reaches 52,000, "more than 52,000" not 25,000
        stretched = a if _stretches(a, b, bounds, read) else b
        other = b if stretched is a else a
        if _far_past(bounds[stretched.claim.id], bounds[other.claim.id]):
            # "more than 100 constituencies" and "650 constituencies": no writer hedges
            # a figure that far below it; the two count different things
            return Agreed(
                f'"{stretched.claim.quote}" is far from {other.claim.quote}: another count'
            )
        return (
            a,
            b,
            f'the figures agree only if "{stretched.claim.quote}" means far more than it says',
            Severity.WARNING,
        )
    if ties == [ONLY_FIGURE] and a.claim.kind is not Kind.DATE and bool(a.day) != bool(b.day):
        # Nothing but their story ties them, and only one dates its occasion: each
        # source's one figure may still count two gatherings ("the forum on 7 and 8
        # June drew nearly 100 countries" and the conference's 175).
        return (
            a,
            b,
            "each source gives one figure, and nothing else says they count the same thing",
            Severity.WARNING,
        )
    if len(ties) == 1 and ties[0].startswith(ONE_OFF):
        # Only the event's name ties two days: "the crush on Tuesday" may be a misdate,
        # or another occasion the text calls by the same word
        return (a, b, "two days for one event", Severity.WARNING)
    if (apart := _published_apart(a, b)) is not None:
        return (a, b, apart, Severity.WARNING)
    return (a, b, "reported facts that cannot both be true", Severity.ERROR)


# Days between two articles beyond which a standing count (a partnership's backers, a
# coalition's members) may have changed, when neither dates what it counts.
STANDING_DAYS = 14


def _published_apart(a: Facets, b: Facets) -> str | None:
    """Two figures that date nothing, each holding when its article was written, weeks
    apart: "ten governments" at a launch and "nine" in an analysis a month later may
    both have been true. A warning that says so, not an error."""
    if a.day or b.day or a.claim.kind is Kind.DATE:
        return None
    if {f.when.basis if f.when else None for f in (a, b)} != {TimeBasis.PUBLISHED}:
        return None
    days = _days_apart(a, b)
    if days < STANDING_DAYS:
        return None
    return f"reported {days:.0f} days apart, and neither says when it held: it may have changed"


def _stretches(
    a: Facets, b: Facets, bounds: Mapping[str, Bounds], read: Mapping[str, Bounds]
) -> bool:
    """Whether ``a``'s hedge, read as its words allow, reaches ``b`` only stretched."""
    ida, idb = a.claim.id, b.claim.id
    return read[ida] != bounds[ida] and bounds[ida].overlaps(read[idb])


def _more_came(a: Facets, b: Facets, ba: Bounds, bb: Bounds) -> Agreed | None:
    """ "130 delegations had confirmed" on Thursday and "some 160" at Saturday's Mass:
    a preliminary count lower than what was reported later is a list that grew, not a
    miss (fewer than had registered is the news a warning is for)."""
    for early, late, eb, lb in ((a, b, ba, bb), (b, a, bb, ba)):
        if early.claim.modality is not Modality.PRELIMINARY or late.forecast:
            continue
        order = compare_times(early.when, late.when)
        if order is not None and order[0] < 0 and eb.high <= lb.low:
            return Agreed(f"a preliminary count that grew ({_at(early)}, then {_at(late)})")
    return None


def _still_rising(a: Facets, b: Facets, ba: Bounds, bb: Bounds) -> Agreed | None:
    """ "140 delegations have already entered" an hour before the Mass, and "some 160"
    at it: a count told while still rising, lower than one told no earlier, is part of
    the way there."""
    for low, high, lb, hb in ((a, b, ba, bb), (b, a, bb, ba)):
        order = compare_times(low.when, high.when)
        if low.partial and lb.high <= hb.low and order is not None and order[0] <= 0:
            return Agreed(f'"{low.claim.quote}" was still rising ({_at(low)}), then {_at(high)}')
    return None


# A running total revised down, or counted twice in a day, moves by a few percent
# within weeks; a far lower figure is a part (one province, one city) the text did not
# name as one, and a figure years apart is another count.
REVISION = 0.25
REVISION_DAYS = 45


def _running_total(
    a: Facets, b: Facets, ba: Bounds, bb: Bounds, authorities: bool
) -> Agreed | str | bool:
    """How two figures of a running total relate in time.

    Agreed: compatible (a later figure may be higher; unknown times cannot be judged;
    a far lower figure is likely a part of the whole). A reason: a warning. False: to be
    compared like any other figures (the same time stated exactly on both sides, two
    authorities' figures, or a total that never falls reported lower later).
    """
    order = compare_times(a.when, b.when)
    if order is None:
        return Agreed("a running total, and when either figure holds is not known")
    step, exact = order
    early, late = (a, b) if step <= 0 else (b, a)
    if step != 0:
        low, high = (ba, bb) if step < 0 else (bb, ba)
        if high.high >= low.low:
            return Agreed(f"a running total that grew ({_at(early)}, then {_at(late)})")
    if authorities:
        return False
    if relative_gap(ba, bb) > REVISION and not reordered_digits(a.claim, b.claim):
        return Agreed("a running total far lower than the other: likely a part of it")
    if _days_apart(early, late) > REVISION_DAYS:
        return Agreed(f"a running total counted far apart in time ({_at(early)}, {_at(late)})")
    if step != 0 and a.monotone and b.monotone:
        return False  # a total that never falls, reported lower later: a wrong figure
    if step != 0 and a.falls and b.falls:
        return Agreed(
            f"a count that falls as people are found or return ({_at(early)}, then {_at(late)})"
        )
    if step != 0:
        return f"a running total reported lower later ({_at(early)}, then {_at(late)})"
    if not exact:
        # Morning and evening counts, or a province and the whole, look the same when
        # no hour is given; only one authority's two figures for the day, in two
        # sources, are its count given twice.
        same_source = a.claim.source == b.claim.source
        if a.authority and a.authority == b.authority and not same_source:
            return f"{a.claim.attribution} gives two figures for the same day"
        return Agreed("a running total counted twice in a day, at hours not given")
    return False


# How far past a one-sided hedge's bound a figure may lie and still be read as the same
# count stretched ("more than 16" and 60 are; "more than 100" and 650 are two counts).
STRETCH_LIMIT = 4.0


def _far_past(hedged: Bounds, other: Bounds) -> bool:
    """Whether ``other`` lies more than :data:`STRETCH_LIMIT` times past the finite bound
    of the one-sided interval ``hedged``."""
    if math.isinf(hedged.high) and hedged.low > 0:
        return other.low > hedged.low * STRETCH_LIMIT
    if math.isinf(hedged.low) and hedged.high > 0:
        return other.high * STRETCH_LIMIT < hedged.high
    return False


def _forecast_rise(a: Facets, b: Facets, ba: Bounds, bb: Bounds) -> str | None:
    """ "Officials expect the toll to pass 1,000" beside the 812 counted so far: a
    forecast that a running total will rise above the figure reported at the time it
    was made is no clash (an outcome reported later is compared with it as usual)."""
    if (a.claim.modality is Modality.FORECAST) == (b.claim.modality is Modality.FORECAST):
        return None
    forecast, reported = (a, b) if a.claim.modality is Modality.FORECAST else (b, a)
    low = (ba if forecast is a else bb).low
    if reported.forecast or low < (bb if forecast is a else ba).high:
        return None
    order = compare_times(reported.when, forecast.when)
    if order is None or order[0] > 0:
        return None  # an outcome reported after the forecast is what it forecast
    return (
        f"a forecast that the running total will rise ({forecast.claim.quote}) above "
        f"the figure reported ({reported.claim.quote})"
    )


def _days_apart(a: Facets, b: Facets) -> float:
    days = [f.when.day for f in (a, b) if f.when is not None and f.when.day is not None]
    if len(days) < 2:
        return 0.0
    with_year = all(has_year(d) for d in days)
    return abs(day_number(days[0], with_year) - day_number(days[1], with_year))


def _at(facet: Facets) -> str:
    claim = facet.claim
    when = facet.when
    moment = (
        "the final count"
        if when and when.basis is TimeBasis.FINAL
        else (day(claim.as_of) if claim.as_of else "an unknown time")
    )
    if claim.as_of_part and when and when.basis is not TimeBasis.FINAL:
        moment = f"{moment} {claim.as_of_part}"
    return f"{value_label(claim)} as of {moment}"


def _consensus(positions: Sequence[Position], total: int) -> Consensus:
    if not positions:
        return Consensus(None, 0, total)
    best = max(len(p.support) for p in positions)
    leaders = [p for p in positions if len(p.support) == best]
    if len(leaders) > 1:
        return Consensus(None, best, total, tuple(p.label for p in leaders))
    return Consensus(leaders[0].label, best, total)


def _subject(members: Sequence[Facets]) -> str:
    first = members[0]
    claim = first.claim
    if claim.kind is Kind.DATE:
        return f"date of the {first.subject_class}"
    if claim.kind is Kind.MONEY:
        owner = next((f.owner for f in members if f.owner), None)
        return f"{claim.subject.noun} in {claim.unit}" + (f" ({owner})" if owner else "")
    noun, _, role = first.subject_class.partition("|")
    subject = f"{noun} ({role})" if role else noun
    event = next((f.event_type for f in members if f.event_type), None)
    return f"number of {subject}" + (f", {event}" if event else "")


def _reasons(
    members: Sequence[Facets], vocabulary: Vocabulary, notes: Sequence[str], worst: Clash | None
) -> list[str]:
    """Why the figures were compared, in words for an editor: what ties the two set
    against each other (for a conflict), else what ties the group's figures to its first
    one; led by what both are about (the event, its day, whom both quote)."""
    reasons: list[str] = list(notes)
    pairs = [(worst[0], worst[1])] if worst else [(members[0], other) for other in members[1:]]
    for a, b in pairs:
        verdict, why = identity(a, b, vocabulary)
        if verdict in (Identity.SAME, Identity.POSSIBLE):
            event = next((f.event_type for f in members if f.event_type), None)
            same = verdict is Identity.SAME
            lead = _shared(a, b, event if same else None) if not notes else None
            said = lead or ""
            reasons.extend(
                r
                for r in (lead, *why)
                if r and r not in reasons and not (r != lead and _repeats_day(r, said))
            )
    return reasons


def _repeats_day(phrase: str, lead: str) -> bool:
    """A "both hold on March 4" after a lead that names March 4 says nothing new."""
    repeated = phrase.startswith(("both hold on ", "both are on "))
    return repeated and phrase.split(" on ", 1)[1] in lead


def _shared(a: Facets, b: Facets, group_event: str | None) -> str | None:
    """ "both are about the plenary session on October 25, 2025, quoting the ministry":
    what two compared figures have in common, or None when they share nothing named.
    ``group_event`` (given when the two were judged the same thing) is the event the
    group's figures name, which is theirs when neither names another."""
    parts = []
    if a.event_type and a.event_type == b.event_type:
        name_a, name_b = a.claim.event.name, b.claim.event.name
        parts.append(f"the {name_a if name_a and name_a == name_b else a.event_type}")
        if a.day and a.day == b.day:
            parts.append(f"on {day_text(a.day)}")
    elif group_event:
        parts.append(f"the {group_event}")
    who = a.claim.attribution
    if who and who == b.claim.attribution and a.claim.source != b.claim.source:
        parts.append(f"{'quoting' if parts else 'what'} {who}{'' if parts else ' says'}")
    return f"both are about {' '.join(parts)}" if parts else None


def _where(claim: Claim) -> str:
    return f"{claim.source}:{claim.line}"


def _explain(
    subject: str,
    positions: Sequence[Position],
    worst: Clash,
    reasons: Sequence[str],
) -> str:
    sides = []
    for position in positions:
        where = ", ".join(_where(c) for c in position.claims)
        sides.append(f"{position.label} ({where})")
    why_same = because(reasons) or "Nothing in either text tells them apart."
    return (
        f"Sources disagree on the {subject}: {' vs '.join(sides)}. "
        f"{_first_upper(worst[2])}. Compared because: {why_same}"
    )


def fingerprint(members: Sequence[Facets], positions: Sequence[Position]) -> str:
    """A stable id: what is disputed and the values on each side, never files or lines.

    Lines move and files are listed in any order; neither changes the id. A value that
    changes, or a new side, does (so a reviewed conflict whose figures change is new).
    Groups of one reconciliation that share a fingerprint are told apart afterwards
    (:func:`hanoicheck.reconcile.ids.unique_ids`).
    """
    first = members[0]
    sides = sorted(
        sorted(
            {
                f"{c.value.qualifier}:{c.value.nominal}:{c.value.low}:{c.value.high}:{c.unit}"
                for c in p.claims
            }
        )
        for p in positions
    )
    payload = json.dumps([str(first.claim.kind), first.subject_class, sides])
    return hashlib.sha1(payload.encode(), usedforsecurity=False).hexdigest()[:12]
