"""Tests of hanoicheck.sources.document: whole articles, from files and from text.

The seed articles in ``seeds/`` are real scraped pages with real furniture, so they pin
what the modules do together; each module's own rules are tested next to it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from hanoicheck.model import Document, SourceError
from hanoicheck.sources import load_document, load_sources, parse_document
from tests.complexity import FACTOR, assert_linear
from tests.sources.helpers import (
    SEEDS,
    assert_well_formed,
    covered,
    furniture_texts,
    touched,
)
from tests.sources.test_html import PAGE

SEED_000 = SEEDS / "000_d3321d4a47214618.txt"
SEED_001 = SEEDS / "001_022a195d71583f65.txt"
SEED_002 = SEEDS / "002_8cfe10c72970e812.txt"
SEED_003 = SEEDS / "003_57c7628310a0554d.txt"
SEED_004 = SEEDS / "004_9f7aae0d31abca2d.txt"
DANTRI = (
    "https://dantri.com.vn/thoi-su/"
    "khong-mot-quoc-gia-nao-co-the-don-doc-chong-lai-toi-pham-mang-20251026144926876.htm"
)


# --------------------------------------------------------------------------- seeds


def test_seed_004_date_line_and_sign_off(in_repo: Path) -> None:
    doc = load_document(SEED_004)
    raw = SEED_004.read_text(encoding="utf-8")
    assert doc.text == raw
    assert doc.source == "seeds/004_9f7aae0d31abca2d.txt"
    assert (doc.date, doc.outlet, doc.url) == ("2025-10-25", "VNA", None)
    texts = furniture_texts(doc)
    assert texts[0].strip() == "date 2025-10-25"
    assert texts[-1] == "— VNA/VNS"
    assert not touched(doc, raw.index("HÀ NỘI"), raw.index("HÀ NỘI") + 6)
    assert_well_formed(doc)


def test_seed_001_url_timestamp_photo_credits_comment(in_repo: Path) -> None:
    doc = load_document(SEED_001)
    raw = SEED_001.read_text(encoding="utf-8")
    assert doc.text == raw
    assert doc.date == "2025-10-26"
    assert doc.url == DANTRI
    assert doc.outlet == "dantri.com.vn"
    texts = furniture_texts(doc)
    assert "(Photo: World and Vietnam Newspaper)" in texts
    assert "(Photo: Tuan Anh/VNA)" in texts
    assert f"Source: {DANTRI}" in texts
    assert texts[-1] == "Comment (0)"
    caption = "The high-level discussion session took place on the morning of October 26"
    start = raw.index(caption)
    assert not touched(doc, start, start + len(caption))
    assert_well_formed(doc)


def test_seed_000_opening_credit_and_dots_sign_off(in_repo: Path) -> None:
    doc = load_document(SEED_000)
    assert doc.outlet == "VNA"
    assert doc.date is None
    assert doc.url is None
    assert furniture_texts(doc)[-1] == "./."
    assert doc.text.endswith("common global goal./.")
    assert_well_formed(doc)


def test_seed_002_caption_credit_and_bar_no_metadata(in_repo: Path) -> None:
    doc = load_document(SEED_002)
    raw = SEED_002.read_text(encoding="utf-8")
    assert (doc.date, doc.outlet, doc.url) == (None, None, None)
    credit = raw.index("(photo: VNA)")
    assert covered(doc, credit, credit + len("(photo: VNA) |"))
    caption_end = raw.index("Hanoi Convention.") + len("Hanoi Convention.")
    assert not touched(doc, 0, caption_end)
    assert_well_formed(doc)


def test_seed_003_layout_words_and_source_line(in_repo: Path) -> None:
    doc = load_document(SEED_003)
    raw = SEED_003.read_text(encoding="utf-8")
    assert doc.outlet == "VNA"
    assert doc.date is None
    texts = furniture_texts(doc)
    assert "leftcenterrightdel" in texts
    assert texts[-1] == "Source: VNA"
    caption = "Prime Minister Pham Minh Chinh and U.N. Secretary-General"
    start = raw.index(caption)
    assert not touched(doc, start, start + len(caption))
    assert_well_formed(doc)


def test_seed_furniture_never_touches_claims(in_repo: Path) -> None:
    for document in load_sources(["seeds"]):
        assert isinstance(document, Document)
        for figure in ("69 countries", "110", "1,000 delegates", "12.5 billion AUD"):
            position = document.text.find(figure)
            if position >= 0:
                assert not touched(document, position, position + len(figure))


def test_load_sources_seeds_in_order(in_repo: Path) -> None:
    results = list(load_sources(["seeds"]))
    assert all(isinstance(r, Document) for r in results)
    assert [r.source for r in results if isinstance(r, Document)] == [
        f"seeds/{p.name}" for p in sorted(SEEDS.glob("*.txt"))
    ]


# --------------------------------------------------------------------------- batches


def test_load_sources_reports_errors_and_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a_empty.txt").write_bytes(b"")
    Path("b_bin.txt").write_bytes(b"\x00\x01")
    Path("c_bad.txt").write_bytes(b"\xff")
    Path("d_good.txt").write_text("Fine text.", encoding="utf-8")
    Path("e_big.txt").write_text("y" * 50, encoding="utf-8")
    results = list(load_sources([".", "missing.md"], max_bytes=20))
    errors = [r for r in results if isinstance(r, SourceError)]
    docs = [r for r in results if isinstance(r, Document)]
    assert [d.source for d in docs] == ["d_good.txt"]
    assert [(e.source, e.message.split(" ")[0]) for e in errors] == [
        ("a_empty.txt", "empty"),
        ("b_bin.txt", "binary"),
        ("c_bad.txt", "not"),
        ("e_big.txt", "file"),
        ("missing.md", "no"),
    ]
    assert all("\n" not in str(e) for e in errors)


def test_load_sources_turns_parser_crash_into_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.txt").write_text("hello", encoding="utf-8")

    def boom(source: str, raw_text: str, suffix: str) -> Document:
        raise ValueError("bad\nthing")

    monkeypatch.setattr("hanoicheck.sources.document.parse_document", boom)
    (result,) = load_sources([tmp_path])
    assert isinstance(result, SourceError)
    assert result.message == "cannot parse (ValueError: bad thing)"


# --------------------------------------------------------------------------- formats


def test_html_empty_and_suffixless_sniffing() -> None:
    assert parse_document("e.html", "", ".html").text == ""
    doc = parse_document("page", "<!DOCTYPE html><html><body><p>Hi.</p></body></html>", "")
    assert doc.text == "Hi."
    assert parse_document("notes", "<b>not a page</b>", "").text == "<b>not a page</b>"


def test_load_html_file(tmp_path: Path) -> None:
    (tmp_path / "page.HTML").write_text(PAGE, encoding="utf-8")
    (doc,) = load_sources([tmp_path])
    assert isinstance(doc, Document)
    assert doc.text.startswith("Big headline\n")
    assert doc.date == "2025-10-25"


def test_structured_date_wins_over_dateline_and_url() -> None:
    raw = "Date: 2025-10-20\nHANOI, Oct 25 (Reuters) - Talks.\nSource: https://x.com/2025/10/27/a\n"
    assert parse_document("x", raw, ".txt").date == "2025-10-20"
    raw = "HANOI, Oct 25 (Reuters) - Talks.\nSource: https://x.com/2025/10/27/a\n"
    assert parse_document("x", raw, ".txt").date == "2025-10-25"


# --------------------------------------------------------------------------- cost

# Lines built to make the patterns over them backtrack: sign-offs, datelines, source
# lines, captions, credits, month names, URLs, front matter; ``n`` sets the length.
PATHOLOGICAL: dict[str, Callable[[int], str]] = {
    "sign-off agencies": lambda n: "- " + "VNA/" * (n // 4) + " x",
    "sign-off capitals": lambda n: "- " + "A" * n + "a.",
    "sign-off words": lambda n: "- A " * n + "x.",
    "dateline place": lambda n: "A" * n + ", Oct 1x",
    "source spaces": lambda n: "Source: x" + " " * n + "y",
    "caption spaces": lambda n: "caption" + " " * n + "x |y",
    "photo credits": lambda n: "(Photo: " * n,
    "months": lambda n: "October " * n,
    "url": lambda n: "http://" + "a" * (10 * n),
    "front matter": lambda n: "---\n" + "a: b\n" * n,
}
SIZE = 20_000


@pytest.mark.parametrize("make", list(PATHOLOGICAL.values()), ids=list(PATHOLOGICAL))
def test_pathological_lines_cost_linear_work(make: Callable[[int], str]) -> None:
    """Parsing grows linearly with the line (a bound on work, not on time)."""
    texts = {n: make(n) for n in (SIZE, SIZE * FACTOR)}
    assert_linear(lambda n: parse_document("x", texts[n], ".md"), SIZE, "parsing the line")


def test_a_year_less_dateline_takes_its_year_from_the_update_line() -> None:
    """A reprint's "Updated: Sept 24, 2024" dates the wire copy it carries, whatever
    later years the story mentions ("the contract runs to 2028")."""
    text = (
        "Inland Courier | Updated: Sept 24, 2024 | Source: Cascade Wire\n\n"
        "SEATTLE, Sept 23 (Cascade Wire) - Boeing put a final offer to its machinists on "
        "Monday; the contract would run until Sept. 12, 2028.\n"
    )
    document = parse_document("reprint.txt", text, ".txt")
    assert (document.date, document.date_source) == ("2024-09-23", "dateline")


def test_a_reprinted_wire_story_is_dated_by_its_dateline() -> None:
    """A wire story filed "SEVILLE, June 30" and reprinted the next day was written on
    June 30: its "on Monday" is that day, whatever the reprint's publication line."""
    text = (
        "HARBOUR DAILY | Story 4412 | Published 01/07/2025\n"
        "World | Business\n\n"
        "Aid summit opens without Washington\n\n"
        "Source: Plains Wire\n\n"
        "SEVILLE, June 30 (Plains Wire) - The conference opened on Monday.\n"
    )
    document = parse_document("reprint.txt", text, ".txt")
    assert (document.date, document.date_source) == ("2025-06-30", "dateline")


def test_a_dateline_far_before_its_publication_line_is_not_the_filing_day() -> None:
    text = "Published 20 July 2025\n\nSEVILLE, June 30 (Plains Wire) - The conference opened.\n"
    document = parse_document("late.txt", text, ".txt")
    assert (document.date, document.date_source) == ("2025-07-20", "byline")


@pytest.mark.parametrize(
    ("line", "day"),
    [
        # the story's days are in June and July: 1 July, not January 7
        ("Published 01/07/2025", "2025-07-01"),
        # a day first above 12 leaves no choice
        ("Published 30/06/2025", "2025-06-30"),
    ],
)
def test_an_ambiguous_numeric_publication_date_takes_the_month_of_the_story(
    line: str, day: str
) -> None:
    text = f"HARBOUR DAILY | {line}\n\nDelegates met on June 30 and the talks end on July 3.\n"
    assert parse_document("a.txt", text, ".txt").date == day
