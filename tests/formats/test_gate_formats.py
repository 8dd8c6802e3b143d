"""``hanoicheck check`` formats: text, GitHub workflow commands, JSON and SARIF."""

from __future__ import annotations

from pathlib import Path

from hanoicheck.api import extract_paths
from hanoicheck.formats import GateFormat
from hanoicheck.formats.gate_formats import (
    RENDERERS,
    baseline_line,
    escape_data,
    escape_property,
    gate_formatter,
    render_gate,
    verdict_line,
)
from hanoicheck.gate import Baseline, evaluate
from hanoicheck.reconcile import Severity, reconcile
from tests.gold import ROOT


def test_escaping() -> None:
    assert escape_data("100%\r\nx") == "100%25%0D%0Ax"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"


def test_every_gate_format_has_exactly_one_formatter() -> None:
    assert set(RENDERERS) == set(GateFormat)
    formatters = [gate_formatter(fmt) for fmt in GateFormat]  # ends in assert_never
    assert all(callable(f) for f in formatters) and len(set(formatters)) == len(GateFormat)
    result = evaluate(reconcile(extract_paths([ROOT / "seeds"]).claims), None, None)
    for fmt in GateFormat:
        assert render_gate(result, fmt) == RENDERERS[fmt](result) != ""


def test_verdict_and_baseline_lines() -> None:
    reconciliation = reconcile(extract_paths([ROOT / "seeds"]).claims)
    everything = evaluate(reconciliation, None, None, Severity.WARNING)
    assert verdict_line(everything) == "hanoicheck: 1 error and 2 warnings in the corpus; exit 1"
    nothing_new = evaluate(reconciliation, set(), None)
    assert verdict_line(nothing_new) == (
        "hanoicheck: no conflicts at or above error in new files; exit 0"
    )
    full = Baseline.from_reconciliation(reconciliation)
    assert baseline_line(full, Path("b.json")) == (
        "hanoicheck: baseline of 3 conflicts written to b.json"
    )
    assert baseline_line(Baseline(full.entries[:1]), Path("b.json")).endswith(
        " 1 conflict written to b.json"
    )
