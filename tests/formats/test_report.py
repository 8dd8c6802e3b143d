"""``hanoicheck report``: what an editor sees.

The seeds report is snapshot-tested as plain text at a fixed width (the snapshot was
read as a person reads a terminal before it was saved). To refresh it after an
intended change, run
``HANOICHECK_UPDATE_SNAPSHOTS=1 python -m pytest tests/formats/test_report.py``
and read the diff.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import replace
from pathlib import Path

import pytest
from rich.console import RenderableType
from typer.testing import CliRunner

from hanoicheck.api import reconcile_paths
from hanoicheck.cli import app
from hanoicheck.formats import report as report_module
from hanoicheck.formats.report import render
from hanoicheck.options import TERMINAL_LIMIT, report_limit
from hanoicheck.reconcile import Group, Reconciliation
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


def _seeds() -> Reconciliation:
    with contextlib.chdir(ROOT):
        return reconcile_paths(["seeds"]).reconciliation


def test_limit_shows_the_most_severe_conflicts_and_says_how_many_more() -> None:
    out = render(_seeds(), limit=1)
    assert out.count("\nERROR") == 1 and "\nWARNING" not in out  # errors come first
    assert out.rstrip().endswith(
        "... and 2 more conflicts (0 errors, 2 warnings): --limit 0 shows all"
    )
    assert render(_seeds(), limit=3) == render(_seeds()) == render(_seeds(), limit=None)


def test_limit_renders_only_what_is_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    rendered: list[str] = []
    original = report_module._group_block

    def counting(group: Group, color: bool, verbose: bool = False) -> list[RenderableType]:
        rendered.append(group.id)
        return original(group, color, verbose)

    monkeypatch.setattr(report_module, "_group_block", counting)
    render(_seeds(), limit=2)
    assert rendered == [g.id for g in _seeds().conflicts[:2]]


def test_limit_applies_to_each_list_of_all() -> None:
    out = render(_seeds(), show_all=True, limit=1)
    uncorroborated = out[out.index("Uncorroborated (13)") :]
    assert uncorroborated.count("seeds/") == 1
    assert "  ... and 12 more groups: --limit 0 shows all" in uncorroborated


def test_many_copies_are_counted_per_outlet_and_listed_with_verbose() -> None:
    copies = tuple(
        (outlet, tuple(f"feed/{outlet.lower()}-{story}-{n}.txt" for n in range(files)))
        for story in range(4)
        for outlet, files in (("VNA", 3), ("AFP", 2))
    )
    result = replace(_seeds(), copies=copies)
    short = render(result, width=200)
    assert "Counted once: 12 files of VNA, 8 files of AFP (the files: --verbose)" in short
    assert "vna-0-0.txt" not in short
    full = render(result, width=200, verbose=True)
    assert full.count("Counted once:") == 8
    assert "Counted once: 3 files credited to VNA (vna-3-0.txt, vna-3-1.txt, vna-3-2.txt)" in full


def test_many_outlets_name_the_largest_and_count_the_rest() -> None:
    copies = tuple(
        (f"outlet {n:02}", ("a.txt", "b.txt") * (1 + n % 3))
        for n in range(report_module.MAX_NAMED_OUTLETS + 4)
    )
    out = render(replace(_seeds(), copies=copies), width=300)
    assert (
        "Counted once: 6 files of outlet 02, 6 files of outlet 05, 6 files of outlet 08, "
        "4 files of outlet 01, 4 files of outlet 04, 10 files of 4 other outlets "
        "(the files: --verbose)"
    ) in out


def test_the_default_limit_is_for_a_terminal_only() -> None:
    assert report_limit(None, terminal=True) == TERMINAL_LIMIT
    assert report_limit(None, terminal=False) is None
    assert report_limit(0, terminal=True) is None
    assert report_limit(5, terminal=False) == 5


def test_the_limit_option(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    piped = runner.invoke(app, ["report", "--color", "never"]).stdout
    assert piped.count("\nWARNING") == 2  # not a terminal: no default limit
    limited = runner.invoke(app, ["report", "--color", "never", "--limit", "1"]).stdout
    assert limited.count("\nWARNING") == 0 and "... and 2 more conflicts" in limited
    assert runner.invoke(app, ["report", "--limit", "-1"]).exit_code == 2
