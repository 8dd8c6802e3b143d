"""Pathological input: broken, hostile and huge files, through the real command line.

The policy under test (README, "Inputs and errors"): a file that cannot be read is
reported in one line naming it, the other files are still processed, the command exits
2 at the end, and no input ever produces a traceback or a hang.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hanoicheck import sources
from hanoicheck.api import extract_paths
from hanoicheck.cli import app
from hanoicheck.model import Document, SourceError
from hanoicheck.sources import load_sources, parse_document, parse_size
from tests.complexity import assert_linear
from tests.robustness.helpers import run_cli

GOOD = "GENEVA, May 4, 2026 (Reuters) - Delegates from more than 40 countries attended.\n"
runner = CliRunner()


def quotes(stdout: str) -> list[str]:
    return [json.loads(line)["quote"] for line in stdout.splitlines() if line.strip()]


def assert_one_line_each(stderr: str, names: list[str]) -> None:
    lines = stderr.splitlines()
    for name in names:
        assert sum(name in line for line in lines) == 1, (name, lines)
    assert "Traceback" not in stderr


@pytest.fixture
def hostile_dir(tmp_path: Path) -> Path:
    """One good article among every kind of file that cannot be read."""
    root = tmp_path / "in"
    root.mkdir()
    (root / "good.txt").write_text(GOOD, "utf-8")
    (root / "empty.txt").write_bytes(b"")
    (root / "blank.md").write_text(" \n\t\n", "utf-8")
    (root / "nul.txt").write_bytes(b"12 ships\x00 sank")
    (root / "latin1.txt").write_bytes("Caf\xe9: 12 ships".encode("latin-1"))
    (root / "truncated.txt").write_bytes("12 ships \u20ac".encode()[:-1])
    (root / "utf16.txt").write_bytes("12 ships".encode("utf-16"))
    (root / "deep.html").write_text(
        "<html><body>" + "<div>" * 40_000 + "12 ships" + "</div>" * 40_000, "utf-8"
    )
    (root / "sub").mkdir()
    (root / "sub" / "loop").symlink_to("..")  # directory symlink loop
    (root / "a.txt").symlink_to("b.txt")  # file symlink loop
    (root / "b.txt").symlink_to("a.txt")
    (root / "dangling.txt").symlink_to("missing-target.txt")
    return root


BAD = [
    "empty.txt", "blank.md", "nul.txt", "latin1.txt", "truncated.txt", "utf16.txt",
    "deep.html", "a.txt", "b.txt", "dangling.txt",
]  # fmt: skip


def test_hostile_directory_in_a_real_process(hostile_dir: Path) -> None:
    """Every bad file named once on stderr, the good one extracted, exit 2, no traceback."""
    result = run_cli("extract", "in", "-f", "jsonl", cwd=hostile_dir.parent, timeout=120)
    assert result.returncode == 2, result.stderr
    assert quotes(result.stdout) == ["more than 40 countries"]
    assert_one_line_each(result.stderr, BAD)
    assert "10 files could not be read; exit 2" in result.stderr
    assert "HTML nested too deeply" in result.stderr


def test_deeply_nested_html_is_refused_in_linear_time_but_normal_nesting_parses() -> None:
    def refuse(depth: int) -> None:
        html = "<html><body>" + "<div>" * depth + "12 ships" + "</div>" * depth
        with pytest.raises(sources.SourceReadError, match="nested too deeply"):
            parse_document("deep.html", html, ".html")

    assert_linear(refuse, 50_000, "refusing deep HTML")  # parsing it grows with depth^2
    # unclosed <p> and <li> (a sibling closes them) are not nesting
    flat = "<body>" + "<p>12 ships sank. <li>x " * 50_000 + "</body>"
    assert "12 ships" in parse_document("flat.html", flat, ".html").text


def test_unreadable_file_is_reported_and_the_rest_processed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Permission denied (simulated: tests may run as root, who can read anything)."""
    (tmp_path / "good.txt").write_text(GOOD, "utf-8")
    (tmp_path / "secret.txt").write_text("12 ships", "utf-8")
    real_open = Path.open

    def deny(self: Path, *args: object, **kwargs: object) -> object:
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", deny)
    result = runner.invoke(app, ["extract", str(tmp_path), "-f", "jsonl", "-j", "1"])
    assert result.exit_code == 2
    assert quotes(result.stdout) == ["more than 40 countries"]
    assert_one_line_each(result.stderr, ["secret.txt"])
    assert "permission denied" in result.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_for_real(tmp_path: Path) -> None:  # pragma: no cover - not as root
    (tmp_path / "good.txt").write_text(GOOD, "utf-8")
    secret = tmp_path / "secret.txt"
    secret.write_text("12 ships", "utf-8")
    secret.chmod(0)
    result = run_cli("extract", ".", "-f", "jsonl", cwd=tmp_path)
    assert result.returncode == 2
    assert_one_line_each(result.stderr, ["secret.txt"])


