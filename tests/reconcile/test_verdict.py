"""Verdicts (:mod:`hanoicheck.reconcile.verdict`) on small articles written for these tests.

Hedges are intervals, a forecast is not a fact, a running total may grow: each test
states one rule an editor relies on when two sources give different figures.
"""

from __future__ import annotations

from hanoicheck.reconcile import Severity, Status
from tests.reconcile.conftest import Reconcile, group_with

SUMMIT = "the Lisbon Ocean Summit at the Belem Cultural Centre, hosted by Portugal"


def test_disjoint_hedges_conflict_and_overlapping_hedges_agree(reconcile_texts: Reconcile) -> None:
    result = reconcile_texts(
        {
            "a.txt": f"date: 2026-06-10\nMore than 110 countries attended {SUMMIT}.\n",
            "b.txt": f"date: 2026-06-10\nAbout 110 countries attended {SUMMIT}.\n",
            "c.txt": f"date: 2026-06-10\nDelegations from 100 countries attended {SUMMIT}.\n",
        }
    )
    group = group_with(result, "More than 110 countries", "100 countries", "About 110 countries")
    assert group is not None and group.status is Status.CONFLICT
    assert group.severity is Severity.ERROR
    sides = [{c.quote for c in p.claims} for p in group.positions]
    assert {"More than 110 countries", "About 110 countries"} in sides  # one side
    # a side is named by its most common wording; among equals, the most precise one
    assert group.consensus.text == "about 110 countries: 2 of 3 outlets"


def test_over_and_more_than_the_same_figure_agree(reconcile_texts: Reconcile) -> None:
    result = reconcile_texts(
        {
            "a.txt": f"date: 2026-06-10\nOver 1,000 delegates attended {SUMMIT}.\n",
            "b.txt": f"date: 2026-06-10\nMore than one thousand delegates attended {SUMMIT}.\n",
        }
    )
    group = group_with(result, "Over 1,000 delegates", "More than one thousand delegates")
    assert group is not None and group.status is Status.AGREED
    assert not result.conflicts


def test_a_forecast_against_a_report_is_only_a_warning(reconcile_texts: Reconcile) -> None:
    result = reconcile_texts(
        {
            "preview.txt": f"date: 2026-06-01\nThe meeting will bring together 300 delegates at {SUMMIT}.\n",
            "report.txt": f"date: 2026-06-11\nMore than 450 delegates attended {SUMMIT}.\n",
        }
    )
    (conflict,) = result.conflicts
    assert conflict.severity is Severity.WARNING
    assert "forecast" in conflict.finding.lower()


def test_a_running_total_may_grow_but_not_differ_at_the_same_time(
    reconcile_texts: Reconcile,
) -> None:
    grows = reconcile_texts(
        {
            "a.txt": "date: 2026-06-10\nBy the evening of June 9, 48 countries had signed the Lisbon Accord.\n",
            "b.txt": "date: 2026-06-11\nA total of 52 countries signed the Lisbon Accord on June 9-10.\n",
        }
    )
    assert not grows.conflicts
    # the same time: an error
    differs = reconcile_texts(
        {
            "a.txt": "date: 2026-06-10\nOn the morning of June 9, 69 countries signed the Lisbon Accord.\n",
            "b.txt": "date: 2026-06-10\nOn the morning of June 9, 65 countries signed the Lisbon Accord.\n",
        }
    )
    (conflict,) = differs.conflicts
    assert conflict.severity is Severity.ERROR
    # the day's count lower than the morning's: a signature is never taken back, so
    # the lower later figure is wrong
    lower = reconcile_texts(
        {
            "a.txt": "date: 2026-06-10\nOn the morning of June 9, 69 countries signed the Lisbon Accord.\n",
            "b.txt": "date: 2026-06-10\nOn June 9, 65 countries signed the Lisbon Accord.\n",
        }
    )
    (conflict,) = lower.conflicts
    assert conflict.severity is Severity.ERROR


def test_a_toll_reported_lower_later_is_a_possible_revision(reconcile_texts: Reconcile) -> None:
    # a death toll can be revised down (double counting): a warning that says so
    lower = reconcile_texts(
        {
            "a.txt": "date: 2026-06-10\nBy the morning of June 9, 69 people had been killed in the floods.\n",
            "b.txt": "date: 2026-06-10\nOn June 9, 65 people were killed in the floods.\n",
        }
    )
    (conflict,) = lower.conflicts
    assert conflict.severity is Severity.WARNING
    assert "lower later" in conflict.finding
