"""Counts: a figure followed by what it counts ("more than 110 national delegations").

A figure is a count only when a counted noun follows it (after at most two modifiers),
so "one of the most pressing", "the 2030 Agenda" and bare numbers are not claims. The
noun is normalised through the lexicon (nations -> countries); a plural noun the
lexicon does not know is kept as written, so unseen topics ("42 villages") still work,
unless it is a unit of time or measure, which is not a count of things.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from hanoicheck.calendar import MONTH_NAMES
from hanoicheck.extract import context
from hanoicheck.extract.numbers import Figure
from hanoicheck.intervals import hedged
from hanoicheck.lexicon import alternation, data_table, default_lexicon, phrases
from hanoicheck.model import Claim, Event, Interval, Kind, Qualifier, Subject

if TYPE_CHECKING:
    from hanoicheck.extract.sentence import SentenceContext


_GENERIC_NOUN = r"(?P<gmods>(?:[\s-]+[a-z][\w\u2019'-]*){0,2}?)[\s-]+(?P<generic>[a-z]{3,}s)\b"


@cache
def _noun_pattern() -> re.Pattern[str]:
    lex = default_lexicon()
    nouns = alternation([s for forms in lex.nouns.values() for s in forms])
    return re.compile(
        rf"(?P<mods>(?:[\s-]+[A-Za-z][\w\u2019'-]*){{0,3}}?)[\s-]+(?P<noun>{nouns})\b"
        rf"|{_GENERIC_NOUN}",
        re.IGNORECASE,
    )


@cache
def _generic_noun_pattern() -> re.Pattern[str]:
    """The first plural after a figure: "15,000 solar-powered lanterns for families",
    where the known noun further on ("families") is another phrase's."""
    return re.compile(_GENERIC_NOUN, re.IGNORECASE)


def _counted_noun(ctx: SentenceContext, figure: Figure) -> tuple[str, int, str] | None:
    """(canonical noun, end offset, surface) of what the figure counts, if anything."""
    text = ctx.text
    tail = figure.tail
    after = text[tail : min(ctx.sentence.end, tail + 60)]
    if figure.vague:  # "thousands of people": the noun follows "of"
        after = " " + after
    match = _noun_pattern().match(after)
    if not match:
        return None
    mods = (match.group("mods") if match.group("noun") else match.group("gmods")) or ""
    words = [w.lower() for w in re.findall(r"[\w\u2019'-]+", mods)]
    # "national and international delegations": "and" may join two modifiers
    joined = [w for i, w in enumerate(words) if not (w in ("and", "or") and 0 < i < len(words) - 1)]
    if any(w in _words("count_modifier_stop") for w in joined):
        if not match.group("noun"):
            return None
        match = _generic_noun_pattern().match(after)
        if match is None:
            return None
        mods = match.group("gmods") or ""
        words = [w.lower() for w in re.findall(r"[\w\u2019'-]+", mods)]
        if any(w in _words("count_modifier_stop") for w in words):
            return None
    if figure.in_words and len(mods.split()) > 2:
        return None
    known = match.groupdict().get("noun")
    surface = (known or match.group("generic")).lower()
    end = tail - (1 if figure.vague else 0) + match.end()
    if known:
        return default_lexicon().noun_by_surface[surface], end, surface
    if surface in _words("not_counted") or surface.endswith("ss"):
        return None
    return surface, end, surface


def _is_year(figure: Figure, text: str) -> bool:
    token = text[figure.number_start : figure.number_end]
    return bool(re.fullmatch(r"(?:1[89]|20|21)\d\d", token))