def test_a_file_that_vanishes_mid_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Discovered, then deleted (or replaced by a directory) before it is read."""
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(GOOD, "utf-8")
    real_load = sources.document.load_document

    def load_then_sabotage(path: Path, **kwargs: int) -> Document:
        document = real_load(path, **kwargs)
        if path.name == "a.txt":
            (tmp_path / "b.txt").unlink()
            (tmp_path / "c.txt").unlink()
            (tmp_path / "c.txt").mkdir()
        return document

    monkeypatch.setattr(sources.document, "load_document", load_then_sabotage)
    items = list(load_sources([tmp_path]))
    assert isinstance(items[0], Document)
    errors = [i for i in items if isinstance(i, SourceError)]
    assert [(e.source.rsplit("/", 1)[-1], e.message) for e in errors] == [
        ("b.txt", "no such file or directory"),
        ("c.txt", "is a directory"),
    ]


def test_empty_arguments_and_missing_paths(tmp_path: Path) -> None:
    (tmp_path / "empty-dir").mkdir()
    result = runner.invoke(app, ["extract", str(tmp_path / "empty-dir"), str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert_one_line_each(result.stderr, ["nope"])


def test_size_limit_is_configurable_and_refusal_names_the_file(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("No figures here. " * 8_000, "utf-8")  # 136 KB
    (tmp_path / "good.txt").write_text(GOOD, "utf-8")
    refused = runner.invoke(app, ["extract", str(tmp_path), "-f", "jsonl", "--max-size", "100K"])
    assert refused.exit_code == 2
    assert_one_line_each(refused.stderr, ["big.txt"])
    assert "above the limit of 102400 bytes" in refused.stderr
    assert quotes(refused.stdout) == ["more than 40 countries"]
    allowed = runner.invoke(app, ["extract", str(tmp_path), "-f", "jsonl", "--max-size", "1M"])
    assert allowed.exit_code == 0
    bad = runner.invoke(app, ["extract", str(tmp_path), "--max-size", "lots"])
    assert bad.exit_code == 2 and "--max-size" in bad.output


@pytest.mark.parametrize(
    ("text", "size"),
    [("64M", 64 * 2**20), ("500k", 500 * 1024), ("1.5G", 3 * 2**29), ("2MiB", 2 * 2**20),
     ("123", 123), (" 10 MB ", 10 * 2**20)],
)  # fmt: skip
def test_parse_size(text: str, size: int) -> None:
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["", "M", "-1M", "1X", "0", "1e9", "0.1"])
def test_parse_size_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="size"):
        parse_size(text)


LINE = "Delegates from 40 countries met in Hanoi on Oct 25 and pledged $5 million; "


def test_one_long_line_of_prose_is_linear(tmp_path: Path) -> None:
    """One line with no line break and no full stop: was quadratic (minutes at 1 MB)."""

    def extract(repeats: int) -> None:
        path = tmp_path / f"line-{repeats}.txt"
        if not path.exists():
            path.write_text(LINE * repeats, "utf-8")
        result = extract_paths([path], jobs=1)
        assert result.errors == ()
        assert len(result.claims) == 2 * repeats  # the date times the figures

    assert_linear(extract, 50_000 // len(LINE), "one long line of prose")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("prose-5mb.txt", (LINE * (5 * 2**20 // len(LINE) + 1))[: 5 * 2**20]),
        ("dots-5mb.txt", "." * 5 * 2**20),
        ("caps-5mb.txt", "A" * 5 * 2**20),
        ("numbers-100k.txt", " ".join(str(i) for i in range(100_000))),
        ("counts-100k.txt", " ".join(f"{i} ships" for i in range(1, 100_001))),
    ],
)
def test_huge_lines_and_100k_numbers(tmp_path: Path, name: str, text: str) -> None:
    """Each completes without a traceback (the subprocess timeout only stops a runaway)."""
    path = tmp_path / name
    path.write_text(text, "utf-8")
    result = run_cli("extract", name, "-f", "jsonl", "-o", "out.jsonl", cwd=tmp_path, timeout=600)
    print(f"\n{name}: {result.seconds:.1f} s, peak RSS {result.peak_rss_mb:.0f} MB")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


def _write_big(path: Path, size: int) -> None:
    """A ``size``-byte article: realistic paragraphs, written in 1 MB blocks."""
    paragraph = (
        "HANOI, Oct 25 (VNA) - Representatives of more than 110 countries attended the "
        "signing ceremony on Saturday, and 72 countries signed. Australia pledged "
        "AUD83.5 million; delegates met from October 25-26, 2025.\n\n"
    )
    block = (paragraph * (2**20 // len(paragraph) + 1))[: 2**20].encode()
    with path.open("wb") as handle:
        for _ in range(size // len(block)):
            handle.write(block)
        handle.write(block[: size % len(block)])


@pytest.mark.slow
def test_200_mb_file_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    _write_big(tmp_path / "huge.txt", 200 * 2**20)
    (tmp_path / "good.txt").write_text(GOOD, "utf-8")
    result = run_cli("extract", ".", "-f", "jsonl", cwd=tmp_path)
    print(f"\n200 MB refused: {result.seconds:.1f} s, peak RSS {result.peak_rss_mb:.0f} MB")
    assert result.returncode == 2
    assert_one_line_each(result.stderr, ["huge.txt"])
    assert "file is 200 MB, above the limit of 64 MB" in result.stderr
    assert quotes(result.stdout) == ["more than 40 countries"]
    assert result.peak_rss_mb < 200  # the file is never read


@pytest.mark.slow
def test_200_mb_file_with_a_raised_limit(tmp_path: Path) -> None:
    _write_big(tmp_path / "huge.txt", 200 * 2**20)
    result = run_cli(
        "extract", "huge.txt", "-f", "jsonl", "-o", "out.jsonl", "--max-size", "256M",
        cwd=tmp_path, timeout=3600,
    )  # fmt: skip
    print(f"\n200 MB processed: {result.seconds:.1f} s, peak RSS {result.peak_rss_mb:.0f} MB")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out.jsonl").stat().st_size > 0
