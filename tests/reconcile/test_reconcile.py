"""Reconciliation on small articles written for these tests (never the seeds).

Each test states one rule an editor relies on: hedges are intervals, different things
are never merged, units and time are part of meaning, severity says how sure we are.
"""

from __future__ import annotations

import itertools

from hanoicheck.extract.pipeline import extract_text
from hanoicheck.model import Claim
from hanoicheck.reconcile import Severity, Status, reconcile
from hanoicheck.reconcile.vocabulary import default_vocabulary, fold, similarity
from tests.reconcile.conftest import Reconcile, group_with, in_one_group

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


def test_signatories_attendees_delegates_and_delegations_are_never_merged(
    reconcile_texts: Reconcile,
) -> None:
    text = (
        "date: 2026-06-10\n"
        f"Delegates from 110 countries attended {SUMMIT}, where 69 countries signed the accord.\n"
        "Over 1,000 delegates from 110 national delegations took part.\n"
    )
    other = (
        "date: 2026-06-11\n"
        f"Sixty-nine countries signed the accord at {SUMMIT}, which 110 countries attended.\n"
    )
    result = reconcile_texts({"a.txt": text, "b.txt": other})
    assert not in_one_group(result, "110 countries", "69 countries")
    assert not in_one_group(result, "Over 1,000 delegates", "110 national delegations")
    signed = group_with(result, "69 countries", "Sixty-nine countries")
    assert signed is not None and signed.status is Status.AGREED
    assert not [c for c in result.conflicts if c.severity is Severity.ERROR]


def test_speakers_are_not_set_against_attendees(reconcile_texts: Reconcile) -> None:
    result = reconcile_texts(
        {
            "a.txt": f"date: 2026-06-10\nRepresentatives of 18 countries spoke at {SUMMIT}.\n",
            "b.txt": f"date: 2026-06-10\nMore than 110 countries attended {SUMMIT}.\n",
        }
    )
    assert not in_one_group(result, "18 countries", "More than 110 countries")
    assert not result.conflicts


def test_money_in_two_currencies_is_never_compared_but_a_conversion_sides_with_its_figure(
    reconcile_texts: Reconcile,
) -> None:
    result = reconcile_texts(
        {
            "a.txt": "date: 2026-06-10\nNorway pledged €20 million (US$21.7 million) to the Ocean Fund.\n",
            "b.txt": "date: 2026-06-10\nNorway pledged €25 million to the Ocean Fund in Lisbon.\n",
            "c.txt": "date: 2026-06-10\nNorway pledged US$27 million to the Ocean Fund in Lisbon.\n",
        }
    )
    euro = group_with(result, "€20 million", "€25 million")
    assert euro is not None and euro.severity is Severity.ERROR
    side = next(p for p in euro.positions if any(c.quote == "€20 million" for c in p.claims))
    assert {c.quote for c in side.claims} == {"€20 million", "US$21.7 million"}
    assert not in_one_group(result, "€25 million", "US$27 million")
    assert len(result.conflicts) == 1


def test_different_owners_and_money_types_are_different_things(reconcile_texts: Reconcile) -> None:
    result = reconcile_texts(
        {
            "a.txt": "date: 2026-06-10\nNorway pledged €20 million to the Ocean Fund in Lisbon.\n",
            "b.txt": "date: 2026-06-10\nJapan pledged €25 million to the Ocean Fund in Lisbon.\n",
            "c.txt": (
                "date: 2026-06-10\nStorms cost the Norwegian economy €3 billion in 2025, "
                "the Ocean Fund in Lisbon heard.\n"
            ),
        }
    )
    assert not result.conflicts
    assert not in_one_group(result, "€20 million", "€25 million")


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


def test_unrelated_stories_in_one_folder_are_never_compared(reconcile_texts: Reconcile) -> None:
    result = reconcile_texts(
        {
            "ocean1.txt": "date: 2026-06-10\nSeventy-two countries signed the Lisbon Ocean Accord at the Belem Centre.\n",
            "ocean2.txt": "date: 2026-06-10\nA total of 72 countries signed the Lisbon Ocean Accord at the Belem Centre.\n",
            "ai.txt": "date: 2026-03-17\nFifty-six countries signed the Seoul AI Declaration at the Korea Press Centre.\n",
        }
    )
    assert result.stories == 2
    assert not result.conflicts


def test_copies_of_one_outlet_count_once_and_a_tie_is_a_tie(reconcile_texts: Reconcile) -> None:
    result = reconcile_texts(
        {
            "vna1.txt": "LISBON, June 9, 2026 (VNA) \u2013 Delegates from 72 countries signed the Lisbon Ocean Accord on Tuesday.\n",
            "vna2.txt": "LISBON, June 9, 2026 (VNA) \u2013 In Portugal, 72 countries signed the Lisbon Ocean Accord on Tuesday.\n",
            "afp.txt": "LISBON, June 9, 2026 (AFP) - Delegates said 75 countries signed the Lisbon Ocean Accord on Tuesday.\n",
        }
    )
    (conflict,) = result.conflicts
    # two VNA files are one outlet: 72 (VNA) against 75 (AFP) is one outlet each
    assert conflict.consensus.text == "tie: 72 countries / 75 countries (1 of 2 outlets each)"
    ((outlet, files),) = result.copies
    assert outlet == "VNA"
    assert [f.rsplit("/", 1)[-1] for f in files] == ["vna1.txt", "vna2.txt"]


def _claims(texts: dict[str, str]) -> list[Claim]:
    claims: list[Claim] = []
    for name, text in texts.items():
        claims.extend(extract_text(text, source=name, document_date="2026-06-10"))
    return claims


def test_verdicts_and_fingerprints_do_not_depend_on_file_order_or_lines() -> None:
    texts = {
        "a.txt": f"More than 110 countries attended {SUMMIT}.",
        "b.txt": f"Delegations from 100 countries attended {SUMMIT}.",
        "c.txt": f"About 110 countries attended {SUMMIT}.",
    }
    claims = _claims(texts)
    baseline = {(g.id, g.status, g.severity) for g in reconcile(claims).groups}
    for order in itertools.permutations(claims):
        assert {(g.id, g.status, g.severity) for g in reconcile(order).groups} == baseline
    moved = _claims({k: "\n\nA new first paragraph.\n" + v for k, v in texts.items()})
    assert {g.id for g in reconcile(moved).conflicts} == {g.id for g in reconcile(claims).conflicts}
    changed = _claims({**texts, "b.txt": f"Delegations from 95 countries attended {SUMMIT}."})
    assert {g.id for g in reconcile(changed).conflicts} != {
        g.id for g in reconcile(claims).conflicts
    }


def test_folding_and_synonyms_make_wordings_alike() -> None:
    vocabulary = default_vocabulary()
    assert fold("Phạm Minh Chính") == fold("Pham Minh Chinh") == "pham minh chinh"
    assert similarity("statements of nations", "remarks of countries", vocabulary) == 100
    assert similarity("plenary session", "press briefing", vocabulary) < 60
