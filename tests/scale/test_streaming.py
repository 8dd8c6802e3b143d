"""``extract -f jsonl|csv`` streams: claims go out as they come, and a file lands whole."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from hanoicheck.extract.pipeline import extract_text
from hanoicheck.formats import ClaimFormat, render_claims, write_claims
from hanoicheck.model import Claim

TEXT = "More than 110 countries attended on October 25, 2025, and 69 signed. " * 3


def _claims() -> list[Claim]:
    return extract_text(TEXT, source="a.txt")


def _temporary_files(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.endswith(".tmp")]


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


def test_empty_csv_is_the_header_alone(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    write_claims(iter([]), ClaimFormat.CSV, target)
    assert target.read_text("utf-8").startswith("schema_version,id,source,")
    assert target.read_text("utf-8").count("\n") == 1


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


def test_streamed_jsonl_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    claims = _claims()
    write_claims(iter(claims), ClaimFormat.JSONL, None)
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["id"] for line in lines] == [c.id for c in claims]


def test_conflict_json_streams_the_same_text_as_one_dump() -> None:
    from hanoicheck.api import reconcile_paths
    from hanoicheck.formats.conflicts import ConflictFormat, iter_conflicts
    from tests.gold import ROOT

    result = reconcile_paths([ROOT / "seeds"]).reconciliation
    pieces = list(iter_conflicts(result, ConflictFormat.JSON, show_all=True))
    groups = [g.to_dict() for g in result.groups]
    assert len(pieces) == len(groups) + 1 > 2  # a piece per group, then the bracket
    assert "".join(pieces) == json.dumps(groups, ensure_ascii=False, indent=2) + "\n"
    empty = type(result)(groups=(), sources=(), claim_count=0, stories=0, copies=())
    assert "".join(iter_conflicts(empty, ConflictFormat.JSON)) == "[]\n"
    assert json.loads("".join(iter_conflicts(empty, ConflictFormat.JSON))) == []
