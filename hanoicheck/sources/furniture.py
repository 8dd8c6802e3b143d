"""Page furniture: the text on a scraped page that is not the article.

Scraped articles carry photo credits ("(Photo: VNA)"), CMS layout debris
("leftcenterrightdel"), comment counters ("Comment (0)"), "Source:" credits and wire
sign-offs ("— VNA/VNS", "./."). A figure inside them is not a claim of the story, yet
deleting them would shift every offset after them, and a claim's ``text[start:end]``
must be exactly what the reader sees in the file. So furniture is *marked*, as spans the
extractor skips. One pass over the lines (:func:`scan_page`) marks it and collects the
metadata those same lines carry (credits, datelines, ``date:`` lines, front matter,
read by :mod:`hanoicheck.sources.bylines`), bylines and publication lines among them
("Posted Tuesday, June 3, 2025 at 8:14 am"). The words it recognises are data
(``data/sources.toml``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from hanoicheck.lexicon import alternation, source_rules
from hanoicheck.model import Span
from hanoicheck.sources.bylines import (
    URL,
    Opening,
    date_line,
    first_of,
    front_matter,
    is_agency,
    opening,
    publication_lines,
)

# A longer "Source: ..." line is prose that happens to start so, not a credit.
_MAX_SOURCE_NAME = 100
_SIGN_OFF_DOTS = re.compile(r"\./\.[ \t]*$")
# Every quantifier here is bounded or unambiguous: the pattern is searched over the last
# line, which can be arbitrarily long, and nested ``*`` would backtrack exponentially.
_AGENCY = r"[A-Z][A-Za-z0-9&]{1,11}"
_SIGN_OFF = re.compile(
    rf"(?:(?<=\s)|^)[-\u2013\u2014]{{1,2}}[ \t]{{0,3}}"
    rf"(?P<agencies>{_AGENCY}(?:[ \t]?/[ \t]?{_AGENCY}){{0,3}})[ \t]*(?:\./\.[ \t]*)?$"
)


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    """Furniture patterns, built once from the word lists in ``data/sources.toml``."""
    prefix = alternation(source_rules()["furniture"]["credit_prefixes"])
    credit = alternation(source_rules()["furniture"]["credit_words"])
    link = alternation(source_rules()["furniture"]["credit_links"])
    layout = alternation(source_rules()["furniture"]["layout_words"])
    comment = alternation(source_rules()["furniture"]["comment_words"])
    source = alternation(source_rules()["furniture"]["source_words"])
    return {
        "photo_credit": re.compile(
            rf"\((?:(?:{prefix})\s+)?(?:{credit})\s*(?::|(?:{link})\b)[^()\n]*\)", re.IGNORECASE
        ),
        "layout": re.compile(rf"[ \t]*(?:(?:{layout})[ \t]*){{2,}}", re.IGNORECASE),
        "comment_counter": re.compile(rf"[ \t]*(?:{comment})[ \t]*\(\d+\)[ \t]*", re.IGNORECASE),
        "source_line": re.compile(rf"[ \t]*(?:{source})[ \t]*:(?P<value>.*)", re.IGNORECASE),
    }


@dataclass
class PageScan:
    """What a pass over the text found: furniture spans and metadata candidates."""

    spans: list[Span] = field(default_factory=list)
    front: dict[str, str] = field(default_factory=dict)
    meta_date: str | None = None
    published: str | None = None
    updated: str | None = None
    opening: Opening = field(default_factory=Opening)
    source_outlet: str | None = None
    source_url: str | None = None
    sign_off_outlet: str | None = None


def _lines(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each line, without its ``\\n`` or ``\\r\\n``."""
    result: list[tuple[int, int]] = []
    position = 0
    length = len(text)
    while position < length:
        newline = text.find("\n", position)
        end = length if newline == -1 else newline
        stop = end - 1 if end > position and text[end - 1] == "\r" else end
        result.append((position, stop))
        position = end + 1
    return result


