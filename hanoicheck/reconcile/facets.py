"""What identifies the thing a claim is about, read once per claim.

Two claims are about the same thing only if they share a story, a kind and a subject
class (hard keys: blocking), and none of their known details disagree: the day and part
of day of their event, the event type, the owner and period of money. A detail one
claim leaves unknown neither separates nor fully ties two claims: see
:func:`identity`.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from enum import Enum
from functools import cache, lru_cache
from itertools import pairwise

from rapidfuzz import fuzz

from hanoicheck.extract.counts import INCREMENT
from hanoicheck.extract.timescope import part_hours
from hanoicheck.intervals import day_number, has_year, span_bounds
from hanoicheck.lexicon import default_lexicon
from hanoicheck.model import Claim, Kind, Modality, TimeBasis
from hanoicheck.reconcile import signature
from hanoicheck.reconcile.budget import MAX_COMPARED_PER_SOURCE
from hanoicheck.reconcile.labels import day_text
from hanoicheck.reconcile.vocabulary import Vocabulary, fold, similarity

_PART_OF_DAY_ORDER = {"morning": 0, "afternoon": 1, "evening": 2, "night": 3}


NEAR_COPY = 90.0  # rapidfuzz ratio of two sentences that are one sentence copied
COPY_SHIFT = 0.1
ONLY_FIGURE = "no source gives another figure for it"  # the weakest tie: none found apart
ONE_OFF = "both date the "  # two sources' days for an event a story has once


@dataclass(frozen=True, slots=True)
class When:
    """When a figure holds, comparable: its day, minutes into the day, and basis."""

    day: str | None
    minutes: int | None
    basis: TimeBasis


@dataclass(frozen=True, slots=True)
class Facets:
    """A claim with the details the reconciler compares, normalised.

    ``scope`` is the place the figure is restricted to (None: the whole, or the venue
    of the only place named for its quantity), ``part_of`` the set a subset divides,
    ``authority`` who gives the figure (None: the outlet itself, or an unnamed
    official), ``when`` the time the figure holds, ``signature`` the weighted words of
    its clause, ``event_names`` the proper names of its event's name (see
    :func:`event_names`); ``headcount`` marks a count of people that whoever counts them
    estimates (a crowd, a toll), ``monotone`` a running total that never falls
    (signatures), ``falls`` one that falls as a disaster recedes (the missing are
    found), ``partial`` a count told while still rising ("have already entered"),
    ``daily`` a count of a role counted per day (read once here: grouping
    asks it of millions of pairs at 10,000 articles). ``single`` says that no source of
    the story gives two figures of this quantity that nothing tells apart: the story's
    articles each name one such thing, so two of them need no other tie to be compared.
    """

    claim: Claim
    story: str
    subject_class: str
    day: str | None
    part_of_day: str | None
    event_type: str | None
    owner: str | None
    period: str | None
    cumulative: bool
    recurring: bool
    repeated: bool = False  # an event a story may tell several of (launches, votes)
    scope: str | None = None
    part_of: str | None = None
    authority: str | None = None
    when: When | None = None
    signature: signature.Signature = signature.EMPTY
    single: bool = False
    headcount: bool = False
    monotone: bool = False
    falls: bool = False
    partial: bool = False
    event_names: frozenset[str] = frozenset()
    daily: bool = False
    support: int = 0  # a date: how many outlets of the story give its day for its event

    @property
    def block(self) -> tuple[str, str, str]:
        """Claims of different blocks are never compared."""
        return (self.story, str(self.claim.kind), self.subject_class)

    @property
    def forecast(self) -> bool:
        """Anything but a reported fact (forecast, plan, estimate, first count)."""
        return self.claim.modality is not Modality.REPORTED

    @property
    def known(self) -> int:
        """How many identifying details are known (more specific claims anchor groups)."""
        details = (self.day, self.part_of_day, self.event_type, self.owner, self.period)
        return sum(d is not None for d in details)

    def time_key(self) -> tuple[float, int] | None:
        """When a running total was reported: last day of the event, then part of day."""
        if self.day is None:
            return None
        bounds = span_bounds(self.day, with_year=has_year(self.day))
        return bounds.high, _PART_OF_DAY_ORDER.get(self.part_of_day or "", 1)


class Identity(Enum):
    """How sure we are that two claims are about the same thing.

    Only SAME claims are ever set against each other as an outlet's error: a detail
    must tie them (the same stated day, owner, place, authority, event or words), and
    none may tell them apart. UNTIED claims are kept apart when their values differ
    (nothing says they count one thing); POSSIBLE ones may be two sittings of a
    recurring session and are flagged only as a near miss.
    """

    DIFFERENT = "different"
    UNTIED = "untied"
    POSSIBLE = "possible"  # nothing disagrees but a detail that could tell them apart is missing
    SAME = "same"


def subject_class(claim: Claim, vocabulary: Vocabulary) -> str:
    """The compared quantity: a count class, a money type and currency, or an event type.

    Money in two currencies is never compared (no exchange rate is assumed), so the
    currency is part of the class; a conversion printed next to a figure takes the
    class of the figure it converts (see :func:`conversions`).
    """
    if claim.kind is Kind.COUNT:
        return vocabulary.count_class(claim.subject.noun, claim.subject.role, claim.quote)
    if claim.kind is Kind.DATE:
        return claim.event.type or claim.subject.noun or ""
    return f"{claim.subject.noun}|{claim.unit or ''}"


# Characters either side of a count's quote searched for a word that makes it partial.
PARTIAL_REACH = 40


@lru_cache(maxsize=8)
def _markers(words: tuple[str, ...]) -> re.Pattern[str] | None:
    if not words:
        return None
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE)


def _partial(claim: Claim, vocabulary: Vocabulary) -> bool:
    """ "140 delegations have already entered": a count still rising when it was told."""
    at = claim.sentence.find(claim.quote)
    markers = _markers(vocabulary.cumulative_markers)
    if at < 0 or markers is None:
        return False
    end = at + len(claim.quote) + PARTIAL_REACH
    return markers.search(claim.sentence, max(0, at - PARTIAL_REACH), end) is not None


def _story_classes(
    claims: list[Claim], story_of: list[str], classes: list[str], vocabulary: Vocabulary
) -> list[str]:
    """A count that names no event, or names the story's own, takes the class its
    story's event gives its noun: "nearly 600,000 people took part" in a story of strike
    days counts demonstrators, and so do "52,000 people gathered" at one of its rallies
    (``[story_classes]`` in ``data/reconcile.toml``)."""
    if not vocabulary.story_classes:
        return classes
    events: dict[str, Counter[str]] = defaultdict(Counter)
    for story, claim in zip(story_of, claims, strict=True):
        if claim.event.type:
            events[story][fold(claim.event.type)] += 1
    main = {story: counts.most_common(1)[0][0] for story, counts in events.items()}
    renamed = []
    for story, claim, klass in zip(story_of, claims, classes, strict=True):
        story_event = main.get(story, "")
        mapped = vocabulary.story_classes.get(story_event, {})
        own = claim.event.type is None or fold(claim.event.type) == story_event
        if claim.kind is Kind.COUNT and own and klass in mapped:
            klass = mapped[klass]
        renamed.append(klass)
    return renamed


CONVERSION_GAP = 20  # characters between a figure and its conversion: " (", ", or about "


def conversions(claims: Iterable[Claim]) -> dict[str, str]:
    """Money claim id -> id of the figure it converts, within one sentence.

    "Norway pledged EUR 20 million (US$21.7 million)": the dollar figure is the same
    pledge, so it sides with the euro figure instead of being a second amount.
    """
    by_sentence: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.kind is Kind.MONEY:
            by_sentence[(claim.source, claim.sentence)].append(claim)
    links: dict[str, str] = {}
    for items in by_sentence.values():
        items.sort(key=lambda c: c.start)
        for before, after in pairwise(items):
            close = 0 <= after.start - before.end <= CONVERSION_GAP
            if close and before.unit != after.unit and _converts(before, after):
                links[after.id] = links.get(before.id, before.id)
    return links


def _converts(before: Claim, after: Claim) -> bool:
    """Whether only a bracket or "about" stands between two amounts: "£10 million (about
    US$12.9 million)" is one sum, "£10 million; South Korea US$2 million" two."""
    sentence = before.sentence
    first = sentence.find(before.quote)
    second = sentence.find(after.quote, first + len(before.quote)) if first >= 0 else -1
    if second < 0:
        return True  # the sentence was shortened: trust the distance alone
    between = sentence[first + len(before.quote) : second]
    if ";" in between:
        return False
    words = re.findall(r"[A-Za-z]{2,}", between)
    allowed = _conversion_words()
    return all(w.lower() in allowed or w.isupper() for w in words)


