"""Money: currencies written every way, scale words, owner, type and period."""

from __future__ import annotations

import pytest

from hanoicheck.extract.pipeline import extract_text
from hanoicheck.model import Claim


def money(text: str) -> list[Claim]:
    return [c for c in extract_text(text) if c.kind.value == "money"]


@pytest.mark.parametrize(
    ("text", "quote", "amount", "unit"),
    [
        ("Canberra gave AUD83.5 million to the fund.", "AUD83.5 million", 83.5e6, "AUD"),
        ("Canberra gave A$83.5m to the fund.", "A$83.5m", 83.5e6, "AUD"),
        ("It cost 12.5 billion AUD last year.", "12.5 billion AUD", 12.5e9, "AUD"),
        ("Washington pledged US$54.4 million.", "US$54.4 million", 54.4e6, "USD"),
        ("The firm was fined $1.5bn.", "$1.5bn", 1.5e9, "USD"),
        ("Brussels added €47 million.", "€47 million", 47e6, "EUR"),
        ("Brussels added EUR 47m.", "EUR 47m", 47e6, "EUR"),
        ("London spent £3.2 billion.", "£3.2 billion", 3.2e9, "GBP"),
        ("Hanoi allocated 2 trillion dong.", "2 trillion dong", 2e12, "VND"),
        ("Tokyo offered 5 billion yen.", "5 billion yen", 5e9, "JPY"),
        ("It gave 40 million Australian dollars.", "40 million Australian dollars", 40e6, "AUD"),
    ],
)
def test_currencies(text: str, quote: str, amount: float, unit: str) -> None:
    (claim,) = money(text)
    assert (claim.quote, claim.value.nominal, claim.unit) == (quote, amount, unit)


def test_hedge_before_the_currency_symbol() -> None:
    (claim,) = money("Donors pledged more than US$20 million.")
    assert claim.quote == "more than US$20 million"
    assert (claim.value.low, claim.value.high, claim.value.low_inclusive) == (20e6, None, False)


def test_vague_amounts_are_open_intervals() -> None:
    (claim,) = money("Fraud costs the world economy billions of dollars every year.")
    assert (claim.value.low, claim.value.high, claim.unit) == (1e9, None, "USD")
    assert claim.subject.period == "annual"


def test_cost_and_contribution_are_told_apart_with_their_owner() -> None:
    text = (
        "In 2025 alone, fraud cost the Canadian economy C$3 billion. "
        "Canada, for its part, announced a contribution of C$10 million to the programme."
    )
    cost, contribution = money(text)
    assert (cost.subject.noun, cost.subject.period) == ("cost", "2025")
    assert "canadian" in (cost.subject.owner or "")
    assert (contribution.subject.noun, contribution.subject.owner) == ("contribution", "canada")


def test_a_bare_number_is_not_money() -> None:
    assert money("Teams scored 3 goals in 90 minutes.") == []


@pytest.mark.parametrize(
    ("text", "quote", "low", "high", "unit"),
    [
        (
            "Repairs will cost between €20 billion and €35 billion.",
            "between €20 billion and €35 billion",
            20e9,
            35e9,
            "EUR",
        ),
        (
            "Estimates run from $22 billion to $38 billion.",
            "from $22 billion to $38 billion",
            22e9,
            38e9,
            "USD",
        ),
        ("The bill is put at €20-35bn.", "€20-35bn", 20e9, 35e9, "EUR"),
    ],
)
def test_money_ranges(text: str, quote: str, low: float, high: float, unit: str) -> None:
    (claim,) = money(text)
    assert (claim.quote, claim.value.low, claim.value.high, claim.unit) == (quote, low, high, unit)
    assert claim.value.qualifier.value == "range"


