"""Verdicts (:mod:`hanoicheck.reconcile.verdict`) on small articles written for these tests.

Hedges are intervals, a forecast is not a fact, a running total may grow: each test
states one rule an editor relies on when two sources give different figures.
"""

from __future__ import annotations

from math import inf

from hanoicheck.extract.pipeline import extract_text
from hanoicheck.intervals import Bounds
from hanoicheck.reconcile import Group, Severity, Status
from hanoicheck.reconcile.facets import build_facets
from hanoicheck.reconcile.verdict import _far_past, judge
from hanoicheck.reconcile.vocabulary import default_vocabulary
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


def _judged(scope: str | None, *texts: tuple[str, str]) -> Group:
    """The verdict on the counts of ``scope`` in ``(document date, text)`` pairs, judged
    as one group (whatever grouping would make of them)."""
    vocabulary = default_vocabulary()
    claims = [
        claim
        for n, (day, text) in enumerate(texts)
        for claim in extract_text(text, source=f"{n}.txt", document_date=day)
        if claim.subject.scope == scope and claim.kind.value == "count"
    ]
    facets = build_facets(claims, {c.source: "story" for c in claims}, vocabulary)
    return judge(facets, [], {c.source: c.source for c in claims}, vocabulary)


def test_counts_each_text_dates_to_another_day_may_have_changed() -> None:
    """A count that holds at a stated time (reports still open, people under orders) is
    no contradiction of the same count on another stated day; on the same day it is."""
    sunday = (
        "2025-01-12",
        "Sun 9:40 a.m. - Luna says his department has 16 missing-person reports: 12 from "
        "the Eaton fire area and four from the Palisades.",
    )
    wednesday = (
        "2025-01-15",
        "Sheriff Robert Luna said on Wednesday that deputies are still working through 20 "
        "missing-person reports from the Eaton fire area.",
    )
    also_sunday = (
        "2025-01-12",
        "Sheriff Robert Luna said on Sunday that deputies are still working through 20 "
        "missing-person reports from the Eaton fire area.",
    )
    assert _judged("eaton", sunday, wednesday).status is Status.AGREED
    assert _judged("eaton", sunday, also_sunday).severity is Severity.ERROR


def test_a_fire_burning_more_acres_later_is_a_running_total(reconcile_texts: Reconcile) -> None:
    """Acres burned are counted, and grow: a larger area on a later day is no clash; two
    areas for the same afternoon are."""
    result = reconcile_texts(
        {
            "a.txt": "date: 2025-01-09\nThe burned area in the Palisades had reached 17,234 acres by Thursday afternoon, officials said.\n",
            "b.txt": "date: 2025-01-12\nThe burned area in the Palisades had reached 23,707 acres by Sunday morning, officials said.\n",
            "c.txt": "date: 2025-01-09\nThe burned area in the Palisades had reached 17,324 acres by Thursday afternoon, officials said.\n",
        }
    )
    (conflict,) = result.conflicts
    assert conflict.severity is Severity.ERROR
    sides = {p.label: {c.source.rsplit("/", 1)[-1] for c in p.claims} for p in conflict.positions}
    # the timeline 17,234 (Thursday) -> 23,707 (Sunday) is one side, the misprint the other
    assert sides == {
        "17,234 to 23,707 acres (a running total)": {"a.txt", "b.txt"},
        "17,324 acres": {"c.txt"},
    }


def test_a_timeline_of_hedged_figures_is_named_by_its_hedged_ends(
    reconcile_texts: Reconcile,
) -> None:
    """The side's name keeps the low end's hedge ("at least 40 to ..."), never a stray
    first word of it ("at to ...")."""
    result = reconcile_texts(
        {
            "a.txt": "date: 2025-07-05\nAt least 40 people had been killed in the floods by Saturday morning, officials said.\n",
            "b.txt": "date: 2025-07-07\nAt least 80 people had been killed in the floods by Monday morning, officials said.\n",
            "c.txt": "date: 2025-07-05\nAt least 48 people had been killed in the floods by Saturday morning, officials said.\n",
        }
    )
    (conflict,) = result.conflicts
    labels = {p.label for p in conflict.positions}
    assert "at least 40 to at least 80 people (a running total)" in labels


