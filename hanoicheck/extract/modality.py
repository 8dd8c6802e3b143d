"""Whether a figure is a reported fact, a forecast, a plan, an estimate or a first count.

Only a reported fact can be an outlet's error: "organisers expect 900 visitors" set
against "1,200 came" is a forecast missed, not a contradiction, and "the treaty needs
60 ratifications" is a threshold, not a count. The cue phrases are data
(``data/context.toml``, ``[modality.*]``): a cue counts when it stands in the figure's
own clause, before it ("is expected to bring 300") or just after it ("18 leaders are
expected to attend"), and no say-verb stands between them ("organisers hoped for 1,000;
officials said 1,200 came" reports the 1,200). The nearest cue decides.
"""

from __future__ import annotations

import re
from functools import cache

from hanoicheck.lexicon import data_table, phrases
from hanoicheck.model import Modality, Span

# How far a cue may stand from its figure, in characters: a clause, not a paragraph.
REACH_BEFORE = 140
REACH_AFTER = 45
_CLAUSE_END = re.compile(
    r"[;:]|\s[\u2013\u2014-]\s|,\s+(?:while|whereas|although|though)\b|\bbut\b"
)


@cache
def _cues() -> list[tuple[Modality, re.Pattern[str], re.Pattern[str]]]:
    table = data_table("context")["modality"]
    found = []
    for name in ("estimate", "preliminary", "plan", "forecast"):
        entry = table[name]
        before = re.compile(phrases(entry["before"]), re.IGNORECASE)
        after = re.compile(r"[^,;.]{0,25}?(?P<cue>" + phrases(entry["after"]) + ")", re.I)
        found.append((Modality(name), before, after))
    return found


@cache
def _barrier() -> re.Pattern[str]:
    return re.compile(phrases(data_table("context")["modality"]["barriers"]["words"]), re.I)


def _is_month(word: str) -> bool:
    """ "May" the month, not "may" the modal verb."""
    return word == "May"


def modality_of(text: str, sentence: Span, start: int, end: int) -> Modality:
    """How the sentence at ``sentence`` puts the figure at ``[start, end)``."""
    low = max(sentence.start, start - REACH_BEFORE)
    window = text[low:start]
    cut = 0
    for boundary in _CLAUSE_END.finditer(window):
        cut = boundary.end()  # only the figure's own clause counts
    window = window[cut:]
    barriers = [m.end() for m in _barrier().finditer(window)]
    best: tuple[int, Modality] | None = None
    for modality, before, after in _cues():
        for match in before.finditer(window):
            if _is_month(match.group(0)) or any(b > match.end() for b in barriers):
                continue
            gap = len(window) - match.end()
            if best is None or gap < best[0]:
                best = (gap, modality)
        follow = after.match(text, end, min(sentence.end, end + REACH_AFTER))
        if follow is not None and not _is_month(follow.group("cue")):
            gap = follow.start("cue") - end
            if best is None or gap < best[0]:
                best = (gap, modality)
    return best[1] if best else Modality.REPORTED


@cache
def _forecast_sources() -> re.Pattern[str]:
    return re.compile(phrases(data_table("context")["modality"]["forecast"]["sources"]), re.I)


def forecast_source(modality: Modality, who: str | None) -> Modality:
    """A figure credited to a poll or a projection ("according to an exit poll", "the
    forecast put the Liberal Democrats on 61 seats") is a forecast, whatever its verb."""
    if modality is Modality.REPORTED and who and _forecast_sources().search(who):
        return Modality.FORECAST
    return modality
