"""Tests of hanoicheck.sources.bylines: datelines, agencies and publication dates."""

from __future__ import annotations

import pytest

from hanoicheck.model import Span
from hanoicheck.sources import parse_document
from hanoicheck.sources.bylines import is_agency, parse_date_value
from tests.sources.helpers import furniture_texts, touched


def test_metadata_date_line_variants() -> None:
    doc = parse_document("x", "Title\nDate: 2025-10-25\n\nBody text.\n", ".txt")
    assert doc.date == "2025-10-25"
    assert furniture_texts(doc) == ["Date: 2025-10-25"]
    doc = parse_document("x", "date 2025-10-25 HANOI - Body.\n", ".txt")
    assert doc.date == "2025-10-25"
    assert furniture_texts(doc) == ["date 2025-10-25"]
    # past the first five lines it is no "date:" metadata line, but a line that is a
    # date and nothing else, near the head, is still the article's publication line
    late = "1\n2\n3\n4\n5\ndate: 2025-10-25\n"
    doc = parse_document("x", late, ".txt")
    assert (doc.date, doc.date_source) == ("2025-10-25", "byline")
    deep = (
        "\n".join(f"Line {i} of the story." for i in range(30))
        + "\ndate: 2025-10-25\n"
        + ("\n".join(f"More {i}." for i in range(10)))
    )
    assert parse_document("x", deep, ".txt").date is None  # mid-article: not a byline
    assert parse_document("x", "date: 2025-02-30\n", ".txt").date is None


@pytest.mark.parametrize(
    ("text", "date", "line"),
    [
        ("Title\nBy Jane Doe | Published 3 June 2025\n\nBody.", "2025-06-03", 2),
        ("Title\nPosted Tuesday, June 3, 2025 at 8:14 am\n\nBody.", "2025-06-03", 2),
        ("Title\nWorld desk \u00b7 2 June 2025\n\nBody.", "2025-06-02", 2),
        ("Title\nMetro Ledger | Story 48213 | Published 03/06/2025\n\nBody.", "2025-06-03", 2),
        ("Title\nMetro Ledger | Published 06/14/2025\n\nBody.", "2025-06-14", 2),
        (
            "Title\nTIDEWATER POST \u2014 Monday 2 June 2025 \u2014 Environment\n\nBody.",
            "2025-06-02",
            2,
        ),
        ("Title\n\nBody.\n\nUpdated: June 14, 2025", "2025-06-14", 5),
        ("Title\nUpdated: June 14, 2025\nPublished 12 June 2025\n\nBody.", "2025-06-12", 3),
    ],
)
def test_publication_lines_are_furniture_and_date_the_article(
    text: str, date: str, line: int
) -> None:
    doc = parse_document("x", text, ".txt")
    assert (doc.date, doc.date_source) == (date, "byline")
    lines = text.splitlines()
    assert lines[line - 1] in furniture_texts(doc)


def test_a_dateline_or_a_sentence_is_no_publication_line() -> None:
    doc = parse_document("x", "PARIS, Sept 18 (SWS) - Half a million marched.\n", ".txt")
    assert doc.date_source == "dateline"
    sentence = "Title\nThe treaty was signed on 3 June 2025 by forty countries in Geneva.\n"
    assert parse_document("x", sentence, ".txt").date is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-10-25T08:00:00+07:00", "2025-10-25"),
        ("'2025/10/25'", "2025-10-25"),
        ("October 25, 2025", "2025-10-25"),
        ("25th Oct. 2025", "2025-10-25"),
        ("Sept 3 2025", "2025-09-03"),
        ("2025-02-29", None),  # not a leap year
        ("2150-01-01", None),  # outside 1900-2100: a misread, not a publication date
        ("", None),
    ],
)
def test_parse_date_value(value: str, expected: str | None) -> None:
    assert parse_date_value(value) == expected


@pytest.mark.parametrize(
    ("first_line", "outlet", "month_day"),
    [
        ("HANOI, Oct 25 (Reuters) - Talks opened.", "Reuters", "10-25"),
        ("GENEVA, March 4 (AFP) \u2013 Talks opened.", "AFP", "03-04"),
        ("Hanoi, October 25 (VNA) - Talks opened.", "VNA", "10-25"),
        ("HO CHI MINH CITY, Sept. 3 (VNA) — Talks opened.", "VNA", "09-03"),
        ("LONDON, 4 Dec (Reuters) - Talks opened.", "Reuters", "12-04"),
    ],
)
def test_wire_dateline_without_year(first_line: str, outlet: str, month_day: str) -> None:
    doc = parse_document("x", f"{first_line}\nNo year anywhere.\n", ".txt")
    assert doc.date == f"--{month_day}"
    assert doc.outlet == outlet


