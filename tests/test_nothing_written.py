"""A run that could read no input writes nothing: a typo never replaces an earlier output.

``extract -f jsonl -o claims.jsonl seedz`` (no such folder) used to replace 27,773 bytes
of claims with an empty file; ``conflicts``, ``check -f sarif`` and Parquet did the same.
Every command and format is run here with only a missing path, onto an existing output:
the output is left byte for byte, the missing path is named, and the exit code is 2.
A run that read something still writes (with exit 2 when some file was unreadable), and
a run over an empty folder writes its empty result, which is the truth.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hanoicheck.cli import app

runner = CliRunner()
SEEDS = Path(__file__).resolve().parents[1] / "seeds"
OLD = b"earlier output, still wanted\n"

WRITERS = {
    "extract-jsonl": ["extract", "-f", "jsonl"],
    "extract-csv": ["extract", "-f", "csv"],
    "extract-table": ["extract", "-f", "table"],
    "extract-parquet": ["extract", "-f", "parquet"],
    "conflicts-csv": ["conflicts", "-f", "csv"],
    "conflicts-json": ["conflicts", "-f", "json"],
    "conflicts-markdown": ["conflicts", "-f", "markdown"],
    "conflicts-html": ["conflicts", "-f", "html"],
    "report-text": ["report", "-f", "text"],
    "report-html": ["report", "-f", "html"],
    "check-text": ["check", "--no-cache", "-f", "text"],
    "check-github": ["check", "--no-cache", "-f", "github"],
    "check-json": ["check", "--no-cache", "-f", "json"],
    "check-sarif": ["check", "--no-cache", "-f", "sarif"],
}


@pytest.fixture
def place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return tmp_path


@pytest.mark.parametrize("name", list(WRITERS))
def test_a_mistyped_path_keeps_the_earlier_output(place: Path, name: str) -> None:
    output = place / "out"
    output.write_bytes(OLD)
    result = runner.invoke(app, [*WRITERS[name], "-o", str(output), "seedz"])
    assert result.exit_code == 2
    assert output.read_bytes() == OLD
    assert result.stderr == "hanoicheck: error: seedz: no such file or directory\n"
    assert sorted(p.name for p in place.iterdir()) == ["out"]  # no temporary left either


@pytest.mark.parametrize("name", ["extract-jsonl", "conflicts-csv", "check-text"])
def test_nothing_goes_to_stdout_either(place: Path, name: str) -> None:
    result = runner.invoke(app, [*WRITERS[name], "seedz", "also-missing"])
    assert result.exit_code == 2 and result.stdout == ""


def test_report_prints_nothing_when_nothing_was_read(place: Path) -> None:
    result = runner.invoke(app, ["report", "seedz"])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == "hanoicheck: error: seedz: no such file or directory\n"


def test_unreadable_files_alone_count_as_nothing_read(place: Path) -> None:
    (place / "empty.txt").write_text("")
    (place / "out.jsonl").write_bytes(OLD)
    result = runner.invoke(app, ["extract", "-f", "jsonl", "-o", "out.jsonl", "empty.txt"])
    assert result.exit_code == 2 and (place / "out.jsonl").read_bytes() == OLD


def test_a_run_that_read_something_still_writes(place: Path) -> None:
    shutil.copytree(SEEDS, place / "seeds")
    (place / "out.jsonl").write_bytes(OLD)
    result = runner.invoke(app, ["extract", "-f", "jsonl", "-o", "out.jsonl", "seeds", "seedz"])
    assert result.exit_code == 2  # one path was missing...
    assert (place / "out.jsonl").read_bytes().startswith(b'{"schema_version"')  # ...one read


def test_an_empty_folder_is_said_and_writes_nothing(place: Path) -> None:
    (place / "empty").mkdir()
    (place / "out.csv").write_bytes(OLD)
    result = runner.invoke(app, ["extract", "-f", "csv", "-o", "out.csv", "empty"])
    assert result.exit_code == 2 and (place / "out.csv").read_bytes() == OLD
    assert result.stderr == (
        "hanoicheck: error: no sources found in empty (no .txt, .md or .html file)\n"
    )
