"""Dates named by their place in a calendar period rather than by a day number.

News writes many dates as a part or a position of a week, month or year: "by the end
of next week", "in early 2024", "the third quarter of 2016", "H1 2025", "the last
Friday of March", "the first of March", "the 20th of next month", "the first week of
October", "Thursday the 21st". :mod:`hanoicheck.extract.dates` reads day numbers and
months; this module reads these forms into day intervals, and the date reader keeps
the longer of two overlapping readings, so "the end of last week" is no longer read
as the whole of last week.

Conventions (each one chosen to be the same everywhere, not to fit one example):

- a week runs Monday to Sunday, as in the date reader's "last week";
- a vague part is a third of its period: "early" is the first third ("early 2024" is
  January-April, "early March" the 1st-10th, "early next week" Monday-Wednesday),
  "mid" the middle and "late"/"the end of" the last third;
- "the Nth week of" a month is its Nth Monday-to-Sunday week wholly inside it; of a
  year, its ISO week N;
- a quarter or half needs its year in the text ("Q3 2016", "the third quarter of
  this year"): "the third quarter" alone is as often a fiscal quarter or a quarter of
  a game as a quarter of the calendar.

Words are data (``data/lexicon.toml``): ordinal words, the words that say which
period ("last", "this", "next"...), the parts of a period and the divisions of a year.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from hanoicheck.calendar import (
    MONTH_PATTERN,
    WEEKDAY_NAMES,
    YEAR_PATTERN,
    month_number,
    nearest_year,
)
from hanoicheck.lexicon import alternation, default_lexicon

_PARTS = ("early", "mid", "late")
#: How many days of a week each third takes: Monday-Wednesday, Wednesday-Friday,
#: Friday-Sunday (a week has no clean thirds; the middle overlaps both ends by a day).
_WEEK_THIRDS = {"early": (0, 2), "mid": (2, 4), "late": (4, 6)}


@dataclass(frozen=True, slots=True)
class Period:
    """A date found here: its span, its first and last day, and whether the document's
    date placed it (a month or year taken from the story, or "next week")."""

    start: int
    end: int
    low: dt.date
    high: dt.date
    inferred: bool
    relative: bool


@dataclass(frozen=True, slots=True)
class _Vocabulary:
    """The word lists, each as surface (single-spaced, lower case) -> meaning."""

    ordinals: dict[str, int]
    offsets: dict[str, int]
    parts: dict[str, str]
    divisions: dict[str, str]


@cache
def _words() -> _Vocabulary:
    lex = default_lexicon()
    offsets: dict[str, int] = {}
    for offset, name in (
        (-1, "previous_period_words"),
        (0, "current_period_words"),
        (1, "next_period_words"),
    ):
        offsets.update(dict.fromkeys(lex.words(name), offset))
    return _Vocabulary(
        ordinals={w.replace("-", " "): i for i, w in enumerate(lex.words("ordinal_words"), 1)},
        offsets=offsets,
        parts={w: part for part, forms in lex.table("period_parts").items() for w in forms},
        divisions={w: d for d, forms in lex.table("year_divisions").items() for w in forms},
    )


def _alt(words: dict[str, int] | dict[str, str]) -> str:
    """An alternation of a vocabulary's surfaces, any space or hyphen matching any run."""
    return alternation(sorted(words)).replace("\\ ", "[\\s-]+")