def test_wire_dateline_year_from_text() -> None:
    raw = (
        "HANOI, Oct 25 (Reuters) - Signed in 2024 talks.\n"
        "The deal was adopted on December 24, 2024 and will be reviewed in May 2026.\n"
    )
    # filed after the past event it reports: Oct 25 following Dec 24, 2024 is in 2025
    assert parse_document("x", raw, ".txt").date == "2025-10-25"
    raw = "HANOI, Oct 25 (Reuters) - The October 2025 conference opened.\n"
    assert parse_document("x", raw, ".txt").date == "2025-10-25"
    raw = "HANOI, Oct 25 (Reuters) - Adopted 24 December 2024, reviewed in March 2026.\n"
    assert parse_document("x", raw, ".txt").date == "2025-10-25"
    raw = "HANOI, Oct 25 (Reuters) - Signed on October 2, 2025.\n"
    assert parse_document("x", raw, ".txt").date == "2025-10-25"
    raw = "CAN THO, Vietnam, March 4 (AFP) - Talks began on March 1, 2026.\n"
    doc = parse_document("x", raw, ".txt")
    assert (doc.date, doc.outlet) == ("2026-03-04", "AFP")
    assert doc.furniture[0].start == 0  # the dateline is not article text


def test_wire_dateline_year_from_url_and_explicit_year() -> None:
    raw = "HANOI, Oct 25 (Reuters) - Talks.\nSource: https://x.com/a-20251026101010.htm\n"
    doc = parse_document("x", raw, ".txt")
    assert doc.date == "2025-10-25"
    assert doc.outlet == "Reuters"
    raw = "HANOI, Oct 25, 2023 (Reuters) - Talks in November 2025.\n"
    assert parse_document("x", raw, ".txt").date == "2023-10-25"


def test_dateline_after_headline_and_not_in_prose() -> None:
    raw = "# Deal signed\n\nHANOI, Oct 25 (Reuters) - Talks.\n"
    assert parse_document("x", raw, ".md").date == "--10-25"
    prose = "Officials said that on October 25 (local time) - unusually - talks began.\n"
    doc = parse_document("x", prose, ".txt")
    assert (doc.date, doc.outlet) == (None, None)


def test_dateline_leap_day_without_year() -> None:
    doc = parse_document("x", "GENEVA, Feb 29 (AFP) - Talks.\nNo year anywhere.\n", ".txt")
    assert doc.date == "--02-29"
    doc = parse_document("x", "GENEVA, Feb 30 (AFP) - Talks.\nNo year anywhere.\n", ".txt")
    assert doc.date is None


def test_url_dates_validated() -> None:
    raw = "See https://x.com/a-20251399101010.htm and https://x.com/1985/01/02/a\n"
    assert parse_document("x", raw, ".txt").date is None
    raw = "See https://x.com/news/2025/10/24/a-story\n"
    assert parse_document("x", raw, ".txt").date == "2025-10-24"


def test_agency_names() -> None:
    assert is_agency("VNA") and is_agency(" AFP ") and is_agency("VnExpress")
    assert is_agency("Reuters") and is_agency("Xinhua")
    assert not is_agency("Hanoi") and not is_agency("reuters")


def test_markdown_front_matter() -> None:
    raw = (
        "---\n"
        'title: "Hanoi Convention"\n'
        "date: 2025-10-25T09:00:00+07:00\n"
        "source: Tuoi Tre\n"
        "url: https://tuoitre.vn/a.htm\n"
        "---\n"
        "# Hanoi Convention\n\n"
        "Delegates from 72 countries attended.\n"
    )
    doc = parse_document("a.md", raw, ".md")
    assert doc.text == raw
    assert (doc.date, doc.outlet, doc.url) == ("2025-10-25", "Tuoi Tre", "https://tuoitre.vn/a.htm")
    assert doc.furniture[0] == Span(0, raw.index("---\n#") + 3)
    body = raw.index("72 countries")
    assert not touched(doc, body, body + 12)


def test_front_matter_outlet_and_canonical_keys() -> None:
    raw = (
        "---\npublisher: Nhan Dan\ncanonical: https://nhandan.vn/x\n"
        "published: '2025-10-24'\n...\nText.\n"
    )
    doc = parse_document("a.md", raw, ".markdown")
    assert (doc.outlet, doc.url, doc.date) == ("Nhan Dan", "https://nhandan.vn/x", "2025-10-24")


def test_front_matter_keys_in_priority_order() -> None:
    raw = (
        "---\npublisher: Nhan Dan\noutlet: ''\nsource: VNA\n"
        "canonical: https://nhandan.vn/x\nurl: https://vna.vn/y\n"
        "published_at: 2025-10-20\npubdate: 2025-10-22\n---\nText.\n"
    )
    doc = parse_document("a.md", raw, ".md")
    assert (doc.outlet, doc.url, doc.date) == ("VNA", "https://vna.vn/y", "2025-10-22")


def test_a_year_less_dateline_ignores_another_months_history() -> None:
    """ "when Hurricane Beryl struck in July 2024" is history: an "Oct 27" dateline is
    not dated by it (its story's articles give the year instead)."""
    raw = (
        "KINGSTON, Oct 27 (Windward Wire) - The storm strengthened on Monday.\n"
        "Cover is larger than when Hurricane Beryl struck in July 2024.\n"
    )
    assert parse_document("x", raw, ".txt").date == "--10-27"


def test_a_dateline_filed_from_two_places() -> None:
    raw = "KINGSTON/PORT-AU-PRINCE, Oct 31 (Windward Wire) - At least 55 people have died.\n"
    document = parse_document("x", raw, ".txt")
    assert (document.date, document.outlet) == ("--10-31", "Windward Wire")
    assert document.furniture  # the dateline is no claim
