"""The command line: formats, exit codes, the per-file error policy, atomic output."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hanoicheck import __version__
from hanoicheck.cli import ColorMode, app, use_color
from hanoicheck.formats import CLAIM_FORMATTERS, ClaimFormat
from tests.gold import ROOT

runner = CliRunner()
SEEDS = str(ROOT / "seeds")
ARTICLE = "GENEVA, May 4, 2026 (Reuters) - Delegates from more than 40 countries attended.\n"


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"hanoicheck {__version__}"


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


def test_csv_is_parseable_and_neutralises_formulas(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("=cmd() said 12 ships sank on May 3, 2026.\n", "utf-8")
    result = runner.invoke(app, ["extract", str(article), "--format", "csv"])
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["quote"] for r in rows] == ["12 ships", "May 3, 2026"]  # text order
    assert all(r["sentence"].startswith("'=") for r in rows)


def test_table_output_escapes_markup_and_control_characters(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("[bold red]Officials\x1b[31m counted 12 ships.\n", "utf-8")
    result = runner.invoke(app, ["extract", str(article), "--color", "never"])
    assert result.exit_code == 0
    assert "\x1b" not in result.stdout
    assert "12 ships" in result.stdout


def test_unreadable_files_are_reported_and_the_rest_processed(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, "utf-8")
    (tmp_path / "empty.txt").write_text("", "utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02 data")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 12 ships".encode("latin-1"))
    result = runner.invoke(
        app, ["extract", str(tmp_path), str(tmp_path / "missing.txt"), "-f", "jsonl"]
    )
    assert result.exit_code == 2
    # the dateline is the story's own date (furniture), not a claim
    assert [json.loads(x)["quote"] for x in result.stdout.splitlines()] == [
        "more than 40 countries"
    ]
    errors = result.stderr.splitlines()
    for name in ("empty.txt", "binary.txt", "latin1.txt", "missing.txt"):
        assert sum(name in line for line in errors) == 1, (name, errors)
    assert "Traceback" not in result.output


def test_output_file_is_written_whole_and_a_bad_target_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "claims.jsonl"
    result = runner.invoke(app, ["extract", SEEDS, "-f", "jsonl", "-o", str(target)])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert len(target.read_text("utf-8").splitlines()) == 25
    missing_dir = tmp_path / "nope" / "claims.jsonl"
    result = runner.invoke(app, ["extract", SEEDS, "-f", "jsonl", "-o", str(missing_dir)])
    assert result.exit_code == 2
    assert "nope" in result.stderr
    assert list(tmp_path.iterdir()) == [target]


def test_usage_errors_exit_2() -> None:
    assert runner.invoke(app, ["extract", SEEDS, "--format", "yaml"]).exit_code == 2
    assert runner.invoke(app, ["extract"]).exit_code == 2


def test_every_format_has_exactly_one_formatter() -> None:
    assert set(CLAIM_FORMATTERS) == set(ClaimFormat)


def test_color_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert use_color(ColorMode.AUTO, Tty()) is True
    assert use_color(ColorMode.AUTO, io.StringIO()) is False
    assert use_color(ColorMode.NEVER, Tty()) is False
    monkeypatch.setenv("NO_COLOR", "1")
    assert use_color(ColorMode.AUTO, Tty()) is False
    assert use_color(ColorMode.ALWAYS, io.StringIO()) is True


def test_cli_docs_are_in_sync() -> None:
    import subprocess
    import sys

    check = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "gen_cli_docs.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 0, check.stderr


def test_claims_round_trip_through_their_dict_form() -> None:
    from hanoicheck.api import extract_paths
    from hanoicheck.model import Claim

    claims = extract_paths([SEEDS]).claims
    assert [Claim.from_dict(c.to_dict()) for c in claims] == list(claims)
