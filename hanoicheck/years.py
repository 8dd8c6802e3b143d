"""Articles dated by a year-less dateline, read again with the year their story gives.

"HANOI, Oct 25 (Some Wire) -" gives a day and no year. The reconciler completes the
year of such dates from the story (:mod:`hanoicheck.reconcile.years`), but a weekday
("on Tuesday") can only be resolved by reading the article again with a full date. So
the extraction driver holds such articles back while it streams the others, and at the
end reads them again with the dateline in the year that puts it nearest the middle of
its story's dates (``year_inferred``). They come last in the output; everything else
keeps the discovery order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace

from hanoicheck.intervals import has_year
from hanoicheck.model import Document, SourceError
from hanoicheck.parallel import DocumentClaims, ExtractItem

Reread = Callable[[Document], DocumentClaims | None]


def dated_by_story(items: Iterable[ExtractItem], reread: Reread) -> Iterator[ExtractItem]:
    """``items`` in order, those with a year-less dateline last, read again when their
    story dates them (``reread`` gets the document with its completed date)."""
    held: list[DocumentClaims] = []
    seen: list[DocumentClaims] = []
    for item in items:
        if not isinstance(item, SourceError):
            seen.append(DocumentClaims(item.document, item.claims))
            date = item.document.date
            if date is not None and not has_year(date):
                held.append(item)
                continue
        yield item
    if not held:
        return
    # The reconciler is imported only when an article is held back: most runs have
    # none, and importing it is a fifth of the start-up of ``extract`` on one file.
    from hanoicheck.reconcile import story_inputs
    from hanoicheck.reconcile.stories import cluster_stories
    from hanoicheck.reconcile.years import nearest_day, story_middles

    documents = {i.document.source: i.document for i in seen}
    inputs = story_inputs({i.document.source: i.claims for i in seen}, documents)
    middles = story_middles(inputs, cluster_stories(inputs))
    for item in held:
        document = item.document
        middle = middles.get(document.source)
        day = nearest_day(document.date, middle) if middle and document.date else None
        again = reread(replace(document, date=day, year_inferred=True)) if day else None
        yield again if again is not None else item
