"""Grouping compares a claim with a group once per kind of member (``_Members``): the
verdicts must be those of ``identity`` asked of every member, on a generated corpus
whose stories have groups of many members."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from hanoicheck.api import extract_paths
from hanoicheck.reconcile import grouping as grouping_module
from hanoicheck.reconcile import reconcile
from hanoicheck.reconcile.facets import Facets, Identity, identity
from hanoicheck.reconcile.vocabulary import Vocabulary
from tests.gold import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))

from generate import generate

_STRENGTH = [Identity.UNTIED, Identity.POSSIBLE, Identity.SAME]


def _reference(
    facet: Facets, members: list[Facets], vocabulary: Vocabulary
) -> tuple[Identity | None, int]:
    verdicts = [identity(facet, m, vocabulary, why=False)[0] for m in members]
    if Identity.DIFFERENT in verdicts:
        return None, 0
    return max(verdicts, key=_STRENGTH.index), verdicts.count(Identity.SAME)


def test_grouping_by_kinds_of_member_gives_identitys_verdicts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    checked = {"groups": 0, "apart": 0, "shared": 0, "counted": 0}
    real_strongest = grouping_module._Against.strongest
    real_count = grouping_module._Against.same_count

    def flat(members: Any) -> list[Facets]:
        return [m for kind in members.kinds.values() for m in kind]

    def strongest(self: Any, members: Any) -> Identity | None:
        found = real_strongest(self, members)
        assert found == _reference(self.facet, flat(members), self.vocabulary)[0]
        checked["groups"] += 1
        checked["apart"] += found is None
        checked["shared"] += len(members.kinds) < len(flat(members))
        return found

    def same_count(self: Any, members: Any) -> int:
        found = real_count(self, members)
        assert found == _reference(self.facet, flat(members), self.vocabulary)[1]
        checked["counted"] += 1
        return found

    monkeypatch.setattr(grouping_module._Against, "strongest", strongest)
    monkeypatch.setattr(grouping_module._Against, "same_count", same_count)
    generate(tmp_path / "corpus", 1000, seed=5)
    extraction = extract_paths([tmp_path / "corpus"], jobs=1, keep_text=False)
    reconcile(extraction.claims, documents=extraction.documents)
    assert checked["groups"] > 1000, checked
    assert checked["apart"] > 100, checked
    assert checked["shared"] > 100, checked  # members of one kind answered once
    assert checked["counted"] > 10, checked