def scan_page(text: str, *, markdown: bool) -> PageScan:
    """One pass over the lines: mark furniture, collect metadata candidates.

    Front matter is read only in Markdown (in a ``.txt`` file the dashes are text). A
    sign-off counts only on the last line of content: earlier, "- AFP" is part of what
    the article says.
    """
    scan = PageScan()
    spans = scan.spans
    lines = _lines(text)
    if markdown:
        front = front_matter(text, lines)
        if front is not None:
            end, scan.front = front
            spans.append(Span(0, end))
            lines = [line for line in lines if line[0] > end]

    dated = date_line(text, lines)
    if dated is not None:
        scan.meta_date, span = dated
        spans.append(span)
    scan.opening = opening(text, [(start, end) for start, end in lines if text[start:end].strip()])
    if scan.opening.span is not None:
        spans.append(scan.opening.span)
    taken = list(spans)  # front matter, a date line, the dateline: read already
    for found in publication_lines(text, lines):
        if any(s.start < found.span.end and found.span.start < s.end for s in taken):
            continue
        spans.append(found.span)
        if found.updated:
            scan.updated = scan.updated or found.day
        else:
            scan.published = scan.published or found.day

    patterns = _patterns()
    last_content: tuple[int, int] | None = None
    for start, end in lines:
        debris = patterns["layout"].fullmatch(text, start, end)
        if debris or patterns["comment_counter"].fullmatch(text, start, end):
            spans.append(Span(start, end))
            continue
        source = patterns["source_line"].fullmatch(text, start, end)
        if source and (len(source["value"]) <= _MAX_SOURCE_NAME or URL.search(source["value"])):
            spans.append(Span(start, end))
            _read_source_line(scan, source["value"])
            continue
        if start == end or not text[start:end].strip():
            continue
        last_content = (start, end)
        line = text[start:end]
        if line.count("|") == 1 and not line.lstrip().startswith("|"):
            # A caption's trailing " |" (layout separator), not a Markdown table row.
            kept = line.rstrip(" \t")
            if kept.endswith("|") and kept[:-1] != kept[:-1].rstrip(" \t"):
                spans.append(Span(start + len(kept[:-1].rstrip(" \t")), end))
        dots = _SIGN_OFF_DOTS.search(line)
        if dots:
            spans.append(Span(start + dots.start(), start + dots.end()))

    if last_content is not None:
        start, end = last_content
        sign_off = _SIGN_OFF.search(text, start, end)
        if sign_off and all(map(is_agency, sign_off["agencies"].split("/"))):
            spans.append(Span(sign_off.start(), sign_off.end()))
            scan.sign_off_outlet = first_of(sign_off["agencies"])

    spans.extend(Span(m.start(), m.end()) for m in patterns["photo_credit"].finditer(text))
    return scan


def _read_source_line(scan: PageScan, value: str) -> None:
    """``Source: VNA`` names the outlet; ``Source: https://...`` gives the URL.

    The last Source line wins: it is the article's trailing credit, while earlier ones
    tend to credit an embedded chart or quote.
    """
    value = value.strip()
    url = URL.search(value)
    if url:
        scan.source_url = url[0].rstrip(".,;")
        name = value[: url.start()].strip(" \t-\u2013\u2014(:")
        if name:
            scan.source_outlet = first_of(name)
    elif value:
        scan.source_outlet = first_of(value.rstrip(".,;"))


def merge_spans(spans: list[Span], length: int) -> tuple[Span, ...]:
    """Sorted, non-overlapping spans (touching spans are joined), clipped to the text."""
    merged: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        start, end = max(0, span.start), min(length, span.end)
        if end <= start:
            continue
        if merged and start <= merged[-1].end:
            if end > merged[-1].end:
                merged[-1] = Span(merged[-1].start, end)
            continue
        merged.append(Span(start, end))
    return tuple(merged)
