"""When a figure holds (:mod:`hanoicheck.extract.timescope`): its day, part of day and
where that time was read from."""

from __future__ import annotations

from hanoicheck.extract.pipeline import extract_text
from hanoicheck.model import Claim, TimeBasis


def figures(text: str, date: str = "2024-09-30") -> list[Claim]:
    return [c for c in extract_text(text, document_date=date) if c.kind.value != "date"]


def test_a_part_of_day_on_its_own_takes_the_day_of_the_paragraph() -> None:
    text = (
        "More than 2 million homes were still without electricity on Sunday afternoon. "
        "By the evening that had fallen to about 1.7 million.\n\n"
        "In the morning 300 roads were shut."
    )
    afternoon, evening, morning = figures(text)
    assert (afternoon.as_of, afternoon.as_of_part) == ("2024-09-29", "afternoon")
    assert (evening.as_of, evening.as_of_part, evening.as_of_basis) == (
        "2024-09-29",
        "evening",
        TimeBasis.STATED,
    )
    # a new paragraph starts from the article's own day
    assert (morning.as_of, morning.as_of_part) == ("2024-09-30", "morning")


def test_late_and_early_are_parts_of_a_day() -> None:
    (late,) = figures("Nearly 1.8 million homes were without power late on Monday.")
    (early,) = figures("Some 40 roads were shut early on Monday.")
    assert late.as_of_part == "late" and early.as_of_part == "early"


def test_a_date_at_the_end_of_a_long_clause_is_still_its_time() -> None:
    (claim,) = figures(
        "More than 2 million homes and businesses across Florida, Georgia, the Carolinas "
        "and Virginia were still without electricity on Sunday afternoon."
    )
    assert (claim.as_of, claim.as_of_part, claim.as_of_basis) == (
        "2024-09-29",
        "afternoon",
        TimeBasis.STATED,
    )
