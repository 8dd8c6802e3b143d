"""Years for year-less dates, taken from the story they belong to.

"HANOI, Oct 25 (Some Wire) -" gives a day and no year, and an article with no date at
all writes "held on October 15". Left year-less, such a document's weekdays ("on
Tuesday") cannot be resolved and its dates are compared with every other source by day
of the year alone. Its story knows better: the other documents of the story are dated,
and so are the dates they give for the event. A year-less date takes the year that puts
it nearest the middle of those dates (``year_inferred``); a document with a year-less
dateline is read again with the completed date, so its weekdays resolve too.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import replace

from hanoicheck.intervals import has_year
from hanoicheck.model import Claim, Document, Kind
from hanoicheck.reconcile import story_inputs
from hanoicheck.reconcile.stories import cluster_stories


def story_moments(
    documents: Sequence[Document], claims: Mapping[str, Sequence[Claim]]
) -> dict[str, float]:
    """``source -> the middle day (an ordinal) of its story`` for every document whose
    story holds a dated document."""
    by_source = {d.source: d for d in documents}
    inputs = story_inputs({s: claims.get(s, ()) for s in by_source}, by_source)
    stories = cluster_stories(inputs)
    times: dict[str, list[float]] = {}
    for item in inputs:
        if item.dated:
            times.setdefault(stories[item.source], []).extend(item.times)
    middles = {story: statistics.median(moments) for story, moments in times.items() if moments}
    return {s: middles[story] for s, story in stories.items() if story in middles}


def dateline_days(documents: Sequence[Document], moments: Mapping[str, float]) -> dict[str, str]:
    """``source -> full date`` for each document dated by a year-less dateline."""
    completed = {}
    for document in documents:
        moment = moments.get(document.source)
        if document.date and not has_year(document.date) and moment is not None:
            full = _nearest(document.date, moment)
            if full is not None:
                completed[document.source] = full
    return completed


def complete_claims(claims: Sequence[Claim], moment: float) -> list[Claim]:
    """Claims whose year-less dates take the year nearest their story's middle day."""
    return [_complete(claim, moment) for claim in claims]


def _complete(claim: Claim, moment: float) -> Claim:
    def full(iso: str | None) -> str | None:
        if iso is None or has_year(iso):
            return iso
        return "/".join(_nearest(part, moment) or part for part in iso.split("/"))

    value, event = claim.value, claim.event
    new_event = replace(event, date=full(event.date))
    new_as_of = full(claim.as_of)
    new_value = value
    if claim.kind is Kind.DATE:
        new_value = replace(
            value, nominal=full(value.nominal), low=full(value.low), high=full(value.high)
        )
    if (new_event, new_as_of, new_value) == (event, claim.as_of, value):
        return claim
    return replace(claim, event=new_event, as_of=new_as_of, value=new_value, year_inferred=True)


def _nearest(yearless: str, moment: float) -> str | None:
    """``--10-25`` in the year that puts it nearest the day ``moment`` (an ordinal)."""
    month, day = int(yearless[2:4]), int(yearless[5:7])
    around = dt.date.fromordinal(int(moment)).year
    best: tuple[float, dt.date] | None = None
    for year in (around - 1, around, around + 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        gap = abs(candidate.toordinal() - moment)
        if best is None or gap < best[0]:
            best = (gap, candidate)
    return best[1].isoformat() if best else None
