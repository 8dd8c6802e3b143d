"""The one rule for what a hedged figure means, shared by extraction, reconciliation and exports.

"more than 110" is the open interval (110, inf); "about 110" a band around 110;
"nearly 60" a band below 60 that excludes 60; "between 18 and 19" the closed range.
The band of a vague hedge is computed here, once, when the claim is extracted, and
stored in the claim: every export prints the interval the reconciler compares, and a
configured tolerance changes both together (it is part of the extraction options, so
the cache re-extracts when it changes).

Dates compare as day numbers: full dates by their ordinal, and when one side of a
comparison has no year, both sides by day of the year (a year-less "October 15" can
still contradict "2025-10-25", and only by its day).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Any

from hanoicheck.model import Claim, Interval, Kind, Qualifier


@dataclass(frozen=True, slots=True)
class Tolerance:
    """How far a vague hedge reaches: the larger of a fraction and a rounding unit.

    Default: 5% of the figure, widened to half the unit of its last significant digit,
    but never past ``rounding_cap`` (10%) of the figure. A careful editor reads "about
    110" as a rounding of something between 105 and 115 (so it agrees with "more than
    110" but not with "100"), and "about 80,000" as 75,000-85,000: the writer rounded
    to the nearest 10,000. A flat percentage would call "about 80,000" and "84,500" a
    contradiction no reader would see; a wide one would hide the 100-vs-110
    differences fact-checkers look for. The cap is for round figures whose zeros say
    little: "about 200" is not 150-250, and "about 100" not 50-150.
    "nearly N" is the same band below N, excluding N itself. "some N" is looser than
    "about N" ("some 900 visitors"), so it has its own, wider fraction.

    Every fraction must lie in (0, 1): a zero band would make "nearly 2.5" the empty
    interval [2.5, 2.5), which nothing, not even itself, can agree with.
    """

    about: float = 0.05
    nearly: float = 0.05
    some: float = 0.10
    rounding: bool = True
    rounding_cap: float = 0.10

    def __post_init__(self) -> None:
        for name in ("about", "nearly", "some"):
            fraction = getattr(self, name)
            if not (isinstance(fraction, int | float) and 0 < fraction < 1):
                raise ValueError(f"tolerance {name} must be a fraction above 0 and below 1")

    def fraction(self, qualifier: Qualifier, hedge: str = "") -> float:
        """The fraction for a vague hedge: ``some`` for "some", else its qualifier's."""
        if hedge.strip().lower() == "some":
            return self.some
        return self.nearly if qualifier is Qualifier.NEARLY else self.about

    def band(self, nominal: float, fraction: float) -> float:
        """Half-width of the band around ``nominal`` for a hedge of ``fraction``.

        Never zero for a non-zero figure: the fraction of it, or, when ``rounding`` is
        on and wider, half the unit of its last written digit (up to ``rounding_cap``).
        """
        width = abs(nominal) * fraction
        if self.rounding:
            width = max(width, min(rounding_unit(nominal) / 2, abs(nominal) * self.rounding_cap))
        return width


DEFAULT_TOLERANCE = Tolerance()


def rounding_unit(value: float) -> float:
    """The place value of the last non-zero digit: 110 -> 10, 80,000 -> 10,000, 2.5 -> 0.1."""
    if value == 0 or not math.isfinite(value):
        return 1.0
    exponent = Decimal(repr(abs(value))).normalize().as_tuple().exponent
    return 10.0 ** int(exponent)


def hedged(
    value: float,
    qualifier: Qualifier,
    tolerance: Tolerance = DEFAULT_TOLERANCE,
    hedge: str = "",
) -> Interval[float]:
    """The interval a single hedged figure stands for (the one place this is decided)."""
    if qualifier is Qualifier.MORE_THAN:
        return Interval(value, value, None, False, False, qualifier)
    if qualifier is Qualifier.AT_LEAST:
        return Interval(value, value, None, True, False, qualifier)
    if qualifier is Qualifier.ABOUT:
        band = tolerance.band(value, tolerance.fraction(qualifier, hedge))
        return Interval(value, value - band, value + band, True, True, qualifier)
    if qualifier is Qualifier.NEARLY:
        band = tolerance.band(value, tolerance.fraction(qualifier, hedge))
        if band <= 0:  # "nearly 0": no band to stand below it, so the figure itself
            return Interval(value, value, value, True, True, qualifier)
        return Interval(value, value - band, value, True, False, qualifier)
    if qualifier is Qualifier.UP_TO:
        return Interval(value, None, value, False, True, qualifier)
    if qualifier is Qualifier.LESS_THAN:
        return Interval(value, None, value, False, False, qualifier)
    return Interval.exact(value)


