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
outlet counted once (:mod:`.independence`); groups that share a fingerprint get ids
of their own (:mod:`.ids`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from hanoicheck.intervals import has_year
from hanoicheck.model import Claim, Document, Kind
from hanoicheck.reconcile.budget import NOT_COMPARED, within_budget
from hanoicheck.reconcile.facets import Facets, build_facets
from hanoicheck.reconcile.grouping import GroupingOptions, blocks, group_block
from hanoicheck.reconcile.ids import unique_ids
from hanoicheck.reconcile.independence import outlets_by_source
from hanoicheck.reconcile.misprint import misprinted_pairs, money_blocks
from hanoicheck.reconcile.model import (
    Consensus,
    Group,
    Position,
    Reconciliation,
    Severity,
    Status,
)
from hanoicheck.reconcile.stories import StoryInput, cluster_stories, story_names
from hanoicheck.reconcile.verdict import judge
from hanoicheck.reconcile.vocabulary import Vocabulary, default_vocabulary, load_vocabulary
from hanoicheck.reconcile.years import complete, has_yearless, story_middles
from hanoicheck.sources.terms import terms as text_terms

__all__ = [
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

    ``one_story``: the user says every input tells one story (``--one-story``), so no
    document is set apart for its words or its dates.
    """

    near_miss: float = 0.15
    vocabulary: Vocabulary | None = None
    one_story: bool = False


def _severity_rank(group: Group) -> tuple[int, int, str, str]:
    status = {"conflict": 0, "agreed": 1, "uncorroborated": 2}[str(group.status)]
    severity = 0 if group.severity is Severity.ERROR else 1
    return status, severity, group.subject, group.id


def reconcile(
    claims: Iterable[Claim],
    options: ReconcileOptions | None = None,
    documents: Iterable[Document] = (),
) -> Reconciliation:
    """Group ``claims``, judge every group and return the reconciliation.

    ``documents`` are the claims' documents (their text may be dropped: their terms
    and dates are what stories are built from); without them, stories are built from
    the claims' own sentences. The result does not depend on the order of ``claims``
    (groups are built from sorted input and sorted on output).
    """
    options = options or ReconcileOptions()
    vocabulary = options.vocabulary or default_vocabulary()
    documents = tuple(documents)
    ordered = sorted(claims, key=lambda c: (c.source, c.start, c.end, c.id))
    by_source: dict[str, list[Claim]] = defaultdict(list)
    for claim in ordered:
        by_source[claim.source].append(claim)
    inputs = story_inputs(by_source, {d.source: d for d in documents})
    stories = cluster_stories(inputs, one_story=options.one_story)
    if any(has_yearless(c) for c in ordered):
        middles = story_middles(inputs, stories)
        ordered = [complete(c, middles[c.source]) if c.source in middles else c for c in ordered]
    outlet_of, copies = outlets_by_source(ordered, stories)
    facets, aside = within_budget(build_facets(ordered, stories, vocabulary, outlet_of))
    story_dates: dict[str, list[Facets]] = defaultdict(list)
    for facet in facets:
        if facet.claim.kind is Kind.DATE:
            story_dates[facet.story].append(facet)
    grouping = GroupingOptions(options.near_miss)
    groups: list[Group] = []
    every_cluster: list[list[Facets]] = []
    for key, block in blocks(facets).items():
        dates = story_dates.get(key[0], [])
        clusters = group_block(block, dates, vocabulary, grouping)
        every_cluster.extend(list(c.members) for c in clusters)
        groups.extend(
            judge(cluster.members, cluster.notes, outlet_of, vocabulary) for cluster in clusters
        )
        groups.extend(
            judge(members, [], outlet_of, vocabulary)
            for members in misprinted_pairs(block, [c.members for c in clusters], vocabulary)
        )
    for joined in money_blocks(facets):
        groups.extend(
            judge(members, [], outlet_of, vocabulary)
            for members in misprinted_pairs(joined, every_cluster, vocabulary, across=True)
        )
    groups.extend(judge([facet], [NOT_COMPARED], outlet_of, vocabulary) for facet in aside)
    names = story_names(inputs, stories)
    groups = unique_ids(groups, lambda g: names[stories[g.claims[0].source]])
    groups.sort(key=_severity_rank)
    sizes = Counter(stories.values())
    return Reconciliation(
        groups=tuple(groups),
        # every source read, with or without claims ("2 sources, 0 claims" is news)
        sources=tuple(sorted({*by_source, *(d.source for d in documents)})),
        claim_count=len(ordered),
        stories=len(set(stories.values())),
        copies=tuple(copies),
        story_names=tuple(sorted((names[s], sizes[s]) for s in names)),
    )


def story_inputs(
    by_source: Mapping[str, Sequence[Claim]], documents: Mapping[str, Document]
) -> list[StoryInput]:
    """Terms and times of every source with claims: from its document, else its claims."""
    inputs = []
    for source, claims in by_source.items():
        document = documents.get(source)
        terms = document.terms if document is not None and document.terms else ()
        if not terms:
            terms = text_terms("\n".join(dict.fromkeys(c.sentence for c in claims)))
        moments = {
            _ordinal(str(value))
            for c in claims
            if c.kind is Kind.DATE
            for value in (c.value.low, c.value.high)
            if value is not None and has_year(str(value))
        }
        published = document.date if document is not None else claims[0].document_date
        own = _ordinal(published) if published and has_year(published) else None
        if own is not None:
            moments.add(own)
        inputs.append(StoryInput(source, terms, tuple(sorted(moments)), own))
    return inputs


def _ordinal(iso: str) -> float:
    return float(date.fromisoformat(iso[:10]).toordinal())
