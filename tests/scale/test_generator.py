"""The benchmark corpus generator: deterministic, and its gold points at real text."""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pytest

from hanoicheck.sources import load_document
from tests.gold import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))

from generate import generate


def digest(root: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        h.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def test_same_seed_same_bytes_and_prefix_stable(tmp_path: Path) -> None:
    a = generate(tmp_path / "a", 40, seed=7)
    b = generate(tmp_path / "b", 40, seed=7)
    assert a == b and a["articles"] == 40
    assert digest(tmp_path / "a") == digest(tmp_path / "b")
    generate(tmp_path / "c", 40, seed=8)
    assert digest(tmp_path / "c") != digest(tmp_path / "a")


def test_gold_anchors_are_where_the_gold_says(tmp_path: Path) -> None:
    manifest = generate(tmp_path, 60, seed=11)
    documents = [json.loads(x) for x in (tmp_path / "gold" / "claims.jsonl").open()]
    assert len(documents) == 60
    styles = {Path(d["path"]).suffix for d in documents}
    assert styles == {".txt", ".md", ".html"}
    seen = 0
    for document in documents:
        text = load_document(tmp_path / document["path"]).text
        lines = text.splitlines()
        for claim in document["claims"]:
            line = lines[claim["line"] - 1]
            column = claim["column"] - 1
            assert line[column : column + len(claim["anchor"])] == claim["anchor"], claim
            seen += 1
    assert seen == manifest["gold_claims"]
    expectations = [json.loads(x) for x in (tmp_path / "gold" / "conflicts.jsonl").open()]
    conflicts = [e for e in expectations if e["expect"] == "conflict"]
    assert len(conflicts) == manifest["planted_conflicts"] > 0
    for conflict in conflicts:
        right, wrong = conflict["sides"]
        assert right and wrong and not set(right) & set(wrong)


def test_benchmark_run_on_a_small_corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One benchmark run end to end: every planted figure found, conflicts scored, the
    CLI timed with its own peak memory (the numbers themselves are not asserted)."""
    import run

    monkeypatch.chdir(tmp_path)  # the run changes directory; restored afterwards
    generate(tmp_path, 60, seed=5)
    result = run.one_run(tmp_path, jobs=1, score=True)
    assert result["articles"] == 60 and result["errors"] == 0
    extraction = result["extraction"]
    assert extraction["precision"] == extraction["recall"] == 1.0
    assert result["planted_conflicts"]["planted"] > 0
    assert 0 < result["planted_conflicts"]["recall"] <= 1
    cli = run.cli_run(tmp_path, jobs=1)
    assert cli["cli_claims"] == result["claims"]
    assert cli["cli_conflicts_peak_rss_mb"] > 0 and cli["cli_conflicts_s"] > 0
    assert not (tmp_path / "claims.jsonl").exists()  # the run cleans up after itself