@cache
def _conversion_words() -> frozenset[str]:
    return frozenset(default_lexicon().words("conversion_words"))


def build_facets(
    claims: Iterable[Claim],
    stories: dict[str, str],
    vocabulary: Vocabulary,
    outlet_of: Mapping[str, str] | None = None,
) -> list[Facets]:
    """Facets of every claim, with an event day filled in from its own source.

    "At the discussion session, more than 60 countries..." names no day, but when the
    same article dates the (only) discussion session October 26, that is its day.
    Signatures are weighed within each story, and a place that is the only one named
    for a quantity in its story is its venue, not a part of it ("64 heads of state
    in Nice" and "more than 60 heads of state" count the same leaders).
    """
    claims = list(claims)
    days_by_type: dict[tuple[str, str], set[str]] = defaultdict(set)
    for claim in claims:
        if claim.event.type and claim.event.date:
            days_by_type[(claim.source, claim.event.type)].add(claim.event.date)
    converts = conversions(claims)
    by_id = {c.id: c for c in claims}
    story_of = [stories.get(c.source, c.source) for c in claims]
    weighed = signature.signatures(
        (story, claim.source, signature.context_words(claim, vocabulary))
        for story, claim in zip(story_of, claims, strict=True)
    )
    classes = [subject_class(by_id[converts.get(c.id, c.id)], vocabulary) for c in claims]
    classes = _story_classes(claims, story_of, classes, vocabulary)
    places: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for story, klass, claim in zip(story_of, classes, claims, strict=True):
        if claim.subject.scope:
            places[(story, str(claim.kind), klass)].add(fold(claim.subject.scope))
    names: dict[frozenset[str], frozenset[str]] = {}  # one set per distinct event name

    def shared(found: frozenset[str]) -> frozenset[str]:
        return names.setdefault(found, found)

    facets = []
    for index, claim in enumerate(claims):
        primary = by_id[converts[claim.id]] if claim.id in converts else claim
        day = claim.event.date
        if day is None and claim.event.type:
            known = days_by_type.get((claim.source, claim.event.type), set())
            if len(known) == 1:
                day = next(iter(known))
        role = claim.subject.role or ""
        story, klass = story_of[index], classes[index]
        scope = fold(claim.subject.scope) if claim.subject.scope else None
        if scope is not None and len(places[(story, str(claim.kind), klass)]) == 1:
            scope = None  # the only place named for this quantity: its venue
        facets.append(
            Facets(
                claim=claim,
                story=story,
                subject_class=klass,
                day=day if claim.kind is not Kind.DATE else claim.event.date,
                part_of_day=claim.event.part_of_day,
                event_type=claim.event.type,
                owner=(
                    vocabulary.owner(primary.subject.owner) if claim.kind is not Kind.DATE else None
                ),
                period=fold(claim.subject.period) if claim.subject.period else None,
                cumulative=claim.kind is Kind.COUNT
                and fold(role) not in vocabulary.fixed_roles
                and (
                    fold(role) in vocabulary.cumulative_roles
                    or fold(claim.subject.noun) in vocabulary.cumulative_nouns
                    or fold(claim.event.type or "") in vocabulary.cumulative_events
                ),
                partial=claim.kind is Kind.COUNT and _partial(claim, vocabulary),
                recurring=bool(claim.event.type)
                and fold(claim.event.type or "") in vocabulary.recurring_events,
                repeated=fold(claim.event.type or "") in vocabulary.repeated_events,
                scope=scope,
                part_of=fold(claim.subject.part_of) if claim.subject.part_of else None,
                authority=vocabulary.authority(claim.attribution),
                headcount=claim.kind is Kind.COUNT
                and fold(claim.subject.noun) in vocabulary.headcount_nouns,
                monotone=fold(role) in vocabulary.monotone_roles,
                falls=fold(role) in vocabulary.falling_roles,
                when=_when(claim),
                signature=weighed[index],
                event_names=shared(event_names(claim, vocabulary)),
                daily=claim.kind is Kind.COUNT and fold(role) in vocabulary.daily_roles,
            )
        )
    return _mark_support(_mark_single(facets, converts, vocabulary), outlet_of or {})


