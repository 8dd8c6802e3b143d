"""Which sources are independent: copies of one agency, or near-identical texts, count once.

Three VNA stories agreeing are one outlet agreeing with itself. A source's unit is its
credited outlet (folded: "VNA" = "vna"); a source with no outlet is its own unit. Two
sources of one story whose claim sentences are nearly the same text (a wire story
reprinted) are merged into one unit as well.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import PurePath

from rapidfuzz import fuzz

from hanoicheck.model import Claim
from hanoicheck.reconcile.vocabulary import fold

NEAR_DUPLICATE = 90.0  # rapidfuzz ratio of two sources' claim sentences
# Below this much claim text, two short items that share a template are not "copies":
# a reprint is recognised by a shared body of text, not by one similar sentence.
MIN_DUPLICATE_TEXT = 400
MAX_COMPARED_PER_STORY = 300  # beyond this, only outlets decide (keeps the cost bounded)


def outlets_by_source(
    claims: Iterable[Claim], stories: Mapping[str, str]
) -> tuple[dict[str, str], list[tuple[str, tuple[str, ...]]]]:
    """Map each source to the outlet it counts as, and list the merged copies.

    Returns ``(outlet_of, copies)`` where ``copies`` names each outlet that stands
    for more than one file, for the report ("3 files credited to VNA count once").
    """
    sentences: dict[str, list[str]] = defaultdict(list)
    outlets: dict[str, str] = {}
    for claim in claims:
        if claim.sentence not in sentences[claim.source]:
            sentences[claim.source].append(claim.sentence)
        if claim.outlet and claim.source not in outlets:
            outlets[claim.source] = claim.outlet
    unit = {s: outlets.get(s) or PurePath(s).name for s in sentences}
    by_folded: dict[str, str] = {}
    for source in sorted(unit):
        name = unit[source]
        unit[source] = by_folded.setdefault(fold(name), name)
    by_story: dict[str, list[str]] = defaultdict(list)
    for source in sorted(sentences):
        by_story[stories.get(source, source)].append(source)
    for members in by_story.values():
        if len(members) > MAX_COMPARED_PER_STORY:
            continue
        texts = {s: " ".join(sentences[s]) for s in members}
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if unit[a] != unit[b] and _near_duplicates(texts[a], texts[b]):
                    _merge(unit, unit[a], unit[b])
    files: dict[tuple[str, str], list[str]] = defaultdict(list)
    for source, name in unit.items():
        files[(stories.get(source, source), name)].append(source)
    copies = [(name, tuple(sorted(fs))) for (_, name), fs in sorted(files.items()) if len(fs) > 1]
    return unit, copies


def _near_duplicates(a: str, b: str) -> bool:
    """Two texts of at least :data:`MIN_DUPLICATE_TEXT` characters, nearly the same.

    rapidfuzz's ratio is 2 * matching / (len(a) + len(b)), so texts whose lengths alone
    keep it under the threshold are not compared at all, and a comparison stops as soon
    as the threshold is out of reach (``score_cutoff``).
    """
    shorter, longer = sorted((len(a), len(b)))
    if shorter < MIN_DUPLICATE_TEXT or 200 * shorter < NEAR_DUPLICATE * (shorter + longer):
        return False
    return fuzz.ratio(a, b, score_cutoff=NEAR_DUPLICATE) >= NEAR_DUPLICATE


def _merge(unit: dict[str, str], keep: str, drop: str) -> None:
    keep, drop = sorted((keep, drop))
    for source, name in unit.items():
        if name == drop:
            unit[source] = keep
