"""Extraction over many files in worker processes, in a stable order, streamed.

Extraction of a document depends on that document alone (see
:mod:`hanoicheck.extract.pipeline`), so a corpus is a pure map over its files. This
module runs that map either in this process or in a pool of worker processes, and in
both cases yields one result per discovered file **in discovery order**, so the output
of ``--jobs 1`` and ``--jobs 8`` is byte-identical.

Why processes and not threads: extraction is pure-Python regular-expression work that
holds the GIL, so threads would not run it in parallel.

Why ``spawn``: the CLI draws a progress bar from a background thread, and forking a
process that has threads can deadlock the child on a lock the thread held. ``spawn``
starts clean interpreters on every platform; the price (importing the extractors once
per worker, well under a second) is why small inputs stay in one process.

Memory stays flat however large the corpus: paths are sent to workers in small
chunks, at most a few chunks per worker are in flight, and each result is handed to the
caller as soon as the results before it are in. By default a document's text is
dropped once its claims are extracted (``keep_text``), so a run over 100,000 articles
holds the claims and metadata, not every article.

Beyond one machine the same map runs on a Dask cluster: see ``docs/distributed.md``.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from hanoicheck.extract.pipeline import extract_document
from hanoicheck.extract.sentence import ExtractOptions
from hanoicheck.model import Claim, Document, SourceError
from hanoicheck.sources import DEFAULT_MAX_BYTES, load_sources

__all__ = [
    "AUTO_PARALLEL_MIN_FILES",
    "DocumentClaims",
    "ExtractItem",
    "ProgressCallback",
    "available_cpus",
    "extract_items",
    "extract_path",
    "resolve_jobs",
]

# Below this many files a pool costs more (worker start-up, importing the extractors in
# each) than it saves: measured break-even on 2 cores is ~100 short articles.
AUTO_PARALLEL_MIN_FILES = 200
# Chunks are small enough to balance load and keep the progress bar moving, big enough
# that inter-process overhead (pickling, queueing) stays negligible.
MAX_CHUNK = 32
# Chunks in flight per worker: enough to keep every worker busy while the parent
# consumes results, few enough that finished-but-unconsumed results stay small.
IN_FLIGHT_PER_WORKER = 4


@dataclass(frozen=True, slots=True)
class DocumentClaims:
    """One readable file: its document (text dropped unless asked for) and claims."""

    document: Document
    claims: tuple[Claim, ...]


ExtractItem = DocumentClaims | SourceError
ProgressCallback = Callable[[int, int], None]
"""Called as ``progress(done, total)`` (files) after each batch of results."""


def available_cpus() -> int:
    """CPUs this process may run on (the affinity mask, not the machine's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def resolve_jobs(jobs: int | None, files: int) -> int:
    """The number of processes to use: ``None`` or ``0`` mean automatic.

    Automatic is one process for small inputs (start-up would dominate) and every
    available CPU for large ones. Never more processes than there are files.
    """
    if jobs is not None and jobs < 0:
        raise ValueError(f"jobs must be 0 (automatic) or more, not {jobs}")
    if not jobs:
        jobs = 1 if files < AUTO_PARALLEL_MIN_FILES else available_cpus()
    return max(1, min(jobs, files))


def extract_path(
    item: Path | SourceError,
    options: ExtractOptions | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    keep_text: bool = False,
) -> ExtractItem:
    """Load one discovered file and extract its claims; a read problem is a value.

    Loading goes through :func:`~hanoicheck.sources.load_sources` so that serial and
    parallel runs (and the Dask recipe) report unreadable files with the same words.
    """
    if isinstance(item, SourceError):
        return item
    loaded = next(iter(load_sources([item], max_bytes=max_bytes)))
    if isinstance(loaded, SourceError):
        return loaded
    claims = tuple(extract_document(loaded, options))
    document = loaded if keep_text else replace(loaded, text="", furniture=())
    return DocumentClaims(document, claims)


def _extract_chunk(
    chunk: list[Path | SourceError],
    options: ExtractOptions | None,
    max_bytes: int,
    keep_text: bool,
) -> list[ExtractItem]:
    """Worker entry point (module level, so it pickles)."""
    return [extract_path(item, options, max_bytes, keep_text) for item in chunk]


def _chunks(items: Sequence[Path | SourceError], size: int) -> Iterator[list[Path | SourceError]]:
    for start in range(0, len(items), size):
        yield list(items[start : start + size])


def chunk_size(files: int, jobs: int) -> int:
    """About 16 chunks per worker, capped: balances load without per-item overhead."""
    return max(1, min(MAX_CHUNK, files // (jobs * 16) or 1))


def extract_items(
    items: Sequence[Path | SourceError],
    options: ExtractOptions | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    jobs: int | None = None,
    progress: ProgressCallback | None = None,
    keep_text: bool = False,
) -> Iterator[ExtractItem]:
    """One result per discovered item, in the order of ``items``, whatever ``jobs`` is."""
    total = len(items)
    workers = resolve_jobs(jobs, total)
    if progress is not None:
        progress(0, total)
    if workers == 1:
        for done, item in enumerate(items, start=1):
            yield extract_path(item, options, max_bytes, keep_text)
            if progress is not None:
                progress(done, total)
        return
    yield from _pooled(items, options, max_bytes, keep_text, workers, progress)


def _pooled(
    items: Sequence[Path | SourceError],
    options: ExtractOptions | None,
    max_bytes: int,
    keep_text: bool,
    workers: int,
    progress: ProgressCallback | None,
) -> Iterator[ExtractItem]:
    """Ordered results from a process pool with a bounded number of chunks in flight."""
    total = len(items)
    size = chunk_size(total, workers)
    pending: deque[Future[list[ExtractItem]]] = deque()
    chunks: Iterable[list[Path | SourceError]] = _chunks(items, size)
    context = multiprocessing.get_context("spawn")
    done = 0
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        iterator = iter(chunks)
        try:
            for chunk in iterator:
                pending.append(pool.submit(_extract_chunk, chunk, options, max_bytes, keep_text))
                if len(pending) < workers * IN_FLIGHT_PER_WORKER:
                    continue
                results = pending.popleft().result()
                done += len(results)
                yield from results
                if progress is not None:
                    progress(done, total)
            while pending:
                results = pending.popleft().result()
                done += len(results)
                yield from results
                if progress is not None:
                    progress(done, total)
        finally:
            # A consumer that stops early (or an error) must not wait for queued work.
            for future in pending:
                future.cancel()
