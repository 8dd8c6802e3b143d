"""Numbers that are not claims must not come out as claims."""

from __future__ import annotations

import pytest

from hanoicheck.extract.pipeline import extract_document, extract_text
from hanoicheck.sources import parse_document


@pytest.mark.parametrize(
    "text",
    [
        "Call +41 22 917 1234 for details.",
        "Call (028) 3822 1234 for details.",
        "The office is at 12 Rue de Lausanne.",
        "Under Article 40 of the treaty, states cooperate.",
        "Resolution 2719 was cited.",
        "It was the 48th session and the second day.",
        "Talks resumed at 10:30 a.m. and ended at 17:45.",
        "The 2030 Agenda and Vision 2045 were cited.",
        "See https://example.org/2025/10/25/story-123 for more.",
        "No country can act alone; not a single nation objected.",
        "It is one of the most pressing issues.",
        "Inflation rose 3.4% and 12 per cent.",
        "The G20 and COVID-19 response were discussed.",
    ],
)
def test_not_claims(text: str) -> None:
    assert [c.quote for c in extract_text(text, document_date="2025-10-25")] == []


def test_small_counts_in_words_are_claims_when_they_count_something() -> None:
    (claim,) = extract_text("He proposed five key measures.")
    assert (claim.quote, claim.value.nominal, claim.subject.noun) == (
        "five key measures",
        5,
        "measures",
    )


def test_furniture_is_not_read() -> None:
    from hanoicheck.extract.pipeline import extract_document
    from hanoicheck.model import Document, Span

    text = "Some 30 boats sank.\nPhoto credit 45 photographers"
    doc = Document(source="x.txt", text=text, furniture=(Span(20, len(text)),))
    assert [c.quote for c in extract_document(doc)] == ["Some 30 boats"]


@pytest.mark.parametrize(
    "text",
    [
        "A magnitude 6.0 earthquake struck at a depth of 10 km.",
        "A 5.5-magnitude aftershock hit 27 kilometres from the city.",
        "The quake struck at 1917 GMT and again at 6:05 pm.",
        "Fire gutted a 12-storey block.",
        "Follow #flood2025 and https://news.example/2025/09/live-12 for updates.",
        "In pictures: 10 photos from the march.",
        "Call +44 20 7946 0958, (020) 7946 0958 or 01 23 45 67 89.",
        "The victim, a 35-year-old teacher, and a man aged 40 were named.",
        "Lecornu, 39, has dropped the idea.",
        "Nearly one teacher in six was on strike; unions said one in three.",
        "Metro traffic is thin except on lines 1, 4 and 14.",
        "We will be back at 8am with day two.",
        "Inflation rose 3.4% and 12 per cent.",
        "The rally was organized by SEIU Local 721.",
    ],
)
def test_news_numbers_that_are_not_claims(text: str) -> None:
    assert [c.quote for c in extract_text(text, document_date="2025-09-04")] == []


def test_publication_lines_are_not_claims() -> None:
    """Read as a file is (the sources stage marks bylines as furniture)."""
    text = (
        "By Claire Martin | Published 3 October 2025\n\n"
        "Posted Thursday, September 18, 2025 at 9:02 pm\n"
    )
    document = parse_document("a.txt", text, ".txt")
    assert document.date == "2025-10-03"
    assert extract_document(document) == []
