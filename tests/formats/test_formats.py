"""``hanoicheck.formats``: one formatter per ``extract`` format; JSONL and CSV stream,
and a file lands whole."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from hanoicheck.extract.pipeline import extract_text
from hanoicheck.formats import (
    CLAIM_FORMATTERS,
    ClaimFormat,
    claim_formatter,
    render_claims,
    write_claims,
)
from hanoicheck.model import Claim

TEXT = "More than 110 countries attended on October 25, 2025, and 69 signed. " * 3


def _claims() -> list[Claim]:
    return extract_text(TEXT, source="a.txt")


def _temporary_files(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_every_format_has_exactly_one_formatter() -> None:
    assert set(CLAIM_FORMATTERS) == set(ClaimFormat)
    # claim_formatter ends in assert_never, so mypy rejects a member without a case;
    # here every member maps to a formatter of its own
    formatters = [claim_formatter(fmt) for fmt in ClaimFormat]
    assert all(callable(f) for f in formatters) and len(set(formatters)) == len(ClaimFormat)
    assert [CLAIM_FORMATTERS[fmt] for fmt in ClaimFormat] == formatters


@pytest.mark.parametrize("fmt", [ClaimFormat.JSONL, ClaimFormat.CSV])
def test_streamed_file_equals_the_rendered_text(tmp_path: Path, fmt: ClaimFormat) -> None:
    claims = _claims()
    target = tmp_path / f"out.{fmt}"
    write_claims(iter(claims), fmt, target)
    assert target.read_text("utf-8") == render_claims(claims, fmt)
    assert _temporary_files(tmp_path) == []


@pytest.mark.parametrize("fmt", [ClaimFormat.JSONL, ClaimFormat.CSV])
def test_claims_are_written_before_the_last_one_is_extracted(
    tmp_path: Path, fmt: ClaimFormat
) -> None:
    claims = _claims()
    sizes: list[int] = []

    def produce() -> Iterator[Claim]:
        for claim in claims:
            temporary = _temporary_files(tmp_path)
            sizes.append(temporary[0].stat().st_size if temporary else -1)
            yield claim

    write_claims(produce(), fmt, tmp_path / "out")
    # the writer was already writing while claims were still being produced; an
    # implementation that collected the claims first would see no file until the end
    assert sizes[0] >= 0
    assert len(sizes) == len(claims) > 3


@pytest.mark.parametrize("fmt", [ClaimFormat.JSONL, ClaimFormat.CSV])
def test_a_failure_mid_stream_keeps_the_old_file(tmp_path: Path, fmt: ClaimFormat) -> None:
    target = tmp_path / "out"
    target.write_text("the good old file\n", "utf-8")

    def produce() -> Iterator[Claim]:
        yield from _claims()[:2]
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_claims(produce(), fmt, target)
    assert target.read_text("utf-8") == "the good old file\n"
    assert _temporary_files(tmp_path) == []
