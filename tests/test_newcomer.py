"""A newcomer's first hour (issue 15): CLI scenarios asserting exact output and exit code.

In the style of Vale's CLI feature tests: each test runs the command as a person would
(the real ``hanoicheck`` entry point through typer's runner, in a scratch directory or
git repository) and compares stdout, stderr and the exit code whole. The README's
pre-commit and workflow snippets are read from the README itself and run in a scratch
repository, so the documentation cannot promise what the tool does not do.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shlex
import shutil
import subprocess
import tomllib
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from hanoicheck.cli import app
from hanoicheck.config import SETTINGS, Config, load_config_file
from hanoicheck.formats.conflicts import CSV_COLUMNS
from hanoicheck.formats.report import render
from hanoicheck.reconcile import reconcile
from tests.gold import ROOT

SEEDS = ROOT / "seeds"
README = (ROOT / "README.md").read_text("utf-8")
SARIF_SCHEMA = ROOT / "tests" / "gate" / "sarif-schema-2.1.0.json"
AGREE = (
    "date: 2025-10-26\nThe plenary session of the Hanoi Convention signing conference on "
    "October 25 heard 19 statements from countries; 69 countries signed the Hanoi Convention "
    "on the morning of October 25 in Hanoi.\n"
)
CONTRA = AGREE.replace("19 statements", "30 statements").replace("69 countries", "75 countries")


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), env=env, prog_name="hanoicheck")
    return result.exit_code, result.stdout, result.stderr


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.com", *args],
        cwd=repo,
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A scratch directory as the cwd, outside any repository and any config."""
    monkeypatch.chdir(tmp_path)
    for name in ("GITHUB_STEP_SUMMARY", "NO_COLOR", "COLUMNS"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


@pytest.fixture
def corpus(here: Path) -> Path:
    """A corpus repository as the README describes it: articles in ``sources/``, the
    config naming them and a baseline, everything committed."""
    shutil.copytree(SEEDS, here / "sources")
    (here / "hanoicheck.toml").write_text(
        'paths = ["sources"]\nbaseline = "hanoicheck-baseline.json"\n', "utf-8"
    )
    git(here, "init", "-q", "-b", "main")
    assert run("baseline")[0] == 0
    git(here, "add", ".")
    git(here, "commit", "-q", "-m", "corpus with its baseline")
    return here


# --------------------------------------------------------------------------- config


def test_docs_config_lists_every_key_the_loader_accepts() -> None:
    text = (ROOT / "docs" / "config.md").read_text("utf-8")
    from hanoicheck import config

    assert [s.key for s in SETTINGS] == list(config._READERS)
    for setting in SETTINGS:
        assert f"### `{setting.key}`" in text and setting.example in text
    assert "[docs/config.md](docs/config.md)" in README


def test_every_documented_example_and_default_loads(tmp_path: Path) -> None:
    defaults = Config()
    for setting in SETTINGS:
        example = tmp_path / "hanoicheck.toml"
        example.write_text(setting.example + "\n", "utf-8")
        load_config_file(example)  # no ConfigError
        if setting.default:
            example.write_text(f"{setting.key} = {setting.default}\n", "utf-8")
            loaded = load_config_file(example)
            name = setting.key.replace("-", "_")
            assert getattr(loaded, name) == getattr(defaults, name), setting.key
    docs = (ROOT / "docs" / "config.md").read_text("utf-8").split("## A whole file")[1]
    whole = re.search(r"```toml\n(.*?)```", docs, re.S)
    assert whole is not None
    (tmp_path / "hanoicheck.toml").write_text(whole[1], "utf-8")
    assert load_config_file(tmp_path / "hanoicheck.toml").baseline == "hanoicheck-baseline.json"


def test_config_option_reads_that_file(here: Path) -> None:
    shutil.copytree(SEEDS, here / "articles")
    (here / "elsewhere.toml").write_text('paths = ["articles"]\nfail-on = "warning"\n', "utf-8")
    code, out, err = run("check", "--config", "elsewhere.toml", "--no-cache")
    assert code == 1 and "3 failing at --fail-on warning" in out
    assert err.endswith("hanoicheck: 1 error and 2 warnings in the corpus; exit 1\n")
    code, out, err = run("check", "--no-cache", env={"HANOICHECK_CONFIG": "nope.toml"})
    assert (code, out) == (2, "")
    assert err == "hanoicheck: error: nope.toml: cannot read (no such file or directory)\n"


# --------------------------------------------------------------------------- the hook


def _readme_block(lang: str, needle: str) -> str:
    blocks = re.findall(rf"```{lang}\n(.*?)```", README, re.S)
    return next(b for b in blocks if needle in b)


def test_readme_hook_snippet_works_in_a_corpus_repository(corpus: Path) -> None:
    """The README's hanoicheck.toml and .pre-commit-config.yaml, run the way pre-commit
    runs the hook (its ``entry`` from .pre-commit-hooks.yaml, then the snippet's args, no
    file names, in the repository's root), on an agreeing and a contradicting commit."""
    config = tomllib.loads(_readme_block("toml", "paths = "))
    assert config == {"paths": ["sources"], "baseline": "hanoicheck-baseline.json"}
    snippet = _readme_block("yaml", "hanoicheck-check")
    assert re.search(r"rev: [0-9a-f]{40}\b", snippet), "pin a commit: no tags exist"
    args_line = re.search(r"args: \[(.*)\]", snippet)
    assert args_line is not None
    args = [a.strip() for a in args_line[1].split(",")]
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text("utf-8")
    entry = re.search(r"^  entry: (.*)$", hooks, re.M)
    assert entry is not None and "pass_filenames: false" in hooks
    command = [*shlex.split(entry[1]), *args]
    assert command[:2] == ["hanoicheck", "check"]

    (corpus / "sources" / "agree.txt").write_text(AGREE, "utf-8")
    git(corpus, "add", "sources/agree.txt")
    code, out, err = run(*command[1:])
    assert (code, err) == (0, "hanoicheck: no conflicts at or above error in new files; exit 0\n")
    assert out == (
        "hanoicheck check: 0 findings (0 errors, 0 warnings); 0 failing at --fail-on error; "
        "3 in the baseline\n"
    )
    git(corpus, "commit", "-q", "-m", "an agreeing article")

    (corpus / "sources" / "contra.txt").write_text(CONTRA, "utf-8")
    git(corpus, "add", "sources/contra.txt")
    code, out, err = run(*command[1:])
    assert (code, err) == (1, "hanoicheck: 2 errors in new files; exit 1\n")
    assert [line.split(": ")[:3] for line in out.splitlines()[:2]] == [
        ["sources/contra.txt:2", "error", "number of signatory countries, signing ceremony"],
        ["sources/contra.txt:2", "error", "number of speakers, plenary session"],
    ]


def test_readme_workflow_snippet_annotates_from_the_repository_root(corpus: Path) -> None:
    workflow = _readme_block("yaml", "runs-on:")
    assert "fetch-depth: 0" in workflow
    step = re.search(r"- run: (hanoicheck check .*)$", workflow, re.M)
    assert step is not None
    command = shlex.split(step[1].replace("${{ github.base_ref }}", "main"))
    git(corpus, "update-ref", "refs/remotes/origin/main", "HEAD")
    git(corpus, "checkout", "-q", "-b", "contradict")
    (corpus / "sources" / "contra.txt").write_text(CONTRA, "utf-8")
    git(corpus, "add", ".")
    git(corpus, "commit", "-q", "-m", "a contradicting article")
    (corpus / "sub").mkdir()
    for cwd in (corpus, corpus / "sub"):  # the same annotations from a subfolder
        with pytest.MonkeyPatch.context() as patch:
            patch.chdir(cwd)
            code, out, _ = run(*command[1:])
        assert code == 1
        files = re.findall(r"^::error file=([^,]*),line=(\d+)", out, re.M)
        assert files == [("sources/contra.txt", "2"), ("sources/contra.txt", "2")]


# --------------------------------------------------------------------------- silence


def test_an_empty_folder_is_an_error_not_a_clean_run(here: Path) -> None:
    (here / "empty").mkdir()
    message = "hanoicheck: error: no sources found in empty (no .txt, .md or .html file)\n"
    for command in ("report", "check", "conflicts", "extract"):
        assert run(command, "empty", "--no-cache" if command == "check" else "-q") == (
            2,
            "",
            message,
        )


def test_a_file_with_no_claims_says_so(here: Path) -> None:
    (here / "vi.txt").write_text("Hôm nay Hà Nội đón các đoàn đại biểu.\n", "utf-8")
    code, out, err = run("report", "vi.txt")
    assert code == 0 and out.startswith("hanoicheck report: 1 source, 0 claims, 0 groups")
    assert err == "hanoicheck: warning: no claims found in 1 file (language not supported?)\n"
    code, out, err = run("extract", "vi.txt", "-f", "jsonl")
    assert (code, out) == (0, "")
    assert err == "hanoicheck: warning: no claims found in 1 file (language not supported?)\n"


@pytest.mark.parametrize("command", ["report", "conflicts", "extract", "check"])
def test_a_failed_input_prints_one_line_and_nothing_on_stdout(here: Path, command: str) -> None:
    args = [command, "/nope"] + (["--no-cache"] if command == "check" else [])
    assert run(*args) == (2, "", "hanoicheck: error: /nope: no such file or directory\n")


# --------------------------------------------------------------------------- colour, width


def test_color_always_keeps_colour_in_a_pipe_and_a_file(here: Path) -> None:
    env = {"NO_COLOR": "1", "TERM": "dumb"}
    code, out, _ = run("report", str(SEEDS), "--color", "always", env=env)
    assert code == 0 and "\x1b[1;7mOctober" in out and "[October 15]" not in out
    run("report", str(SEEDS), "--color", "always", "-o", "report.txt")
    assert "\x1b[1;7mOctober" in (here / "report.txt").read_text("utf-8")
    run("report", str(SEEDS), "-o", "plain.txt")
    assert "\x1b" not in (here / "plain.txt").read_text("utf-8")


def test_a_narrow_terminal_is_followed(here: Path) -> None:
    code, out, _ = run("report", str(SEEDS), "--color", "always", env={"COLUMNS": "44"})
    plain = re.sub(r"\x1b\[[0-9;]*m", "", out)
    assert code == 0 and max(len(line) for line in plain.splitlines()) <= 44
    code, out, _ = run("report", str(SEEDS), env={"HANOICHECK_WIDTH": "50"})
    assert max(len(line) for line in out.splitlines()) <= 50


# --------------------------------------------------------------------------- conventions


@pytest.mark.parametrize("command", ["extract", "report", "conflicts", "check", "baseline"])
def test_every_command_has_h_quiet_verbose_and_config(command: str) -> None:
    code, out, _ = run(command, "-h")
    assert code == 0 and out.startswith(f"Usage: hanoicheck {command} [OPTIONS]")
    for option in ("-q, --quiet", "-v, --verbose", "--config PATH", "-h, --help"):
        assert option in out
    assert "[[PATH" not in out and "PATH...]" not in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["check", "--format", "nope"],
            "--format: 'nope' is not one of 'text', 'github', 'json', 'sarif' "
            "(see 'hanoicheck check -h')",
        ),
        (["report", "--nope"], "no such option: --nope (see 'hanoicheck report -h')"),
        (["extract"], "missing argument PATH (see 'hanoicheck extract -h')"),
        (["nope"], "no such command 'nope' (see 'hanoicheck -h')"),
        (
            ["report", "-q", "-v"],
            "--quiet and --verbose cannot be used together (see 'hanoicheck report -h')",
        ),
        (
            ["report", "--width", "5"],
            "--width: input should be greater than or equal to 20 (see 'hanoicheck report -h')",
        ),
    ],
)
def test_usage_errors_are_one_line(args: list[str], message: str) -> None:
    assert run(*args) == (2, "", f"hanoicheck: error: {message}\n")