def _mark_support(facets: list[Facets], outlet_of: Mapping[str, str]) -> list[Facets]:
    """Count, for every date, the outlets of its story that give its day for its event
    (a reprint counts with its wire): four outlets date the landfall Thursday and one
    Wednesday is a consensus and an outlier, where one outlet against one is a guess."""
    sources: dict[tuple[str, str, object, object], set[str]] = defaultdict(set)
    for facet in facets:
        claim = facet.claim
        if claim.kind is Kind.DATE and facet.event_type:
            outlet = outlet_of.get(claim.source, claim.source)
            sources[(facet.story, facet.event_type, claim.value.low, claim.value.high)].add(outlet)
    if not sources:
        return facets
    marked = []
    for facet in facets:
        claim = facet.claim
        if claim.kind is Kind.DATE and facet.event_type:
            key = (facet.story, facet.event_type, claim.value.low, claim.value.high)
            facet = replace(facet, support=len(sources[key]))
        marked.append(facet)
    return marked


def _mark_single(
    facets: list[Facets], converts: dict[str, str], vocabulary: Vocabulary
) -> list[Facets]:
    """Set ``single`` on the facets of every block no source makes ambiguous.

    A source is ambiguous about a quantity when it gives two different figures for it
    that no place, part, time or target status tells apart ("95 countries backed the
    plastics call ... 37 joined the moratorium"): then the quantity's name covers
    several things in this story, and figures of it are compared only when tied.
    """
    by_block: dict[tuple[str, str, str], list[Facets]] = defaultdict(list)
    for facet in facets:
        by_block[facet.block].append(facet)
    single: set[str] = set()
    for members in by_block.values():
        if _vague(members[0], vocabulary):
            continue
        by_source: dict[str, list[Facets]] = defaultdict(list)
        for facet in members:
            if facet.claim.id not in converts and facet.claim.modality is not Modality.PLAN:
                by_source[facet.claim.source].append(facet)
        # Only the figures a source brings to the comparison (reconcile.budget) count.
        if not any(_ambiguous(items[:MAX_COMPARED_PER_SOURCE]) for items in by_source.values()):
            single.update(f.claim.id for f in members)
    return [replace(f, single=True) if f.claim.id in single else f for f in facets]


