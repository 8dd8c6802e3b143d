"""Group ids are unique in every reconciliation and stable across edits and input order.

An id is a group's fingerprint (what is disputed and the values on each side); groups
that share one are told apart by their claims' details, then their story, then their
sources, then their rank (see :mod:`hanoicheck.reconcile.ids`).
"""

from __future__ import annotations

import itertools
import shutil
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

import hanoicheck.reconcile as reconcile_module
from hanoicheck.api import extract_paths, reconcile_paths
from hanoicheck.extract.pipeline import extract_text
from hanoicheck.model import Claim
from hanoicheck.reconcile import Group, Reconciliation, reconcile
from hanoicheck.reconcile.ids import unique_ids
from tests.gold import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))

from generate import generate

CORPORA = sorted(
    [
        ROOT / "seeds",
        *(ROOT / "fixtures" / "corpora").iterdir(),
        *(ROOT / "fixtures" / "heldout" / "corpora").iterdir(),
        *(p for p in (ROOT / "fixtures" / "realistic").iterdir() if p.is_dir()),
        *(p for p in (ROOT / "fixtures" / "heldout" / "realistic").iterdir() if p.is_dir()),
    ]
)


def _fingerprints_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reconcile with each group's bare fingerprint as its id (the rule switched off)."""
    monkeypatch.setattr(reconcile_module, "unique_ids", lambda groups, name: list(groups))


def _same_groups(a: Reconciliation, b: Reconciliation) -> list[tuple[str, str]]:
    """(bare fingerprint, final id) of each group, matched by its claims."""
    final = {tuple(c.id for c in g.claims): g.id for g in b.groups}
    return [(g.id, final[tuple(c.id for c in g.claims)]) for g in a.groups]


def _check_ids(bare: Reconciliation, result: Reconciliation) -> None:
    ids = [g.id for g in result.groups]
    assert len(ids) == len(set(ids)), Counter(ids).most_common(3)
    shared = {i for i, n in Counter(g.id for g in bare.groups).items() if n > 1}
    for fingerprint, final in _same_groups(bare, result):
        if fingerprint in shared:
            assert final != fingerprint
        else:
            assert final == fingerprint  # the common case keeps its id
    assert len(final) == 12 and all(ch in "0123456789abcdef" for ch in final)


def test_ids_are_unique_on_a_generated_corpus(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    generate(tmp_path / "generated", 1000, seed=20261123)
    extraction = extract_paths([tmp_path / "generated" / "corpus"], keep_text=False)
    result = reconcile(extraction.claims, None, extraction.documents)
    with monkeypatch.context() as patched:
        _fingerprints_only(patched)
        bare = reconcile(extraction.claims, None, extraction.documents)
    # the corpus repeats values across unrelated events: fingerprints alone collide
    assert len({g.id for g in bare.groups}) < len(bare.groups) - 50
    _check_ids(bare, result)


@pytest.mark.parametrize("corpus", CORPORA, ids=lambda p: p.name)
def test_ids_are_unique_on_the_fixtures(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = reconcile_paths([corpus]).reconciliation
    with monkeypatch.context() as patched:
        _fingerprints_only(patched)
        bare = reconcile_paths([corpus]).reconciliation
    _check_ids(bare, result)


def test_ids_survive_moved_lines_and_file_order(tmp_path: Path) -> None:
    # France's strike day: "2 holidays" and "4,000 demonstrators" are each the values
    # of two groups, so the ids of those groups come from the disambiguation
    corpus = ROOT / "fixtures" / "realistic" / "france_strike_day"
    before = reconcile_paths([corpus]).reconciliation
    moved = tmp_path / "moved"
    shutil.copytree(corpus, moved)
    for path in moved.iterdir():
        if path.suffix in (".txt", ".md"):
            text = path.read_text(encoding="utf-8")
            path.write_text(text.replace("\n\n", "\n\n\n", 1), encoding="utf-8")
    files = sorted((p for p in moved.iterdir() if p.name != "gold.json"), reverse=True)
    after = reconcile_paths(files).reconciliation
    assert [c.line for g in after.groups for c in g.claims] != [
        c.line for g in before.groups for c in g.claims
    ]
    assert sorted((g.subject, g.id) for g in after.groups) == sorted(
        (g.subject, g.id) for g in before.groups
    )


def _seeds_conflict() -> Group:
    return reconcile_paths([ROOT / "seeds"]).reconciliation.conflicts[0]


def test_groups_alike_in_every_detail_are_told_apart_by_story_then_sources() -> None:
    group = _seeds_conflict()
    other_sources = replace(
        group, claims=tuple(replace(c, source="elsewhere/" + c.source) for c in group.claims)
    )
    stories = {id(group): "Hanoi", id(other_sources): "Nairobi"}
    by_story = unique_ids([group, other_sources], lambda g: stories[id(g)])
    same_story = unique_ids([group, other_sources], lambda g: "Hanoi")
    assert len({g.id for g in by_story}) == 2
    assert len({g.id for g in same_story}) == 2
    assert {g.id for g in by_story}.isdisjoint({g.id for g in same_story})  # levels differ
    assert group.id not in {g.id for g in by_story}


def test_groups_alike_in_every_word_get_ranked_ids_in_any_order() -> None:
    group = _seeds_conflict()
    apart = replace(group, claims=tuple(replace(c, start=c.start + 1) for c in group.claims))
    forward = unique_ids([group, apart], lambda g: "")
    backward = unique_ids([apart, group], lambda g: "")
    assert len({g.id for g in forward}) == 2
    assert [g.id for g in reversed(backward)] == [g.id for g in forward]


def test_a_group_with_its_own_fingerprint_keeps_it() -> None:
    group = _seeds_conflict()
    other = replace(group, id="0123456789ab")
    kept = unique_ids([group, other], lambda g: "")
    assert [g.id for g in kept] == [group.id, "0123456789ab"]


SUMMIT = "the Lisbon Ocean Summit at the Belem Cultural Centre, hosted by Portugal"


def _claims(texts: dict[str, str]) -> list[Claim]:
    claims: list[Claim] = []
    for name, text in texts.items():
        claims.extend(extract_text(text, source=name, document_date="2026-06-10"))
    return claims


def test_verdicts_and_fingerprints_do_not_depend_on_file_order_or_lines() -> None:
    texts = {
        "a.txt": f"More than 110 countries attended {SUMMIT}.",
        "b.txt": f"Delegations from 100 countries attended {SUMMIT}.",
        "c.txt": f"About 110 countries attended {SUMMIT}.",
    }
    claims = _claims(texts)
    baseline = {(g.id, g.status, g.severity) for g in reconcile(claims).groups}
    for order in itertools.permutations(claims):
        assert {(g.id, g.status, g.severity) for g in reconcile(order).groups} == baseline
    moved = _claims({k: "\n\nA new first paragraph.\n" + v for k, v in texts.items()})
    assert {g.id for g in reconcile(moved).conflicts} == {g.id for g in reconcile(claims).conflicts}
    changed = _claims({**texts, "b.txt": f"Delegations from 95 countries attended {SUMMIT}."})
    assert {g.id for g in reconcile(changed).conflicts} != {
        g.id for g in reconcile(claims).conflicts
    }
