"""Reconcile claims across sources: group equivalent claims, find conflicts, weigh support.

The reconciler reads claims only (never article text), so it runs the same on claims
fresh from extraction, from a cache or from Parquet files::

    >>> from hanoicheck.api import extract_paths
    >>> from hanoicheck.reconcile import reconcile
    >>> result = reconcile(extract_paths(["seeds"]).claims)      # doctest: +SKIP
    >>> [(c.severity, c.subject) for c in result.conflicts]      # doctest: +SKIP

Stages: sources are clustered into stories (:mod:`.stories`); every claim gets its
identifying details (:mod:`.facets`); claims are blocked by story, kind and subject
class and split into groups about one thing (:mod:`.grouping`); each group gets its
sides, verdict, consensus and explanation (:mod:`.verdict`), with copies of one
outlet counted once (:mod:`.independence`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from hanoicheck.model import Claim, Kind
from hanoicheck.reconcile.facets import Facets, build_facets
from hanoicheck.reconcile.grouping import GroupingOptions, blocks, group_block
from hanoicheck.reconcile.independence import independent_units
from hanoicheck.reconcile.model import (
    Conflict,
    Consensus,
    Group,
    Position,
    Reconciliation,
    Severity,
    Status,
)
from hanoicheck.reconcile.stories import cluster_stories, story_time, story_words
from hanoicheck.reconcile.verdict import judge
from hanoicheck.reconcile.vocabulary import Vocabulary, default_vocabulary, load_vocabulary

__all__ = [
    "Conflict",
    "Consensus",
    "Group",
    "Position",
    "ReconcileOptions",
    "Reconciliation",
    "Severity",
    "Status",
    "load_vocabulary",
    "reconcile",
]


@dataclass(frozen=True, slots=True)
class ReconcileOptions:
    """Everything that changes a verdict, in one place (a project config fills it).

    Hedge bands are not here: they are part of each claim, decided once at extraction
    (:mod:`hanoicheck.intervals`), so the reconciler compares what the exports print.

    ``near_miss``: two figures that may come from different sittings of a recurring
    session are flagged (as a warning) only when they differ by at most this fraction:
    18 vs 19 speakers (5%) may be one plenary counted twice, 14 vs 19 (26%) is more
    likely two plenaries. 15% keeps the first kind and drops the second.
    """

    near_miss: float = 0.15
    vocabulary: Vocabulary | None = None


def _severity_rank(group: Group) -> tuple[int, int, str, str]:
    status = {"conflict": 0, "agreed": 1, "uncorroborated": 2}[str(group.status)]
    severity = 0 if group.severity is Severity.ERROR else 1
    return status, severity, group.subject, group.id


def reconcile(claims: Iterable[Claim], options: ReconcileOptions | None = None) -> Reconciliation:
    """Group ``claims``, judge every group and return the reconciliation.

    The result does not depend on the order of ``claims`` (groups are built from
    sorted input and sorted on output).
    """
    options = options or ReconcileOptions()
    vocabulary = options.vocabulary or default_vocabulary()
    ordered = sorted(claims, key=lambda c: (c.source, c.start, c.end, c.id))
    by_source: dict[str, list[Claim]] = defaultdict(list)
    for claim in ordered:
        by_source[claim.source].append(claim)
    words = {source: story_words(items, vocabulary) for source, items in by_source.items()}
    times = {source: story_time(items) for source, items in by_source.items()}
    stories = cluster_stories(words, times)
    units, copies = independent_units(ordered, stories)
    facets = build_facets(ordered, stories, vocabulary)
    story_dates: dict[str, list[Facets]] = defaultdict(list)
    for facet in facets:
        if facet.claim.kind is Kind.DATE:
            story_dates[facet.story].append(facet)
    grouping = GroupingOptions(options.near_miss)
    groups: list[Group] = []
    for key, block in blocks(facets).items():
        dates = story_dates.get(key[0], [])
        groups.extend(
            judge(cluster.members, cluster.notes, units, vocabulary)
            for cluster in group_block(block, dates, vocabulary, grouping)
        )
    groups.sort(key=_severity_rank)
    return Reconciliation(
        groups=tuple(groups),
        sources=tuple(by_source),
        claim_count=len(ordered),
        stories=len(set(stories.values())),
        copies=tuple(copies),
    )