def _vague(facet: Facets, vocabulary: Vocabulary) -> bool:
    """A class that names no particular quantity: money of an unknown type, a date of
    an unnamed event, "people" doing nothing the sentence says. Its figures are only
    compared when a detail ties them."""
    claim = facet.claim
    if claim.kind is Kind.MONEY:
        return claim.subject.noun == "other"
    if claim.kind is Kind.DATE:
        return facet.subject_class in ("", "event")
    return claim.subject.role is None and fold(claim.subject.noun) in vocabulary.vague_nouns


def _ambiguous(items: list[Facets]) -> bool:
    from hanoicheck.intervals import bounds_of

    for index, a in enumerate(items):
        ba = bounds_of(a.claim, has_year(str(a.claim.value.low or "")))
        for b in items[index + 1 :]:
            if (a.scope, a.part_of, a.claim.unit) != (b.scope, b.part_of, b.claim.unit):
                continue
            bb = bounds_of(b.claim, has_year(str(b.claim.value.low or "")))
            if ba.overlaps(bb) or ba.touches(bb):
                continue
            order = compare_times(a.when, b.when) if a.cumulative else None
            if order is not None and order[0] != 0:
                continue  # a running total at two times
            if a.claim.kind is Kind.DATE and (a.recurring or a.repeated):
                continue  # two sittings of a recurring session, two launches
            return True
    return False


def _when(claim: Claim) -> When | None:
    if claim.kind is Kind.DATE:
        return None
    part = claim.as_of_part
    minutes: int | None = None
    if part and ":" in part:
        hours, _, mins = part.partition(":")
        minutes = int(hours) * 60 + int(mins)
    elif part:
        hour = part_hours().get(part)
        minutes = hour * 60 if hour is not None else None
    day = claim.as_of.rpartition("/")[2] if claim.as_of else None
    return When(day, minutes, claim.as_of_basis)


def compare_times(a: When | None, b: When | None) -> tuple[int, bool] | None:
    """Order two figures' times: (-1, 0 or 1; whether both times are stated exactly).

    None when either time is unknown. Final counts come after every dated figure; two
    figures of one day whose hours are not both given are "the same time", not
    exactly (they may be morning and evening counts).
    """
    if a is None or b is None or TimeBasis.UNKNOWN in (a.basis, b.basis):
        return None
    final_a, final_b = a.basis is TimeBasis.FINAL, b.basis is TimeBasis.FINAL
    if a.day is not None and b.day is not None:
        with_year = has_year(a.day) and has_year(b.day)
        da, db = day_number(a.day, with_year), day_number(b.day, with_year)
        if da != db and not (final_a and final_b):
            return (-1 if da < db else 1), False
    if final_a or final_b:
        # "the final count" comes after every count of its day (or of an unknown day)
        if final_a and final_b:
            return 0, True
        return (1 if final_a else -1), False
    if a.day is None or b.day is None:
        return None
    stated = a.basis is TimeBasis.STATED and b.basis is TimeBasis.STATED
    if (a.minutes is None) != (b.minutes is None):
        # A figure for a day with no hour is the day's: later than a count another
        # source gives for a time of that day ("on June 9" after "on the morning of
        # June 9"), and an article's figure is the latest it knew when it was written.
        whole_day = a if a.minutes is None else b
        return (1 if whole_day is a else -1), False
    if a.minutes is None and b.minutes is None:
        # "40 countries signed on Saturday" and "45 ... on Saturday": both say the day
        # of the event and nothing finer, so both give its count for that day
        return 0, stated
    if a.minutes is None or b.minutes is None:
        return 0, False
    if a.minutes != b.minutes:
        return (-1 if a.minutes < b.minutes else 1), False
    return 0, stated


SEASON_DAYS = 90  # occasions dated further apart than this are not one event misdated


def _occasion(facet: Facets) -> str | None:
    """When a figure's occasion took place: its event's day, else the time the text
    states it holds (never a publication date: a recap may come months later)."""
    when = facet.when
    if facet.day or when is None or when.basis is not TimeBasis.STATED or facet.forecast:
        return facet.day  # a forecast's time is when it was made, not its occasion's
    return when.day


def _seasons_apart(a: str | None, b: str | None) -> str | None:
    """The two dates, when both have years and lie more than a season apart."""
    if not (a and b and has_year(a) and has_year(b)):
        return None
    first, second = sorted((span_bounds(a, True), span_bounds(b, True)), key=lambda s: s.low)
    if second.low - first.high <= SEASON_DAYS:
        return None
    return f"{day_text(a)} / {day_text(b)}"


