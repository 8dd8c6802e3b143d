"""Read what a figure is about from the sentence around it.

Everything here works on one sentence at a time and on character offsets, so a claim
can always be traced back to its quote. The rules are deliberately simple and
lexicon-driven: the nearest cue wins, and crossing a comma or semicolon costs distance,
because in news prose a clause boundary usually separates a figure from a verb that
is not its own ("with 1,000 delegates in attendance, ... 69 countries signed").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from hanoicheck.lexicon import alternation, default_lexicon, phrases
from hanoicheck.model import Span

_CLAUSE_PENALTY = 25
# A semicolon joins two independent clauses: a cue across it is about the other clause.
_SEMICOLON_PENALTY = 80
# The longest word before a full stop that can still be an abbreviation or initials.
_TOKEN_WINDOW = 40
# Longer "sentences" are cut at whitespace (see _cut_long).
MAX_SENTENCE = 2000
# Generic event words ("meeting", "session") lose to a specific cue at a similar distance.
_GENERIC_EVENT_PENALTY = 30
_GENERIC_EVENTS = frozenset(default_lexicon().words("generic_events"))
# Event words that modify a following event word ("closing plenary", "opening session").
_MODIFIER_EVENTS = frozenset(default_lexicon().words("modifier_events"))
_ABBREVIATIONS = frozenset(default_lexicon().words("abbreviations"))


@dataclass(frozen=True, slots=True)
class Cue:
    """A lexicon cue found in a sentence: its label, where it is, and the words."""

    label: str
    start: int
    end: int
    text: str


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    lex = default_lexicon()

    def cue_regex(table: dict[str, tuple[str, ...]]) -> re.Pattern[str]:
        forms = [f.strip() for forms in table.values() for f in forms]
        return re.compile(rf"\b(?:{alternation(forms)})\w*", re.IGNORECASE)

    return {
        # Starts only at the first mark of a run and never gives characters back: a
        # run of 50,000 dots would otherwise be rescanned from each of its dots.
        "sentence_end": re.compile(
            r"(?<![.!?\u2026])[.!?\u2026]++[\"\u201d\u2019')\]]*+\s++"
            r"(?=[\"\u201c\u2018(\[]?[A-Z0-9À-Ý])"
        ),
        "roles": cue_regex(lex.roles),
        "money_types": cue_regex(lex.money_types),
        "events": cue_regex(lex.events),
        "part_of_day": re.compile(r"\b(?P<p>morning|afternoon|evening|night)\b", re.IGNORECASE),
        "token_end": re.compile(r"(?<![\w.])([\w.]+)\.?$"),
        "parent": re.compile(
            r"\b(?:as\s+part\s+of|within\s+the\s+framework\s+of|on\s+the\s+sidelines\s+of|"
            r"part\s+of|during)\s+(?:the\s+)?(?P<parent>[A-Z][^,.;()]*?(?:\([^)]*\))?)"
            r"(?=\s*[,.;]|\s+(?:in|on|at)\s+[a-z]|$)"
        ),
    }


def sentences(text: str, start: int, end: int) -> list[Span]:
    """Split ``text[start:end]`` (one paragraph) into sentence spans.

    A small splitter is used instead of a library so offsets stay exact and the cost
    stays linear; it knows common abbreviations ("U.N.", "Mr.", "Oct.") and initials.
    """
    spans: list[Span] = []
    cursor = start
    for match in _patterns()["sentence_end"].finditer(text, start, end):
        # Only the word before the mark matters, so look at a short window: "Mr. A Mr. B"
        # repeated must not rescan the growing text since the last sentence end.
        stop = match.start() + 1
        window = max(cursor, stop - _TOKEN_WINDOW)
        # (the pattern's lookbehind sees before ``window``: a longer word gives no token)
        token = _patterns()["token_end"].search(text, window, stop)
        word = token.group(1).lower().rstrip(".") if token else ""
        if word in _ABBREVIATIONS or re.fullmatch(r"(?:[a-z]\.)*[a-z]", word):
            continue
        spans.append(Span(cursor, match.end()))
        cursor = match.end()
    if cursor < end:
        spans.append(Span(cursor, end))
    return [
        piece
        for span in spans
        for piece in _cut_long(text, span)
        if text[piece.start : piece.end].strip()
    ]


def _cut_long(text: str, span: Span) -> list[Span]:
    """A "sentence" longer than ``MAX_SENTENCE`` cut into pieces at whitespace.

    No news sentence is 2,000 characters long; a longer span is a paste without full
    stops (a table, a list, a hostile file). Every claim copies its sentence and every
    figure is compared with the cues and dates of its sentence, so an unbounded
    sentence makes extraction quadratic in time and memory. Pieces end after the last
    "; " or ", " in their second half (a clause boundary, where no figure is split),
    else at the last space, else at the last non-word character, else anywhere (a
    1,000-character word holds no claim).
    """
    start, end = span.start, span.end
    if end - start <= MAX_SENTENCE:
        return [span]
    pieces: list[Span] = []
    while end - start > MAX_SENTENCE:
        limit = start + MAX_SENTENCE
        floor = start + MAX_SENTENCE // 2
        cut = max(text.rfind("; ", floor, limit), text.rfind(", ", floor, limit)) + 2
        if cut == 1:
            cut = text.rfind(" ", floor, limit) + 1
        if not cut:
            cut = limit
            while cut > floor and text[cut - 1].isalnum():
                cut -= 1
            if cut == floor:
                cut = limit
        pieces.append(Span(start, cut))
        start = cut
    pieces.append(Span(start, end))
    return pieces


def distance(text: str, a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    """Characters between two spans, plus a penalty for each clause boundary crossed."""
    lo, hi = (a_end, b_start) if a_end <= b_start else (b_end, a_start)
    if hi <= lo:
        return 0
    # counted in place: slicing the gap would copy it once per figure and cue
    boundaries = (
        text.count(",", lo, hi) + text.count(" \u2013 ", lo, hi) + text.count(" \u2014 ", lo, hi)
    )
    semicolons = text.count(";", lo, hi)
    return (hi - lo) + _CLAUSE_PENALTY * boundaries + _SEMICOLON_PENALTY * semicolons


@cache
def _surfaces(table: str) -> list[tuple[str, str]]:
    """(surface, label) of one lexicon table, longest surface first (built once)."""
    lex = default_lexicon()
    labels = {"roles": lex.roles, "money_types": lex.money_types, "events": lex.events}[table]
    return sorted(
        ((f.strip(), label) for label, forms in labels.items() for f in forms),
        key=lambda item: len(item[0]),
        reverse=True,
    )


@lru_cache(maxsize=65536)
def _cue_label(table: str, word: str) -> str | None:
    """The label of the longest surface of ``table`` that ``word`` (lower case) starts with.

    Cached: news reuses a few hundred cue words, and the scan over every surface of a
    table was a tenth of extraction time before it was.
    """
    for surface, label in _surfaces(table):
        if word.startswith(surface):
            return label
    return None


def find_cues(text: str, span: Span, table: str) -> list[Cue]:
    """Every cue of one lexicon table (``roles``, ``money_types``, ``events``) in a span."""
    cues: list[Cue] = []
    title_case: bool | None = None  # computed for the first capitalised cue only
    for match in _patterns()[table].finditer(text, span.start, span.end):
        label = _cue_label(table, match.group(0).lower())
        if label is None:
            continue
        if _COMPOUND.match(text, match.end()):
            continue  # "closed-door", "opening-day": a modifier, not the event
        if table == "events" and match.group(0)[:1].isupper() and match.start() > span.start:
            if title_case is None:
                title_case = not _LOWER_WORD.search(text, span.start, span.end)
            if not title_case and _in_other_name(text, match.end()):
                continue  # "Congress Parkway", "Flood Relief Fund": a street, a fund
        if table == "events" and _opens_a_thing(text, match, span):
            continue  # "the foundation opened its relief fund": a fund, no ceremony
        if table == "events" and _particle().match(text, match.end()):
            continue  # "signed up", "closed down": a phrasal verb means something else
        if table == "events" and _NEGATED.search(
            text, max(span.start, match.start() - 9), match.start()
        ):
            continue  # "ended without arrests", "no injuries": what did not happen
        cue = Cue(label, match.start(), match.end(), match.group(0))
        if cues and _COMPLEMENT.match(text, cues[-1].end, cue.start):
            # "the plenary session of the signing conference": the conference only names
            # whose session it is; the phrase is about the session.
            continue
        if cues and _adjacent(text, cues[-1], cue):
            # "plenary discussion session": one event, named by its specific word
            first = cues.pop()
            keep = cue.label if first.label in _MODIFIER_EVENTS else first.label
            cue = Cue(keep, first.start, cue.end, text[first.start : cue.end])
        cues.append(cue)
    return cues


@cache
def _particle() -> re.Pattern[str]:
    """A particle that turns an event verb into another verb ("signed up" to attend)."""
    return re.compile(rf"\s+{phrases(default_lexicon().words('event_particles'))}", re.I)


# An "of" phrase between two event cues, without a clause break: the second is a
# complement of the first.
_COMPLEMENT = re.compile(r"\s+of\b(?:(?!\b(?:that|which|who|where|when)\b)[^,;:.()\n]){0,60}$")
# An event word right after "without" or "no" names what did not happen.
_NEGATED = re.compile(r"\b(?:without|no)\s+(?:further\s+|new\s+)?$", re.IGNORECASE)
# The next capitalised word of a name, and a lower-case word of four letters or more
# (a sentence that has none is a title-case headline, whose words are all capitalised).
_NEXT_CAPITAL = re.compile(r"[ \t]+([A-Z][a-z]+)\b")
_LOWER_WORD = re.compile(r"\b[a-z]{4,}\b")


def _in_other_name(text: str, end: int) -> bool:
    """A capitalised event word inside a name whose head is another word: "Congress" in
    "Congress Parkway", "Flood" in "Flood Relief Fund" (but not "Opening" in "Opening
    Ceremony", whose next word is an event word too)."""
    following = _NEXT_CAPITAL.match(text, end)
    return following is not None and _cue_label("events", following.group(1).lower()) is None


# A verb that opens or closes something, and its object: "opened its relief fund",
# "closed the road". What it opens is the event only when the object names one.
_OPEN_CLOSE_VERB = re.compile(r"(?:re)?(?:open|clos)(?:ed|es|s)?$", re.IGNORECASE)
_OBJECT = re.compile(
    r"\s+(?:its|their|his|her|our|a|an|the)\s+((?:[\w'\u2019-]+\s+){0,5}[\w'\u2019-]+)"
)


@cache
def _object_ends() -> frozenset[str]:
    return frozenset(default_lexicon().words("object_ends"))


def _opens_a_thing(text: str, match: re.Match[str], span: Span) -> bool:
    """Whether an opening or closing verb has an object whose head is no event word:
    "opened its Flood Relief Fund on 4 July" opens a fund, "opened the summit" a summit."""
    if not _OPEN_CLOSE_VERB.fullmatch(match.group(0)):
        return False
    obj = _OBJECT.match(text, match.end(), span.end)
    if obj is None:
        return False
    words: list[str] = []
    for word in obj.group(1).split():
        if word.lower() in _object_ends():
            break
        words.append(word)
    return bool(words) and _cue_label("events", words[-1].lower()) is None


# A cue word joined by a hyphen to the next word is part of a compound modifier.
_COMPOUND = re.compile(r"-\w")


def _adjacent(text: str, a: Cue, b: Cue) -> bool:
    """Cues of one noun phrase: "plenary discussion", "opening day's plenary debate"."""
    between = text[a.end : b.start] if a.end <= b.start else "x"
    return not re.sub(r"\bday(?:['\u2019]s)?\b", "", between).strip(" -")


def nearest(text: str, cues: list[Cue], start: int, end: int, limit: int = 160) -> Cue | None:
    """The cue closest to ``[start, end)``, or None when none is within ``limit``.

    ``cues`` are in text order, as :func:`find_cues` returns them (non-overlapping), so
    only the cues whose gap to the figure is within ``limit`` are measured: the
    distance is at least the gap. That keeps a sentence with thousands of figures and
    cues linear instead of (figures x cues); ties still go to the earlier cue.
    """
    best: tuple[int, int, Cue] | None = None
    first = bisect.bisect_left(cues, start - limit, key=lambda c: c.end)
    last = bisect.bisect_right(cues, end + limit, key=lambda c: c.start)
    for cue in cues[first:last]:
        raw = distance(text, start, end, cue.start, cue.end)
        d = raw + (_GENERIC_EVENT_PENALTY if cue.label in _GENERIC_EVENTS else 0)
        if raw <= limit and (best is None or (d, -(cue.end - cue.start)) < best[:2]):
            best = (d, -(cue.end - cue.start), cue)
    return best[2] if best else None


def part_of_day(text: str, start: int, end: int) -> str | None:
    """ "on the morning of October 25" / "Saturday afternoon": the part of day of a date."""
    window = text[max(0, start - 20) : min(len(text), end + 12)]
    match = _patterns()["part_of_day"].search(window)
    return match.group("p").lower() if match else None


def parent_event(text: str, sentence: Span) -> tuple[str, Span] | None:
    """The larger event a sentence places its figures in ("as part of the X"), and where."""
    match = _patterns()["parent"].search(text, sentence.start, sentence.end)
    if not match:
        return None
    parent = match.group("parent").strip()
    if len(parent.split()) < 2:
        return None
    return parent, Span(match.start("parent"), match.end("parent"))


_MODIFIER_STOP = frozenset(default_lexicon().words("event_modifier_stop"))


def event_name(text: str, cue: Cue) -> str:
    """The event phrase around an event cue: "first high-level plenary session" ->
    "high-level plenary session". Ordinals and determiners are dropped."""
    left_words = re.findall(r"[\w\u2019'-]+", text[max(0, cue.start - 60) : cue.start])
    mods: list[str] = []
    for word in reversed(left_words[-3:]):
        if word.lower() in _MODIFIER_STOP or word[:1].isdigit():
            break
        if word[:1].isupper() and not re.fullmatch(r"[A-Z][a-z-]+", word):
            break
        mods.insert(0, word.lower())
    right = re.match(
        r"\s+(session|ceremony|meeting|conference|discussion|summit|vote)\b",
        text[cue.end : cue.end + 20],
        re.IGNORECASE,
    )
    if re.search(r"(?:ed|ing)$|^(?:adopt|sign|ratify|vote)\w*$", cue.text.lower()) and not right:
        return cue.label  # a verb cue ("signed", "adopt"): name the event by its type
    head = cue.text.lower() + (" " + right.group(1).lower() if right else "")
    return " ".join([*mods, head])
