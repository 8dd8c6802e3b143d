"""Numbers: digits, words, scales, vague amounts, hedges and ranges as intervals."""

from __future__ import annotations

import pytest

from hanoicheck.extract.numbers import find_figures, parse_number, words_to_number
from hanoicheck.extract.pipeline import extract_text
from hanoicheck.intervals import Tolerance


def one(text: str) -> tuple[str, float | None, float | None, float | None, str]:
    (figure,) = find_figures(text)
    v = figure.value
    return text[figure.start : figure.end], v.nominal, v.low, v.high, v.qualifier.value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("more than 250 firms", ("more than 250", 250, 250, None, "more_than")),
        ("over 1,200 people", ("over 1,200", 1200, 1200, None, "more_than")),
        ("at least 14 villages", ("at least 14", 14, 14, None, "at_least")),
        ("no fewer than 9 ships", ("no fewer than 9", 9, 9, None, "at_least")),
        ("up to 300 guests", ("up to 300", 300, None, 300, "up_to")),
        ("fewer than 20 nations", ("fewer than 20", 20, None, 20, "less_than")),
        ("between 18 and 19 speakers", ("between 18 and 19", 18, 18, 19, "range")),
        ("from 3 to 5 teams", ("from 3 to 5", 3, 3, 5, "range")),
        ("12-15 states", ("12-15", 12, 12, 15, "range")),
        ("40 or more towns", ("40 or more", 40, 40, None, "at_least")),
        ("seventy-two mayors", ("seventy-two", 72, 72, 72, "exact")),
        ("a dozen ministers", ("a dozen", 12, 12, 12, "exact")),
        ("two thousand runners", ("two thousand", 2000, 2000, 2000, "exact")),
        ("a hundred and five boats", ("a hundred and five", 105, 105, 105, "exact")),
        ("4.2 million voters", ("4.2 million", 4.2e6, 4.2e6, 4.2e6, "exact")),
        ("a 3bn deal", ("3bn", 3e9, 3e9, 3e9, "exact")),
        ("thousands of volunteers", ("thousands of", 1e3, 1e3, None, "at_least")),
    ],
)
def test_figures(text: str, expected: tuple[object, ...]) -> None:
    assert one(text) == expected


def test_about_and_nearly_get_the_configured_band() -> None:
    # 5%, widened to half the rounding unit (10 -> 5, 10,000 -> 5,000), capped at 10%
    assert one("about 210 farms")[1:4] == (210, 199.5, 220.5)
    assert one("about 80,000 fans")[1:4] == (80_000, 75_000, 85_000)
    assert one("nearly 40 boats")[1:4] == (40, 36, 40)
    (figure,) = find_figures("roughly 210 farms", tolerance=Tolerance(about=0.2))
    assert (figure.value.low, figure.value.high) == (168, 252)
    (some,) = find_figures("some 210 farms")  # looser than "about": its own 10%
    assert (some.value.low, some.value.high) == (189, 231)
    (nearly,) = find_figures("almost 40 boats")
    assert nearly.value.high_inclusive is False  # "almost 40" is not 40


@pytest.mark.parametrize(
    "text",
    ["the 48th session", "at 10:30 a.m.", "a 15% rise", "15 per cent", "ISO9001", "3.14.2 release"],
)
def test_not_figures(text: str) -> None:
    assert [text[f.number_start : f.number_end] for f in find_figures(text)] == []


def test_words_and_digit_parsing() -> None:
    assert words_to_number("sixty-nine") == 69
    assert words_to_number("two dozen") == 24
    assert words_to_number("banana") is None
    assert parse_number("1,250") == 1250
    assert parse_number("2.5bn") == 2.5e9
    assert parse_number("hello") is None


def test_scale_written_once_applies_to_both_ends() -> None:
    assert one("1.5-2 billion")[1:4] == (1.5e9, 1.5e9, 2e9)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("half a million", 500_000),
        ("a quarter of a million", 250_000),
        ("three quarters of a billion", 750_000_000),
        ("66.21 crore", 662_100_000),
        ("25 lakh", 2_500_000),
        ("five lakhs", 500_000),
        ("12,34,567.89", 1_234_567.89),
        ("2 lakh crore", 2_000_000_000_000),  # scales multiply
        ("66 crore 21 lakh", 662_100_000),  # parts add up
    ],
)
def test_fractions_of_a_scale_and_indian_numbers(text: str, value: float) -> None:
    (figure,) = find_figures(text)
    assert figure.value.nominal == value


def test_a_smaller_part_must_be_smaller() -> None:
    """ "5 lakh 3 crore" is no number: the added part must be of a smaller scale."""
    assert all(f.value.nominal != 5e5 + 3e7 for f in find_figures("5 lakh 3 crore"))


@pytest.mark.parametrize(
    ("text", "value", "rest"),
    [
        ("5.17 crore (51.7 million) people", 51_700_000, " people"),
        ("66.21 crore (roughly 662 million) bathers", 662_100_000, " bathers"),
        ("about 40 crore (400 million) people", 400_000_000, " people"),
    ],
)
def test_a_restatement_in_brackets_is_part_of_the_figure(
    text: str, value: float, rest: str
) -> None:
    (figure,) = find_figures(text)
    assert figure.value.nominal == value
    assert text[figure.tail :] == rest  # what it counts follows the bracket


@pytest.mark.parametrize(
    "text",
    [
        "Rs 25 lakh (about $29,000) each",  # a conversion: its own figure
        "30 crore (20 crore in January) people",  # another figure, with words
        "5 crore (12 million) people",  # another value
    ],
)
def test_other_brackets_stay_figures_of_their_own(text: str) -> None:
    assert len(find_figures(text)) == 2
    assert find_figures(text)[0].restated_end is None


def test_a_range_between_two_amounts_in_rupees() -> None:
    (figure,) = find_figures("between Rs 6,382 crore and Rs 7,500 crore")
    assert (figure.value.low, figure.value.high) == (63_820_000_000, 75_000_000_000)


def test_as_high_as_is_an_upper_bound() -> None:
    assert one("as high as 300 people")[4] == "up_to"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Two and a half million people fled the fighting.", 2_500_000),
        ("The bill came to one and a quarter billion euros.", 1_250_000_000),
    ],
)
def test_a_whole_number_and_a_fraction_of_a_scale(text: str, value: float) -> None:
    """ "two and a half million" is 2.5 million, not the half million at its end."""
    assert [c.value.nominal for c in extract_text(text)] == [value]
