"""Dates: explicit, year-less, ranges, months, weekdays and yesterday, as day intervals."""

from __future__ import annotations

import pytest

from hanoicheck.extract.dates import find_dates
from hanoicheck.extract.pipeline import extract_text


def dates_of(text: str, document_date: str | None = None) -> list[tuple[str, str, str, bool]]:
    return [
        (text[m.start : m.end], str(m.value.low), str(m.value.high), m.year_inferred)
        for m in find_dates(text, 0, len(text), document_date)
    ]


@pytest.mark.parametrize(
    ("text", "ref", "expected"),
    [
        ("on March 4, 2026", None, ("March 4, 2026", "2026-03-04", "2026-03-04", False)),
        ("on 4 March 2026", None, ("4 March 2026", "2026-03-04", "2026-03-04", False)),
        ("on the 4th of March", "2026-03-09", ("4th of March", "2026-03-04", "2026-03-04", True)),
        ("Sept. 30", "2026-10-02", ("Sept. 30", "2026-09-30", "2026-09-30", True)),
        ("on Oct 25-26", "2025-10-20", ("Oct 25-26", "2025-10-25", "2025-10-26", True)),
        (
            "on 25 and 26 October",
            "2025-10-20",
            ("25 and 26 October", "2025-10-25", "2025-10-26", True),
        ),
        (
            "from 30 November to 2 December 2026",
            None,
            ("30 November to 2 December 2026", "2026-11-30", "2026-12-02", False),
        ),
        ("Dec 30-Jan 2", "2027-01-05", ("Dec 30-Jan 2", "2026-12-30", "2027-01-02", True)),
        ("in October 2025", None, ("October 2025", "2025-10-01", "2025-10-31", False)),
        ("in February 2028", None, ("February 2028", "2028-02-01", "2028-02-29", False)),
        ("published 2025-10-25", None, ("2025-10-25", "2025-10-25", "2025-10-25", False)),
        ("on October 15", None, ("October 15", "--10-15", "--10-15", False)),
        # every written form of a month reads the same: case, dots, "Sept", ordinals
        ("on OCT. 3RD, 2025", None, ("OCT. 3RD, 2025", "2025-10-03", "2025-10-03", False)),
        ("the 1st of sept 2025", None, ("1st of sept 2025", "2025-09-01", "2025-09-01", False)),
        (
            "on 2 Jan.",
            "2025-12-30",
            ("2 Jan", "2026-01-02", "2026-01-02", True),
        ),  # the dot ends the sentence
    ],
)
def test_dates(text: str, ref: str | None, expected: tuple[str, str, str, bool]) -> None:
    assert dates_of(text, ref) == [expected]


def test_impossible_days_are_not_dates() -> None:
    assert dates_of("on February 30, 2025") == []
    assert dates_of("on April 31") == []
    assert dates_of("on February 29, 2024")[0][1] == "2024-02-29"  # a leap year
    assert dates_of("on February 29, 2025") == []


def test_year_less_date_takes_the_year_nearest_the_document() -> None:
    # a story dated in early January about "December 28" means the previous year
    assert dates_of("on December 28", "2026-01-03")[0][1] == "2025-12-28"
    assert dates_of("on January 2", "2025-12-30")[0][1] == "2026-01-02"


def test_weekday_is_the_story_day_or_the_latest_before_it() -> None:
    # 2025-10-25 is a Saturday: "on Saturday" is that very day, not a week earlier
    assert dates_of("on Saturday", "2025-10-25")[0][1] == "2025-10-25"
    assert dates_of("on Thursday", "2025-10-25")[0][1] == "2025-10-23"
    assert dates_of("on Sunday", "2025-10-25")[0][1] == "2025-10-19"
    assert dates_of("yesterday", "2025-10-25")[0][1] == "2025-10-24"
    assert dates_of("on Saturday", None) == []  # nothing to resolve against


def test_invalid_dates_are_not_dates() -> None:
    assert dates_of("February 30", "2025-01-01") == []
    assert dates_of("October 26-25", "2025-01-01") == []


def test_date_claims_carry_their_event_and_part_of_day() -> None:
    text = "The closing plenary took place on the afternoon of June 12, 2026 in Oslo."
    (claim,) = extract_text(text)
    assert claim.kind.value == "date"
    assert claim.event.type == "plenary session"
    assert claim.event.part_of_day == "afternoon"
    assert text[claim.start : claim.end] == claim.quote == "June 12, 2026"