def test_a_reprint_that_changes_a_hedged_figure_is_an_error(reconcile_texts: Reconcile) -> None:
    """ "At least 1,737" in a reprint of "At least 1,773": the hedges overlap, but two
    copies of one sentence state one figure, so the misprint is an error."""
    sentence = (
        "BAKU, Nov 15 (Steppe Wire) - At least {n} fossil fuel lobbyists have been given "
        "access to the COP29 climate talks in Baku, the Kick Big Polluters Out coalition "
        "said on Friday.\n"
    )
    result = reconcile_texts(
        {
            "wire.txt": "date: 2024-11-15\n" + sentence.format(n="1,773"),
            "reprint.txt": "date: 2024-11-16\nSource: Steppe Wire\n\n" + sentence.format(n="1,737"),
        }
    )
    (conflict,) = result.conflicts
    assert conflict.severity is Severity.ERROR
    assert conflict.finding == "A copy of the same sentence gives another figure"


def test_a_reprinted_toll_with_another_figure_never_joins_the_running_total(
    reconcile_texts: Reconcile,
) -> None:
    """A reprint gives Sunday evening's toll as "at least 97" (headline and body) where
    the wire said "at least 79": one figure misprinted, so no side holds both figures,
    not even as a toll that rose from one copy to the other."""
    sentence = (
        "KERRVILLE, Texas (Plains Wire) - At least {n} people have died in the flash floods "
        "in central Texas, officials said as of Sunday evening.\n"
    )
    result = reconcile_texts(
        {
            "sat.txt": "date: 2025-07-05\nAt least 51 people had died in the flash floods in "
            "central Texas by Saturday evening, officials said.\n",
            "wire.txt": "date: 2025-07-06\n" + sentence.format(n="79"),
            "reprint.txt": "date: 2025-07-06\nSource: Plains Wire\n\n"
            "Texas flood deaths reach at least 97\n\n" + sentence.format(n="97"),
            "tue.txt": "date: 2025-07-08\nAt least 109 people had died in the flash floods in "
            "central Texas by Tuesday evening, officials said.\n",
        }
    )
    (conflict,) = result.conflicts
    assert conflict.finding == "A copy of the same sentence gives another figure"
    for position in conflict.positions:
        assert not {79, 97} <= {c.value.nominal for c in position.claims}, position.label


def test_an_outlets_update_of_a_running_total_is_no_misprint(reconcile_texts: Reconcile) -> None:
    """A wire's newer lead on a running total is an update, not a misprint of the old."""
    sentence = "KABUL (Hindu Kush Wire) - The death toll from the earthquake has risen to {n}, officials said.\n"
    result = reconcile_texts(
        {
            "tue.txt": "date: 2025-09-02\n" + sentence.format(n="1,411"),
            "thu.txt": "date: 2025-09-04\n" + sentence.format(n="2,205"),
        }
    )
    assert not result.conflicts


def test_one_figure_each_with_one_occasion_dated_is_only_a_warning() -> None:
    """ "The forum on 7 and 8 June drew nearly 100 countries" and "delegations from 175
    countries took part": one figure each, and only one dates its gathering. Nothing
    says they count the same gathering, so the clash is a warning, not an error."""
    forum = (
        "2025-06-11",
        "The forum, held in Monaco on 7 and 8 June, drew delegations from nearly 100 countries.",
    )
    conference = ("2025-06-13", "Delegations from 175 countries took part in the conference.")
    group = _judged(None, forum, conference)
    assert group.severity is Severity.WARNING
    assert "nothing else says they count the same thing" in group.finding


def test_an_agreeing_group_with_two_figures_says_why_they_are_compatible(
    reconcile_texts: Reconcile,
) -> None:
    """A running total that grew is no conflict, and the group says so."""
    result = reconcile_texts(
        {
            "a.txt": "date: 2025-09-01\nThe death toll from the Kunar earthquake rose to 800 on Monday, the government said.\n",
            "b.txt": "date: 2025-09-04\nThe death toll from the Kunar earthquake rose to 2,205 on Thursday, the government said.\n",
        }
    )
    assert not result.conflicts
    group = group_with(result, "800", "2,205")
    assert group is not None and group.finding.startswith("Compatible: a running total that grew")


