"""``hanoicheck conflicts``: the fact table as CSV, JSON and Markdown, for scripts,
spreadsheets and pull requests."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hanoicheck.cli import app
from hanoicheck.formats.conflicts import (
    CONFLICT_FORMATTERS,
    CSV_COLUMNS,
    ConflictFormat,
    conflict_formatter,
)
from tests.gold import ROOT

runner = CliRunner()
SEEDS = str(ROOT / "seeds")


def test_conflicts_csv_has_the_documented_columns_and_one_row_per_claim(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(ROOT)
    result = runner.invoke(app, ["conflicts", "--format", "csv"])
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0].keys()) == CSV_COLUMNS
    assert CSV_COLUMNS[:17] == [
        "conflict_id", "severity", "kind", "subject", "source", "line", "quote", "sentence",
        "outlet", "nominal", "low", "high", "qualifier", "unit", "modality", "consensus",
        "explanation",
    ]  # fmt: skip
    plenary = [r for r in rows if r["kind"] == "date"]
    assert {r["quote"] for r in plenary} == {"October 15", "October 25"}
    assert {r["severity"] for r in plenary} == {"error"}
    assert len({r["conflict_id"] for r in rows}) == 3
    # the year-less "October 15" takes the year of the story it is part of
    assert next(r for r in plenary if r["quote"] == "October 15")["nominal"] == "2025-10-15"


def test_conflicts_csv_writes_a_year_less_date_no_spreadsheet_runs(tmp_path: Path) -> None:
    # no dated document to take a year from: the date stays year-less. "--10-15" starts
    # with "-" and a spreadsheet would compute it; the formula guard's apostrophe would
    # change the value, so it is written as ISO 8601-2's unspecified year instead
    for name, day in (("a.txt", "October 15"), ("b.txt", "October 25")):
        (tmp_path / name).write_text(
            f"The signing ceremony of the Lisbon Accord was held on {day}.\n", "utf-8"
        )
    result = runner.invoke(app, ["conflicts", str(tmp_path), "-f", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert "XXXX-10-15" in {r["nominal"] for r in rows}
    assert not any(r["nominal"].startswith(("'", "-")) for r in rows)


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
    assert "<b>" not in out and "\\<b\\>" in out  # a literal "<b>" once rendered


def test_every_conflict_format_has_exactly_one_formatter() -> None:
    assert set(CONFLICT_FORMATTERS) == set(ConflictFormat)
    formatters = [conflict_formatter(fmt) for fmt in ConflictFormat]  # ends in assert_never
    assert all(callable(f) for f in formatters) and len(set(formatters)) == len(ConflictFormat)
    assert [CONFLICT_FORMATTERS[fmt] for fmt in ConflictFormat] == formatters


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
