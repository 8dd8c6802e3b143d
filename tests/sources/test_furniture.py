"""Tests of hanoicheck.sources.furniture: what on a page is marked as not the story."""

from __future__ import annotations

from hanoicheck.sources import parse_document
from tests.sources.helpers import assert_well_formed, furniture_texts


def test_crlf_lines_are_recognised() -> None:
    raw = "Some text.\r\nleftcenterrightdel\r\nComment (2)\r\n"
    doc = parse_document("x", raw, ".txt")
    assert doc.text == raw
    assert furniture_texts(doc) == ["leftcenterrightdel", "Comment (2)"]


def test_furniture_variants() -> None:
    raw = (
        "A caption here (PHOTO: Reuters) |\n"
        "right center\n"
        "Rightly so, the center held.\n"
        "Comments (12)\n"
        "The end./.\n"
    )
    doc = parse_document("x", raw, ".txt")
    assert furniture_texts(doc) == [
        "(PHOTO: Reuters) |",
        "right center",
        "Comments (12)",
        "./.",
    ]
    assert_well_formed(doc)


def test_photo_credit_forms() -> None:
    raw = (
        "Ships sank (File photo: Reuters). Boats came (ảnh: TTXVN).\n"
        "Leaders met (Photo by AFP). A map (Image courtesy of UNEP).\n"
        "He spoke (photography: none). They met (Photo credits 12).\n"
    )
    assert furniture_texts(parse_document("x", raw, ".txt")) == [
        "(File photo: Reuters)",
        "(ảnh: TTXVN)",
        "(Photo by AFP)",
        "(Image courtesy of UNEP)",
    ]


def test_markdown_table_pipes_are_not_furniture() -> None:
    raw = "| a | b |\n|---|---|\n| 1 | 2 |\n"
    assert parse_document("x", raw, ".md").furniture == ()


def test_sign_off_only_on_last_line() -> None:
    raw = "Talks began - UN said.\nMore text - AFP\n\nComment (0)\n"
    doc = parse_document("x", raw, ".txt")
    assert doc.outlet == "AFP"
    assert furniture_texts(doc) == ["- AFP", "Comment (0)"]
    assert parse_document("x", "He said it was fine - really.\n", ".txt").outlet is None


def test_long_source_line_is_prose() -> None:
    raw = "Source: " + "officials said that 69 countries signed the convention " * 3 + "\n"
    doc = parse_document("x", raw, ".txt")
    assert (doc.outlet, doc.furniture) == (None, ())


def test_sign_off_needs_agency_like_word() -> None:
    doc = parse_document("x", "The talks ended - Hanoi\n", ".txt")
    assert (doc.outlet, doc.furniture) == (None, ())
    doc = parse_document("x", "The talks ended. \u2014 Reuters ./.\n", ".txt")
    assert doc.outlet == "Reuters"
    assert furniture_texts(doc) == ["\u2014 Reuters ./."]


def test_source_line_name_and_url() -> None:
    doc = parse_document("x", "Text.\nSource: VnExpress (https://vnexpress.net/a-1.html)\n", ".txt")
    assert doc.outlet == "VnExpress"
    assert doc.url == "https://vnexpress.net/a-1.html"
    doc = parse_document("x", "Text.\nSource: https://www.example.org/2025/10/24/x\n", ".txt")
    assert (doc.outlet, doc.date) == ("example.org", "2025-10-24")


def test_source_line_in_vietnamese_and_the_last_one_wins() -> None:
    raw = "Chart source: UNDP\nSource: Reuters\nText.\nNguồn: TTXVN/VNA\n"
    doc = parse_document("x", raw, ".txt")
    assert doc.outlet == "TTXVN"
    assert furniture_texts(doc) == ["Source: Reuters", "Nguồn: TTXVN/VNA"]


def test_front_matter_only_in_markdown_and_closed() -> None:
    raw = "---\ndate: 2025-10-25\n---\nText.\n"
    # In a .txt file only the date line itself is metadata; the dashes stay text.
    assert furniture_texts(parse_document("a.txt", raw, ".txt")) == ["date: 2025-10-25"]
    unclosed = "---\ntitle: x\nText.\n"
    doc = parse_document("a.md", unclosed, ".md")
    assert doc.furniture == ()