def test_a_headline_rounding_of_a_figure_agrees_with_it(reconcile_texts: Reconcile) -> None:
    result = reconcile_texts(
        {
            "a.txt": "date: 2024-10-23\nBoeing reported a net loss of $6.17 billion for the quarter.\n",
            "b.txt": "date: 2024-10-24\nBoeing posted a $6 billion loss for the quarter.\n",
        }
    )
    assert not result.conflicts
    group = group_with(result, "$6.17 billion", "$6 billion")
    assert group is not None and "$6 billion is $6.17 billion rounded" in group.finding


def test_one_digit_less_is_no_rounding(reconcile_texts: Reconcile) -> None:
    """51 and 50 ratifications are two counts: 50 is not a rounding of 51."""
    result = reconcile_texts(
        {
            "a.txt": "date: 2025-06-13\nBy the close of the conference, 51 countries had ratified the treaty.\n",
            "b.txt": "date: 2025-06-13\nBy the close of the conference, 50 countries had ratified the treaty.\n",
        }
    )
    group = group_with(result, "51 countries", "50 countries")
    assert group is not None and group.status is Status.CONFLICT


def test_a_rate_and_a_total_are_different_things(reconcile_texts: Reconcile) -> None:
    result = reconcile_texts(
        {
            "a.txt": "date: 2024-10-01\nAnalysts say the strike is costing Boeing about $1 billion a month.\n",
            "b.txt": "date: 2024-10-01\nThe strike has cost Boeing about $1.25 billion so far.\n",
        }
    )
    assert not result.conflicts
    assert group_with(result, "about $1 billion", "about $1.25 billion") is None


def test_a_count_stated_hours_apart_may_have_changed(reconcile_texts: Reconcile) -> None:
    """An outage count in the afternoon and another late at night, even from one
    source: what is counted changes within a day."""
    result = reconcile_texts(
        {
            "a.txt": (
                "date: 2024-09-30\nMore than 2 million homes were without power on Monday "
                "afternoon, PowerOutage said. By the evening that had fallen to about 1.7 "
                "million, PowerOutage said.\n"
            ),
            "b.txt": (
                "date: 2024-10-01\nNearly 1.8 million homes were without power late on Monday, "
                "PowerOutage said.\n"
            ),
        }
    )
    assert not result.conflicts


def test_a_source_that_gives_both_days_is_not_set_against_another(
    reconcile_texts: Reconcile,
) -> None:
    """A story dates the quake and, later, the quake's toll on another day: its second
    day is another occasion, neither the source against itself nor a misdated quake set
    against another outlet that dates the quake as it does."""
    story = (
        "date: 2025-04-04\nThe earthquake struck Mandalay on Friday, March 28.\n\n"
        "On Tuesday, April 1, the earthquake toll in Mandalay rose again.\n"
    )
    other = "date: 2025-04-04\nThe earthquake struck Mandalay on March 28.\n"
    assert not reconcile_texts({"a.txt": story, "b.txt": other}).conflicts
    misdated = "date: 2025-04-04\nThe earthquake struck Mandalay on March 29.\n"
    result = reconcile_texts({"a.txt": story, "b.txt": other, "c.txt": misdated})
    assert len(result.conflicts) == 1  # the outlet that misdates the quake is still seen


def test_a_forecast_that_a_toll_will_rise_agrees_with_the_count_so_far(
    reconcile_texts: Reconcile,
) -> None:
    result = reconcile_texts(
        {
            "a.txt": (
                "date: 2025-09-01\n19:45 - The government's combined figure for the Kunar "
                "earthquake now stands at 812 killed. Officials expect the number of dead to "
                "pass 1,000 as more bodies are dug out.\n"
            ),
            "b.txt": (
                "date: 2025-09-01\nThe Kunar earthquake killed about 800 people by Monday "
                "evening, the government said.\n"
            ),
        }
    )
    assert not result.conflicts


