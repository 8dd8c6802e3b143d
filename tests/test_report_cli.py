"""``report`` and ``conflicts``: what an editor sees, and what scripts and spreadsheets read.

The seeds report is snapshot-tested as plain text at a fixed width (the snapshot was
read as a person reads a terminal before it was saved). To refresh it after an
intended change, run ``HANOICHECK_UPDATE_SNAPSHOTS=1 python -m pytest tests/test_report_cli.py``
and read the diff.
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hanoicheck.cli import app
from hanoicheck.formats.conflicts import CONFLICT_FORMATTERS, CSV_COLUMNS, ConflictFormat
from tests.gold import ROOT

runner = CliRunner()
SNAPSHOT = ROOT / "tests" / "snapshots" / "report_seeds.txt"


def test_seeds_report_matches_the_snapshot(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = runner.invoke(app, ["report", "--color", "never", "--width", "100"])
    assert result.exit_code == 0, result.output
    if os.environ.get("HANOICHECK_UPDATE_SNAPSHOTS"):
        SNAPSHOT.parent.mkdir(exist_ok=True)
        SNAPSHOT.write_text(result.stdout, "utf-8")
    assert result.stdout == SNAPSHOT.read_text("utf-8")


def test_seeds_report_shows_the_conflicts_an_editor_must_see(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(ROOT)
    out = runner.invoke(app, ["report", "seeds", "--color", "never", "--width", "200"]).stdout
    assert "1 error, 2 warnings" in out
    plenary = out[out.index("ERROR") : out.index("WARNING")]
    assert "[October 15]" in plenary and "[October 25]" in plenary
    assert "seeds/000_d3321d4a47214618.txt:2" in plenary
    assert "seeds/001_022a195d71583f65.txt:11" in plenary
    assert "more than 110 countries: 2 of 3 outlets" in out
    assert "Counted once: 3 files credited to VNA" in out
    # never set against each other
    assert "[69 countries]" not in out
    assert "AUD83.5 million" not in out.split("Agreed")[0]


def test_all_lists_agreed_and_uncorroborated_groups(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    out = runner.invoke(app, ["report", "--all", "--color", "never"]).stdout
    assert "Agreed (1)" in out
    assert "more than 1,000 delegates: 2 of 2 outlets" in out
    uncorroborated = out[out.index("Uncorroborated") :]
    assert "69 countries" in uncorroborated
    assert "AUD 83.5 million" in uncorroborated


def test_article_text_cannot_style_the_terminal(tmp_path: Path) -> None:
    hostile = "[bold red]PWNED[/] \x1b[31mred\x1b[0m \x07"
    for name, figure in (("a.txt", "72"), ("b.txt", "75")):
        (tmp_path / name).write_text(
            f"date: 2026-06-10\n{hostile} Delegates said {figure} countries signed "
            "the Lisbon Ocean Accord.\n",
            "utf-8",
        )
    for color in ("never", "always"):
        out = runner.invoke(app, ["report", str(tmp_path), "--color", color]).stdout
        assert "[bold red]PWNED[/]" in out
        assert "\x1b[31m" not in out and "\x07" not in out
        assert "\\x1b[31m" in out


def test_report_exits_0_with_conflicts_and_2_when_a_file_is_unreadable(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("date: 2026-06-10\n72 countries signed the Accord.\n")
    (tmp_path / "b.bin").write_bytes(b"\x00\x01binary")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02 not text \xff\xfe")
    result = runner.invoke(app, ["report", str(tmp_path), "--color", "never"])
    assert result.exit_code == 2
    assert "b.txt" in result.stderr and "Traceback" not in result.stderr
    assert "hanoicheck report:" in result.stdout


def test_report_without_paths_needs_a_seeds_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["report"])
    assert result.exit_code == 2
    assert "./seeds" in result.stderr


def test_conflicts_csv_has_the_documented_columns_and_one_row_per_claim(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(ROOT)
    result = runner.invoke(app, ["conflicts", "--format", "csv"])
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0].keys()) == CSV_COLUMNS
    assert CSV_COLUMNS[:15] == [
        "conflict_id", "severity", "kind", "subject", "source", "line", "quote", "nominal",
        "low", "high", "qualifier", "unit", "modality", "consensus", "explanation",
    ]  # fmt: skip
    plenary = [r for r in rows if r["kind"] == "date"]
    assert {r["quote"] for r in plenary} == {"October 15", "October 25"}
    assert {r["severity"] for r in plenary} == {"error"}
    assert len({r["conflict_id"] for r in rows}) == 3
    # a year-less date starts with "-": a spreadsheet would compute it, so it is quoted
    assert next(r for r in plenary if r["quote"] == "October 15")["nominal"] == "'--10-15"


def test_conflicts_csv_neutralises_formulas_from_articles(tmp_path: Path) -> None:
    for name, figure in (("a.txt", "72"), ("b.txt", "75")):
        (tmp_path / name).write_text(
            f"date: 2026-06-10\n=HYPERLINK(1) {figure} countries signed the Lisbon Accord.\n",
            "utf-8",
        )
    (tmp_path / "c.txt").write_text("date: 2026-06-10\n@SUM 75 countries signed the Accord.\n")
    result = runner.invoke(app, ["conflicts", str(tmp_path), "-f", "csv"])
    for row in csv.DictReader(io.StringIO(result.stdout)):
        for value in row.values():
            assert not value.startswith(("=", "+", "@", "\t", "\r")), value


def test_conflicts_json_has_positions_and_schema_version(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = runner.invoke(app, ["conflicts", "-f", "json"])
    data = json.loads(result.stdout)
    assert len(data) == 3
    for conflict in data:
        assert {"id", "severity", "kind", "subject", "explanation", "consensus", "positions"} <= (
            conflict.keys()
        )
        assert conflict["schema_version"] == 2
        ids = {c["id"] for c in conflict["claims"]}
        assert {i for p in conflict["positions"] for i in p["claims"]} == ids
    countries = next(c for c in data if "participating" in c["subject"])
    sides = [p["value"] for p in countries["positions"]]
    assert sides == ["more than 110 countries", "100 countries"]
    assert [p["support"] for p in countries["positions"]] == [2, 1]


def test_conflicts_all_is_the_whole_fact_table(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    data = json.loads(runner.invoke(app, ["conflicts", "-f", "json", "--all"]).stdout)
    assert {g["status"] for g in data} == {"conflict", "agreed", "uncorroborated"}
    rows = list(csv.DictReader(io.StringIO(runner.invoke(app, ["conflicts", "--all"]).stdout)))
    assert {r["status"] for r in rows} == {"conflict", "agreed", "uncorroborated"}


def test_conflicts_markdown_is_a_table_that_escapes_names(tmp_path: Path) -> None:
    # file names come from strangers too: a pipe or a tag must not break the table
    for name, figure in (("a|<b>x.txt", "72"), ("b.txt", "75")):
        (tmp_path / name).write_text(
            f"date: 2026-06-10\nDelegates said {figure} countries signed the Accord.\n", "utf-8"
        )
    out = runner.invoke(app, ["conflicts", str(tmp_path), "-f", "markdown"]).stdout
    rows = [line for line in out.splitlines() if line.startswith("| ")]
    assert rows[0].startswith("| status | severity |")
    assert len(rows) == 2
    assert rows[1].replace("\\|", "").count("|") == rows[0].count("|")
    assert "<b>" not in out and "&lt;b&gt;" in out


def test_conflicts_output_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    target = tmp_path / "out.json"
    result = runner.invoke(app, ["conflicts", "-f", "json", "-o", str(target)])
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(target.read_text("utf-8"))
    missing = tmp_path / "no" / "such" / "dir" / "out.csv"
    bad = runner.invoke(app, ["conflicts", "-o", str(missing)])
    assert bad.exit_code == 2 and not missing.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_conflicts_rejects_an_unknown_format() -> None:
    result = runner.invoke(app, ["conflicts", "-f", "xml"])
    assert result.exit_code == 2
    assert "csv, json, markdown" in result.stderr


def test_every_conflict_format_has_exactly_one_formatter() -> None:
    assert set(CONFLICT_FORMATTERS) == set(ConflictFormat)


def test_report_reads_tolerances_and_rejects_a_bad_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    summit = "the Lisbon Ocean Summit at the Belem Cultural Centre"
    (tmp_path / "a.txt").write_text(f"date: 2026-06-10\nAbout 110 countries attended {summit}.\n")
    (tmp_path / "b.txt").write_text(f"date: 2026-06-10\nExactly 100 countries attended {summit}.\n")
    monkeypatch.chdir(tmp_path)
    strict = runner.invoke(app, ["report", ".", "--color", "never"])
    assert "1 error" in strict.stdout
    (tmp_path / "hanoicheck.toml").write_text("[tolerances]\nabout = 0.1\n")
    loose = runner.invoke(app, ["report", ".", "--color", "never"])
    assert loose.exit_code == 0 and "0 errors" in loose.stdout
    (tmp_path / "hanoicheck.toml").write_text("fail_onn = 'error'\n")
    bad = runner.invoke(app, ["report", ".", "--color", "never"])
    assert bad.exit_code == 2
    assert "hanoicheck.toml" in bad.stderr and "fail_onn" in bad.stderr
