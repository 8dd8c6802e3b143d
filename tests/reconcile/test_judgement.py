"""Verdicts that depend on what a figure is: a headcount, a total that never falls, a
fixed composition, the session a figure belongs to, and what a time ties."""

from __future__ import annotations

from hanoicheck.reconcile import Severity
from tests.reconcile.conftest import Reconcile, group_with


def test_two_authorities_counting_a_crowd_is_a_warning(reconcile_texts: Reconcile) -> None:
    result = reconcile_texts(
        {
            "a.txt": "date: 2025-09-18\n"
            "Police said 15,000 demonstrators marched in Marseille on Thursday.\n",
            "b.txt": "date: 2025-09-18\n"
            "Unions said 120,000 demonstrators marched in Marseille on Thursday.\n",
        }
    )
    (conflict,) = result.conflicts
    assert conflict.severity is Severity.WARNING
    assert "two authorities" in conflict.finding.lower()


def test_two_authorities_giving_one_pledge_differently_is_an_error(
    reconcile_texts: Reconcile,
) -> None:
    # a pledge has one true amount whoever reports it
    result = reconcile_texts(
        {
            "a.txt": "date: 2026-03-04\n"
            "Norway pledged EUR 20 million to the fund, the commission said.\n",
            "b.txt": "date: 2026-03-04\n"
            "Norway pledged EUR 25 million to the fund, the climate minister said.\n",
        }
    )
    (conflict,) = result.conflicts
    assert conflict.severity is Severity.ERROR


def test_a_treaty_s_articles_are_not_a_running_total(reconcile_texts: Reconcile) -> None:
    result = reconcile_texts(
        {
            "a.txt": "date: 2026-09-16\n"
            "The compact, open for ratification, comprises 16 articles.\n",
            "b.txt": "date: 2026-09-17\n"
            "The compact, open for ratification, comprises 14 articles.\n",
        }
    )
    (conflict,) = result.conflicts
    assert conflict.severity is Severity.ERROR
    assert "lower later" not in conflict.finding


def test_a_session_named_with_its_conference_belongs_to_the_session(
    reconcile_texts: Reconcile,
) -> None:
    result = reconcile_texts(
        {
            "a.txt": (
                "date: 2026-06-10\nThe plenary session of the Lisbon signing conference on June 9 "
                "heard 30 statements from countries; 75 countries signed the accord.\n"
            ),
            "b.txt": "date: 2026-06-10\nThe plenary session on June 9 heard 19 statements.\n",
        }
    )
    group = group_with(result, "30 statements", "19 statements")
    assert group is not None and group.is_conflict
    assert "plenary" in group.subject


def test_a_publication_date_ties_no_count_of_an_event(reconcile_texts: Reconcile) -> None:
    # "nine remarks" at an undated sitting, in an article of the 13th, is not the
    # closing session's count just because the closing session was on the 13th
    result = reconcile_texts(
        {
            "a.txt": (
                "date: 2026-05-13\nThe opening session on Tuesday heard 19 statements. "
                "Wednesday's closing session heard 11 statements from donors.\n"
            ),
            "b.txt": "date: 2026-05-13\nA closed-door sitting of ministers heard nine remarks.\n",
        }
    )
    assert not [c for c in result.conflicts if c.severity is Severity.ERROR]
