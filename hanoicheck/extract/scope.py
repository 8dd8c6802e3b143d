"""Which part of the whole a figure covers: "55,000 in Paris" is not the national count.

A place right after a figure's noun phrase ("55,000 marched in Paris", "2,205 killed in
Kunar province", "6,000 of them in the capital") or opening its clause ("In Marseille,
the authorities counted 15,000") restricts the figure to that place. Words that say
the figure covers everything ("nationwide", "across the country", "across France")
leave it whole. A place that names where an event happened ("the conference in Nice")
does not restrict the figures of the event; the reconciler also treats a place that is
the only one named for a quantity as its venue (see ``reconcile.facets``).

Word lists are data (``data/context.toml``, ``[scope]``).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from hanoicheck.lexicon import data_table, default_lexicon, phrases
from hanoicheck.model import Span

# How far after a figure a place may follow and still belong to its noun phrase.
AFTER_REACH = 60
_NAME = r"[A-Z][\w'\u2019-]*(?:\s+(?:de|du|of|al|el)?\s*[A-Z][\w'\u2019-]*){0,3}"
_NOT_PLACES = frozenset(default_lexicon().words("not_places"))


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    table = data_table("context")["scope"]
    restrict = rf"(?i:{phrases(table['restrictors'])})"  # names stay case-sensitive
    suffix = rf"(?i:{phrases(table['place_suffixes'])})"
    common = rf"(?i:{phrases(table['common_places'])})"
    place = rf"(?:the\s+)?(?P<name>{_NAME})(?:\s+(?P<suffix>{suffix}))?|(?P<common>{common})"
    return {
        # a colon or a dash opens a breakdown ("24 deaths: 16 in the Eaton fire zone"):
        # the places after it are its parts', not the figure's
        "after": re.compile(
            rf"[^,;:.()\u2013\u2014]{{0,{AFTER_REACH}}}?(?P<prep>{restrict})\s+(?:{place})"
        ),
        "opening": re.compile(rf"(?P<prep>{restrict})\s+(?:{place})\s*,"),
        "whole": re.compile(
            phrases(table["whole"])
            + "|"
            + rf"(?:{phrases(table['whole_before'])})\s+(?:the\s+)?[A-Z]\w+",
            re.IGNORECASE,
        ),
        "event": re.compile(rf"(?:{_event_words()})\w*\s+(?:{restrict})\s+$", re.IGNORECASE),
    }


@cache
def _event_words() -> str:
    """Single-word event cues ("conference", "summit"): "the summit in Nice" is a venue."""
    forms = [f.strip() for forms in default_lexicon().events.values() for f in forms]
    return phrases([f for f in forms if " " not in f])


def _place(match: re.Match[str]) -> str | None:
    if match["common"]:
        words = match["common"].lower().split()
        return " ".join(w for w in words if w != "the") or None
    name = " ".join(match["name"].split())
    if name.split()[0].lower() in _NOT_PLACES:
        return None
    return name.lower()


def scope_of(text: str, sentence: Span, start: int, end: int) -> str | None:
    """The place a figure at ``[start, end)`` is restricted to, lower case, or None."""
    pats = _patterns()
    stop = min(sentence.end, end + AFTER_REACH)
    after = pats["after"].match(text, end, stop)
    if after is not None:
        prep = after.start("prep")
        venue = pats["event"].search(text, max(sentence.start, prep - 40), after.end("prep") + 1)
        whole = pats["whole"].search(text, end, prep + 1)
        place = _place(after)
        if venue is None and whole is None and place is not None:
            return place
    if pats["whole"].search(text, max(sentence.start, start - 40), stop):
        return None
    opening = pats["opening"].match(text, _skip_space(text, sentence.start), start)
    return _place(opening) if opening is not None else None


@cache
def _authority_place() -> re.Pattern[str]:
    table = data_table("context")["scope"]
    placed, heads = phrases(table["local_heads_placed"]), phrases(table["local_heads"])
    return re.compile(
        rf"(?:the\s+)?(?P<name>{_NAME})\s+(?i:(?P<placed>{placed})|(?P<head>{heads}))"
    )


@cache
def _public_body() -> re.Pattern[str]:
    return re.compile(phrases(data_table("context")["scope"]["public_bodies"]), re.IGNORECASE)


_POSSESSIVE = re.compile(rf"(?:the\s+)?(?P<name>{_NAME})['\u2019]s\s+\S")


def place_of_authority(text: str, attribution: str) -> str | None:
    """The place an authority belongs to, lower case: "San Diego police" counted San
    Diego's crowd; "Chicago organizers" Chicago's, and "Haiti's Directorate of Civil
    Protection" Haiti's dead, when the article also writes the name as a place ("in
    Chicago", "to Haiti"; a name before "organizers" may be a group's: "Indivisible
    organizers", and one before "'s" a person's)."""
    attribution = attribution.strip()
    match = _authority_place().fullmatch(attribution)
    possessive = _POSSESSIVE.match(attribution) if match is None else None
    if possessive and _public_body().search(attribution, possessive.end("name")):
        match = possessive
    if match is None or match["name"].split()[0].lower() in _NOT_PLACES:
        return None
    name = " ".join(match["name"].split())
    placed = "placed" in match.groupdict() and match["placed"]
    if not placed and not _written_as_place(text, name):
        return None
    return name.lower()


@lru_cache(maxsize=1024)
def _written_as_place(text: str, name: str) -> bool:
    """Whether the article writes ``name`` as a place ("in Chicago", "hit Haiti"):
    asked once per article and name, however many of its figures that authority gives
    (a string's hash is computed once, so the key costs nothing after the first ask)."""
    return (
        re.search(
            rf"\b(?:in|at|across|around|from|to|hit|struck)\s+(?:the\s+)?{re.escape(name)}\b",
            text,
        )
        is not None
    )


def _skip_space(text: str, index: int) -> int:
    while index < len(text) and text[index] in " \t\"'\u201c(":
        index += 1
    return index
