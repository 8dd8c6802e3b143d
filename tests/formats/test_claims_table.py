"""``extract --format table``: the terminal table never lets article text style it."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from hanoicheck.cli import app
from tests.gold import ROOT

runner = CliRunner()
SEEDS = str(ROOT / "seeds")


def test_table_output_escapes_markup_and_control_characters(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("[bold red]Officials\x1b[31m counted 12 ships.\n", "utf-8")
    result = runner.invoke(app, ["extract", str(article), "--color", "never"])
    assert result.exit_code == 0
    assert "\x1b" not in result.stdout
    assert "12 ships" in result.stdout
