"""``extract --format jsonl``: the documented keys and types, one claim per line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hanoicheck.cli import app
from hanoicheck.extract.pipeline import extract_text
from hanoicheck.formats import ClaimFormat, write_claims
from hanoicheck.model import Claim
from tests.gold import ROOT

runner = CliRunner()
SEEDS = str(ROOT / "seeds")


def test_jsonl_has_the_documented_keys_and_types() -> None:
    result = runner.invoke(app, ["extract", SEEDS, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 25
    required = {
        "schema_version", "id", "source", "kind", "subject", "event", "attribution", "quote",
        "start", "end", "line", "column", "value", "unit", "modality",
    }  # fmt: skip
    assert all(required <= row.keys() for row in rows)
    more_than = next(r for r in rows if r["quote"] == "more than 110 national delegations")
    assert more_than["value"] == {
        "nominal": 110, "low": 110, "high": None, "low_inclusive": False,
        "high_inclusive": False, "qualifier": "more_than",
    }  # fmt: skip
    assert len({r["id"] for r in rows}) == len(rows)


def test_source_ids_are_normalised(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    plain = runner.invoke(app, ["extract", "seeds", "-f", "jsonl"]).stdout
    dotted = runner.invoke(app, ["extract", "./seeds/", "-f", "jsonl"]).stdout
    assert plain == dotted
    assert json.loads(plain.splitlines()[0])["source"].startswith("seeds/")


TEXT = "More than 110 countries attended on October 25, 2025, and 69 signed. " * 3


def _claims() -> list[Claim]:
    return extract_text(TEXT, source="a.txt")


def test_streamed_jsonl_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    claims = _claims()
    write_claims(iter(claims), ClaimFormat.JSONL, None)
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["id"] for line in lines] == [c.id for c in claims]


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85", "\x1c"])
def test_line_separators_inside_strings_cannot_split_a_record(
    tmp_path: Path, separator: str
) -> None:
    """``str.splitlines()`` splits on U+2028, U+0085 and friends, which JSON leaves raw."""
    article = tmp_path / "a.txt"
    article.write_text(f"Officials{separator} counted 12 ships on Monday.\n", "utf-8")
    result = runner.invoke(app, ["extract", str(article), "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    records = [json.loads(line) for line in lines]
    assert records and len(lines) == result.stdout.count("\n")
    assert any(separator in record["sentence"] for record in records)  # kept, escaped
