"""Hypothesis strategies: random Unicode, and "newsy" text that reaches deep code paths.

Pure random Unicode mostly exercises the "no figure here" paths; a fuzzer that only
sends noise never reaches the hedge, range, currency and date logic. ``newsy_text``
therefore mixes tokens of the grammar the extractors read (numbers in digits and words,
hedges, scale words, currencies, months, weekdays, counted nouns, abbreviations,
markup, control characters) with random Unicode between them.
"""

from __future__ import annotations

from hypothesis import strategies as st

TOKENS = (
    "more than", "about", "nearly", "up to", "at least", "between", "from", "and", "to",
    "or more", "-", "\u2013", "plus", "+", "110", "1,000", "83.5", "0", "00", "2025",
    "sixty-nine", "one hundred", "a dozen", "thousands of", "million", "bn", "m", "k",
    "$", "US$", "A$", "AUD", "EUR", "\u20ac", "dong", "yen", "countries", "delegates",
    "ships", "signed", "attended", "said", "according to", "Oct", "October", "25",
    "25th", "Saturday", "yesterday", "Mr.", "U.N.", ".", ",", ";", "!", "?", "(", ")",
    "\n", "\r\n", " ", "  ", "\t", "Article", "No.", "%", "per cent", "10:30", "a.m.",
    "https://x.com/2025/10/25/a", "a@b.com", "+84 24 1234 5678", "[bold red]", "\x1b[31m",
    "\x00", "\u200b", "\u2028", "\ufeff", "Source: VNA", "\u2014 VNA/VNS", "(Photo: VNA)",
    "HANOI, Oct 25 (VNA) -", "date: 2025-10-25", "will", "is expected to", "cost",
)  # fmt: skip

newsy_text = st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=4)), max_size=60).map(
    " ".join
)
"""Text from the extractors' own vocabulary, joined by spaces, with noise between."""

any_text = st.one_of(st.text(max_size=300), newsy_text)
"""Random Unicode (any code point hypothesis generates) or newsy text."""

document_dates = st.one_of(
    st.none(),
    st.dates().map(lambda d: d.isoformat()),
    st.sampled_from(["--10-25", "2025-02-30", "garbage", ""]),
)
"""A document's own date as it may arrive: ISO, year-less, invalid or missing."""
