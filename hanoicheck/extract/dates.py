"""Find dates of events and turn them into day intervals.

Candidate spans are found here with patterns (ranges such as "Oct 25-26" or
"25 and 26 October" are split first); each single day is then read with a month
table. A general date parser is not run over whole texts: dateparser's
``search_dates`` is slow, noisy, and reads "Oct 25-26" as 1926 (see BENCHMARKS.md).

Years: a date without a year takes the year nearest the document's own date and is
flagged ``year_inferred``; with no document date it stays year-less (``--10-25``).
Weekdays resolve the way a news reader means them: a weekday named in a story dated
that weekday is that very day, otherwise the latest such day before the story.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from hanoicheck.calendar import MONTH_NAMES, MONTH_PATTERN, iso_date, month_number
from hanoicheck.extract.modality import modality_of
from hanoicheck.model import Claim, Interval, Kind, Modality, Qualifier, Span, Subject

if TYPE_CHECKING:
    from hanoicheck.extract.sentence import SentenceContext

_MONTHS = rf"(?:{MONTH_PATTERN})\.?"
_DAY = r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d|21\d\d)"
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date found in text: its span, interval and whether the year was inferred."""

    start: int
    end: int
    value: Interval[str]
    year_inferred: bool
    relative: bool = False


@cache
def _pattern() -> re.Pattern[str]:
    m, d, y = _MONTHS, _DAY, _YEAR
    joint = r"\s*(?:-|\u2013|\u2014|to|and|through|until|till)\s*"
    forms = [
        rf"(?P<iso>{y}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]))\b",
        # October 25 - November 2, 2025 / Oct 25-26, 2025 / October 25 and 26
        rf"(?P<m1>{m})\s+(?P<d1>{d})(?:,?\s+(?P<y1>{y}))?{joint}"
        rf"(?:(?P<m2>{m})\s+)?(?P<d2>{d})(?![\d:])(?:,?\s+(?P<y2>{y}))?\b",
        # 25 October - 2 November 2025 / 25-26 October 2025 / 25 and 26 October
        rf"(?P<d3>{d})(?:\s+(?P<m3>{m}))?{joint}(?P<d4>{d})\s+(?:of\s+)?(?P<m4>{m})"
        rf"(?:,?\s+(?P<y4>{y}))?\b",
        # October 25, 2025 / Oct. 25 / October 25th
        rf"(?P<m5>{m})\s+(?P<d5>{d})(?![\d:])(?:,?\s+(?P<y5>{y}))?\b",
        # 25 October 2025 / the 25th of October
        rf"(?P<d6>{d})\s+(?:of\s+)?(?P<m6>{m})(?:,?\s+(?P<y6>{y}))?\b",
        # October 2025
        rf"(?P<m7>{m})\s+(?:of\s+)?(?P<y7>{y})\b",
        rf"(?P<weekday>{'|'.join(_WEEKDAYS)})\b",
        r"(?P<rel>yesterday|today|tomorrow)\b",
    ]
    # Every form starts a word with a digit or with the first letter of a month, a
    # weekday or yesterday/today/tomorrow. Checking that once, before trying eight
    # forms at each position, makes the scan three times faster with the same matches.
    month_initials = {name[0] for name in MONTH_NAMES}
    first = "".join(sorted(month_initials | {w[0] for w in (*_WEEKDAYS, "yesterday", "today")}))
    return re.compile(rf"\b(?=[\d{first}])(?:{'|'.join(forms)})", re.IGNORECASE)


def _month_day(text: str) -> tuple[int, int] | None:
    """Month and day of "October 25", "Oct. 25th", "25 of October" (either order).

    A table lookup, not a date parser: the pattern has already matched an English
    month name and a day number, so all that is left is reading the two (the day is
    checked against the month and year later, by :func:`hanoicheck.calendar.iso_date`).
    This was dateparser's job until a profile showed it taking 30% of extraction time
    for a result the pattern had already decided.
    """
    month = day = None
    for token in re.findall(r"[A-Za-z]+|\d+", text):
        if token.isdigit():
            day = int(token)
        elif token.lower() not in ("of", "st", "nd", "rd", "th"):
            month = month_number(token)
    if month is None or day is None or not 1 <= day <= 31:
        return None
    return month, day


def _infer_year(month: int, day: int, ref: dt.date | None) -> int | None:
    """The year that puts month/day nearest the document's date (None without one)."""
    if ref is None:
        return None
    best: tuple[int, int] | None = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            gap = abs((dt.date(year, month, day) - ref).days)
        except ValueError:
            continue
        if best is None or gap < best[0]:
            best = (gap, year)
    return best[1] if best else None


def parse_reference(date: str | None) -> dt.date | None:
    """The document date as a ``date`` when it has a year."""
    if not date or date.startswith("--"):
        return None
    try:
        return dt.date.fromisoformat(date[:10])
    except ValueError:
        return None


def find_dates(text: str, start: int, end: int, document_date: str | None) -> list[DateMention]:
    """Every date in ``text[start:end]`` as a day interval."""
    ref = parse_reference(document_date)
    found: list[DateMention] = []
    for match in _pattern().finditer(text, start, end):
        mention = _read(match, ref)
        if mention is None and ref is None and match.group("rel"):
            mention = _relative_without_year(match, document_date)
        if mention is not None:
            found.append(mention)
    return found


