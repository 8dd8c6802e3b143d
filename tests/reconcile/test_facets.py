"""What a figure is about (:mod:`hanoicheck.reconcile.facets`): different things are
never merged, whatever their numbers.

Signatories, attendees, delegates and delegations; speakers and attendees; money in two
currencies, of two owners or two types: each pair is two quantities, not a conflict.
"""

from __future__ import annotations

from hanoicheck.extract.pipeline import extract_text
from hanoicheck.reconcile import Severity, Status
from hanoicheck.reconcile.facets import Identity, build_facets, conversions, identity
from hanoicheck.reconcile.vocabulary import default_vocabulary
from tests.reconcile.conftest import Reconcile, group_with, in_one_group

SUMMIT = "the Lisbon Ocean Summit at the Belem Cultural Centre, hosted by Portugal"


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


def test_an_amount_after_a_semicolon_or_another_donor_is_no_conversion() -> None:
    claims = [
        c
        for c in extract_text(
            "Britain offered £10 million; South Korea US$2 million. "
            "Japan gave ¥500 million (about US$3.4 million).",
            document_date="2025-04-08",
        )
        if c.kind.value == "money"
    ]
    by_quote = {c.quote: c.id for c in claims}
    links = conversions(claims)
    assert by_quote["US$2 million"] not in links
    assert links[by_quote["about US$3.4 million"]] == by_quote["¥500 million"]


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


def test_sums_that_are_each_a_year_are_not_tied_by_that() -> None:
    """A story's goals, demands and pledges are all "a year": the period tells two sums
    apart when it differs, and ties nothing when it is shared."""
    vocabulary = default_vocabulary()
    claims = [
        *extract_text(
            "Developing nations say rich countries should provide $1.3 trillion annually.",
            source="a.txt",
            document_date="2024-11-24",
        ),
        *extract_text(
            "Rich nations commit $300bn a year in Baku.", source="b.txt", document_date="2024-11-24"
        ),
        *extract_text(
            "The fund will pay out $500 million a month.",
            source="c.txt",
            document_date="2024-11-24",
        ),
    ]
    demand, goal, monthly = build_facets(claims, {c.source: "s" for c in claims}, vocabulary)
    assert (demand.period, goal.period) == ("annual", "annual")
    assert identity(demand, goal, vocabulary)[0] is Identity.UNTIED
    assert identity(goal, monthly, vocabulary)[0] is Identity.DIFFERENT


def test_a_copied_sentence_ties_its_figures_place_by_place(reconcile_texts: Reconcile) -> None:
    """Two copies of one sentence tie its first date to the other copy's first date,
    never to another date further along it."""
    sentence = (
        "The festival, which opened on January 13, runs until February 26; "
        "the next bathing day falls on Basant Panchami, Feb 3.\n"
    )
    result = reconcile_texts(
        {"a.txt": "date: 2025-01-30\n" + sentence, "b.txt": "date: 2025-01-30\n" + sentence}
    )
    assert not result.conflicts


def test_occasions_a_season_apart_are_two_occasions() -> None:
    """The lobbyists counted at last year's conference are another edition's count."""
    vocabulary = default_vocabulary()
    claims = [
        *extract_text(
            "At least 1,773 lobbyists attended the conference in Baku this week, the coalition said.",
            source="a.txt",
            document_date="2024-11-15",
        ),
        *extract_text(
            "The coalition counted 2,456 lobbyists at the conference in Dubai last year.",
            source="b.txt",
            document_date="2024-11-15",
        ),
    ]
    counts = [c for c in claims if c.kind.value == "count"]
    this_year, last_year = build_facets(counts, {c.source: "s" for c in counts}, vocabulary)
    verdict, why = identity(this_year, last_year, vocabulary)
    assert verdict is Identity.DIFFERENT and why[0].startswith("different occasions")


def test_people_who_took_part_in_a_strike_story_are_its_demonstrators(
    reconcile_texts: Reconcile,
) -> None:
    """ "Nearly 600,000 people took part" names no event, but the story is about strike
    days: they are counted with the marchers, and the gap is seen."""
    result = reconcile_texts(
        {
            "a.txt": (
                "date: 2025-10-03\nThe strike day drew marchers across France. The interior "
                "ministry counted 195,000 demonstrators on Thursday.\n"
            ),
            "b.txt": (
                "date: 2025-10-03\nUnions called the strike for Thursday. The CGT said "
                "nearly 600,000 people took part.\n"
            ),
        }
    )
    assert in_one_group(result, "195,000 demonstrators", "nearly 600,000 people")


def test_soldiers_staff_and_police_are_three_bodies(reconcile_texts: Reconcile) -> None:
    result = reconcile_texts(
        {
            "a.txt": "date: 2024-09-27\nFEMA said more than 1,800 federal staff were in the region.\n",
            "b.txt": "date: 2024-10-04\nA thousand active-duty soldiers reached the mountains.\n",
            "c.txt": "date: 2024-10-04\nSome 2,400 police were deployed in the region.\n",
        }
    )
    assert not result.conflicts
    assert not in_one_group(
        result, "more than 1,800 federal staff", "A thousand active-duty soldiers"
    )


def test_two_parties_seats_are_two_things_and_one_party_s_are_compared(
    reconcile_texts: Reconcile,
) -> None:
    result = reconcile_texts(
        {
            "a.txt": "date: 2024-07-06\nLabour won 412 seats and the Conservatives won 121 seats.\n",
            "b.txt": "date: 2024-08-01\nThe Conservatives ended the count with 117 seats.\n",
        }
    )
    assert not in_one_group(result, "412 seats", "121 seats")
    assert in_one_group(result, "121 seats", "117 seats")


def test_a_whole_year_ties_no_two_counts() -> None:
    """ "The SNP won 48 seats in 2019" and "the Conservatives 365" in another story's
    preview: a year holds too many occasions for the year alone to tie two counts."""
    claims = [
        *extract_text(
            "In Scotland the SNP took 48 seats in 2019.", source="a", document_date="2024-06-01"
        ),
        *extract_text(
            "Back in 2019 the party took 365 seats.", source="b", document_date="2024-06-02"
        ),
    ]
    vocabulary = default_vocabulary()
    first, second = build_facets(claims, {c.source: "s" for c in claims}, vocabulary)
    assert first.day == second.day == "2019-01-01/2019-12-31"
    _, ties = identity(first, second, vocabulary)
    assert not any(t.startswith("both are on") for t in ties)
