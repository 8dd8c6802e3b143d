"""Tests of hanoicheck.sources.discover: which files, under which names, in which order."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hanoicheck.model import Document, SourceError
from hanoicheck.sources import SUPPORTED_SUFFIXES, discover, load_sources, normalize_source
from tests.sources.helpers import REPO


def test_normalize_source_forms(in_repo: Path) -> None:
    assert normalize_source("seeds/a.txt") == "seeds/a.txt"
    assert normalize_source("./seeds/a.txt") == "seeds/a.txt"
    assert normalize_source(Path("seeds") / "a.txt") == "seeds/a.txt"
    assert normalize_source(REPO / "seeds" / "a.txt") == "seeds/a.txt"
    assert normalize_source("seeds/") == "seeds"
    assert normalize_source("./seeds/../seeds/a.txt") == "seeds/a.txt"


def test_normalize_source_outside_cwd_is_absolute(tmp_path: Path, in_repo: Path) -> None:
    outside = tmp_path / "x.txt"
    assert normalize_source(outside) == Path(os.path.abspath(outside)).as_posix()
    assert normalize_source(outside).startswith("/")


def make_tree(root: Path) -> None:
    (root / "b").mkdir(parents=True)
    (root / "a.txt").write_text("a", encoding="utf-8")
    (root / "b" / "c.md").write_text("c", encoding="utf-8")
    (root / "b" / "d.html").write_text("<p>d</p>", encoding="utf-8")
    (root / "b" / "skip.pdf").write_bytes(b"%PDF")
    (root / "z.HTM").write_text("<p>z</p>", encoding="utf-8")
    (root / ".hidden.txt").write_text("h", encoding="utf-8")
    (root / ".git").mkdir()
    (root / ".git" / "inside.txt").write_text("g", encoding="utf-8")


def test_discover_recursive_sorted_hidden_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_tree(tmp_path / "corpus")
    monkeypatch.chdir(tmp_path)
    found = list(discover(["corpus"]))
    assert [normalize_source(p) for p in found if isinstance(p, Path)] == [
        "corpus/a.txt",
        "corpus/b/c.md",
        "corpus/b/d.html",
        "corpus/z.HTM",
    ]


def test_discover_same_ids_for_spellings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_tree(tmp_path / "corpus")
    monkeypatch.chdir(tmp_path)

    def ids(arg: str) -> list[str]:
        return [normalize_source(p) for p in discover([arg]) if isinstance(p, Path)]

    assert ids("corpus") == ids("./corpus/") == ids(str(tmp_path / "corpus"))


def test_discover_seeds_spellings(in_repo: Path) -> None:
    first = [d.source for d in load_sources(["seeds"]) if isinstance(d, Document)]
    second = [d.source for d in load_sources(["./seeds/"]) if isinstance(d, Document)]
    assert first == second
    assert len(first) == 5


def test_discover_direct_file_any_suffix_and_no_duplicates(tmp_path: Path) -> None:
    make_tree(tmp_path)
    direct = tmp_path / "b" / "skip.pdf"
    found = list(discover([direct, tmp_path / "a.txt", tmp_path, tmp_path / "a.txt"]))
    paths = [p for p in found if isinstance(p, Path)]
    assert paths[0] == direct
    assert paths[1] == tmp_path / "a.txt"
    assert len(paths) == len({os.path.realpath(p) for p in paths})
    assert sum(1 for p in paths if p.name == "a.txt") == 1


def test_discover_hidden_file_given_directly(tmp_path: Path) -> None:
    make_tree(tmp_path)
    assert list(discover([tmp_path / ".hidden.txt"])) == [tmp_path / ".hidden.txt"]


def test_discover_missing_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ok.txt").write_text("fine", encoding="utf-8")
    found = list(discover(["./nope/x.txt", "ok.txt"]))
    assert found == [SourceError("nope/x.txt", "no such file or directory"), Path("ok.txt")]


def test_discover_symlink_loop_terminates(tmp_path: Path) -> None:
    root = tmp_path / "root"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "a.txt").write_text("a", encoding="utf-8")
    (root / "sub" / "loop").symlink_to(root, target_is_directory=True)
    (root / "again").symlink_to(root / "sub", target_is_directory=True)
    paths = [p for p in discover([root]) if isinstance(p, Path)]
    assert paths == [root / "sub" / "a.txt"]  # the real path wins over "again/a.txt"


def test_discover_broken_symlink_reported(tmp_path: Path) -> None:
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    found = list(discover([tmp_path]))
    assert len(found) == 1
    assert isinstance(found[0], SourceError)
    assert found[0].message == "broken symlink"


def test_discover_is_deterministic(tmp_path: Path) -> None:
    make_tree(tmp_path)
    assert list(discover([tmp_path])) == list(discover([tmp_path]))


def test_supported_suffixes() -> None:
    assert SUPPORTED_SUFFIXES == (".txt", ".md", ".markdown", ".html", ".htm")


def _bytes_name(directory: Path, name: bytes) -> Path:
    """A path whose last part is ``name``, bytes that need not be UTF-8."""
    return Path(os.fsdecode(os.path.join(os.fsencode(directory), name)))


def test_a_name_that_is_not_utf8_is_reported_with_its_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "good.txt").write_text("Officials counted 12 ships.\n", encoding="utf-8")
    _bytes_name(tmp_path, b"\xff\xfe.txt").write_text("x", encoding="utf-8")
    _bytes_name(tmp_path, b"d\xff").mkdir()
    (_bytes_name(tmp_path, b"d\xff") / "inside.txt").write_text("x", encoding="utf-8")
    _bytes_name(tmp_path, b"skip\xff.pdf").write_text("x", encoding="utf-8")  # not an article
    found = list(discover(["."]))
    message = "file name is not valid UTF-8 (rename it to read it)"
    assert found == [
        SourceError("d\\xff", message),  # a folder once, not each file in it
        Path("good.txt"),
        SourceError("\\xff\\xfe.txt", message),
    ]
    assert list(discover([_bytes_name(Path("."), b"\xff\xfe.txt")])) == [
        SourceError("\\xff\\xfe.txt", message)
    ]


def test_fifos_and_links_to_devices_are_reported_as_what_they_are(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    found = list(discover([tmp_path]))
    messages = {Path(e.source).name: e.message for e in found if isinstance(e, SourceError)}
    assert len(found) == 3 and messages == {
        "gone.txt": "broken symlink",
        "pipe.txt": "a FIFO (named pipe), not a regular file",
        "zero.txt": "a character device, not a regular file",
    }
    direct = list(load_sources([tmp_path / "pipe.txt", tmp_path / "zero.txt"]))
    assert [e.message for e in direct if isinstance(e, SourceError)] == [
        "a FIFO (named pipe), not a regular file",
        "a character device, not a regular file",
    ]