def _read(match: re.Match[str], ref: dt.date | None) -> DateMention | None:
    g = match.group
    if g("iso"):
        return DateMention(match.start(), match.end(), Interval.exact(g("iso")), False)
    if g("weekday") or g("rel"):
        return _relative(match, ref)
    if g("m7"):
        month = month_number(g("m7"))
        if month is None:
            return None
        whole = int(g("y7"))
        last = calendar.monthrange(whole, month)[1]
        low, high = iso_date(whole, month, 1), iso_date(whole, month, last)
        if low is None or high is None:
            return None
        return DateMention(
            match.start(), match.end(), Interval(low, low, high, True, True, Qualifier.RANGE), False
        )
    if g("m1") or g("d3"):
        if g("m1"):
            m_a, d_a, m_b, d_b = g("m1"), g("d1"), g("m2") or g("m1"), g("d2")
            year_text = g("y2") or g("y1")
        else:
            m_a, d_a, m_b, d_b = g("m3") or g("m4"), g("d3"), g("m4"), g("d4")
            year_text = g("y4")
        return _range(match, m_a, d_a, m_b, d_b, year_text, ref)
    month_name, day_text, year_text = (
        (g("m5"), g("d5"), g("y5")) if g("m5") else (g("m6"), g("d6"), g("y6"))
    )
    md = _month_day(f"{month_name} {day_text}")
    if md is None:
        return None
    month, day = md
    year = int(year_text) if year_text else _infer_year(month, day, ref)
    iso = iso_date(year, month, day)
    if iso is None:
        return None
    inferred = year_text is None and year is not None
    return DateMention(match.start(), match.end(), Interval.exact(iso), inferred)


def _range(
    match: re.Match[str],
    month_a: str,
    day_a: str,
    month_b: str,
    day_b: str,
    year_text: str | None,
    ref: dt.date | None,
) -> DateMention | None:
    first = _month_day(f"{month_a} {day_a}")
    last = _month_day(f"{month_b} {day_b}")
    if first is None or last is None or first == last:
        return None
    if first > last and first[0] == last[0]:
        return None  # "October 26-25" is not a range
    year_b = int(year_text) if year_text else _infer_year(*last, ref)
    year_a = year_b - 1 if year_b is not None and first > last else year_b
    low, high = iso_date(year_a, *first), iso_date(year_b, *last)
    if low is None or high is None:
        return None
    inferred = year_text is None and year_b is not None
    interval = Interval(low, low, high, True, True, Qualifier.RANGE)
    return DateMention(match.start(), match.end(), interval, inferred)


def _relative(match: re.Match[str], ref: dt.date | None) -> DateMention | None:
    if ref is None:
        return None
    word = (match.group("weekday") or match.group("rel")).lower()
    if word in _WEEKDAYS:
        back = (ref.weekday() - _WEEKDAYS.index(word)) % 7
        day = ref - dt.timedelta(days=back)
    else:
        day = ref + dt.timedelta(days={"yesterday": -1, "today": 0, "tomorrow": 1}[word])
    iso = day.isoformat()
    # the year (and the day) come from the document, not the text
    return DateMention(match.start(), match.end(), Interval.exact(iso), True, relative=True)


def _relative_without_year(match: re.Match[str], document_date: str | None) -> DateMention | None:
    """ "yesterday" in a story dated "March 4" with no year is "--03-03".

    Unlike a weekday, a day before or after needs no year, except across the end of
    February (a leap year decides it), which is left unread.
    """
    if not document_date or not document_date.startswith("--"):
        return None
    try:
        ref = dt.date(2001, int(document_date[2:4]), int(document_date[5:7]))  # not a leap year
    except ValueError:
        return None
    shift = {"yesterday": -1, "today": 0, "tomorrow": 1}[match.group("rel").lower()]
    day = ref + dt.timedelta(days=shift)
    iso = iso_date(None, day.month, day.day)
    if iso is None or ((2, 28) <= (ref.month, ref.day) <= (3, 1) and shift):
        return None
    return DateMention(match.start(), match.end(), Interval.exact(iso), False, relative=True)


def read(ctx: SentenceContext) -> list[Claim]:
    """Date claims of one sentence: each date with the event it is the date of."""
    claims = []
    for mention in ctx.dates:
        event = ctx.event_for(mention.start, mention.end, is_date=True)
        label = event.type or "event"
        subject = Subject(noun=label, context=_context_phrase(ctx, mention))
        claims.append(
            ctx.make_claim(
                mention.start,
                mention.end,
                kind=Kind.DATE,
                subject=subject,
                event=event,
                value=mention.value,
                unit=None,
                year_inferred=mention.year_inferred,
            )
        )
    return claims


def look_forward(
    text: str, sentence: Span, mentions: list[DateMention], story: str | None
) -> list[DateMention]:
    """Weekdays in a forecast are the next ones, not the last.

    "Donors are expected to pledge at Tuesday's session" in a story of Monday 22 June
    is Tuesday 23 June; the same weekday in a report of what happened is the 16th.
    """
    if not story or story.startswith("--"):
        return mentions
    resolved = []
    for mention in mentions:
        word = text[mention.start : mention.end].lower()
        value = str(mention.value.nominal)
        if (
            mention.relative
            and word in _WEEKDAYS
            and value < story[:10]
            and modality_of(text, sentence, mention.start, mention.end) is not Modality.REPORTED
        ):
            day = (dt.date.fromisoformat(value) + dt.timedelta(days=7)).isoformat()
            mention = DateMention(mention.start, mention.end, Interval.exact(day), True, True)
        resolved.append(mention)
    return resolved


def _context_phrase(ctx: SentenceContext, mention: DateMention) -> str:
    lo = max(ctx.sentence.start, mention.start - 80)
    hi = min(ctx.sentence.end, mention.end + 40)
    return " ".join(ctx.text[lo:hi].split())
