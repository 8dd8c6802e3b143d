"""The small, typed, immutable data model every stage of hanoicheck shares.

Sources produce :class:`Document`; extractors produce :class:`Claim`; the reconciler
consumes claims only (never documents), so claims carry everything reconciliation
needs (outlet, event, interval). Everything here is a frozen dataclass so a claim can
be cached, hashed, sent to another process and compared without surprises.

Dates are kept as ISO 8601 strings: ``2025-10-25`` for a known year and the ISO
truncated form ``--10-25`` when the text gives no year and the document has no date
of its own. ISO strings of the same form sort in calendar order, which is all the
interval logic needs.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Generic, TypeVar

SCHEMA_VERSION = 2


class Kind(StrEnum):
    """What a claim is a figure of."""

    COUNT = "count"
    MONEY = "money"
    DATE = "date"


class Qualifier(StrEnum):
    """The hedge on a figure; it decides the shape of the interval."""

    EXACT = "exact"
    MORE_THAN = "more_than"
    AT_LEAST = "at_least"
    ABOUT = "about"
    NEARLY = "nearly"
    UP_TO = "up_to"
    LESS_THAN = "less_than"
    RANGE = "range"


class Modality(StrEnum):
    """How the text puts a figure: only a reported fact can be an outlet's error.

    ``forecast``: expected, projected ("are expected to sign"); ``plan``: an aim or a
    target ("aims for at least 30 signatures"); ``estimate``: said to be an estimate
    ("an estimated 900 visitors"); ``preliminary``: a first or provisional count
    ("had registered", "initial figures").
    """

    REPORTED = "reported"
    FORECAST = "forecast"
    PLAN = "plan"
    ESTIMATE = "estimate"
    PRELIMINARY = "preliminary"


class TimeBasis(StrEnum):
    """Where a figure's time (its ``as_of``) comes from.

    ``stated``: the text says when ("by Friday evening", "as of May 2", a live blog's
    time stamp); ``final``: the count at the end of the event ("the final tally");
    ``published``: nothing is said, so the figure holds as of the article's own date;
    ``unknown``: not even that is known.
    """

    STATED = "stated"
    FINAL = "final"
    PUBLISHED = "published"
    UNKNOWN = "unknown"


B = TypeVar("B", float, str)


@dataclass(frozen=True, slots=True)
class Interval(Generic[B]):
    """A hedged value: ``more than 110`` is (110, open); ``Oct 25-26`` is [25, 26].

    ``low``/``high`` of ``None`` mean an open end. ``nominal`` is the figure as written
    (for a range, its lower end). For ``about``/``nearly`` the bounds are the tolerance
    band :func:`hanoicheck.intervals.hedged` applied at extraction: every export shows
    the interval the reconciler compares. An empty interval cannot be built.
    """

    nominal: B | None
    low: B | None
    high: B | None
    low_inclusive: bool = True
    high_inclusive: bool = True
    qualifier: Qualifier = Qualifier.EXACT

    def __post_init__(self) -> None:
        # An empty interval agrees with nothing, not even itself: reconciliation of a
        # group holding one could never settle it, so none may be built (a cache or a
        # config cannot smuggle one in either).
        low, high = self.low, self.high
        for end in (low, high, self.nominal):
            if isinstance(end, float) and math.isnan(end):
                raise ValueError("an interval end is not a number")
        # A number's open end is compared as an infinity ("more than 1e400" is inf..inf,
        # as empty as [2.5, 2.5)); a date's open end has no value to compare.
        if low is None and isinstance(high, float | int):
            low = -math.inf
        if high is None and isinstance(low, float | int):
            high = math.inf
        closed = self.low_inclusive and self.high_inclusive
        if low is not None and high is not None and (low > high or (low == high and not closed)):
            raise ValueError(f"empty interval {self.low!r}..{self.high!r}")

    @classmethod
    def exact(cls, value: B) -> Interval[B]:
        return cls(value, value, value, True, True, Qualifier.EXACT)


@dataclass(frozen=True, slots=True)
class Subject:
    """What a figure is about.

    ``noun`` is the normalized counted noun (``countries``), the money type
    (``contribution``) or the event type of a date (``signing ceremony``). ``role`` is
    what the sentence says the counted things did (``signed``, ``attended``, ``spoke``).
    ``owner`` and ``period`` qualify money (whose, for which period). ``context`` is the
    raw phrase the subject was read from, for a human checking the reading.

    ``scope`` is the part of the whole a figure covers, when the text restricts it
    ("55,000 in Paris", "in Kunar province"): a figure for Paris is never set against
    the national one. ``part_of`` names the set a subset divides ("41 of them", "38 of
    the votes"): a part is never set against its whole.
    """

    noun: str
    role: str | None = None
    owner: str | None = None
    period: str | None = None
    context: str = ""
    scope: str | None = None
    part_of: str | None = None

    @property
    def key(self) -> str:
        """The blocking key of the reconciler: claims with other keys never group."""
        return f"{self.noun}|{self.role or ''}"


@dataclass(frozen=True, slots=True)
class Event:
    """The event or session a figure belongs to, as the text names it.

    ``name`` is the phrase (``plenary discussion session``), ``type`` its canonical
    type from the event lexicon, ``date`` the day the text gives for it (ISO, maybe
    year-less), ``part_of_day`` morning/afternoon/evening, ``parent`` the larger event
    the text places it in (``Signing Ceremony and High-Level Conference``).
    """

    name: str | None = None
    type: str | None = None
    date: str | None = None
    part_of_day: str | None = None
    parent: str | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    """One figure in one document, with its provenance and meaning.

    ``as_of`` is when the figure holds (an ISO day, maybe year-less, or ``low/high``
    for "over the three days"), ``as_of_part`` the part of that day (``morning`` ...
    ``night``, or a clock time ``HH:MM``), ``as_of_basis`` where that time came from:
    a running total compares by it (a later figure may be higher).
    """

    source: str
    kind: Kind
    quote: str
    start: int
    end: int
    line: int
    column: int
    sentence: str
    subject: Subject
    event: Event
    value: Interval[Any]
    unit: str | None
    modality: Modality = Modality.REPORTED
    attribution: str | None = None
    outlet: str | None = None
    year_inferred: bool = False
    document_date: str | None = None
    as_of: str | None = None
    as_of_part: str | None = None
    as_of_basis: TimeBasis = TimeBasis.UNKNOWN
    id: str = field(default="")

    def __post_init__(self) -> None:
        if not self.id:
            digest = hashlib.sha1(
                f"{self.source}\0{self.start}\0{self.end}\0{self.quote}".encode(),
                usedforsecurity=False,
            ).hexdigest()
            object.__setattr__(self, "id", digest[:16])

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of a claim (``extract --format jsonl``), schema-versioned.

        Whole numbers are written as JSON integers (110, not 110.0). Built field by
        field rather than with ``dataclasses.asdict``, which deep-copies recursively and
        was most of the time of exporting 100,000 articles' conflicts; a test keeps the
        two shapes equal.
        """
        subject, event, value = self.subject, self.event, self.value
        return {
            "schema_version": SCHEMA_VERSION,
            "id": self.id,
            "source": self.source,
            "kind": str(self.kind),
            "quote": self.quote,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "sentence": self.sentence,
            "subject": {
                "noun": subject.noun,
                "role": subject.role,
                "owner": subject.owner,
                "period": subject.period,
                "context": subject.context,
                "scope": subject.scope,
                "part_of": subject.part_of,
                "key": subject.key,
            },
            "event": {
                "name": event.name,
                "type": event.type,
                "date": event.date,
                "part_of_day": event.part_of_day,
                "parent": event.parent,
            },
            "value": {
                "nominal": _json_number(value.nominal),
                "low": _json_number(value.low),
                "high": _json_number(value.high),
                "low_inclusive": value.low_inclusive,
                "high_inclusive": value.high_inclusive,
                "qualifier": str(value.qualifier),
            },
            "unit": self.unit,
            "modality": str(self.modality),
            "attribution": self.attribution,
            "outlet": self.outlet,
            "year_inferred": self.year_inferred,
            "document_date": self.document_date,
            "as_of": self.as_of,
            "as_of_part": self.as_of_part,
            "as_of_basis": str(self.as_of_basis),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Claim:
        """Inverse of :meth:`to_dict` (used by the cache and Parquet round trips)."""
        subject = {k: v for k, v in data["subject"].items() if k != "key"}
        value = dict(data["value"])
        value["qualifier"] = Qualifier(value["qualifier"])
        if data["kind"] != Kind.DATE:
            for key in ("nominal", "low", "high"):
                if value[key] is not None:
                    value[key] = float(value[key])
        fields = {k: v for k, v in data.items() if k != "schema_version"}
        fields.update(
            kind=Kind(data["kind"]),
            modality=Modality(data["modality"]),
            as_of_basis=TimeBasis(data.get("as_of_basis", TimeBasis.UNKNOWN)),
            subject=Subject(**subject),
            event=Event(**data["event"]),
            value=Interval(**value),
        )
        return cls(**fields)


def _json_number(value: Any) -> Any:
    """110.0 as 110: whole figures are JSON integers; other values pass through."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` of a document's text."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Document:
    """A loaded article: its text as extracted, and its own metadata.

    ``furniture`` marks page furniture (photo credits, layout words, comment counters,
    sign-offs, bylines and publication lines, metadata lines) that stays in ``text`` so
    offsets remain true to the file, but that extractors must not read claims from.

    ``date`` is the publication date (ISO; ``--MM-DD`` when only a year-less dateline
    gives it), ``date_source`` where it was read (``front-matter``, ``date-line``,
    ``byline``, ``dateline``, ``html-meta``, ``url``), ``year_inferred`` whether its
    year came from the other documents of its story. ``place`` is the dateline's
    place, ``title`` the headline. ``terms`` are the distinctive words of the whole
    text (names and content words), which stories are built from; they stay when the
    text is dropped, so stories come out the same from files, a cache or Parquet.
    """

    source: str
    text: str
    date: str | None = None
    outlet: str | None = None
    url: str | None = None
    furniture: tuple[Span, ...] = ()
    date_source: str | None = None
    year_inferred: bool = False
    place: str | None = None
    title: str | None = None
    terms: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SourceError:
    """A file that could not be read; reported in one line, never a traceback."""

    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"
