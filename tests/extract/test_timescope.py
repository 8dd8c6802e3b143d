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


def test_the_time_of_a_figure_brought_in_to_compare_is_not_the_figures() -> None:
    """ "Now carries 64, up from the 58 announced on the evening of 11 February": the
    evening of 11 February is the 58's time; the 64 holds when the article was written."""
    now, before = figures(
        "The statement now carries 64 signatures, up from 58 signatures on the evening "
        "of 11 February.",
        date="2025-03-10",
    )
    assert (now.as_of, now.as_of_basis) == ("2025-03-10", TimeBasis.PUBLISHED)
    assert (before.as_of, before.as_of_part) == ("2025-02-11", "evening")
    # a figure's own date after it still dates it
    (own,) = figures("The toll rose to 64 on the evening of 11 February.", date="2025-03-10")
    assert own.as_of == "2025-02-11"


def test_a_figure_never_holds_on_a_day_still_to_come() -> None:
    """ "164 delegations were confirmed for Saturday's funeral" in a Friday story holds on
    the Friday, when it was written, not on the Saturday of the funeral."""
    (claim,) = figures(
        "The Vatican said 164 delegations were confirmed for Saturday's funeral.",
        date="2025-04-25",
    )
    assert (claim.as_of, claim.as_of_basis) == ("2025-04-25", TimeBasis.PUBLISHED)
    assert claim.modality.value == "plan"  # who said they would come, not who came