def _one_day(day: str) -> bool:
    """A day, or a span of a few days (a conference), not a month or a year."""
    low, _, high = day.partition("/")
    if not high:
        return True
    with_year = has_year(low) and has_year(high)
    return day_number(high, with_year) - day_number(low, with_year) <= TIED_SPAN_DAYS


TIED_SPAN_DAYS = 7
_INCREMENT = fold(INCREMENT)


# A report of an occasion is published on its day or the next: its undated figures are
# that occasion's, not an earlier one of a recurring event.
REPORTED_WITHIN_DAYS = 1


def _reported_that_day(a: Facets, b: Facets, vocabulary: Vocabulary) -> bool:
    """One figure dates its occasion, held once that day, the other dates nothing but
    is reported on that day or the next: "more than 25,000 gathered" in a report of
    Saturday's rallies is Saturday's, not June's, however often the rallies recur."""
    dated, undated = (a, b) if a.day else (b, a)
    when = undated.when
    if not dated.day or undated.day or when is None or when.day is None:
        return False
    if fold(dated.event_type or "") not in vocabulary.daily_events:
        return False  # a session may sit twice that day
    with_year = has_year(dated.day) and has_year(when.day)
    occasion = span_bounds(dated.day, with_year)
    gap = day_number(when.day, with_year) - occasion.low
    return 0 <= gap <= (occasion.high - occasion.low) + REPORTED_WITHIN_DAYS


def days_overlap(a: str, b: str) -> bool:
    """Whether two event days (ISO, maybe ``low/high``, maybe year-less) share a day."""
    with_year = has_year(a) and has_year(b)
    return span_bounds(a, with_year).overlaps(span_bounds(b, with_year))


def identity(
    a: Facets, b: Facets, vocabulary: Vocabulary, *, why: bool = True
) -> tuple[Identity, list[str]]:
    """Whether two claims of one block are about the same thing, and why.

    DIFFERENT when a detail known on both sides disagrees: two owners, periods, places,
    days, event types; a part against its whole; clauses about different things.
    Otherwise SAME when a detail ties them (the same owner, place, stated day, named
    event, source, or the same words around both figures, as in a copied sentence),
    POSSIBLE when they may be two sittings of a recurring session, and UNTIED when
    nothing ties them: a figure is never an outlet's error on a guess.

    Without ``why`` (grouping asks only for the verdict, millions of times at 10,000
    articles) the reasons stop at the first tie that settles SAME: the words around
    both figures and the near-copy test, the dearest comparisons, are then skipped.
    The verdict is the same either way.
    """
    ca, cb = a.claim, b.claim
    if ca.source == cb.source and ca.sentence == cb.sentence and ca.unit == cb.unit:
        # One sentence does not state one quantity twice (a conversion has another unit).
        return Identity.DIFFERENT, ["two figures of one sentence"]
    if _INCREMENT in (a.part_of, b.part_of) and not copied(ca, cb):
        # "nine more deaths" and "eight more cases": each adds to its own earlier count
        return Identity.DIFFERENT, ["an increment adds to its own source's earlier count"]
    verdict, ties, words = details(a, b, vocabulary)
    if verdict is not None:
        return verdict, ties
    return ties_of(a, b, vocabulary, ties, words, why=why)


def details_key(facet: Facets) -> tuple[object, ...]:
    """Everything :func:`details` reads of its second claim: two claims with one key get
    one answer. It also compares a date's words, so a date's key is its own (the
    identity of its facets, for as long as they live)."""
    claim = facet.claim
    return (
        id(facet) if claim.kind is Kind.DATE else None,
        facet.owner,
        claim.subject.owner if facet.owner else None,
        facet.period,
        facet.scope,
        facet.part_of,
        # its time, as far as it is read: the day of a daily count, the occasion
        (facet.when.day, facet.when.basis) if facet.daily and facet.when else facet.daily,
        _occasion(facet),
        claim.modality,
        facet.event_type,
        facet.day,
        facet.part_of_day,
        facet.recurring,
        facet.repeated,
        facet.event_names,
        claim.event.name,
    )


