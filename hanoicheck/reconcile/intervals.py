"""Values as intervals on one number line, so hedged figures compare by meaning.

"about 110" and "more than 110" overlap, so they agree; "100" and "more than 110" are
disjoint, so they conflict. Dates become day numbers first: full dates by their
ordinal, and when one side of a comparison has no year, both sides by day of the year
(a year-less "October 15" can still contradict "2025-10-25", and only by its day).

The band of a vague hedge ("about", "some", "nearly") is recomputed here from the
figure as written, with :class:`Tolerance`, so changing the tolerance in a config
takes effect without extracting again.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from hanoicheck.model import Claim, Interval, Kind, Qualifier


@dataclass(frozen=True, slots=True)
class Tolerance:
    """How far a vague hedge reaches, as the larger of a fraction and a rounding unit.

    Default: 5% of the figure, widened to half the unit of its last significant digit.
    A careful editor reads "about 110" as a rounding of something between 105 and 115
    (so it agrees with "more than 110" but not with "100"), and "about 80,000" as
    75,000-85,000: the writer rounded to the nearest 10,000. A flat percentage would
    call "about 80,000" and "84,500" a contradiction that no reader would see; a wide
    one (10% or more) would hide the 100-vs-110 differences fact-checkers look for.
    "nearly N" uses the same band below N and excludes N itself.
    """

    about: float = 0.05
    nearly: float = 0.05
    rounding: bool = True

    def band(self, nominal: float, fraction: float) -> float:
        """Half-width of the band around ``nominal`` for a hedge of ``fraction``."""
        width = abs(nominal) * fraction
        if self.rounding and nominal and float(nominal).is_integer():
            width = max(width, _rounding_unit(int(abs(nominal))) / 2)
        return width


def _rounding_unit(value: int) -> int:
    """The place value of the last non-zero digit: 110 -> 10, 80,000 -> 10,000, 7 -> 1."""
    if value == 0:
        return 1
    unit = 1
    while value % 10 == 0:
        value //= 10
        unit *= 10
    return unit


@dataclass(frozen=True, slots=True)
class Bounds:
    """A closed/open interval of floats; ``-inf``/``inf`` stand for an open end."""

    low: float
    high: float
    low_inclusive: bool = True
    high_inclusive: bool = True

    def overlaps(self, other: Bounds) -> bool:
        """True when some value lies in both intervals."""
        return _before(self.low, self.low_inclusive, other.high, other.high_inclusive) and (
            _before(other.low, other.low_inclusive, self.high, self.high_inclusive)
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


def numeric_bounds(value: Interval[Any], tolerance: Tolerance) -> Bounds:
    """The interval of a count or an amount, with vague hedges re-banded."""
    nominal = value.nominal
    if value.qualifier is Qualifier.ABOUT and nominal is not None:
        band = tolerance.band(float(nominal), tolerance.about)
        return Bounds(float(nominal) - band, float(nominal) + band)
    if value.qualifier is Qualifier.NEARLY and nominal is not None:
        band = tolerance.band(float(nominal), tolerance.nearly)
        return Bounds(float(nominal) - band, float(nominal), True, False)
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


def date_bounds(value: Interval[Any], with_year: bool) -> Bounds:
    """The interval of a date claim (a day, a range, or a hedged "before/after")."""
    low = -math.inf if value.low is None else day_number(str(value.low), with_year)
    high = math.inf if value.high is None else day_number(str(value.high), with_year)
    return Bounds(low, high, value.low_inclusive, value.high_inclusive)


def span_bounds(span: str, with_year: bool) -> Bounds:
    """An event's date as the model writes it: ``2025-10-25`` or ``low/high``."""
    low, _, high = span.partition("/")
    return Bounds(day_number(low, with_year), day_number(high or low, with_year))


def all_have_years(claims: list[Claim] | tuple[Claim, ...]) -> bool:
    """Whether every date value of ``claims`` has a year (so ordinals can be compared)."""
    return all(
        has_year(v)
        for c in claims
        if c.kind is Kind.DATE
        for v in (c.value.low, c.value.high)
        if v is not None
    )


def bounds_of(claim: Claim, tolerance: Tolerance, with_year: bool = True) -> Bounds:
    """The comparable interval of any claim."""
    if claim.kind is Kind.DATE:
        return date_bounds(claim.value, with_year)
    return numeric_bounds(claim.value, tolerance)


def relative_gap(a: Bounds, b: Bounds) -> float:
    """How far apart two disjoint values are, relative to their size (18 vs 19: 0.053)."""
    gap = a.gap(b)
    scale = max(abs(a.midpoint), abs(b.midpoint), 1.0)
    return gap / scale