def test_adoption_date_is_not_the_signing_date() -> None:
    text = (
        "The Assembly met on May 3, 2026 to adopt the accord. "
        "Its signing ceremony was held on June 1, 2026."
    )
    adoption, signing = extract_text(text)
    assert adoption.subject.noun == "adoption"
    assert signing.subject.noun == "signing ceremony"


def _values(text: str, date: str = "2025-09-17") -> list[tuple[str, str | None, str | None, str]]:
    return [
        (c.quote, c.value.low, c.value.high, c.value.qualifier.value)
        for c in extract_text(text, document_date=date)
        if c.kind.value == "date"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Talks run from 14 May to 2 June.",
            ("14 May to 2 June", "2025-05-14", "2025-06-02", "range"),
        ),
        (
            "Voting ran between March 3 and 5.",
            ("March 3 and 5", "2026-03-03", "2026-03-05", "range"),
        ),
        (
            "Strikes go on from Monday to Friday.",
            ("Monday to Friday", "2025-09-15", "2025-09-19", "range"),
        ),
        ("The consultation is open until 18 June.", ("18 June", None, "2025-06-18", "up_to")),
        ("The shutdown has lasted from May 6.", ("May 6", "2025-05-06", None, "at_least")),
        ("Schools have been shut since Monday.", ("Monday", "2025-09-15", None, "at_least")),
    ],
)
def test_worded_ranges_and_open_ends(text: str, expected: tuple[str, ...]) -> None:
    assert _values(text) == [expected]


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("It was signed on 14/05/2025.", "2025-05-14", "2025-05-14"),
        ("It was signed on 05/14/2025.", "2025-05-14", "2025-05-14"),
        ("It was signed on 2025-05-14.", "2025-05-14", "2025-05-14"),
        ("It was signed on 2015/08/12.", "2015-08-12", "2015-08-12"),
        # nothing in the text tells the order: both readings
        ("It was signed on 04/05/2025.", "2025-04-05", "2025-05-04"),
        # the document writes day first
        ("It opened on 3 May and closed on 04/05/2025.", "2025-05-04", "2025-05-04"),
        ("They met on 12/04/2025, after the vote of 25/03/2025.", "2025-04-12", "2025-04-12"),
    ],
)
def test_numeric_dates_follow_the_document(text: str, low: str, high: str) -> None:
    last = _values(text)[-1] if "opened" in text else _values(text)[0]
    assert last[1:3] == (low, high)


@pytest.mark.parametrize(
    ("phrase", "low", "high"),
    [
        ("last week", "2025-09-08", "2025-09-14"),
        ("this week", "2025-09-15", "2025-09-21"),
        ("next month", "2025-10-01", "2025-10-31"),
        ("earlier this year", "2025-01-01", "2025-09-16"),
        ("three weeks ago", "2025-08-27", "2025-08-27"),
        ("last March", "2025-03-01", "2025-03-31"),
        ("last Friday", "2025-09-12", "2025-09-12"),
        ("next Tuesday", "2025-09-23", "2025-09-23"),
        ("in early October", "2025-10-01", "2025-10-10"),
        ("in July 2024", "2024-07-01", "2024-07-31"),
    ],
)
def test_relative_periods_from_the_story_date(phrase: str, low: str, high: str) -> None:
    (found,) = _values(f"The council met {phrase} to discuss the flood.")
    assert found[1:3] == (low, high)


def test_a_year_dates_an_event_named_before_it_but_not_a_period() -> None:
    assert _values("The treaty was adopted in 2024.") == [
        ("in 2024", "2024-01-01", "2024-12-31", "range")
    ]
    assert _values("In 2024 alone, attacks cost banks dearly.") == []


def test_relative_periods_need_a_story_date() -> None:
    assert list(find_dates("It rained last week.", 0, 20, None)) == []


def test_over_the_past_year_is_a_stretch_of_time_not_a_date() -> None:
    assert _values("Support rose over the past year.") == []


def test_an_open_end_dates_its_event_by_the_day_it_names() -> None:
    (claim,) = [
        c
        for c in extract_text("Voting stays open until 18 June.", document_date="2025-06-01")
        if c.kind.value == "date"
    ]
    assert claim.event.date == "2025-06-18"


