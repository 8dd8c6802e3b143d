"""Properties of the extractors and the interval logic, on generated text.

Whatever the text: extraction never raises; every claim's quote is exactly
``text[start:end]`` and its line/column point at it; every interval is well-formed
(``low <= high``, the nominal value inside the closed hull of the bounds); loading never
raises anything but a one-line :class:`SourceReadError`; furniture spans are sorted,
disjoint and inside the text. ``--hypothesis-show-statistics`` prints how many
examples each property ran (``max_examples`` is set explicitly below).
"""

from __future__ import annotations

import math
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hanoicheck.extract import context
from hanoicheck.extract.dates import find_dates
from hanoicheck.extract.numbers import find_figures
from hanoicheck.extract.pipeline import extract_text, line_starts
from hanoicheck.formats import ClaimFormat, render_claims
from hanoicheck.intervals import Tolerance, hedged
from hanoicheck.model import Claim, Interval, Kind, Qualifier
from hanoicheck.sources import SourceReadError, parse_document
from tests.robustness.strategies import any_text, document_dates, newsy_text

# deadline=None: the first call loads dateparser (about a second); no database: the
# test run must not write a .hypothesis directory into the working tree.
PROPERTY = settings(deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])


def assert_well_formed(value: Interval[Any]) -> None:
    """``low <= high`` and ``nominal`` within the closed hull of the bounds."""
    low, high, nominal = value.low, value.high, value.nominal
    if low is not None and high is not None:
        assert low <= high, value
    if nominal is not None:
        assert low is None or low <= nominal, value
        assert high is None or nominal <= high, value
    if value.qualifier is Qualifier.EXACT:
        assert low == high == nominal, value
    for bound in (low, high, nominal):
        assert not isinstance(bound, float) or math.isfinite(bound), value


def assert_claim_true_to_text(claim: Claim, text: str) -> None:
    assert 0 <= claim.start < claim.end <= len(text)
    assert claim.quote == text[claim.start : claim.end]
    starts = line_starts(text)
    assert starts[claim.line - 1] + claim.column - 1 == claim.start
    assert claim.quote.strip() in claim.sentence or len(claim.sentence) >= context.MAX_SENTENCE
    assert_well_formed(claim.value)
    if claim.kind is Kind.DATE:
        # a date is a day or a range of days; "until 18 June" and "since May 6" leave one
        # end open
        ends = (claim.value.low, claim.value.high)
        assert all(isinstance(b, str) or b is None for b in ends) and any(ends)
    else:
        assert claim.value.nominal is not None and claim.value.nominal > 0


@settings(PROPERTY, max_examples=400)
@given(text=any_text, date=document_dates)
def test_extraction_never_raises_and_quotes_are_true(text: str, date: str | None) -> None:
    claims = extract_text(text, document_date=date)
    for claim in claims:
        assert_claim_true_to_text(claim, text)
    assert claims == sorted(claims, key=lambda c: (c.start, c.end))


@settings(PROPERTY, max_examples=300)
@given(text=newsy_text)
def test_claims_survive_every_format_and_the_dict_round_trip(text: str) -> None:
    claims = extract_text(text, document_date="2025-10-26")
    for claim in claims:
        assert Claim.from_dict(claim.to_dict()) == claim
    for fmt in (ClaimFormat.TABLE, ClaimFormat.JSONL, ClaimFormat.CSV):
        rendered = render_claims(claims, fmt)
        if fmt is ClaimFormat.TABLE:
            assert not any(ord(ch) < 32 and ch != "\n" for ch in rendered)


@settings(PROPERTY, max_examples=500)
@given(text=any_text)
def test_figures_have_well_formed_intervals_and_spans(text: str) -> None:
    for figure in find_figures(text):
        assert 0 <= figure.start <= figure.number_start < figure.number_end <= figure.end
        assert figure.end <= len(text)
        assert_well_formed(figure.value)