def test_an_outcome_reported_after_a_forecast_is_compared_with_it(
    reconcile_texts: Reconcile,
) -> None:
    result = reconcile_texts(
        {
            "a.txt": "date: 2026-03-01\nThe compact is expected to be signed by 24 countries at the Perth summit.\n",
            "b.txt": "date: 2026-03-05\nAt the Perth summit, 19 countries signed the compact.\n",
        }
    )
    (conflict,) = result.conflicts
    assert conflict.severity is Severity.WARNING
    assert conflict.finding.startswith("A forecast against")


def test_two_outlets_dating_a_one_off_event_a_day_apart_is_a_warning(
    reconcile_texts: Reconcile,
) -> None:
    result = reconcile_texts(
        {
            "a.txt": (
                "date: 2025-02-20\nThe crush at the festival happened on Wednesday, January 29. "
                "A second crush hit the ghats on February 15.\n"
            ),
            "b.txt": (
                "date: 2025-02-20\nPilgrims died in a crush on Tuesday, January 28. "
                "Another crush followed on February 15.\n"
            ),
            "c.txt": "date: 2025-02-21\nA crush on January 29 left dozens dead at the ghats.\n",
        }
    )
    (conflict,) = result.conflicts  # two outlets give the 29th, one the 28th
    assert conflict.severity is Severity.WARNING
    assert conflict.finding == "Two days for one event"
    assert any(r.startswith("both date the crush") for r in conflict.reasons)


FIRES = (
    "date: 2025-05-05\nThe fire in the hills broke out on {first}. A second fire started "
    "on April 28."
)
OTHER_FIRES = (
    "date: 2025-05-06\nCrews fought a fire that began on {first}; on April 28 another fire began."
)


def test_a_day_digit_struck_wrong_is_a_misdate_but_a_week_apart_is_another_occasion(
    reconcile_texts: Reconcile,
) -> None:
    consensus = "date: 2025-05-07\nThe hill fire that started on April 22 is out.\n"
    slipped = reconcile_texts(
        {
            "a.txt": FIRES.format(first="April 12"),
            "b.txt": OTHER_FIRES.format(first="April 22"),
            "c.txt": consensus,
        }
    )
    assert len(slipped.conflicts) == 1
    apart = reconcile_texts(
        {
            "a.txt": FIRES.format(first="April 11"),
            "b.txt": OTHER_FIRES.format(first="April 20"),
            "c.txt": consensus.replace("April 22", "April 20"),
        }
    )
    assert not apart.conflicts


def test_one_outlet_against_one_is_no_misdate(reconcile_texts: Reconcile) -> None:
    """Two outlets, two days: nothing says which is right, or that both mean one fire."""
    result = reconcile_texts(
        {
            "a.txt": FIRES.format(first="April 21"),
            "b.txt": OTHER_FIRES.format(first="April 22"),
        }
    )
    assert not result.conflicts


def test_a_source_listing_several_margins_does_not_contradict_itself(
    reconcile_texts: Reconcile,
) -> None:
    live = (
        "date: 2024-07-05\n01:10 - Labour takes Chingford by 79 votes.\n\n"
        "01:40 - Labour holds Hackney by 15,000 votes.\n\n"
        "02:05 - The Liberal Democrats win Bath by 11,218 votes.\n"
    )
    assert not reconcile_texts({"live.txt": live}).conflicts


def test_a_figure_far_past_a_hedge_is_another_count(reconcile_texts: Reconcile) -> None:
    """ "More than 100 constituencies" where Reform came second, and all 650: no writer
    hedges 650 as "more than 100", so the two count different things."""
    far = reconcile_texts(
        {
            "a.txt": "date: 2024-07-06\nReform UK came second in more than 100 constituencies.\n",
            "b.txt": "date: 2024-07-06\nAll 650 constituencies have now declared their results.\n",
        }
    )
    assert not far.conflicts


