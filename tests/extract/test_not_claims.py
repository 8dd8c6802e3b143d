"""Numbers that are not claims must not come out as claims."""

from __future__ import annotations

import pytest

from hanoicheck.extract.pipeline import extract_text


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
