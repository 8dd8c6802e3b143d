"""What identifies the thing a claim is about, read once per claim.

Two claims are about the same thing only if they share a story, a kind and a subject
class (hard keys: blocking), and none of their known details disagree: the day and part
of day of their event, the event type, the owner and period of money. A detail one
claim leaves unknown neither separates nor fully ties two claims: see
:func:`identity`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from itertools import pairwise

from hanoicheck.intervals import has_year, span_bounds
from hanoicheck.model import Claim, Kind, Modality
from hanoicheck.reconcile.vocabulary import Vocabulary, fold, similarity

_PART_OF_DAY_ORDER = {"morning": 0, "afternoon": 1, "evening": 2, "night": 3}


@dataclass(frozen=True, slots=True)
class Facets:
    """A claim with the details the reconciler compares, normalised."""

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

    @property
    def block(self) -> tuple[str, str, str]:
        """Claims of different blocks are never compared."""
        return (self.story, str(self.claim.kind), self.subject_class)

    @property
    def forecast(self) -> bool:
        return self.claim.modality is Modality.FORECAST

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
    """How sure we are that two claims are about the same thing."""

    DIFFERENT = "different"
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
            if close and before.unit != after.unit:
                links[after.id] = links.get(before.id, before.id)
    return links


def build_facets(
    claims: Iterable[Claim], stories: dict[str, str], vocabulary: Vocabulary
) -> list[Facets]:
    """Facets of every claim, with an event day filled in from its own source.

    "At the discussion session, more than 60 countries..." names no day, but when the
    same article dates the (only) discussion session October 26, that is its day.
    """
    claims = list(claims)
    days_by_type: dict[tuple[str, str], set[str]] = defaultdict(set)
    for claim in claims:
        if claim.event.type and claim.event.date:
            days_by_type[(claim.source, claim.event.type)].add(claim.event.date)
    converts = conversions(claims)
    by_id = {c.id: c for c in claims}
    facets = []
    for claim in claims:
        primary = by_id[converts[claim.id]] if claim.id in converts else claim
        day = claim.event.date
        if day is None and claim.event.type:
            known = days_by_type.get((claim.source, claim.event.type), set())
            if len(known) == 1:
                day = next(iter(known))
        role = claim.subject.role or ""
        facets.append(
            Facets(
                claim=claim,
                story=stories.get(claim.source, claim.source),
                subject_class=subject_class(primary, vocabulary),
                day=day if claim.kind is not Kind.DATE else claim.event.date,
                part_of_day=claim.event.part_of_day,
                event_type=claim.event.type,
                owner=vocabulary.owner(primary.subject.owner) if claim.kind is Kind.MONEY else None,
                period=fold(claim.subject.period) if claim.subject.period else None,
                cumulative=claim.kind is Kind.COUNT
                and (
                    fold(role) in vocabulary.cumulative_roles
                    or fold(claim.subject.noun) in vocabulary.cumulative_nouns
                ),
                recurring=bool(claim.event.type)
                and fold(claim.event.type or "") in vocabulary.recurring_events,
            )
        )
    return facets


def days_overlap(a: str, b: str) -> bool:
    """Whether two event days (ISO, maybe ``low/high``, maybe year-less) share a day."""
    with_year = has_year(a) and has_year(b)
    return span_bounds(a, with_year).overlaps(span_bounds(b, with_year))


def identity(a: Facets, b: Facets, vocabulary: Vocabulary) -> tuple[Identity, list[str]]:
    """Whether two claims of one block are about the same thing, and why.

    DIFFERENT when a detail known on both sides disagrees (two days, two owners, two
    periods, two specific event types). POSSIBLE when nothing disagrees but a session
    that recurs (a plenary, a discussion) is undated or unnamed on one side, so the
    figures may come from different sittings: such pairs are only flagged as a
    near miss. SAME otherwise.
    """
    reasons: list[str] = []
    if (
        a.claim.source == b.claim.source
        and a.claim.sentence == b.claim.sentence
        and a.claim.unit == b.claim.unit
    ):
        # One sentence does not state one quantity twice (a conversion has another unit).
        return Identity.DIFFERENT, ["two figures of one sentence"]
    if a.owner and b.owner:
        if a.owner != b.owner:
            return Identity.DIFFERENT, [f"owners differ ({a.owner} / {b.owner})"]
        reasons.append(f"same owner ({a.owner})")
    if a.period and b.period:
        if a.period != b.period:
            return Identity.DIFFERENT, [f"periods differ ({a.period} / {b.period})"]
        reasons.append(f"same period ({a.period})")
    possible = False
    one_off = a.event_type is not None and a.event_type == b.event_type and not a.recurring
    if not a.cumulative and a.claim.kind is not Kind.DATE:
        if a.day and b.day and one_off:
            # One quake, one signing: sources that date it differently still count the
            # same thing (the date itself is compared in its own group).
            reasons.append(f"same event ({a.event_type})")
        elif a.day and b.day:
            if not days_overlap(a.day, b.day):
                return Identity.DIFFERENT, [f"different days ({a.day} / {b.day})"]
            if a.part_of_day and b.part_of_day and a.part_of_day != b.part_of_day:
                return Identity.DIFFERENT, [
                    f"different sittings ({a.part_of_day} / {b.part_of_day})"
                ]
            reasons.append(f"same day ({a.day})")
        elif a.recurring or b.recurring:
            possible = True  # an undated sitting of a session that recurs
    type_verdict = _types(a, b, vocabulary, reasons)
    if type_verdict is Identity.DIFFERENT:
        return Identity.DIFFERENT, [f"different events ({a.event_type} / {b.event_type})"]
    if type_verdict is Identity.POSSIBLE or possible:
        if a.event_type is None or b.event_type is None:
            reasons.append("one source names no session; it may be the same one")
        return Identity.POSSIBLE, reasons
    return Identity.SAME, reasons


def _types(a: Facets, b: Facets, vocabulary: Vocabulary, reasons: list[str]) -> Identity:
    ta, tb = a.event_type, b.event_type
    if a.claim.kind is Kind.DATE or ta is None or tb is None:
        return Identity.SAME
    if ta == tb:
        reasons.append(f"same event ({ta})")
        return Identity.SAME
    umbrella = vocabulary.umbrella_events
    if fold(ta) in umbrella or fold(tb) in umbrella:
        reasons.append(f"events {ta} / {tb} belong to one occasion")
        return Identity.SAME
    if a.day and b.day and days_overlap(a.day, b.day):
        # Two names for one sitting are possible when the day ties them.
        reasons.append(f"{ta} / {tb} on the same day may be one session")
        return Identity.POSSIBLE
    name_a, name_b = a.claim.event.name or ta, b.claim.event.name or tb
    if similarity(name_a, name_b, vocabulary) >= 90 and not (a.day or b.day):
        reasons.append(f"event names alike ({name_a} / {name_b})")
        return Identity.POSSIBLE
    return Identity.DIFFERENT
