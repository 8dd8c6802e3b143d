"""Every output of every command, fed hostile file names and article text.

A file named ``gh\\n::error file=pwn.txt,line=1::INJECTED\\n.txt`` printed raw puts a
workflow command on a line of its own, and GitHub reads workflow commands from both
output streams: ``::name::`` at the start of a line (after blanks) and ``##[name]``
anywhere. Article text can hold terminal escapes (``ESC[2J`` clears the screen, OSC 8
makes links), bidirectional overrides, U+2028 (a line break to ``str.splitlines``),
Markdown and HTML. Each command and format is run on such a corpus and every byte it
writes (stdout, stderr, the ``--output`` file, the step summary) is checked: nothing
acts, no line can be read as a command, Markdown holds no live markup, and JSON still
holds the original text.
"""

from __future__ import annotations

import json
import os
import unicodedata
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hanoicheck.cli import app

runner = CliRunner()

FORGED_NAME = "gh\n::error file=pwn.txt,line=1::INJECTED\n.txt"
TICK_NAME = "b`x`<b>![i](evil.png).txt"
EMPTY_NAME = "empty\x1b]8;;evil.test\x1b\\\u202e\n##[error]E.txt"
HOSTILE = (
    "\x1b[2J\x1b]8;;https://evil.test\x1b\\ ##[error]forged ::warning::forged \u202e "
    "<img src=x> <b>bold</b> ![t](https://evil.test/i.png) `x` \u2028 \x85 \x9b31m"
)
CORPUS = {
    FORGED_NAME: (
        f"date: 2026-06-10\nDelegates said 72 countries signed the Accord {HOSTILE} in Lima.\n"
    ),
    TICK_NAME: "date: 2026-06-10\nDelegates said 75 countries signed the Accord.\n",
    EMPTY_NAME: "",  # unreadable: its name reaches the error message
}
RUNS = {
    "extract-table": ["extract", ".", "--color", "never"],
    "extract-jsonl": ["extract", ".", "-f", "jsonl"],
    "extract-csv": ["extract", ".", "-f", "csv"],
    "report": ["report", ".", "--color", "never", "--width", "60", "--all"],
    "conflicts-csv": ["conflicts", ".", "--all"],
    "conflicts-json": ["conflicts", ".", "-f", "json", "--all"],
    "conflicts-markdown": ["conflicts", ".", "-f", "markdown", "--all"],
    "check-text": ["check", ".", "--no-cache", "--fail-on", "warning"],
    "check-github": ["check", ".", "--no-cache", "--fail-on", "warning", "-f", "github"],
    "check-json": ["check", ".", "--no-cache", "--fail-on", "warning", "-f", "json"],
    "check-sarif": ["check", ".", "--no-cache", "--fail-on", "warning", "-f", "sarif"],
}
OUR_COMMANDS = ("::error file=", "::warning file=", "::notice title=")


def _acting(char: str) -> bool:
    return not char.isprintable() and unicodedata.category(char) != "Zs" and char != "\n"


