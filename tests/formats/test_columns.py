"""The one table of claim columns: complete, in one order, and a faithful round trip."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest

from hanoicheck.api import extract_paths
from hanoicheck.formats import ClaimFormat, render_claims
from hanoicheck.formats.columns import (
    CLAIM_COLUMNS,
    PLAIN_COLUMNS,
    STORED_COLUMNS,
    TYPE_ORDER,
    TYPED_COLUMNS,
    claim_from_stored,
    claim_from_typed,
    plain_row,
    stored_row,
    typed_row,
)
from hanoicheck.model import Claim
from tests.gold import ROOT


def _claims() -> tuple[Claim, ...]:
    claims = extract_paths([ROOT / "seeds", ROOT / "fixtures" / "corpora"]).claims
    assert len({c.kind for c in claims}) == 3 and len({c.value.qualifier for c in claims}) > 3
    return claims


def _leaves(data: dict[str, Any], prefix: tuple[str, ...] = ()) -> set[tuple[str, ...]]:
    found: set[tuple[str, ...]] = set()
    for key, value in data.items():
        if isinstance(value, dict):
            found |= _leaves(value, (*prefix, key))
        else:
            found.add((*prefix, key))
    return found


def test_the_table_covers_every_field_of_a_claim_once() -> None:
    claim = _claims()[0]
    fields = _leaves(claim.to_dict())
    assert {c.path for c in PLAIN_COLUMNS} == fields
    assert len(PLAIN_COLUMNS) == len(fields) == len({c.name for c in PLAIN_COLUMNS})
    assert "subject_context" in [c.name for c in PLAIN_COLUMNS]


def test_csv_writes_the_plain_columns_in_table_order() -> None:
    claims = _claims()
    header = render_claims(claims[:1], ClaimFormat.CSV).splitlines()[0]
    assert header.split(",") == [c.name for c in PLAIN_COLUMNS]
    rows = list(csv.DictReader(io.StringIO(render_claims(claims, ClaimFormat.CSV))))
    assert [r["subject_context"].lstrip("'") for r in rows] == [
        c.subject.context.lstrip("'") for c in claims
    ]


def test_typed_columns_are_grouped_by_type_and_split_dates() -> None:
    assert [c.type for c in TYPED_COLUMNS] == sorted(
        (c.type for c in TYPED_COLUMNS), key=TYPE_ORDER.index
    )
    assert set(TYPED_COLUMNS) == set(CLAIM_COLUMNS)
    for claim in _claims():
        row = typed_row(claim)
        assert list(row) == [c.name for c in TYPED_COLUMNS]
        numbers = {row["nominal"], row["low"], row["high"]} - {None}
        dates = {row["nominal_date"], row["low_date"], row["high_date"]} - {None}
        assert all(isinstance(v, str) for v in dates) and all(
            isinstance(v, int | float) for v in numbers
        )
        assert not (numbers and dates)
        assert claim_from_typed(row) == claim


def test_plain_rows_and_stored_rows() -> None:
    for claim in _claims():
        flat = plain_row(claim)
        assert flat["subject_key"] == claim.subject.key and flat["source"] == claim.source
        stored = json.loads(json.dumps(stored_row(claim)))
        assert len(stored) == len(STORED_COLUMNS)
        assert claim_from_stored(stored) == claim
        moved = claim_from_stored(stored, {"source": "elsewhere.txt", "id": ""})
        assert moved.source == "elsewhere.txt" and moved.id != claim.id


def _shape(claim: Claim) -> list[tuple[str, str]]:
    """Every leaf of a claim with the type it has (110.0 and 110 are equal, not alike)."""
    leaves = []
    for name in claim.__dataclass_fields__:
        value = getattr(claim, name)
        parts = value.__dataclass_fields__ if hasattr(value, "__dataclass_fields__") else None
        for part in parts or [None]:
            leaf = getattr(value, part) if part else value
            leaves.append((f"{name}.{part}" if part else name, type(leaf).__name__))
    return leaves


def test_a_stored_row_gives_the_claim_from_dict_gives() -> None:
    """The cache decodes rows straight into claims (faster than nested dicts): the
    claims must be those :meth:`Claim.from_dict` builds, down to the types of values."""
    for claim in _claims():
        stored = json.loads(json.dumps(stored_row(claim)))
        direct = claim_from_stored(stored)
        via_dict = Claim.from_dict(json.loads(json.dumps(claim.to_dict())))
        assert direct == via_dict == claim
        assert _shape(direct) == _shape(via_dict)
    with pytest.raises(ValueError, match="cells"):
        claim_from_stored(stored[:-1])