def test_how_far_past_a_one_sided_hedge_is_still_a_stretch() -> None:
    assert not _far_past(Bounds(16, inf, False, False), Bounds(60, 60))  # a stretch
    assert _far_past(Bounds(100, inf, False, False), Bounds(650, 650))  # another count
    assert _far_past(Bounds(-inf, 2_000, False, True), Bounds(300, 300))  # "up to 2,000"


def test_figures_far_apart_and_loosely_tied_are_two_counts(reconcile_texts: Reconcile) -> None:
    # one shared word ("spectators") and the story tie them; no outlet misreports a
    # crowd four times over, so these are two crowds (two events), not an error
    result = reconcile_texts(
        {
            "a.txt": f"date: 2026-06-12\nAbout 69,000 spectators watched the final of {SUMMIT}.\n",
            "b.txt": f"date: 2026-06-08\nSome 300,000 spectators lined the river for {SUMMIT}.\n",
        }
    )
    group = group_with(result, "About 69,000 spectators", "Some 300,000 spectators")
    assert group is not None and group.status is not Status.CONFLICT
    assert "times apart" in group.finding
    assert not result.conflicts


def test_figures_far_apart_with_one_owner_still_conflict(reconcile_texts: Reconcile) -> None:
    result = reconcile_texts(
        {
            "a.txt": f"date: 2026-06-12\nBritain pledged £1 million at {SUMMIT}.\n",
            "b.txt": f"date: 2026-06-12\nBritain pledged £10 million at {SUMMIT}.\n",
        }
    )
    (conflict,) = result.conflicts
    assert {c.quote for c in conflict.claims} == {"£1 million", "£10 million"}


def test_two_authorities_far_apart_are_still_a_warning(reconcile_texts: Reconcile) -> None:
    result = reconcile_texts(
        {
            "a.txt": "date: 2026-03-18\nPolice said 15,000 people marched in Marseille on Thursday.\n",
            "b.txt": "date: 2026-03-18\nUnions said 120,000 people marched in Marseille on Thursday.\n",
        }
    )
    (conflict,) = result.conflicts
    assert conflict.severity is Severity.WARNING
    assert "authorities" in conflict.explanation


def test_running_totals_with_hours_but_no_day_are_still_judged(
    reconcile_texts: Reconcile,
) -> None:
    # An undated live blog gives hours only: no timeline can be laid, but the figures
    # are still sides (this once raised IndexError on an empty timeline).
    group = reconcile_texts(
        {
            "live.txt": "19:40 - The list now has 60 signatories for the Paris declaration.\n"
            "20:05 - By 8 p.m., 60 countries had signed the Paris declaration.\n",
        }
    )
    assert not group.conflicts


def test_one_date_each_for_an_event_word_far_apart_are_two_occasions(
    reconcile_texts: Reconcile,
) -> None:
    """Only the word "opened" ties the tomb's opening to the conclave's, ten days
    apart: no misdate looks like that (a day or two, or one digit of the day)."""
    far = reconcile_texts(
        {
            "a.txt": "date: 2025-05-02\nThe queues at the tomb have not stopped since it opened on 27 April.\n",
            "b.txt": "date: 2025-05-12\nThe conclave had opened on 7 May after a morning Mass.\n",
        }
    )
    assert not far.conflicts


def test_a_date_whose_own_weekday_points_to_the_other_sources_day(
    reconcile_texts: Reconcile,
) -> None:
    """A recap's "Friday, July 12" (a Saturday) and the day-of report's Friday, July 11:
    a visit is an event a story may tell twice, so days alone would keep them apart,
    but the recap's own weekday names the other day. The verdict says so."""
    result = reconcile_texts(
        {
            "report.txt": "date: 2025-07-11\nThe president visited Kerrville on Friday with the first lady.\n",
            "recap.md": "date: 2025-08-04\nThe president toured Kerrville with the first lady on Friday, July 12.\n",
        }
    )
    (conflict,) = result.conflicts
    assert conflict.severity is Severity.ERROR
    assert '"Friday, July 12" names a Friday, but July 12, 2025 was a Saturday' in conflict.finding


