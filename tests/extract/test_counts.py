"""Counts: counted nouns, roles, events, modality and attribution, on unseen text."""

from __future__ import annotations

import pytest

from hanoicheck.extract.pipeline import extract_text
from hanoicheck.model import Claim


def counts(text: str, date: str | None = None) -> list[Claim]:
    return [c for c in extract_text(text, document_date=date) if c.kind.value == "count"]


def test_noun_synonyms_fold_and_roles_come_from_the_nearest_verb() -> None:
    text = (
        "With some 300 participants from 41 nations in attendance, "
        "ministers of 27 states signed the pact."
    )
    participants, nations, states = counts(text)
    assert (participants.subject.noun, participants.subject.role) == ("delegates", "attended")
    assert (nations.subject.noun, nations.subject.role) == ("countries", "attended")
    assert (states.subject.noun, states.subject.role) == ("countries", "signed")
    assert participants.value.qualifier.value == "about"


def test_speakers_and_document_structure() -> None:
    text = "The hearing heard 23 statements. The treaty has 12 chapters and 84 articles."
    statements, chapters, articles = counts(text)
    assert (statements.subject.noun, statements.subject.role) == ("statements", "spoke")
    assert (chapters.subject.role, articles.subject.role) == ("comprises", "comprises")
    assert articles.value.nominal == 84


def test_forecast_and_attribution() -> None:
    text = (
        "Organisers said the summit will bring together 500 delegates. "
        "Police said 40 people were arrested."
    )
    delegates, people = counts(text)
    assert delegates.modality.value == "forecast"
    assert people.modality.value == "reported"
    assert people.attribution == "Police"


def test_attribution_carries_to_pronouns_and_within_a_paragraph() -> None:
    text = (
        "Health Minister Ana Ruiz described the outbreak as severe.\n"
        "She said 14 clinics had closed. In Lima alone, 9 clinics reopened."
    )
    first, second = counts(text)
    assert first.attribution == "Health Minister Ana Ruiz"
    assert second.attribution == "Health Minister Ana Ruiz"


def test_unknown_plural_nouns_still_count_but_units_do_not() -> None:
    assert [c.subject.noun for c in counts("Floods cut off 42 lighthouses for 3 days.")] == [
        "lighthouses"
    ]


def test_quote_offsets_line_and_column() -> None:
    text = "First line.\nOfficials counted nearly 60 vessels."
    (claim,) = counts(text)
    assert claim.quote == "nearly 60 vessels" == text[claim.start : claim.end]
    assert (claim.line, claim.column) == (2, 19)


def test_counts_in_a_session_take_the_session_of_their_sentence() -> None:
    text = "At the plenary session on the morning of May 5, 2026, the meeting heard 31 statements."
    (claim,) = counts(text)
    assert claim.event.type == "plenary session"
    assert (claim.event.date, claim.event.part_of_day) == ("2026-05-05", "morning")


def _read(text: str) -> list[tuple[str, float | None, str, str, str | None, str | None]]:
    return [
        (
            c.quote,
            c.value.nominal,
            c.value.qualifier.value,
            c.subject.noun,
            c.subject.role,
            c.subject.part_of,
        )
        for c in counts(text, "2025-09-04")
    ]


