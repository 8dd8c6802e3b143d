"""The one interval rule: hedge bands, rounding, empty intervals, and what exports show.

A hedged figure's interval is decided once, at extraction, by
:func:`hanoicheck.intervals.hedged`; the reconciler compares exactly what the claim
holds, so the report and every export can never disagree about a band.
"""

from __future__ import annotations

import csv
import io
import json
import math
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from typer.testing import CliRunner

from hanoicheck.cli import app
from hanoicheck.extract.pipeline import extract_text
from hanoicheck.intervals import (
    Bounds,
    Tolerance,
    all_have_years,
    bounds_of,
    hedged,
    numeric_bounds,
    rounding_unit,
    span_bounds,
)
from hanoicheck.model import Interval, Kind, Qualifier

runner = CliRunner()


@pytest.mark.parametrize(
    ("value", "unit"),
    [(110, 10), (80_000, 10_000), (7, 1), (2.5, 0.1), (1.25, 0.01), (1.5e9, 1e8), (0, 1)],
)
def test_rounding_unit_is_the_place_of_the_last_written_digit(value: float, unit: float) -> None:
    assert rounding_unit(value) == pytest.approx(unit)


@pytest.mark.parametrize(
    ("value", "qualifier", "low", "high"),
    [
        (110, Qualifier.ABOUT, 104.5, 115.5),  # 5% beats half of 10
        (80_000, Qualifier.ABOUT, 75_000, 85_000),  # rounded to the nearest 10,000
        (100, Qualifier.ABOUT, 90, 110),  # the rounding band is capped at 10%
        (60, Qualifier.NEARLY, 55, 60),
        (2.5, Qualifier.NEARLY, 2.375, 2.5),
    ],
)
def test_bands(value: float, qualifier: Qualifier, low: float, high: float) -> None:
    interval = hedged(value, qualifier)
    assert (interval.low, interval.high) == (pytest.approx(low), pytest.approx(high))
    assert interval.high_inclusive is (qualifier is not Qualifier.NEARLY)


def test_some_has_its_own_wider_band() -> None:
    assert hedged(210, Qualifier.ABOUT, hedge="some").low == pytest.approx(189)
    assert hedged(210, Qualifier.ABOUT, hedge="about").low == pytest.approx(199.5)
    assert hedged(210, Qualifier.ABOUT, Tolerance(some=0.3), "Some").low == pytest.approx(147)


@pytest.mark.parametrize("fraction", [0, 0.0, 1, 1.5, -0.1])
def test_a_band_of_zero_or_of_the_whole_figure_is_refused(fraction: float) -> None:
    with pytest.raises(ValueError, match="above 0 and below 1"):
        Tolerance(nearly=fraction)


@pytest.mark.parametrize(
    "args",
    [
        (2.5, 2.5, 2.5, True, False),  # [2.5, 2.5): what nearly = 0 used to build
        (3.0, 4.0, 2.0, True, True),  # low above high
        (1.0, 1.0, 1.0, False, True),
        (float("nan"), 1.0, 2.0, True, True),
    ],
)
def test_the_model_refuses_empty_intervals(args: tuple[float, float, float, bool, bool]) -> None:
    with pytest.raises(ValueError):
        Interval(*args)


finite = st.floats(min_value=-1e12, max_value=1e12, allow_nan=False)


# Finite figures, the infinities a 400-digit figure parses to, and huge integers.
FIGURES = (
    finite
    | st.sampled_from([math.inf, -math.inf])
    | st.floats(allow_nan=False)
    | st.integers(-(10**30), 10**30)
)


