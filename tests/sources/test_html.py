"""Tests of hanoicheck.sources.html: the visible text and metadata of pages."""

from __future__ import annotations

import pytest

from hanoicheck.sources import parse_document
from tests.sources.helpers import furniture_texts

PAGE = """<!doctype html>
<html><head><title>Page title</title>
<meta property="article:published_time" content="2025-10-25T08:00:00+07:00">
<meta property="og:site_name" content="VnExpress International">
<meta property="og:url" content="https://e.vnexpress.net/og.html">
<link rel="canonical" href="https://e.vnexpress.net/news/x-123.html">
<script>var NAVSCRIPT = "SCRIPTTEXT";</script><style>p { color: red }</style></head>
<body><header>HEADERTEXT</header><nav><ul><li>NAVTEXT</li></ul></nav>
<form><input value="FORMTEXT"><button>FORMBUTTON</button></form>
<article>
  <h1>Big   headline</h1>
  <p>Delegates   from <b>72</b>
     countries &amp; <a href="#">many</a> organisations attended.</p>
  <figure><img src="x.jpg"><figcaption>Leaders pose (Photo: VNA)</figcaption></figure>
  <div>Direct div text<p>Inner paragraph.</p></div>
  <ul><li>First item</li><li>Second item</li></ul>
  <blockquote>A quote.</blockquote>
  <table><tr><td>Cell A</td><td>Cell B</td></tr></table>
  <noscript>NOSCRIPTTEXT</noscript><template>TEMPLATETEXT</template>
  <svg><text>SVGTEXT</text></svg><iframe src="x">IFRAMETEXT</iframe>
  <p hidden>HIDDENTEXT</p>
</article>
<aside>ASIDETEXT</aside><footer>FOOTERTEXT</footer></body></html>
"""


def test_html_extraction_lines_and_dropped_parts() -> None:
    doc = parse_document("page.html", PAGE, ".html")
    assert doc.text.split("\n") == [
        "Big headline",
        "Delegates from 72 countries & many organisations attended.",
        "Leaders pose (Photo: VNA)",
        "Direct div text",
        "Inner paragraph.",
        "First item",
        "Second item",
        "A quote.",
        "Cell A",
        "Cell B",
    ]
    for absent in ("SCRIPT", "NAV", "HEADER", "FOOTER", "ASIDE", "FORM", "NOSCRIPT", "HIDDEN"):
        assert absent not in doc.text
    for absent in ("TEMPLATE", "SVG", "IFRAME", "Page title"):
        assert absent not in doc.text
    assert furniture_texts(doc) == ["(Photo: VNA)"]


def test_html_metadata() -> None:
    doc = parse_document("page.html", PAGE, ".html")
    assert doc.date == "2025-10-25"
    assert doc.outlet == "VnExpress International"
    assert doc.url == "https://e.vnexpress.net/news/x-123.html"


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ('<meta name="pubdate" content="2024-12-24">', "2024-12-24"),
        ('<meta name="DC.date" content="2024/12/24">', "2024-12-24"),
        ('<meta name="date" content="December 24, 2024">', "2024-12-24"),
        ('<meta name="publish-date" content="not a date">', None),
        # forms only dateparser reads: numeric day-first, Vietnamese, CJK
        ('<meta name="pubdate" content="25/10/2025 08:30">', "2025-10-25"),
        ('<meta name="pubdate" content="Thứ Bảy, 25/10/2025 - 10:22">', "2025-10-25"),
        ('<meta name="pubdate" content="25 tháng 10 năm 2025">', "2025-10-25"),
        ('<meta name="pubdate" content="2025年10月25日">', "2025-10-25"),
        # relative words and bare timestamps are not publication dates
        ('<meta name="pubdate" content="yesterday, 2025">', None),
        ('<meta name="pubdate" content="1761379200">', None),
        ('<meta name="pubdate" content="31/02/2025">', None),
    ],
)
def test_html_meta_date_names(head: str, expected: str | None) -> None:
    html = f"<html><head>{head}</head><body><p>Text.</p></body></html>"
    assert parse_document("p.htm", html, ".htm").date == expected


def test_html_meta_date_keys_in_priority_order() -> None:
    head = (
        '<meta name="dc.date.issued" content="2024-12-20">'
        '<meta name="pubdate" content="not a date">'
        '<meta property="og:published_time" content="2024-12-22">'
    )
    html = f"<html><head>{head}</head><body><p>Text.</p></body></html>"
    assert parse_document("p.htm", html, ".htm").date == "2024-12-22"


def test_html_time_element_and_og_url_and_body_fallback() -> None:
    html = (
        '<html><head><meta property="og:url" content="https://a.vn/x"></head><body>'
        '<div>Posted <time datetime="2025-10-26T10:00">Sunday</time></div>'
        "<p>Body one.</p><p>Body two.</p></body></html>"
    )
    doc = parse_document("p.html", html, ".html")
    assert doc.date == "2025-10-26"
    assert doc.url == "https://a.vn/x"
    # the "Posted" line is the page's byline, not the article: its date is metadata
    assert doc.text == "Body one.\nBody two."


def test_html_prefers_main_and_longest_article() -> None:
    html = (
        "<body><p>Outside.</p><main><p>Main text.</p></main></body>"
        "<article><p>Short teaser.</p></article>"
    )
    assert parse_document("p.html", html, ".html").text == "Short teaser."
    html = (
        "<body><article><p>Teaser.</p></article>"
        "<article><p>The real story is longer than that.</p></article></body>"
    )
    assert parse_document("p.html", html, ".html").text == "The real story is longer than that."
    html = "<body><p>Outside.</p><main><p>Main text.</p></main></body>"
    assert parse_document("p.html", html, ".html").text == "Main text."


def test_html_pre_and_br() -> None:
    html = "<body><pre>a   b\nc</pre><p>one<br>two</p></body>"
    assert parse_document("p.html", html, ".html").text == "a b\nc\none\ntwo"


def test_html_deeply_nested_does_not_crash() -> None:
    depth = 10_000
    html = "<html><body>" + "<div>" * depth + "deep text" + "</div>" * depth + "<p>after</p>"
    doc = parse_document("deep.html", html, ".html")
    assert doc.text == "deep text\nafter"
    inline = "<body>" + "<div><span>x" * depth + "</span></div>" * depth + "</body>"
    assert parse_document("deep.html", inline, ".html").text.count("x") == depth