def test_a_rally_count_reported_on_its_day_is_that_days_however_often_rallies_recur(
    reconcile_texts: Reconcile,
) -> None:
    """Rallies recur (June 14, then October 18); an undated "more than 25,000 gathered"
    in a report published on the October day is that day's, so it is compared with the
    live blog's "more than 52,000 ... this morning", and the warning names the hedge
    that would have to stretch."""
    result = reconcile_texts(
        {
            "wire.txt": "date: 2025-10-18\nRallies against the government were held across the "
            "country on Saturday, the second such day after June 14. San Diego police said "
            "more than 25,000 people gathered at Waterfront Park and that the event ended "
            "without arrests.\n",
            "live.txt": "date: 2025-10-18\n9:00 a.m.\nSan Diego police say more than 52,000 "
            "people gathered at the rally at Waterfront Park this morning.\n",
        }
    )
    group = group_with(result, "more than 25,000 people", "more than 52,000 people")
    assert group is not None and group.status is Status.CONFLICT
    assert '"more than 25,000 people" means far more' in group.finding


def test_one_wording_with_a_zero_more_is_a_misprint_however_far_apart(
    reconcile_texts: Reconcile,
) -> None:
    """ "1,500 solar-powered lanterns" / "15,000 solar-powered lanterns": ten times
    apart, but named in the same words, so one count misprinted, not two counts."""
    result = reconcile_texts(
        {
            "wire.txt": "date: 2025-10-31\nBritain said its new money would buy 3,000 shelter "
            "kits and 1,500 solar-powered lanterns for Jamaica.\n",
            "uk.txt": "date: 2025-11-03\nThe Foreign Office said the second tranche would pay "
            "for 15,000 solar-powered lanterns for families in Jamaica.\n",
        }
    )
    group = group_with(result, "1,500 solar-powered lanterns", "15,000 solar-powered lanterns")
    assert group is not None and group.status is Status.CONFLICT


def test_a_toll_given_with_its_digits_swapped_is_no_part_of_the_other(
    reconcile_texts: Reconcile,
) -> None:
    """ "rose to 23 on Monday" beside "reached 32 on Monday afternoon": far lower, but
    the same digits, so a misprint rather than a province's part of the toll."""
    result = reconcile_texts(
        {
            "a.txt": "date: 2025-11-04\nThe official death toll from the hurricane rose to 23 "
            "on Monday, the information minister said.\n",
            "b.txt": "date: 2025-11-04\nThe government's count of the dead from the hurricane "
            "reached 32 on Monday afternoon, the minister said.\n",
        }
    )
    group = group_with(result, "23", "32")
    assert group is not None and group.status is Status.CONFLICT


def test_two_lists_of_one_occasion_tie_their_counts(reconcile_texts: Reconcile) -> None:
    """ "35 heads of state and 21 heads of government" / "35 heads of state, 12 heads of
    government": the shared "35 heads of state" says both list one dinner's guests."""
    result = reconcile_texts(
        {
            "recap.txt": "date: 2025-07-28\nOn Sunday 29 June the King and Queen hosted 35 heads "
            "of state and 21 heads of government at the Royal Alcazar.\n",
            "page.txt": "date: 2025-06-30\nAccording to the Royal Household, more than 100 guests "
            "sat down in the palace, among them 35 heads of state, 12 heads of government and "
            "around thirty heads of international organisations.\n",
        }
    )
    group = group_with(result, "21 heads of government", "12 heads of government")
    assert group is not None and group.status is Status.CONFLICT


def test_increments_are_never_set_against_each_other(reconcile_texts: Reconcile) -> None:
    """ "eight more deaths" and "nine more deaths" each add to their own source's
    earlier count: no contradiction, unless one sentence is printed twice."""
    result = reconcile_texts(
        {
            "a.txt": "date: 2025-11-01\nEight more deaths from the hurricane were confirmed on "
            "Saturday, the information minister said.\n",
            "b.txt": "date: 2025-11-01\nThe prime minister confirmed nine more deaths from the "
            "hurricane on Saturday, bringing the toll to 28.\n",
        }
    )
    assert not result.conflicts


