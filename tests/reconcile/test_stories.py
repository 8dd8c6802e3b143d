"""Story clustering: which sources may be compared, and that linking stays exact at scale.

The linker scores one source at a time instead of tabulating every pair that shares a
word (which took 3.8 GB at 100,000 articles). The reference below is that simple
tabulation, written for the test from the rules in the module docstrings; the fast
linker must find exactly its links.
"""

from __future__ import annotations

import math
from collections import defaultdict

from hypothesis import given, settings
from hypothesis import strategies as st

from hanoicheck.reconcile import stories
from hanoicheck.reconcile.stories import cluster_stories


def reference_links(
    words_by_source: dict[str, set[str]], times: dict[str, float | None]
) -> dict[tuple[str, str], float]:
    """Every qualifying link by brute force over all pairs of sources."""
    sources = sorted(words_by_source)
    holders: dict[str, list[str]] = defaultdict(list)
    for source in sources:
        for word in words_by_source[source]:
            holders[word].append(source)
    total = len(sources)
    weight = {w: math.log((1 + total) / (1 + len(h))) + 1 for w, h in holders.items()}
    mass = {s: sum(weight[w] for w in words_by_source[s]) or 1.0 for s in sources}
    shared: dict[tuple[str, str], list[str]] = defaultdict(list)
    for word, holding in holders.items():
        dated = sorted((t, s) for s in holding if (t := times.get(s)) is not None)
        undated = [s for s in holding if times.get(s) is None]
        pairs: list[tuple[str, str]] = []
        if undated and len(holding) <= stories.MAX_SHARED_BY:
            for i, a in enumerate(undated):
                pairs += [(a, b) for b in undated[i + 1 :]]
                pairs += [(a, b) for _, b in dated]
        for i, (t, a) in enumerate(dated):
            window = [b for u, b in dated[i + 1 :] if u - t <= stories.MAX_DAYS_APART]
            if len(window) + 1 <= stories.MAX_SHARED_BY:
                pairs += [(a, b) for b in window]
        for a, b in pairs:
            shared[(min(a, b), max(a, b))].append(word)
    links = {}
    for (a, b), words in shared.items():
        score = sum(weight[w] for w in words) / min(mass[a], mass[b])
        enough = len(words) >= stories.MIN_SHARED_WORDS or score >= stories.SINGLE_WORD_SHARE
        if enough and score >= stories.MIN_SHARED_WEIGHT:
            links[(a, b)] = score
    return links


NAMES = st.sampled_from(["hanoi", "geneva", "cybercrime", "plastics", "accra", "lima", "un"])
SOURCES = st.dictionaries(
    st.text("abcdefgh", min_size=1, max_size=3),
    st.tuples(
        st.sets(NAMES, max_size=4),
        st.one_of(st.none(), st.integers(0, 80).map(float)),
    ),
    min_size=1,
    max_size=14,
)


@settings(max_examples=300, deadline=None)
@given(SOURCES, st.integers(2, 6))
def test_links_are_exactly_the_brute_force_links(
    corpus: dict[str, tuple[set[str], float | None]], cap: int
) -> None:
    words = {source: names for source, (names, _) in corpus.items()}
    times = {source: when for source, (_, when) in corpus.items()}
    old_cap = stories.MAX_SHARED_BY
    stories.MAX_SHARED_BY = cap  # small, so the crowded-window rule is exercised
    try:
        expected = reference_links(words, times)
        sources = sorted(words)
        found = stories._links(sources, words, times)
    finally:
        stories.MAX_SHARED_BY = old_cap
    got = {(sources[a], sources[b]): -score for score, a, b in found}
    assert got.keys() == expected.keys()
    for pair, score in got.items():
        assert math.isclose(score, expected[pair], rel_tol=1e-9)
    assert [score for score, *_ in found] == sorted(score for score, *_ in found)


def test_same_names_weeks_apart_are_two_stories() -> None:
    words = {name: {"accra", "plastics", "convention"} for name in ("a", "b", "c", "d")}
    # a and b: one week of coverage; c and d: the same names five weeks later
    times = {"a": 100.0, "b": 106.0, "c": 135.0, "d": 139.0}
    result = cluster_stories(words, times)
    assert result["a"] == result["b"]
    assert result["c"] == result["d"]
    assert result["a"] != result["c"]


def test_a_chain_of_daily_reports_never_spans_more_than_the_limit() -> None:
    days = range(0, 60, 3)  # a report every three days for two months, same names
    words = {f"s{day:02d}": {"lima", "cybercrime"} for day in days}
    times = {f"s{day:02d}": float(day) for day in days}
    result = cluster_stories(words, times)
    for story in set(result.values()):
        members = [times[s] for s, story_id in result.items() if story_id == story]
        assert max(members) - min(members) <= stories.MAX_DAYS_APART
    assert len(set(result.values())) >= 60 // stories.MAX_DAYS_APART