@settings(PROPERTY, max_examples=500)
@given(
    value=st.floats(min_value=1e-6, max_value=1e15, allow_nan=False),
    qualifier=st.sampled_from(Qualifier),
    about=st.floats(min_value=1e-9, max_value=0.99),
    nearly=st.floats(min_value=1e-9, max_value=0.99),
)
def test_hedged_intervals_are_well_formed(
    value: float, qualifier: Qualifier, about: float, nearly: float
) -> None:
    interval = hedged(value, qualifier, Tolerance(about, nearly))
    assert_well_formed(interval)
    assert interval.nominal == value


@settings(PROPERTY, max_examples=400)
@given(text=any_text, date=document_dates)
def test_dates_are_ordered_day_intervals(text: str, date: str | None) -> None:
    for mention in find_dates(text, 0, len(text), date):
        assert 0 <= mention.start < mention.end <= len(text)
        assert_well_formed(mention.value)
        low, high = mention.value.low, mention.value.high
        assert low is not None or high is not None  # "until 18 June" leaves one end open
        if low is not None and high is not None:
            assert len(low) == len(high) and low[:2] == high[:2]  # same ISO form


@settings(PROPERTY, max_examples=400)
@given(text=any_text, suffix=st.sampled_from([".txt", ".md", ".html", ".htm", "", ".xyz"]))
def test_parsing_never_raises_and_furniture_is_well_formed(text: str, suffix: str) -> None:
    try:
        document = parse_document("f", text, suffix)
    except SourceReadError as error:  # the only allowed failure: one line, naming the file
        assert error.source == "f" and "\n" not in error.message
        return
    if suffix not in (".html", ".htm") and not document.text.startswith("<"):
        assert document.text == text.removeprefix("\ufeff")
    previous = -1
    for span in document.furniture:
        assert previous < span.start < span.end <= len(document.text)
        previous = span.end


@settings(PROPERTY, max_examples=300)
@given(
    text=any_text,
    bounds=st.lists(st.tuples(st.integers(0, 300), st.integers(1, 12)), max_size=25),
    figure=st.tuples(st.integers(0, 300), st.integers(1, 20)),
    limit=st.integers(0, 400),
)
def test_windowed_nearest_cue_equals_the_full_scan(
    text: str, bounds: list[tuple[int, int]], figure: tuple[int, int], limit: int
) -> None:
    """The bisect window of ``context.nearest`` never changes which cue wins."""
    cues: list[context.Cue] = []
    position = 0
    for gap, length in bounds:  # in text order, non-overlapping, as find_cues returns
        start = position + gap
        cues.append(context.Cue("conference" if gap % 3 else "x", start, start + length, "c"))
        position = start + length
    start, length = figure

    def full_scan() -> context.Cue | None:
        best: tuple[int, int, context.Cue] | None = None
        for cue in cues:
            raw = context.distance(text, start, start + length, cue.start, cue.end)
            d = raw + (30 if cue.label == "conference" else 0)
            if raw <= limit and (best is None or (d, -(cue.end - cue.start)) < best[:2]):
                best = (d, -(cue.end - cue.start), cue)
        return best[2] if best else None

    assert context.nearest(text, cues, start, start + length, limit) == full_scan()


@settings(PROPERTY, max_examples=300)
@given(text=st.text(alphabet=st.sampled_from("ab .!?\n,"), min_size=0, max_size=6000))
def test_sentences_cover_the_paragraph_in_order_and_are_bounded(text: str) -> None:
    spans = context.sentences(text, 0, len(text))
    previous = 0
    for span in spans:
        assert previous <= span.start < span.end <= len(text)
        assert span.end - span.start <= context.MAX_SENTENCE
        previous = span.end
    covered = "".join(text[s.start : s.end] for s in spans)
    assert covered.split() == text.split()


def test_a_long_sentence_is_cut_at_whitespace() -> None:
    text = "word " * 1000  # 5,000 characters, no full stop
    spans = context.sentences(text, 0, len(text))
    assert len(spans) == 3
    assert all(text[s.end - 1] == " " for s in spans[:-1])
    assert spans[0].start == 0 and spans[-1].end == len(text)
