"""One article as a :class:`~hanoicheck.model.Document`: text, furniture and metadata.

This is where the pieces meet: discovery names the files, reading decodes them, the
HTML module extracts a page's visible text, furniture marks what is not the story and
bylines reads the evidence of date and outlet. :func:`parse_document` is the pure part
(no I/O), shared by :func:`load_document` and the tests; it also decides which evidence
wins when an article states its date or outlet more than once.
:func:`load_sources` is the batch form, with every failure as a value.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator, Sequence
from pathlib import Path

from hanoicheck.lexicon import source_rules
from hanoicheck.model import Document, SourceError
from hanoicheck.sources.bylines import (
    URL,
    date_from_urls,
    dateline_date,
    first_value,
    front_matter_date,
    host,
)
from hanoicheck.sources.discover import SUPPORTED_SUFFIXES, discover, normalize_source
from hanoicheck.sources.furniture import PageScan, merge_spans, scan_page
from hanoicheck.sources.html import HtmlMeta, parse_html
from hanoicheck.sources.read import DEFAULT_MAX_BYTES, SourceReadError, decode, read_source_bytes
from hanoicheck.sources.terms import terms

_MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
_HTML_SUFFIXES = frozenset({".html", ".htm"})


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:200].lower()
    return head.startswith(("<!doctype html", "<html"))


def parse_document(source: str, raw_text: str, suffix: str) -> Document:
    """Text, furniture and metadata of one article; pure, so tests need no files.

    ``suffix`` picks the format (``.html``/``.htm``, ``.md``/``.markdown``, anything else
    is plain text; a suffix-less file that starts like an HTML page is parsed as one). A
    leading BOM is dropped so offsets match what :func:`load_document` produces.

    Metadata is read from the most explicit evidence first: structured metadata (HTML
    ``<meta>``, front matter, a ``date:`` line), then the wire dateline, then dates that
    CMSs stamp into URLs. That order matters: a URL's timestamp is often the *update*
    time, while a dateline is the day the story was filed.
    """
    kind = suffix.lower() if suffix.startswith(".") else f".{suffix.lower()}"
    text = raw_text.removeprefix("\ufeff")
    html = HtmlMeta()
    if kind in _HTML_SUFFIXES or (kind not in SUPPORTED_SUFFIXES and _looks_like_html(text)):
        text, html = parse_html(text, source)
    scan = scan_page(text, markdown=kind in _MARKDOWN_SUFFIXES)
    front = scan.front

    url = (
        scan.source_url
        or first_value(front, source_rules()["front_matter"]["url_keys"])
        or html.url
        or None
    )
    urls = [u for u in (scan.source_url, url) if u]
    urls += [m[0] for m in URL.finditer(text)]
    url_date = date_from_urls(urls)

    stated_evidence = (
        ("html-meta", html.date),
        ("front-matter", front_matter_date(front)),
        ("date-line", scan.meta_date),
        ("byline", scan.published),
    )
    stated = next((day for _, day in stated_evidence if day), None)
    filed = dateline_date(text, scan.opening, url_date, scan.updated or stated)
    evidence = (
        *stated_evidence,
        ("dateline", filed),
        ("byline", scan.updated),
        ("url", url_date),
    )
    date_source, date = next(((where, day) for where, day in evidence if day), (None, None))
    if filed and stated and _filed_before(filed, stated):
        # a wire story filed "SEVILLE, June 30" and reprinted on 1 July: its "on Monday"
        # and "yesterday" were written on the day of the dateline
        date_source, date = "dateline", filed

    outlet = (
        scan.source_outlet
        or scan.sign_off_outlet
        or scan.opening.outlet
        or first_value(front, source_rules()["front_matter"]["outlet_keys"])
        or html.outlet
        or host(scan.source_url)
    )
    furniture = merge_spans(scan.spans, len(text))
    return Document(
        source=source,
        text=text,
        date=date,
        outlet=outlet or None,
        url=url,
        furniture=furniture,
        date_source=date_source,
        place=scan.opening.place,
        title=html.title or _title(text, scan),
        terms=terms(text, furniture),
    )


# A dateline earlier than the publication line by at most this many days is the day the
# story was written; further back, it is an older story's, or another year's, date.
_FILED_WITHIN_DAYS = 7


def _filed_before(filed: str, published: str) -> bool:
    """Whether the dateline's day is a few days before the publication day."""
    try:
        gap = (_dt.date.fromisoformat(published[:10]) - _dt.date.fromisoformat(filed[:10])).days
    except ValueError:  # a year-less day ("--06-30") or a partial date
        return False
    return 0 < gap <= _FILED_WITHIN_DAYS


def _title(text: str, scan: PageScan) -> str | None:
    """The headline: a Markdown heading, else a first line that is not a sentence."""
    for start, end in _content_lines(text, scan):
        line = text[start:end].strip()
        if line.startswith("#"):
            return line.lstrip("# ").strip() or None
        if len(line) <= 150 and not line.endswith((".", ":", '"', "\u201d")):
            return line
        return None
    return None


def _content_lines(text: str, scan: PageScan) -> list[tuple[int, int]]:
    """The first three non-blank lines that are not furniture (front matter, bylines)."""
    lines = []
    position = 0
    for line in text.splitlines(keepends=True):
        end = position + len(line.rstrip("\r\n"))
        furniture = any(s.start <= position and end <= s.end for s in scan.spans)
        if line.strip() and not furniture:
            lines.append((position, end))
        position += len(line)
        if len(lines) >= 3:
            break
    return lines


def document_from_bytes(source: str, data: bytes, suffix: str) -> Document:
    """Decode (UTF-8, BOM dropped, binary rejected) and parse bytes already read."""
    return parse_document(source, decode(source, data), suffix)


def load_document(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read one file into a :class:`Document`, or raise :class:`SourceReadError`.

    Checks happen in the order a user would want to hear about them: missing, not a
    file, too big (before reading, so a stray multi-GB dump costs nothing), binary
    (NUL bytes mean the decoder would "succeed" on garbage like UTF-16), not UTF-8
    (with the byte offset, so the user can find it), empty.
    """
    path = Path(path)
    source, data = read_source_bytes(path, max_bytes=max_bytes)
    return document_from_bytes(source, data, path.suffix)


def load_sources(
    paths: Sequence[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Document | SourceError]:
    """Discover and load, turning every failure into a :class:`SourceError` value.

    A batch run over a folder of scraped articles always meets a few broken files; the
    user wants a one-line reason for each and the claims of all the others, never a
    traceback that loses the rest of the run.
    """
    for item in discover(paths):
        if isinstance(item, SourceError):
            yield item
            continue
        try:
            yield load_document(item, max_bytes=max_bytes)
        except SourceReadError as exc:
            yield exc.to_error()
        except Exception as exc:  # a parser bug must not end the run; report it instead
            yield parse_failure(normalize_source(item), exc)


def parse_failure(source: str, exc: Exception) -> SourceError:
    """The one-line error for a file the parser failed on (a bug, reported, not raised)."""
    return SourceError(source, " ".join(f"cannot parse ({type(exc).__name__}: {exc})".split()))