def test_quiet_verbose_and_exit_zero(here: Path) -> None:
    shutil.copytree(SEEDS, here / "seeds")
    code, out, err = run("check", "--no-cache", "--exit-zero")
    assert code == 0 and out.startswith("seeds/000_d3321d4a47214618.txt:2: error:")
    assert err == "hanoicheck: 1 error in the corpus; exit 0 (--exit-zero)\n"
    assert run("check", "--no-cache", "-q")[0::2] == (1, "")
    code, _, err = run("check", "--no-cache", env={"HANOICHECK_QUIET": "1"})
    assert (code, err) == (1, "")
    code, _, err = run("report", "-v")
    assert code == 0
    assert err == "hanoicheck: no config file; defaults\nhanoicheck: read 5 files, 25 claims\n"
    code, _, err = run(
        "check", "--no-cache", "--fail-on", "warning", env={"HANOICHECK_FAIL_ON": "x"}
    )
    assert code == 1 and "1 error and 2 warnings" in err


def test_plurals(here: Path) -> None:
    (here / "one.txt").write_text(
        "date: 2025-10-26\n69 countries signed the Hanoi Convention on October 25.\n", "utf-8"
    )
    code, out, _ = run("report", "one.txt")
    assert code == 0
    assert out.splitlines()[:2] == [
        "hanoicheck report: 1 source, 2 claims, 2 groups in 1 story",
        "Conflicts: 0 errors, 0 warnings; 0 agreed; 2 uncorroborated (single outlet, not compared)",
    ]