def test_a_weekday_before_a_calendar_date_is_one_date_read_as_the_calendar_says() -> None:
    # in a preview of Monday 2 June, "Saturday" alone would be the Saturday before
    text = "The conference closes on Saturday, 14 June. It ended on Thursday 18 September."
    assert dates_of(text, "2025-06-02") == [
        ("Saturday, 14 June", "2025-06-14", "2025-06-14", True),
        ("Thursday 18 September", "2025-09-18", "2025-09-18", True),
    ]
    # a weekday not followed by a date is still read against the story's day
    assert dates_of("On Friday it rained.", "2025-06-02")[0][1] == "2025-05-30"


@pytest.mark.parametrize(
    "sentence",
    [
        "More than half a million people marched through French cities on Thursday.",
        "Teachers walked out on Thursday over the budget.",
        "Farmers rallied outside parliament on Thursday.",
    ],
)
def test_a_day_people_marched_is_the_date_of_a_protest(sentence: str) -> None:
    claims = extract_text(sentence, document_date="2025-09-19")
    dates = [c for c in claims if c.kind.value == "date"]
    assert [(d.value.nominal, d.event.type) for d in dates] == [("2025-09-18", "strike")]


@pytest.mark.parametrize(
    "sentence",
    [
        "About 2,700 journalists had signed up by October 15.",
        "Police closed down the coast road on October 15.",
    ],
)
def test_a_phrasal_verb_is_not_the_event_its_verb_names(sentence: str) -> None:
    claims = extract_text(sentence, document_date="2024-11-20")
    assert all(c.event.type not in ("signing ceremony", "closing ceremony") for c in claims)


@pytest.mark.parametrize(
    ("sentence", "dated"),
    [
        ("The death toll from the earthquake rose to 2,205 on Thursday.", False),
        ("The toll from Sunday's earthquake rose to 2,205.", True),
        ("More than half a million people marched through the cities on Thursday.", True),
    ],
)
def test_a_weekday_that_times_a_count_dates_the_event_only_when_nearer_it(
    sentence: str, dated: bool
) -> None:
    """The day a count holds is not its event's date unless the text puts it against
    the event rather than the count."""
    claims = extract_text(sentence, document_date="2025-09-05")
    assert any(c.kind.value == "date" for c in claims) is dated


@pytest.mark.parametrize(
    "text",
    [
        "By Sunday the Eaton fire had destroyed 9,100 structures.",
        "As of Monday, 40 people were still missing after the flood.",
        "As at 12 March, the appeal had raised $4 million.",
    ],
)
def test_a_day_after_by_or_as_of_is_when_a_figure_holds_not_an_event_date(text: str) -> None:
    (figure,) = extract_text(text, document_date="2026-03-17")  # no date claim beside it
    assert figure.kind.value in ("count", "money")
    assert figure.as_of is not None and figure.as_of < "2026-03-17"


def test_a_day_an_event_happened_on_is_still_its_date() -> None:
    claims = extract_text(
        "The fire broke out on Sunday and destroyed 9,100 structures.", document_date="2026-02-03"
    )
    assert [(c.kind.value, c.quote) for c in claims if c.kind.value == "date"] == [
        ("date", "Sunday")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Members must ratify the offer by Friday, Sept. 27.",
        "The offer lapses unless it is ratified by 11:59 p.m. Pacific time on Friday, Sept. 27.",
    ],
)
def test_a_deadline_is_on_or_before_its_day(text: str) -> None:
    (deadline,) = extract_text(text, document_date="2024-09-23")
    assert deadline.value.qualifier.value == "up_to"
    assert (deadline.value.low, deadline.value.high) == (None, "2024-09-27")


