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
            "by 2 Jan.",
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
