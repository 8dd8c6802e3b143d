"""Extraction of many files, here or in worker processes, in a stable order, streamed.

Extraction of a document depends on that document alone (see
:mod:`hanoicheck.extract.pipeline`), so a corpus is a pure map of :func:`extract_file`
over its files. This module runs that map either in this process or in a pool of
worker processes, and in both cases yields one result per task **in task order**, so
the output of ``--jobs 1`` and ``--jobs 8`` is byte-identical. It is the engine of the
one extraction driver, :func:`hanoicheck.api.iter_extract`, which hands it the
discovered files: paths to read, files it already read (to look them up in a claim
store), or results it already has (unreadable files, store hits), which pass through
in their place without a worker.

Why processes and not threads: extraction is pure-Python regular-expression work that
holds the GIL, so threads would not run it in parallel.

Why ``spawn``: the CLI draws a progress bar from a background thread, and forking a
process that has threads can deadlock the child on a lock the thread held. ``spawn``
starts clean interpreters on every platform; the price (importing the extractors once
per worker, well under a second) is why an automatic ``jobs`` starts a pool only when
the bytes to extract pay for it on the CPUs that are idle
(:func:`hanoicheck.workers.choose_jobs`). Only files that need extracting count: a run
whose files are all in the store starts no worker (processes are started on the first
submitted chunk).

Memory stays flat however large the corpus: tasks are sent to workers in small
chunks, at most a few chunks per worker are in flight, and each result is handed to the
caller as soon as the results before it are in. By default a document's text is
dropped once its claims are extracted (``keep_text``), so a run over 100,000 articles
holds the claims and metadata, not every article.

Beyond one machine the same map runs on a Dask cluster: see ``docs/distributed.md``.
"""

from __future__ import annotations

import itertools
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

from hanoicheck.extract.pipeline import extract_document
from hanoicheck.extract.sentence import ExtractOptions
from hanoicheck.model import Claim, Document, SourceError
from hanoicheck.sources import (
    DEFAULT_MAX_BYTES,
    SourceReadError,
    document_from_bytes,
    normalize_source,
    parse_failure,
    read_source_bytes,
)
from hanoicheck.store import StoreKey
from hanoicheck.workers import READ_AHEAD_BYTES, available_cpus, choose_jobs, system_load

if TYPE_CHECKING:  # pragma: no cover - typing only
    from concurrent.futures import Future

__all__ = [
    "DocumentClaims",
    "ExtractItem",
    "FileBytes",
    "ProgressCallback",
    "Task",
    "available_cpus",
    "extract_file",
    "extract_tasks",
    "resolve_jobs",
]

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


@dataclass(frozen=True, slots=True)
class FileBytes:
    """A discovered file the driver already read (to look it up in a claim store).

    It is extracted from these bytes, so a file is never read twice; ``key`` is what
    the driver stores the result under.
    """

    path: Path
    source: str
    data: bytes
    key: StoreKey | None = None


ExtractItem = DocumentClaims | SourceError
Task = Path | FileBytes | ExtractItem
"""A file to read and extract, a file already read, or a result already known."""
ProgressCallback = Callable[[int, int], None]
"""Called as ``progress(done, total)`` (files) after each batch of results."""


def resolve_jobs(jobs: int | None, files: int, work_bytes: int | None = None) -> int:
    """The number of processes to use: ``None`` or ``0`` mean automatic.

    Automatic is :func:`~hanoicheck.workers.choose_jobs` for ``work_bytes`` (the size of
    the ``files`` that need extracting; unknown counts as nothing to share out) on the
    CPUs available and the load on them now. Never more processes than there are
    files, nor than CPUs this process may use: extraction is CPU-bound, so a 65th
    process only adds its memory (``-j 64`` on 2 CPUs took 1.9 GB and ran 3x slower
    than ``-j 2``).
    """
    if jobs is not None and jobs < 0:
        raise ValueError(f"jobs must be 0 (automatic) or more, not {jobs}")
    cpus = available_cpus()
    if not jobs:
        return choose_jobs(cpus, system_load(), work_bytes or 0, files)
    return max(1, min(jobs, files, cpus))


def _size(task: Task) -> int:
    """Bytes a task gives to extract: a file's size (0 when it cannot be read, which its
    reading will report), the bytes already read, nothing for a known result."""
    if isinstance(task, FileBytes):
        return len(task.data)
    if isinstance(task, Path):
        try:
            return os.stat(task).st_size
        except OSError:
            return 0
    return 0


def without_text(document: Document) -> Document:
    """``document`` keeping only its metadata (source, date, outlet, url)."""
    return replace(document, text="", furniture=())