def test_a_day_named_as_an_agent_is_no_deadline() -> None:
    claims = extract_text("Many were killed by Sunday's earthquake.", document_date="2024-09-23")
    (day,) = (c for c in claims if c.kind.value == "date")
    assert day.value.qualifier.value == "exact"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the" before the second day of a range
        (
            "the festival runs from the 3rd to the 6th of August",
            ("3rd to the 6th of August", "2026-08-03", "2026-08-06"),
        ),
        # a month name between the numbers: no day/month order to guess
        ("filed on 07-Mar-2019", ("07-Mar-2019", "2019-03-07", "2019-03-07")),
        ("signed 12/Jan/98", ("12/Jan/98", "1998-01-12", "1998-01-12")),
        ("dated Nov-04-2021", ("Nov-04-2021", "2021-11-04", "2021-11-04")),
        ("logged 2020/feb/11", ("2020/feb/11", "2020-02-11", "2020-02-11")),
        # the year after "of", or after a spaced comma (tokenised wire copy)
        ("the 2nd of May of 2011", ("2nd of May of 2011", "2011-05-02", "2011-05-02")),
        ("sold on Aug. 9 , 2003 .", ("Aug. 9 , 2003", "2003-08-09", "2003-08-09")),
        ("opened in June , 2012", ("June , 2012", "2012-06-01", "2012-06-30")),
    ],
)
def test_more_written_dates(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in [(q, lo, hi) for q, lo, hi, _ in dates_of(text, "2026-06-10")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The dam burst on 19-03-2011, officials said.", "2011-03-19"),
        ("The vote was held on 11.28.2004 in the capital.", "2004-11-28"),
    ],
)
def test_numeric_dates_with_dots_or_dashes_are_not_phone_numbers(text: str, value: str) -> None:
    """Two-digit groups joined by dots or dashes look like a phone number; a day, a month
    at most 31 and a year, with nothing after, are a date."""
    claims = extract_text(text, document_date="2026-06-10")
    assert [(c.kind.value, c.value.low) for c in claims] == [("date", value)]


def test_phone_numbers_in_two_digit_groups_stay_masked() -> None:
    assert extract_text("Call the hotline on 01-23-45-67-89 for news.") == []


@pytest.mark.parametrize(
    ("text", "quote", "day"),
    [
        ("The ministry published its figures three weeks ago.", "three weeks ago", "2026-05-20"),
        ("The border post will reopen in two days.", "in two days", "2026-06-12"),
        ("Prices went up last Tuesday, traders said.", "last Tuesday", "2026-06-09"),
        ("The new rules apply next Monday.", "next Monday", "2026-06-15"),
        ("The ferry left the day before yesterday.", "the day before yesterday", "2026-06-08"),
    ],
)
def test_a_relative_day_picked_out_on_purpose_is_a_claim(text: str, quote: str, day: str) -> None:
    """Counted from the story's day or chosen among the weekdays, a day is a date claim
    even with no event word in the sentence (the story is dated Wednesday 10 June)."""
    claims = [c for c in extract_text(text, document_date="2026-06-10") if c.kind.value == "date"]
    assert [(c.quote, c.value.low) for c in claims] == [(quote, day)]


