"""Tests of hanoicheck.calendar: the month table and ISO days both date readers use."""

from __future__ import annotations

import re

import pytest

from hanoicheck.calendar import MONTH_NAMES, MONTH_PATTERN, iso_date, month_number, weekday_slip


@pytest.mark.parametrize(
    ("name", "number"),
    [("Jan", 1), ("january", 1), ("FEB", 2), ("May", 5), ("June", 6), ("Sept.", 9),
     ("Sep", 9), ("September", 9), (" october ", 10), ("Dec", 12)],
)  # fmt: skip
def test_month_number(name: str, number: int) -> None:
    assert month_number(name) == number


def test_month_number_of_a_non_month() -> None:
    assert month_number("Smarch") is None


def test_month_pattern_reads_every_form_and_prefers_the_longest() -> None:
    pattern = re.compile(rf"(?:{MONTH_PATTERN})", re.IGNORECASE)
    for number, name in enumerate(MONTH_NAMES, start=1):
        for form in {name, name[:3], name.title(), name.upper()}:
            assert pattern.fullmatch(form), form
            assert month_number(form) == number
    assert pattern.fullmatch("Sept")
    assert pattern.match("September 3")[0] == "September"  # type: ignore[index]
    assert pattern.match("Junes")[0] == "June"  # type: ignore[index]
    assert not pattern.fullmatch("Septem")


@pytest.mark.parametrize(
    ("year", "month", "day", "expected"),
    [
        (2025, 10, 25, "2025-10-25"),
        (1850, 1, 2, "1850-01-02"),
        (None, 10, 25, "--10-25"),
        (None, 2, 29, "--02-29"),  # some year has one
        (2024, 2, 29, "2024-02-29"),
        (2025, 2, 29, None),
        (2025, 4, 31, None),
        (2025, 13, 1, None),
        (None, 2, 30, None),
        (0, 1, 1, None),
    ],
)
def test_iso_date(year: int | None, month: int, day: int, expected: str | None) -> None:
    assert iso_date(year, month, day) == expected


@pytest.mark.parametrize(
    ("text", "iso", "expected"),
    [
        # July 12, 2025 was a Saturday: the Friday is the day before
        ("Friday, July 12", "2025-07-12", ("Friday", "Saturday", "2025-07-11")),
        ("Saturday, 25 April", "2025-04-25", ("Saturday", "Friday", "2025-04-26")),
        ("Easter Monday, April 20", "2025-04-20", ("Monday", "Sunday", "2025-04-21")),
        ("Friday, July 11", "2025-07-11", None),  # they agree
        ("July 12", "2025-07-12", None),  # no weekday written
        ("Friday and Saturday, July 11-12", "2025-07-11", None),  # two weekdays: a span
        ("Friday, July 12", "--07-12", None),  # no year, no weekday to check
    ],
)
def test_a_written_weekday_that_the_date_is_not(
    text: str, iso: str, expected: tuple[str, str, str] | None
) -> None:
    assert weekday_slip(text, iso) == expected