@example(math.inf, math.inf, None, False, False)  # "more than 1e400"
@example(-math.inf, None, -math.inf, False, False)
@given(
    nominal=st.none() | FIGURES,
    low=st.none() | FIGURES,
    high=st.none() | FIGURES,
    low_inclusive=st.booleans(),
    high_inclusive=st.booleans(),
)
def test_every_interval_the_model_holds_is_non_empty(
    nominal: float | None,
    low: float | None,
    high: float | None,
    low_inclusive: bool,
    high_inclusive: bool,
) -> None:
    """Built or refused: a held interval always contains at least one value, and so do
    the bounds the reconciler compares ("more than 1e400" held inf..inf, open, and the
    side-building loop never ended on it)."""
    try:
        interval = Interval(nominal, low, high, low_inclusive, high_inclusive)
    except ValueError:
        return
    bounds = bounds_of_interval(interval)
    assert bounds[0] < bounds[1] or (bounds[0] == bounds[1] and low_inclusive and high_inclusive)
    compared = numeric_bounds(interval)  # Bounds refuses to be empty
    assert compared.overlaps(compared)


ISO_DAYS = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)).map(date.isoformat)
DAYS = ISO_DAYS | ISO_DAYS.map(lambda iso: "--" + iso[5:])  # with a year, or without


@given(
    low=st.none() | DAYS,
    high=st.none() | DAYS,
    low_inclusive=st.booleans(),
    high_inclusive=st.booleans(),
)
def test_every_date_interval_the_model_holds_is_non_empty_in_every_comparison(
    low: str | None, high: str | None, low_inclusive: bool, high_inclusive: bool
) -> None:
    """A held date interval overlaps itself however it is compared: by ordinal, or by
    day of the year when one side has no year (a held "December 30, 2025 to January 2,
    2026" once gave the year-less day span 402..33, which nothing, not even itself,
    overlapped: the side-building loop never ended)."""
    try:
        interval = Interval(low, low, high, low_inclusive, high_inclusive, Qualifier.RANGE)
    except ValueError:
        return
    (claim,) = extract_text("The summit opened on October 25, 2025.")
    claim = replace(claim, kind=Kind.DATE, value=interval)
    modes = [False] + ([True] if all_have_years([claim]) else [])
    for with_year in modes:
        bounds = bounds_of(claim, with_year)
        assert bounds.overlaps(bounds)


@example(10**30 // 2 - 1, 10**30 // 2, False, False)  # two integers, one float
@given(
    low=st.floats(allow_nan=False) | st.integers(-(10**30), 10**30),
    high=st.floats(allow_nan=False) | st.integers(-(10**30), 10**30),
    low_inclusive=st.booleans(),
    high_inclusive=st.booleans(),
)
def test_bounds_are_never_empty(
    low: float, high: float, low_inclusive: bool, high_inclusive: bool
) -> None:
    """Built or refused, like intervals: the reconciler's loops rely on it."""
    try:
        bounds = Bounds(float(low), float(high), low_inclusive, high_inclusive)
    except ValueError:
        # compared as the floats the bounds hold: 10**30 - 1 and 10**30 are one float
        low_f, high_f = float(low), float(high)
        assert low_f > high_f or (low_f == high_f and not (low_inclusive and high_inclusive))
        return
    assert bounds.overlaps(bounds)


def test_a_span_over_new_year_compares_without_years() -> None:
    assert span_bounds("2025-12-30/2026-01-02", with_year=False).overlaps(
        span_bounds("--12-31", with_year=False)
    )


def bounds_of_interval(interval: Interval[float]) -> tuple[float, float]:
    low = -math.inf if interval.low is None else interval.low
    high = math.inf if interval.high is None else interval.high
    return low, high


@given(
    value=st.floats(min_value=0, max_value=1e15, allow_nan=False),
    qualifier=st.sampled_from(Qualifier),
    about=st.floats(min_value=1e-6, max_value=0.99),
    nearly=st.floats(min_value=1e-6, max_value=0.99),
)
def test_every_hedged_figure_holds_its_nominal_or_borders_it(
    value: float, qualifier: Qualifier, about: float, nearly: float
) -> None:
    interval = hedged(value, qualifier, Tolerance(about, nearly))  # never raises
    low, high = bounds_of_interval(interval)
    assert low <= value <= high


ARTICLES = {
    "a.txt": "LIMA, March 3, 2025 (Andes Wire) - About 80,000 fans saw the final on Sunday.\n",
    "b.txt": "LIMA, March 3, 2025 (Pacific Post) - About 90,000 fans saw the final on Sunday.\n",
    "c.txt": "LIMA, March 3, 2025 (Quito Daily) - About 100 people were hurt on Sunday.\n",
    "d.txt": "LIMA, March 3, 2025 (Lima Times) - 125 people were hurt on Sunday.\n",
}


def _corpus(tmp_path: Path, config: str = "") -> Path:
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, "utf-8")
    if config:
        (tmp_path / "hanoicheck.toml").write_text(config, "utf-8")
    return tmp_path


