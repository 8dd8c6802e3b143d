"""End-to-end tests of ``hanoicheck check`` and ``hanoicheck baseline`` in a git repo."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from hanoicheck.api import extract_paths
from hanoicheck.cache import ClaimCache
from hanoicheck.cli import app
from hanoicheck.formats.gate_formats import escape_property, step_summary
from hanoicheck.gate import Baseline, BaselineError, evaluate, load_baseline
from hanoicheck.reconcile import Severity, reconcile

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SARIF_SCHEMA = Path(__file__).resolve().parent / "sarif-schema-2.1.0.json"
CONTRA = (
    "date: 2025-10-26\nThe plenary session of the Hanoi Convention signing conference on "
    "October 25 heard 30 statements from countries; 75 countries signed the Hanoi Convention "
    "on the morning of October 25 in Hanoi.\n"
)
AGREE = CONTRA.replace("30 statements", "19 statements").replace("75 countries", "69 countries")
NEW = "seeds/new_article.txt"


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.com", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "corpus"
    root.mkdir()
    shutil.copytree(SEEDS, root / "seeds")
    _git(root, "init", "-q")
    _git(root, "add", "seeds")
    _git(root, "commit", "-q", "-m", "seeds")
    monkeypatch.chdir(root)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return root


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_contradicting_article_fails_with_annotation(repo: Path) -> None:
    (repo / NEW).write_text(CONTRA, "utf-8")
    code, out, err = run("check", "--since", "HEAD", "--format", "github", "--no-cache")
    assert code == 1, err
    assert f"::error file={NEW},line=2," in out
    lines = [line for line in out.splitlines() if line.startswith("::")]
    assert lines and all(f"file={NEW}," in line for line in lines)  # old conflicts not blamed
    assert err.strip().splitlines()[-1] == "hanoicheck: 2 errors in new files; exit 1"
    assert not (repo / ".hanoicheck").exists()


def test_agreeing_article_passes(repo: Path) -> None:
    (repo / NEW).write_text(AGREE, "utf-8")
    code, out, err = run("check", "--since", "HEAD", "--format", "github", "--no-cache")
    assert code == 0, out + err
    assert "::error" not in out
    assert "exit 0" in err.strip().splitlines()[-1]


def test_new_option_and_step_summary(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = tmp_path / "elsewhere.txt"
    article.write_text(CONTRA, "utf-8")
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    code, out, _ = run("check", "--new", str(article), "--format", "github", "--no-cache")
    assert code == 1
    assert f"file={escape_property(str(article))}" in out
    table = summary.read_text("utf-8")
    assert "| Severity |" in table and "75 countries" in table


def test_baseline_flow(repo: Path) -> None:
    (repo / NEW).write_text(CONTRA, "utf-8")
    _git(repo, "add", NEW)
    _git(repo, "commit", "-q", "-m", "contra")
    code, _, err = run("baseline", "--output", "b.json", "--no-cache")
    assert code == 0, err
    text = (repo / "b.json").read_text("utf-8")
    data = json.loads(text)
    assert data["schema_version"] == 1 and data["tool"] == "hanoicheck"
    ids = [c["id"] for c in data["conflicts"]]
    assert ids == sorted(ids) and text.endswith("}\n") and '"line"' not in text
    code, out, err = run("check", "--baseline", "b.json", "--no-cache")
    assert code == 0, out + err
    # A note survives a rewrite.
    data["conflicts"][0]["note"] = "reviewed"
    (repo / "b.json").write_text(json.dumps(data), "utf-8")
    assert run("baseline", "--output", "b.json", "--no-cache")[0] == 0
    assert load_baseline(repo / "b.json").entries[0].note == "reviewed"
    # The figure changes: a new conflict, and the old entry is stale.
    (repo / NEW).write_text(CONTRA.replace("75 countries", "76 countries"), "utf-8")
    code, out, err = run("check", "--baseline", "b.json", "--no-cache")
    assert code == 1, out + err
    assert "76 countries" in out and "stale baseline entr" in out


@pytest.mark.parametrize(
    "content",
    ["{not json", '{"schema_version": 2, "tool": "hanoicheck", "conflicts": []}', "[1, 2]"],
)
def test_corrupt_baseline_exits_2(repo: Path, content: str) -> None:
    (repo / "bad.json").write_text(content, "utf-8")
    code, _, err = run("check", "--baseline", "bad.json", "--no-cache")
    assert code == 2
    assert "bad.json" in err and len(err.strip().splitlines()) == 1


def test_load_baseline_errors(tmp_path: Path) -> None:
    with pytest.raises(BaselineError, match="no such file"):
        load_baseline(tmp_path / "missing.json")
    bad = tmp_path / "b.json"
    for body, message in [
        ({"schema_version": 1, "tool": "other", "conflicts": []}, "not by hanoicheck"),
        ({"schema_version": 1, "conflicts": {}}, "must be a list"),
        ({"schema_version": 1, "conflicts": [1]}, "expected an object"),
        ({"schema_version": 1, "conflicts": [{"id": "x", "extra": 1}]}, "unknown key"),
        ({"schema_version": 1, "conflicts": [{"id": 3}]}, "expected a string"),
        ({"schema_version": 1, "conflicts": [{"id": "", "severity": "error"}]}, "empty"),
        ({"schema_version": 1, "conflicts": [{"id": "x", "severity": "bad"}]}, "severity"),
        (
            {"schema_version": 1, "conflicts": [{"id": "x", "severity": "error", "positions": 1}]},
            "positions",
        ),
    ]:
        bad.write_text(json.dumps(body), "utf-8")
        with pytest.raises(BaselineError, match=message):
            load_baseline(bad)
    bad.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(BaselineError, match="cannot read"):
        load_baseline(bad)


def test_sarif_validates(repo: Path) -> None:
    (repo / NEW).write_text(CONTRA, "utf-8")
    code, out, _ = run("check", "--since", "HEAD", "--format", "sarif", "--no-cache")
    assert code == 1
    log = json.loads(out)
    jsonschema.validate(log, json.loads(SARIF_SCHEMA.read_text("utf-8")))
    assert log["version"] == "2.1.0"
    result = log["runs"][0]["results"][0]
    assert result["level"] == "error"
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == NEW
    assert result["partialFingerprints"]


def test_json_and_text_formats_and_fail_on(repo: Path) -> None:
    code, out, err = run("check", "--format", "json", "--no-cache", "--output", "r.json")
    assert code == 1 and out == ""
    data = json.loads((repo / "r.json").read_text("utf-8"))
    assert data["failed"] is True and data["stale"] == []
    warnings = [f for f in data["findings"] if f["severity"] == "warning"]
    assert warnings and not any(f["failing"] for f in warnings)
    code, out, err = run("check", "--fail-on", "warning", "--no-cache")
    assert code == 1 and "warning" in err.strip().splitlines()[-1]
    assert out.splitlines()[0].startswith("seeds/") and ": error: " in out


def test_usage_errors(repo: Path) -> None:
    assert run("check", "--format", "xml", "--no-cache")[0] == 2
    assert run("check", "--fail-on", "fatal", "--no-cache")[0] == 2
    assert run("check", "--since", "HEAD", "--new", "x.txt")[0] == 2
    assert run("check", "--new", "missing.txt")[0] == 2
    code, _, err = run("check", "--since", "no-such-rev", "--no-cache")
    assert code == 2 and "no-such-rev" in err
    (repo / "hanoicheck.toml").write_text("fail-on = 'sometimes'\n", "utf-8")
    code, _, err = run("check", "--no-cache")
    assert code == 2 and "hanoicheck.toml" in err


def test_config_paths_and_unreadable(repo: Path) -> None:
    (repo / "hanoicheck.toml").write_text("paths = ['seeds']\nfail-on = 'warning'\n", "utf-8")
    code, _, err = run("check", "--no-cache")
    assert code == 1 and "warning" in err
    (repo / "seeds" / "broken.html").write_bytes(b"\x00" * 10)
    code, _, err = run("check", "--no-cache")
    assert code == 2
    code, _, err = run("baseline", "--output", "b.json", "--no-cache")
    assert code == 2 and not (repo / "b.json").exists()


def test_no_seeds_is_an_input_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert run("check", "--no-cache")[0] == 2


def test_cache_hits_on_second_run(repo: Path) -> None:
    db = repo.parent / "cache.sqlite"
    code, _, _ = run("check", "--cache", str(db))
    assert code == 1 and db.exists()
    with ClaimCache(db) as cache:
        extraction = extract_paths(["seeds"], store=cache)
        assert cache.hits == len(extraction.documents) and cache.misses == 0
    assert extraction.claims == extract_paths(["seeds"]).claims
    assert not (repo / ".hanoicheck").exists()


def test_evaluate_library_rules() -> None:
    reconciliation = reconcile(extract_paths([SEEDS]).claims)
    everything = evaluate(reconciliation, None, None, Severity.ERROR)
    assert everything.failed and len(everything.findings) == len(reconciliation.conflicts)
    assert evaluate(reconciliation, set(), None, "error").findings == ()
    full = Baseline.from_reconciliation(reconciliation)
    assert not evaluate(reconciliation, None, full, Severity.WARNING).failed
    assert step_summary(evaluate(reconciliation, set(), None)).startswith("## hanoicheck check")
