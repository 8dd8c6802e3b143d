"""A file dense in figures costs work in proportion to its size, in ``report`` and ``check``.

The audit's file of ``$1$1$1...`` took 25.5 s at 10 kB, 73.5 s at 20 kB and over 600 s
at 100 kB in ``report``: extraction searched a whole sentence once per figure (a
sentence of 1,000 figures, 1,000 times), and reconciliation compared every figure of
one source with every other. The whole path ``report`` and ``check`` take (read,
extract, reconcile) is run here on 25 kB and on 100 kB of such text, and its CPU time
must grow about 4 times, not 16 (:mod:`tests.complexity`; never wall time).
"""

from __future__ import annotations

from pathlib import Path

from hanoicheck.api import reconcile_paths
from hanoicheck.config import Config
from hanoicheck.sources import DEFAULT_HELD_MAX_BYTES, DEFAULT_MAX_BYTES
from tests.complexity import FACTOR, assert_linear

# Money in runs without a space (the audit's file), counts, and a date: every block kind.
DENSE = "$1" * 10 + " 12 ships, 13 ships on Oct 25. "
LARGE = 100_000


def test_a_100_kb_file_of_figures_costs_linear_work(tmp_path: Path) -> None:
    files: dict[int, Path] = {}
    for size in (LARGE // FACTOR, LARGE):
        files[size] = tmp_path / f"dense-{size}.txt"
        files[size].write_text((DENSE * (size // len(DENSE) + 1))[:size], "utf-8")

    def run(size: int) -> None:
        report = reconcile_paths([files[size]])
        assert not report.extraction.errors
        assert report.reconciliation.claim_count > size // 20

    assert_linear(run, LARGE // FACTOR, "report on a dense file")


def _big(path: Path, size: int) -> Path:
    path.write_text((DENSE * (size // len(DENSE) + 1))[:size], "utf-8")
    return path


def test_commands_that_hold_every_claim_refuse_a_file_above_8m(tmp_path: Path) -> None:
    """64 MB of figures held in memory took some 45 GB: report, conflicts, check and
    baseline default to 8M (extract, which streams, keeps 64M); --max-size and the
    settings' max-size raise or lower it for every command alike."""
    from typer.testing import CliRunner

    from hanoicheck.cli import app

    runner = CliRunner()
    big = _big(tmp_path / "big.txt", DEFAULT_HELD_MAX_BYTES + 1)
    refused = "big.txt: file is 8 MB, above the limit of 8 MB (max_bytes)"
    for command in (["report"], ["conflicts"], ["check", "--no-cache"], ["baseline", "-o", "b"]):
        result = runner.invoke(app, [*command, str(big)])
        assert result.exit_code == 2 and refused in result.stderr, (command, result.stderr)
        small = runner.invoke(app, [*command, str(big), "--max-size", "1K"])
        assert "above the limit of 1024 bytes" in small.stderr
    limit = Config().size_limit(held=False)
    assert limit == DEFAULT_MAX_BYTES > DEFAULT_HELD_MAX_BYTES
    assert Config(max_size=10).size_limit(held=True) == 10
