"""``hanoicheck report``: what an editor sees.

The seeds report is snapshot-tested as plain text at a fixed width (the snapshot was
read as a person reads a terminal before it was saved). To refresh it after an
intended change, run
``HANOICHECK_UPDATE_SNAPSHOTS=1 python -m pytest tests/formats/test_report.py``
and read the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hanoicheck.cli import app
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
    assert "Counted once: 3 files of VNA (the files: --verbose)" in out
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
