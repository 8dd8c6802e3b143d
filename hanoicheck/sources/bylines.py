"""Who filed an article and when: datelines, agency names and publication dates.

An article states its date and outlet in several places at once: structured metadata
(HTML ``<meta>``, YAML front matter, a ``date:`` line), a wire dateline ("HANOI, Oct 25
(Reuters) -"), an opening credit ("Hanoi (VNA) -"), dates that CMSs stamp into URLs.
This module reads each kind of evidence; :func:`hanoicheck.sources.document.parse_document`
decides which one wins. The keys and names it looks for are data
(``data/sources.toml``), so an editor can add a wire service without touching code.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlsplit

from hanoicheck.calendar import MONTH_PATTERN, iso_date, month_number, numeric_order
from hanoicheck.lexicon import alternation, source_rules
from hanoicheck.model import Span

# Capitalised or upper-case month names, full or abbreviated ("Sept" too): the lookahead
# keeps the modal verb "may" from reading as a month.
_MONTH = rf"(?=[A-Z])(?i:{MONTH_PATTERN})(?![a-zA-Z])"
_ISO_DATE = re.compile(r"((?:19|20|21)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_WORD_DATE = re.compile(
    rf"(?:(?P<m1>{_MONTH})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>(?:19|20)\d{{2}})"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{_MONTH})\.?,?\s+(?P<y2>(?:19|20)\d{{2}}))"
    r"(?!\d)"
)
_MONTH_YEAR = re.compile(
    rf"(?:{_MONTH})\.?,?\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?((?:19|20)\d{{2}})(?!\d)"
)
URL = re.compile(r"https?://[^\s<>\"'()\[\]{}]+", re.IGNORECASE)
_URL_TIMESTAMP = re.compile(r"(?<!\d)((?:19|20|21)\d{2})(\d{2})(\d{2})\d{6,9}(?!\d)")
_URL_DATE_PATH = re.compile(r"/((?:19|20|21)\d{2})/(\d{2})/(\d{2})(?!\d)")
# A metadata value worth handing to dateparser: short, with a day and a full year.
_DAY_NUMBER = re.compile(r"(?<!\d)\d{1,2}(?!\d)")
_FULL_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
_FULL_YEAR = re.compile(r"(?<!\d)(?:19|20|21)\d\d(?!\d)")
_MAX_DATE_VALUE = 80
_FRONT_MATTER_OPEN = re.compile(r"---[ \t]*")
_FRONT_MATTER_CLOSE = re.compile(r"(?:---|\.\.\.)[ \t]*")
_YAML_LINE = re.compile(r"([A-Za-z_][\w.-]*)[ \t]*:[ \t]*(.*)")
# One place, or two filed from at once ("KINGSTON/PORT-AU-PRINCE").
_PLACE = r"[^\W\d_][\w.'\u2019-]*(?:(?:[ \t]+|/)[^\W\d_][\w.'\u2019-]*){0,3}"
_DATELINE = re.compile(
    rf"[ \t]*(?P<place>{_PLACE}),(?:[ \t]*{_PLACE},)?[ \t]*"
    rf"(?:(?P<m1>{_MONTH})\.?[ \t]+(?P<d1>\d{{1,2}})"
    rf"|(?P<d2>\d{{1,2}})[ \t]+(?P<m2>{_MONTH})\.?)(?!\d)(?:,?[ \t]*(?P<year>(?:19|20)\d{{2}}))?"
    r"[ \t]*(?:\((?P<agency>[^()\n]{1,40})\))?[ \t]*[-\u2013\u2014]"
)
_OPENING_AGENCY = re.compile(
    rf"[ \t]*{_PLACE}[ \t]*\((?P<agency>[^()\n:]{{1,40}})\)[ \t]*[-\u2013\u2014]"
)


@cache
def _date_line() -> re.Pattern[str]:
    """``Date: 2025-10-25`` (a time may follow), with the keywords from the data."""
    words = alternation(source_rules()["bylines"]["date_line_words"])
    return re.compile(
        rf"[ \t]*(?i:{words})[ \t]*:?[ \t]*((?:19|20|21)\d{{2}}-\d{{2}}-\d{{2}})"
        r"(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\w-])"
    )


@cache
def _wire_names() -> frozenset[str]:
    return frozenset(source_rules()["bylines"]["wire_names"])


# --------------------------------------------------------------------------- dates


def _publication_day(year: int | None, month: int, day: int) -> str | None:
    """A real day, year-less or in 1900-2100: any other year is a misread, not a date."""
    if year is not None and not 1900 <= year <= 2100:
        return None
    return iso_date(year, month, day)


def _month_number(name: str) -> int:
    number = month_number(name)
    if number is None:  # only names _MONTH matched get here
        raise ValueError(f"not a month: {name!r}")
    return number


def parse_date_value(value: str) -> str | None:
    """A metadata value (``2025-10-25T08:00+07:00``, ``October 25, 2025``) as ISO."""
    value = value.strip().strip("\"'")
    match = _ISO_DATE.match(value)
    if match:
        return _publication_day(int(match[1]), int(match[2]), int(match[3]))
    match = _WORD_DATE.search(value)
    if match:
        if match["m1"]:
            return _publication_day(int(match["y1"]), _month_number(match["m1"]), int(match["d1"]))
        return _publication_day(int(match["y2"]), _month_number(match["m2"]), int(match["d2"]))
    return _parse_date_value_any_form(value)


def _parse_date_value_any_form(value: str) -> str | None:
    """What dateparser reads in a metadata value the two patterns above do not.

    Publishers stamp dates in every convention: "25/10/2025 08:30", "Thứ Bảy,
    25/10/2025 - 10:22", "25 tháng 10 năm 2025", "2025年10月25日". dateparser knows
    these forms and languages; it is asked only about short values with a day and a
    year, with its relative and timestamp parsers off ("yesterday" in metadata must not
    become the day the tool runs), and it runs once per document at most.
    """
    if len(value) > _MAX_DATE_VALUE or not (_DAY_NUMBER.search(value) and _FULL_YEAR.search(value)):
        return None
    import dateparser

    parsed = dateparser.parse(
        value,
        settings={
            "REQUIRE_PARTS": ["day", "month", "year"],
            "PARSERS": ["custom-formats", "absolute-time"],
        },
    )
    return None if parsed is None else _publication_day(parsed.year, parsed.month, parsed.day)


def _date_from_url(url: str) -> str | None:
    """The publication day many CMSs stamp into article URLs (1990-2100 only)."""
    for pattern in (_URL_TIMESTAMP, _URL_DATE_PATH):
        for match in pattern.finditer(url):
            year = int(match[1])
            if 1990 <= year <= 2100:
                day = _publication_day(year, int(match[2]), int(match[3]))
                if day:
                    return day
    return None


def date_from_urls(urls: Iterable[str]) -> str | None:
    """The day stamped into the first of ``urls`` that carries one."""
    return next((day for day in map(_date_from_url, urls) if day), None)


def date_line(text: str, lines: Sequence[tuple[int, int]]) -> tuple[str | None, Span] | None:
    """A ``date: 2025-10-25`` line among the first five: its date and furniture span.

    The span is the whole line when nothing follows the date, else only the ``date ...``
    head ("date 2025-10-25 HANOI - Body." keeps its body as text). An impossible date
    (Feb 30) is still furniture, but no date.
    """
    for start, end in lines[:5]:
        match = _date_line().match(text, start, end)
        if match:
            rest_blank = not text[match.end() : end].strip()
            return parse_date_value(match[1]), Span(start, end if rest_blank else match.end())
    return None


# --------------------------------------------------------------------------- front matter


def front_matter(text: str, lines: Sequence[tuple[int, int]]) -> tuple[int, dict[str, str]] | None:
    """The YAML front matter block (end offset and flat ``key: value`` pairs).

    Only flat scalar keys are read (date, source, url...): enough for the metadata we
    need without a YAML dependency, and nested values are simply ignored.
    """
    if not lines or not _FRONT_MATTER_OPEN.fullmatch(text, lines[0][0], lines[0][1]):
        return None
    values: dict[str, str] = {}
    for start, end in lines[1:]:
        if _FRONT_MATTER_CLOSE.fullmatch(text, start, end):
            return end, values
        match = _YAML_LINE.fullmatch(text, start, end)
        if match:
            value = match[2].split(" #", 1)[0].strip().strip("\"'").strip()
            values.setdefault(match[1].lower(), value)
    return None


def first_value(values: Mapping[str, str], keys: Sequence[str]) -> str | None:
    """The value of the first of ``keys`` that is set and not empty (keys in priority order)."""
    return next((values[key] for key in keys if values.get(key)), None)


def front_matter_date(front: Mapping[str, str]) -> str | None:
    """The date of the first date key set in front matter (``date``, ``published``...)."""
    value = first_value(front, source_rules()["front_matter"]["date_keys"])
    return None if value is None else parse_date_value(value)


# --------------------------------------------------------------------------- datelines


def is_agency(token: str) -> bool:
    """``VNA``, ``VnExpress``, ``AFP``, ``Reuters``: an acronym-like or known wire name.

    At least two capitals or digits tells an agency from an ordinary word ending a
    sentence with a dash ("- Hanoi"), which must stay text.
    """
    token = token.strip()
    return token in _wire_names() or sum(c.isupper() or c.isdigit() for c in token) >= 2


def first_of(agencies: str) -> str:
    """``VNA/VNS`` -> ``VNA``: the first credit is the originating agency."""
    return agencies.split("/", 1)[0].strip()


@dataclass(frozen=True, slots=True)
class Opening:
    """What the first lines of an article say about its filing."""

    outlet: str | None = None
    month_day: tuple[int, int] | None = None
    year: int | None = None
    place: str | None = None
    #: The dateline, furniture: it is the story's own date, not a claim of the story.
    span: Span | None = None


_OPENING_LINES = 5


def opening(text: str, content: Sequence[tuple[int, int]]) -> Opening:
    """The wire dateline or opening credit in the first five non-blank lines.

    Datelines and opening credits sit at the top (after a headline, a section line and
    a "Source:" credit at most), possibly after a ``date:`` head on the same line;
    further down, "Officials said that on October 25 (local time) - ..." is prose.
    """
    for start, end in content[:_OPENING_LINES]:
        line = text[start:end]
        head = _date_line().match(line)
        offset = head.end() if head else 0
        dateline = _DATELINE.match(line, offset)
        if dateline:
            return Opening(
                outlet=first_of(dateline["agency"]) if dateline["agency"] else None,
                month_day=(
                    _month_number(dateline["m1"] or dateline["m2"]),
                    int(dateline["d1"] or dateline["d2"]),
                ),
                year=int(dateline["year"]) if dateline["year"] else None,
                place=dateline["place"].strip().title() if dateline["place"] else None,
                span=Span(start + offset, start + dateline.end()),
            )
        credit = _OPENING_AGENCY.match(line, offset)
        if credit:
            return Opening(outlet=first_of(credit["agency"]))
    return Opening()


def dateline_date(
    text: str, opening: Opening, url_date: str | None, updated: str | None = None
) -> str | None:
    """The day of a dateline; a year-less one takes its year from the article's update
    line ("Updated: Sept 24, 2024" above "SEATTLE, Sept 23 (Cascade Wire) -": the copy
    was filed on or before its update), else from the text or the URL."""
    if opening.month_day is None:
        return None
    month, day = opening.month_day
    year = (
        opening.year
        or _year_before(updated, month, day)
        or _dateline_year(text, month, day)
        or _year_of(url_date)
    )
    return _publication_day(year, month, day)


def _year_before(iso: str | None, month: int, day: int) -> int | None:
    """The year that puts ``month``/``day`` on or before the full day ``iso``."""
    if not iso or not _FULL_ISO.fullmatch(iso):
        return None
    year, later = int(iso[:4]), (int(iso[5:7]), int(iso[8:10]))
    return year if (month, day) <= later else year - 1


def _dateline_year(text: str, month: int, day: int) -> int | None:
    """The year of a year-less dateline ("GENEVA, March 4 (Reuters) -").

    A story is filed on or after the dated events it reports, so the dateline takes the
    first year that puts it on or after the latest full date in the text ("adopted on
    December 15, 2025" makes "March 4" 2026). Without full dates, the first month-year
    written in the text; without either, none (the date stays year-less).
    """
    latest: _dt.date | None = None
    for match in _WORD_DATE.finditer(text):
        month_name = match["m1"] or match["m2"]
        number = _month_number(month_name)
        try:
            found = _dt.date(
                int(match["y1"] or match["y2"]), number, int(match["d1"] or match["d2"])
            )
        except (TypeError, ValueError):
            continue
        latest = found if latest is None or found > latest else latest
    if latest is None:
        return _year_near_month(text, month)
    year = latest.year if (month, day) >= (latest.month, latest.day) else latest.year + 1
    return year


def _year_near_month(text: str, month: int) -> int | None:
    """The year of the first ``October 2025`` / ``25 Oct 2025`` of the dateline's month.

    Another month's year ("when Hurricane Beryl struck in July 2024") is often history
    the story recalls; the dated articles of the story give the year instead
    (:mod:`hanoicheck.years`).
    """
    for match in _MONTH_YEAR.finditer(text):
        if _month_number(match.group(0).split()[0].rstrip(".,")) == month:
            return int(match[1])
    for match in _WORD_DATE.finditer(text):
        if _month_number(match["m1"] or match["m2"]) == month:
            return int(match["y1"] or match["y2"])
    return None


def _year_of(iso: str | None) -> int | None:
    return int(iso[:4]) if iso and iso[:4].isdigit() else None


def host(url: str | None) -> str | None:
    """``https://www.dantri.com.vn/...`` -> ``dantri.com.vn``: the outlet of last resort."""
    if not url:
        return None
    name = (urlsplit(url).hostname or "").lower()
    return name.removeprefix("www.") or None


# --------------------------------------------------------------------------- publication lines

# A publication line is short, and only the article's head and tail carry one.
_MAX_PUBLICATION_LINE = 200
_HEAD_LINES = 12
_TAIL_LINES = 4
_WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+"
_CLOCK = (
    r"(?:,?\s*(?:at\s+|[-\u2013\u2014]\s*)?\d{1,2}[:.h]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?)?"
)
_LINE_DATE = re.compile(
    rf"(?:{_WEEKDAY})?"
    rf"(?:(?P<m1>{_MONTH})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>(?:19|20)\d\d)"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{_MONTH})\.?,?\s+(?P<y2>(?:19|20)\d\d)"
    r"|(?P<iso>(?:19|20)\d\d-\d\d-\d\d)"
    r"|(?P<n1>\d{1,2})[/.](?P<n2>\d{1,2})[/.](?P<y3>(?:19|20)\d\d))(?!\d)" + _CLOCK
)
# Every form of _LINE_DATE holds a year: a line without one is passed over at once (the
# full pattern tries a weekday and a month name at every position of the line).
_YEAR = re.compile(r"(?:19|20)\d\d")
_SEPARATOR = re.compile(r"[|\u00b7\u2022]|\s[\u2013\u2014]\s")


