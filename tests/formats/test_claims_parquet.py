"""``--format parquet``: a typed round trip equal to the JSONL claims, written atomically."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hanoicheck.api import extract_paths
from hanoicheck.cli import app
from hanoicheck.model import Claim
from tests.gold import ROOT

pytest.importorskip("pyarrow")

from hanoicheck.formats import claims_parquet

runner = CliRunner()
INPUTS = [str(ROOT / "seeds"), str(ROOT / "fixtures" / "corpora")]


def test_parquet_round_trip_equals_the_jsonl_claims(tmp_path: Path) -> None:
    target = tmp_path / "claims.parquet"
    result = runner.invoke(app, ["extract", *INPUTS, "-f", "parquet", "-o", str(target)])
    assert result.exit_code == 0, result.stderr
    jsonl = runner.invoke(app, ["extract", *INPUTS, "-f", "jsonl"]).stdout
    expected = [Claim.from_dict(json.loads(line)) for line in jsonl.splitlines()]
    back = list(claims_parquet.read(target))
    assert back == expected
    assert [c.to_dict() for c in back] == [json.loads(line) for line in jsonl.splitlines()]
    assert {c.kind.value for c in back} == {"count", "money", "date"}


def test_small_row_groups_and_directories_of_parts(tmp_path: Path) -> None:
    claims = list(extract_paths([ROOT / "seeds"]).claims)
    parts = tmp_path / "parts"
    parts.mkdir()
    assert claims_parquet.write(claims[:10], parts / "part-00000.parquet", batch=3) == 10
    assert claims_parquet.write(iter(claims[10:]), parts / "part-00001.parquet", batch=3) > 0
    assert claims_parquet.write([], parts / "part-00002.parquet") == 0
    assert list(claims_parquet.read(parts)) == claims


def test_parquet_needs_an_output_file_and_says_so() -> None:
    result = runner.invoke(app, ["extract", str(ROOT / "seeds"), "-f", "parquet"])
    assert result.exit_code == 2
    assert "--output" in result.stderr
    assert result.stdout == ""


def test_a_failed_write_leaves_nothing_behind(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "claims.parquet"
    result = runner.invoke(
        app, ["extract", str(ROOT / "seeds"), "-f", "parquet", "-o", str(target)]
    )
    assert result.exit_code == 2
    assert "missing" in result.stderr and "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []

    def broken() -> object:
        yield from extract_paths([ROOT / "seeds"]).claims[:2]
        raise RuntimeError("extraction failed half way")

    good = tmp_path / "claims.parquet"
    with pytest.raises(RuntimeError):
        claims_parquet.write(broken(), good, batch=1)  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []
