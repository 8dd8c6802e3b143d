"""The one table of claim columns: complete, in one order, and a faithful round trip."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

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
