"""``extract --format csv``: the JSONL fields flattened, safe to open in a spreadsheet.

The columns are :data:`hanoicheck.formats.columns.PLAIN_COLUMNS`, the table Parquet
and the cache share. Every cell goes through :func:`safe_cell`.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from hanoicheck.escaping import visible
from hanoicheck.formats.columns import PLAIN_COLUMNS, plain_row
from hanoicheck.model import Claim

COLUMNS = [column.name for column in PLAIN_COLUMNS]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_YEARLESS_DATE = re.compile(r"--(\d\d-\d\d)")


def safe_cell(value: Any) -> Any:
    """A cell a spreadsheet shows as it is and never runs (CSV injection).

    Numbers are left alone (a negative number is data). Text has its acting characters
    made visible (:func:`~hanoicheck.escaping.visible`). A year-less date (``--10-15``
    in JSON, ISO 8601's truncated form) is written ``XXXX-10-15``, the unspecified year
    of ISO 8601-2 (EDTF): spreadsheets read a leading ``-`` as a formula, and an
    apostrophe would change the value. Any other text starting with a formula
    character gets a leading apostrophe, which spreadsheets show as text.
    """
    if not isinstance(value, str):
        return value
    value = visible(value)
    if _YEARLESS_DATE.fullmatch(value):
        return "XXXX" + value[1:]
    if value.startswith(_FORMULA_START):
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