@pytest.mark.parametrize(
    ("text", "quote", "nominal", "qualifier", "role"),
    [
        ("The flood left 1,312 killed across the valley.", "1,312 killed", 1312, "exact", "killed"),
        ("Officials said 655 injured were treated.", "655 injured", 655, "exact", "injured"),
        (
            "Rescuers found at least 12 dead in the ruins.",
            "at least 12 dead",
            12,
            "at_least",
            "dead",
        ),
        ("By night 180 were still missing.", "180 were still missing", 180, "exact", "missing"),
        ("The storm left 3,870 injured.", "3,870 injured", 3870, "exact", "injured"),
        (
            "Police said 134 were held in custody.",
            "134 were held in custody",
            134,
            "exact",
            "arrested",
        ),
        (
            "The fighting displaced 200,000, aid groups said.",
            "200,000",
            200000,
            "exact",
            "displaced",
        ),
        ("Coastguards rescued 650 overnight.", "650", 650, "exact", "rescued"),
        ("Police arrested 40 after the match.", "40", 40, "exact", "arrested"),
        ("The death toll rose to 2,204 on Monday.", "2,204", 2204, "exact", "dead"),
        ("The toll stands at 2,951.", "2,951", 2951, "exact", "dead"),
        ("The toll passed 1,400 by noon.", "1,400", 1400, "more_than", "dead"),
        ("Officials feared the toll nears 1,500.", "1,500", 1500, "nearly", "dead"),
        ("The number of injured reached 3,640.", "3,640", 3640, "exact", "injured"),
    ],
)
def test_counts_whose_noun_is_implied(
    text: str, quote: str, nominal: float, qualifier: str, role: str
) -> None:
    (claim,) = [c for c in counts(text, "2025-09-04") if c.quote == quote]
    assert (claim.value.nominal, claim.value.qualifier.value) == (nominal, qualifier)
    assert (claim.subject.noun, claim.subject.role) == ("people", role)


def test_a_figure_put_on_what_the_paragraph_counts_takes_its_noun() -> None:
    text = (
        "More than half a million people marched, the ministry said. Unions put the "
        "nationwide figure at 506,000 and said turnout had topped one million."
    )
    marched, figure, topped = _read(text)
    assert marched[:3] == ("More than half a million people", 500000, "more_than")
    assert figure[:4] == ("506,000", 506000, "exact", "people")
    assert topped[:3] == ("one million", 1e6, "more_than")


def test_subsets_record_the_set_they_divide() -> None:
    text = (
        "Some 80,000 police officers were deployed, 6,000 of them in the capital. "
        "Of the 120 votes, 38 of the votes were cast by Europe and eleven of its member "
        "states abstained."
    )
    rows = {q: (noun, part) for q, _, _, noun, _, part in _read(text)}
    assert rows["6,000 of them"] == ("police officers", "them")
    assert rows["38 of the votes"] == ("votes", "the votes")
    assert rows["eleven of its member states"] == ("countries", "its member states")
    assert rows["Some 80,000 police officers"][1] is None  # the whole is no part


def test_a_bare_figure_after_a_count_counts_the_same_thing() -> None:
    text = (
        "The ministry counted 506,000 marchers nationwide, 55,000 in Paris, "
        "and the CGT claimed 1 million."
    )
    rows = [(q, noun) for q, _, _, noun, _, _ in _read(text)]
    assert rows == [
        ("506,000 marchers", "demonstrators"),
        ("55,000", "demonstrators"),
        ("1 million", "demonstrators"),
    ]


def test_a_bare_figure_with_nothing_counted_before_is_not_a_count() -> None:
    assert counts("The score was 3 in the end, and 4 later.", "2025-09-04") == []


def test_tonnes_of_aid_are_counted() -> None:
    (claim,) = counts("Qatar flew in 25 tonnes of supplies.")
    assert (claim.quote, claim.subject.noun) == ("25 tonnes", "tonnes")


def test_a_preposition_ends_what_a_count_counts() -> None:
    """ "another 166,000 under warnings" counts people, not warnings."""
    claims = extract_text(
        "About 153,000 people were under evacuation orders and another 166,000 under "
        "warnings, the sheriff said.",
        document_date="2025-01-10",
    )
    assert [(c.quote, c.subject.noun) for c in claims] == [
        ("About 153,000 people", "people"),
        ("166,000", "people"),
    ]


def test_a_breakdown_after_a_colon_does_not_place_the_total() -> None:
    (total, *_) = extract_text(
        "The medical examiner lists 24 deaths linked to the fires: 16 in the Eaton fire "
        "zone and eight in the Palisades fire.",
        document_date="2025-01-12",
    )
    assert total.quote == "24 deaths" and total.subject.scope is None


