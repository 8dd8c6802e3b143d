"""Settings and baselines that are not what they claim: one line and exit 2, never a
traceback, a hang or the machine's memory.

The audit's cases: TOML and baseline JSON nested thousands deep (RecursionError), a
``max-size`` of twenty nines or ``99999999999999T`` (OverflowError), ``--baseline
/dev/zero`` (MemoryError at 1.3 GB) and a FIFO as baseline or settings file (a hang).
The FIFO cases run in a subprocess with a timeout, so a regression fails the test
instead of hanging the suite.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hanoicheck.cli import app
from hanoicheck.sources import parse_size
from hanoicheck.sources.read import MAX_SIZE_LIMIT

REPO = Path(__file__).resolve().parents[2]
runner = CliRunner()


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(REPO / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _one_line_exit_2(args: list[str]) -> str:
    result = runner.invoke(app, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("hanoicheck: error: "), result.stderr
    return lines[0]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a = " + "[" * 5000 + "]" * 5000 + "\n", "invalid TOML: nested too deeply"),
        ("a = " + "{b = " * 3000 + "1" + "}" * 3000 + "\n", "invalid TOML: nested too deeply"),
        ("max-size = 99999999999999999999\n", "max-size: expected a positive size such as"),
        ("max-size = " + "9" * 5000 + "\n", "invalid TOML: a number too long to read"),
        ('max-size = "99999999999999T"\n', "max-size: expected a positive size such as"),
    ],
    ids=["deep-arrays", "deep-tables", "twenty-nines", "5000-digits", "huge-string"],
)
def test_hostile_settings_are_one_line(project: Path, text: str, message: str) -> None:
    (project / "hanoicheck.toml").write_text(text, "utf-8")
    assert message in _one_line_exit_2(["extract", "seeds", "-f", "jsonl"])


@pytest.mark.parametrize("value", ["99999999999999T", "9" * 400, "1025T"])
def test_a_huge_max_size_option_is_a_usage_error(project: Path, value: str) -> None:
    result = runner.invoke(app, ["extract", "seeds", "--max-size", value])
    assert result.exit_code == 2 and isinstance(result.exception, SystemExit)
    assert "too large (at most 1024T)" in result.stderr


def test_size_limits_stop_at_1024t() -> None:
    assert parse_size("1024T") == MAX_SIZE_LIMIT == 1024**5
    assert parse_size(str(MAX_SIZE_LIMIT)) == MAX_SIZE_LIMIT
    for value in ("1025T", MAX_SIZE_LIMIT + 1, 10**30, "1" + "0" * 4000):
        with pytest.raises(ValueError, match="too large"):
            parse_size(value)


def test_a_settings_file_that_is_a_device_is_refused(project: Path) -> None:
    (project / "hanoicheck.toml").symlink_to("/dev/zero")
    line = _one_line_exit_2(["extract", "seeds"])
    assert line.endswith("hanoicheck.toml: cannot read (a character device, not a regular file)")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"conflicts": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested too deeply"),
        ("x" * 10, "not valid JSON"),
    ],
    ids=["deep", "not-json"],
)
def test_hostile_baselines_are_one_line(project: Path, content: str, message: str) -> None:
    (project / "b.json").write_text(content, "utf-8")
    line = _one_line_exit_2(["check", "seeds", "--no-cache", "--baseline", "b.json"])
    assert message in line


def test_a_baseline_that_never_ends_is_refused_before_it_is_read(project: Path) -> None:
    line = _one_line_exit_2(["check", "seeds", "--no-cache", "--baseline", "/dev/zero"])
    assert line == (
        "hanoicheck: error: baseline /dev/zero: cannot read "
        "(a character device, not a regular file)"
    )


def _cli(tmp: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "hanoicheck.cli", *args],
        cwd=tmp,
        capture_output=True,
        text=True,
        timeout=120,  # a hang fails here
        env=env,
        check=False,
    )


def test_a_fifo_as_baseline_or_settings_does_not_hang(project: Path) -> None:
    os.mkfifo(project / "b.json")
    done = _cli(project, "check", "seeds", "--no-cache", "--baseline", "b.json")
    assert done.returncode == 2
    assert done.stderr == (
        "hanoicheck: error: baseline b.json: cannot read"
        " (a FIFO (named pipe), not a regular file)\n"
    )
    os.mkfifo(project / "hanoicheck.toml")
    done = _cli(project, "extract", "seeds")
    assert done.returncode == 2 and "a FIFO (named pipe), not a regular file" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_endless_loop_reproduction_is_refused_in_one_line(tmp_path: Path) -> None:
    """``tolerances = { nearly = 0 }`` and "nearly 2.5 ships ...": the claim's interval
    was empty and the side-building loop appended empty sides until memory ran out."""
    (tmp_path / "hanoicheck.toml").write_text("tolerances = { nearly = 0 }\n", "utf-8")
    (tmp_path / "a.txt").write_text(
        "Nearly 2.5 ships sank near the port on October 3, 2025.\n", "utf-8"
    )
    for command in ("report", "check"):
        done = _cli(tmp_path, command, "a.txt", "--no-cache" if command == "check" else "-q")
        assert done.returncode == 2, done.stderr
        assert done.stderr.splitlines() == [
            "hanoicheck: error: hanoicheck.toml: tolerances.nearly: expected a fraction "
            "above 0 and below 1, got 0"
        ]