@cache
def _pattern() -> re.Pattern[str]:
    w = _words()
    m, y = rf"(?:{MONTH_PATTERN})\.?", YEAR_PATTERN
    wd = "|".join(WEEKDAY_NAMES)
    ordinal = _alt(w.ordinals)
    nth = rf"(?:{ordinal}|last|\d{{1,2}}(?:st|nd|rd|th))"
    rel = _alt(w.offsets)
    part = _alt(w.parts)
    division = _alt(w.divisions)
    year_ref = rf"(?:(?:of\s+|in\s+)?(?P<{{0}}y>{y})|(?P<{{0}}r>{rel})\s+year)\b"
    forms = [
        # the end of next week, early this month, the beginning of the year
        rf"(?P<part>{part})[\s-]+(?:(?P<prel>{rel})\s+)?(?P<punit>week|month|year)\b",
        # early 2024, mid-2025, by the end of 2030
        rf"(?P<ypart>{part})[\s-]+(?P<pyear>{y})\b",
        # the third quarter of 2016, the first half of this year
        rf"(?:the\s+)?(?P<dnth>{nth})[\s-]+(?P<div>{division})\s+" + year_ref.format("d"),
        # Q3 2016, H1 this year, 2016 Q3
        r"(?-i:(?P<abbr>[QH])(?P<abbrn>[1-4]))\b\s*" + year_ref.format("q"),
        rf"(?P<qyear>{y})[\s-]*(?-i:(?P<abbr2>[QH])(?P<abbrn2>[1-4]))\b",
        # the last Friday of March, the first Monday of next month, the last day of May
        rf"(?:the\s+)?(?P<wnth>{nth})\s+(?P<wwd>{wd}|day)\s+(?:of|in)\s+"
        rf"(?:(?P<wmon>{m})(?:,?\s+(?P<wyear>{y}))?|(?P<wrel>{rel})\s+month)\b",
        # the first week of October, the last week of 2015, the second week of next month
        rf"(?:the\s+)?(?P<knth>{nth})\s+week\s+(?:of|in)\s+"
        rf"(?:(?P<kmon>{m})(?:,?\s+(?P<kmy>{y}))?|(?P<kyear>{y})|(?P<krel>{rel})\s+(?P<kunit>month|year))\b",
        # the 20th of next month, the 15th day of this month
        rf"(?:the\s+)?(?P<rday>{ordinal}|\d{{1,2}}(?:st|nd|rd|th)?)\s+(?:day\s+)?of\s+"
        rf"(?P<rrel>{rel})\s+month\b",
        # the first of March, the twenty-second of June 2017
        rf"(?:the\s+)?(?P<oday>{ordinal})\s+(?:day\s+)?of\s+(?P<omon>{m})"
        rf"(?:(?:\s*,\s*|\s+)(?:of\s+)?(?P<oyear>{y}))?\b",
        # March first, June the twenty-second, 2017
        rf"(?P<omon2>{m})\s+(?:the\s+)?(?P<oday2>{ordinal})\b(?:(?:\s*,\s*|\s+)(?P<oyear2>{y})\b)?",
        # Thursday the 21st, Friday 13th (the month is the story's: the nearest such day)
        rf"(?P<xwd>{wd}),?\s+(?:the\s+)?(?P<xday>\d{{1,2}}(?:st|nd|rd|th))\b"
        rf"(?!\s+(?:day\s+)?(?:of\s+)?{m}\b|\s+century)",
    ]
    # Past an optional "the", every form starts with "last", a part word, an ordinal, a
    # weekday, a month, a digit or Q/H: checking that first, with one trie, skips most
    # words at once. "the" itself is no lead (it is everywhere): a match then starts at
    # the word after it ("end of next week"), which names the same date.
    leads = {"last", *WEEKDAY_NAMES}
    leads |= {word.split()[1] if word.startswith("the ") else word.split()[0] for word in w.parts}
    leads |= {word.split()[0] for word in w.ordinals}
    # A number leads only as a day of a month ("21st", "20 of"), or as a year before Q/H;
    # a month only before an ordinal word ("March first"): numbers and month-like words
    # ("market", "decide") are everywhere, and each would try every form.
    ordinal_firsts = alternation(sorted({word.split()[0] for word in w.ordinals}))
    number_lead = (
        rf"\d{{1,2}}(?:st|nd|rd|th)\b|\d{{1,2}}\s+(?:day\s+)?of\b|{y}[\s-]*(?-i:[QH])[1-4]"
    )
    month_lead = rf"{m}\s+(?:the\s+)?(?:{ordinal_firsts})"
    first = rf"(?=(?:{alternation(sorted(leads))})\b|{number_lead}|{month_lead}|(?-i:[QH])[1-4])"
    return re.compile(rf"\b{first}(?:{'|'.join(forms)})", re.IGNORECASE)


def find_periods(text: str, start: int, end: int, ref: dt.date | None) -> list[Period]:
    """Every period date in ``text[start:end]``; forms that need the story's date are
    skipped without one (``ref`` is ``None``).

    Every form holds a period unit, a weekday, a month or a year: the date reader calls
    this only for a sentence that has one of those words (its relative-date check), so
    most sentences never reach these forms.
    """
    found = []
    for match in _pattern().finditer(text, start, end):
        read = _resolve(match, ref)
        if read is not None:
            low, high, inferred, relative = read
            found.append(Period(match.start(), match.end(), low, high, inferred, relative))
    return found