@dataclass(frozen=True, slots=True)
class PublicationLine:
    """A byline or publication line: furniture, and the article's own date if it has one."""

    span: Span
    day: str | None
    updated: bool = False


@cache
def _publication_words() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    published_words = alternation(source_rules()["bylines"]["publication_words"])
    update_words = alternation(source_rules()["bylines"]["update_words"])
    byline_words = alternation(source_rules()["bylines"]["byline_words"])
    published = re.compile(rf"\b(?:{published_words})\b", re.I)
    updated = re.compile(rf"\b(?:{update_words})\b", re.I)
    byline = re.compile(rf"\s*(?:{byline_words})\s+[A-Z]", re.I)
    return published, updated, byline


def _line_day(match: re.Match[str], order: str, text: str = "") -> str | None:
    if match["iso"]:
        return parse_date_value(match["iso"])
    if match["m1"]:
        return _publication_day(int(match["y1"]), _month_number(match["m1"]), int(match["d1"]))
    if match["m2"]:
        return _publication_day(int(match["y2"]), _month_number(match["m2"]), int(match["d2"]))
    first, second, year = int(match["n1"]), int(match["n2"]), int(match["y3"])
    if first <= 12 and second <= 12 and first != second:
        # "01/07/2025" is 1 July or January 7: the month the story's own dates are in
        # decides ("opened on June 30" is written days before 1 July, not months after
        # January 7); the text's convention decides only when they cannot
        nearer = _nearer_month(text, second, first)
        if nearer is not None:
            return _publication_day(year, nearer, first if nearer == second else second)
    if first > 12 or (order != "mdy" and second <= 12):
        return _publication_day(year, second, first)  # 03/06/2025: day first unless the text says
    return _publication_day(year, first, second)


