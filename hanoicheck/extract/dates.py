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
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING

from hanoicheck.calendar import (
    MONTH_NAMES,
    MONTH_PATTERN,
    WEEKDAY_NAMES,
    YEAR_PATTERN,
    iso_date,
    month_number,
    nearest_year,
    numeric_order,
)
from hanoicheck.extract import context, periods
from hanoicheck.extract.modality import modality_of
from hanoicheck.extract.numbers import words_to_number
from hanoicheck.lexicon import alternation, default_lexicon, phrases
from hanoicheck.model import Claim, Interval, Kind, Modality, Qualifier, Span, Subject

if TYPE_CHECKING:
    from hanoicheck.extract.sentence import SentenceContext

_MONTHS = rf"(?:{MONTH_PATTERN})\.?"
_DAY = r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?"
_YEAR = YEAR_PATTERN


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date found in text: its span, interval and whether the year was inferred."""

    start: int
    end: int
    value: Interval[str]
    year_inferred: bool
    relative: bool = False
    #: A relative day picked out on purpose: counted from the story's day ("three weeks
    #: ago", "in two days", "the day before yesterday") or chosen among the weekdays
    #: ("next Friday", "last Tuesday", "Monday of next week"). Unlike a bare "on
    #: Wednesday" or "yesterday", which news writes for the time of whatever was said
    #: or done, such a day is a date claim even when the sentence names no event.
    deliberate: bool = False


@cache
def _pattern() -> re.Pattern[str]:
    m, d, y = _MONTHS, _DAY, _YEAR
    joint = r"\s*(?:-|\u2013|\u2014|to|and|through|thru|until|till)\s*"
    # between a date and its year: a comma (spaced or not, "Dec. 31 , 1994" in tokenised
    # wire copy), a space, or "of" ("the 4th of July of 1995")
    year_sep = r"(?:\s*,\s*|\s+)(?:of\s+)?"
    forms = [
        rf"(?P<iso>{y}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]))\b(?![/.-]\d)",
        # 2015/08/12, 14/05/2025, 05/14/2025, 3-7-2017, 10.31.74 (read in _numeric)
        r"(?P<num>(?<![\d/.,-])(?:\d{4}[/.-]\d{1,2}[/.-]\d{1,2}|\d{1,2}(?P<sep>[/.-])\d{1,2}(?P=sep)(?:\d{4}|\d{2}))"
        r"(?![\d/]|[.-]\d))",
        # October 25 - November 2, 2025 / Oct 25-26, 2025 / October 25 and 26
        rf"(?P<m1>{m})\s+(?P<d1>{d})(?:,?\s+(?P<y1>{y}))?{joint}"
        rf"(?:(?P<m2>{m})\s+)?(?P<d2>{d})(?![\d:])(?:,?\s+(?P<y2>{y}))?\b",
        # 25 October - 2 November 2025 / 25-26 October 2025 / 25 and 26 October
        # (from) the 13th to the 15th of July
        rf"(?P<d3>{d})(?:\s+(?P<m3>{m}))?{joint}(?:the\s+)?(?P<d4>{d})\s+(?:of\s+)?(?P<m4>{m})"
        rf"(?:{year_sep}(?P<y4>{y}))?\b",
        # October 25, 2025 / Oct. 25 / October 25th
        rf"(?P<m5>{m})\s+(?P<d5>{d})(?![\d:])(?:{year_sep}(?P<y5>{y}))?\b",
        # 25 October 2025 / the 25th of October / the 4th of July of 1995
        rf"(?P<d6>{d})\s+(?:of\s+)?(?P<m6>{m})(?:{year_sep}(?P<y6>{y}))?\b",
        # October 2025 / November, 2016
        rf"(?P<m7>{m}){year_sep}(?P<y7>{y})\b",
        # Rarer forms behind one guard each (a number, then / . or -; a month, then -), so
        # the many numbers and words that are not dates try none of them:
        # 11/2016, 3-2015: a month and a year (a four-digit year: "3/15" is a fraction);
        # 05-Aug-2016, 31/Oct/74, 2019/sep/01: a month name between numbers
        r"(?=\d{1,4}[/.-])(?:"
        rf"(?P<my>(?<![\d/.,-])(?P<mym>0?[1-9]|1[0-2])[/-](?P<myy>{y}))(?![\d/]|[.-]\d)"
        rf"|(?P<dmy>(?P<xd1>{d})(?P<xs>[/.-])(?P<xm1>{m})(?P=xs)(?P<xy1>{y}|\d\d))(?![\d/-])"
        rf"|(?P<ymd>(?P<xy3>{y})(?P<xs3>[/-])(?P<xm3>{m})(?P=xs3)(?P<xd3>{d}))(?![\d/-]))",
        # Sep-23-2020
        rf"(?=[a-z]{{3,9}}\.?-\d)(?P<mdy>(?P<xm2>{m})-(?P<xd2>{d})-(?P<xy2>{y}))(?![\d/-])",
        rf"(?P<weekday>{'|'.join(WEEKDAY_NAMES)})\b",
        r"(?P<rel>yesterday|today|tomorrow)\b",
    ]
    # Every form starts a word with a digit or with the first letter of a month, a
    # weekday or yesterday/today/tomorrow. Checking that once, before trying eight
    # forms at each position, makes the scan three times faster with the same matches.
    month_initials = {name[0] for name in MONTH_NAMES}
    first = "".join(sorted(month_initials | {w[0] for w in (*WEEKDAY_NAMES, "yesterday", "today")}))
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
    return nearest_year(month, day, ref)


def parse_reference(date: str | None) -> dt.date | None:
    """The document date as a ``date`` when it has a year."""
    if not date or date.startswith("--"):
        return None
    try:
        return dt.date.fromisoformat(date[:10])
    except ValueError:
        return None


def find_dates(
    text: str,
    start: int,
    end: int,
    document_date: str | None,
    event_cues: list[context.Cue] | None = None,
) -> list[DateMention]:
    """Every date in ``text[start:end]`` as a day interval (or a half-open one).

    ``event_cues`` are the sentence's event words: a year alone is a date only when an
    event is named just before it ("adopted in 2024"), not as a period ("In 2024 alone").
    """
    ref = parse_reference(document_date)
    found: list[DateMention] = []
    order = ""
    for match in _pattern().finditer(text, start, end):
        if match.group("num") and not order:
            order = numeric_order(text)
        mention = _read(match, ref, order)
        if mention is None and ref is None and match.group("rel"):
            mention = _relative_without_year(match, document_date)
        if mention is not None:
            found.append(mention)
    # Relative days and periods always hold a unit, a weekday, a month or a year: one
    # check for those words skips both scans in most sentences.
    if _relative_hint().search(text, start, end):
        if ref is not None:
            found.extend(_relatives(text, start, end, ref, event_cues or []))
        found.extend(_periods(text, start, end, ref))
        found.sort(key=lambda m: m.start)
        found = _drop_overlaps(found)
    found = _offsets(text, start, found)
    return _open_ends(text, start, _merge_ranges(text, _with_weekdays(text, found)))


def _periods(text: str, start: int, end: int, ref: dt.date | None) -> list[DateMention]:
    """Dates named by a part or position in a period ("the end of next week", "Q3 2016",
    "the last Friday of March"), read by :mod:`hanoicheck.extract.periods`."""
    mentions = []
    for period in periods.find_periods(text, start, end, ref):
        low, high = period.low.isoformat(), period.high.isoformat()
        value = (
            Interval.exact(low)
            if low == high
            else Interval(low, low, high, True, True, Qualifier.RANGE)
        )
        mentions.append(
            DateMention(period.start, period.end, value, period.inferred, period.relative)
        )
    return mentions


@cache
def _offset_before() -> re.Pattern[str]:
    """ "two weeks after", "3 days before", "four months from": ends right before a date."""
    n = rf"(?:\d{{1,3}}|{_NUMBER_WORDS})"
    return re.compile(
        rf"\b(?P<n>{n})\s+(?P<unit>days?|weeks?|fortnights?|months?|years?)\s+"
        r"(?P<dir>after|before|from|prior\s+to)\s+(?:the\s+)?$",
        re.IGNORECASE,
    )


_OFFSET_HEDGE = re.compile(
    rf"\b(?:{phrases(default_lexicon().words('offset_hedges'))})\s+$", re.IGNORECASE
)


def _offsets(text: str, floor: int, found: list[DateMention]) -> list[DateMention]:
    """ "two weeks after 15 January", "3 days before May 13 1999", "four months from
    tomorrow": the date moved by the stated amount, one mention from the number on.

    Only a day or a range with its year (or resolved from the story's date) is moved;
    a year-less "--10-25" has no calendar to count in.
    """
    result = []
    for mention in found:
        value = mention.value
        lead = _offset_before().search(text, max(floor, mention.start - 32), mention.start)
        low, high = value.low, value.high
        amount = _count(lead.group("n")) if lead else None
        if (
            lead is None
            or amount is None
            # "less than a day after Friday's earthquake": a vague span from the quake,
            # whose own day is Friday's, is no date
            or _OFFSET_HEDGE.search(text, max(floor, lead.start() - 16), lead.start())
            or _POSSESSIVE.match(text, mention.end)
            or value.qualifier not in (Qualifier.EXACT, Qualifier.RANGE)
            or not (isinstance(low, str) and isinstance(high, str))
            or low.startswith("--")
        ):
            result.append(mention)
            continue
        sign = 1 if lead.group("dir").lower() in ("after", "from") else -1
        unit = lead.group("unit")
        moved = [
            _shift(dt.date.fromisoformat(day), unit, sign * amount).isoformat()
            for day in (low, high)
        ]
        interval = (
            Interval.exact(moved[0])
            if value.qualifier is Qualifier.EXACT
            else Interval(moved[0], moved[0], moved[1], True, True, Qualifier.RANGE)
        )
        result.append(replace(mention, start=lead.start(), value=interval, deliberate=True))
    return result


# "Saturday, 14 June", "Thursday the 18th of September": the weekday names the date
# that follows, so the two are one mention.
_APPOSITION = re.compile(r",?\s+(?:the\s+)?$")


def _with_weekdays(text: str, found: list[DateMention]) -> list[DateMention]:
    """Join a weekday to the calendar date right after it: one date, read as the
    calendar date says (the weekday alone would be resolved against the story's day)."""
    joined: list[DateMention] = []
    for mention in found:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.relative
            and text[previous.start : previous.end].lower() in WEEKDAY_NAMES
            and not mention.relative
            and _APPOSITION.match(text, previous.end, mention.start)
        ):
            joined[-1] = DateMention(
                previous.start, mention.end, mention.value, mention.year_inferred
            )
            continue
        joined.append(mention)
    return joined


def _drop_overlaps(found: list[DateMention]) -> list[DateMention]:
    """Of overlapping mentions, the longer (then the earlier) one."""
    kept: list[DateMention] = []
    for mention in found:
        if kept and mention.start < kept[-1].end:
            if mention.end - mention.start > kept[-1].end - kept[-1].start:
                kept[-1] = mention
            continue
        kept.append(mention)
    return kept


_FROM = re.compile(r"\b(?:from|between)\s+(?:the\s+)?$", re.IGNORECASE)
_JOINT = re.compile(
    r"\s*(?:-|\u2013|\u2014|to|until|till|through|thru|and)\s+(?:the\s+)?$|\s*[-\u2013]\s*$",
    re.IGNORECASE,
)
_UNTIL = re.compile(r"\b(?:until|till|til|up\s+to|through)\s+(?:the\s+)?$", re.IGNORECASE)
# "ratify it by Friday, Sept. 27": a deadline, on or before that day ("killed by
# Sunday's earthquake" names the agent: the day's possessive is no deadline)
_BY = re.compile(
    r"\bby\s+(?:(?:noon|midnight|\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?\s?m\b\.?)?)"
    r"(?:\s+\w+\s+time)?\s+)?(?:on\s+|the\s+)?$",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"['\u2019]s?\b")
_SINCE = re.compile(
    r"\b(?:from|since|starting(?:\s+(?:on|from))?|beginning(?:\s+on)?|as\s+of|effective)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _merge_ranges(text: str, found: list[DateMention]) -> list[DateMention]:
    """ "from Monday to Friday", "between 3 March and 5 April": one range of two dates."""
    merged: list[DateMention] = []
    for mention in found:
        if merged:
            first = merged[-1]
            joint = text[first.end : mention.start]
            low, high = first.value.low, mention.value.high
            if first.relative and mention.relative and low and high and high < low:
                # "from Monday to Friday": the Friday after that Monday
                high = (dt.date.fromisoformat(high) + dt.timedelta(days=7)).isoformat()
            if (
                len(joint) < 12
                and _JOINT.fullmatch(joint + " ")
                and _FROM.search(text, max(0, first.start - 16), first.start)
                and first.value.qualifier in (Qualifier.EXACT, Qualifier.RANGE)
                and isinstance(low, str)
                and isinstance(high, str)
                and low[:2] == high[:2]
                and low < high
            ):
                interval = Interval(low, low, high, True, True, Qualifier.RANGE)
                merged[-1] = DateMention(
                    first.start, mention.end, interval, first.year_inferred, first.relative
                )
                continue
        merged.append(mention)
    return merged


def _open_ends(text: str, floor: int, found: list[DateMention]) -> list[DateMention]:
    """ "until 18 June" and "by 18 June" are up to that day; "from May 6", "since Monday"
    from it on."""
    result = []
    for mention in found:
        value = mention.value
        before = text[max(floor, mention.start - 24) : mention.start]
        if value.qualifier in (Qualifier.EXACT, Qualifier.RANGE) and value.low and value.high:
            by = text[max(floor, mention.start - 40) : mention.start]
            deadline = _BY.search(by) and not _POSSESSIVE.match(text, mention.end)
            hedge = _AGO_HEDGE.search(before) if text.endswith("ago", 0, mention.end) else None
            if _UNTIL.search(before) or deadline or (hedge and hedge["before"]):
                # "more than a week ago" is on or before the day a week back
                value = Interval(value.high, None, value.high, False, True, Qualifier.UP_TO)
            elif (_SINCE.search(before) and value.qualifier is Qualifier.EXACT) or hedge:
                # "less than a week ago": on or after it
                value = Interval(value.low, value.low, None, True, False, Qualifier.AT_LEAST)
        result.append(replace(mention, value=value))
    return result


_AGO_HEDGE = re.compile(
    r"\b(?:(?P<before>more\s+than|over|upwards\s+of)|less\s+than|under|within)\s+$",
    re.IGNORECASE,
)


def _numeric(match: re.Match[str], ref: dt.date | None, order: str) -> DateMention | None:
    """A numeric date in the document's convention; an ambiguous one spans both readings."""
    parts = [int(p) for p in re.split(r"[/.-]", match.group("num"))]
    if (
        match.group("num")[:4].isdigit()
        and len(match.group("num").split(match.group("num")[4])[0]) == 4
    ):
        readings = [(parts[0], parts[1], parts[2])]
    else:
        year = parts[2]
        if year < 100:
            pivot = (ref.year % 100 + 10) if ref else 30
            year += 2000 if year <= pivot else 1900
        dmy, mdy = (year, parts[1], parts[0]), (year, parts[0], parts[1])
        readings = [r for r in (dmy, mdy) if iso_date(*r) is not None]
        if order and len(readings) == 2 and dmy != mdy:
            readings = [dmy if order == "dmy" else mdy]
    days = sorted({day for r in readings if (day := iso_date(*r)) is not None})
    if not days:
        return None
    if len(days) == 1:
        return DateMention(match.start(), match.end(), Interval.exact(days[0]), False)
    # "04/05/2025" with nothing to tell the order: either day, so both
    interval = Interval(days[0], days[0], days[-1], True, True, Qualifier.RANGE)
    return DateMention(match.start(), match.end(), interval, False)


def _read(match: re.Match[str], ref: dt.date | None, order: str = "") -> DateMention | None:
    g = match.group
    if g("iso"):
        return DateMention(match.start(), match.end(), Interval.exact(g("iso")), False)
    if g("dmy") or g("mdy") or g("ymd"):
        return _with_month_name(match, ref)
    if g("num"):
        return _numeric(match, ref, order)
    if g("weekday") or g("rel"):
        return _relative(match, ref)
    if g("m7") or g("my"):
        month = month_number(g("m7")) if g("m7") else int(g("mym"))
        if month is None:
            return None
        whole = int(g("y7") or g("myy"))
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


def _with_month_name(match: re.Match[str], ref: dt.date | None) -> DateMention | None:
    """ "05-Aug-2016", "31/Oct/74", "Sep-23-2020", "2019/sep/01": the month is named, so
    there is no day/month order to guess; a two-digit year is read as the numeric ones are."""
    g = match.group
    md = _month_day(f"{g('xm1') or g('xm2') or g('xm3')} {g('xd1') or g('xd2') or g('xd3')}")
    if md is None:
        return None
    year = int(g("xy1") or g("xy2") or g("xy3"))
    if year < 100:
        pivot = (ref.year % 100 + 10) if ref else 30
        year += 2000 if year <= pivot else 1900
    iso = iso_date(year, *md)
    if iso is None:
        return None
    return DateMention(match.start(), match.end(), Interval.exact(iso), False)


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


_NUMBER_WORDS = (
    "a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    "fifteen|twenty|thirty|forty|fifty|sixty|ninety|hundred"
)


@cache
def _relative_pattern() -> re.Pattern[str]:
    """Periods and days said relative to the story's date, and months and years alone.

    Every form starts with one of a few words, checked first through a trie, so the scan
    costs little where none of them is.
    """
    wd = "|".join(WEEKDAY_NAMES)
    m, y, n = _MONTHS, _YEAR, rf"(?:\d{{1,3}}|{_NUMBER_WORDS})"
    last = r"(?:last|past|previous|next|coming|upcoming|following|this|current)"
    units = r"(?:days?|weeks?|fortnights?|months?|years?|yrs?|decades?)"
    forms = [
        rf"(?P<wmod>{last}|the\s+following|the\s+previous)\s+(?P<wday>{wd})\b",
        rf"(?P<wweek>{wd})\s+(?:of\s+)?(?P<wrel>next|last|this|the\s+following|the\s+previous)\s+week\b",
        rf"(?P<wrel2>next|last|this)\s+week\s+(?:on\s+)?(?P<wweek2>{wd})\b",
        rf"(?P<pmod>{last}|earlier\s+this|later\s+this|earlier\s+in\s+the|later\s+in\s+the)\s+"
        r"(?P<per>week(?:end)?|month|year|yr|quarter|qtr)\b(?!\s*(?:'s|\u2019s)?\s*\d)",
        rf"(?P<smod>last|past|previous|next|coming|upcoming|following)\s+(?P<sn>{n})\s+(?P<sunit>days|weeks|months|years)\b",
        rf"(?P<an>{n})\s+(?P<aunit>{units})\s+(?P<ago>ago|from\s+now|hence|from\s+today)\b",
        rf"(?P<inword>in)\s+(?P<inn>{n})\s+(?P<inunit>{units})(?:(?:'s|\u2019s)\s+time)?(?=\s*(?:[,.;]|$|time\b))",
        rf"(?P<part>early|mid|late|the\s+end\s+of|end\s+of|the\s+beginning\s+of|beginning\s+of|"
        rf"the\s+start\s+of|start\s+of|the\s+middle\s+of)[\s-]+(?P<pmon>{m})(?:,?\s+(?P<pyear>{y}))?\b",
        rf"(?P<mprep>in|for|since|until|by|during|throughout|last|next|this|of)\s+(?P<mon>{m})"
        rf"(?:,?\s+(?P<myear>{y}))?\b(?!\s*\d)",
        rf"(?P<yprep>in|during)\s+(?P<year>{y})\b(?!\s*(?:alone|so\s+far|to\s+date|and\s+\d)\b)",
        r"(?P<rel2>the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)|tonight|last\s+night|"
        r"this\s+(?:morning|afternoon|evening))\b",
    ]
    leads = [
        "last",
        "past",
        "previous",
        "next",
        "coming",
        "upcoming",
        "following",
        "this",
        "current",
        "the",
        "earlier",
        "later",
        "early",
        "mid",
        "late",
        "end",
        "beginning",
        "start",
        "in",
        "for",
        "since",
        "until",
        "by",
        "during",
        "throughout",
        "of",
        "tonight",
        "a",
        "an",
        *WEEKDAY_NAMES,
        *_NUMBER_WORDS.split("|"),
    ]
    return re.compile(rf"\b(?=(?:{alternation(leads)})\b|\d)(?:{'|'.join(forms)})", re.IGNORECASE)


@cache
def _relative_hint() -> re.Pattern[str]:
    """A word every relative form contains (a unit, a weekday, a month, night, a year)."""
    stems = [
        "day",
        "week",
        "fortnight",
        "month",
        "year",
        "yr",
        "quarter",
        "qtr",
        "decade",
        "tonight",
        "night",
        "morning",
        "afternoon",
        "evening",
        "yesterday",
        "tomorrow",
        *WEEKDAY_NAMES,
        "jan",
        "feb",
        "mar",
        "apr",
        "may",
        "jun",
        "jul",
        "aug",
        "sep",
        "oct",
        "nov",
        "dec",
    ]
    return re.compile(rf"\b(?:(?i:{alternation(stems)})|(?:1[89]|2[01])\d\d(?:[QH][1-4])?\b)")


def _relatives(
    text: str, start: int, end: int, ref: dt.date, cues: list[context.Cue]
) -> list[DateMention]:
    found: list[DateMention] = []
    for match in _relative_pattern().finditer(text, start, end):
        span = _resolve(match, ref, cues)
        if span is None:
            continue
        low, high = span
        value = (
            Interval.exact(low.isoformat())
            if low == high
            else Interval(
                low.isoformat(), low.isoformat(), high.isoformat(), True, True, Qualifier.RANGE
            )
        )
        g = match.group
        deliberate = bool(g("wday") or g("wweek") or g("wweek2") or g("aunit") or g("inunit")) or (
            g("rel2") or ""
        ).lower().startswith("the day")
        found.append(
            DateMention(
                match.start(), match.end(), value, True, relative=True, deliberate=deliberate
            )
        )
    return found


def _count(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    if word.lower() in ("a", "an"):
        return 1
    value = words_to_number(word)
    return int(value) if value is not None and value.is_integer() else None


def _shift(day: dt.date, unit: str, amount: int) -> dt.date:
    unit = unit.lower().rstrip("s")
    if unit in ("day",):
        return day + dt.timedelta(days=amount)
    if unit in ("week", "fortnight"):
        return day + dt.timedelta(days=amount * (14 if unit == "fortnight" else 7))
    months = amount * {"month": 1, "year": 12, "yr": 12, "decade": 120}[unit]
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def _period(ref: dt.date, unit: str, offset: int) -> tuple[dt.date, dt.date]:
    """The calendar week (Monday-Sunday), month, quarter or year ``offset`` from ref's."""
    unit = {"yr": "year", "qtr": "quarter"}.get(unit, unit)
    if unit == "week":
        monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(weeks=offset)
        return monday, monday + dt.timedelta(days=6)
    if unit == "weekend":
        saturday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(weeks=offset, days=5)
        return saturday, saturday + dt.timedelta(days=1)
    if unit == "month":
        first = _shift(ref.replace(day=1), "month", offset)
        return first, first.replace(day=calendar.monthrange(first.year, first.month)[1])
    if unit == "quarter":
        first = _shift(ref.replace(day=1, month=(ref.month - 1) // 3 * 3 + 1), "month", 3 * offset)
        last = _shift(first, "month", 2)
        return first, last.replace(day=calendar.monthrange(last.year, last.month)[1])
    year = ref.year + offset
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


_BACK = ("last", "past", "previous", "the previous")
_THE_BEFORE = re.compile(r"\b(?:over|in|during|throughout|within)\s+the\s+$", re.IGNORECASE)
_AHEAD = ("next", "coming", "upcoming", "following", "the following")


def _resolve(
    match: re.Match[str], ref: dt.date, cues: list[context.Cue]
) -> tuple[dt.date, dt.date] | None:
    g = match.group

    def lower(name: str) -> str:
        return " ".join((g(name) or "").lower().split())

    if g("wday"):
        target = WEEKDAY_NAMES.index(lower("wday"))
        mod = lower("wmod")
        if mod in _BACK:
            back = (ref.weekday() - target) % 7 or 7
            day = ref - dt.timedelta(days=back)
        elif mod in _AHEAD:
            day = ref + dt.timedelta(days=(target - ref.weekday()) % 7 or 7)
        else:  # this/current: this week's, from today on
            day = ref + dt.timedelta(days=(target - ref.weekday()) % 7)
        return day, day
    if g("wweek") or g("wweek2"):
        target = WEEKDAY_NAMES.index(lower("wweek") or lower("wweek2"))
        rel = lower("wrel") or lower("wrel2")
        offset = -1 if rel in ("last", "the previous") else 1 if rel in _AHEAD else 0
        monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(weeks=offset)
        day = monday + dt.timedelta(days=target)
        return day, day
    if g("per"):
        mod, unit = lower("pmod"), lower("per")
        if mod in ("past", "last") and _THE_BEFORE.search(
            match.string, max(0, match.start() - 24), match.start()
        ):
            return None  # "over the past year": a stretch of time, not a date
        unit = {"yr": "year", "qtr": "quarter"}.get(unit, unit)
        if mod.startswith(("earlier", "later")):
            low, high = _period(ref, unit, 0)
            if mod.startswith("earlier"):
                return (low, ref - dt.timedelta(days=1)) if ref > low else None
            return (ref + dt.timedelta(days=1), high) if ref < high else None
        offset = -1 if mod in _BACK else 1 if mod in _AHEAD else 0
        return _period(ref, unit, offset)
    if g("sunit"):
        amount = _count(lower("sn"))
        if not amount:
            return None
        unit = lower("sunit").rstrip("s")
        back = lower("smod") in _BACK
        if unit == "day":
            if back:
                return ref - dt.timedelta(days=amount), ref - dt.timedelta(days=1)
            return ref + dt.timedelta(days=1), ref + dt.timedelta(days=amount)
        first = _period(ref, unit, -amount if back else 1)[0]
        last = _period(ref, unit, -1 if back else amount)[1]
        return first, last
    if g("aunit") or g("inunit"):
        amount = _count(lower("an") or lower("inn"))
        if amount is None:
            return None
        sign = -1 if lower("ago") == "ago" else 1
        day = _shift(ref, lower("aunit") or lower("inunit"), sign * amount)
        return day, day
    if g("pmon"):
        month = month_number(g("pmon"))
        if month is None:
            return None
        year = int(g("pyear")) if g("pyear") else _infer_year(month, 15, ref) or ref.year
        month_end = calendar.monthrange(year, month)[1]
        part = lower("part")
        days = (
            (1, 10)
            if part in ("early", "the beginning of", "beginning of", "the start of", "start of")
            else (11, 20)
            if part in ("mid", "the middle of")
            else (21, month_end)
        )
        return dt.date(year, month, days[0]), dt.date(year, month, days[1])
    if g("mon"):
        return _month_alone(match, ref)
    if g("year"):
        if not any(c.end <= match.start() and match.start() - c.end <= 40 for c in cues):
            return None  # "In 2024 alone": a period, not the date of an event
        year = int(g("year"))
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if g("rel2"):
        word = lower("rel2")
        shift = {"the day before yesterday": -2, "the day after tomorrow": 2, "last night": -1}
        day = ref + dt.timedelta(days=shift.get(word, 0))
        return day, day
    return None


def _month_alone(match: re.Match[str], ref: dt.date) -> tuple[dt.date, dt.date] | None:
    """ "in July", "last December", "pencilled in for September": the month as a range."""
    name = match.group("mon")
    if name.lower().startswith("may") and name != "May":
        return None  # "may" the verb
    month = month_number(name)
    if month is None or (len(name.rstrip(".")) < 4 and not name[0].isupper()):
        return None
    mod = match.group("mprep").lower()
    if match.group("myear"):
        year = int(match.group("myear"))
    elif mod == "last":
        year = ref.year if month < ref.month else ref.year - 1
    elif mod == "next":
        year = ref.year if month > ref.month else ref.year + 1
    else:
        year = _infer_year(month, 15, ref) or ref.year
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _relative(match: re.Match[str], ref: dt.date | None) -> DateMention | None:
    if ref is None:
        return None
    word = (match.group("weekday") or match.group("rel")).lower()
    if word in WEEKDAY_NAMES:
        back = (ref.weekday() - WEEKDAY_NAMES.index(word)) % 7
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


def _nearer_event(ctx: SentenceContext, mention: DateMention, figure: tuple[int, int]) -> bool:
    """An event word is nearer the date than the figure the date is the time of."""
    text = ctx.text
    to_figure = context.distance(text, mention.start, mention.end, *figure)
    # distances are whole numbers: within to_figure - 1 is strictly nearer
    near = context.nearest(text, ctx.event_cues, mention.start, mention.end, to_figure - 1)
    return near is not None


@cache
def _as_of_pattern() -> re.Pattern[str]:
    leads = sorted(default_lexicon().words("as_of_leads"), key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(re.escape(w) for w in leads)})\s+$", re.IGNORECASE)


@cache
def _said_on_pattern() -> re.Pattern[str]:
    verbs = phrases(default_lexicon().words("speech_verbs"))
    return re.compile(
        rf"\b{verbs}(?:\s+(?:the\s+)?[A-Za-z]+){{0,2}}?\s+(?:on|late on|early on|last)\s+$",
        re.IGNORECASE,
    )


def _said_on(text: str, start: int) -> bool:
    """Whether the weekday at ``start`` dates a saying: "the government said on
    Thursday", "told the House on Tuesday", "announced on Saturday"."""
    return _said_on_pattern().search(text, max(0, start - 40), start) is not None


def _as_of_lead(text: str, start: int) -> bool:
    """Whether the day at ``start`` follows "by" or "as of": when a figure holds."""
    return _as_of_pattern().search(text, max(0, start - 8), start) is not None


def read(ctx: SentenceContext) -> list[Claim]:
    """Date claims of one sentence: each date with the event it is the date of.

    Call it after the sentence's figures are read. A date that only says when a figure
    holds ("the toll stood at 2,205 on Thursday") and names no event is that figure's
    time, not a claim of its own; so is a relative day ("on Wednesday", "yesterday")
    that dates no named event ("he warned on Wednesday that..."), unless it opens or
    closes a span ("shut since Monday") or was picked out on purpose ("three weeks
    ago", "next Friday": :attr:`DateMention.deliberate`).
    """
    claims = []
    for mention in ctx.dates:
        event = ctx.event_for(mention.start, mention.end, is_date=True)
        alone = mention.relative and mention.value.qualifier is Qualifier.EXACT
        figure = ctx.used_times.get((mention.start, mention.end))
        if event.type is None and ((alone and not mention.deliberate) or figure is not None):
            continue
        if figure is not None and _as_of_lead(ctx.text, mention.start):
            continue  # "By Sunday the fire had destroyed 9,100 homes": the count's time
        if alone and not mention.deliberate and _said_on(ctx.text, mention.start):
            continue  # "the government said on Thursday": when it spoke, not the storm
        if figure is not None and alone and not _nearer_event(ctx, mention, figure):
            # "the toll from the quake rose to 2,205 on Thursday": a weekday nearer the
            # count it times than any event word is the count's time, not the quake's
            # date ("half a million marched through the cities on Thursday" dates both)
            continue
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
    """Weekdays of what is still to come are the next ones, not the last.

    News reports what happened, so a weekday is read as the last such day up to the
    story's date; it points ahead when the sentence says so (:func:`_points_ahead`):
    "donors are expected to pledge at Tuesday's session" in a story of Monday 22 June
    is Tuesday 23 June; the same weekday in a report of what happened is the 16th.
    """
    if not story or story.startswith("--"):
        return mentions
    resolved: list[DateMention] = []
    for mention in mentions:
        word = text[mention.start : mention.end].lower()
        value = str(mention.value.nominal)
        if (
            mention.relative
            and word in WEEKDAY_NAMES
            and value < story[:10]
            and _points_ahead(text, sentence, mention, resolved)
        ):
            day = (dt.date.fromisoformat(value) + dt.timedelta(days=7)).isoformat()
            mention = DateMention(mention.start, mention.end, Interval.exact(day), True, True)
        resolved.append(mention)
    return resolved


@cache
def _ahead_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    lexicon = default_lexicon()
    lead = re.compile(rf"{phrases(lexicon.words('ahead_leads'))}\s+$", re.IGNORECASE)
    verb = re.compile(
        rf"{phrases(lexicon.words('schedule_verbs'))}[^;,]{{0,30}}?\bon\s+$", re.IGNORECASE
    )
    clause = re.compile(
        rf"(?:'s)?[^.;]{{0,30}}?,\s*when\s[^.;]{{0,60}}?{phrases(lexicon.words('ahead_clauses'))}",
        re.IGNORECASE,
    )
    order = re.compile(phrases(lexicon.words("ahead_order")), re.IGNORECASE)
    return lead, verb, clause, order


def _points_ahead(
    text: str, sentence: Span, mention: DateMention, earlier: list[DateMention]
) -> bool:
    """Whether the sentence puts the weekday at ``mention`` after the story's date.

    A forecast ("are expected to sign on Tuesday"); a lead ("confirmed for Saturday's
    funeral", "ahead of Tuesday's vote"); a timetable in the present tense ("viewing
    resumes at 7 a.m. on Thursday"); a clause after it ("the plenary on Tuesday, when
    countries are expected to sign"); or order: "on Wednesday, before his funeral on
    Saturday" puts Saturday after the Wednesday, which the last Saturday is not.
    """
    if modality_of(text, sentence, mention.start, mention.end) is not Modality.REPORTED:
        return True
    lead, verb, clause, order = _ahead_patterns()
    before = text[max(sentence.start, mention.start - 60) : mention.start]
    if lead.search(before) or verb.search(before):
        return True
    if clause.match(text, mention.end, sentence.end):
        return True
    value = str(mention.value.nominal)
    return any(
        str(other.value.nominal) >= value
        and order.search(text, other.end, mention.start) is not None
        for other in earlier
        if other.end <= mention.start
    )


def _context_phrase(ctx: SentenceContext, mention: DateMention) -> str:
    lo = max(ctx.sentence.start, mention.start - 80)
    hi = min(ctx.sentence.end, mention.end + 40)
    return " ".join(ctx.text[lo:hi].split())