def read(ctx: SentenceContext, figure: Figure) -> Claim | None:
    """A count claim for ``figure`` when what it counts is written or implied.

    Written: a counted noun follows ("42 villages"). Implied, in this order: a subset
    ("41 of them", "38 of the votes"), a role word after the figure ("1,312 killed",
    "134 held in custody"), a role verb before it ("displaced 200,000"), a tally before
    it ("the death toll rose to 2,204"), or an ellipsis: a figure standing alone in a
    paragraph that has just counted something counts the same ("55,000 in Paris").
    """
    text = ctx.text
    if figure.value.nominal is not None and figure.value.nominal <= 0:
        return None
    found = _counted_noun(ctx, figure)
    if found is None:
        reading = _implied(ctx, figure)
        if reading is None:
            return None
        noun, role, end, part_of = reading
    else:
        noun, end, surface = found
        if _is_year(figure, text) and noun == surface and noun not in default_lexicon().nouns:
            return None
        role = _role(ctx, figure, end, noun)
        part_of = None
    if part_of is None and _increment(text, figure):
        # "another 1,017 damaged" after "destroyed 6,837" is another category, not more
        # of the same: an increment adds to the paragraph's count of the same thing
        before = ctx.antecedent
        if before is None or (before.subject.role, before.subject.noun) == (role, noun):
            part_of = INCREMENT
    subject = Subject(
        noun=noun,
        role=role,
        owner=_owner(ctx, figure.start),
        context=" ".join(text[max(ctx.sentence.start, figure.start - 60) : end + 60].split()),
        part_of=part_of,
    )
    return ctx.make_claim(
        figure.start,
        end,
        kind=Kind.COUNT,
        subject=subject,
        event=_in_another_year(ctx, figure.start, end, ctx.event_for(figure.start, end)),
        value=_verb_hedged(ctx, figure),
        unit=noun,
    )


#: ``part_of`` of a count added to an earlier one ("nine more deaths"): it is compared
#: with other increments only, never with a total.
INCREMENT = "an earlier count (an increment)"


@cache
def _increment_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    after = phrases(default_lexicon().words("increment_after"))
    before = phrases(default_lexicon().words("increment_before"))
    return (
        re.compile(rf"\s+{after}\b(?!\s+than\b)", re.IGNORECASE),
        re.compile(rf"\b{before}\s+$", re.IGNORECASE),
    )


def _increment(text: str, figure: Figure) -> bool:
    """ "four more people", "a further 17 governments": a figure added to an earlier
    count, not the count."""
    after, before = _increment_patterns()
    if after.match(text, figure.end):
        return True
    return before.search(text, max(0, figure.start - 16), figure.start) is not None


@cache
def _words(name: str) -> frozenset[str]:
    return frozenset(default_lexicon().words(name))


@cache
def _implied_patterns() -> dict[str, re.Pattern[str]]:
    lex = default_lexicon()

    def surfaces(table: str) -> str:
        return alternation([f for forms in lex.table(table).values() for f in forms])

    aux = (
        r"(?:(?:people|persons|others|more|were|was|are|is|have|had|has|been|being|still|"
        r"also|reportedly|later|now|so\s+far|confirmed|officially|left|were\s+left|all)\s+){0,4}"
    )
    word = r"[\w\u2019'-]+"
    return {
        "after": re.compile(rf"\s+{aux}(?P<role>{surfaces('implied_roles')})\b", re.IGNORECASE),
        "subset": re.compile(
            rf"\s+of\s+(?:(?P<pronoun>{alternation(lex.words('subset_pronouns'))})\b"
            rf"|(?P<det>{alternation(lex.words('subset_determiners'))})\s+"
            rf"(?P<set>{word}(?:\s+{word}){{0,3}}))",
            re.IGNORECASE,
        ),
        "verb_before": re.compile(rf"\b(?P<verb>{surfaces('role_verbs')})\s+$", re.IGNORECASE),
        "tally_before": re.compile(
            rf"(?<![\w-])(?P<tally>{surfaces('tallies')})(?:\s+of\s+(?:the\s+)?(?P<of>{word})"
            rf"(?:\s+(?P<of_role>{surfaces('implied_roles')})\b)?)?"
            r"(?P<gap>(?:\s+[A-Za-z\u2019'-]+){0,10}?)\s*$",
            re.IGNORECASE,
        ),
        "bare_next": re.compile(
            r"\s*(?:(?P<stop>[,.;:)\]\u2014\u2013\"\u201d!?]|$)|(?P<word>[A-Za-z]+))"
        ),
    }


def _label(table: str, surface: str) -> str:
    surface = " ".join(surface.lower().split())
    for label, forms in default_lexicon().table(table).items():
        if surface in forms:
            return label
    raise KeyError(surface)  # the pattern was built from the same table