@pytest.mark.parametrize(
    ("sentence", "scope"),
    [
        ("Officials count 96 dead in the county, 60 of them adults.", "county"),
        ("Some 40 homes were destroyed in the district.", "district"),
        ("The statewide toll stood at 121 dead.", None),
        ("At least 120 people are confirmed dead statewide.", None),
        ("At least 40 people died across the state.", None),
    ],
)
def test_a_county_is_a_part_and_statewide_is_the_whole(sentence: str, scope: str | None) -> None:
    """ "96 dead in the county" is the county's toll, not the state's: a part, which the
    reconciler never sets against the statewide total."""
    (count, *_) = counts(sentence, "2025-07-11")
    assert count.subject.scope == scope


@pytest.mark.parametrize(
    "sentence",
    [
        "About 23 girls from the camp had not been accounted for on Friday.",
        "Five girls and a counselor have still not been found, officials said.",
        "Twelve hikers are yet to be found after the storm.",
    ],
)
def test_people_not_yet_found_are_missing(sentence: str) -> None:
    """The missing are counted in many words; each is a count that falls as people are
    found, which the reconciler must know to read "23" then "5" as progress."""
    (count, *_) = counts(sentence, "2025-07-06")
    assert count.subject.role == "missing"


@pytest.mark.parametrize(
    ("sentence", "value", "scope"),
    [
        ("Nearly 7 million joined, the organizers said.", 7_000_000, None),
        ("In the capital, more than 200,000 gathered outside parliament.", 200_000, "capital"),
        (
            "San Diego police said more than 25,000 people gathered at the waterfront.",
            25_000,
            "san diego",
        ),
    ],
)
def test_a_crowd_is_counted_without_its_noun_and_placed_by_its_local_police(
    sentence: str, value: int, scope: str | None
) -> None:
    """ "7 million joined": the people are implied; "San Diego police said" counts San
    Diego's crowd, which is never the nationwide figure."""
    (count,) = counts(sentence, "2025-10-18")
    assert (count.value.nominal, count.subject.scope) == (value, scope)


def test_organizers_named_by_a_place_the_article_writes_count_that_place() -> None:
    text = (
        "Rallies were held in Chicago and across the country. "
        "Chicago organizers estimated that about 250,000 people rallied. "
        "Indivisible organizers said nearly 7 million took part nationwide."
    )
    chicago, nation = counts(text, "2025-10-18")
    assert chicago.subject.scope == "chicago"
    assert nation.subject.scope is None  # a group's name, not a place


def test_bodies_recovered_are_dead() -> None:
    (adults, children) = counts(
        "The sheriff said 28 adults and 15 children had been recovered in the county.",
        "2025-07-05",
    )
    assert adults.subject.role == "dead" and children.subject.role == "dead"


def test_acres_are_counted() -> None:
    (area,) = extract_text("The blaze has burned more than 2,900 hectares.")
    assert (area.subject.noun, area.value.low) == ("hectares", 2900)


def test_an_unknown_plural_may_take_two_modifiers() -> None:
    (count,) = extract_text("At least 1,773 fossil fuel lobbyists attended the talks.")
    assert (count.quote, count.subject.noun) == (
        "At least 1,773 fossil fuel lobbyists",
        "lobbyists",
    )


def test_the_number_of_people_killed_names_what_a_later_figure_counts() -> None:
    (toll,) = counts(
        "The number of people killed by last week's earthquake in the north has reached "
        "2,719, officials said."
    )
    assert (toll.quote, toll.subject.noun, toll.subject.role) == ("2,719", "people", "killed")


def test_a_participle_before_the_noun_gives_its_role() -> None:
    (strikers,) = counts("The 23,000 striking machinists will vote on Wednesday.")
    assert (strikers.subject.noun, strikers.subject.role) == ("machinists", "struck")


