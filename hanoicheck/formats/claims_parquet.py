"""``extract --format parquet``: claims as a typed, columnar Parquet file.

Why Parquet: it is what distributed tools (Dask, Spark, DuckDB, pandas) read and write
natively, so extraction can run as a map over a cluster writing one Parquet part per
partition, and reconciliation can read them all back (``docs/distributed.md``). It is
also ~5x smaller than JSONL and typed, so numbers stay numbers.

The columns are the CSV columns (the JSONL fields flattened), typed. An interval's
bounds are numbers for counts and money but ISO strings for dates, and a Parquet column
has one type, so bounds are split: ``nominal``/``low``/``high`` (float64, null for
dates) and ``nominal_date``/``low_date``/``high_date`` (string, null otherwise).
:func:`read` rebuilds claims equal to the ones written.

pyarrow is an optional dependency (``pip install 'hanoicheck[parquet]'``), imported
only here, so the CLI and the other formats never pay for it.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from hanoicheck.model import SCHEMA_VERSION, Claim, Kind

__all__ = ["BATCH", "MissingDependency", "read", "schema", "write"]

# Claims per row group: small enough to stream 100,000 articles in flat memory, big
# enough for good compression and fast scans.
BATCH = 50_000

_STRINGS = (
    "id", "source", "kind", "quote", "subject_noun", "subject_role", "subject_owner",
    "subject_period", "subject_context", "subject_key", "event_name", "event_type",
    "event_date", "event_part_of_day", "event_parent", "attribution", "qualifier", "unit",
    "modality", "outlet", "sentence", "nominal_date", "low_date", "high_date",
    "document_date",
)  # fmt: skip
_INTS = ("schema_version", "start", "end", "line", "column")
_FLOATS = ("nominal", "low", "high")
_BOOLS = ("low_inclusive", "high_inclusive", "year_inferred")


class MissingDependency(RuntimeError):
    """pyarrow is not installed; the message says how to install it."""


def _pyarrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:  # pragma: no cover - exercised only without pyarrow
        raise MissingDependency(
            "the parquet format needs pyarrow: pip install 'hanoicheck[parquet]'"
        ) from None
    return pyarrow


def schema() -> Any:
    """The Arrow schema of a claims file (column order is the CSV's, then extras)."""
    pa = _pyarrow()
    fields = [(name, pa.int64()) for name in _INTS]
    fields += [(name, pa.string()) for name in _STRINGS]
    fields += [(name, pa.float64()) for name in _FLOATS]
    fields += [(name, pa.bool_()) for name in _BOOLS]
    return pa.schema(fields)


def _row(claim: Claim) -> dict[str, Any]:
    value = claim.value
    is_date = claim.kind is Kind.DATE
    return {
        "schema_version": SCHEMA_VERSION,
        "id": claim.id,
        "source": claim.source,
        "kind": str(claim.kind),
        "quote": claim.quote,
        "start": claim.start,
        "end": claim.end,
        "line": claim.line,
        "column": claim.column,
        "sentence": claim.sentence,
        "subject_noun": claim.subject.noun,
        "subject_role": claim.subject.role,
        "subject_owner": claim.subject.owner,
        "subject_period": claim.subject.period,
        "subject_context": claim.subject.context,
        "subject_key": claim.subject.key,
        "event_name": claim.event.name,
        "event_type": claim.event.type,
        "event_date": claim.event.date,
        "event_part_of_day": claim.event.part_of_day,
        "event_parent": claim.event.parent,
        "attribution": claim.attribution,
        "nominal": None if is_date else value.nominal,
        "low": None if is_date else value.low,
        "high": None if is_date else value.high,
        "nominal_date": value.nominal if is_date else None,
        "low_date": value.low if is_date else None,
        "high_date": value.high if is_date else None,
        "low_inclusive": value.low_inclusive,
        "high_inclusive": value.high_inclusive,
        "qualifier": str(value.qualifier),
        "unit": claim.unit,
        "modality": str(claim.modality),
        "outlet": claim.outlet,
        "year_inferred": claim.year_inferred,
        "document_date": claim.document_date,
    }


def _batches(claims: Iterable[Claim], size: int) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for claim in claims:
        batch.append(_row(claim))
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def write(claims: Iterable[Claim], path: Path, *, batch: int = BATCH) -> int:
    """Stream ``claims`` to a Parquet file at ``path``, atomically; return the count.

    Rows go to a temporary file in the target's directory, one row group per ``batch``
    claims, and the file is renamed over ``path`` only when complete, so a failed run
    never leaves a truncated file where a good one was.
    """
    pa = _pyarrow()
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    os.close(fd)
    count = 0
    try:
        with pa.parquet.ParquetWriter(tmp, schema(), compression="zstd") as writer:
            for rows in _batches(claims, batch):
                writer.write_table(pa.Table.from_pylist(rows, schema=schema()))
                count += len(rows)
            if count == 0:
                writer.write_table(schema().empty_table())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return count


def claim_from_row(row: dict[str, Any]) -> Claim:
    """One claim from one Parquet row (a dict as pyarrow's ``to_pylist`` gives)."""
    is_date = row["kind"] == Kind.DATE
    suffix = "_date" if is_date else ""
    data = {
        "schema_version": row["schema_version"],
        "id": row["id"],
        "source": row["source"],
        "kind": row["kind"],
        "quote": row["quote"],
        "start": row["start"],
        "end": row["end"],
        "line": row["line"],
        "column": row["column"],
        "sentence": row["sentence"],
        "subject": {
            "noun": row["subject_noun"],
            "role": row["subject_role"],
            "owner": row["subject_owner"],
            "period": row["subject_period"],
            "context": row["subject_context"],
        },
        "event": {
            "name": row["event_name"],
            "type": row["event_type"],
            "date": row["event_date"],
            "part_of_day": row["event_part_of_day"],
            "parent": row["event_parent"],
        },
        "value": {
            "nominal": row["nominal" + suffix],
            "low": row["low" + suffix],
            "high": row["high" + suffix],
            "low_inclusive": row["low_inclusive"],
            "high_inclusive": row["high_inclusive"],
            "qualifier": row["qualifier"],
        },
        "unit": row["unit"],
        "modality": row["modality"],
        "attribution": row["attribution"],
        "outlet": row["outlet"],
        "year_inferred": row["year_inferred"],
        "document_date": row.get("document_date"),
    }
    return Claim.from_dict(data)


def read(path: str | Path) -> Iterator[Claim]:
    """Claims of a Parquet file or a directory of Parquet parts, in stored order.

    Read one row group at a time, so reading back 100,000 articles' claims holds one
    batch of rows besides the claims themselves.
    """
    pa = _pyarrow()
    target = Path(path)
    files = sorted(target.glob("*.parquet")) if target.is_dir() else [target]
    for file in files:
        parquet = pa.parquet.ParquetFile(file)
        for group in range(parquet.num_row_groups):
            for row in parquet.read_row_group(group).to_pylist():
                yield claim_from_row(row)