@pytest.mark.parametrize(
    ("text", "quote", "amount", "unit"),
    [
        ("The junta pledged 400 billion kyats to rebuild.", "400 billion kyats", 400e9, "MMK"),
        ("Beijing gave 50 million yuan in aid.", "50 million yuan", 50e6, "CNY"),
        ("The fund holds 3 billion renminbi.", "3 billion renminbi", 3e9, "CNY"),
        ("Bern released 25 million Swiss francs.", "25 million Swiss francs", 25e6, "CHF"),
        ("Riyadh sent 100 million Saudi riyals.", "100 million Saudi riyals", 100e6, "SAR"),
        ("The ticket costs 42 SAR.", "42 SAR", 42, "SAR"),
        ("A kilo of rice costs 30 LE in Cairo.", "30 LE", 30, "EGP"),
        ("Singapore gave S$2 million.", "S$2 million", 2e6, "SGD"),
        ("Hong Kong gave HK$8 million.", "HK$8 million", 8e6, "HKD"),
        ("Wellington gave NZ$1.5 million.", "NZ$1.5 million", 1.5e6, "NZD"),
        ("Ottawa gave C$4 million.", "C$4 million", 4e6, "CAD"),
        ("Brasilia gave R$9 million.", "R$9 million", 9e6, "BRL"),
        ("The budget adds J$29.3 billion.", "J$29.3 billion", 29.3e9, "JMD"),
        ("Each family got 500 gourdes.", "500 gourdes", 500, "HTG"),
        ("London gave £10 million.", "£10 million", 10e6, "GBP"),
        (
            "The firm was fined 66.21 crore rupees in Mumbai.",
            "66.21 crore rupees",
            662_100_000,
            "INR",
        ),
        ("The prize is Rs 25 lakh.", "Rs 25 lakh", 2_500_000, "INR"),
        ("The prize is Rs. 40,000.", "Rs. 40,000", 40_000, "INR"),
        ("In Lahore, a bag of flour costs 900 rupees.", "900 rupees", 900, "PKR"),
        ("The shirt sold for 115.5USD online.", "115.5USD", 115.5, "USD"),
        ("It cost 15 dollars 50 at the door.", "15 dollars 50", 15.5, "USD"),
        ("It cost $20 and 43c.", "$20 and 43c", 20.43, "USD"),
        ("They lost 75 USD million last year.", "75 USD million", 75e6, "USD"),
    ],
)
def test_currencies_by_name_sign_and_code(text: str, quote: str, amount: float, unit: str) -> None:
    (claim,) = money(text)
    assert (claim.quote, claim.value.nominal, claim.unit) == (quote, amount, unit)


def test_a_conversion_in_brackets_is_its_own_claim() -> None:
    kyats, dollars = money("The junta pledged 400 billion kyats (about $190 million).")
    assert (kyats.unit, dollars.unit, dollars.value.qualifier.value) == ("MMK", "USD", "about")


def test_a_dollar_sign_after_a_word_is_not_a_country_prefix() -> None:
    (claim,) = money("It is a $5 million fee.")
    assert (claim.quote, claim.unit) == ("$5 million", "USD")


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("Bank of America put the losses at about $50 million a day.", "daily"),
        ("S&P estimates the strike costs about $1 billion a month.", "monthly"),
        ("Machinists earn $51.30 an hour on average.", "hourly"),
        ("The fund will lend $2 billion per year.", "annual"),
        ("The state pledged $5 million a year ago.", None),  # a time, not a rate
    ],
)
def test_an_amount_per_period_is_a_rate(text: str, period: str | None) -> None:
    (claim,) = (c for c in extract_text(text, document_date="2024-10-01") if c.unit)
    assert claim.subject.period == period


@pytest.mark.parametrize(
    ("text", "amount", "unit"),
    [
        ("The council set aside €40M for the repairs.", 40_000_000, "EUR"),
        ("Donors raised $250K in a week.", 250_000, "USD"),
        ("The bid was worth £3.5BN, the bank said.", 3_500_000_000, "GBP"),
    ],
)
def test_a_scale_in_capitals_after_a_currency_sign(text: str, amount: float, unit: str) -> None:
    """ "$250K" is an amount, not an identifier such as "A10M"."""
    claims = extract_text(text)
    assert [(c.kind.value, c.value.nominal, c.unit) for c in claims] == [("money", amount, unit)]


def test_a_capital_scale_with_no_currency_stays_an_identifier() -> None:
    assert [c.quote for c in extract_text("The A40M motorway reopened with 12 lanes.")] == [
        "12 lanes"
    ]