def test_a_paragraph_s_tally_is_what_it_led_with() -> None:
    text = (
        "A spokesman said 2,205 people had died and 3,640 had been injured, with nearly "
        "4,000 injured nationwide. On Wednesday the count had stood at 1,469."
    )
    tally = next(c for c in counts(text, "2025-09-04") if c.quote == "1,469")
    assert (tally.subject.noun, tally.subject.role) == ("people", "dead")


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("Labour won 412 seats.", "labour"),
        ("The Conservatives ended the count with 121 seats.", "conservatives"),
        ("The Liberal Democrats' 72 seats were a record.", "liberal democrats"),
        ("Japan sent 37 rescuers to Mandalay.", "japan"),
        ("Labour finished first, the Conservatives with 121 seats.", "conservatives"),
        ("Officials sent 40 rescuers.", None),  # a generic word owns nothing
        ("On Friday 40 people died.", None),
    ],
)
def test_a_name_that_owns_a_count(text: str, owner: str | None) -> None:
    (claim,) = counts(text)
    assert claim.subject.owner == owner


@pytest.mark.parametrize(
    "text",
    [
        "The forecast put the Liberal Democrats on 61 seats.",
        "Labour was heading for 410 seats, according to an exit poll.",
    ],
)
def test_a_poll_s_figure_is_a_forecast(text: str) -> None:
    (seats,) = counts(text)
    assert seats.modality.value == "forecast"


def test_a_count_its_clause_dates_to_another_year_is_that_year_s() -> None:
    (old,) = counts("Labour won 202 seats in 2019.", "2024-06-01")
    (new,) = counts("Labour won 412 seats in 2024.", "2024-07-06")
    assert (old.event.date, new.event.date) == ("2019-01-01/2019-12-31", None)


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("The SNP was left with just nine MPs.", "lawmakers"),
        ("The new parliament has 263 women.", "women"),
    ],
)
def test_elected_members_and_irregular_plurals_are_counted(text: str, noun: str) -> None:
    (claim,) = counts(text)
    assert claim.subject.noun == noun


def test_what_did_not_happen_is_no_event() -> None:
    """ "ended without arrests": the crowd's occasion is the rally, not an arrest."""
    (crowd,) = counts(
        "Police said more than 25,000 people gathered at the park and that the event ended "
        "without arrests.",
        "2025-10-18",
    )
    assert crowd.event.type != "arrest"


def test_a_road_number_is_no_count() -> None:
    """ "Interstate 25" after a crowd count is a road, not a second count of the crowd."""
    found = counts(
        "In Denver, the state patrol put the crowd at the Capitol at more than 8,000. After "
        "the rally ended, police used pepper balls on a smaller group that tried to march "
        "onto Interstate 25 near 20th and Chestnut streets.",
        "2025-10-18",
    )
    assert [c.quote for c in found] == ["more than 8,000"]


def test_more_of_the_same_is_an_increment_and_another_category_is_not() -> None:
    more, another = (
        counts(
            "Four more people have died, the minister said. The fire destroyed 6,837 "
            "structures, with another 1,017 damaged.",
            "2025-10-30",
        )[0],
        counts("The fire destroyed 6,837 structures, with another 1,017 damaged.", "2025-01-20")[1],
    )
    assert more.subject.part_of is not None and "increment" in more.subject.part_of
    assert another.subject.part_of is None


def test_a_countrys_authority_places_its_count() -> None:
    (dead,) = counts(
        "The storm hit Haiti hardest. Haiti's Directorate of Civil Protection said 31 people "
        "had died.",
        "2025-10-31",
    )
    assert dead.subject.scope == "haiti"


def test_the_first_plural_is_counted_when_a_known_noun_comes_later() -> None:
    """ "15,000 solar-powered lanterns for families": the lanterns are counted, not the
    families of the phrase after them."""
    (lanterns,) = counts("The tranche pays for 15,000 solar-powered lanterns for families.")
    assert (lanterns.quote, lanterns.subject.noun) == ("15,000 solar-powered lanterns", "lanterns")
