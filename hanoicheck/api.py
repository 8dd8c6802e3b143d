"""The library entry points: everything the CLI does is one call here first.

>>> from hanoicheck.api import extract_paths
>>> result = extract_paths(["seeds"])          # doctest: +SKIP
>>> result.claims[0].quote, result.errors      # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from hanoicheck.extract.sentence import ExtractOptions
from hanoicheck.interning import Interner
from hanoicheck.model import Claim, Document, SourceError
from hanoicheck.parallel import DocumentClaims, ExtractItem, ProgressCallback, extract_items
from hanoicheck.reconcile import ReconcileOptions, Reconciliation, reconcile
from hanoicheck.sources import DEFAULT_MAX_BYTES, discover


@dataclass(frozen=True, slots=True)
class Extraction:
    """Claims of every readable document, and the files that could not be read."""

    claims: tuple[Claim, ...]
    documents: tuple[Document, ...] = field(default=())
    errors: tuple[SourceError, ...] = field(default=())


def iter_extract(
    paths: Sequence[str | Path],
    options: ExtractOptions | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    jobs: int | None = 1,
    progress: ProgressCallback | None = None,
    keep_text: bool = False,
) -> Iterator[ExtractItem]:
    """Stream one result per file under ``paths`` (claims, or why it could not be read).

    The streaming form of :func:`extract_paths` for large corpora: results come in the
    stable discovery order whatever ``jobs`` is (default 1, in this process; ``None``:
    one process for small inputs, every CPU for large ones, which like any process pool
    needs the calling script to guard its entry point with ``if __name__ ==
    "__main__"``), and a document's text is dropped once its claims are read
    unless ``keep_text``, so memory grows with the claims, not with the articles.
    """
    items = list(discover(paths))
    return extract_items(
        items, options, max_bytes=max_bytes, jobs=jobs, progress=progress, keep_text=keep_text
    )


def extract_paths(
    paths: Sequence[str | Path],
    options: ExtractOptions | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    jobs: int | None = 1,
    progress: ProgressCallback | None = None,
    keep_text: bool = True,
) -> Extraction:
    """Load every source under ``paths`` and extract its claims, in a stable order.

    ``jobs`` and ``progress`` are as for :func:`iter_extract`; ``keep_text=False`` keeps
    only each document's metadata (source, date, outlet, url) for big runs.
    """
    claims: list[Claim] = []
    documents: list[Document] = []
    errors: list[SourceError] = []
    shared = Interner()  # claims of many articles repeat outlets, events, values
    for item in iter_extract(
        paths, options, max_bytes=max_bytes, jobs=jobs, progress=progress, keep_text=keep_text
    ):
        if isinstance(item, SourceError):
            errors.append(item)
            continue
        documents.append(item.document)
        claims.extend(map(shared.claim, item.claims))
    return Extraction(tuple(claims), tuple(documents), tuple(errors))


@dataclass(frozen=True, slots=True)
class Report:
    """An extraction and its reconciliation: what ``report`` and ``conflicts`` show."""

    extraction: Extraction
    reconciliation: Reconciliation


def reconcile_paths(
    paths: Sequence[str | Path],
    options: ReconcileOptions | None = None,
    *,
    extract_options: ExtractOptions | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    jobs: int | None = 1,
    progress: ProgressCallback | None = None,
) -> Report:
    """Extract every source under ``paths`` and reconcile the claims across them."""
    extraction = extract_paths(
        paths, extract_options, max_bytes=max_bytes, jobs=jobs, progress=progress, keep_text=False
    )
    return Report(extraction, reconcile(extraction.claims, options, extraction.documents))


__all__ = [
    "DocumentClaims",
    "ExtractItem",
    "Extraction",
    "Report",
    "extract_paths",
    "iter_extract",
    "reconcile_paths",
]
