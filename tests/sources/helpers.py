"""Shared paths and span checks of the sources tests.

The seed articles in ``seeds/`` are real scraped pages with real furniture, so they pin
the behaviour that matters most; everything else is built in ``tmp_path`` or in memory.
"""

from __future__ import annotations

from pathlib import Path

from hanoicheck.model import Document, Span

REPO = Path(__file__).resolve().parent.parent.parent
SEEDS = REPO / "seeds"


def furniture_texts(doc: Document) -> list[str]:
    return [doc.text[span.start : span.end] for span in doc.furniture]


def covered(doc: Document, start: int, end: int) -> bool:
    """Whether every character of ``[start, end)`` is inside some furniture span."""
    return all(any(s.start <= i < s.end for s in doc.furniture) for i in range(start, end))


def touched(doc: Document, start: int, end: int) -> bool:
    """Whether any character of ``[start, end)`` is inside some furniture span."""
    return any(s.start < end and start < s.end for s in doc.furniture)


def assert_well_formed(doc: Document) -> None:
    previous_end = -1
    for span in doc.furniture:
        assert isinstance(span, Span)
        assert 0 <= span.start < span.end <= len(doc.text)
        assert span.start > previous_end
        previous_end = span.end
