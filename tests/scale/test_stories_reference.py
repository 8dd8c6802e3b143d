"""Story linking skips comparisons that cannot change a story (documents already in one
story, a join to a story refused since the last join); the stories must be those of
the plain loop that compares every probed pair, kept here as the reference."""

from __future__ import annotations

import math
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

from hanoicheck.api import extract_paths
from hanoicheck.model import Claim
from hanoicheck.reconcile import story_inputs
from hanoicheck.reconcile.stories import (
    NONE,
    PROBE_TERMS,
    RECENT,
    SPAN_DAYS,
    STRONG,
    StoryInput,
    _lead_name,
    _linked,
    _near,
    _recap,
    _Stories,
    cluster_stories,
    term_weights,
)
from tests.gold import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))

from generate import generate


def _reference(items: Sequence[StoryInput]) -> dict[str, str]:
    """cluster_stories as it was before the shortcuts: every probed pair is compared."""
    sources = sorted(i.source for i in items)
    frequency, weights = term_weights(items)
    ordered = sorted(
        items, key=lambda i: (i.published if i.published is not None else math.inf, i.source)
    )
    leads = {item.source: _lead_name(item) for item in ordered}
    mass = {source: sum(w.values()) or 1.0 for source, w in weights.items()}
    by_source = {item.source: item for item in ordered}
    postings: dict[str, list[str]] = defaultdict(list)
    stories = _Stories(items)
    for item in ordered:
        mine = weights[item.source]
        shared = [t for t in mine if frequency[t] > 1]
        probes = sorted(shared, key=lambda t: (-mine[t], t))[:PROBE_TERMS]
        seen: set[str] = set()
        for term in probes:
            for other in postings[term][-RECENT:]:
                if other in seen:
                    continue
                seen.add(other)
                if not _near(item, by_source[other]):
                    continue
                link = _linked(
                    mine, weights[other], mass[item.source], mass[other], leads, item.source, other
                )
                if link == NONE:
                    continue
                recap = _recap(by_source[other], item)
                if recap and link != STRONG:
                    continue
                if not stories.union(other, item.source, recap=recap) and link == STRONG:
                    stories.union(other, item.source, recap=True)
        for term in mine:
            postings[term].append(item.source)
    return {source: stories.find(source) for source in sources}


def _inputs(claims: Sequence[Claim], documents: Sequence[object]) -> list[StoryInput]:
    by_source: dict[str, list[Claim]] = defaultdict(list)
    for claim in sorted(claims, key=lambda c: (c.source, c.start, c.end, c.id)):
        by_source[claim.source].append(claim)
    return story_inputs(by_source, {d.source: d for d in documents})  # type: ignore[attr-defined]


def test_stories_are_those_of_the_plain_loop(tmp_path: Path) -> None:
    generate(tmp_path / "corpus", 1500, seed=9)
    extraction = extract_paths([tmp_path / "corpus"], jobs=1, keep_text=False)
    inputs = _inputs(extraction.claims, extraction.documents)
    found = cluster_stories(inputs)
    assert found == _reference(inputs)
    sizes = Counter(found.values())
    assert len(sizes) > 20 and max(sizes.values()) > 20  # stories of many documents


def test_a_refused_join_changes_nothing() -> None:
    a = StoryInput("a", ("Hanoi",), (1.0,), 1.0)
    b = StoryInput("b", ("Hanoi",), (1.0 + SPAN_DAYS + 5,), 1.0 + SPAN_DAYS + 5)
    stories = _Stories([a, b])
    assert not stories.union("a", "b")
    assert stories.find("b") == "b" and stories.core["a"] == (1.0, 1.0)
    c = StoryInput("c", ("Hanoi",), (2.0,), 2.0)
    stories = _Stories([a, c])
    assert stories.union("a", "c")
    assert not stories.union("a", "c")  # one story already
    assert stories.find("c") == "a" and stories.core["a"] == (1.0, 2.0)
