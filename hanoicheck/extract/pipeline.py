"""Document -> claims: the one pure function every command and worker calls.

Extraction of a document depends on that document alone (its text and own date), so
results can be cached by content hash and computed in parallel processes.

Order matters: dates are read first and their spans masked, so the "25" of
"October 25" is never a count; non-claims (URLs, phone numbers, clock times,
percentages, references such as "Article 40", page furniture) are masked before any
figure is read.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from functools import cache

from hanoicheck.extract import attribution, context, counts, dates, money, timescope
from hanoicheck.extract.numbers import find_figures, glued_codes
from hanoicheck.extract.sentence import ExtractOptions, SentenceContext
from hanoicheck.model import Claim, Document, Span

EXTRACTOR_VERSION = "1"


@cache
def _email_pattern() -> re.Pattern[str]:
    # an e-mail address starts a run of non-spaces and has one "@": "\S+@\S+" would
    # rescan a long run without spaces from each of its characters
    return re.compile(r"(?<!\S)[^\s@]+@[^\s@]+\.\w+")


@cache
def _mask_pattern() -> re.Pattern[str]:
    # Every form below starts with "h"/"w" (a URL), "+" or "(" (a phone number), a digit
    # or a capital; checking that first skips most positions at once (e-mail addresses,
    # which may start with anything, have their own pass): six times faster.
    return re.compile(
        r"(?=[hw+(\dA-Z])"
        r"(?:(?P<url>https?://\S+|www\.\S+)"
        r"|(?P<phone>(?!\d{4}-\d\d-\d\d\b)(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d{2,4}(?:[\s.-]\d{2,4}){2,}\b)"
        r"|(?P<clock>\b\d{1,2}(?::\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock|hrs?\b|GMT|UTC)"
        r"|\b\d{1,2}[:h]\d{2}\b)"
        r"|(?P<percent>\b\d+(?:\.\d+)?\s*(?:%|per\s*cent\b|percent\b|percentage points?\b))"
        r"|(?P<ref>\b(?:Articles?|Chapters?|Sections?|Clauses?|Paragraphs?|Resolutions?|Rules?|"
        r"Decrees?|Laws?|Decisions?|Directives?|No\.|Nos\.|Number|Item|Room|Flight|Route|"
        r"Highway|Street|Road|Avenue|Floor|Page|Pages|Vol\.|Volume|Annex|Appendix|Protocol|"
        r"Vision|Agenda|Form|Model|Version|Level|Phase|Category|Class|Grade|Group|Division)"
        r"\s+\d[\d.,/-]*(?:\s*(?:and|to|-|,)\s*\d[\d./-]*)*)"
        r"|(?P<address>\b\d{1,5}\s+(?:[A-Z][a-z]+\s+){0,3}(?:Street|St\.|Road|Rd\.|Avenue|Ave\.|"
        r"Boulevard|Blvd\.|Lane|Way|Drive|Square|Place)\b|\b\d{1,5}\s+(?:Rue|Via|Calle|rue)\s)"
        r"|(?P<id>\b[A-Z]+-?\d+[A-Z]*\b|\b\d+[A-Z]{1,3}\d*\b)"
        r"|(?P<year_name>\b(?:19|20)\d\d\s+(?:Agenda|Vision|Olympics|World\s+Cup|Games|Expo|"
        r"Report|Summit|Act|Strategy|Plan|Census|elections?)))"
    )


def _masks(document: Document) -> list[Span]:
    spans = list(document.furniture)
    text = document.text
    for match in _mask_pattern().finditer(text):
        if match.lastgroup == "id" and _is_currency_glued(match.group(0)):
            continue
        spans.append(Span(match.start(), match.end()))
    if "@" in text:
        spans.extend(Span(m.start(), m.end()) for m in _email_pattern().finditer(text))
    return spans


def _is_currency_glued(token: str) -> bool:
    """ "AUD83" and "US$5" are money, not identifiers."""
    letters = re.match(r"[A-Z]+", token)
    return letters is not None and letters.group(0) in glued_codes()


class _Masked:
    """Fast "does this span touch a masked region" over sorted spans."""

    def __init__(self, spans: Iterable[Span]) -> None:
        merged: list[Span] = []
        for span in sorted(spans, key=lambda s: s.start):
            if merged and span.start <= merged[-1].end:
                merged[-1] = Span(merged[-1].start, max(merged[-1].end, span.end))
            else:
                merged.append(span)
        self._spans = merged
        self._starts = [s.start for s in merged]

    def hit(self, start: int, end: int) -> bool:
        index = bisect.bisect_right(self._starts, end - 1) - 1
        return index >= 0 and self._spans[index].end > start


def line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(m.end() for m in re.finditer(r"\r\n|\r|\n", text))
    return starts


def extract_document(document: Document, options: ExtractOptions | None = None) -> list[Claim]:
    """Every claim in one document, in text order."""
    options = options or ExtractOptions()
    text = document.text
    starts = line_starts(text)
    masked = _Masked(_masks(document))
    claims: list[Claim] = []
    speaker: str | None = None
    carried: str | None = None  # reported speech runs on within a paragraph
    stamps: dict[int, str | None] = {}  # a live blog's time stamp dates its entry's figures
    stamp: str | None = None
    spans: list[tuple[int, Span]] = []
    for paragraph in re.finditer(r"[^\r\n]+", text):
        found = timescope.stamp_of(text, Span(paragraph.start(), paragraph.end()))
        if found is not None:
            stamp = found
        stamps[paragraph.start()] = stamp
        spans.extend(
            (paragraph.start(), sentence)
            for sentence in context.sentences(text, paragraph.start(), paragraph.end())
        )
    cues = [context.find_cues(text, sentence, "events") for _, sentence in spans]
    for index, (paragraph_start, sentence) in enumerate(spans):
        if index == 0 or spans[index - 1][0] != paragraph_start:
            carried = None
        who, pronoun = context.attribution(text, sentence)
        if who:
            speaker = who
        elif pronoun:
            who = speaker
        who = who or carried
        carried = who
        mentions = [
            m
            for m in dates.find_dates(text, sentence.start, sentence.end, document.date)
            if not masked.hit(m.start, m.end)
        ]
        mentions = dates.look_forward(text, sentence, mentions, document.date)
        ctx = SentenceContext(
            document,
            sentence,
            mentions,
            starts,
            options,
            event_cues=cues[index],
            fallback_event_cues=cues[index + 1] if index + 1 < len(cues) else [],
            attribution=who,
            parent=context.parent_event(text, sentence),
            stamp=stamps[paragraph_start],
            sources=attribution.mentions(text, sentence),
        )
        claims.extend(dates.read(ctx))
        figures = [
            f
            for f in find_figures(text, sentence.start, sentence.end, options.tolerance)
            if not masked.hit(f.number_start, f.number_end)
            and not any(m.start < f.number_end and f.number_start < m.end for m in mentions)
        ]
        for figure in figures:
            claim = money.read(ctx, figure) or counts.read(ctx, figure)
            if claim is not None:
                claims.append(claim)
    claims.sort(key=lambda c: (c.start, c.end))
    return claims


def extract_text(
    text: str,
    *,
    source: str = "<text>",
    document_date: str | None = None,
    options: ExtractOptions | None = None,
) -> list[Claim]:
    """Convenience for library users and tests: claims of a plain string."""
    return extract_document(Document(source=source, text=text, date=document_date), options)