def details(
    a: Facets, b: Facets, vocabulary: Vocabulary
) -> tuple[Identity | None, list[str], signature.Comparison | None]:
    """The details of :func:`identity` (all but the one-sentence rule and the ties of
    words, authority and time): DIFFERENT or POSSIBLE with reasons, else None with the
    ties found so far; and the comparison of both claims' words when made (dates).

    Of a ``b`` that is not a date it reads only what :func:`details_key` holds.
    """
    ties: list[str] = []
    if a.owner and b.owner:
        if a.owner != b.owner:
            return Identity.DIFFERENT, [f"owners differ ({a.owner} / {b.owner})"], None
        ties.append(f"both are about {a.claim.subject.owner or b.claim.subject.owner or a.owner}")
    if a.period and b.period and a.period != b.period:
        # A period tells two sums apart; sharing one ties nothing: a story's goals,
        # demands and pledges are all "a year".
        return Identity.DIFFERENT, [f"periods differ ({a.period} / {b.period})"], None
    if (a.period in vocabulary.short_rates) != (b.period in vocabulary.short_rates):
        # "$1 billion a month" and the $1.25 billion the strike has cost so far; a goal
        # "a year" is often restated without it, a rate per day or month is not
        return Identity.DIFFERENT, ["a rate and a total"], None
    if not _same_place(a.scope, b.scope):
        places = f"{a.scope or 'the whole'} / {b.scope or 'the whole'}"
        return Identity.DIFFERENT, [f"different places ({places})"], None
    if a.scope:
        ties.append(f"both are about {a.claim.subject.scope or a.scope}")
    if a.part_of != b.part_of:
        return Identity.DIFFERENT, ["a part and its whole"], None
    if (
        a.daily
        and b.daily
        and not (_same_day(a.when, b.when) or _reported_next_day(a.when, b.when))
    ):
        days = f"{a.when.day if a.when else '?'} / {b.when.day if b.when else '?'}"
        return Identity.DIFFERENT, [f"counts of different days ({days})"], None
    if (a.claim.modality is Modality.PLAN) != (b.claim.modality is Modality.PLAN):
        # "the treaty needs 60 ratifications" is a threshold, not a count of them
        return Identity.DIFFERENT, ["a target and a count"], None
    # The words around both figures are compared only where they decide: first for
    # dates, else after every detail that may tell the two apart (most pairs stop there).
    words = signature.compare(a.signature, b.signature) if a.claim.kind is Kind.DATE else None
    if words is not None and words.named_apart:
        # "Indonesia ratified on June 11", "Greece on June 9": two events of one type
        return (
            Identity.DIFFERENT,
            [f"different events ({words.names_a[0]} / {words.names_b[0]})"],
            words,
        )
    possible = False
    one_off = (
        a.event_type is not None
        and a.event_type == b.event_type
        and not (a.recurring or a.repeated)
    )
    if a.claim.kind is not Kind.DATE and (gap := _seasons_apart(_occasion(a), _occasion(b))):
        # "the 2,456 lobbyists counted at COP28 last year": another edition, another
        # year's quake, however alike their names
        return Identity.DIFFERENT, [f"different occasions ({gap})"], words
    # One quake, one signing: sources that date it differently still count the same
    # thing (the date itself is compared in its own group).
    if not a.cumulative and a.claim.kind is not Kind.DATE and not one_off:
        if a.day and b.day:
            if not days_overlap(a.day, b.day):
                return Identity.DIFFERENT, [f"different days ({a.day} / {b.day})"], words
            if a.part_of_day and b.part_of_day and a.part_of_day != b.part_of_day:
                sittings = f"different sittings ({a.part_of_day} / {b.part_of_day})"
                return Identity.DIFFERENT, [sittings], words
            # "15 tonnes" and "25 tonnes" of one day are two shipments; and a whole year
            # ("in 2019") holds too many occasions to tie two counts
            if not _vague(a, vocabulary) and _one_day(a.day) and _one_day(b.day):
                ties.append(f"both are on {day_text(a.day)}")
        elif (a.recurring or b.recurring) and not _reported_that_day(a, b, vocabulary):
            possible = True  # an undated sitting of a session that recurs
    type_verdict, type_tie = (
        (Identity.SAME, None)
        if a.claim.subject.role == "comprises"  # a text's chapters belong to no session
        else _types(a, b, vocabulary)
    )
    if type_verdict is Identity.DIFFERENT:
        return Identity.DIFFERENT, [f"different events ({a.event_type} / {b.event_type})"], words
    if type_verdict is Identity.POSSIBLE or possible:
        if type_tie:
            ties.append(type_tie)
        if a.event_type is None or b.event_type is None:
            ties.append("one source does not say which session, so it may be the same one")
        return Identity.POSSIBLE, ties, words
    return None, ties, words


