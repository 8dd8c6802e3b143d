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


def independent_units(
    claims: Iterable[Claim], stories: Mapping[str, str]
) -> tuple[dict[str, str], list[tuple[str, tuple[str, ...]]]]:
    """Map each source to the outlet it counts as, and list the merged copies.

    Returns ``(unit_by_source, copies)`` where ``copies`` names each unit that stands
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
                long_enough = min(len(texts[a]), len(texts[b])) >= MIN_DUPLICATE_TEXT
                if (
                    long_enough
                    and unit[a] != unit[b]
                    and fuzz.ratio(texts[a], texts[b]) >= NEAR_DUPLICATE
                ):
                    _merge(unit, unit[a], unit[b])
    files: dict[tuple[str, str], list[str]] = defaultdict(list)
    for source, name in unit.items():
        files[(stories.get(source, source), name)].append(source)
    copies = [(name, tuple(sorted(fs))) for (_, name), fs in sorted(files.items()) if len(fs) > 1]
    return unit, copies


def _merge(unit: dict[str, str], keep: str, drop: str) -> None:
    keep, drop = sorted((keep, drop))
    for source, name in unit.items():
        if name == drop:
            unit[source] = keep
