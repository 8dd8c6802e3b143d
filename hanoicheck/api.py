"""The library entry points: everything the CLI does is one call here first.

>>> from hanoicheck.api import extract_paths
>>> result = extract_paths(["seeds"])          # doctest: +SKIP
>>> result.claims[0].quote, result.errors      # doctest: +SKIP

There is one extraction driver, :func:`iter_extract`: every command goes through it,
so every command discovers files once, honours the project's settings (``exclude``,
``max-size``, tolerances) the same way, and reads a cache the same way (a
:class:`~hanoicheck.store.ClaimStore`, such as :class:`~hanoicheck.cache.ClaimCache`).
:func:`check_paths` and :func:`write_baseline` are the CI gate as library calls.
"""

from __future__ import annotations

import functools
import os
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from hanoicheck import DEFAULT_CORPUS
from hanoicheck.config import Config, is_excluded
from hanoicheck.extract.pipeline import extract_document
from hanoicheck.extract.sentence import ExtractOptions
from hanoicheck.interning import Interner
from hanoicheck.model import Claim, Document, SourceError
from hanoicheck.parallel import (
    DocumentClaims,
    ExtractItem,
    FileBytes,
    ProgressCallback,
    Task,
    extract_tasks,
    without_text,
)
from hanoicheck.sources import (
    SourceReadError,
    discover,
    load_document,
    normalize_source,
    read_source_bytes,
)
from hanoicheck.store import ClaimStore, FileIndex, StoreKey, options_fingerprint
from hanoicheck.years import dated_by_story

if TYPE_CHECKING:  # pragma: no cover - typing only
    from hanoicheck.gate import Baseline, GateResult
    from hanoicheck.reconcile import Reconciliation

# The reconciler, the gate, the cache and git are imported by the functions that use
# them: ``hanoicheck extract`` on one file needs none of them, and importing them all
# cost it about a third of its start-up (issue 17).

__all__ = [
    "BaselineWrite",
    "CorpusError",
    "DocumentClaims",
    "ExtractItem",
    "Extraction",
    "NoSourcesError",
    "NothingRead",
    "Report",
    "baseline_target",
    "check_paths",
    "corpus_paths",
    "extract_paths",
    "iter_claims",
    "iter_extract",
    "no_claims_notice",
    "nothing_read",
    "reconcile_paths",
    "write_baseline",
]

Notify = Callable[[str], None]
"""Receives one-line notices for the user (a cache rebuilt or unusable)."""


class CorpusError(Exception):
    """No path given and no corpus to fall back on; ``str()`` is one line for the user."""


def nothing_read(read: int, errors: int) -> bool:
    """Whether a run read no input at all although it was given some (all unreadable).

    Such a run writes nothing: ``extract -o claims.jsonl seedz`` (a typo) must not
    replace yesterday's claims with an empty file. A run over an empty folder read
    nothing but met no error either: its empty result is the truth and is written.
    """
    return read == 0 and errors > 0


class NothingRead(CorpusError):
    """No input could be read (see :func:`nothing_read`), so nothing was written.

    ``errors`` say why each input could not be read.
    """

    def __init__(self, errors: Sequence[SourceError]) -> None:
        self.errors = tuple(errors)
        super().__init__("no input could be read; nothing written")


class NoSourcesError(CorpusError):
    """The paths exist but hold no article (.txt, .md, .html) to read, or the config
    excludes every one: a run that checks nothing must not look like a clean one."""


def _no_sources(paths: Sequence[str | Path], excluded: bool) -> NoSourcesError:
    where = ", ".join(str(p) for p in paths) or "."
    why = "every file is excluded by the config" if excluded else "no .txt, .md or .html file"
    return NoSourcesError(f"no sources found in {where} ({why})")


def no_claims_notice(documents: int, claims: int) -> str | None:
    """What to tell a person when articles were read but nothing was found in them (an
    article in a language the extractors do not read yet, or with no figures)."""
    if documents and not claims:
        from hanoicheck.formats import plural

        return f"no claims found in {plural(documents, 'file')} (language not supported?)"
    return None


def corpus_paths(
    paths: Sequence[Path] | None, configured: Sequence[Path] | None = None
) -> list[Path]:
    """The paths a command reads: ``paths``, else the config's (when ``configured`` is
    not None), else :data:`DEFAULT_CORPUS` if it exists; :class:`CorpusError` otherwise."""
    if paths:
        return list(paths)
    if configured:
        return list(configured)
    if DEFAULT_CORPUS.exists():
        return [DEFAULT_CORPUS]
    where = "no PATH given" + (", no paths in the config" if configured is not None else "")
    raise CorpusError(f"{where} and ./{DEFAULT_CORPUS} does not exist here")