def ties_of(
    a: Facets,
    b: Facets,
    vocabulary: Vocabulary,
    ties: list[str],
    words: signature.Comparison | None,
    *,
    why: bool,
) -> tuple[Identity, list[str]]:
    """SAME or UNTIED for two claims :func:`details` leaves open, given its ``ties``
    (extended here)."""
    if not why and (ties or _alone_in_story(a, b)):
        # Below, only ties are added: one is enough for SAME. And two lone figures are
        # tied whatever their words (a date's named_apart returned DIFFERENT above).
        return Identity.SAME, ties
    if a.authority and a.authority == b.authority and a.claim.kind is not Kind.DATE:
        ties.append(f"both figures come from {a.authority}")
    if _stated_same_day(a, b) and not _vague(a, vocabulary):
        ties.append(f"both hold on {day_text(a.when.day) if a.when and a.when.day else ''}")
    elif a.cumulative and (order := compare_times(a.when, b.when)) is not None and order[0] == 0:
        ties.append("both are the running total at the same moment")
    if words is None:
        words = signature.compare(a.signature, b.signature)
    if words.ties:
        ties.append(f"both sentences share the words {', '.join(words.shared[:3])}")
    elif not ties and copied(a.claim, b.claim):
        ties.append("both sources print the same sentence")
    if not ties and a.claim.kind is Kind.COUNT and (beside := listed_beside(a.claim, b.claim)):
        # "35 heads of state and 21 heads of government" / "35 heads of state, 12 heads
        # of government": one list of one occasion, told twice
        ties.append(f"both sentences list {beside} beside it")
    if not ties and _alone_in_story(a, b) and not (a.claim.kind is Kind.DATE and words.named_apart):
        # A story's money is many different sums: each source's one "price" is no
        # evidence they are the same one. A count or a dated event no source of the
        # story gives two values for is one thing.
        ties.append(ONLY_FIGURE)
    one_off = (
        a.event_type is not None
        and a.event_type == b.event_type
        and not (a.recurring or a.repeated)
    )
    if (
        not ties
        and one_off
        and a.claim.kind is Kind.DATE
        and a.claim.source != b.claim.source
        and slipped_day(a.claim, b.claim)
        and min(a.support, b.support) == 1
        and max(a.support, b.support) >= CONSENSUS
    ):
        # "the crush on Tuesday" in one source, "the crush on Wednesday" in several: a
        # story has one crush, so the lone day is its misdate (a source that gives both
        # days is telling two occasions: see the verdict)
        ties.append(f"{ONE_OFF}{a.event_type}")
    return (Identity.SAME if ties else Identity.UNTIED), ties


# A figure and the words after it ("35 heads of state"): what a list names beside a count.
_LISTED = re.compile(r"(?<![\w,.])\d[\d,.]*(?:\s+[^\W\d_][\w'-]*){1,3}")


def listed_beside(a: Claim, b: Claim) -> str | None:
    """A figure with its words, other than the two claims', that both sentences give:
    two sentences of two sources listing "35 heads of state" beside a count list one
    occasion's figures, so the counts beside it are the same count."""
    if a.source == b.source:
        return None
    own = (a.quote, b.quote)
    theirs = {m.group(0) for m in _LISTED.finditer(b.sentence) if m.group(0) not in own}
    for match in _LISTED.finditer(a.sentence):
        phrase = match.group(0)
        if phrase not in own and phrase in theirs and not _figure_of(a, phrase):
            return phrase
    return None


def _figure_of(claim: Claim, phrase: str) -> bool:
    """The phrase is the claim's own figure written with more words."""
    return phrase.startswith(claim.quote) or claim.quote.startswith(phrase)


MISDATE_DAYS = 2  # a weekday mixed up, a night counted to the next day
CONSENSUS = 2  # outlets that must agree on a day before one outlet's other day is its misdate


def slipped_day(a: Claim, b: Claim) -> bool:
    """Whether two single days read as one misdated: a day or two apart, or the same
    month with one digit of the day struck wrong ("April 12" for April 22). Farther
    apart, the same event word more likely names another occasion."""
    x, y = a.value, b.value
    if x.low != x.high or y.low != y.high or x.low is None or y.low is None:
        return False
    first, second = str(x.low), str(y.low)
    if not (has_year(first) and has_year(second)):
        return False
    if abs(day_number(first, True) - day_number(second, True)) <= MISDATE_DAYS:
        return True
    if first[:7] != second[:7]:
        return False
    days = [(p, q) for p, q in zip(first[8:10], second[8:10], strict=True) if p != q]
    return len(days) == 1


def _alone_in_story(a: Facets, b: Facets) -> bool:
    """Two figures of two sources, neither of which gives another figure for it (money
    aside: a story's money is many different sums)."""
    return (
        a.claim.kind is not Kind.MONEY
        and a.single
        and b.single
        and a.claim.source != b.claim.source
    )


def _stated_same_day(a: Facets, b: Facets) -> bool:
    """Both figures hold on the same day, and the text states it.

    A running total reported on its article's day holds then ("the toll rose to 1,469"),
    so one stated time is enough; a count of an event ("nine remarks") holds when the
    event took place, which a publication date does not tell, so both must be stated.
    """
    wa, wb = a.when, b.when
    if wa is None or wb is None or wa.day is None or wb.day is None:
        return False
    bases = (wa.basis, wb.basis)
    stated = (
        TimeBasis.STATED in bases
        if a.cumulative and b.cumulative
        else set(bases) == {TimeBasis.STATED}
    )
    return stated and _same_day(wa, wb)