# Months apart beyond which a reading of a publication date is far from the story's dates.
_FAR_MONTHS = 2
_WRITTEN_MONTH = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?P<a>{_MONTH})|(?P<b>{_MONTH})\.?\s+\d{{1,2}}\b)"
)


def _nearer_month(text: str, one: int, other: int) -> int | None:
    """Of two months a numeric publication date may name, the one the text's written
    days ("June 30", "3 July") lie near, when only one of them does."""
    months = {_month_number(m["a"] or m["b"]) for m in _WRITTEN_MONTH.finditer(text)}
    if not months:
        return None

    def apart(month: int) -> int:
        return min(min(abs(month - m), 12 - abs(month - m)) for m in months)

    near = [m for m in (one, other) if apart(m) < _FAR_MONTHS]
    return near[0] if len(near) == 1 else None


def publication_lines(
    text: str, lines: Sequence[tuple[int, int]], order: str = ""
) -> list[PublicationLine]:
    """Bylines and publication or update lines at the head or the tail of an article.

    A short line is one when it says so ("Published 3 June 2025", "Posted Tuesday, June
    3, 2025 at 8:14 am", "Updated: June 14, 2025"), when it is a byline ("By Jane Doe |
    Published ..."), when its date stands between separators ("World desk \u00b7 2 June
    2025", "Metro Ledger | Story 48213 | Published 03/06/2025"), or when it is a date
    and nothing else. A dateline opening the story ("PARIS, Sept 18 (SWS) -") is not
    one: the story goes on after it. ``order`` is the text's numeric date convention.
    """
    published, updated, byline = _publication_words()
    content = [(s, e) for s, e in lines if text[s:e].strip()]
    candidates = content[:_HEAD_LINES] + content[_HEAD_LINES:][-_TAIL_LINES:]
    found: list[PublicationLine] = []
    for start, end in candidates:
        if end - start > _MAX_PUBLICATION_LINE or _DATELINE.match(text, start, end):
            continue
        line = text[start:end]
        match = _LINE_DATE.search(line) if _YEAR.search(line) else None
        is_byline = byline.match(line) is not None and len(line) <= 120
        if match is None:
            if is_byline and not line.rstrip().endswith((".", "!", "?", '"')):
                found.append(PublicationLine(Span(start, end), None))  # "By X staff"
            continue
        said = published.search(line) or updated.search(line)
        rest = (line[: match.start()] + line[match.end() :]).strip(" \t,:-\u2013\u2014|\u00b7")
        between = _SEPARATOR.search(line) is not None and len(line) <= 120
        alone = len(rest) <= 25 and len(rest.split()) <= 3
        if not (said or is_byline or between or alone):
            continue
        day = _line_day(match, order or numeric_order(text), text)
        is_update = updated.search(line[: match.start()]) is not None and not published.search(
            line[: match.start()]
        )
        found.append(PublicationLine(Span(start, end), day, is_update))
    return found
