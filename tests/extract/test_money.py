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