@dataclass(frozen=True, slots=True)
class Bounds:
    """A closed/open interval of floats; ``-inf``/``inf`` stand for an open end.

    Never empty (as :class:`~hanoicheck.model.Interval` is never empty): every bounds
    overlaps itself. The reconciler's side-building takes, each round, every claim
    overlapping the one that ends first, so each round takes at least that one and the
    loop ends; an empty bounds would be taken by no round, and the loop appended empty
    sides until memory ran out.
    """

    low: float
    high: float
    low_inclusive: bool = True
    high_inclusive: bool = True

    def __post_init__(self) -> None:
        if not _before(self.low, self.low_inclusive, self.high, self.high_inclusive):
            raise ValueError(f"empty bounds {self.low!r}..{self.high!r}")

    def overlaps(self, other: Bounds) -> bool:
        """True when some value lies in both intervals."""
        return _before(self.low, self.low_inclusive, other.high, other.high_inclusive) and (
            _before(other.low, other.low_inclusive, self.high, self.high_inclusive)
        )

    def touches(self, other: Bounds) -> bool:
        """Disjoint only at one shared end that one side leaves open.

        "more than 1,000" and "1,000", "nearly 60" and "60": a writer's rounding, not a
        contradiction anyone would flag.
        """
        return (self.high == other.low and not math.isinf(self.high)) or (
            other.high == self.low and not math.isinf(other.high)
        )

    def gap(self, other: Bounds) -> float:
        """Distance between two disjoint intervals (0 when they overlap)."""
        if self.overlaps(other):
            return 0.0
        return max(other.low - self.high, self.low - other.high)

    @property
    def midpoint(self) -> float:
        """A representative value: the middle, or the finite end of a half-open interval."""
        if math.isinf(self.low) and math.isinf(self.high):
            return 0.0
        if math.isinf(self.low):
            return self.high
        if math.isinf(self.high):
            return self.low
        return (self.low + self.high) / 2


def _before(low: float, low_inc: bool, high: float, high_inc: bool) -> bool:
    """``low`` (an interval's start) lies at or before ``high`` (another's end)."""
    return low < high or (low == high and low_inc and high_inc)


def numeric_bounds(value: Interval[Any]) -> Bounds:
    """The interval of a count or an amount, exactly as the claim holds it."""
    low = -math.inf if value.low is None else float(value.low)
    high = math.inf if value.high is None else float(value.high)
    return Bounds(low, high, value.low_inclusive, value.high_inclusive)


def has_year(iso: str | None) -> bool:
    """``2025-10-25`` has a year; ``--10-25`` does not."""
    return bool(iso) and not str(iso).startswith("--")


@lru_cache(maxsize=65536)
def day_number(iso: str, with_year: bool) -> float:
    """A date as a number: its ordinal, or (year-less mode) month * 31 + day."""
    if iso.startswith("--"):
        month, day = int(iso[2:4]), int(iso[5:7])
        if with_year:
            raise ValueError(f"{iso} has no year")
        return float(month * 31 + day)
    year, month, day = int(iso[0:4]), int(iso[5:7]), int(iso[8:10])
    if with_year:
        return float(date(year, month, day).toordinal())
    return float(month * 31 + day)


# Year-less day numbers are month * 31 + day, so a year holds this many of them.
_YEAR_OF_DAYS = 12 * 31


def _days(low: str, high: str, with_year: bool, closed: bool = True) -> tuple[float, float]:
    """The day numbers of a span from ``low`` to ``high`` (ISO, maybe year-less).

    Without years, a span over New Year ("December 30 to January 2") continues past
    December in the same numbering, and a span of a year or more covers every day:
    compared by day of the year, neither may come out empty.
    """
    first, last = day_number(low, with_year), day_number(high, with_year)
    if with_year:
        return first, last
    if has_year(low) and has_year(high) and day_number(high, True) - day_number(low, True) >= 365:
        return -math.inf, math.inf
    if first > last or (first == last and not closed and low != high):
        last += _YEAR_OF_DAYS
    return first, last