@dataclass(frozen=True, slots=True)
class Extraction:
    """Claims of every readable document, and the files that could not be read."""

    claims: tuple[Claim, ...]
    documents: tuple[Document, ...] = field(default=())
    errors: tuple[SourceError, ...] = field(default=())

    @property
    def nothing_read(self) -> bool:
        """No document was read, only errors met: nothing is to be written."""
        return nothing_read(len(self.documents), len(self.errors))


def iter_extract(
    paths: Sequence[str | Path],
    settings: Config | None = None,
    *,
    store: ClaimStore | None = None,
    jobs: int | None = 1,
    progress: ProgressCallback | None = None,
    keep_text: bool = False,
    story_years: bool = True,
    held: bool = False,
) -> Iterator[ExtractItem]:
    """Stream one result per file under ``paths`` (claims, or why it could not be read).

    The one extraction driver. ``settings`` (default: :class:`Config` defaults) give the
    extraction options, the size limit and the ``exclude`` globs, applied while files
    are discovered, so an excluded file is never read. Discovery runs once per file.
    With a ``store``, each file is read once, looked up by content, and extracted only
    on a miss (the result is then put in the store); the results are the same either way.

    Results come in the stable discovery order whatever ``jobs`` is (default 1, in this
    process; ``None``: a pool only when the input pays for it on the idle CPUs, which
    like any process pool needs the calling script to guard its entry point with ``if
    __name__ == "__main__"``), and a document's text is dropped once its claims are
    read unless ``keep_text``, so memory grows with the claims, not with the articles.

    With ``story_years``, an article dated by a year-less dateline comes last, read
    again with the year its story gives (:mod:`hanoicheck.years`). ``held`` says the
    caller keeps every claim in memory, which lowers the default size limit
    (:meth:`Config.size_limit`).

    Raises :class:`NoSourcesError` (before anything is read) when ``paths`` hold no
    source at all; a path that does not exist is an error item, not this.
    """
    config = settings if settings is not None else Config()
    limit = config.size_limit(held=held)
    options = config.extract_options()
    excluded = functools.partial(is_excluded, patterns=config.exclude) if config.exclude else None
    found = list(discover(paths, excluded=excluded))
    if not found:
        raise _no_sources(paths, excluded is not None)
    tasks: Iterable[Task] = found
    if store is not None:
        tasks = _look_up(found, store, options, limit, keep_text)
    results = extract_tasks(
        tasks,
        len(found),
        options,
        max_bytes=limit,
        jobs=jobs,
        progress=progress,
        keep_text=keep_text or store is not None,  # the store keeps what a parse gives
    )
    items = (
        (item for _, item in results) if store is None else _remembered(results, store, keep_text)
    )
    if not story_years:
        return items
    reread = functools.partial(_reread, config=config, max_bytes=limit, keep_text=keep_text)
    return dated_by_story(items, reread)


def _reread(
    document: Document, config: Config, max_bytes: int, keep_text: bool
) -> DocumentClaims | None:
    """A document read again with the full date its story gave its year-less dateline."""
    try:
        # the text and its furniture (bylines, the dateline, page chrome) both come
        # back: a document kept without its text has lost its furniture too
        loaded = load_document(Path(document.source), max_bytes=max_bytes)
        document = replace(document, text=loaded.text, furniture=loaded.furniture)
        claims = tuple(extract_document(document, config.extract_options()))
    except Exception:  # gone, changed, or an extractor bug with the new date
        return None  # (reported by the first reading if it is one): keep the first reading
    return DocumentClaims(document if keep_text else without_text(document), claims)


def _look_up(
    found: Iterable[Path | SourceError],
    store: ClaimStore,
    options: ExtractOptions,
    max_bytes: int,
    keep_text: bool = False,
) -> Iterator[Task]:
    """Each file read once: a store hit is a result, a miss is extracted from its bytes.

    A store that is also a :class:`~hanoicheck.store.FileIndex` spares reading and
    hashing a file whose ``stat`` has not changed since it was hashed (unless the texts
    are kept: they are the file's bytes).
    """
    options_key = options_fingerprint(options)
    index = store if isinstance(store, FileIndex) and not keep_text else None
    for item in found:
        if isinstance(item, SourceError):
            yield item
            continue
        known: StoreKey | None = None
        info = _stat(item) if index is not None else None
        if index is not None and info is not None and _unchecked(info, max_bytes):
            source = normalize_source(item)
            digest = index.digest_of(source, info)
            if digest is not None:
                known = StoreKey(digest, item.suffix.lower(), options_key)
                hit = store.get(known, source)
                if hit is not None:
                    yield DocumentClaims(hit.document(b""), hit.claims)
                    continue
        try:
            source, data = read_source_bytes(item, max_bytes=max_bytes)
        except SourceReadError as exc:
            yield exc.to_error()
            continue
        key = StoreKey.of(data, item.suffix, options_key)
        if index is not None and info is not None:
            index.note_digest(source, info, key.digest)
        hit = store.get(key, source) if key != known else None  # a miss is counted once
        if hit is None:
            yield FileBytes(item, source, data, key)
        else:
            yield DocumentClaims(hit.document(data), hit.claims)