def _implied(
    ctx: SentenceContext, figure: Figure
) -> tuple[str, str | None, int, str | None] | None:
    """(noun, role, end, part_of) of a count whose noun is not written after it."""
    text = ctx.text
    value = figure.value.nominal
    if value is None or _is_year(figure, text) or figure.vague:
        return None
    if not float(value).is_integer() and not figure.scaled:
        return None  # "6.95" alone is a rate or a score, not a count
    if figure.in_words and value < 2:
        return None  # "one of the reasons"
    pats = _implied_patterns()
    limit = ctx.sentence.end
    antecedent = ctx.antecedent
    subset = pats["subset"].match(text, figure.end, limit)
    if subset:
        return _subset(ctx, figure, subset)
    after = pats["after"].match(text, figure.end, limit)
    if after:
        role = _label("implied_roles", after.group("role"))
        noun = "people"
        if role in _words("thing_roles"):
            if antecedent is None:
                return None
            noun = antecedent.subject.noun
        return noun, role, after.end(), None
    if not _bare(text, figure.end, limit):
        return None
    before = text[max(ctx.sentence.start, figure.start - TALLY_REACH) : figure.start]
    verb = pats["verb_before"].search(before)
    if verb:
        return "people", _label("role_verbs", verb.group("verb")), figure.end, None
    tally = pats["tally_before"].search(before)
    if tally and not re.search(r"[\d,.;:]", tally.group("gap")):
        label = _label("tallies", tally.group("tally"))
        if label != "inherit":
            return "people", label, figure.end, None
        if tally.group("of"):
            # "the number of people killed by the quake has reached 2,719"
            of = tally.group("of").lower()
            noun = default_lexicon().noun_by_surface.get(of, of)
            role = tally.group("of_role")
            if role:
                return noun, _label("implied_roles", role), figure.end, None
            return noun, default_lexicon().default_roles.get(noun), figure.end, None
        # "the ministry put the figure at 506,000" two paragraphs after "half a million
        # people marched": a tally names the article's count, wherever it was said
        # "... 3,640 injured; the nationwide toll reached 2,217. On Wednesday the count had
        # stood at 1,469": a paragraph's tally is what it led with, not its last figure
        for earlier in (ctx.lead, antecedent, ctx.topic):
            if earlier is not None:
                return earlier.subject.noun, earlier.subject.role, figure.end, None
        return "people", None, figure.end, None
    if antecedent is not None:
        return antecedent.subject.noun, antecedent.subject.role, figure.end, None
    return None


# How far before a figure its tally may be named ("the number of people killed by last
# week's earthquake in Myanmar has reached 2,719").
TALLY_REACH = 110


def _bare(text: str, end: int, limit: int) -> bool:
    """Nothing counted follows: a clause ends, or a word that cannot be a noun comes."""
    following = _implied_patterns()["bare_next"].match(text, end, limit)
    if following is None:
        return end >= limit or not text[end:limit].strip()
    if following.group("word") is None:
        return True
    return following.group("word").lower() in _words("elliptic_followers")


def _subset(
    ctx: SentenceContext, figure: Figure, match: re.Match[str]
) -> tuple[str, str | None, int, str | None] | None:
    """ "41 of them", "38 of the votes", "eleven of its member states"."""
    lex = default_lexicon()
    antecedent = ctx.antecedent
    if match.group("pronoun"):
        after = _noun_pattern().match(ctx.text, match.end(), ctx.sentence.end)
        part_of = match.group("pronoun").lower()
        if after and after.group("noun") and not after.group("mods").strip():
            surface = after.group("noun").lower()
            noun = lex.noun_by_surface[surface]
            return noun, _role(ctx, figure, after.end(), noun), after.end(), part_of
        if after and after.group("generic") and not after.group("gmods").strip():
            surface = after.group("generic").lower()
            if surface not in _words("not_counted"):
                return surface, _role(ctx, figure, after.end(), surface), after.end(), part_of
        if antecedent is None:
            return None
        return antecedent.subject.noun, antecedent.subject.role, match.end(), part_of
    for index, found in enumerate(re.finditer(r"[\w\u2019'-]+", match.group("set"))):
        end = match.start("set") + found.end()
        lower = found.group(0).lower()
        previous = match.group("set")[: found.start()].split()[-1:] if index else []
        pair = " ".join([*(w.lower() for w in previous), lower])
        head: str | None = lex.noun_by_surface.get(pair) or lex.noun_by_surface.get(lower)
        role: str | None = None
        if head is None and lower in ("dead", "injured", "wounded", "missing"):
            head, role = "people", {"wounded": "injured"}.get(lower, lower)
        elif head is None and lower.endswith("s") and len(lower) > 3:
            head = None if lower in _words("not_counted") or lower.endswith("ss") else lower
        if head is not None:
            part_of = " ".join(ctx.text[match.start("det") : end].split()).lower()
            return head, role or _role(ctx, figure, end, head), end, part_of
    return None


