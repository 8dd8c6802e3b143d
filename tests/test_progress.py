"""The progress bar: on stderr for a person at a terminal, never in pipes or with -q."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hanoicheck import progress as cli_progress
from hanoicheck.cli import app, progress_bar, show_progress
from tests.gold import ROOT

runner = CliRunner()


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_no_bar_when_stderr_is_not_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli_progress, "PROGRESS_MIN_FILES", 1)
    result = runner.invoke(app, ["extract", str(ROOT / "seeds"), "-f", "jsonl"])
    assert result.exit_code == 0
    assert result.stderr == ""
    assert show_progress(False, io.StringIO()) is False


def test_bar_only_on_a_terminal_and_not_with_quiet() -> None:
    assert show_progress(False, Tty()) is True
    assert show_progress(True, Tty()) is False


def test_the_bar_draws_on_the_given_stream(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli_progress, "PROGRESS_MIN_FILES", 1)
    stream = Tty()
    with progress_bar(True, stream) as progress:
        progress(0, 3)
        progress(3, 3)
    assert "extracting" in stream.getvalue()
    silent = Tty()
    with progress_bar(True, silent) as progress:
        progress(0, 0)  # shorter than a long run: nothing drawn
    assert silent.getvalue() == ""


def test_quiet_run_prints_only_the_claims(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(ROOT / "seeds"), "-f", "jsonl", "-q", "-j", "1"])
    assert result.exit_code == 0 and result.stderr == ""
    assert len(result.stdout.splitlines()) == 25
