"""Values said the way an editor would say them: "more than 110", "AUD 83.5 million"."""

from __future__ import annotations

from datetime import date

from hanoicheck.model import Claim, Kind, Qualifier

_HEDGE = {
    Qualifier.MORE_THAN: "more than ",
    Qualifier.AT_LEAST: "at least ",
    Qualifier.ABOUT: "about ",
    Qualifier.NEARLY: "nearly ",
    Qualifier.UP_TO: "up to ",
    Qualifier.LESS_THAN: "fewer than ",
}
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def number(value: float) -> str:
    """110 -> "110"; 1500 -> "1,500"; 83500000 -> "83.5 million"."""
    for size, word in _SCALES:
        if abs(value) >= size:
            scaled = value / size
            shown = f"{scaled:,.2f}".rstrip("0").rstrip(".")
            return f"{shown} {word}"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def day(iso: str) -> str:
    """``2025-10-25`` -> "October 25, 2025"; ``--10-15`` -> "October 15 (no year)"."""
    if iso.startswith("--"):
        month, dd = int(iso[2:4]), int(iso[5:7])
        return f"{date(2000, month, dd):%B} {dd} (no year)"
    parsed = date.fromisoformat(iso[:10])
    return f"{parsed:%B} {parsed.day}, {parsed.year}"


def day_span(low: str, high: str) -> str:
    """Two days as an editor writes them: "October 25-26, 2025", "October 30 to November
    2, 2025", or one day when they are the same."""
    if low == high:
        return day(low)
    if low.startswith("--") or high.startswith("--"):
        return f"{day(low)} to {day(high)}"
    a, b = date.fromisoformat(low[:10]), date.fromisoformat(high[:10])
    if a.year != b.year:
        return f"{day(low)} to {day(high)}"
    if a.month == b.month:
        return f"{a:%B} {a.day}-{b.day}, {a.year}"
    return f"{a:%B} {a.day} to {b:%B} {b.day}, {a.year}"


def day_text(iso: str) -> str:
    """A facet's day (``2025-10-25`` or a span ``low/high``) in words."""
    low, _, high = iso.partition("/")
    return day_span(low, high or low)


def value_label(claim: Claim, with_unit: bool = True) -> str:
    """The claim's value as a short phrase, with its unit unless told otherwise."""
    value = claim.value
    if claim.kind is Kind.DATE:
        low, high = str(value.low or value.nominal), str(value.high or value.nominal)
        if value.qualifier is Qualifier.RANGE and low != high:
            return f"{day(low)} to {day(high)}"
        return day(str(value.nominal or low))
    if value.qualifier is Qualifier.RANGE and value.low is not None and value.high is not None:
        text = f"{number(float(value.low))}-{number(float(value.high))}"
    elif value.nominal is None:
        text = "?"
    else:
        text = _HEDGE.get(value.qualifier, "") + number(float(value.nominal))
    if not with_unit or not claim.unit:
        return text
    if claim.kind is Kind.MONEY:
        hedge = _HEDGE.get(value.qualifier, "")
        return f"{hedge}{claim.unit} {text.removeprefix(hedge)}"
    return f"{text} {claim.unit}"
