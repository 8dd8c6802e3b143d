"""Output safety: an article must not take over the terminal, a spreadsheet or a file.

* ``extract`` tables show Rich markup, ANSI escapes and control characters literally
  (from the article text and from file names, which are just as foreign);
* CSV cells a spreadsheet would run as a formula are neutralised;
* ``--output`` is all or nothing: interrupted, it leaves the old file (or none) and no
  temporary file behind.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hanoicheck.cli import app
from hanoicheck.extract.pipeline import extract_text
from hanoicheck.formats import ClaimFormat, render_claims
from hanoicheck.formats.claims_csv import safe_cell
from hanoicheck.output import write_output

runner = CliRunner()
HOSTILE = (
    "[bold red]Officials[/] \x1b[2J\x1b]0;pwned\x07 said\x08\x0d 12 ships sank [link=x]x[/link].\n"
)


@pytest.mark.parametrize("color", ["never", "always"])
def test_table_around_hostile_text_has_no_article_escapes(tmp_path: Path, color: str) -> None:
    article = tmp_path / "a.txt"
    article.write_text(HOSTILE, "utf-8")
    result = runner.invoke(app, ["extract", str(article), "--color", color, "-f", "table"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "12 ships" in out
    # colour codes we emit ourselves (--color always) are the only escapes allowed
    assert "\x1b[2J" not in out and "\x1b]0;" not in out
    assert not set("\x07\x08\x0d") & set(out), repr(out)
    if color == "never":
        assert "\x1b" not in out


def test_table_shows_markup_and_escapes_in_claims_literally() -> None:
    """Quote, subject, event and file name are all foreign text: none is interpreted."""
    [claim] = extract_text("Officials counted 12 ships.")
    hostile = replace(
        claim,
        source="[bold red]evil\x1b[2J.txt",
        quote="[blink]12[/blink] \x1b[31mships\x1b]0;t\x07",
        subject=replace(claim.subject, noun="[red]ships[/red]\x1b[0m"),
        event=replace(claim.event, type="[u]vote[/u]\r"),
    )
    for color in (False, True):
        table = render_claims([hostile], ClaimFormat.TABLE, color)
        flat = table.replace("\n", "").replace("│", "").replace(" ", "")
        assert "[blink]12[/blink]" in flat
        assert "\\x1b[31mships" in flat  # the escape shown as text, not obeyed
        assert "[bold" in flat and "evil\\x1b[2J.txt" in flat
        assert "[red]ships[/red]" in flat and "[u]vote[/u]\\x0d" in flat
        assert "\x07" not in table and "\r" not in table and "\x1b[2J" not in table
        if not color:
            assert "\x1b" not in table


def test_file_names_with_escapes_are_shown_literally(tmp_path: Path) -> None:
    weird = tmp_path / "evil\x1b[31m[red]x.txt"
    weird.write_text("Officials counted 12 ships.\n", "utf-8")
    empty = tmp_path / "empty\x1b]0;title\x07.txt"
    empty.write_text("", "utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path), "--color", "never"])
    assert result.exit_code == 2
    assert "\x1b" not in result.stdout and "\x1b" not in result.stderr
    assert "\x07" not in result.stderr
    flat = result.stdout.replace("\n", "").replace("│", "").replace(" ", "")
    assert "evil\\x1b[31m[red]x.txt" in flat
    assert "empty\\x1b]0;title\\x07.txt: empty file" in result.stderr


@pytest.mark.parametrize("lead", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_neutralises_formula_cells(tmp_path: Path, lead: str) -> None:
    article = tmp_path / "a.txt"
    article.write_text(f'{lead}HYPERLINK("http://x") said 12 ships sank.\n', "utf-8")
    result = runner.invoke(app, ["extract", str(article), "-f", "csv"])
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows
    for row in rows:
        for key, value in row.items():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), (key, value)
    if lead.strip():  # a sentence is stripped, so only visible leads reach its cell
        assert rows[0]["sentence"].startswith("'" + lead)
    # a tab or CR lead is written out (\x09), which no spreadsheet runs either
    assert safe_cell(f"{lead}1+1") in (f"'{lead}1+1", f"\\x{ord(lead):02x}1+1")


def test_safe_cell_leaves_data_alone() -> None:
    assert safe_cell(-5) == -5
    assert safe_cell("12 ships") == "12 ships"
    assert safe_cell("=1+1") == "'=1+1"
    assert safe_cell(None) is None


def test_csv_file_name_starting_with_a_formula_is_neutralised(tmp_path: Path) -> None:
    article = tmp_path / "=cmd.txt"
    article.write_text("Officials counted 12 ships.\n", "utf-8")
    result = runner.invoke(app, ["extract", "=cmd.txt", "-f", "csv"], catch_exceptions=False)
    if result.exit_code == 2:  # the CliRunner's cwd is not tmp_path: use an absolute path
        result = runner.invoke(app, ["extract", str(article), "-f", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert all(not r["source"].startswith("=") for r in rows)


class Boom(KeyboardInterrupt):
    """An interrupt arriving in the middle of writing."""


@pytest.mark.parametrize("stage", ["write", "fsync", "replace"])
def test_interrupted_output_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stage: str
) -> None:
    target = tmp_path / "claims.jsonl"
    target.write_text("OLD\n", "utf-8")

    def interrupt(*args: object, **kwargs: object) -> None:
        raise Boom

    if stage == "write":
        real_fdopen = os.fdopen

        class Handle:
            def __init__(self, fd: int, mode: str) -> None:
                self._handle = real_fdopen(fd, mode)

            def __enter__(self) -> Handle:
                return self

            def __exit__(self, *exc: object) -> None:
                self._handle.close()

            def write(self, data: bytes) -> int:
                self._handle.write(data[: len(data) // 2])  # half written, then ^C
                raise Boom

        monkeypatch.setattr(os, "fdopen", Handle)
    else:
        monkeypatch.setattr(os, stage, interrupt)
    with pytest.raises(Boom):
        write_output("NEW\n" * 1000, target)
    assert target.read_text("utf-8") == "OLD\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims.jsonl"]


def test_interrupted_cli_run_leaves_no_partial_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """^C during extraction: the CLI says "interrupted", exits 130, writes nothing."""
    from hanoicheck import cli

    article = tmp_path / "a.txt"
    article.write_text("Officials counted 12 ships.\n", "utf-8")
    target = tmp_path / "out.jsonl"

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("hanoicheck.api.iter_extract", interrupted)
    monkeypatch.setattr("sys.argv", ["hanoicheck", "extract", str(article), "-o", str(target)])
    with pytest.raises(SystemExit) as exit_info:
        cli.main()
    assert exit_info.value.code == 130
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]
