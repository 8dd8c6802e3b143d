"""Tests of hanoicheck.cache: hits and misses, invalidation, corruption, concurrency.

The invariant every test leans on: whatever state the cache is in (cold, warm, stale,
corrupt, unwritable, shared with another process), ``extract_paths`` through the cache
returns exactly what it returns without one; the cache only changes how many files are
extracted.
"""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import os
import shutil
import sqlite3
import stat
import zlib
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from hanoicheck.api import extract_paths
from hanoicheck.cache import APPLICATION_ID, KEEP_RUNS, ClaimCache, extractor_fingerprint
from hanoicheck.config import Config
from hanoicheck.extract.pipeline import EXTRACTOR_VERSION, extract_text
from hanoicheck.formats.columns import STORED_COLUMNS
from hanoicheck.model import Claim, Document
from hanoicheck.store import StoredDocument, StoreKey, options_fingerprint

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

HTML = """<!doctype html><html><head>
<meta property="og:site_name" content="Daily Wire Test">
<meta property="article:published_time" content="2025-10-26T08:00:00Z">
</head><body><nav>Home | World</nav><article><h1>Donors pledge</h1>
<p>More than 40 countries pledged US$12.5 million to the fund on Saturday.</p>
</article></body></html>
"""
MARKDOWN = """---
date: 2025-10-27
source: Test Herald
---
# Talks

Nearly 60 delegates attended the talks.
"""


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Three seeds plus an HTML and a Markdown article, in a cwd-relative folder."""
    monkeypatch.chdir(tmp_path)
    root = tmp_path / "corpus"
    root.mkdir()
    for seed in sorted(SEEDS.glob("*.txt"))[::2]:  # 000, 002, 004: enough, and fast
        (root / seed.name).write_bytes(seed.read_bytes())
    (root / "page.html").write_text(HTML, encoding="utf-8")
    (root / "note.md").write_text(MARKDOWN, encoding="utf-8")
    return root


class Recording:
    """A claim store around a :class:`ClaimCache` that notes which sources missed."""

    def __init__(self, cache: ClaimCache) -> None:
        self.cache = cache
        self.missed: list[str] = []

    def get(self, key: StoreKey, source: str) -> StoredDocument | None:
        found = self.cache.get(key, source)
        if found is None:
            self.missed.append(source)
        return found

    def put(self, key: StoreKey, document: Document, claims: Sequence[Claim], data: bytes) -> None:
        self.cache.put(key, document, claims, data)


def run(cache: ClaimCache | None, *paths: Path, settings: Config | None = None) -> list[str]:
    """Extract and return the sources that were misses (extracted), checking results."""
    store = Recording(cache) if cache is not None else None
    result = extract_paths(list(paths), settings, store=store)
    assert result == extract_paths(list(paths), settings)
    return store.missed if store is not None else [d.source for d in result.documents]


def test_second_run_is_all_hits_and_one_change_is_one_miss(corpus: Path, tmp_path: Path) -> None:
    path = tmp_path / "state" / "cache.sqlite"
    with ClaimCache(path) as cache:
        assert len(run(cache, corpus)) == 5
        assert (cache.hits, cache.misses) == (0, 5)
    assert (path.parent / ".gitignore").read_text().splitlines()[-1] == "*"
    with ClaimCache(path) as cache:
        assert cache.count() == 5
        assert run(cache, corpus) == []
        assert (cache.hits, cache.misses) == (5, 0)
        edited = corpus / "002_8cfe10c72970e812.txt"
        edited.write_text(edited.read_text() + "\nAbout 300 journalists attended.\n")
        assert run(cache, corpus) == ["corpus/002_8cfe10c72970e812.txt"]
        assert (cache.hits, cache.misses) == (9, 1)
        assert cache.notices == []


def test_html_and_markdown_documents_come_back_whole(corpus: Path, tmp_path: Path) -> None:
    with ClaimCache(tmp_path / "c.sqlite") as cache:
        cold = extract_paths([corpus], store=cache)
        warm = extract_paths([corpus], store=cache)
        assert cache.hits == 5
    assert warm == cold
    page = next(d for d in warm.documents if d.source.endswith("page.html"))
    assert page.outlet == "Daily Wire Test" and "Home | World" not in page.text
    note = next(d for d in warm.documents if d.source.endswith("note.md"))
    assert note.text == MARKDOWN and note.outlet == "Test Herald"


def test_renamed_and_copied_files_get_their_own_source_and_ids(
    corpus: Path, tmp_path: Path
) -> None:
    seed = "004_9f7aae0d31abca2d.txt"
    with ClaimCache(tmp_path / "c.sqlite") as cache:
        run(cache, corpus)
        (corpus / seed).rename(corpus / "renamed.txt")
        shutil.copy(corpus / "renamed.txt", corpus / "copy.txt")
        assert run(cache, corpus) == []  # same bytes, new names: hits
        result = extract_paths([corpus / "copy.txt"], store=cache)
    assert result.claims and {c.source for c in result.claims} == {"corpus/copy.txt"}
    fresh = extract_paths([corpus / "copy.txt"])
    assert [c.id for c in result.claims] == [c.id for c in fresh.claims]
    assert result.documents[0].source == "corpus/copy.txt"


def test_same_content_twice_in_one_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    text = "Representatives of sixty-nine countries signed the treaty.\n"
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(text)
    for batch_size in (1, 100):  # written already, or still pending
        with ClaimCache(tmp_path / f"c{batch_size}.sqlite", batch_size=batch_size) as cache:
            assert run(cache, tmp_path / "a.txt", tmp_path / "b.txt") == ["a.txt"]


def test_options_are_part_of_the_key(corpus: Path, tmp_path: Path) -> None:
    wide = Config(tolerances={"about": 0.2, "nearly": 0.2, "some": 0.1})
    assert options_fingerprint(wide.extract_options()) != options_fingerprint(None)
    assert options_fingerprint(None) == options_fingerprint(Config().extract_options())
    with ClaimCache(tmp_path / "c.sqlite") as cache:
        run(cache, corpus)
        assert len(run(cache, corpus, settings=wide)) == 5
        assert run(cache, corpus, settings=wide) == []
        assert run(cache, corpus) == []


def test_version_change_rebuilds(corpus: Path, tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    with ClaimCache(path, version="1/1/old") as cache:
        run(cache, corpus)
    with ClaimCache(path, version="2/1/new") as cache:
        assert cache.count() == 0
        assert cache.notices == [
            f"cache {path}: extractor changed (1/1/old -> 2/1/new); cache rebuilt"
        ]
        assert len(run(cache, corpus)) == 5
    with ClaimCache(path, version="2/1/new") as cache:
        assert run(cache, corpus) == [] and cache.notices == []


def test_schema_change_drops_the_tables(corpus: Path, tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    with ClaimCache(path) as cache:
        run(cache, corpus)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE meta SET value = '0' WHERE key = 'schema'")
    with ClaimCache(path) as cache:
        assert cache.count() == 0


def test_default_version_is_the_extractor_fingerprint(tmp_path: Path) -> None:
    fingerprint = extractor_fingerprint()
    assert fingerprint.startswith(f"{EXTRACTOR_VERSION}/")
    with ClaimCache(tmp_path / "c.sqlite") as cache:
        assert cache.version == fingerprint


@pytest.mark.parametrize(
    "garbage",
    [
        b"this is not a database at all\n" * 100,
        b"\x00" * 4096,
        b"SQLite format 3\x00" + b"\xff" * 84,
    ],
    ids=["text", "zeros", "bad-header"],
)
def test_corrupt_file_is_rebuilt(corpus: Path, tmp_path: Path, garbage: bytes) -> None:
    """In hanoicheck's own folder a broken file is a broken cache (elsewhere an unmarked
    file is someone else's: test_cache_ownership)."""
    path = tmp_path / ".hanoicheck" / "c.sqlite"
    path.parent.mkdir()
    path.write_bytes(garbage)
    with ClaimCache(path) as cache:
        assert cache.enabled
        assert len(cache.notices) == 1 and "rebuilding it" in cache.notices[0]
        assert len(run(cache, corpus)) == 5
    with ClaimCache(path) as cache:
        assert run(cache, corpus) == [] and cache.notices == []


