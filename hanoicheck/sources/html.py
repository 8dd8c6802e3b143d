"""The article body and the metadata of an HTML page.

Saved web pages are a common form of scraped article, and most of a page is not the
story: navigation, "most read" boxes, tickers, cookie notices, newsletter boxes and
footers are full of figures that no outlet reported about the event. The body is taken
with trafilatura, a well-kept main-content extractor, one line per paragraph, so that
sentences and furniture lines come out as they do in a text file. When it finds no
body (a page too short or too unusual for it), the visible text of the main
``<article>`` (or ``<main>``, or ``<body>``) is used instead, without scripts,
navigation, forms or hidden elements. The date, outlet and URL come from ``<meta>``,
``<link rel=canonical>`` and ``<time>``, then from trafilatura's own metadata reading
(htmldate). Which tags and keys count is data (``data/sources.toml``). Both parsers are
imported only when a page is parsed, which keeps the CLI's start-up light, and a linear
pre-pass refuses the rare page nested so deeply that parsing it would take minutes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from hanoicheck.lexicon import source_rules
from hanoicheck.sources.bylines import first_value, parse_date_value
from hanoicheck.sources.read import SourceReadError

if TYPE_CHECKING:  # pragma: no cover - typing only, keeps selectolax out of import time
    from selectolax.lexbor import LexborHTMLParser, LexborNode


@dataclass
class HtmlMeta:
    """Publication metadata of a page; ``None`` where the page does not say."""

    date: str | None = None
    outlet: str | None = None
    url: str | None = None
    title: str | None = None


@cache
def _tag_sets() -> tuple[frozenset[str], frozenset[str]]:
    """Tags whose content is not article text, and tags that start and end a line."""
    return (
        frozenset(source_rules()["html"]["dropped_tags"]),
        frozenset(source_rules()["html"]["block_tags"]),
    )


def _visible_lines(root: LexborNode) -> list[str]:
    """The visible text under ``root``, one collapsed line per block element.

    The walk follows ``first_child``/``next``/``parent`` links instead of recursing, so
    10,000 nested ``<div>`` elements cost a loop, not a ``RecursionError``. Text pieces
    of inline elements are concatenated as a browser would (``a<b>b</b>`` is ``ab``);
    entering or leaving a block element ends the current line, so a ``<div>`` with
    direct text gets its own line while its block children get theirs.
    """
    dropped, block = _tag_sets()
    lines: list[str] = []
    pieces: list[str] = []
    pre_depth = 0

    def flush() -> None:
        line = " ".join("".join(pieces).split())
        pieces.clear()
        if line:
            lines.append(line)

    def add_text(content: str) -> None:
        if not pre_depth:
            pieces.append(content)
            return
        first, *rest = content.split("\n")
        pieces.append(first)
        for part in rest:
            flush()
            pieces.append(part)

    def leave(tag: str) -> None:
        nonlocal pre_depth
        if tag in block:
            flush()
        if tag == "pre":
            pre_depth -= 1

    root_id = root.mem_id
    node: LexborNode = root
    while True:
        tag = node.tag or ""
        entered = False
        if tag == "-text":
            add_text(node.text_content or "")
        elif node.is_element_node and tag not in dropped and "hidden" not in node.attributes:
            entered = True
            if tag in block:
                flush()
            if tag == "pre":
                pre_depth += 1
        if entered:
            child = node.first_child
            if child is not None:
                node = child
                continue
            leave(tag)
        # Climb until a next sibling exists, leaving each (entered) ancestor on the way.
        while True:
            if node.mem_id == root_id:
                flush()
                return lines
            sibling = node.next
            if sibling is not None:
                node = sibling
                break
            parent = node.parent
            if parent is None:  # pragma: no cover - the root is always an ancestor
                flush()
                return lines
            node = parent
            leave(node.tag or "")


def _pick_root(tree: LexborHTMLParser) -> list[str]:
    """The lines of the main content: ``<article>``, else ``<main>``, else ``<body>``.

    Pages often hold several ``<article>`` elements (related-news teasers); the one with
    the most visible text is the story. An empty candidate falls back to the next one.
    """
    for selector in ("article", "main"):
        best: list[str] = []
        for candidate in tree.css(selector):
            lines = _visible_lines(candidate)
            if sum(map(len, lines)) > sum(map(len, best)):
                best = lines
        if best:
            return best
    for root in (tree.body, tree.root):
        if root is not None:
            lines = _visible_lines(root)
            if lines:
                return lines
    return []


def _html_meta(tree: LexborHTMLParser) -> HtmlMeta:
    """Date, outlet and URL from ``<meta>``, ``<link rel=canonical>`` and ``<time>``."""
    metas: dict[str, str] = {}
    for meta in tree.css("meta"):
        attributes = meta.attributes
        key = attributes.get("property") or attributes.get("name") or attributes.get("itemprop")
        content = attributes.get("content")
        if key and content and content.strip():
            metas.setdefault(key.strip().lower(), content.strip())
    result = HtmlMeta()
    for key in source_rules()["html"]["date_meta_keys"]:
        if key in metas:
            result.date = parse_date_value(metas[key])
            if result.date:
                break
    if result.date is None:
        for time in tree.css("time"):
            value = time.attributes.get("datetime")
            result.date = parse_date_value(value) if value else None
            if result.date:
                break
    result.outlet = first_value(metas, source_rules()["html"]["outlet_meta_keys"])
    for link in tree.css("link"):
        rel = (link.attributes.get("rel") or "").lower().split()
        href = (link.attributes.get("href") or "").strip()
        if "canonical" in rel and href:
            result.url = href
            break
    if result.url is None:
        result.url = first_value(metas, source_rules()["html"]["url_meta_keys"])
    return result


# Elements that never deepen the tree (HTML's void elements, and those a following
# sibling closes implicitly: "<p>a<p>b" is two paragraphs, not one inside the other).
_FLAT_TAGS = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
        "keygen",
        "p",
        "li",
        "dt",
        "dd",
        "tr",
        "td",
        "th",
        "option",
        "optgroup",
        "tbody",
        "thead",
        "tfoot",
        "colgroup",
        "rb",
        "rt",
        "rp",
        "rtc",
    ]
)
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*+)")
# The HTML parser checks the stack of open elements for every start tag, so its time
# grows with (start tags x depth): 20,000 nested <div>s take a second, 200,000 take
# minutes. 5e8 is about three seconds of parsing (31,000 nested levels), far above any
# real page (a 5 MB page of 100,000 elements 50 deep is 5e6).
MAX_HTML_WORK = 500_000_000


def _check_html_nesting(source: str, text: str) -> None:
    """Refuse HTML whose nesting would make the parser run for minutes.

    A linear pre-pass over the tags estimates the parser's work from an upper bound of
    the depth (every start tag of a non-flat element opens one level, its end tag
    closes one); only a pathologically nested file exceeds the budget.
    """
    depth = deepest = 0
    work = 0
    for match in _TAG.finditer(text):
        if match[2].lower() in _FLAT_TAGS:
            continue
        if match[1]:
            depth = max(0, depth - 1)
            continue
        depth += 1
        deepest = max(deepest, depth)
        work += depth
        if work > MAX_HTML_WORK:
            raise SourceReadError(
                source, f"HTML nested too deeply to parse (at least {deepest:,} levels)"
            )


def parse_html(raw_text: str, source: str) -> tuple[str, HtmlMeta]:
    """The visible text (one line per block) and metadata of a page.

    Raises :class:`SourceReadError` for a page nested too deeply to parse in time.
    """
    from selectolax.lexbor import LexborHTMLParser  # here: keeps import time light

    _check_html_nesting(source, raw_text)
    tree = LexborHTMLParser(raw_text)
    meta = _html_meta(tree)
    meta.title = meta.title or _page_title(tree)
    return "\n".join(_article_lines(raw_text, _pick_root(tree))), meta


# Below this share of the page's visible lines, trafilatura is taken to have missed the
# story (a short page, a list of items) and every visible line is kept.
MIN_BODY_SHARE = 0.2
_PREFIX = 60


def _article_lines(raw_text: str, visible: list[str]) -> list[str]:
    """The visible lines trafilatura judges to be the article, in page order.

    The lines themselves stay ours (hidden elements dropped, one line per block); the
    extractor only decides which of them are boilerplate: navigation, "most read"
    boxes, tickers, newsletter and cookie boxes, footers.
    """
    body = _article_body(raw_text)
    if not body:
        return visible
    lines = {" ".join(line.split()) for line in body.splitlines() if line.strip()}
    prefixes = {line[:_PREFIX] for line in lines}
    kept = [
        line
        for line in visible
        if (flat := " ".join(line.split())) in lines or flat[:_PREFIX] in prefixes
    ]
    return kept if len(kept) >= MIN_BODY_SHARE * len(visible) else visible


def _article_body(raw_text: str) -> str | None:
    """The main content trafilatura finds (one line per paragraph), if any."""
    import trafilatura  # here: it imports lxml, heavy for a CLI that reads text files

    try:
        body = trafilatura.extract(
            raw_text, include_comments=False, include_tables=True, favor_recall=True
        )
    except Exception:  # a parser failure leaves every visible line in place
        return None
    return body if isinstance(body, str) else None


def _page_title(tree: LexborHTMLParser) -> str | None:
    """The headline: the first ``<h1>``, else ``og:title``, else ``<title>``."""
    for selector in ("h1", "title"):
        node = tree.css_first(selector)
        if node is not None:
            text = " ".join(node.text(separator=" ").split())
            if text:
                return text
    return None