def extract_file(
    task: Path | FileBytes,
    options: ExtractOptions | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    keep_text: bool = False,
) -> ExtractItem:
    """Read (unless already read), parse and extract one discovered file.

    A file that cannot be read, parsed or extracted is a :class:`SourceError` value
    with a one-line reason, never an exception: this is the unit of work of every run
    (in this process, in a pool, on a Dask cluster), so all of them report unreadable
    files with the same words, and one bad file never stops a run (an extractor that
    builds an interval the model refuses is a bug to fix, not a reason to lose the
    claims of every other file).
    """
    path = task if isinstance(task, Path) else task.path
    try:
        if isinstance(task, Path):
            source, data = read_source_bytes(task, max_bytes=max_bytes)
        else:
            source, data = task.source, task.data
        document = document_from_bytes(source, data, path.suffix)
        claims = tuple(extract_document(document, options))
    except SourceReadError as exc:
        return exc.to_error()
    except Exception as exc:  # a parser or extractor bug: reported, not raised
        return parse_failure(normalize_source(path), exc)
    return DocumentClaims(document if keep_text else without_text(document), claims)


def _needs_work(task: Task) -> bool:
    return isinstance(task, Path | FileBytes)


def _extract_chunk(
    chunk: list[Path | FileBytes],
    options: ExtractOptions | None,
    max_bytes: int,
    keep_text: bool,
) -> list[ExtractItem]:
    """Worker entry point (module level, so it pickles)."""
    return [extract_file(task, options, max_bytes, keep_text) for task in chunk]


def chunk_size(files: int, jobs: int) -> int:
    """About 16 chunks per worker, capped: balances load without per-item overhead."""
    return max(1, min(MAX_CHUNK, files // (jobs * 16) or 1))


def _plan(tasks: Iterator[Task], jobs: int | None, total: int) -> tuple[list[Task], int]:
    """The processes to use, and the tasks read ahead to decide it.

    An explicit ``jobs`` decides alone. Automatic weighs the tasks that need extracting
    (a store's hits do not) by their bytes, reading ahead only until there are
    :data:`~hanoicheck.workers.READ_AHEAD_BYTES` of them (more would not change the
    choice, and the bytes a store lookup read are held until extracted).
    """
    if jobs is not None and jobs != 0:
        return [], resolve_jobs(jobs, total)
    ahead: list[Task] = []
    work = size = 0
    for task in tasks:
        ahead.append(task)
        if _needs_work(task):
            work += 1
            size += _size(task)
            if size >= READ_AHEAD_BYTES:
                work = total - (len(ahead) - work)  # the tasks not read may all need work
                break
    return ahead, resolve_jobs(jobs, work, size)


def extract_tasks(
    tasks: Iterable[Task],
    total: int,
    options: ExtractOptions | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    jobs: int | None = None,
    progress: ProgressCallback | None = None,
    keep_text: bool = False,
) -> Iterator[tuple[Task, ExtractItem]]:
    """Each task with its result, in the order of ``tasks``, whatever ``jobs`` is.

    ``total`` is the number of tasks, for ``progress`` and for choosing the processes
    without reading every task first.
    """
    pending = iter(tasks)
    ahead, workers = _plan(pending, jobs, total)
    stream = itertools.chain(ahead, pending)
    if progress is not None:
        progress(0, total)
    if workers == 1:
        for done, task in enumerate(stream, start=1):
            if isinstance(task, Path | FileBytes):
                yield task, extract_file(task, options, max_bytes, keep_text)
            else:
                yield task, task
            if progress is not None:
                progress(done, total)
        return
    yield from _pooled(stream, total, options, max_bytes, keep_text, workers, progress)


_Chunk: TypeAlias = "tuple[list[Task], Future[list[ExtractItem]] | None]"


def _chunks(tasks: Iterator[Task], size: int) -> Iterator[list[Task]]:
    while chunk := list(itertools.islice(tasks, size)):
        yield chunk


def _results(chunk: _Chunk) -> list[tuple[Task, ExtractItem]]:
    tasks, future = chunk
    done = iter(future.result() if future is not None else ())
    return [(task, next(done) if isinstance(task, Path | FileBytes) else task) for task in tasks]


def _pooled(
    tasks: Iterator[Task],
    total: int,
    options: ExtractOptions | None,
    max_bytes: int,
    keep_text: bool,
    workers: int,
    progress: ProgressCallback | None,
) -> Iterator[tuple[Task, ExtractItem]]:
    """Ordered results from a process pool with a bounded number of chunks in flight.

    Only the tasks that need work go to the pool; the others wait in their place.
    """
    # Imported here: a run in one process (one file, a warm cache) needs no pool.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    pending: deque[_Chunk] = deque()
    context = multiprocessing.get_context("spawn")
    done = 0
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        try:
            for chunk in _chunks(tasks, chunk_size(total, workers)):
                work = [task for task in chunk if isinstance(task, Path | FileBytes)]
                future = (
                    pool.submit(_extract_chunk, work, options, max_bytes, keep_text)
                    if work
                    else None
                )
                pending.append((chunk, future))
                if len(pending) < workers * IN_FLIGHT_PER_WORKER:
                    continue
                results = _results(pending.popleft())
                done += len(results)
                yield from results
                if progress is not None:
                    progress(done, total)
            while pending:
                results = _results(pending.popleft())
                done += len(results)
                yield from results
                if progress is not None:
                    progress(done, total)
        finally:
            # A consumer that stops early (or an error) must not wait for queued work.
            for _, future in pending:
                if future is not None:
                    future.cancel()