def date_bounds(value: Interval[Any], with_year: bool) -> Bounds:
    """The interval of a date claim (a day, a range, or a hedged "before/after")."""
    low = -math.inf if value.low is None else day_number(str(value.low), with_year)
    high = math.inf if value.high is None else day_number(str(value.high), with_year)
    if value.low is not None and value.high is not None:
        closed = value.low_inclusive and value.high_inclusive
        low, high = _days(str(value.low), str(value.high), with_year, closed)
    return Bounds(low, high, value.low_inclusive, value.high_inclusive)


@lru_cache(maxsize=65536)
def span_bounds(span: str, with_year: bool) -> Bounds:
    """An event's date as the model writes it: ``2025-10-25`` or ``low/high``.

    Cached (the bounds are immutable): grouping reads the days of a story's figures
    hundreds of thousands of times at 10,000 articles, from a few hundred strings.
    """
    low, _, high = span.partition("/")
    return Bounds(*_days(low, high or low, with_year))


def all_have_years(claims: list[Claim] | tuple[Claim, ...]) -> bool:
    """Whether every date value of ``claims`` has a year (so ordinals can be compared)."""
    return all(
        has_year(v)
        for c in claims
        if c.kind is Kind.DATE
        for v in (c.value.low, c.value.high)
        if v is not None
    )


def bounds_of(claim: Claim, with_year: bool = True) -> Bounds:
    """The comparable interval of any claim: what the reconciler and exports agree on."""
    if claim.kind is Kind.DATE:
        return date_bounds(claim.value, with_year)
    return numeric_bounds(claim.value)


# How far an open hedge plausibly reaches: "more than 16" is not 60, "up to 900" is
# not 100. A figure beyond this multiple of a one-sided hedge agrees with it in logic,
# not in what a reader takes from it.
STRETCH = 2.0


def plausible(bounds: Bounds, qualifier: Qualifier) -> Bounds:
    """A one-sided hedge closed where a reader stops believing it ("more than 16" to 32).

    Used to tell figures apart for a reader (sides, warnings), never to call an error:
    an error needs the intervals themselves to be disjoint.
    """
    above = qualifier in (Qualifier.MORE_THAN, Qualifier.AT_LEAST)
    if above and math.isinf(bounds.high) and bounds.low > 0:
        return Bounds(bounds.low, bounds.low * STRETCH, bounds.low_inclusive, True)
    below = qualifier in (Qualifier.UP_TO, Qualifier.LESS_THAN)
    if below and math.isinf(bounds.low) and bounds.high > 0:
        return Bounds(bounds.high / STRETCH, bounds.high, True, bounds.high_inclusive)
    return bounds


def relative_gap(a: Bounds, b: Bounds) -> float:
    """How far apart two disjoint values are, relative to their size (18 vs 19: 0.053)."""
    gap = a.gap(b)
    scale = max(abs(a.midpoint), abs(b.midpoint), 1.0)
    return gap / scale


# Digits a figure must give beyond another's for that other to be its rounding.
ROUNDING_DIGITS = 2


def rounding_of(a: Claim, b: Claim) -> str | None:
    """ "$6 billion" in a headline for the "$6.17 billion" of the story: a round figure
    that is another's rounding to its own last digit, when the other gives at least
    :data:`ROUNDING_DIGITS` more digits (51 and 50 ratifications are two counts, not a
    rounding) and both are stated plainly (no hedge) and in the same unit."""
    if a.kind is Kind.DATE or a.unit != b.unit:
        return None
    if a.value.qualifier is not Qualifier.EXACT or b.value.qualifier is not Qualifier.EXACT:
        return None
    if a.value.nominal is None or b.value.nominal is None:
        return None
    x, y = float(a.value.nominal), float(b.value.nominal)
    (rough, rough_value), (fine, fine_value) = sorted(
        ((a, x), (b, y)), key=lambda pair: -rounding_unit(pair[1])
    )
    if _significant(fine_value) - _significant(rough_value) < ROUNDING_DIGITS:
        return None
    unit = rounding_unit(rough_value)
    if round(fine_value / unit) * unit != rough_value:
        return None
    return f"{rough.quote} is {fine.quote} rounded"


def _significant(value: float) -> int:
    """Significant digits as written: 6.17 -> 3, 6,000,000,000 -> 1, 2,217 -> 4."""
    digits = f"{abs(value):.10f}".replace(".", "").strip("0")
    return len(digits)
