"""Tests of hanoicheck.sources.read: size limits, read errors and decoding."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hanoicheck.model import SourceError
from hanoicheck.sources import (
    DEFAULT_MAX_BYTES,
    SourceReadError,
    discover,
    load_document,
    parse_document,
    parse_size,
    read_source_bytes,
)
from tests.sources.helpers import furniture_texts


def read_error(path: Path, **kwargs: int) -> SourceReadError:
    with pytest.raises(SourceReadError) as info:
        load_document(path, **kwargs)
    return info.value


def test_error_empty_and_whitespace(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\t\r\n")
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf \n")
    for name in ("empty.txt", "blank.txt", "bom.txt"):
        assert read_error(tmp_path / name).message == "empty file"


def test_error_binary(tmp_path: Path) -> None:
    (tmp_path / "bin.txt").write_bytes(b"abc\x00def")
    assert "binary" in read_error(tmp_path / "bin.txt").message
    (tmp_path / "u16.txt").write_bytes("hello".encode("utf-16"))
    assert "UTF-16" in read_error(tmp_path / "u16.txt").message


def test_error_invalid_utf8_position(tmp_path: Path) -> None:
    (tmp_path / "latin.txt").write_bytes(b"caf\xe9 au lait")
    assert read_error(tmp_path / "latin.txt").message == "not valid UTF-8 at byte 3"
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbfab\xff")
    assert read_error(tmp_path / "bom.txt").message == "not valid UTF-8 at byte 5"


def test_error_too_big(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text("x" * 100, encoding="utf-8")
    error = read_error(tmp_path / "big.txt", max_bytes=10)
    assert error.message == "file is 100 bytes, above the limit of 10 bytes (max_bytes)"
    assert load_document(tmp_path / "big.txt", max_bytes=100).text == "x" * 100
    (tmp_path / "huge.txt").write_bytes(b"x" * (3 * 1024 * 1024))
    message = read_error(tmp_path / "huge.txt", max_bytes=2 * 1024 * 1024).message
    assert message == "file is 3 MB, above the limit of 2 MB (max_bytes)"
    assert DEFAULT_MAX_BYTES == 64 * 1024 * 1024


def test_error_directory_and_missing(tmp_path: Path) -> None:
    assert read_error(tmp_path).message == "is a directory"
    assert read_error(tmp_path / "gone.txt").message == "no such file or directory"


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read a chmod 000 file"
)
def test_error_unreadable_chmod(tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("secret", encoding="utf-8")
    locked.chmod(0)
    try:
        assert read_error(locked).message == "permission denied"
    finally:
        locked.chmod(0o644)


def test_error_unreadable_monkeypatched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("secret", encoding="utf-8")
    real_open = Path.open

    def deny(self: Path, *args: object, **kwargs: object) -> object:
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", deny)
    error = read_error(locked)
    assert error.message == "permission denied"
    assert str(error).endswith(": permission denied")
    assert error.to_error() == SourceError(error.source, "permission denied")


def test_error_vanished_between_discover_and_load(tmp_path: Path) -> None:
    doomed = tmp_path / "doomed.txt"
    doomed.write_text("soon gone", encoding="utf-8")
    found = list(discover([tmp_path]))
    doomed.unlink()
    assert read_error(found[0]).message == "no such file or directory"  # type: ignore[arg-type]


def test_bom_is_dropped_and_offsets_match(tmp_path: Path) -> None:
    body = "Hanoi (VNA) \u2013 69 countries signed (Photo: VNA).\n"
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + body.encode("utf-8"))
    (tmp_path / "plain.txt").write_bytes(body.encode("utf-8"))
    with_bom = load_document(tmp_path / "bom.txt")
    without = load_document(tmp_path / "plain.txt")
    assert with_bom.text == without.text == body
    assert with_bom.furniture == without.furniture
    assert furniture_texts(with_bom) == ["(Photo: VNA)"]
    assert with_bom.outlet == "VNA"
    assert parse_document("x", "\ufeff" + body, ".txt").text == body


def test_read_source_bytes_gives_the_bytes_load_document_parses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_bytes(b"\xef\xbb\xbf12 ships.\n")
    assert read_source_bytes(Path("./a.txt")) == ("a.txt", b"\xef\xbb\xbf12 ships.\n")


@pytest.mark.parametrize(("value", "size"), [(1, 1), (4096, 4096), ("4096", 4096)])
def test_parse_size_takes_config_integers(value: int | str, size: int) -> None:
    """``max-size = 4096`` in a config file is a TOML integer, not a string."""
    assert parse_size(value) == size


@pytest.mark.parametrize("value", [True, False, 0, -1])
def test_parse_size_rejects_booleans_and_non_positive_integers(value: int) -> None:
    with pytest.raises(ValueError, match="size"):
        parse_size(value)
