"""The library entry points: one extraction driver, the config everywhere, the gate.

Every command goes through :func:`hanoicheck.api.iter_extract`, so the tests here hold
for all of them: ``exclude`` and tolerances from the config apply to every command, a
file is discovered once, and a store changes how many files are extracted, never what.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hanoicheck import api, parallel, sources
from hanoicheck.api import (
    CorpusError,
    check_paths,
    corpus_paths,
    extract_paths,
    iter_extract,
    reconcile_paths,
    write_baseline,
)
from hanoicheck.cache import ClaimCache
from hanoicheck.cli import app
from hanoicheck.config import Config, load_config
from hanoicheck.gate import GateError
from hanoicheck.model import Claim, Document, SourceError
from hanoicheck.store import StoredDocument, StoreKey

SUMMIT = "the Lisbon Ocean Summit at the Belem Cultural Centre"
ARTICLES = {
    "a.txt": f"date: 2026-06-10\nAbout 100 countries attended {SUMMIT}.\n",
    "b.txt": f"date: 2026-06-10\nExactly 100 countries attended {SUMMIT}.\n",
    "drafts/c.txt": f"date: 2026-06-10\nExactly 140 countries attended {SUMMIT}.\n",
}


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A corpus whose only conflict comes from a draft the config excludes."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    for name, text in ARTICLES.items():
        (tmp_path / "corpus" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "corpus" / name).write_text(text, "utf-8")
    (tmp_path / "hanoicheck.toml").write_text('exclude = ["drafts"]\n', "utf-8")
    return tmp_path


class DictStore:
    """The smallest claim store: a dict. It counts what it was asked."""

    def __init__(self) -> None:
        self.entries: dict[StoreKey, tuple[Document, tuple[Claim, ...], bytes]] = {}
        self.misses: list[str] = []

    def get(self, key: StoreKey, source: str) -> StoredDocument | None:
        if key not in self.entries:
            self.misses.append(source)
            return None
        document, claims, _ = self.entries[key]
        assert document.source == source  # no file moved in these tests
        return StoredDocument(replace(document, text=""), document.text, claims)

    def put(self, key: StoreKey, document: Document, claims: Sequence[Claim], data: bytes) -> None:
        self.entries[key] = (document, tuple(claims), data)


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout


def test_every_command_honours_exclude_and_sees_the_same_groups(project: Path) -> None:
    config = load_config(project)
    assert config.exclude == ("drafts",)
    code, out = _run("extract", "corpus", "-f", "jsonl")
    assert code == 0
    assert {json.loads(line)["source"] for line in out.splitlines()} == {
        "corpus/a.txt",
        "corpus/b.txt",
    }
    conflicts = {g["id"] for g in json.loads(_run("conflicts", "corpus", "-f", "json")[1])}
    _, checked = _run("check", "corpus", "-f", "json", "--no-cache")
    assert conflicts == {f["id"] for f in json.loads(checked)["findings"]}
    assert _run("baseline", "-o", "b.json", "corpus", "--no-cache")[0] == 0
    baselined = json.loads((project / "b.json").read_text("utf-8"))["conflicts"]
    assert {e["id"] for e in baselined} == conflicts
    _, report = _run("report", "corpus", "--color", "never")
    assert "drafts" not in report and "140 countries" not in report
    # without the config the draft is read, and opens a conflict of its own
    (project / "hanoicheck.toml").unlink()
    unfiltered = {g["id"] for g in json.loads(_run("conflicts", "corpus", "-f", "json")[1])}
    assert conflicts < unfiltered


def test_extract_honours_the_config_tolerances(project: Path) -> None:
    def about_87() -> dict[str, object]:
        out = _run("extract", "corpus/a.txt", "-f", "jsonl")[1]
        (claim,) = [json.loads(line) for line in out.splitlines() if "About 87" in line]
        return dict(claim["value"])

    (project / "corpus" / "a.txt").write_text(ARTICLES["a.txt"].replace("100", "87"), "utf-8")
    assert (about_87()["low"], about_87()["high"]) == (82.65, 91.35)
    (project / "hanoicheck.toml").write_text("[tolerances]\nabout = 0.2\n", "utf-8")
    assert (about_87()["low"], about_87()["high"]) == (69.6, 104.4)
    wide = load_config(project)
    claims = extract_paths(["corpus/a.txt"], wide).claims
    (claim,) = [c for c in claims if c.quote.startswith("About")]
    assert (claim.value.low, claim.value.high) == (69.6, 104.4)


def test_a_bad_config_stops_extract_too(project: Path) -> None:
    (project / "hanoicheck.toml").write_text("exclud = ['drafts']\n", "utf-8")
    result = CliRunner().invoke(app, ["extract", "corpus"])
    assert result.exit_code == 2 and "exclud" in result.stderr


def test_a_store_changes_what_is_extracted_never_the_result(project: Path) -> None:
    store = DictStore()
    cold = extract_paths(["corpus"], store=store)
    assert cold == extract_paths(["corpus"])
    assert store.misses == ["corpus/a.txt", "corpus/b.txt", "corpus/drafts/c.txt"]
    warm = extract_paths(["corpus"], store=store)
    assert warm == cold and len(store.misses) == 3
    streamed = list(iter_extract(["corpus"], store=store))
    assert all(not isinstance(i, SourceError) and i.document.text == "" for i in streamed)
    assert tuple(c for i in streamed if not isinstance(i, SourceError) for c in i.claims) == (
        cold.claims
    )


def test_discovery_runs_once_per_run_not_once_per_file(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[object] = []
    original = sources.discover

    def counting(*args: object, **kwargs: object) -> Iterator[Path | SourceError]:
        calls.append(args)
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(sources, "discover", counting)  # what a per-file reload would call
    monkeypatch.setattr(api, "discover", counting)
    for store in (None, DictStore()):
        calls.clear()
        assert len(extract_paths(["corpus"], store=store).documents) == 3
        assert len(calls) == 1


def test_check_extracts_its_cache_misses_in_parallel(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pooled: list[int] = []
    original = parallel._pooled

    def watching(*args: object, **kwargs: object) -> Iterator[object]:
        pooled.append(1)
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(parallel, "_pooled", watching)
    serial = check_paths([Path("corpus")], load_config(project), jobs=1)
    assert pooled == []
    with_cache = check_paths([Path("corpus")], load_config(project), cache=Path("c.sqlite"), jobs=2)
    assert pooled == [1]
    assert [f.to_dict() for f in with_cache.findings] == [f.to_dict() for f in serial.findings]
    with ClaimCache(Path("c.sqlite")) as cache:
        assert cache.count() == 2  # the misses were put in the cache


def test_check_paths_and_write_baseline_are_library_calls(project: Path) -> None:
    config = Config()  # no exclude: the draft conflicts
    result = check_paths([Path("corpus")], config)
    assert result.failed and result.findings and result.errors == ()
    done = write_baseline(Path("b.json"), [Path("corpus")], config)
    assert done.baseline is not None and done.errors == ()
    assert {e.id for e in done.baseline.entries} == {f.id for f in result.findings}
    reviewed = check_paths([Path("corpus")], config, baseline=Path("b.json"))
    assert not reviewed.failed and reviewed.baselined == len(result.findings)
    fresh = check_paths([Path("corpus")], config, new=[Path("corpus/b.txt")])
    assert fresh.new_sources == frozenset({"corpus/b.txt"})
    (project / "corpus" / "broken.txt").write_bytes(b"\x00")
    assert write_baseline(Path("b2.json"), [Path("corpus")], config).baseline is None
    assert not (project / "b2.json").exists()


def test_gate_input_errors_come_before_any_extraction(project: Path) -> None:
    with pytest.raises(GateError, match="cannot be used together"):
        check_paths([Path("corpus")], since="HEAD", new=[Path("corpus/a.txt")])
    with pytest.raises(GateError, match="--fail-on 'fatal'"):
        check_paths([Path("corpus")], fail_on="fatal", cache=Path("never.sqlite"))
    with pytest.raises(GateError, match="no such file"):
        check_paths([Path("corpus")], baseline=Path("missing.json"))
    with pytest.raises(CorpusError, match=r"no PATH given, no paths in the config and \./seeds"):
        check_paths(None, Config(), cache=Path("never.sqlite"))
    assert not (project / "never.sqlite").exists()


def test_corpus_paths(project: Path) -> None:
    assert corpus_paths([Path("x")], [Path("y")]) == [Path("x")]
    assert corpus_paths(None, [Path("y")]) == [Path("y")]
    with pytest.raises(CorpusError, match=r"^no PATH given and \./seeds does not exist here$"):
        corpus_paths(None)
    (project / "seeds").mkdir()
    assert corpus_paths(None) == corpus_paths([], ()) == [Path("seeds")]


def test_reconcile_paths_uses_the_settings_for_both_stages(project: Path) -> None:
    (project / "corpus" / "a.txt").write_text(ARTICLES["a.txt"].replace("100", "110"), "utf-8")
    strict = Config(exclude=("drafts",))
    loose = Config(tolerances={"about": 0.1, "nearly": 0.05, "some": 0.1}, exclude=("drafts",))
    assert len(reconcile_paths(["corpus"], strict).reconciliation.conflicts) == 1
    assert reconcile_paths(["corpus"], loose).reconciliation.conflicts == ()


def test_a_dateline_read_again_with_its_storys_year_stays_furniture(tmp_path: Path) -> None:
    """An article dated by a year-less dateline is read again once its story gives the
    year; a report keeps no texts, and the second reading must still know the dateline
    is no claim of the story."""
    (tmp_path / "dated.txt").write_text(
        "date: 2025-11-10\nThe toll from the hurricane rose to 32 on Monday.\n", "utf-8"
    )
    (tmp_path / "wire.txt").write_text(
        "Toll rises to 45\n\nKINGSTON, Nov 11 (Windward Wire) - The toll from the hurricane "
        "has risen to 45, the government said on Tuesday.\n",
        "utf-8",
    )
    report = reconcile_paths([tmp_path])
    quotes = [c.quote for c in report.extraction.claims if c.source.endswith("wire.txt")]
    assert "Nov 11" not in quotes
    assert "45" in quotes
