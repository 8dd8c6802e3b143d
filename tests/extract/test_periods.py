"""Dates named by a part or a position in a period: "the end of next week", "early
2024", "Q3 2016", "the last Friday of March", "the first of March", "Thursday the 21st"."""

from __future__ import annotations

import pytest

from hanoicheck.extract.dates import find_dates
from hanoicheck.extract.pipeline import extract_text
from hanoicheck.model import Kind

# A Wednesday: last week is 1-7 June 2026, this week 8-14 June, next week 15-21 June.
STORY = "2026-06-10"


def dates_of(text: str, document_date: str | None = STORY) -> list[tuple[str, str, str]]:
    """(quote, low, high) of each date; a leading "the" is not part of the quote (the
    forms are looked for from the word after it, which names the same date)."""
    return [
        (text[m.start : m.end].removeprefix("the "), str(m.value.low), str(m.value.high))
        for m in find_dates(text, 0, len(text), document_date)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a third of a week, month or year (the story's, or the one before or after it)
        (
            "talks resume at the end of next week",
            ("end of next week", "2026-06-19", "2026-06-21"),
        ),
        ("the strike began early last week", ("early last week", "2026-06-01", "2026-06-03")),
        (
            "the levy falls due at the end of the month",
            ("end of the month", "2026-06-21", "2026-06-30"),
        ),
        # "by" makes the period a deadline: on or before its last day
        ("the levy is due by the end of the month", ("end of the month", "None", "2026-06-30")),
        ("the dam was finished late last year", ("late last year", "2025-09-01", "2025-12-31")),
        (
            "a vote at the beginning of next month",
            ("beginning of next month", "2026-07-01", "2026-07-10"),
        ),
        ("the plant opened in early 2024", ("early 2024", "2024-01-01", "2024-04-30")),
        ("elections are due in mid-2027", ("mid-2027", "2027-05-01", "2027-08-31")),
        ("the bridge shuts at the end of 2028", ("end of 2028", "2028-09-01", "2028-12-31")),
        # quarters and halves of a named year
        (
            "output fell in the third quarter of 2025",
            ("third quarter of 2025", "2025-07-01", "2025-09-30"),
        ),
        (
            "sales rose in the 2nd quarter this year",
            ("2nd quarter this year", "2026-04-01", "2026-06-30"),
        ),
        ("the launch slipped to Q4 2026", ("Q4 2026", "2026-10-01", "2026-12-31")),
        ("profits doubled in 2025 Q1", ("2025 Q1", "2025-01-01", "2025-03-31")),
        ("the works are planned for H2 2027", ("H2 2027", "2027-07-01", "2027-12-31")),
        ("in the first half of 2024", ("first half of 2024", "2024-01-01", "2024-06-30")),
        # a weekday or a day counted in a month
        (
            "polls close on the last Sunday of March 2027",
            ("last Sunday of March 2027", "2027-03-28", "2027-03-28"),
        ),
        (
            "the fair opens on the first Monday of next month",
            ("first Monday of next month", "2026-07-06", "2026-07-06"),
        ),
        (
            "the second Tuesday of September",
            ("second Tuesday of September", "2026-09-08", "2026-09-08"),
        ),
        (
            "the lease ends on the last day of February 2028",
            ("last day of February 2028", "2028-02-29", "2028-02-29"),
        ),
        (
            "payments resume on the 20th of next month",
            ("20th of next month", "2026-07-20", "2026-07-20"),
        ),
        (
            "on the fifteenth day of this month",
            ("fifteenth day of this month", "2026-06-15", "2026-06-15"),
        ),
        # weeks counted in a month (Monday-to-Sunday weeks inside it) or a year (ISO)
        (
            "the first week of October 2026",
            ("first week of October 2026", "2026-10-05", "2026-10-11"),
        ),
        ("the last week of 2026", ("last week of 2026", "2026-12-28", "2027-01-03")),
        ("the second week of 2027", ("second week of 2027", "2027-01-11", "2027-01-17")),
        # a day written as an ordinal word
        (
            "the ferry sank on the first of March",
            ("first of March", "2026-03-01", "2026-03-01"),
        ),
        (
            "on the twenty-second of June 2019",
            ("twenty-second of June 2019", "2019-06-22", "2019-06-22"),
        ),
        ("on August the third, 2018", ("August the third, 2018", "2018-08-03", "2018-08-03")),
        # a weekday and a day number: the nearest day that is both
        ("the court sits on Friday the 19th", ("Friday the 19th", "2026-06-19", "2026-06-19")),
        ("it happened on Wednesday 27th", ("Wednesday 27th", "2026-05-27", "2026-05-27")),
    ],
)
def test_period_dates(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in dates_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "the third quarter was the team's best",  # a quarter of a game, or a fiscal one
        "a mid-year review of the budget",  # an adjective
        "we may first need a vote",  # "may" the verb
        "on Monday 21st century skills were taught",
        "he scored in the first half",
    ],
)
def test_not_period_dates(text: str) -> None:
    found = [quote for quote, _, _ in dates_of(text)]
    assert not any(
        word in quote.lower()
        for quote in found
        for word in ("quarter", "half", "may", "mid", "21st")
    ), found


def test_forms_that_need_the_story_date_wait_for_it() -> None:
    """Without a document date "the end of next week" is unknown; "Q3 2016" is not."""
    assert dates_of("the end of next week", None) == []
    assert dates_of("in Q3 2016", None) == [("Q3 2016", "2016-07-01", "2016-09-30")]


def test_the_longer_reading_wins() -> None:
    """ "the end of last week" is no longer the whole of last week."""
    assert dates_of("the truce collapsed at the end of last week") == [
        ("end of last week", "2026-06-05", "2026-06-07")
    ]


def test_period_date_of_an_event_is_a_claim() -> None:
    claims = extract_text(
        "The earthquake struck at the end of last week, officials said.", document_date=STORY
    )
    dates = [c for c in claims if c.kind is Kind.DATE]
    assert [(c.quote, c.value.low, c.value.high) for c in dates] == [
        ("end of last week", "2026-06-05", "2026-06-07")
    ]


@pytest.mark.parametrize(
    ("text", "quote", "low", "high"),
    [
        ("Output fell in Q3 2025, the agency said.", "Q3 2025", "2025-07-01", "2025-09-30"),
        ("Output fell in 2025 Q3, the agency said.", "2025 Q3", "2025-07-01", "2025-09-30"),
        ("Exports in H1 2024 beat forecasts.", "H1 2024", "2024-01-01", "2024-06-30"),
        ("Exports in 2024H2 beat forecasts.", "2024H2", "2024-07-01", "2024-12-31"),
    ],
)
def test_quarters_next_to_a_year_are_not_identifiers(
    text: str, quote: str, low: str, high: str
) -> None:
    """ "Q3" alone is masked as an identifier (a model, a room); beside a year it is a
    quarter of that year."""
    claims = extract_text(text, document_date=STORY)
    assert [(c.quote, c.value.low, c.value.high) for c in claims] == [(quote, low, high)]


def test_a_quarter_without_a_year_stays_masked() -> None:
    claims = extract_text("The Q3 model sold 40 units.", document_date=STORY)
    assert [c.kind for c in claims] == [Kind.COUNT]


def test_a_lower_case_month_after_of() -> None:
    """ "of march" is the month whatever its case; "may first" in lower case is the verb."""
    assert ("first of march", "2026-03-01", "2026-03-01") in dates_of("on the first of march")
    assert dates_of("we may first need a vote") == []
