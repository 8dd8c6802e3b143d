"""``extract --format csv``: the JSONL fields flattened, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from hanoicheck.model import Claim

COLUMNS = [
    "schema_version",
    "id",
    "source",
    "kind",
    "quote",
    "start",
    "end",
    "line",
    "column",
    "subject_noun",
    "subject_role",
    "subject_owner",
    "subject_period",
    "subject_key",
    "event_name",
    "event_type",
    "event_date",
    "event_part_of_day",
    "event_parent",
    "attribution",
    "nominal",
    "low",
    "high",
    "low_inclusive",
    "high_inclusive",
    "qualifier",
    "unit",
    "modality",
    "outlet",
    "year_inferred",
    "document_date",
    "sentence",
]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """Neutralise cells a spreadsheet would run as a formula (CSV injection).

    Numbers are left alone (a negative number is data); text starting with a formula
    character gets a leading apostrophe, which spreadsheets show as text.
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def flatten(claim: Claim) -> dict[str, Any]:
    """The flat row of one claim (also used by the conflict CSV)."""
    data = claim.to_dict()
    row: dict[str, Any] = {k: v for k, v in data.items() if not isinstance(v, dict)}
    for group in ("subject", "event"):
        for key, value in data[group].items():
            row[f"{group}_{key}"] = value
    row.update(data["value"])
    return row


def render(claims: Sequence[Claim], color: bool = False) -> str:
    return "".join(lines(claims))


def lines(claims: Iterable[Claim]) -> Iterator[str]:
    """The header, then one CSV row per claim as it comes (streamed to a file)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for claim in claims:
        row = flatten(claim)
        writer.writerow({k: safe_cell(row.get(k)) for k in COLUMNS})
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()  # the header alone when there are no claims
