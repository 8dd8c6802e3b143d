"""How many figures of one source the reconciler compares: a bound on work per source.

Grouping compares the claims of a block (story, kind, subject class) with each other,
so its work grows with the square of the block. Blocking keeps blocks small across
sources, but nothing kept them small within one: a news article gives a few figures of
one kind about one thing (the realistic fixtures, whole web pages, at most 50 in one
block), while a 100 kB file of figures (``$1$1$1...``) gave 50,000, and comparing each
with every other took 25 s at 10 kB and over 600 s at 100 kB.

So a source brings at most :data:`MAX_COMPARED_PER_SOURCE` figures of a block to the
comparison, the first in its text. The others are not compared: each is a group of its
own (uncorroborated, with a note saying why), so it stays in the fact table and the
work per source stays bounded, whatever the file.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover - typing only (facets reads the bound too)
    from hanoicheck.reconcile.facets import Facets

__all__ = ["MAX_COMPARED_PER_SOURCE", "NOT_COMPARED", "within_budget"]

#: Four times the most any page of the realistic fixtures gives in one block.
MAX_COMPARED_PER_SOURCE = 200
NOT_COMPARED = (
    f"not compared: its source gives more than {MAX_COMPARED_PER_SOURCE} figures of this kind"
)


def within_budget(facets: Sequence[Facets]) -> tuple[list[Facets], list[Facets]]:
    """``facets`` (in text order per source) split into those compared and those set aside."""
    seen: Counter[tuple[tuple[str, str, str], str]] = Counter()
    compared: list[Facets] = []
    aside: list[Facets] = []
    for facet in facets:
        key = (facet.block, facet.claim.source)
        seen[key] += 1
        (compared if seen[key] <= MAX_COMPARED_PER_SOURCE else aside).append(facet)
    return compared, aside
