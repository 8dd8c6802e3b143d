"""Misprints (:mod:`hanoicheck.reconcile.misprint`): figures that differ the way a
typing slip changes one are set against each other, and nothing else is."""

from __future__ import annotations

import pytest

from hanoicheck.extract.pipeline import extract_text
from hanoicheck.model import Claim
from hanoicheck.reconcile import Severity, Status
from hanoicheck.reconcile.misprint import digit_slip
from tests.reconcile.conftest import Reconcile, group_with


def figure(text: str) -> Claim:
    (claim,) = (c for c in extract_text(text, document_date="2026-03-02") if c.kind.value != "date")
    return claim


@pytest.mark.parametrize(
    ("a", "b", "slip"),
    [
        ("9,148 homes were destroyed.", "9,418 homes were destroyed.", "two transposed digits"),
        ("The fund got $191 million.", "The fund got $911 million.", "two transposed digits"),
        ("66,778 people registered.", "76,778 people registered.", "one digit"),
        ("157,000 people marched.", "175,000 people marched.", "two transposed digits"),
        (
            "Madrid approved €10.6 billion.",
            "Madrid approved 10.6 million euros.",
            "a scale word (thousand, million, billion) mixed up",
        ),
        ("It is worth £215,000.", "It is worth £21,500.", "a zero dropped or added"),
    ],
)
def test_slips_of_the_keys(a: str, b: str, slip: str) -> None:
    assert digit_slip(figure(a), figure(b)) == slip


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("24 people died.", "26 people died."),  # too short to tell a slip from a change
        ("227 people died.", "229 people died."),  # the last digit: how a toll moves
        ("9,148 homes were destroyed.", "About 9,418 homes were destroyed."),  # hedged apart
        ("$191 million was pledged.", "191 million people were hit."),  # another unit
        ("1,457 people died.", "1,469 people died."),  # two digits changed
        ("Madrid approved €10 billion.", "Madrid approved €10 million."),  # one digit given
        ("Each family gets Rs 25 lakh.", "Each family gets Rs 2.5 lakh."),  # tiers, not a slip
    ],
)
def test_not_slips(a: str, b: str) -> None:
    assert digit_slip(figure(a), figure(b)) is None


FIRE = "the Eaton fire in Altadena"
LATER = "A month on, officials count {} structures destroyed by " + FIRE


def test_a_transposed_figure_is_flagged_even_where_a_running_total_could_grow(
    reconcile_texts: Reconcile,
) -> None:
    result = reconcile_texts(
        {
            "county.txt": f"date: 2026-02-01\nInspectors say {FIRE} destroyed 9,148 structures.\n",
            "recap.txt": f"date: 2026-03-02\n{LATER.format('9,418')}.\n",
        }
    )
    group = group_with(result, "9,148 structures", "9,418 structures")
    assert group is not None and group.status is Status.CONFLICT
    assert group.severity is Severity.WARNING
    assert "two transposed digits" in group.explanation and "misprint" in group.explanation


def test_a_running_total_that_moved_is_no_misprint(reconcile_texts: Reconcile) -> None:
    result = reconcile_texts(
        {
            "a.txt": f"date: 2026-02-01\nInspectors say {FIRE} destroyed 9,100 structures.\n",
            "b.txt": f"date: 2026-03-02\n{LATER.format('9,418')}.\n",
        }
    )
    assert not result.conflicts


def test_slipped_figures_about_different_things_stay_apart(reconcile_texts: Reconcile) -> None:
    result = reconcile_texts(
        {
            "a.txt": "date: 2026-02-01\nJapan pledged $191 million to the fund.\n",
            "b.txt": "date: 2026-02-01\nGermany pledged $911 million to the fund.\n",
        }
    )
    assert not result.conflicts


def test_a_scale_word_mixed_up_is_flagged_though_far_apart(reconcile_texts: Reconcile) -> None:
    result = reconcile_texts(
        {
            "a.txt": "date: 2024-11-06\nThe cabinet approved a first package of €10.6 billion.\n",
            "b.txt": "date: 2024-11-07\nThe first package it approved was 10.6 million euros.\n",
        }
    )
    (conflict,) = result.conflicts
    assert "scale word" in conflict.explanation


def test_a_dropped_zero_is_flagged_though_far_apart(reconcile_texts: Reconcile) -> None:
    # one interim payment, ten times larger in one outlet: a zero added, not two sums
    result = reconcile_texts(
        {
            "a.txt": "date: 2025-06-20\nFamilies received an interim payment of £21,500.\n",
            "b.txt": "date: 2025-06-21\nEach family got an interim payment of £215,000.\n",
        }
    )
    group = group_with(result, "£21,500", "£215,000")
    assert group is not None and group.status is Status.CONFLICT
    assert "a zero dropped or added" in group.explanation


def test_a_scale_slip_between_two_types_of_money_is_still_found(
    reconcile_texts: Reconcile,
) -> None:
    """A "package" filed as a contribution and "private investment" filed as an
    investment are two money types grouping never compares; the same 109 a thousand
    times apart, from the same man on the same day, is still a misprint to check."""
    result = reconcile_texts(
        {
            "a.txt": "date: 2025-02-10\nOn Sunday the president announced a 109 million euro "
            "package of private investment in French AI.\n",
            "b.txt": "date: 2025-02-10\nThe French president, who on Sunday unveiled 109 billion "
            "euros of private investment pledges for France, spoke on Monday.\n",
        }
    )
    (conflict,) = result.conflicts
    assert {c.quote for c in conflict.claims} == {"109 million euro", "109 billion euros"}
    assert conflict.status is Status.CONFLICT


def test_a_reprint_that_changes_a_figure_tenfold_is_a_misprint(
    reconcile_texts: Reconcile,
) -> None:
    """One sentence printed by two outlets, "a new 2 billion euro fund" in the reprint
    and "a new 20 billion euro fund" in the wire: too short a figure for a digit slip
    and ten times apart, but a copy states one figure, so the two are one group and an
    error."""
    sentence = (
        "The Commission president used the summit to launch an initiative she said would "
        "mobilise 200 billion euros for AI in Europe, including a new {} billion euro fund "
        "to build four gigafactories for training very large models.\n"
    )
    result = reconcile_texts(
        {
            "wire.txt": "date: 2025-02-11\n" + sentence.format(20),
            "reprint.txt": "date: 2025-02-11\n" + sentence.format(2),
            # read first: two other accounts of the fund, which nothing but their value
            # ties to the reprint's sentence
            "a-ledger.txt": "date: 2025-02-12\nWithin the total sits a new €20 billion "
            "($20.6 billion) fund for four gigafactories, each to hold 100,000 chips.\n",
            "b-review.txt": "date: 2025-03-10\nThe €20 billion gigafactory fund inside it is "
            "the component most likely to materialise first.\n",
        }
    )
    group = group_with(result, "20 billion euro", "2 billion euro")
    assert group is not None and group.status is Status.CONFLICT
    assert group.severity is Severity.ERROR