def _filler(cache: ClaimCache, count: int) -> None:
    document = Document(source="x.txt", text="filler")
    claims = extract_text("More than 110 countries attended and 18 countries spoke.")
    for index in range(count):
        data = f"filler {index}".encode()
        cache.put(StoreKey.of(data, ".txt", "o"), document, claims, data)


def test_truncated_file_is_rebuilt(corpus: Path, tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    with ClaimCache(path) as cache:
        _filler(cache, 400)
        run(cache, corpus)
    size = path.stat().st_size
    assert size > 20 * 4096
    with path.open("r+b") as handle:
        handle.truncate(size // 2)
    with ClaimCache(path) as cache:
        assert any("rebuilding it" in notice for notice in cache.notices)
        assert len(run(cache, corpus)) == 5


def test_a_file_that_is_not_ours_is_never_overwritten(corpus: Path, tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes\n")
    with ClaimCache(notes) as cache:
        assert not cache.enabled and bool(cache)
        assert cache.notices == [
            f"cache {notes}: not usable (not a hanoicheck cache (not an SQLite database);"
            " left untouched); running without a cache"
        ]
        assert len(run(cache, corpus)) == 5
    assert notes.read_text() == "my notes\n"
    default_place = tmp_path / ".hanoicheck" / "cache"
    default_place.parent.mkdir()
    default_place.write_text("garbage")
    with ClaimCache(default_place) as cache:
        assert cache.enabled and "rebuilding it" in cache.notices[0]


def test_empty_file_is_a_fresh_cache(corpus: Path, tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    path.write_bytes(b"")
    with ClaimCache(path) as cache:
        assert cache.notices == [] and len(run(cache, corpus)) == 5


class _CorruptOnRead:
    """A connection whose next lookup reports corruption, as SQLite does for a file
    damaged under a running process (a real one is hidden by SQLite's page cache)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
        if sql.startswith("SELECT payload"):
            error = sqlite3.DatabaseError("database disk image is malformed")
            error.sqlite_errorcode = 11
            raise error
        return self._conn.execute(sql, *args)

    def close(self) -> None:
        self._conn.close()


def test_corruption_found_mid_run_rebuilds(corpus: Path, tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    with ClaimCache(path) as cache:
        run(cache, corpus)
    with ClaimCache(path) as cache:
        assert cache._conn is not None
        cache._conn = _CorruptOnRead(cache._conn)  # type: ignore[assignment]
        assert len(run(cache, corpus)) == 5  # first lookup fails, the rest find it empty
        assert cache.notices == [f"cache {path}: database disk image is malformed; rebuilding it"]
    with ClaimCache(path) as cache:
        assert cache.notices == [] and run(cache, corpus) == []


def test_row_with_bad_checksum_is_a_miss(corpus: Path, tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    with ClaimCache(path) as cache:
        run(cache, corpus)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE entries SET crc = crc + 1")
    with ClaimCache(path) as cache:
        assert len(run(cache, corpus)) == 5
        assert len(cache.notices) == 1 and "unreadable entry" in cache.notices[0]
    with ClaimCache(path) as cache:  # rewritten by the misses
        assert run(cache, corpus) == []


def test_row_with_bad_payload_is_a_miss(corpus: Path, tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    with ClaimCache(path) as cache:
        run(cache, corpus)
    import zlib

    payload = zlib.compress(b'{"source": "x"}')
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE entries SET payload = ?, crc = ?", (payload, zlib.crc32(payload)))
    with ClaimCache(path) as cache:
        assert len(run(cache, corpus)) == 5
        assert "unreadable entry ('claims')" in cache.notices[0]


@pytest.mark.parametrize("where", ["parent-is-a-file", "path-is-a-directory"])
def test_unusable_location_falls_back_to_no_cache(corpus: Path, tmp_path: Path, where: str) -> None:
    blocker = tmp_path / "blocker"
    if where == "parent-is-a-file":
        blocker.write_text("a file, not a directory")
        path = blocker / "cache.sqlite"
    else:
        path = blocker
        path.mkdir()
    with ClaimCache(path) as cache:
        assert not cache.enabled
        assert len(cache.notices) == 1
        assert cache.notices[0].startswith(f"cache {path}: not usable (")
        assert cache.notices[0].endswith("; running without a cache")
        assert len(run(cache, corpus)) == 5
        assert len(run(cache, corpus)) == 5
        assert (cache.hits, cache.misses, cache.count()) == (0, 10, 0)
        cache.clear()


def test_locked_database_gives_up_writing_not_the_run(corpus: Path, tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    cache = ClaimCache(path, busy_timeout=0.05)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        assert len(run(cache, corpus)) == 5
        cache.flush()  # the run's last batch, written while the other process holds the lock
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert not cache.enabled
    assert "database is locked" in cache.notices[0]
    cache.close()


def test_no_cache_extracts_everything(corpus: Path) -> None:
    assert len(run(None, corpus)) == 5


def test_unreadable_files_are_reported_not_cached(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ok.txt").write_text("Nearly 60 delegates attended.\n")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02")
    (tmp_path / "latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    (tmp_path / "big.txt").write_text("x" * 200)
    with ClaimCache(tmp_path / ".cache" / "c.sqlite") as cache:
        for _ in range(2):
            small = Config(max_size=100)
            result = extract_paths([tmp_path, tmp_path / "missing.txt"], small, store=cache)
            assert result == extract_paths([tmp_path, tmp_path / "missing.txt"], small)
            assert len(result.errors) == 4 and len(result.documents) == 1
        assert cache.count() == 1


def test_parser_failure_is_reported_like_load_sources(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("Nearly 60 delegates attended.\n")

    def explode(source: str, data: bytes, suffix: str) -> Document:
        raise RuntimeError("boom\nhere")

    monkeypatch.setattr("hanoicheck.parallel.document_from_bytes", explode)
    expected = ["a.txt: cannot parse (RuntimeError: boom here)"]
    result = extract_paths([tmp_path / "a.txt"])
    assert [str(e) for e in result.errors] == expected
    with ClaimCache(tmp_path / "c.sqlite") as cache:  # the same words through a store
        result = extract_paths([tmp_path / "a.txt"], store=cache)
        assert cache.count() == 0
    assert [str(e) for e in result.errors] == expected


def test_exclude_globs(corpus: Path, tmp_path: Path) -> None:
    (corpus / "drafts").mkdir()
    (corpus / "drafts" / "x.txt").write_text("Nearly 60 delegates attended.\n")
    (corpus / "drafts" / "bad.txt").write_bytes(b"\x00")
    result = extract_paths([corpus], Config(exclude=("drafts", "*.html")))
    sources = {d.source for d in result.documents}
    assert len(sources) == 4 and not result.errors
    assert not any("drafts" in s or s.endswith(".html") for s in sources)
    result = extract_paths([corpus, tmp_path / "gone.txt"], Config(exclude=("gone.txt", "*.txt")))
    assert [d.source for d in result.documents] == ["corpus/note.md", "corpus/page.html"]
    assert not result.errors


def test_pending_rows_are_written_on_close(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    cache = ClaimCache(path, batch_size=10_000)
    _filler(cache, 5)
    cache.close()
    cache.close()  # idempotent
    with ClaimCache(path, batch_size=10_000) as again:
        assert again.count() == 5
        again.clear()
        assert again.count() == 0


def test_replaced_document_is_stored_with_its_text(tmp_path: Path) -> None:
    """A parse whose text is not the file's (HTML) must store the text it produced."""
    with ClaimCache(tmp_path / "c.sqlite") as cache:
        data = b"<p>raw</p>"
        key = StoreKey.of(data, ".weird", "o")
        document = Document(source="a.weird", text="raw", outlet="X")
        cache.put(key, document, [], data)
        entry = cache.get(key, "b.weird")
    assert entry is not None
    assert entry.document(data) == replace(document, source="b.weird")


# --------------------------------------------------------------------------- processes

_ROUNDS = 120


def _worker(path: str, name: str, barrier: multiprocessing.synchronize.Barrier) -> None:
    """Write own and shared entries in small batches while reading the other's."""
    claims = extract_text("About 300 journalists and 18 countries attended on Oct 25.")
    document = Document(source=f"{name}.txt", text="t")
    barrier.wait()
    with ClaimCache(path, version="v", batch_size=3, busy_timeout=20) as cache:
        for index in range(_ROUNDS):
            own = f"{name} {index}".encode()
            cache.put(StoreKey.of(own, ".txt", "o"), document, claims, own)
            shared = f"shared {index}".encode()
            if cache.get(StoreKey.of(shared, ".txt", "o"), f"{name}.txt") is None:
                cache.put(StoreKey.of(shared, ".txt", "o"), document, claims, shared)
            other = b"b" if name == "a" else b"a"
            cache.get(StoreKey.of(other + f" {index // 2}".encode(), ".txt", "o"), "x.txt")
        assert cache.enabled, cache.notices


def test_two_processes_share_one_cache(tmp_path: Path) -> None:
    path = tmp_path / "shared" / "cache.sqlite"
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(2)
    workers = [
        context.Process(target=_worker, args=(str(path), name, barrier)) for name in ("a", "b")
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=30)
    assert [worker.exitcode for worker in workers] == [0, 0]
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    expected = extract_text("About 300 journalists and 18 countries attended on Oct 25.")
    with ClaimCache(path, version="v") as cache:
        assert cache.count() == 3 * _ROUNDS
        for label in ("a", "b", "shared"):
            for index in range(_ROUNDS):
                data = f"{label} {index}".encode()
                entry = cache.get(StoreKey.of(data, ".txt", "o"), "check.txt")
                assert entry is not None
                assert [c.quote for c in entry.claims] == [c.quote for c in expected]
                assert {c.source for c in entry.claims} == {"check.txt"}
        assert cache.notices == []


def test_payload_round_trips_every_claim_shape() -> None:
    """The cache's own serialisation must give back equal claims (money, dates, hedges)."""
    import json

    from hanoicheck.formats.columns import claim_from_stored, stored_row

    root = Path(__file__).resolve().parents[2]
    claims = extract_paths([root / "seeds", root / "fixtures" / "corpora"]).claims
    assert len({c.kind for c in claims}) == 3 and len({c.value.qualifier for c in claims}) > 3
    for claim in claims:
        assert claim_from_stored(json.loads(json.dumps(stored_row(claim)))) == claim


# --------------------------------------------------------------------------- ownership


def test_a_new_cache_is_marked_as_one(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    with ClaimCache(path):
        pass
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA application_id").fetchone() == (APPLICATION_ID,)


@pytest.mark.parametrize("name", ["userdata.db", "notes.sqlite", "cache.sqlite3"])
def test_a_text_file_named_like_a_database_is_left_alone(
    corpus: Path, tmp_path: Path, name: str
) -> None:
    """``--cache userdata.db`` on a text file used to delete it and build a cache there."""
    path = tmp_path / name
    path.write_text("my data\n")
    with ClaimCache(path) as cache:
        assert not cache.enabled
        assert cache.notices == [
            f"cache {path}: not usable (not a hanoicheck cache (not an SQLite database);"
            " left untouched); running without a cache"
        ]
        assert len(run(cache, corpus)) == 5
    assert path.read_text() == "my data\n"


def test_another_programs_database_is_left_alone(corpus: Path, tmp_path: Path) -> None:
    """``--cache app.sqlite`` used to drop its ``entries`` table without a word."""
    path = tmp_path / "app.sqlite"
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE entries (name TEXT)")
        conn.execute("CREATE TABLE meta (key TEXT, value TEXT)")
        conn.execute("INSERT INTO entries VALUES ('precious')")
        conn.commit()
    before = path.read_bytes()
    with ClaimCache(path) as cache:
        assert not cache.enabled
        assert "another program's SQLite database" in cache.notices[0]
        run(cache, corpus)
    assert path.read_bytes() == before


def test_a_fifo_as_cache_is_refused_without_opening_it(corpus: Path, tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite"
    os.mkfifo(path)
    with ClaimCache(path) as cache:  # opening a FIFO to read its header would hang
        assert not cache.enabled
        assert "a FIFO (named pipe), not a regular file; left untouched" in cache.notices[0]
    assert stat.S_ISFIFO(path.stat().st_mode)


def test_a_cache_written_before_caches_were_marked_is_rebuilt(corpus: Path, tmp_path: Path) -> None:
    """Version 2's layout: no mark, no ``run`` column (and a run used to be disabled
    on every start by "no such column")."""
    path = tmp_path / "old.sqlite"
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
        conn.executemany("INSERT INTO meta VALUES (?, ?)", [("schema", "2"), ("extractor", "old")])
        conn.execute(
            "CREATE TABLE entries (digest TEXT, suffix TEXT, options TEXT, payload BLOB,"
            " PRIMARY KEY (digest, suffix, options)) WITHOUT ROWID"
        )
        conn.commit()
    with ClaimCache(path) as cache:
        assert cache.enabled and cache.count() == 0
        assert len(run(cache, corpus)) == 5
    with ClaimCache(path) as cache:
        assert run(cache, corpus) == [] and cache.notices == []
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA application_id").fetchone() == (APPLICATION_ID,)


def test_tables_of_an_older_layout_are_rebuilt_not_disabled(corpus: Path, tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    with ClaimCache(path) as cache:
        run(cache, corpus)
    with contextlib.closing(sqlite3.connect(path)) as conn:  # same schema number, old table
        conn.execute("DROP TABLE entries")
        conn.execute("CREATE TABLE entries (digest TEXT, suffix TEXT, options TEXT, payload BLOB)")
        conn.commit()
    with ClaimCache(path) as cache:
        assert cache.enabled
        assert cache.notices == [f"cache {path}: tables of an older layout; cache rebuilt"]
        assert len(run(cache, corpus)) == 5
    with ClaimCache(path) as cache:
        assert run(cache, corpus) == [] and cache.notices == []


# --------------------------------------------------------------------------- pruning


def test_entries_of_deleted_files_are_pruned(corpus: Path, tmp_path: Path) -> None:
    """855 entries stayed after 455 of 855 files were deleted: now an entry no run has
    used in KEEP_RUNS runs goes."""
    path = tmp_path / "c.sqlite"
    with ClaimCache(path) as cache:
        run(cache, corpus)
        assert cache.count() == 5
    for gone in sorted(corpus.iterdir())[:2]:
        gone.unlink()
    for _ in range(KEEP_RUNS - 1):
        with ClaimCache(path) as cache:
            assert run(cache, corpus) == []  # the three left are hits...
            assert cache.count() == 5  # ...and the two deleted are still kept
    with ClaimCache(path) as cache:
        run(cache, corpus)
    with ClaimCache(path) as cache:
        assert cache.count() == 3 and run(cache, corpus) == []


def test_a_failed_run_prunes_nothing(corpus: Path, tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    with ClaimCache(path) as cache:
        run(cache, corpus)
    for _ in range(KEEP_RUNS + 1):
        with pytest.raises(RuntimeError), ClaimCache(path) as cache:
            raise RuntimeError  # stopped before it looked anything up
    with ClaimCache(path) as cache:
        assert cache.count() == 5


# --------------------------------------------------------------------------- model


def test_a_row_the_model_refuses_is_a_miss(corpus: Path, tmp_path: Path) -> None:
    """A row with a valid checksum holding an empty interval (what ``nearly = 0`` used
    to build) made the reconciler append empty sides until 18.7 GB; it is a miss now."""
    path = tmp_path / "c.sqlite"
    with ClaimCache(path) as cache:
        run(cache, corpus)
    names = [column.name for column in STORED_COLUMNS]
    with contextlib.closing(sqlite3.connect(path)) as conn:
        for key, payload in conn.execute("SELECT digest, payload FROM entries").fetchall():
            body = json.loads(zlib.decompress(payload))
            for row in body["claims"]:
                if row[names.index("kind")] != "date":
                    nominal = row[names.index("nominal")]
                    row[names.index("low")] = row[names.index("high")] = nominal
                    row[names.index("high_inclusive")] = False  # [x, x): empty
            forged = zlib.compress(json.dumps(body).encode())
            conn.execute(
                "UPDATE entries SET payload = ?, crc = ? WHERE digest = ?",
                (forged, zlib.crc32(forged), key),
            )
        conn.commit()
    with ClaimCache(path) as cache:
        assert len(run(cache, corpus)) >= 3  # every file with a figure is extracted again
        assert "unreadable entry (empty interval" in cache.notices[0]


# --------------------------------------------------------------------------- unread files


def _age(root: Path, seconds: float = 60.0) -> None:
    """Every file of ``root`` last modified ``seconds`` ago (older than RACY_SECONDS)."""
    for path in root.iterdir():
        info = path.stat()
        os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns - int(seconds * 1e9)))


def _reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files the driver reads from now on."""
    from hanoicheck import api

    read: list[str] = []
    real = api.read_source_bytes

    def counting(path: Path, **kwargs: Any) -> tuple[str, bytes]:
        read.append(path.name)
        return real(path, **kwargs)

    monkeypatch.setattr(api, "read_source_bytes", counting)
    return read


def test_unchanged_files_are_not_read_again(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A warm run over 10,000 files read and hashed every one: now a file whose stat is
    the one it had when hashed is looked up by that digest, with the same result."""
    _age(corpus)
    path = tmp_path / "c.sqlite"
    fresh = extract_paths([corpus], keep_text=False)
    with ClaimCache(path) as cache:
        assert extract_paths([corpus], store=cache, keep_text=False) == fresh
    read = _reads(monkeypatch)
    with ClaimCache(path) as cache:
        assert extract_paths([corpus], store=cache, keep_text=False) == fresh
        assert (cache.hits, cache.misses) == (5, 0)
    assert read == []
    with ClaimCache(path) as cache:  # texts asked for: they are the files' bytes
        assert extract_paths([corpus], store=cache) == extract_paths([corpus])
    assert len(read) == 5


def test_a_file_whose_stat_changed_is_read_and_hashed(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _age(corpus)
    path = tmp_path / "c.sqlite"
    with ClaimCache(path) as cache:
        extract_paths([corpus], store=cache, keep_text=False)
    edited = corpus / "002_8cfe10c72970e812.txt"
    edited.write_text(edited.read_text() + "\nAbout 300 journalists attended.\n")
    touched = corpus / "note.md"
    touched.write_bytes(touched.read_bytes())  # same bytes, new mtime: read, then a hit
    read = _reads(monkeypatch)
    with ClaimCache(path) as cache:
        result = extract_paths([corpus], store=cache, keep_text=False)
        assert (cache.hits, cache.misses) == (4, 1)
    assert sorted(read) == ["002_8cfe10c72970e812.txt", "note.md"]
    assert result == extract_paths([corpus], keep_text=False)


def test_a_file_modified_just_before_it_was_hashed_is_not_trusted_by_its_stat(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A second change within the file system's timestamp granularity could keep the
    stat: such a file is read again until it has been still for RACY_SECONDS."""
    path = tmp_path / "c.sqlite"  # the corpus was written just now
    with ClaimCache(path) as cache:
        extract_paths([corpus], store=cache, keep_text=False)
    read = _reads(monkeypatch)
    with ClaimCache(path) as cache:
        extract_paths([corpus], store=cache, keep_text=False)
        assert (cache.hits, cache.misses) == (5, 0)
    assert len(read) == 5


def test_the_file_index_is_added_to_an_older_cache_and_pruned_with_its_entries(
    corpus: Path, tmp_path: Path
) -> None:
    _age(corpus)
    path = tmp_path / "c.sqlite"
    with ClaimCache(path) as cache:
        extract_paths([corpus], store=cache, keep_text=False)
    with contextlib.closing(sqlite3.connect(path)) as conn:  # a cache from before the index
        conn.execute("DROP TABLE files")
        conn.commit()
    with ClaimCache(path) as cache:
        assert extract_paths([corpus], store=cache, keep_text=False)
        assert cache.notices == [] and (cache.hits, cache.misses) == (5, 0)
    with contextlib.closing(sqlite3.connect(path)) as conn:
        assert conn.execute("SELECT count(*) FROM files").fetchone() == (5,)
        conn.execute("DELETE FROM entries WHERE suffix = '.md'")
        conn.commit()
    with ClaimCache(path) as cache:
        cache.close()
    with contextlib.closing(sqlite3.connect(path)) as conn:
        assert conn.execute("SELECT count(*) FROM files").fetchone() == (4,)


def test_a_file_index_of_another_layout_is_rebuilt(corpus: Path, tmp_path: Path) -> None:
    _age(corpus)
    path = tmp_path / "c.sqlite"
    with ClaimCache(path) as cache:
        extract_paths([corpus], store=cache, keep_text=False)
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("DROP TABLE files")
        conn.execute("CREATE TABLE files (source TEXT, digest TEXT)")
        conn.commit()
    with ClaimCache(path) as cache:
        assert extract_paths([corpus], store=cache, keep_text=False)
        assert cache.notices == [] and cache.hits == 5
    with ClaimCache(path) as cache:
        assert cache.digest_of("corpus/note.md", (corpus / "note.md").stat()) is not None