def _exported(tmp_path: Path) -> dict[str, tuple[float, float]]:
    """quote -> (low, high) as every claim export writes it; all exports must agree."""
    jsonl = runner.invoke(app, ["extract", str(tmp_path), "-f", "jsonl"])
    table = runner.invoke(app, ["extract", str(tmp_path), "-f", "csv"])
    assert jsonl.exit_code == 0 and table.exit_code == 0, jsonl.output + table.output
    from_jsonl = {
        c["quote"]: (c["value"]["low"], c["value"]["high"])
        for c in map(json.loads, jsonl.stdout.splitlines())
        if c["kind"] != "date"
    }
    from_csv = {
        row["quote"]: (float(row["low"]), float(row["high"]))
        for row in csv.DictReader(io.StringIO(table.stdout))
        if row["kind"] != "date"
    }
    assert from_jsonl == from_csv
    return from_jsonl


def _sides(tmp_path: Path) -> list[list[list[str]]]:
    """Each group's sides, as lists of quotes, from ``conflicts --all -f json``."""
    result = runner.invoke(app, ["conflicts", str(tmp_path), "--all", "-f", "json"])
    assert result.exit_code == 0, result.output
    groups = json.loads(result.stdout)
    quotes = {c["id"]: c["quote"] for g in groups for c in g["claims"]}
    return [
        [[quotes[i] for i in p["claims"]] for p in g["positions"]]
        for g in groups
        if g["kind"] != "date"
    ]


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _check_consistent(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two figures share a side exactly when their exported intervals overlap."""
    monkeypatch.chdir(tmp_path)
    exported = _exported(tmp_path)
    for group in _sides(tmp_path):
        quotes = [q for side in group for q in side]
        for one in quotes:
            for other in quotes:
                same_side = any(one in side and other in side for side in group)
                assert same_side == _overlap(exported[one], exported[other]), (one, other)


def test_about_80000_and_about_90000_read_the_same_in_report_and_exports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _corpus(tmp_path)
    _check_consistent(tmp_path, monkeypatch)
    exported = _exported(tmp_path)
    assert exported["About 80,000 fans"] == (75_000, 85_000)
    assert exported["About 90,000 fans"] == (85_000, 95_000)


def test_a_configured_tolerance_reaches_extraction_and_the_verdict_alike(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _corpus(tmp_path, "[tolerances]\nabout = 0.2\n")
    _check_consistent(tmp_path, monkeypatch)
    exported = _exported(tmp_path)
    assert exported["About 100 people"] == (80, 120)  # and so not the side of 125
    assert ["125 people"] in [side for group in _sides(tmp_path) for side in group]


def test_bounds_of_reads_the_claim_as_it_is(tmp_path: Path) -> None:
    from hanoicheck.extract.pipeline import extract_text

    (claim,) = extract_text("Nearly 60 countries signed.", document_date="2025-10-25")
    bounds = bounds_of(claim)
    assert (bounds.low, bounds.high, bounds.high_inclusive) == (55, 60, False)
