"""Parallel extraction: same bytes whatever --jobs is, errors in place, texts dropped."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from hanoicheck.api import extract_paths, iter_extract
from hanoicheck.cli import app
from hanoicheck.model import SourceError
from hanoicheck.parallel import available_cpus, chunk_size, resolve_jobs
from tests.gold import ROOT

runner = CliRunner()
INPUTS = [str(ROOT / "seeds"), str(ROOT / "fixtures" / "corpora")]


def test_jobs_1_and_2_give_byte_identical_output() -> None:
    one = runner.invoke(app, ["extract", *INPUTS, "-f", "jsonl", "--jobs", "1"])
    two = runner.invoke(app, ["extract", *INPUTS, "-f", "jsonl", "--jobs", "2", "-q"])
    assert one.exit_code == 0 and two.exit_code == 0, (one.stderr, two.stderr)
    assert one.stdout.count("\n") > 100
    assert one.stdout == two.stdout


def test_unreadable_files_keep_their_place_with_several_processes(tmp_path: Path) -> None:
    for index in range(6):
        (tmp_path / f"{index}.txt").write_text(f"Delegates from {index + 10} countries met.\n")
    (tmp_path / "3.txt").write_bytes(b"\x00binary")
    serial = list(iter_extract([tmp_path], jobs=1))
    pooled = list(iter_extract([tmp_path], jobs=2))
    assert serial == pooled
    assert [isinstance(item, SourceError) for item in pooled] == [False] * 3 + [True] + [False] * 2


def test_texts_are_dropped_unless_asked_for() -> None:
    streamed = [i for i in iter_extract([ROOT / "seeds"]) if not isinstance(i, SourceError)]
    assert streamed and all(item.document.text == "" for item in streamed)
    kept = extract_paths([ROOT / "seeds"])
    assert all(document.text for document in kept.documents)
    meta = [(d.source, d.date, d.outlet, d.url) for d in kept.documents]
    assert [(i.document.source, i.document.date, i.document.outlet, i.document.url)
            for i in streamed] == meta  # fmt: skip
    assert kept.claims == tuple(claim for item in streamed for claim in item.claims)


def test_progress_reports_every_file() -> None:
    seen: list[tuple[int, int]] = []
    extract_paths([ROOT / "seeds"], jobs=1, progress=lambda done, total: seen.append((done, total)))
    assert seen[0] == (0, 5) and seen[-1] == (5, 5)


def test_automatic_jobs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Automatic asks the cost model (tests/test_workers.py) about this machine now."""
    monkeypatch.setattr("hanoicheck.parallel.available_cpus", lambda: 4)
    monkeypatch.setattr("hanoicheck.parallel.system_load", lambda: 0.0)
    assert resolve_jobs(None, 5) == 1  # size unknown: nothing worth sharing out
    assert resolve_jobs(None, 5, 5_000) == 1
    assert resolve_jobs(0, 20_000, 20_000_000) == 4
    monkeypatch.setattr("hanoicheck.parallel.system_load", lambda: 3.5)
    assert resolve_jobs(0, 20_000, 20_000_000) == 1  # the other CPUs are busy


def test_explicit_jobs() -> None:
    assert resolve_jobs(8, 3) == min(3, available_cpus())  # never more than files
    assert resolve_jobs(4, 0) == 1
    with pytest.raises(ValueError):
        resolve_jobs(-1, 10)
    assert chunk_size(10, 2) == 1 and chunk_size(100_000, 2) == 32


def test_more_jobs_than_cpus_are_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    """``-j 64`` on 2,000 files took 1.9 GB and ran 3x slower than ``-j 2`` on 2 CPUs."""
    monkeypatch.setattr("hanoicheck.parallel.available_cpus", lambda: 2)
    monkeypatch.setattr("hanoicheck.parallel.system_load", lambda: 0.0)
    assert resolve_jobs(64, 2000) == 2
    assert resolve_jobs(None, 2000, 2_000_000) == 2
    assert resolve_jobs(1, 2000) == 1


def test_an_extractor_that_raises_costs_one_file_not_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An interval the model refuses (a bug in one extractor) is one line for that file."""
    from hanoicheck import parallel

    real = parallel.extract_document

    def refusing(document, options=None):  # type: ignore[no-untyped-def]
        if document.source.endswith("bad.txt"):
            raise ValueError("empty interval '--12-29'..'--01-03'")
        return real(document, options)

    monkeypatch.setattr(parallel, "extract_document", refusing)
    for name in ("a.txt", "bad.txt", "c.txt"):
        (tmp_path / name).write_text("Delegates from 12 countries met.\n")
    items = list(iter_extract([tmp_path]))
    errors = [item for item in items if isinstance(item, SourceError)]
    assert len(items) == 3 and len(errors) == 1
    assert errors[0].message == "cannot parse (ValueError: empty interval '--12-29'..'--01-03')"
