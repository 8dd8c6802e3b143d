"""Claims cached by file content, so a run over 10,000 files with one new file extracts one.

:class:`ClaimCache` is the SQLite implementation of :class:`hanoicheck.store.ClaimStore`,
the ``get``/``put`` protocol the one extraction driver (:func:`hanoicheck.api.iter_extract`)
looks files up in. Extraction of a document depends only on its bytes, its format (the
file suffix), the extraction options and the extractor itself (see
:mod:`hanoicheck.extract.pipeline`), so those four make the key; the path does not. A
file that is renamed or copied is a hit: its claims come back re-pointed at the new
path, with ids recomputed from it. Claims are stored as rows of the claim column table
(:mod:`hanoicheck.formats.columns`) that CSV and Parquet share.

The store is one SQLite file (stdlib, no server, safe for several processes):

* **Never destroys what it did not make.** A cache is marked as one: its SQLite header
  holds :data:`APPLICATION_ID` (``PRAGMA application_id``). Any other existing file
  (``--cache notes.txt``, another program's database, a FIFO) is refused in one line and
  left as it was; the run goes on without a cache. Unmarked files count as caches only
  in hanoicheck's own ``.hanoicheck`` folder, or when they hold the meta table of a
  cache written before caches were marked.
* **Never trusted blindly.** A cache is checked when opened (``PRAGMA quick_check``);
  each row carries a CRC of its payload. A cache that is truncated or fails a check is
  deleted and rebuilt, and a notice says so; so are tables of an older layout. A row
  that fails its CRC, or holds a claim the model refuses (an empty interval), is a
  miss. The cache can only cost time, never change a result.
* **Pruned.** Each run is numbered and each entry remembers the last run that used it;
  an entry no run has used in the last :data:`KEEP_RUNS` runs (a file deleted or
  changed since) is dropped when a run ends.
* **Invalidated by the extractor, not by hand.** The meta table records the extractor
  fingerprint (``EXTRACTOR_VERSION`` plus a hash of the extraction code and lexicon data,
  so a rule edit without a version bump cannot serve stale claims); a different
  fingerprint empties the cache.
* **Concurrent use is safe.** WAL mode (readers never block the writer), a busy timeout,
  and short write transactions (results are written in small batches).
* **Unchanged files are not read.** The ``files`` table remembers, per source, the
  ``stat`` (size, modification time in ns, inode) a file had when its bytes were hashed
  (:class:`hanoicheck.store.FileIndex`): a file with the same ``stat`` is looked up by
  that digest without being read. A file modified in the last :data:`RACY_SECONDS`
  before it was hashed is not remembered (a second change within the file system's
  timestamp granularity could keep the ``stat``), and any change of ``stat`` means
  reading and hashing again: the digest stays the key of truth. The table is an index
  added beside the entries (a cache without it gains it, one without the entries it
  points to loses those rows), so it needs no new layout.
* **Optional.** If the cache cannot be created or written (read-only checkout, path is a
  directory, disk full), the run goes on without it and :attr:`ClaimCache.notices` holds
  one line saying why. Nothing here raises on a cache problem.

Notices are returned, not logged: the CLI decides where they go (stderr, one line each).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import stat
import time
import zlib
from collections.abc import Callable, Sequence
from dataclasses import fields
from functools import cache
from pathlib import Path
from types import TracebackType
from typing import Any

from hanoicheck.extract.pipeline import EXTRACTOR_VERSION
from hanoicheck.formats.columns import claim_from_stored, stored_row
from hanoicheck.model import SCHEMA_VERSION, Claim, Document, Span
from hanoicheck.sources.discover import not_regular
from hanoicheck.store import StoredDocument, StoreKey, file_text

__all__ = [
    "APPLICATION_ID",
    "CACHE_SCHEMA",
    "DEFAULT_CACHE_PATH",
    "KEEP_RUNS",
    "ClaimCache",
    "extractor_fingerprint",
]

#: Layout of the tables below; a different value drops them (unlike the extractor
#: fingerprint, which only empties them).
CACHE_SCHEMA = "3"  # 2: claims stored as rows of formats/columns.py; 3: marked, pruned
#: ``PRAGMA application_id`` of a hanoicheck cache ("hnck"): the mark that lets a file be
#: rebuilt or pruned; a file without it is someone else's.
APPLICATION_ID = int.from_bytes(b"hnck", "big")
#: An entry no run has used in this many runs is dropped at the end of a run.
KEEP_RUNS = 5
#: Where the CLI keeps the cache by default, relative to the directory it runs in.
DEFAULT_CACHE_PATH = Path(".hanoicheck") / "cache.sqlite"
DEFAULT_BUSY_TIMEOUT = 10.0
#: Rows written per transaction: small enough that another process never waits long,
#: large enough that a cold run over 10,000 files is not dominated by commits.
DEFAULT_BATCH_SIZE = 200
#: A file modified this recently when hashed is not remembered by its ``stat``.
RACY_SECONDS = 2.0

_DOCUMENT_FIELDS = tuple(f.name for f in fields(Document) if f.name != "text")
_SELECT = "SELECT payload, crc, run FROM entries WHERE digest = ? AND suffix = ? AND options = ?"
_ENTRY_COLUMNS = ["digest", "suffix", "options", "payload", "crc", "run"]
_FILE_COLUMNS = ["source", "size", "mtime_ns", "inode", "digest"]
_FileStat = tuple[int, int, int]  # size, mtime_ns, inode
_SQLITE_MAGIC = b"SQLite format 3\x00"
_APPLICATION_ID_AT = 68  # offset of the application id in the database header
_CORRUPT_CODES = frozenset({11, 26})  # SQLITE_CORRUPT, SQLITE_NOTADB
# What extraction runs, as globs under the package: every module of these folders and
# every data file counts, so a module added later cannot serve stale claims.
_EXTRACTION_CODE = (
    "model.py",
    "calendar.py",
    "intervals.py",
    "lexicon.py",
    "sources/*.py",
    "extract/*.py",
    "formats/columns.py",
    "data/*.toml",
)


@cache
def extractor_fingerprint() -> str:
    """``EXTRACTOR_VERSION`` and schema version, plus a hash of what extraction runs.

    A contributor who changes a rule or the lexicon and forgets to bump the version must
    not get stale claims from a warm cache (the CI gate would then check old output), so
    the code and data files themselves are part of the fingerprint. Missing files (an
    unusual install) simply do not contribute.
    """
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for pattern in _EXTRACTION_CODE:
        for path in sorted(package.glob(pattern)):
            digest.update(path.relative_to(package).as_posix().encode())
            with contextlib.suppress(OSError):
                digest.update(path.read_bytes())
    return f"{EXTRACTOR_VERSION}/{SCHEMA_VERSION}/{digest.hexdigest()[:16]}"


class _Corrupt(Exception):
    """The database file cannot be trusted; it is rebuilt."""


class _Foreign(Exception):
    """An existing file that is not a hanoicheck cache: it is never touched."""


class ClaimCache:
    """Claims per content hash in one SQLite file; see the module docstring.

    Use as a context manager (or call :meth:`close`) so the last batch is written.
    ``hits`` and ``misses`` count lookups since construction; ``notices`` are one-line
    messages for the user (cache rebuilt, cache unusable), in order.
    """

    def __init__(
        self,
        path: str | os.PathLike[str] = DEFAULT_CACHE_PATH,
        *,
        version: str | None = None,
        busy_timeout: float = DEFAULT_BUSY_TIMEOUT,
        batch_size: int = DEFAULT_BATCH_SIZE,
    ) -> None:
        self.path = Path(path)
        self.version = version if version is not None else extractor_fingerprint()
        self.busy_timeout = busy_timeout
        self.batch_size = max(1, batch_size)
        self.hits = 0
        self.misses = 0
        self.notices: list[str] = []
        self._pending: dict[StoreKey, tuple[bytes, int]] = {}
        self._used: set[StoreKey] = set()  # hits of earlier runs, to mark as used by this one
        self._files: dict[str, tuple[_FileStat, str]] | None = None  # read when first asked
        self._files_pending: dict[str, tuple[_FileStat, str]] = {}
        self._run = 0
        self._conn: sqlite3.Connection | None = None
        self._bad_row_reported = False
        try:
            self._open()
        except _Corrupt as exc:
            self._rebuild(str(exc))
        except (sqlite3.Error, OSError, _Foreign) as exc:
            self._disable(exc)

    # ------------------------------------------------------------------ lifecycle

    @property
    def enabled(self) -> bool:
        """False once the cache has been given up for this run (the run goes on)."""
        return self._conn is not None

    def __enter__(self) -> ClaimCache:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close(prune=exc is None)

    def close(self, *, prune: bool = True) -> None:
        """Write pending results, drop entries unused for :data:`KEEP_RUNS` runs (unless
        the run failed part-way: then its files were not all looked up), and release the
        database."""
        self.flush()
        if prune and self._conn is not None:
            try:
                self._conn.execute("DELETE FROM entries WHERE run <= ?", (self._run - KEEP_RUNS,))
                self._conn.execute(
                    "DELETE FROM files WHERE digest NOT IN (SELECT digest FROM entries)"
                )
            except sqlite3.Error as exc:
                self._guard(exc)
        if self._conn is not None:
            with contextlib.suppress(sqlite3.Error):
                self._conn.close()
            self._conn = None

    def count(self) -> int:
        """Number of cached files, pending ones written first (0 when disabled).

        A method, not ``__len__``: an empty cache must still be truthy, or an
        ``if cache:`` in the CLI would silently run without it.
        """
        self.flush()
        if self._conn is None:
            return 0
        try:
            row = self._conn.execute("SELECT count(*) FROM entries").fetchone()
        except sqlite3.Error:
            return 0
        return int(row[0])

    def _notice(self, message: str) -> None:
        self.notices.append(f"cache {self.path}: {message}")

    def _disable(self, exc: BaseException) -> None:
        reason = " ".join(str(exc).split()) or type(exc).__name__
        self._notice(f"not usable ({reason}); running without a cache")
        if self._conn is not None:
            with contextlib.suppress(sqlite3.Error):
                self._conn.close()
        self._conn = None
        self._pending.clear()
        self._used.clear()
        self._files_pending.clear()

    def _create_directory(self) -> None:
        directory = self.path.parent
        if directory.is_dir():
            return
        directory.mkdir(parents=True, exist_ok=True)
        # Like .pytest_cache: a fresh cache directory keeps itself out of version control.
        with contextlib.suppress(OSError):
            (directory / ".gitignore").write_text("# created by hanoicheck\n*\n")

    def _open(self) -> None:
        """Connect, check, and bring the tables to this schema and extractor version."""
        self._create_directory()
        self._check_owner()
        conn = sqlite3.connect(
            self.path, timeout=self.busy_timeout, isolation_level=None, check_same_thread=False
        )
        self._conn = conn
        try:
            self._while_locked(lambda: conn.execute("PRAGMA journal_mode=WAL"))
            conn.execute("PRAGMA synchronous=NORMAL")
            problems = [row[0] for row in conn.execute("PRAGMA quick_check")]
            if problems != ["ok"]:
                raise _Corrupt(f"failed its integrity check ({problems[0]})")
            self._migrate(conn)
        except sqlite3.DatabaseError as exc:
            if _is_corrupt(exc):
                raise _Corrupt(str(exc)) from exc
            raise

    def _while_locked(self, action: Callable[[], object]) -> None:
        """Retry ``action`` while another process holds the lock, up to the busy timeout.

        Switching a new database to WAL needs an exclusive lock and SQLite does not call
        its busy handler for it: two processes opening a fresh cache at once would
        otherwise see "database is locked" at once instead of waiting their turn.
        """
        deadline = time.monotonic() + self.busy_timeout
        while True:
            try:
                action()
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.02)

    def _check_owner(self) -> None:
        """Raise :class:`_Foreign` unless the path is free, empty or a hanoicheck cache.

        Decided from the file's first bytes, before SQLite sees it: a mistyped ``--cache
        notes.txt`` or ``--cache app.sqlite`` must not lose the user's file, and a FIFO
        must not hang the run. A file that is SQLite but broken in a cache's own folder
        is a broken cache, and raises :class:`_Corrupt` to be rebuilt.
        """
        try:
            info = os.stat(self.path)
        except FileNotFoundError:
            return
        if stat.S_ISDIR(info.st_mode):
            raise _Foreign("a directory")
        if not stat.S_ISREG(info.st_mode):
            raise _Foreign(f"{not_regular(info.st_mode)}; left untouched")
        if info.st_size == 0:
            return
        with self.path.open("rb") as handle:
            head = handle.read(_APPLICATION_ID_AT + 4)
        sqlite = head.startswith(_SQLITE_MAGIC)
        mark = int.from_bytes(head[_APPLICATION_ID_AT:], "big") if sqlite else None
        if mark == APPLICATION_ID or (mark == 0 and self._has_cache_meta()):
            return
        if self.path.parent.name == DEFAULT_CACHE_PATH.parent.name:  # our own folder
            raise _Corrupt("not a hanoicheck cache" if sqlite else "not an SQLite database")
        what = "another program's SQLite database" if sqlite else "not an SQLite database"
        raise _Foreign(f"not a hanoicheck cache ({what}); left untouched")

    def _has_cache_meta(self) -> bool:
        """Whether an unmarked SQLite file holds the meta table of an older cache."""
        uri = f"{self.path.resolve().as_uri()}?mode=ro"
        try:
            with contextlib.closing(sqlite3.connect(uri, uri=True)) as conn:
                keys = {row[0] for row in conn.execute("SELECT key FROM meta")}
        except sqlite3.Error:
            return False
        return {"schema", "extractor"} <= keys

    def _migrate(self, conn: sqlite3.Connection) -> None:
        """Bring the tables to this layout and extractor, mark the file, number the run.

        Tables of another layout are dropped whatever the meta table says: a cache
        written by a development version with the same schema number must be rebuilt,
        not disabled on every run ("no such column").
        """
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
            meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
            columns = [row[1] for row in conn.execute("PRAGMA table_info(entries)")]
            if meta.get("schema") != CACHE_SCHEMA or columns not in ([], _ENTRY_COLUMNS):
                if columns and meta.get("schema") == CACHE_SCHEMA:
                    self._notice("tables of an older layout; cache rebuilt")
                conn.execute("DROP TABLE IF EXISTS entries")
            elif meta.get("extractor") != self.version:
                conn.execute("DELETE FROM entries")
                self._notice(
                    f"extractor changed ({meta.get('extractor')} -> {self.version}); cache rebuilt"
                )
            files = [row[1] for row in conn.execute("PRAGMA table_info(files)")]
            if files not in ([], _FILE_COLUMNS):
                conn.execute("DROP TABLE files")  # an index only: rebuilt as files are read
            conn.execute(
                "CREATE TABLE IF NOT EXISTS files ("
                " source TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,"
                " inode INTEGER NOT NULL, digest TEXT NOT NULL) WITHOUT ROWID"
            )
            conn.execute(
                "CREATE TABLE IF NOT EXISTS entries ("
                " digest TEXT NOT NULL, suffix TEXT NOT NULL, options TEXT NOT NULL,"
                " payload BLOB NOT NULL, crc INTEGER NOT NULL, run INTEGER NOT NULL,"
                " PRIMARY KEY (digest, suffix, options)) WITHOUT ROWID"
            )
            previous = meta.get("run", "0")
            self._run = (int(previous) if previous.isdigit() else 0) + 1
            conn.executemany(
                "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                [("schema", CACHE_SCHEMA), ("extractor", self.version), ("run", str(self._run))],
            )
            conn.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
            raise

    def _rebuild(self, reason: str) -> None:
        """Delete the untrustworthy file (and its WAL) and start an empty cache."""
        self._notice(f"{reason}; rebuilding it")
        self._files = None
        if self._conn is not None:
            with contextlib.suppress(sqlite3.Error):
                self._conn.close()
            self._conn = None
        try:
            for suffix in ("", "-wal", "-shm", "-journal"):
                with contextlib.suppress(FileNotFoundError):
                    os.remove(f"{self.path}{suffix}")
            self._open()
        except (sqlite3.Error, OSError, _Corrupt) as exc:
            self._disable(exc)

    def _guard(self, exc: sqlite3.Error) -> None:
        """React to an error mid-run: rebuild if corrupt, otherwise stop using the cache."""
        if isinstance(exc, sqlite3.DatabaseError) and _is_corrupt(exc):
            self._rebuild(" ".join(str(exc).split()))
        else:
            self._disable(exc)

    # ------------------------------------------------------------------ entries

    def get(self, key: StoreKey, source: str) -> StoredDocument | None:
        """The cached result for ``key`` re-pointed at ``source``; counts a hit or miss."""
        entry = self._lookup(key, source)
        if entry is None:
            self.misses += 1
        else:
            self.hits += 1
        return entry

    def _lookup(self, key: StoreKey, source: str) -> StoredDocument | None:
        if self._conn is None:
            return None
        row: tuple[Any, ...] | None = self._pending.get(key)  # seen earlier in this batch
        try:
            if row is None:
                row = self._conn.execute(_SELECT, key).fetchone()
        except sqlite3.Error as exc:
            self._guard(exc)
            return None
        if row is None:
            return None
        payload, crc = row[0], row[1]
        try:
            if zlib.crc32(payload) != crc:
                raise ValueError("checksum mismatch")
            entry = _decode_entry(json.loads(zlib.decompress(payload)), source)
        except Exception as exc:  # a row from disk: any way it fails to decode is a miss
            if not self._bad_row_reported:
                self._bad_row_reported = True
                reason = " ".join(str(exc).split())[:200] or type(exc).__name__
                self._notice(f"unreadable entry ({reason}); re-extracting")
            return None
        if len(row) > 2 and row[2] < self._run:
            self._used.add(key)  # still wanted: kept from pruning
            if len(self._used) >= self.batch_size:
                self.flush()
        return entry

    def digest_of(self, source: str, info: os.stat_result) -> str | None:
        """The digest ``source`` had when its ``stat`` was ``info`` (see the module
        docstring); None when unknown or the ``stat`` differs."""
        if self._files is None:
            self._files = self._read_files()
        known = self._files.get(source)
        if known is None or known[0] != _file_stat(info):
            return None
        return known[1]

    def note_digest(self, source: str, info: os.stat_result, digest: str) -> None:
        """Remember ``source``'s digest under the ``stat`` taken before it was read,
        unless the file was modified too recently to trust that ``stat``."""
        if self._conn is None or time.time_ns() - info.st_mtime_ns < RACY_SECONDS * 1e9:
            return
        row = (_file_stat(info), digest)
        if self._files is not None and self._files.get(source) == row:
            return
        self._files_pending[source] = row
        if len(self._files_pending) >= self.batch_size:
            self.flush()

    def _read_files(self) -> dict[str, tuple[_FileStat, str]]:
        """The whole ``files`` table, read once per run (one query, not one per file)."""
        if self._conn is None:
            return {}
        try:
            rows = self._conn.execute(
                "SELECT source, size, mtime_ns, inode, digest FROM files"
            ).fetchall()
        except sqlite3.Error as exc:
            self._guard(exc)
            return {}
        return {
            source: ((size, mtime, inode), digest) for source, size, mtime, inode, digest in rows
        }

    def put(self, key: StoreKey, document: Document, claims: Sequence[Claim], data: bytes) -> None:
        """Remember the result of one file; written in the next batch.

        ``data`` are the file's bytes, used only to decide whether the document text must
        be stored (HTML) or can be rebuilt from the bytes on a hit (everything else).
        """
        if self._conn is None:
            return
        text = None if file_text(data) == document.text else document.text
        body = {
            "claims": [stored_row(claim) for claim in claims],
            "document": _document_fields(document),
            "text": text,
        }
        payload = zlib.compress(json.dumps(body, separators=(",", ":")).encode(), 1)
        self._pending[key] = (payload, zlib.crc32(payload))
        if len(self._pending) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        """Write pending rows (and this run's number on the entries it used) in one short
        transaction; on failure, keep going without."""
        if self._conn is None or not (self._pending or self._used or self._files_pending):
            self._pending.clear()
            self._used.clear()
            self._files_pending.clear()
            return
        rows = [(*key, payload, crc, self._run) for key, (payload, crc) in self._pending.items()]
        used = [(self._run, *key) for key in self._used if key not in self._pending]
        files = [(source, *info, digest) for source, (info, digest) in self._files_pending.items()]
        self._pending, self._used, self._files_pending = {}, set(), {}
        for attempt in range(2):
            conn = self._conn
            if conn is None:
                return
            try:
                conn.execute("BEGIN IMMEDIATE")
                try:
                    conn.executemany(
                        "INSERT OR REPLACE INTO entries"
                        " (digest, suffix, options, payload, crc, run) VALUES (?, ?, ?, ?, ?, ?)",
                        rows,
                    )
                    conn.executemany(
                        "UPDATE entries SET run = ?"
                        " WHERE digest = ? AND suffix = ? AND options = ?",
                        used,
                    )
                    conn.executemany(
                        "INSERT OR REPLACE INTO files (source, size, mtime_ns, inode, digest)"
                        " VALUES (?, ?, ?, ?, ?)",
                        files,
                    )
                    conn.execute("COMMIT")
                except BaseException:
                    with contextlib.suppress(sqlite3.Error):
                        conn.execute("ROLLBACK")
                    raise
                return
            except sqlite3.Error as exc:
                self._guard(exc)
                if attempt or self._conn is None:
                    return

    def clear(self) -> None:
        """Forget every entry (``hanoicheck baseline`` may want a clean start)."""
        if self._conn is None:
            return
        self._pending.clear()
        self._used.clear()
        self._files_pending.clear()
        try:
            self._conn.execute("DELETE FROM entries")
        except sqlite3.Error as exc:
            self._guard(exc)


def _is_corrupt(exc: sqlite3.DatabaseError) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF in _CORRUPT_CODES
    message = str(exc).lower()  # pragma: no cover - sqlite3 without error codes
    return "malformed" in message or "not a database" in message  # pragma: no cover


def _file_stat(info: os.stat_result) -> _FileStat:
    return (info.st_size, info.st_mtime_ns, info.st_ino)


def _document_fields(document: Document) -> dict[str, Any]:
    """Every field of ``document`` but its text, JSON-ready (a new field is kept too)."""
    body: dict[str, Any] = {}
    for name in _DOCUMENT_FIELDS:
        value = getattr(document, name)
        if name == "furniture":
            value = [[span.start, span.end] for span in value]
        elif isinstance(value, tuple):
            value = list(value)
        body[name] = value
    return body


def _decode_entry(body: dict[str, Any], source: str) -> StoredDocument:
    """Claims and metadata of a payload, re-pointed when the file moved."""
    rows, fields_ = body["claims"], dict(body["document"])
    moved = {"source": source, "id": ""} if fields_["source"] != source else None
    # the id is derived from the path, so a moved claim gets it recomputed
    claims = tuple(claim_from_stored(row, moved) for row in rows)
    fields_["furniture"] = [Span(int(start), int(end)) for start, end in fields_["furniture"]]
    values: dict[str, Any] = {k: tuple(v) if isinstance(v, list) else v for k, v in fields_.items()}
    metadata = Document(**{**values, "source": source, "text": ""})
    return StoredDocument(metadata, body["text"], claims)