# --------------------------------------------------------------------------- exports


def test_conflicts_csv_has_sentence_and_outlet(here: Path) -> None:
    code, out, _ = run("conflicts", str(SEEDS))
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == CSV_COLUMNS
    assert CSV_COLUMNS[4:9] == ["source", "line", "quote", "sentence", "outlet"]
    first = rows[0]
    assert first["quote"] == "October 15" and first["outlet"] == "VNA"
    assert first["sentence"].startswith("'") is False and "October 15 in Hanoi" in first["sentence"]


def _copies(tmp: Path, count: int) -> list[Path]:
    files = []
    for n in range(count):
        path = tmp / f"copy{n:02}.txt"
        path.write_text(
            f"date: 2025-10-2{n % 2 + 6}\nsource: Outlet {n}\n"
            "Representatives from 75 countries signed the Hanoi Convention on October 25.\n",
            "utf-8",
        )
        files.append(path)
    return files


def test_identical_quotes_collapse_under_one_position(here: Path) -> None:
    from hanoicheck.api import extract_paths

    _copies(here, 6)
    (here / "other.txt").write_text(
        "date: 2025-10-26\nsource: Other\n72 countries signed the Hanoi Convention on "
        "October 25.\n",
        "utf-8",
    )
    found = extract_paths([here])
    result = reconcile(found.claims, documents=found.documents)
    text = render(result, width=100)
    assert text.count('"Representatives from [75 countries] signed') == 1
    assert "      and 5 copies (--verbose lists them)\n" in text
    verbose = render(result, width=200, verbose=True)
    assert (
        "and 5 copies: copy01.txt:3, copy02.txt:3, copy03.txt:3, copy04.txt:3, copy05.txt:3"
        in verbose
    )