_YEAR_OF = re.compile(r"\b(?:in|since|of|at\s+the)\s+(?P<year>(?:19|20)\d\d)\b(?!\s*[-/]\d)")
# How far from its figure a year may say when the count was made ("Labour won 202 seats
# in 2019").
YEAR_REACH = 40


def _in_another_year(ctx: SentenceContext, start: int, end: int, event: Event) -> Event:
    """ "Labour won 202 seats in 2019": a count its clause dates to another year than
    the article's is that year's, never today's (an undated event takes the year as its
    date, so it is never compared with this year's count)."""
    if event.date is not None or not ctx.document.date:
        return event
    text = ctx.text
    window_end = min(ctx.sentence.end, end + YEAR_REACH)
    found = _YEAR_OF.search(text, max(ctx.sentence.start, start - YEAR_REACH), window_end)
    if found is None or ctx.document.date.startswith(found["year"]):
        return event
    year = found["year"]
    return replace(event, date=f"{year}-01-01/{year}-12-31")


@cache
def _owner_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    lex = default_lexicon()
    name = r"(?P<owner>[A-Z][\w.-]*+(?:\s+(?:of\s+)?[A-Z][\w.-]*+){0,3})"
    verbs = phrases(lex.words("count_owner_verbs"))
    possessive = re.compile(rf"(?<![\w.-]){name}[\u2019']s?\s+(?:[a-z-]+\s+){{0,2}}$")
    actor = re.compile(
        rf"(?<![\w.-]){name}\s+(?:(?:has|have|had|now|then|finally|also|only)\s+)?"
        rf"{verbs}\s+(?:(?:a\s+total\s+of|just|only|about|some|nearly)\s+)?$"
    )
    return possessive, actor


def _owner(ctx: SentenceContext, start: int) -> str | None:
    """Whose count it is: "Labour's 412 seats", "the Conservatives ended with 121",
    "Japan sent 37 rescuers". Two owners' counts are two things, and one owner's two
    counts of the same thing are comparable. Only a capitalised name right before the
    figure, tied by a possessive or one of the owning verbs (data), is an owner; a
    pronoun, a day, a title or a generic word ("Officials") is not."""
    clause = ctx.text[max(ctx.sentence.start, start - 80) : start]
    possessive, actor = _owner_patterns()
    match = possessive.search(clause) or actor.search(clause)
    if match is None:
        return None
    words = match.group("owner").split()
    while words and words[0].lower() in _words("not_owners"):
        words.pop(0)
    if not words or any(w.lower().strip(".'\u2019") in _not_count_owners() for w in words):
        return None
    return " ".join(words).lower()


@cache
def _not_count_owners() -> frozenset[str]:
    lex = default_lexicon()
    days = {m.lower() for m in MONTH_NAMES} | {d.lower() for d in calendar.day_name}
    return frozenset(
        {*lex.words("person_titles"), *lex.words("source_pronouns"), *days}
        | set(data_table("context")["attribution"]["generic"])
    )


def _verb_hedged(ctx: SentenceContext, figure: Figure) -> Interval[float]:
    """ "the toll passed 1,400" is more than 1,400; "nears 1,500" is nearly 1,500."""
    value = figure.value
    if value.qualifier is not Qualifier.EXACT or value.nominal is None:
        return value
    before = ctx.text[max(ctx.sentence.start, figure.start - 24) : figure.start]
    words = before.split()
    if not words or not before[-1:].isspace() or not words[-1].isalpha():
        return value
    word = words[-1].lower()
    if word in _words("more_than_verbs"):
        return hedged(value.nominal, Qualifier.MORE_THAN, ctx.options.tolerance, word)
    if word in _words("nearly_verbs"):
        return hedged(value.nominal, Qualifier.NEARLY, ctx.options.tolerance, word)
    return value


def _role(ctx: SentenceContext, figure: Figure, noun_end: int, noun: str) -> str | None:
    """What the counted things did, from the nearest role cue (or the noun's default)."""
    cues = [
        c
        for c in ctx.cues("roles")
        if not (
            figure.start <= c.start < noun_end
            and c.label not in ("spoke", "comprises", "signed", "struck")
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
