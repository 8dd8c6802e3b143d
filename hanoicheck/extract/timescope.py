"""When a figure holds: its as-of day, part of day, and where that time came from.

A running total (signatures, ratifications, a death toll, arrests) may grow between
reports, so two figures for it can only be compared in time order: 48 "by Friday
afternoon" and 58 "by the close on Sunday" agree; 2,205 on Thursday and 2,195 on
Friday do not. The time is read, in order of trust, from:

- a date or weekday in the figure's own clause ("the toll stood at 2,205 on
  Thursday", "as of May 2"), with its part of day or a clock time near it
  ("Thursday evening", "by 6 pm");
- a live blog's time stamp at the head of the paragraph ("10:42 CEST", "Update
  3:15pm"), which dates the figures of its entry;
- words that put the figure at the end of its event ("the final tally", "by the
  close", "over the three days");
- a part of day on its own ("by the evening", "that afternoon"), on the day the
  paragraph's previous figure was stated to hold (else the article's own day);
- otherwise the article's own date: a figure holds as of when it was published.

Cue words are data (``data/context.toml``, ``[time]``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from hanoicheck.lexicon import data_table, phrases
from hanoicheck.model import Span, TimeBasis

if TYPE_CHECKING:
    from hanoicheck.extract.dates import DateMention

# A date this close to a figure, in its own clause, is the time the figure holds.
DATE_REACH = 120
CUE_REACH = 80
_CLAUSE_END = re.compile(r"[;]|\s[\u2013\u2014]\s")
_CLOCK = re.compile(
    r"(?<![\d:.])(?P<h>[01]?\d|2[0-3])(?:[:.h](?P<m>[0-5]\d))?\s*"
    r"(?:(?P<ampm>[ap])\.?\s?m\b\.?|(?P<zone>GMT|UTC|CEST|CET|BST|EST|EDT|PST|IST|local\s+time)\b)"
    r"|(?<![\d:.])(?P<h24>[01]?\d|2[0-3])[:h](?P<m24>[0-5]\d)(?![\d:])",
    re.IGNORECASE,
)
# A live blog's time stamp opens its paragraph: "10:42 CEST -", "Update 3:15pm:",
# "**21:02**". Minutes are required, so "12 ships sank" never reads as one.
_STAMP = re.compile(
    r"[\s*#>_-]{0,6}(?:(?:last\s+)?updated?\s*:?\s*(?:at\s+)?)?"
    r"(?P<h>[01]?\d|2[0-3])[:.h](?P<m>[0-5]\d)\s*(?:(?P<ampm>[ap])\.?\s?m\b\.?)?",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class TimeScope:
    """When a figure holds (see :class:`hanoicheck.model.Claim`)."""

    as_of: str | None
    part: str | None
    basis: TimeBasis
    date_span: tuple[int, int] | None = None  # the date in the text it was read from


@cache
def _cues() -> dict[str, re.Pattern[str]]:
    table = data_table("context")["time"]
    parts = phrases(list(table["parts"]))
    return {
        "final": re.compile(phrases(table["final"]), re.IGNORECASE),
        "now": re.compile(phrases(table["now"]), re.IGNORECASE),
        "comparison": re.compile(phrases(table["comparison"]), re.IGNORECASE),
        "part": re.compile(parts, re.IGNORECASE),
        # "by the evening", "that afternoon": a part of the day the text is about
        "part_alone": re.compile(
            rf"\b(?:{phrases(table['part_leads'])})\s+(?:the\s+)?(?P<part>{parts})",
            re.IGNORECASE,
        ),
    }


@cache
def part_hours() -> dict[str, int]:
    """Part of day -> the hour it stands for, to order figures within a day."""
    return {str(k): int(v) for k, v in data_table("context")["time"]["parts"].items()}


def _clock(hour: int, minute: int, ampm: str | None) -> str:
    if ampm:
        hour = hour % 12 + (12 if ampm.lower() == "p" else 0)
    return f"{hour:02d}:{minute:02d}"


def stamp_of(text: str, paragraph: Span) -> str | None:
    """The live-blog time stamp opening a paragraph, as ``HH:MM``, if it has one."""
    match = _STAMP.match(text, paragraph.start, min(paragraph.end, paragraph.start + 40))
    if match is None:
        return None
    rest = text[match.end() : min(paragraph.end, match.end() + 3)]
    if rest[:1].isalnum():  # "10.5 million" is not a stamp
        return None
    return _clock(int(match["h"]), int(match["m"]), match["ampm"])


def _clause(text: str, sentence: Span, start: int, end: int) -> Span:
    """The figure's own clause: it ends where another figure is brought in to compare
    ("64, up from the 58 announced on Tuesday": Tuesday is the 58's time)."""
    low = max(sentence.start, start - DATE_REACH)
    high = min(sentence.end, end + DATE_REACH)
    for match in _CLAUSE_END.finditer(text, low, start):
        low = match.end()
    boundary = _CLAUSE_END.search(text, end, high) or _cues()["comparison"].search(text, end, high)
    return Span(low, boundary.start() if boundary else high)


def _nearest_clock(text: str, clause: Span, start: int, end: int) -> str | None:
    best: tuple[int, str] | None = None
    for match in _CLOCK.finditer(text, clause.start, clause.end):
        if match.start() < end and start < match.end():
            continue
        gap = max(match.start() - end, start - match.end())
        if match["h24"] is not None:
            value = _clock(int(match["h24"]), int(match["m24"]), None)
        else:
            value = _clock(int(match["h"]), int(match["m"] or 0), match["ampm"])
        if best is None or gap < best[0]:
            best = (gap, value)
    return best[1] if best else None


def _part_word(text: str, low: int, high: int) -> str | None:
    match = _cues()["part"].search(text, low, high)
    return match.group(0).lower() if match else None


def time_scope(
    text: str,
    sentence: Span,
    start: int,
    end: int,
    dates: list[DateMention],
    document_date: str | None,
    stamp: str | None = None,
    day_before: str | None = None,
) -> TimeScope:
    """When the figure at ``[start, end)`` holds (see the module docstring).

    ``day_before`` is the day an earlier figure of the paragraph was stated to hold on:
    "More than 2 million were without power on Monday afternoon. By the evening that
    had fallen to 1.7 million" puts the second figure on Monday evening.
    """
    clause = _clause(text, sentence, start, end)
    near = Span(max(clause.start, start - CUE_REACH), min(clause.end, end + CUE_REACH))
    final = _cues()["final"].search(text, near.start, near.end) is not None
    clock = _nearest_clock(text, clause, start, end)
    date = _nearest_date(dates, clause, start, end)
    if date is not None and _ahead_of(date, document_date):
        # "164 delegations were confirmed for Saturday's funeral" in a Friday story: a
        # figure cannot hold at a day still to come; it holds as the story was written
        date = None
    if date is not None:
        high = date.value.high if date.value.high is not None else date.value.low
        part = clock or _part_word(
            text, max(clause.start, date.start - 20), min(clause.end, date.end + 15)
        )
        basis = TimeBasis.FINAL if final else TimeBasis.STATED
        day = str(high) if high is not None else None
        return TimeScope(day, part, basis, (date.start, date.end))
    if clock is not None or stamp is not None:
        basis = TimeBasis.FINAL if final else TimeBasis.STATED
        return TimeScope(document_date, clock or stamp, basis)
    if final:  # the count at the end of its event, as known when the article was written
        return TimeScope(document_date, None, TimeBasis.FINAL)
    alone = _cues()["part_alone"].search(text, near.start, near.end)
    if alone is not None and (day_before or document_date):
        return TimeScope(day_before or document_date, alone["part"].lower(), TimeBasis.STATED)
    if document_date is None:
        return TimeScope(None, None, TimeBasis.UNKNOWN)
    part = (
        _part_word(text, near.start, near.end)
        if _cues()["now"].search(text, near.start, near.end)
        else None
    )
    return TimeScope(document_date, part or stamp, TimeBasis.PUBLISHED)


def _ahead_of(date: DateMention, document_date: str | None) -> bool:
    """Whether the date is a day after the (fully dated) story's own day."""
    day = str(date.value.low if date.value.low is not None else date.value.nominal)
    if not document_date or document_date.startswith("--") or day.startswith("--"):
        return False
    return len(day) >= 10 and day[:10] > document_date[:10]


def _nearest_date(
    dates: list[DateMention], clause: Span, start: int, end: int
) -> DateMention | None:
    """The date in the figure's clause nearest to it, within :data:`DATE_REACH`."""
    best: tuple[int, DateMention] | None = None
    for mention in dates:
        if mention.end <= clause.start or mention.start >= clause.end:
            continue
        gap = max(mention.start - end, start - mention.end, 0)
        if gap <= DATE_REACH and (best is None or gap < best[0]):
            best = (gap, mention)
    return best[1] if best else None
