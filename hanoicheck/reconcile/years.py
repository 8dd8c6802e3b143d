"""Years for year-less dates, from the story they belong to.

An article with no date of its own writes "held on October 15"; a wire story dated
"HANOI, Oct 25 (Some Wire) -" says no year either. Compared by day of the year alone,
such a date can still clash with "2025-10-25", but it cannot be ordered, shown or
exported as the day it is. Its story knows better: the other documents of the story are
dated, and so are the dates they give for the event. A year-less date takes the year
that puts it nearest the middle of those dates, and is marked ``year_inferred``.

This works on claims and documents alone, so reconciling from files, a cache or
Parquet completes the same years (the driver also reads a year-less dateline's article
again with the completed date, so that its weekdays resolve: see ``hanoicheck.years``).
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import replace

from hanoicheck.intervals import has_year
from hanoicheck.model import Claim, Kind
from hanoicheck.reconcile.stories import StoryInput


def story_middles(inputs: Sequence[StoryInput], stories: Mapping[str, str]) -> dict[str, float]:
    """``source -> the middle day (an ordinal) of its story``, where the story has dates."""
    times: dict[str, list[float]] = {}
    for item in inputs:
        if item.published is not None:
            times.setdefault(stories[item.source], []).extend(item.times)
    middles = {story: statistics.median(moments) for story, moments in times.items() if moments}
    return {s: middles[story] for s, story in stories.items() if story in middles}


def nearest_day(yearless: str, moment: float) -> str | None:
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


def has_yearless(claim: Claim) -> bool:
    """Whether a claim holds a date without a year (its value, its event's, its as-of)."""
    dates = [claim.event.date, claim.as_of]
    if claim.kind is Kind.DATE:
        dates += [claim.value.low, claim.value.high]
    return any(d is not None and str(d).startswith("--") for d in dates)


def complete(claim: Claim, moment: float) -> Claim:
    """The claim with every year-less date in the year nearest its story's middle day."""
    if not has_yearless(claim):
        return claim

    def full(iso: str | None) -> str | None:
        if iso is None or has_year(iso):
            return iso
        return "/".join(nearest_day(part, moment) or part for part in iso.split("/"))

    value = claim.value
    if claim.kind is Kind.DATE:
        value = replace(
            value, nominal=full(value.nominal), low=full(value.low), high=full(value.high)
        )
    return replace(
        claim,
        event=replace(claim.event, date=full(claim.event.date)),
        as_of=full(claim.as_of),
        value=value,
        year_inferred=True,
    )