def _same_day(a: When | None, b: When | None) -> bool:
    """Whether two times fall on one day (unknown, final or publication times are not told
    apart: an article of the 14th reports the 13th's count)."""
    if a is None or b is None or a.day is None or b.day is None:
        return True
    if TimeBasis.STATED not in (a.basis, b.basis) or TimeBasis.FINAL in (a.basis, b.basis):
        return True
    with_year = has_year(a.day) and has_year(b.day)
    return day_number(a.day, with_year) == day_number(b.day, with_year)


def _reported_next_day(a: When | None, b: When | None) -> bool:
    """One count's day is stated, the other's is only its article's date, the next
    day: the next morning's report of the day's march, which does not say when."""
    if a is None or b is None or a.day is None or b.day is None:
        return False
    if {a.basis, b.basis} != {TimeBasis.PUBLISHED, TimeBasis.STATED}:
        return False
    with_year = has_year(a.day) and has_year(b.day)
    published, stated = (a, b) if a.basis is TimeBasis.PUBLISHED else (b, a)
    gap = day_number(published.day or "", with_year) - day_number(stated.day or "", with_year)
    return gap == 1


def _same_place(a: str | None, b: str | None) -> bool:
    """One place however fully named: "Vietnam's Mekong Delta" is the "Mekong Delta"."""
    if a is None or b is None:
        return a is b
    words_a = set(a.replace("'s", "").split())
    words_b = set(b.replace("'s", "").split())
    return words_a <= words_b or words_b <= words_a


def copied(a: Claim, b: Claim) -> bool:
    """The same sentence printed by two sources, and the same figure of it: a copied
    sentence ties its figures place by place ("opened on January 13" to the other
    copy's January 13, never to its "Feb 3")."""
    sa, sb = a.sentence, b.sentence
    shorter, longer = sorted((len(sa), len(sb)))
    if 200 * shorter < NEAR_COPY * (shorter + longer):
        return False
    if abs(sa.find(a.quote) - sb.find(b.quote)) > COPY_SHIFT * longer:
        return False
    return fuzz.ratio(sa, sb, score_cutoff=NEAR_COPY) >= NEAR_COPY


def event_names(claim: Claim, vocabulary: Vocabulary) -> frozenset[str]:
    """The proper names in a claim's event name ("grimaldi" of "the Grimaldi forum").

    Only words the sentence capitalises (not as its first word) count: "the two-day
    conference" and "the opening-day plenary" describe an event, they do not name
    another one. Read once per claim (:attr:`Facets.event_names`), compared per pair.
    """
    name = claim.event.name or ""
    if not name:
        return frozenset()
    sentence = claim.sentence
    capitalised = {
        fold(m.group(0))
        for m in _CAPITALISED.finditer(sentence)
        if m.start() > 0 and sentence[: m.start()].strip()
    }
    generic = set(vocabulary.canonical_words(claim.event.type or ""))
    return frozenset(
        w
        for w in vocabulary.canonical_words(name)
        if w in capitalised
        and w not in generic
        and w not in vocabulary.story_stopwords
        and w not in vocabulary.signature_stopwords
        and len(w) > 2
    )


_CAPITALISED = re.compile(r"(?<![\w'\u2019-])[A-Z][\w'\u2019-]*")


def _named_apart(a: Facets, b: Facets) -> bool:
    words_a, words_b = a.event_names, b.event_names
    return bool(words_a) and bool(words_b) and words_a.isdisjoint(words_b)


def _types(a: Facets, b: Facets, vocabulary: Vocabulary) -> tuple[Identity, str | None]:
    """How the two claims' event types relate, and the tie they make (if any).

    The same specific event ties two figures; the occasion the whole story is about
    ("the conference") is named by nearly every figure of it and ties nothing.
    """
    ta, tb = a.event_type, b.event_type
    if ta is None or tb is None:
        return Identity.SAME, None
    umbrella = vocabulary.umbrella_events
    if ta == tb:
        # A type names a kind of event, not one event: two "launches" may be two
        # initiatives, so the type alone ties nothing. Two names that share no word
        # beyond it ("Grimaldi forum" / "ocean conference") are two events.
        if _named_apart(a, b):
            return Identity.DIFFERENT, None
        return Identity.SAME, None
    if a.claim.kind is Kind.DATE:
        return Identity.SAME, None
    if fold(ta) in umbrella or fold(tb) in umbrella:
        return Identity.SAME, None
    if a.day and b.day and _one_day(a.day) and _one_day(b.day) and days_overlap(a.day, b.day):
        # Two names for one sitting are possible when the day ties them (a month does not).
        return Identity.POSSIBLE, f"the {ta} and the {tb} of the same day may be one sitting"
    name_a, name_b = a.claim.event.name or ta, b.claim.event.name or tb
    if similarity(name_a, name_b, vocabulary) >= 90 and not (a.day or b.day):
        return Identity.POSSIBLE, f"the {name_a} and the {name_b} may be one event"
    return Identity.DIFFERENT, None