def test_counted_once_is_summarised(here: Path) -> None:
    code, out, _ = run("report", str(SEEDS))
    assert (
        code == 0 and out.splitlines()[2] == "Counted once: 3 files of VNA (the files: --verbose)"
    )
    code, out, _ = run("report", str(SEEDS), "--verbose", "--width", "200")
    assert code == 0 and out.splitlines()[2] == (
        "Counted once: 3 files credited to VNA (000_d3321d4a47214618.txt, "
        "003_57c7628310a0554d.txt, 004_9f7aae0d31abca2d.txt)"
    )


def test_sarif_has_no_placeholder_links_and_lists_baselined_findings(corpus: Path) -> None:
    code, out, _ = run("check", "--format", "sarif", "--no-cache")
    log = json.loads(out)
    jsonschema.validate(log, json.loads(SARIF_SCHEMA.read_text("utf-8")))
    assert code == 0 and "github.com/hanoicheck" not in out
    results = log["runs"][0]["results"]
    assert len(results) == 3
    assert all(r["suppressions"] == [{"kind": "external", "justification": (
        "reviewed in the hanoicheck baseline")}] for r in results)  # fmt: skip
    assert results[0]["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": "sources/000_d3321d4a47214618.txt",
        "uriBaseId": "%SRCROOT%",
    }


# --------------------------------------------------------------------------- wording


def test_compared_because_is_one_sentence_for_an_editor(here: Path) -> None:
    shutil.copytree(SEEDS, here / "seeds")
    code, out, _ = run("conflicts", "-f", "json")
    assert code == 0
    groups = {g["subject"]: g for g in json.loads(out)}
    plenary = groups["date of the plenary session"]
    text = " ".join(plenary["compared_because"])
    assert text.count("seeds/001_022a195d71583f65.txt:") == 1  # one file:line per source
    assert "which seeds/001_022a195d71583f65.txt:1 dates October 25-26, 2025" in text
    assert groups["number of participating countries, conference"]["compared_because"] == [
        "both are about the conference",
        "no source gives another figure for it",
    ]
    _, out, _ = run("report", "--width", "300")
    assert (
        "  Compared because: Both are about the conference; no source gives another figure "
        "for it.\n" in out
    )
    for jargon in ("belong to one occasion", "same subject, no detail", "names no session"):
        assert jargon not in out


# --------------------------------------------------------------------------- baseline


def test_baseline_refuses_a_file_with_merge_markers(corpus: Path) -> None:
    baseline = corpus / "hanoicheck-baseline.json"
    text = baseline.read_text("utf-8")
    lines = text.splitlines(keepends=True)
    merged = "".join(
        [*lines[:3], "<<<<<<< HEAD\n", lines[3], "=======\n", lines[3], ">>>>>>> other\n",
         *lines[4:]]
    )  # fmt: skip
    baseline.write_text(merged, "utf-8")
    code, out, err = run("baseline", "--no-cache")
    assert (code, out) == (2, "")
    assert err == (
        f"hanoicheck: error: baseline {baseline}:4: holds a merge-conflict marker (<<<<<<<); "
        "resolve the merge, then run `hanoicheck baseline` again (the file was not changed)\n"
    )
    assert baseline.read_text("utf-8") == merged
