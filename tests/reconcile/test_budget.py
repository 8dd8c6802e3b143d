"""reconcile.budget: the figures of one source compared per block are bounded.

Grouping compares the claims of a block with each other; a file of 50,000 figures in
one block made that work grow with the square of the file. Counted here in comparisons
(calls of ``identity``'s parts), not seconds: with the budget, a source's 4,000 figures cost as
many comparisons as its first 200 do, and every figure is still in the fact table.
"""

from __future__ import annotations

import pytest

from hanoicheck.extract.pipeline import extract_document
from hanoicheck.model import Claim
from hanoicheck.reconcile import Status, reconcile
from hanoicheck.reconcile import grouping as grouping_module
from hanoicheck.reconcile.budget import MAX_COMPARED_PER_SOURCE, NOT_COMPARED
from hanoicheck.sources import parse_document


def _dense(figures: int) -> list[Claim]:
    text = "".join(f"{12 + i % 7} ships, " for i in range(figures))
    return list(extract_document(parse_document("dense.txt", text, ".txt")))


def _comparisons(claims: list[Claim], monkeypatch: pytest.MonkeyPatch) -> int:
    calls = 0

    def counting(real):  # type: ignore[no-untyped-def]
        def count(*args, **kwargs):  # type: ignore[no-untyped-def]
            nonlocal calls
            calls += 1
            return real(*args, **kwargs)

        return count

    # grouping's comparisons: of a claim with a group, and of two claims (identity's parts)
    for owner, name in [
        (grouping_module._Against, "strongest"),
        (grouping_module, "details"),
        (grouping_module, "ties_of"),
    ]:
        monkeypatch.setattr(owner, name, counting(getattr(owner, name)))
    reconcile(claims)
    return calls


def test_a_source_brings_at_most_the_budget_to_the_comparison(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    small, large = _dense(1000), _dense(4000)
    assert len(large) == 4 * len(small) > 2 * MAX_COMPARED_PER_SOURCE
    assert _comparisons(small, monkeypatch) == _comparisons(large, monkeypatch) > 0


def test_figures_beyond_the_budget_stay_in_the_table_uncompared() -> None:
    claims = _dense(MAX_COMPARED_PER_SOURCE + 50)
    result = reconcile(claims)
    assert result.claim_count == len(claims)
    assert sorted(c.id for g in result.groups for c in g.claims) == sorted(c.id for c in claims)
    aside = [g for g in result.groups if NOT_COMPARED in g.reasons]
    assert len(aside) == 50
    assert all(g.status is Status.UNCORROBORATED and len(g.claims) == 1 for g in aside)
    first_aside = min(c.start for g in aside for c in g.claims)
    assert all(c.start < first_aside for g in result.groups if g not in aside for c in g.claims)
