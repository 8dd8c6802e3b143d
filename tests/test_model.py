"""The data model: claims survive their dict (JSON) form."""

from __future__ import annotations

from tests.gold import ROOT

SEEDS = str(ROOT / "seeds")


def test_claims_round_trip_through_their_dict_form() -> None:
    from hanoicheck.api import extract_paths
    from hanoicheck.model import Claim

    claims = extract_paths([SEEDS]).claims
    assert [Claim.from_dict(c.to_dict()) for c in claims] == list(claims)
