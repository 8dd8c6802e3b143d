"""Month names and ISO day strings: the one table both date readers share.

Publication dates (:mod:`hanoicheck.sources.bylines`) and dates in article prose
(:mod:`hanoicheck.extract.dates`) are read by different patterns, but they must agree
on what a month is called and on when three numbers make a day; two copies of either
would drift ("Sept" read by one side only, Feb 30 accepted by the other). This module
sits below both and imports nothing from hanoicheck.
"""

from __future__ import annotations

import datetime as _dt
import re
from functools import lru_cache
from itertools import pairwise

__all__ = [
    "MONTH_NAMES",
    "MONTH_PATTERN",
    "WEEKDAY_NAMES",
    "YEAR_PATTERN",
    "iso_date",
    "month_number",
    "nearest_year",
    "numeric_order",
    "weekday_slip",
]

#: Each month's written forms, shortest first, each a prefix of the next ("Sept." is
#: how AP style abbreviates September). The first form, three letters, is the key.
_MONTH_FORMS = (
    ("jan", "january"),
    ("feb", "february"),
    ("mar", "march"),
    ("apr", "april"),
    ("may",),
    ("jun", "june"),
    ("jul", "july"),
    ("aug", "august"),
    ("sep", "sept", "september"),
    ("oct", "october"),
    ("nov", "november"),
    ("dec", "december"),
)
#: Full English month names, January first.
MONTH_NAMES = tuple(forms[-1] for forms in _MONTH_FORMS)
_MONTH_NUMBERS = {forms[0]: number for number, forms in enumerate(_MONTH_FORMS, start=1)}


def _longest_first(forms: tuple[str, ...]) -> str:
    """``("sep", "sept", "september")`` -> ``sep(?:t(?:ember)?)?``: the longest form wins."""
    pattern = ""
    for shorter, longer in reversed(list(pairwise(forms))):
        rest = longer[len(shorter) :]
        pattern = f"(?:{rest}{pattern})?"
    return forms[0] + pattern


#: Any month form, lower case, as a regex alternation that prefers the longest form.
#: Callers match it case-insensitively and add their own boundaries.
MONTH_PATTERN = "|".join(map(_longest_first, _MONTH_FORMS))


#: A year a news story dates something to: 1800-2199 (a bare "2400" is not a year).
YEAR_PATTERN = r"(?:1[89]\d\d|20\d\d|21\d\d)"


def nearest_year(month: int, day: int, ref: _dt.date | None) -> int | None:
    """The year that puts month/day nearest the document's date (None without one).

    "On 25 October" in a story of 3 January is last October; in a story of 3 August it
    is this one. Shared by every reader of a month without a year.
    """
    if ref is None:
        return None
    best: tuple[int, int] | None = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            gap = abs((_dt.date(year, month, day) - ref).days)
        except ValueError:
            continue
        if best is None or gap < best[0]:
            best = (gap, year)
    return best[1] if best else None


def month_number(name: str) -> int | None:
    """1-12 for an English month name or its abbreviation ("Oct", "Sept.", "october").

    Only the first three letters are read: callers pass a name their own pattern has
    already recognised as a month (built from :data:`MONTH_PATTERN`), so "Octopus"
    never gets here.
    """
    return _MONTH_NUMBERS.get(name.strip().lower()[:3])


def iso_date(year: int | None, month: int, day: int) -> str | None:
    """``2025-10-25``, or ``--10-25`` without a year; ``None`` unless it is a real day.

    Without a year, February 29 is a real day (some year has one). Every date either
    reader emits is built here, so an impossible date is refused in one place.
    """
    try:
        _dt.date(2000 if year is None else year, month, day)  # 2000 admits Feb 29
    except ValueError:
        return None
    if year is None:
        return f"--{month:02d}-{day:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


@lru_cache(maxsize=2)  # the document being read: asked once per sentence with a date
def numeric_order(text: str) -> str:
    """How a document writes numeric dates: "dmy", "mdy", or "" when it cannot tell.

    An unambiguous numeric date (a first part above 12: "14/05/2025"; a second one:
    "05/14/2025") decides; else the written dates ("14 May" against "May 14"). Both the
    publication line ("Published 03/06/2025") and dates in the prose are read in it.
    """
    votes = {"dmy": 0, "mdy": 0}
    for match in re.finditer(r"(?<![\d/.])(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}(?![\d/])", text):
        first, second = int(match.group(1)), int(match.group(2))
        if first > 12 >= second:
            votes["dmy"] += 1
        elif second > 12 >= first:
            votes["mdy"] += 1
    if votes["dmy"] != votes["mdy"]:
        return max(votes, key=lambda k: votes[k])
    month = rf"(?:{MONTH_PATTERN})\.?"
    day_first = len(re.findall(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{month}", text, re.IGNORECASE))
    month_first = len(re.findall(rf"\b{month}\s+\d{{1,2}}\b", text, re.IGNORECASE))
    if day_first != month_first:
        return "dmy" if day_first > month_first else "mdy"
    return ""


#: Weekday names in ``date.weekday()`` order: the one table the extractors and the
#: reconciler read weekdays with.
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAY_NAMES) + r")\b", re.IGNORECASE)
#: How far the day a written weekday names may lie from the written date: "Friday,
#: July 12" when July 12 is a Saturday means the Friday before (or after) it.
WEEKDAY_REACH = 3


def weekday_slip(text: str, iso: str) -> tuple[str, str, str] | None:
    """When ``text`` ("Friday, July 12") names a weekday that ``iso`` (a full ISO day)
    is not: the weekday written, the weekday the date is, and the nearest day that is
    the written weekday (within :data:`WEEKDAY_REACH` days). None when they agree, when
    no or two weekdays are written, or when ``iso`` is no full day."""
    names = {m.group(1).lower() for m in _WEEKDAY.finditer(text)}
    if len(names) != 1:
        return None
    try:
        day = _dt.date.fromisoformat(iso[:10])
    except ValueError:
        return None
    if len(iso) != 10:
        return None
    (written,) = names
    actual = WEEKDAY_NAMES[day.weekday()]
    if written == actual:
        return None
    shift = (WEEKDAY_NAMES.index(written) - day.weekday()) % 7
    nearest = day + _dt.timedelta(days=shift if shift <= WEEKDAY_REACH else shift - 7)
    return written.capitalize(), actual.capitalize(), nearest.isoformat()