def _assert_inert(text: str, where: str) -> None:
    """Nothing in ``text`` acts on a terminal, a line reader or a CI runner."""
    assert not [c for c in text if _acting(c)], (
        f"{where}: {sorted({c for c in text if _acting(c)})}"
    )
    assert "##[" not in text, where
    for line in text.split("\n"):
        stripped = line.lstrip()
        if stripped.startswith("::"):
            assert stripped.startswith(OUR_COMMANDS), f"{where}: forged command {line!r}"
            properties = stripped.split("::")[1]  # up to where GitHub's data starts
            assert "INJECTED" not in properties.replace("INJECTED%0A", ""), line


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name, text in CORPUS.items():
        (tmp_path / name).write_text(text, "utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return tmp_path


@pytest.mark.parametrize("name", list(RUNS))
def test_no_output_acts(corpus: Path, name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    summary = corpus.parent / f"{corpus.name}-summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = runner.invoke(app, RUNS[name])
    assert result.exit_code == 2, result.output  # the empty file is unreadable
    assert result.exception is None or isinstance(result.exception, SystemExit)
    _assert_inert(result.stdout, f"{name} stdout")
    _assert_inert(result.stderr, f"{name} stderr")
    assert "empty\\x1b]8;;evil.test\\x1b\\\\x202e\\x0a##\\x5berror]E.txt" in result.stderr
    if name.startswith(("conflicts", "check", "report")):
        assert "72" in result.stdout and "75" in result.stdout  # the conflict was found
    if summary.exists():
        _assert_inert(summary.read_text("utf-8"), f"{name} step summary")
        _assert_markdown_is_inert(summary.read_text("utf-8"))


def _assert_markdown_is_inert(text: str) -> None:
    for live in ("<b>", "<img", "![", "](", "`x`"):
        assert live not in text, live


def test_markdown_and_the_step_summary_hold_no_live_markup(corpus: Path) -> None:
    result = runner.invoke(app, RUNS["conflicts-markdown"])
    body = result.stdout.split("\n", 1)[1]  # below our own "<!-- ... -->" comment
    _assert_markdown_is_inert(body)
    assert "b\\`x\\`\\<b\\>\\!\\[i\\]" in body  # the name, shown literally


@pytest.mark.parametrize("name", ["extract-jsonl", "conflicts-json", "check-json", "check-sarif"])
def test_json_outputs_keep_the_original_text(corpus: Path, name: str) -> None:
    """Escaped, not altered: a JSON reader gets the file name and quote back as they are."""
    stdout = runner.invoke(app, RUNS[name]).stdout
    if name == "extract-jsonl":
        records = [json.loads(line) for line in stdout.splitlines()]
        assert len(records) == len(stdout.split("\n")) - 1  # one record per line
        assert FORGED_NAME in {r["source"] for r in records}
        assert any(HOSTILE in r["sentence"] for r in records)
    else:  # a claim's source, or the finding's explanation (which folds whitespace)
        texts = _strings(json.loads(stdout))
        assert any(n in t for t in texts for n in (FORGED_NAME, " ".join(FORGED_NAME.split())))


def _strings(value: object) -> set[str]:
    if isinstance(value, str):
        return {value}
    if isinstance(value, dict):
        return set().union(*(_strings(v) for v in value.values()), set())
    if isinstance(value, list):
        return set().union(*(_strings(v) for v in value), set())
    return set()


def test_the_output_file_is_as_inert_as_stdout(corpus: Path) -> None:
    target = corpus.parent / f"{corpus.name}-out.txt"
    result = runner.invoke(app, [*RUNS["check-github"], "-o", str(target)])
    assert result.exit_code == 2 and result.stdout == ""
    _assert_inert(target.read_text("utf-8"), "check -f github -o")
    assert "gh :\\x3aerror file=pwn.txt" in target.read_text("utf-8")  # shown, inert


@pytest.mark.parametrize("name", list(RUNS))
def test_a_name_that_is_not_utf8_is_one_line_and_the_rest_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """Bytes ``\\xff\\xfe`` in a name crashed 11 of 11 command/format runs with a
    traceback (exit 1, which ``check`` shares with "conflicts found")."""
    for text, stem in ((CORPUS[FORGED_NAME], b"\xff\xfe"), (CORPUS[TICK_NAME], b"b")):
        Path(os.fsdecode(os.path.join(os.fsencode(tmp_path), stem + b".txt"))).write_text(text)
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, RUNS[name])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    message = "\\xff\\xfe.txt: file name is not valid UTF-8 (rename it to read it)"
    assert f"hanoicheck: error: {message}" in lines
    assert result.stdout  # the rest was read, judged and written
    if not name.startswith("check"):  # (one readable file gives the gate no finding)
        assert "75" in result.stdout
    _assert_inert(result.stdout + result.stderr, name)
