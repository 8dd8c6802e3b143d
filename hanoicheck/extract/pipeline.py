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
from hanoicheck.extract.numbers import find_figures, glued_codes, scale_abbreviations
from hanoicheck.extract.sentence import ExtractOptions, SentenceContext
from hanoicheck.lexicon import alternation, default_lexicon
from hanoicheck.model import Claim, Document, Kind, Span, TimeBasis

EXTRACTOR_VERSION = "1"


@cache
def _email_pattern() -> re.Pattern[str]:
    # an e-mail address starts a run of non-spaces and has one "@": "\S+@\S+" would
    # rescan a long run without spaces from each of its characters
    return re.compile(r"(?<!\S)[^\s@]+@[^\s@]+\.\w+")


@cache
def _mask_pattern() -> re.Pattern[str]:
    # Every form below starts with "h"/"w" (a URL), "+" or "(" (a phone number), "#" (a
    # hashtag), a digit or a capital; checking that first skips most positions at once
    # (e-mail addresses, which may start with anything, have their own pass; forms that
    # start with any word have theirs, see _word_mask_pattern).
    lex = default_lexicon()
    refs = alternation(list(lex.words("reference_words")))
    named_years = alternation(list(lex.words("named_year_words")))
    counters = alternation(list(lex.words("headline_counters")))
    measures = alternation(list(lex.words("measure_units")))
    return re.compile(
        r"(?=[hw+(#\dA-Z])"
        r"(?:(?P<url>https?://\S+|www\.\S+)"
        r"|(?P<hashtag>#\w+)"
        r"|(?P<phone>(?<![\d/.-])(?!\d{4}-\d\d-\d\d\b)"
        # a numeric date is not a phone number: "21-04-2016", "10.31.74" (day and month
        # at most 31, then a year, and nothing after)
        r"(?!(?:0?[1-9]|[12]\d|3[01])(?P<dsep>[.-])(?:0?[1-9]|[12]\d|3[01])(?P=dsep)"
        r"(?:1[89]\d\d|2[01]\d\d|\d\d)\b(?![.-]\d))"
        r"(?:\+\d{1,3}[\s.-]?(?:\(0?\d{1,4}\)[\s.-]?)?\d{1,4}(?:[\s.-]\d{2,4}){1,}"
        r"|\(0?\d{1,4}\)[\s.-]?\d{2,4}(?:[\s.-]\d{2,4}){1,}"
        r"|\d{2,4}(?:[\s.-]\d{2,4}){2,})\b)"
        r"|(?P<clock>\b\d{1,2}(?::\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock|hrs?\b|GMT|UTC)"
        r"|\b\d{1,2}[:h]\d{2}\b|\b[012]\d[0-5]\d\s*(?:GMT|UTC|hrs?\b|hours\b|local\s+time))"
        r"|(?P<percent>\b\d+(?:\.\d+)?\s*(?:%|per\s*cent\b|percent\b|percentage points?\b))"
        rf"|(?P<ref>\b(?i:{refs})\s+\d[\d.,/-]*(?:\s*(?:and|to|-|,)\s*\d[\d./-]*)*)"
        r"|(?P<address>\b\d{1,5}\s+(?:[A-Z][a-z]+\s+){0,3}(?:Street|St\.|Road|Rd\.|Avenue|Ave\.|"
        r"Boulevard|Blvd\.|Lane|Way|Drive|Square|Place)\b|\b\d{1,5}\s+(?:Rue|Via|Calle|rue)\s)"
        r"|(?P<id>\b[A-Z]+-?\d+[A-Z]*\b|\b\d+[A-Z]{1,3}\d*\b)"
        rf"|(?P<year_name>\b(?:19|20)\d\d\s+(?:{named_years})\b)"
        rf"|(?P<counter>\b\d+\s+(?i:{counters})\b)"
        rf"|(?P<measure>\b\d{{1,3}}(?:,\d{{3}})*+(?:\.\d+)?(?:\s*|-)(?i:{measures})\b))"
    )