def _stat(path: Path) -> os.stat_result | None:
    """``path``'s ``stat``, taken before its bytes are read (None: reading will say why)."""
    try:
        return os.stat(path)
    except OSError:
        return None


def _unchecked(info: os.stat_result, max_bytes: int) -> bool:
    """Whether a file with this ``stat`` may be looked up unread: a regular file within
    the size limit (anything else is read, which reports the problem)."""
    return stat.S_ISREG(info.st_mode) and info.st_size <= max_bytes


def _remembered(
    results: Iterable[tuple[Task, ExtractItem]], store: ClaimStore, keep_text: bool
) -> Iterator[ExtractItem]:
    """Put each miss's result in the store, then drop texts unless asked to keep them."""
    for task, item in results:
        if isinstance(item, SourceError):
            yield item
            continue
        if isinstance(task, FileBytes) and task.key is not None:
            store.put(task.key, item.document, item.claims, task.data)
        yield item if keep_text else DocumentClaims(without_text(item.document), item.claims)


def iter_claims(
    paths: Sequence[str | Path],
    settings: Config | None = None,
    *,
    on_error: Callable[[SourceError], None],
    on_document: Callable[[DocumentClaims], None] | None = None,
    jobs: int | None = 1,
    progress: ProgressCallback | None = None,
) -> Iterator[Claim]:
    """The claims of every file under ``paths`` as they are extracted (what ``extract``
    streams to its output); each unreadable file goes to ``on_error`` when met, each
    document read to ``on_document`` (what a run reports it read).

    Raises :class:`NothingRead` once the files are done if none could be read, before
    the last claim is asked for: a writer consuming this stream has then written
    nothing it cannot take back (no claim came, and CSV writes its header last).
    """
    read = unread = 0
    for item in iter_extract(paths, settings, jobs=jobs, progress=progress):
        if isinstance(item, SourceError):
            unread += 1
            on_error(item)
        else:
            read += 1
            if on_document is not None:
                on_document(item)
            yield from item.claims
    if nothing_read(read, unread):
        raise NothingRead([])  # each error went to on_error already


def extract_paths(
    paths: Sequence[str | Path],
    settings: Config | None = None,
    *,
    store: ClaimStore | None = None,
    jobs: int | None = 1,
    progress: ProgressCallback | None = None,
    keep_text: bool = True,
    story_years: bool = True,
) -> Extraction:
    """Every result of :func:`iter_extract` collected, in the same order.

    ``keep_text=False`` keeps only each document's metadata (source, date, outlet,
    url) for big runs. Equal claims parts are shared across files (an
    :class:`~hanoicheck.interning.Interner`), so memory grows with distinct values.
    """
    claims: list[Claim] = []
    documents: list[Document] = []
    errors: list[SourceError] = []
    shared = Interner()  # claims of many articles repeat outlets, events, values
    for item in iter_extract(
        paths,
        settings,
        store=store,
        jobs=jobs,
        progress=progress,
        keep_text=keep_text,
        story_years=story_years,
        held=True,
    ):
        if isinstance(item, SourceError):
            errors.append(item)
            continue
        documents.append(shared.document(item.document))
        claims.extend(map(shared.claim, item.claims))
    return Extraction(tuple(claims), tuple(documents), tuple(errors))


@dataclass(frozen=True, slots=True)
class Report:
    """An extraction and its reconciliation: what ``report`` and ``conflicts`` show."""

    extraction: Extraction
    reconciliation: Reconciliation


def reconcile_paths(
    paths: Sequence[str | Path],
    settings: Config | None = None,
    *,
    store: ClaimStore | None = None,
    jobs: int | None = 1,
    progress: ProgressCallback | None = None,
) -> Report:
    """Extract every source under ``paths`` and reconcile the claims across them, both
    with the same ``settings`` (exclusions, tolerances, synonyms)."""
    from hanoicheck.reconcile import reconcile

    config = settings if settings is not None else Config()
    extraction = extract_paths(
        paths, config, store=store, jobs=jobs, progress=progress, keep_text=False
    )
    return Report(
        extraction,
        reconcile(extraction.claims, config.reconcile_options(), extraction.documents),
    )


def _reconcile_cached(
    paths: Sequence[Path],
    config: Config,
    cache: Path | None,
    jobs: int | None,
    notify: Notify | None,
) -> Report:
    """:func:`reconcile_paths` through the SQLite cache at ``cache`` (None: no cache)."""
    from hanoicheck.cache import ClaimCache

    if cache is None:
        return reconcile_paths(paths, config, jobs=jobs)
    with ClaimCache(cache) as store:
        report = reconcile_paths(paths, config, store=store, jobs=jobs)
    if notify is not None:
        for notice in store.notices:
            notify(notice)
    return report