def _norm(text: str | None) -> str:
    return " ".join((text or "").lower().replace("-", " ").split())


def _ordinal(text: str | None) -> int | None:
    """1 for "first", "1st" or "1"; ``None`` for anything else."""
    word = _norm(text)
    digits = re.match(r"\d+", word)
    if digits:
        return int(digits.group())
    return _words().ordinals.get(word)


def _offset(text: str | None) -> int:
    return _words().offsets.get(_norm(text), 0)


def _month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _shift_month(year: int, month: int, offset: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + offset
    return index // 12, index % 12 + 1


def _named_month(
    name: str, year_text: str | None, ref: dt.date | None, *, after_of: bool = True
) -> tuple[int, int] | None:
    """Year and month of a month name, the year from the text or the story's nearest.

    "may" and "march" in lower case are verbs as often as months: leading a form
    ("march first", "may first") only "May" and "March" are months, as for a month
    alone in the date reader; after "of" ("the first of march") either case is.
    """
    month = month_number(name)
    verb = name.lower().startswith(("may", "mar")) and name[0].islower()
    if month is None or (verb and not after_of):
        return None
    year = int(year_text) if year_text else nearest_year(month, 15, ref)
    return None if year is None else (year, month)


def _relative_month(rel: str | None, ref: dt.date | None) -> tuple[int, int] | None:
    if ref is None:
        return None
    return _shift_month(ref.year, ref.month, _offset(rel))


def _year(year_text: str | None, rel: str | None, ref: dt.date | None) -> int | None:
    if year_text:
        return int(year_text)
    return ref.year + _offset(rel) if ref is not None and rel else None


_Read = tuple[dt.date, dt.date, bool, bool]


def _resolve(match: re.Match[str], ref: dt.date | None) -> _Read | None:
    g = match.group
    try:
        if g("part") or g("ypart"):
            return _part(match, ref)
        if g("div") or g("abbr") or g("abbr2"):
            return _division(match, ref)
        if g("wwd"):
            return _nth_weekday(match, ref)
        if g("knth"):
            return _nth_week(match, ref)
        if g("rday"):
            day, ym = _ordinal(g("rday")), _relative_month(g("rrel"), ref)
            if day is None or ym is None:
                return None
            found = dt.date(*ym, day)
            return found, found, True, False
        if g("oday") or g("oday2"):
            leading = g("omon2")
            ym = _named_month(
                g("omon") or leading, g("oyear") or g("oyear2"), ref, after_of=not leading
            )
            day = _ordinal(g("oday") or g("oday2"))
            if ym is None or day is None:
                return None
            found = dt.date(*ym, day)
            return found, found, not (g("oyear") or g("oyear2")), False
        if g("xwd"):
            return _weekday_and_day(match, ref)
    except ValueError:  # the 31st of a 30-day month, week 53 of a 52-week year
        return None
    return None


def _part(match: re.Match[str], ref: dt.date | None) -> _Read | None:
    """ "the end of next week", "early 2024", "mid-year": a third of the period."""
    g = match.group
    part = _words().parts.get(_norm(g("part") or g("ypart")))
    if part is None:
        return None
    third = _PARTS.index(part)
    if g("pyear"):
        year = int(g("pyear"))
        return dt.date(year, 4 * third + 1, 1), _month_range(year, 4 * third + 4)[1], False, False
    if ref is None or (g("prel") is None and not _norm(g("part")).endswith("of")):
        return None  # "mid-year", "late week": an adjective, not a date
    unit, offset = g("punit").lower(), _offset(g("prel"))
    if unit == "week":
        monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(weeks=offset)
        first, last = _WEEK_THIRDS[part]
        return monday + dt.timedelta(days=first), monday + dt.timedelta(days=last), True, True
    if unit == "month":
        year, month = _shift_month(ref.year, ref.month, offset)
        month_end = calendar.monthrange(year, month)[1]
        days = ((1, 10), (11, 20), (21, month_end))[third]
        return dt.date(year, month, days[0]), dt.date(year, month, days[1]), True, True
    year = ref.year + offset
    return dt.date(year, 4 * third + 1, 1), _month_range(year, 4 * third + 4)[1], True, True


def _division(match: re.Match[str], ref: dt.date | None) -> _Read | None:
    """ "the third quarter of 2016", "Q3 2016", "H1 this year": months of a year."""
    g = match.group
    if g("div"):
        kind = _words().divisions.get(_norm(g("div")), "")
        nth = _norm(g("dnth"))
        index = (4 if kind == "quarter" else 2) if nth == "last" else _ordinal(nth)
        year = _year(g("dy"), g("dr"), ref)
        relative = not g("dy")
    else:
        kind = "quarter" if (g("abbr") or g("abbr2")) in "Qq" else "half"
        index = int(g("abbrn") or g("abbrn2"))
        year = _year(g("qy") or g("qyear"), g("qr"), ref)
        relative = not (g("qy") or g("qyear"))
    size = {"quarter": 3, "half": 6}.get(kind)
    if size is None or index is None or year is None or not 1 <= index <= 12 // size:
        return None
    first = (index - 1) * size + 1
    return dt.date(year, first, 1), _month_range(year, first + size - 1)[1], relative, relative


def _nth_weekday(match: re.Match[str], ref: dt.date | None) -> _Read | None:
    """ "the last Friday of March", "the first Monday of next month", "the last day of May"."""
    g = match.group
    named = g("wmon")
    ym = _named_month(named, g("wyear"), ref) if named else _relative_month(g("wrel"), ref)
    if ym is None:
        return None
    year, month = ym
    days = [dt.date(year, month, d) for d in range(1, calendar.monthrange(year, month)[1] + 1)]
    if g("wwd").lower() != "day":
        days = [d for d in days if d.weekday() == WEEKDAY_NAMES.index(g("wwd").lower())]
    nth = _norm(g("wnth"))
    index = len(days) if nth == "last" else _ordinal(nth)
    if index is None or not 1 <= index <= len(days):
        return None
    found = days[index - 1]
    return found, found, not g("wyear"), False


def _nth_week(match: re.Match[str], ref: dt.date | None) -> _Read | None:
    """ "the first week of October": its first Monday-to-Sunday week; of a year, ISO."""
    g = match.group
    nth = _norm(g("knth"))
    index = None if nth == "last" else _ordinal(nth)
    year_text = g("kyear") or (g("krel") and g("kunit").lower() == "year")
    if year_text:
        year = int(g("kyear")) if g("kyear") else _year(None, g("krel"), ref)
        if year is None:
            return None
        weeks = dt.date(year, 12, 28).isocalendar().week
        number = weeks if index is None else index
        if not 1 <= number <= weeks:
            return None
        monday = dt.date.fromisocalendar(year, number, 1)
        return monday, monday + dt.timedelta(days=6), not g("kyear"), not g("kyear")
    ym = _named_month(g("kmon"), g("kmy"), ref) if g("kmon") else _relative_month(g("krel"), ref)
    if ym is None:
        return None
    year, month = ym
    last_day = calendar.monthrange(year, month)[1]
    mondays = [
        dt.date(year, month, d)
        for d in range(1, last_day - 5)
        if dt.date(year, month, d).weekday() == 0
    ]
    number = len(mondays) if index is None else index
    if not 1 <= number <= len(mondays):
        return None
    monday = mondays[number - 1]
    return monday, monday + dt.timedelta(days=6), not g("kmy"), not g("kmon")


def _weekday_and_day(match: re.Match[str], ref: dt.date | None) -> _Read | None:
    """ "Thursday the 21st": the nearest day to the story's that is both, within a month
    and a half either way (none there: the two do not make a date)."""
    if ref is None:
        return None
    day, weekday = _ordinal(match.group("xday")), WEEKDAY_NAMES.index(match.group("xwd").lower())
    best: dt.date | None = None
    for shift in range(0, 46):
        for candidate in (ref - dt.timedelta(days=shift), ref + dt.timedelta(days=shift)):
            if candidate.day == day and candidate.weekday() == weekday:
                best = candidate
                break
        if best is not None:
            break
    if best is None:
        return None
    return best, best, True, False
