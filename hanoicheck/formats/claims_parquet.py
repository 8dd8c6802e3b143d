"""``extract --format parquet``: claims as a typed, columnar Parquet file.

Why Parquet: it is what distributed tools (Dask, Spark, DuckDB, pandas) read and write
natively, so extraction can run as a map over a cluster writing one Parquet part per
partition, and reconciliation can read them all back (``docs/distributed.md``). It is
also ~5x smaller than JSONL and typed, so numbers stay numbers.

The columns come from the table CSV and the cache share
(:mod:`hanoicheck.formats.columns`), typed and grouped by type. An interval's bounds are
numbers for counts and money but ISO strings for dates, and a Parquet column has one
type, so bounds are split: ``nominal``/``low``/``high`` (float64, null for dates) and
``nominal_date``/``low_date``/``high_date`` (string, null otherwise). :func:`read`
rebuilds claims equal to the ones written. Files are written through
:func:`hanoicheck.output.atomic_file`, like every other output.

pyarrow is an optional dependency (``pip install 'hanoicheck[parquet]'``), imported
only here, so the CLI and the other formats never pay for it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from hanoicheck.formats.columns import TYPED_COLUMNS, claim_from_typed, typed_row
from hanoicheck.model import Claim
from hanoicheck.output import atomic_file

__all__ = ["BATCH", "MissingDependency", "read", "schema", "write"]

# Claims per row group: small enough to stream 100,000 articles in flat memory, big
# enough for good compression and fast scans.
BATCH = 50_000


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
    """The Arrow schema of a claims file: :data:`~hanoicheck.formats.columns.TYPED_COLUMNS`."""
    pa = _pyarrow()
    arrow = {int: pa.int64(), str: pa.string(), float: pa.float64(), bool: pa.bool_()}
    return pa.schema([(column.name, arrow[column.type]) for column in TYPED_COLUMNS])


def _batches(claims: Iterable[Claim], size: int) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for claim in claims:
        batch.append(typed_row(claim))
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def write(claims: Iterable[Claim], path: Path, *, batch: int = BATCH) -> int:
    """Stream ``claims`` to a Parquet file at ``path``, atomically; return the count.

    One row group per ``batch`` claims; the file replaces ``path`` only when complete
    (:func:`~hanoicheck.output.atomic_file`, which raises
    :class:`~hanoicheck.output.OutputError` when it cannot be written), so a failed run
    never leaves a truncated file where a good one was.
    """
    pa = _pyarrow()
    count = 0
    with (
        atomic_file(Path(path)) as handle,
        pa.parquet.ParquetWriter(handle, schema(), compression="zstd") as writer,
    ):
        for rows in _batches(claims, batch):
            writer.write_table(pa.Table.from_pylist(rows, schema=schema()))
            count += len(rows)
        if count == 0:
            writer.write_table(schema().empty_table())
    return count


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
                yield claim_from_typed(row)