def check_paths(
    paths: Sequence[Path] | None = None,
    settings: Config | None = None,
    *,
    since: str | None = None,
    new: Sequence[Path] = (),
    baseline: Path | None = None,
    fail_on: str | None = None,
    cache: Path | None = None,
    jobs: int | None = 1,
    notify: Notify | None = None,
    cwd: Path | None = None,
) -> GateResult:
    """The CI gate on a corpus: which conflicts new articles bring in, and which fail.

    ``paths`` default to the config's, then :data:`DEFAULT_CORPUS`. New sources are
    those changed since git revision ``since`` (in the repository at ``cwd``) or the
    ``new`` files (checked too when outside ``paths``); with neither, every conflict
    counts. Conflicts in the ``baseline`` file are ignored; ``fail_on`` defaults to the
    config's. Files are extracted through the claim cache at ``cache`` (None: none),
    misses in ``jobs`` processes. See :mod:`hanoicheck.gate` for the rules.

    Raises :class:`~hanoicheck.gate.GateError` (bad option, history, baseline) or
    :class:`CorpusError` before any extraction, :class:`NothingRead` when no source
    could be read; unreadable files are in ``errors``.
    """
    from hanoicheck.gate import evaluate, load_baseline, new_sources, parse_severity, uncovered

    config = settings if settings is not None else Config()
    threshold = parse_severity(fail_on or config.fail_on)
    baseline = baseline if baseline is not None else config.resolved_baseline()
    reviewed = load_baseline(baseline) if baseline is not None else None
    here = cwd if cwd is not None else Path.cwd()
    fresh = new_sources(since, new, here)
    targets = corpus_paths(paths, config.resolved_paths())
    targets += uncovered(new, targets)
    report = _reconcile_cached(targets, config, cache, jobs, notify)
    if report.extraction.nothing_read:
        raise NothingRead(report.extraction.errors)
    result = evaluate(report.reconciliation, fresh, reviewed, threshold)
    extraction = report.extraction
    return replace(
        result,
        errors=extraction.errors,
        sources=len(extraction.documents),
        claims=len(extraction.claims),
        root=_repository(here),
    )


def _repository(cwd: Path) -> Path | None:
    """The top of the git repository ``cwd`` is in, or None outside one."""
    from hanoicheck.gitfiles import GitError, repo_root

    try:
        return repo_root(cwd)
    except GitError:
        return None


@dataclass(frozen=True, slots=True)
class BaselineWrite:
    """What :func:`write_baseline` did: ``baseline`` is None when nothing was written
    because some file could not be read (``errors``)."""

    baseline: Baseline | None
    errors: tuple[SourceError, ...] = ()


def baseline_target(output: Path | None, settings: Config | None = None) -> Path:
    """The file ``baseline`` writes: ``output``, else the config's ``baseline``."""
    if output is not None:
        return output
    configured = settings.resolved_baseline() if settings is not None else None
    if configured is None:
        raise CorpusError(
            "no --output given and no baseline in the config: write "
            'baseline = "hanoicheck-baseline.json" in hanoicheck.toml, or pass --output FILE'
        )
    return configured


def write_baseline(
    output: Path,
    paths: Sequence[Path] | None = None,
    settings: Config | None = None,
    *,
    cache: Path | None = None,
    jobs: int | None = 1,
    notify: Notify | None = None,
) -> BaselineWrite:
    """Record every current conflict as reviewed in ``output``, for :func:`check_paths`.

    Notes already in ``output`` are kept for conflicts still there (a file that cannot
    be read as a baseline is replaced whole). Nothing is written when a source cannot
    be read. Raises :class:`CorpusError`, :class:`~hanoicheck.gate.BaselineError` when
    ``output`` holds merge-conflict markers (it is left as it is), or
    :class:`~hanoicheck.output.OutputError` when ``output`` cannot be written.
    """
    from hanoicheck.gate import (
        Baseline,
        BaselineError,
        load_baseline,
        refuse_merge_markers,
        save_baseline,
    )

    config = settings if settings is not None else Config()
    refuse_merge_markers(output)
    previous = None
    if output.is_file():
        try:
            previous = load_baseline(output)
        except BaselineError:
            previous = None  # replaced wholesale; nothing in it can be kept
    targets = corpus_paths(paths, config.resolved_paths())
    report = _reconcile_cached(targets, config, cache, jobs, notify)
    if report.extraction.errors:
        return BaselineWrite(None, report.extraction.errors)
    written = Baseline.from_reconciliation(report.reconciliation, previous)
    save_baseline(written, output)
    return BaselineWrite(written)
