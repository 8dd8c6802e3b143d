"""``extract --format csv``: the JSONL fields flattened, safe to open in a spreadsheet.

The columns are :data:`hanoicheck.formats.columns.PLAIN_COLUMNS`, the table Parquet
and the cache share.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from hanoicheck.formats.columns import PLAIN_COLUMNS, plain_row
from hanoicheck.model import Claim

COLUMNS = [column.name for column in PLAIN_COLUMNS]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """Neutralise cells a spreadsheet would run as a formula (CSV injection).

    Numbers are left alone (a negative number is data); text starting with a formula
    character gets a leading apostrophe, which spreadsheets show as text.
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def render(claims: Sequence[Claim], color: bool = False) -> str:
    return "".join(lines(claims))


def lines(claims: Iterable[Claim]) -> Iterator[str]:
    """The header, then one CSV row per claim as it comes (streamed to a file)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for claim in claims:
        writer.writerow({name: safe_cell(value) for name, value in plain_row(claim).items()})
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()  # the header alone when there are no claims