@pytest.mark.parametrize(
    "text",
    [
        "He said on Wednesday that prices would rise.",
        "The minister spoke to reporters yesterday.",
        "Marseille went from 15,000 marchers three weeks ago to 4,000.",
    ],
)
def test_a_bare_relative_day_or_a_figures_time_is_not(text: str) -> None:
    """ "on Wednesday", "yesterday": the time of what was said or done; "three weeks ago"
    right after a figure is that figure's time."""
    claims = extract_text(text, document_date="2026-06-10")
    assert [c.quote for c in claims if c.kind.value == "date"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the mine closed in 09/2019", ("09/2019", "2019-09-01", "2019-09-30")),
        ("licences issued 4-2021", ("4-2021", "2021-04-01", "2021-04-30")),
    ],
)
def test_a_month_and_a_year_in_figures(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in [(q, lo, hi) for q, lo, hi, _ in dates_of(text, "2026-06-10")]


def test_a_fraction_is_not_a_month() -> None:
    assert dates_of("three in 3/4 of the districts", "2026-06-10") == []


@pytest.mark.parametrize(
    ("text", "quote", "day"),
    [
        ("The talks resumed 10 days after 2 March.", "10 days after 2 March", "2026-03-12"),
        (
            "Voting closed two weeks before June 30, 2025.",
            "two weeks before June 30, 2025",
            "2025-06-16",
        ),
        ("The levy starts three months from tomorrow.", "three months from tomorrow", "2026-09-11"),
    ],
)
def test_a_date_moved_by_a_stated_amount(text: str, quote: str, day: str) -> None:
    """ "10 days after 2 March" is 12 March, not 2 March."""
    claims = [c for c in extract_text(text, document_date="2026-06-10") if c.kind.value == "date"]
    assert [(c.quote, c.value.low, c.value.high) for c in claims] == [(quote, day, day)]


@pytest.mark.parametrize(
    "text",
    [
        "Less than a day after Friday's earthquake, rescuers reached the town.",
        "Two days after Friday's earthquake, rescuers reached the town.",
    ],
)
def test_a_span_from_an_event_s_own_day_dates_the_event_not_the_span(text: str) -> None:
    (day,) = (c for c in extract_text(text, document_date="2025-04-01") if c.kind.value == "date")
    assert (day.quote, day.value.low) == ("Friday", "2025-03-28")


def test_a_hedged_span_back_is_an_open_end() -> None:
    def value(text: str) -> tuple[str | None, str | None]:
        (day,) = find_dates(text, 0, len(text), "2024-11-08")
        return (day.value.low, day.value.high)

    assert value("The floods struck more than a week ago.") == (None, "2024-11-01")
    assert value("The floods struck less than a week ago.") == ("2024-11-01", None)
    assert value("The floods struck a week ago.") == ("2024-11-01", "2024-11-01")


def _weekdays(text: str, story: str) -> dict[str, str]:
    """Each weekday of ``text`` (one sentence) and the day it is read as."""
    from hanoicheck.extract.dates import look_forward
    from hanoicheck.model import Span

    mentions = look_forward(text, Span(0, len(text)), find_dates(text, 0, len(text), story), story)
    return {text[m.start : m.end]: str(m.value.nominal) for m in mentions}


_VIEWING = "Viewing resumes at 7 a.m. on Thursday and ends at 7 p.m. on Friday."


@pytest.mark.parametrize(
    ("text", "weekday", "day"),
    [
        # 2025-04-23 is a Wednesday: the Thursday and Friday to come
        (_VIEWING, "Thursday", "2025-04-24"),
        (_VIEWING, "Friday", "2025-04-25"),
        ("164 delegations were confirmed for Saturday's funeral.", "Saturday", "2025-04-26"),
        ("Talks resume ahead of Tuesday's plenary.", "Tuesday", "2025-04-29"),
        (
            "Monday's panels were a prelude to the plenary on Tuesday, when countries are "
            "expected to sign.",
            "Tuesday",
            "2025-04-29",
        ),
        (
            "Close to 20,000 people filed past on Wednesday, the first of three days before "
            "his funeral on Saturday.",
            "Saturday",
            "2025-04-26",
        ),
        ("The union leaders were due to meet on Friday to decide.", "Friday", "2025-04-25"),
        # what happened stays behind the story's day
        ("Two men were arrested for Saturday's attack.", "Saturday", "2025-04-19"),
        ("The summit opened on Monday with 60 leaders.", "Monday", "2025-04-21"),
        ("He voted on Monday, before the results came in on Tuesday.", "Tuesday", "2025-04-22"),
    ],
)
def test_a_weekday_points_ahead_only_when_the_sentence_says_so(
    text: str, weekday: str, day: str
) -> None:
    assert _weekdays(text, "2025-04-23")[weekday] == day


@pytest.mark.parametrize(
    ("text", "dated"),
    [
        ("More than 76,000 homes were damaged by the storm, the government said on Thursday.", []),
        ("The prime minister told the House on Tuesday that the storm was the worst.", []),
        ("The storm hit on Tuesday, officials said.", ["Tuesday"]),
        ("The list, released late on Tuesday as the summit wound up, had 58 names.", ["Tuesday"]),
    ],
)
def test_the_day_someone_spoke_is_no_date_of_the_event(text: str, dated: list[str]) -> None:
    """ "the government said on Thursday" dates the saying; the storm named in the
    sentence happened on another day."""
    claims = extract_text(text, document_date="2025-11-07")
    assert [c.quote for c in claims if c.kind.value == "date"] == dated


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # a capitalised event word inside another name is a street, a fund
        ("Marchers filled the avenue from Congress Parkway to the river on Saturday.", None),
        ("The foundation opened its Flood Relief Fund on Friday.", None),
        # what was opened is the event only when the object names one
        ("Police closed the road on Tuesday.", None),
        ("The president opened the conference on Monday.", "opening ceremony"),
        ("The summit opened on Monday.", "opening ceremony"),
        ("The Opening Ceremony was held on Monday.", "opening ceremony"),
    ],
)
def test_an_event_word_in_a_name_or_opening_a_thing_names_no_event(
    text: str, event: str | None
) -> None:
    dates = [c for c in extract_text(text, document_date="2025-10-18") if c.kind.value == "date"]
    assert all(c.event.type == event for c in dates)
