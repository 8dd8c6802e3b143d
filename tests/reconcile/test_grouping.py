"""Grouping by event and day (:mod:`hanoicheck.reconcile.grouping`): sessions of one
event, days inside a range, a session dated outside its parent event.
"""

from __future__ import annotations

from hanoicheck.api import reconcile_paths
from hanoicheck.reconcile import Severity
from hanoicheck.reconcile.facets import conversions
from tests.gold import ROOT
from tests.reconcile.conftest import Reconcile, in_one_group


def test_a_day_inside_a_multi_day_range_agrees_and_another_day_conflicts(
    reconcile_texts: Reconcile,
) -> None:
    result = reconcile_texts(
        {
            "a.txt": "date: 2026-06-12\nThe signing ceremony of the Lisbon Accord took place on June 9-10.\n",
            "b.txt": "date: 2026-06-12\nThe signing ceremony of the Lisbon Accord was held on 10 June.\n",
            "c.txt": "date: 2026-06-12\nThe signing ceremony of the Lisbon Accord was held on June 14.\n",
        }
    )
    (conflict,) = result.conflicts
    sides = [{c.quote for c in p.claims} for p in conflict.positions]
    assert any({"June 9-10", "10 June"} <= side for side in sides)
    assert {"June 14"} in sides


def test_two_plenaries_on_two_days_are_two_sessions(reconcile_texts: Reconcile) -> None:
    result = reconcile_texts(
        {
            "a.txt": "date: 2026-06-12\nThe forum ran on June 9-10. The plenary session on June 9 heard 18 statements.\n",
            "b.txt": "date: 2026-06-12\nThe forum ran on June 9-10. The plenary session on June 10 heard 14 statements.\n",
        }
    )
    assert not result.conflicts
    assert not in_one_group(result, "18 statements", "14 statements")


def test_two_days_of_a_protest_movement_are_two_occasions(reconcile_texts: Reconcile) -> None:
    """A strike movement has its days of action: each day's turnout is its own count."""
    result = reconcile_texts(
        {
            "a.txt": "date: 2025-09-19\nOn September 10, 175,000 people marched against the budget, the interior ministry said.\n",
            "b.txt": "date: 2025-09-19\nOn September 18, 506,000 people marched against the budget, the interior ministry said.\n",
        }
    )
    assert not result.conflicts


def test_close_counts_of_a_possibly_same_session_are_a_near_miss_warning(
    reconcile_texts: Reconcile,
) -> None:
    result = reconcile_texts(
        {
            "a.txt": "date: 2026-06-12\nThe plenary session of the Lisbon forum heard 18 statements.\n",
            "b.txt": "date: 2026-06-12\nThe opening plenary session of the Lisbon forum heard 19 statements.\n",
            "c.txt": "date: 2026-06-12\nThe plenary session of the Lisbon forum on June 10 heard 30 statements.\n",
        }
    )
    (conflict,) = result.conflicts
    assert conflict.severity is Severity.WARNING
    assert {c.quote for c in conflict.claims} == {"18 statements", "19 statements"}


def test_a_session_dated_outside_its_parent_event_conflicts(reconcile_texts: Reconcile) -> None:
    result = reconcile_texts(
        {
            "a.txt": (
                "The first plenary session was held on June 2 in Lisbon, as part of the "
                "Lisbon Ocean Summit and Signing Ceremony.\n"
            ),
            "b.txt": (
                "date: 2026-06-12\nThe Lisbon Ocean Summit opened on June 9. "
                "The plenary session on the afternoon of June 9 heard 12 statements.\n"
            ),
        }
    )
    (conflict,) = result.conflicts
    assert conflict.severity is Severity.ERROR
    assert "cannot be another sitting" in conflict.explanation


def test_a_broad_span_never_links_two_days_of_a_strike(reconcile_texts: Reconcile) -> None:
    """ "The strike this week" overlaps both days a strike movement held; it may fall in
    with one of them, but must not make the two days one disputed date."""
    result = reconcile_texts(
        {
            "a.txt": "date: 2024-09-16\nThe strike this month has shut the plants.\n",
            "b.txt": "date: 2024-09-16\nThe strike began on Friday, Sept. 13, at the plants.\n",
            "c.txt": "date: 2024-09-16\nUnion members held a strike rally on Thursday, Sept. 12.\n",
        }
    )
    assert not result.conflicts


def test_a_broad_span_does_not_chain_two_occasions(reconcile_texts: Reconcile) -> None:
    """ "The summit this year" overlaps a summit in April and one in June: dated reports
    months apart are two occasions, and a span over both does not join them."""
    result = reconcile_texts(
        {
            "a.txt": "date: 2026-06-20\nThe Lisbon summit this year drew record crowds.\n",
            "b.txt": "date: 2026-06-20\nThe Lisbon summit was held on April 20, 2026.\n",
            "c.txt": "date: 2026-06-20\nThe Lisbon summit was held on June 10, 2026.\n",
        }
    )
    assert not result.conflicts  # April and June: two occasions, "this year" links neither


def test_a_conversion_is_always_grouped_with_the_figure_it_converts() -> None:
    """On every realistic corpus: "£1 million ($1.35 million)" is one sum, so the dollar
    figure never lands in a group without its pound figure."""
    folders = sorted(
        p
        for base in ("fixtures/realistic", "fixtures/heldout/realistic")
        for p in (ROOT / base).iterdir()
        if (p / "gold.json").exists()
    )
    checked = 0
    for folder in folders:
        result = reconcile_paths([folder]).reconciliation
        claims = [c for g in result.groups for c in g.claims]
        links = conversions(claims)
        groups_of: dict[str, set[str]] = {}
        for group in result.groups:
            for claim in group.claims:
                groups_of.setdefault(claim.id, set()).add(group.id)
        for converted, original in links.items():
            # every group holding the conversion holds its figure too
            assert groups_of[converted] <= groups_of[original], (folder.name, converted)
            checked += 1
    assert checked >= 10


def test_two_launches_on_two_days_are_two_occasions(reconcile_texts: Reconcile) -> None:
    """A story tells of several launches (an appeal, a fund, a second appeal): dates a
    day apart are two launches, not one misdated."""
    result = reconcile_texts(
        {
            "a.txt": "date: 2025-04-20\nThe health agency launched an appeal on April 10.\n",
            "b.txt": "date: 2025-04-20\nThe UN launched its own appeal on April 11.\n",
            "c.txt": "date: 2025-04-21\nThe health agency's appeal was launched on April 10.\n",
        }
    )
    assert not result.conflicts


def test_counts_of_two_votes_are_neither_merged_nor_a_near_miss(
    reconcile_texts: Reconcile,
) -> None:
    result = reconcile_texts(
        {
            "a.txt": "date: 2024-09-13\nIn the vote on September 12, 26,000 members voted.\n",
            "b.txt": "date: 2024-10-24\nIn the vote on October 23, 24,000 members voted.\n",
        }
    )
    assert not result.conflicts


def test_rounds_of_arrests_on_two_days_are_two_occasions(reconcile_texts: Reconcile) -> None:
    result = reconcile_texts(
        {
            "a.txt": "date: 2025-09-20\nPolice made arrests at the blockades on September 10.\n",
            "b.txt": "date: 2025-09-20\nThe arrests in Paris came on September 18.\n",
            "c.txt": "date: 2025-09-21\nPolice made the first arrests on September 10.\n",
        }
    )
    assert not result.conflicts
