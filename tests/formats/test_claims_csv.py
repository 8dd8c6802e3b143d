"""``extract --format csv``: flat rows a spreadsheet opens safely, every claim column."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from typer.testing import CliRunner

from hanoicheck.cli import app
from hanoicheck.formats import ClaimFormat, write_claims
from tests.gold import ROOT

runner = CliRunner()
SEEDS = str(ROOT / "seeds")


def test_csv_is_parseable_and_neutralises_formulas(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("=cmd() said 12 ships sank in the storm on May 3, 2026.\n", "utf-8")
    result = runner.invoke(app, ["extract", str(article), "--format", "csv"])
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["quote"] for r in rows] == ["12 ships", "May 3, 2026"]  # text order
    assert all(r["sentence"].startswith("'=") for r in rows)


def test_empty_csv_is_the_header_alone(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    write_claims(iter([]), ClaimFormat.CSV, target)
    assert target.read_text("utf-8").startswith("schema_version,id,source,")
    assert target.read_text("utf-8").count("\n") == 1


def test_a_year_less_date_is_written_as_no_spreadsheet_runs_it(tmp_path: Path) -> None:
    """``--10-15`` starts like a formula (a spreadsheet computes -5): the guard used to
    write ``'--10-15``, changing the value. It is written ``XXXX-10-15`` (ISO 8601-2's
    unspecified year), and only real formulas get the apostrophe."""
    from hanoicheck.formats.claims_csv import safe_cell

    assert safe_cell("--10-15") == "XXXX-10-15"
    assert safe_cell("-1+1") == "'-1+1" and safe_cell(-5) == -5
    article = tmp_path / "a.txt"
    article.write_text("The storm sank 12 ships on Oct 15.\n", "utf-8")
    rows = list(
        csv.DictReader(
            io.StringIO(runner.invoke(app, ["extract", str(article), "-f", "csv"]).stdout)
        )
    )
    dated = [row for row in rows if row["kind"] == "date"]
    assert dated and all(row["low"] == row["high"] == "XXXX-10-15" for row in dated)
    assert not any(cell.startswith("'") for row in rows for cell in row.values())