def test_a_reprint_next_day_that_drops_a_zero_is_a_misprint(reconcile_texts: Reconcile) -> None:
    """The wire's "about 250,000" reprinted the next day as "about 25,000": ten times
    apart and a day later, but a copy of one sentence, and a newer version of a crowd
    count is never lower, so a misprint, not two counts and not an update."""
    sentence = (
        "CHICAGO (Lakes Wire) - Chicago organizers estimated that about {n} people rallied "
        "in Grant Park and then marched past the tower, where the governor spoke.\n"
    )
    result = reconcile_texts(
        {
            "wire.txt": "date: 2025-10-18\n" + sentence.format(n="250,000"),
            "reprint.txt": "date: 2025-10-19\nSource: Lakes Wire\n\n" + sentence.format(n="25,000"),
        }
    )
    (conflict,) = result.conflicts
    assert conflict.finding == "A copy of the same sentence gives another figure"


def test_the_next_mornings_report_of_a_march_counts_the_marchers_of_the_day_before(
    reconcile_texts: Reconcile,
) -> None:
    """Marchers are counted day by day; a report published the next morning that does
    not say when gives the day before's count, and is compared with it."""
    result = reconcile_texts(
        {
            "live.txt": "date: 2025-10-18\nPolice said 52,000 people marched through the city "
            "on Saturday.\n",
            "next.txt": "date: 2025-10-19\nPolice said 25,000 people marched through the city, "
            "and the march ended without arrests.\n",
        }
    )
    group = group_with(result, "52,000 people", "25,000 people")
    assert group is not None and group.status is Status.CONFLICT


def test_the_missing_falling_as_people_are_found_is_no_contradiction(
    reconcile_texts: Reconcile,
) -> None:
    result = reconcile_texts(
        {
            "a.txt": "date: 2025-11-04\nAs of Tuesday evening, 15 people were still missing "
            "after the hurricane, the government said.\n",
            "b.txt": "date: 2025-11-05\nAs of Wednesday evening, 13 people were still missing "
            "after the hurricane, the government said.\n",
        }
    )
    assert not result.conflicts
    group = group_with(result, "15 people", "13 people")
    assert group is not None and "falls" in group.finding


def test_a_count_told_while_still_rising_is_part_of_the_way(reconcile_texts: Reconcile) -> None:
    """ "140 delegations have already entered" before the Mass, "some 160 delegations"
    at it; and "130 delegations had confirmed" two days earlier: a count still rising
    and a list that grew, none of them a contradiction."""
    result = reconcile_texts(
        {
            "preview.txt": "date: 2025-04-24\nThe protocol office said on Thursday that 130 "
            "delegations had confirmed for the funeral.\n",
            "live.txt": "date: 2025-04-26\n08:55 - Police say 140 delegations have already "
            "entered the Vatican for the funeral.\n",
            "wire.txt": "date: 2025-04-26\nThe cardinal led the funeral Mass in front of some 160 "
            "delegations, the Vatican said.\n",
        }
    )
    assert not result.conflicts


def test_a_standing_count_reported_weeks_apart_may_have_changed(
    reconcile_texts: Reconcile,
) -> None:
    """ "backed by ten governments" at the launch, "nine governments" in an analysis a
    month later: neither says when it held, so the count may have changed in between;
    a warning that says so, never an error. The same two a day apart are an error."""
    launch = "The Lumen AI partnership, backed by ten governments, said it had $400 million.\n"
    later = "The Lumen AI partnership, backed by nine governments, is far from its goal.\n"
    weeks = reconcile_texts(
        {"a.txt": "date: 2025-02-10\n" + launch, "b.txt": "date: 2025-03-10\n" + later}
    )
    (conflict,) = weeks.conflicts
    assert conflict.severity is Severity.WARNING and "may have changed" in conflict.finding
    days = reconcile_texts(
        {"a.txt": "date: 2025-02-10\n" + launch, "b.txt": "date: 2025-02-11\n" + later}
    )
    (conflict,) = days.conflicts
    assert conflict.severity is Severity.ERROR
