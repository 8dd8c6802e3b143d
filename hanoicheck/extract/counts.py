"""Counts: a figure followed by what it counts ("more than 110 national delegations").

A figure is a count only when a counted noun follows it (after at most two modifiers),
so "one of the most pressing", "the 2030 Agenda" and bare numbers are not claims. The
noun is normalised through the lexicon (nations -> countries); a plural noun the
lexicon does not know is kept as written, so unseen topics ("42 villages") still work,
unless it is a unit of time or measure, which is not a count of things.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from hanoicheck.extract import context
from hanoicheck.extract.numbers import Figure
from hanoicheck.lexicon import alternation, default_lexicon
from hanoicheck.model import Claim, Kind, Subject

if TYPE_CHECKING:
    from hanoicheck.extract.sentence import SentenceContext

_NOT_COUNTED = frozenset(
    [
        "years",
        "months",
        "weeks",
        "days",
        "hours",
        "minutes",
        "seconds",
        "decades",
        "centuries",
        "times",
        "percent",
        "points",
        "kilometres",
        "kilometers",
        "km",
        "miles",
        "metres",
        "meters",
        "tonnes",
        "tons",
        "degrees",
        "pages",
        "cents",
        "pixels",
        "kilograms",
        "kg",
        "litres",
        "liters",
        "hectares",
        "acres",
        "feet",
        "inches",
        "pounds",
        "dollars",
        "euros",
        "yen",
        "dong",
        "rounds",
        "goals",
        "votes%",
        "billions",
        "millions",
        "thousands",
        "hundreds",
        "dozens",
        "times-fold",
        "folds",
        "others",
        "things",
        "ways",
        "aspects",
        "years-old",
    ]
)
_MODIFIER_STOP = frozenset(
    [
        "of",
        "and",
        "or",
        "the",
        "a",
        "an",
        "to",
        "in",
        "on",
        "at",
        "for",
        "from",
        "with",
        "by",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "that",
        "which",
        "who",
        "this",
        "these",
        "those",
        "than",
        "more",
        "over",
        "about",
        "around",
        "nearly",
        "some",
        "its",
        "their",
        "per",
        "but",
        "not",
        "also",
        "into",
        "across",
    ]
)


@cache
def _noun_pattern() -> re.Pattern[str]:
    lex = default_lexicon()
    nouns = alternation([s for forms in lex.nouns.values() for s in forms])
    return re.compile(
        rf"(?P<mods>(?:[\s-]+[A-Za-z][\w\u2019'-]*){{0,3}}?)[\s-]+(?P<noun>{nouns})\b"
        r"|(?P<gmods>(?:[\s-]+[a-z][\w\u2019'-]*){0,1}?)[\s-]+(?P<generic>[a-z]{3,}s)\b",
        re.IGNORECASE,
    )


def _counted_noun(ctx: SentenceContext, figure: Figure) -> tuple[str, int, str] | None:
    """(canonical noun, end offset, surface) of what the figure counts, if anything."""
    text = ctx.text
    after = text[figure.end : min(ctx.sentence.end, figure.end + 60)]
    if figure.vague:  # "thousands of people": the noun follows "of"
        after = " " + after
    match = _noun_pattern().match(after)
    if not match:
        return None
    mods = (match.group("mods") if match.group("noun") else match.group("gmods")) or ""
    words = [w.lower() for w in re.findall(r"[\w\u2019'-]+", mods)]
    # "national and international delegations": "and" may join two modifiers
    joined = [w for i, w in enumerate(words) if not (w in ("and", "or") and 0 < i < len(words) - 1)]
    if any(w in _MODIFIER_STOP for w in joined):
        return None
    if figure.in_words and len(mods.split()) > 1:
        return None
    surface = (match.group("noun") or match.group("generic")).lower()
    end = figure.end - (1 if figure.vague else 0) + match.end()
    if match.group("noun"):
        return default_lexicon().noun_by_surface[surface], end, surface
    if surface in _NOT_COUNTED or surface.endswith("ss"):
        return None
    return surface, end, surface


def _is_year(figure: Figure, text: str) -> bool:
    token = text[figure.number_start : figure.number_end]
    return bool(re.fullmatch(r"(?:1[89]|20|21)\d\d", token))


def read(ctx: SentenceContext, figure: Figure) -> Claim | None:
    """A count claim for ``figure`` when a counted noun follows it."""
    found = _counted_noun(ctx, figure)
    if found is None:
        return None
    noun, end, surface = found
    text = ctx.text
    if _is_year(figure, text) and noun == surface and noun not in default_lexicon().nouns:
        return None
    if figure.value.nominal is not None and figure.value.nominal <= 0:
        return None
    role = _role(ctx, figure, end, noun)
    subject = Subject(
        noun=noun,
        role=role,
        context=" ".join(text[max(ctx.sentence.start, figure.start - 60) : end + 60].split()),
    )
    return ctx.make_claim(
        figure.start,
        end,
        kind=Kind.COUNT,
        subject=subject,
        event=ctx.event_for(figure.start, end),
        value=figure.value,
        unit=noun,
    )


def _role(ctx: SentenceContext, figure: Figure, noun_end: int, noun: str) -> str | None:
    """What the counted things did, from the nearest role cue (or the noun's default)."""
    cues = [
        c
        for c in ctx.cues("roles")
        if not (
            figure.start <= c.start < noun_end and c.label not in ("spoke", "comprises", "signed")
        )
    ]
    cue = context.nearest(ctx.text, cues, figure.start, noun_end, limit=200)
    default = default_lexicon().default_roles.get(noun)
    # the noun itself says what they did ("19 statements"), unless a cue is close by
    if default and (
        cue is None or context.distance(ctx.text, figure.start, noun_end, cue.start, cue.end) > 25
    ):
        return default
    return cue.label if cue else None