@cache
def _word_mask_pattern() -> re.Pattern[str]:
    """Forms that start with a word: magnitudes, depths, ages, ratios, "day two"."""
    lex = default_lexicon()
    words = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty"
    number = rf"(?:\d[\d,.]*+|(?:a|{words}|thirty|forty|fifty|hundred)\b)"
    small = rf"(?:\d{{1,3}}|{words}|hundred|thousand)"
    ordinal_words = alternation(list(lex.words("sequence_words")))
    lead = alternation(list(lex.words("measure_leads")))
    # Every form starts at a digit, at ", 39," or at one of a few words: checked first
    # through a trie, so most positions are passed over at once.
    firsts = [w.split()[0] for w in lex.words("measure_leads")]
    starts = alternation(
        [*firsts, "aged", "age", "ages", *lex.words("sequence_words"), *words.split("|")]
    )
    return re.compile(
        rf"(?=\d|,\s\d|\b(?:{starts})\b)"
        rf"(?:(?P<lead>\b(?:{lead})\s+(?:of\s+)?(?:about\s+|some\s+|around\s+)?\d[\d,.]*+)"
        r"|(?P<ratio>(?<![\d,.])\b(?:one|\d{1,3}|two|three|four|five|six|seven|eight|nine|ten)\s+"
        r"(?:[a-z]+\s+){0,3}?(?:in|out\s+of)\s+(?:every\s+)?"
        rf"{small}(?!\s*(?:,\d|\.\d|[%-]))\b(?!\s+(?:(?-i:[A-Z])|{alternation(list(lex.words('not_counted')))}\b))"
        r"|\b(?:one|a)\s+in\s+(?:every\s+)?" + small + r"\b)"
        r"|(?P<age>\b(?:aged|age(?:d)?\s+of|ages)\s+\d{1,3}(?:\s*(?:and|to|-)\s*\d{1,3})?"
        r"|\b\d{1,3}(?:-|\s)(?:years?|months?)(?:-|\s)old\b"
        r"|(?<=[A-Za-z\u00c0-\u024f]),\s\d{1,3}(?=,\s))"
        rf"|(?P<sequence>\b(?:{ordinal_words})\s+{number}(?=\s*(?:[,.;:)]|of\b|and\b|$))))",
        re.IGNORECASE | re.MULTILINE,
    )


@cache
def _publication_line() -> re.Pattern[str]:
    """A byline or a publication/update line: the article's own date, not a claim."""
    words = alternation(list(default_lexicon().words("publication_words")))
    month = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
    day = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    date = (
        rf"{day}(?:{month}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{month},?\s+\d{{4}}"
        r"|\d{4}-\d\d-\d\d)"
        r"(?:,?\s*(?:\u2014|\u2013|-|at)?\s*\d{1,2}[:.h]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?"
    )
    sep = r"(?:\||\u00b7|\u2022|\u2014)"
    return re.compile(
        rf"^[^\S\r\n]*(?:(?:[^\r\n|]{{0,80}}\|\s*){{0,3}}(?i:{words})\b[^\r\n]{{0,120}}$"
        rf"|By\s[^\r\n]{{0,80}}{sep}[^\r\n]{{0,120}}$"
        rf"|(?:[^\r\n|\u00b7\u2022\u2014]{{0,40}}{sep}\s*)?{date}[^\S\r\n]*(?:{sep}[^\r\n]{{0,80}})?$"
        # a dateline: "PARIS, Sept 18 (SWS) -"
        rf"|[A-Z][A-Z .'-]{{1,30}},\s+(?:{month}\s+\d{{1,2}}|\d{{1,2}}\s+{month})(?:,?\s+\d{{4}})?"
        r"\s*(?:\([^)\r\n]{0,40}\))?\s*[-\u2013\u2014])",
        re.MULTILINE,
    )


def _masks(document: Document) -> list[Span]:
    spans = list(document.furniture)
    text = document.text
    for match in _mask_pattern().finditer(text):
        if match.lastgroup == "id" and (
            _is_currency_glued(match.group(0))
            or _is_year_division(text, match)
            or _is_scaled_amount(text, match)
        ):
            continue
        spans.append(Span(match.start(), match.end()))
    spans.extend(Span(m.start(), m.end()) for m in _word_mask_pattern().finditer(text))
    if "@" in text:
        spans.extend(Span(m.start(), m.end()) for m in _email_pattern().finditer(text))
    return spans


def _is_currency_glued(token: str) -> bool:
    """ "AUD83", "US$5" and "115USD" are money, not identifiers."""
    letters = re.match(r"[A-Z]+", token) or re.fullmatch(r"[\d.]+([A-Z]+)", token)
    if letters is None:
        return False
    return (letters.group(1) if letters.lastindex else letters.group(0)) in glued_codes()


_SCALED = re.compile(r"\d+([A-Z]{1,3})")
_MONEY_BEFORE = re.compile(r"(?:[$\u20ac\u00a3\u00a5\u20b9\u20a9][\d.,]*|\$\s)$")


def _is_scaled_amount(text: str, match: re.Match[str]) -> bool:
    """ "$10K", "€10M", "£2.5BN": an amount with its scale in capitals, not an identifier
    (the currency sign before it says so; "A10M" or "10M" alone stay masked)."""
    scaled = _SCALED.fullmatch(match.group(0))
    if scaled is None or scaled.group(1).lower() not in scale_abbreviations():
        return False
    start = match.start()
    return _MONEY_BEFORE.search(text, max(0, start - 12), start) is not None


_YEAR_DIVISION = re.compile(r"(?:(?:19|20)\d\d)?[QH][1-4]")
_YEAR_AFTER = re.compile(r"\s*(?:of\s+)?(?:19|20)\d\d\b")
_YEAR_BEFORE = re.compile(r"\b(?:19|20)\d\d\s*$")


def _is_year_division(text: str, match: re.Match[str]) -> bool:
    """ "Q3 2016", "2016 Q3", "H1 2025", "2016H2" are quarters and halves of a year (dates),
    not identifiers; "Q3" or "H1" with no year next to it stays masked."""
    token = match.group(0)
    if not _YEAR_DIVISION.fullmatch(token):
        return False
    if token[0].isdigit():
        return True
    start, end = match.span()
    return bool(
        _YEAR_AFTER.match(text, end, end + 12)
        or _YEAR_BEFORE.search(text, max(0, start - 6), start)
    )


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
    antecedent: Claim | None = None  # the last count of the paragraph (for "41 of them")
    day_before: str | None = None  # the last day a figure of the paragraph was stated at
    topic: Claim | None = None  # the article's last count of something doing something
    lead: Claim | None = None  # the paragraph's first count of something doing something
    cues = [context.find_cues(text, sentence, "events") for _, sentence in spans]
    for index, (paragraph_start, sentence) in enumerate(spans):
        if index == 0 or spans[index - 1][0] != paragraph_start:
            carried = None
            antecedent = None
            lead = None
            day_before = None
        sources, said = attribution.read_sources(text, sentence)
        who = sources[-1].who if sources else None
        if who:
            speaker = who
        elif said and attribution.pronoun_said(text, sentence):
            who = speaker
        who = who or carried
        carried = who
        mentions = [
            m
            for m in dates.find_dates(
                text, sentence.start, sentence.end, document.date, cues[index]
            )
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
            day_before=day_before,
            sources=sources,
        )
        figures = [
            f
            for f in find_figures(text, sentence.start, sentence.end, options.tolerance)
            if not masked.hit(f.number_start, f.number_end)
            and not any(m.start < f.number_end and f.number_start < m.end for m in mentions)
        ]
        for figure in figures:
            ctx.antecedent, ctx.topic, ctx.lead = antecedent, topic, lead
            claim = money.read(ctx, figure) or counts.read(ctx, figure)
            if claim is not None:
                claims.append(claim)
                if claim.as_of_basis is TimeBasis.STATED and claim.as_of:
                    day_before = ctx.day_before = claim.as_of
                if claim.kind is Kind.COUNT:
                    antecedent = claim
                    if claim.subject.role and claim.subject.part_of is None:
                        topic = claim
                        lead = lead or claim
        claims.extend(dates.read(ctx))  # after the figures: it skips dates used as their time
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
