"""Who gives a figure: the authority a sentence credits it to, read figure by figure.

One sentence often carries two authorities' figures ("506,000 marched, the interior
ministry said, while the CGT union said turnout topped one million"), and the
reconciler treats two authorities' different counts as a disagreement between them,
not as an outlet's error. So every mention of a source in a sentence is found, and a
figure takes the nearest one (clause boundaries count as distance, as for cues):

- a phrase before a say-verb: "the interior ministry said", "Fitrat wrote",
  "the city's police prefecture counted";
- a phrase after one: "said the ministry", "said Zabihullah Mujahid";
- "according to X", "by X's count", "by the official count", "per X".

A phrase is a source when its last word is an authority noun (ministry, police,
union, organisers... from ``data/context.toml``) or a name (a capitalised word or an
acronym). Sentences with only "he said" are resolved by the caller to the last named
speaker of the paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from hanoicheck.calendar import MONTH_NAMES
from hanoicheck.extract import context
from hanoicheck.lexicon import data_table, default_lexicon, phrases
from hanoicheck.model import Span

# A source farther from its figure than this (in context.distance units) is not its own.
REACH = 220
MAX_WORDS = 7
_WORD = re.compile(r"[\w'\u2019.&-]+|[^\w\s]")
_STOP_LEFT = frozenset(default_lexicon().words("source_stop_left"))
_SKIP_BEFORE_VERB = frozenset(default_lexicon().words("skip_before_say_verb"))
_DETERMINERS = frozenset(default_lexicon().words("source_determiners"))
_CALENDAR = frozenset(
    {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "today", "yesterday", "tomorrow", "tonight", *(m for m in MONTH_NAMES),
    }
)  # fmt: skip
_PRONOUNS = frozenset(default_lexicon().words("source_pronouns"))
_CLAUSE = frozenset(default_lexicon().words("source_clause_words"))


_ACCORDING = re.compile(
    r"\baccording\s+to\s+(?P<who>[^,.;:()]+?)(?=\s*[,.;:(]|\s+(?:the|at|in|on)\s|$)",
    re.IGNORECASE,
)
_LEADING = frozenset(default_lexicon().words("source_leading_trim"))
_TRAILING = frozenset(default_lexicon().words("source_trailing_trim"))


@dataclass(frozen=True, slots=True)
class Mention:
    """A source named in a sentence, and where."""

    start: int
    end: int
    who: str


@cache
def _vocab() -> tuple[frozenset[str], frozenset[str], re.Pattern[str], re.Pattern[str]]:
    table = data_table("context")["attribution"]
    heads = frozenset(table["heads"])
    titles = frozenset(table["titles"])
    verbs = re.compile(phrases(table["say_verbs"]), re.IGNORECASE)
    counts = "|".join(re.escape(w) for w in table["count_nouns"])
    by_count = re.compile(
        r"\b(?:by|per|on|according\s+to)\s+(?:the\s+)?"
        r"(?P<who>(?:[\w\u2019'.&-]+\s+){0,4}?[\w\u2019'.&-]+?)(?:['\u2019]s|s['\u2019])?\s+"
        rf"(?:own\s+)?(?:{counts})\b",
        re.IGNORECASE,
    )
    return heads, titles, verbs, by_count


def _is_name(word: str) -> bool:
    return word[:1].isupper() or (len(word) > 1 and word.isupper())


def _is_source_head(word: str, heads: frozenset[str]) -> bool:
    bare = word.lower().rstrip(".").removesuffix("'s").removesuffix("\u2019s")
    if bare in _CALENDAR:
        return False  # "said on Thursday": a day, not a source
    return bare in heads or (_is_name(word) and bare not in _PRONOUNS)


def _left_phrase(text: str, low: int, verb_start: int) -> Mention | None:
    """The source phrase ending right before a say-verb ("the interior ministry")."""
    heads, _, _, _ = _vocab()
    tokens = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text, low, verb_start)]
    while tokens and tokens[-1][2].lower() in _SKIP_BEFORE_VERB:
        tokens.pop()
    if not tokens or tokens[-1][2].lower() in _STOP_LEFT:
        return None
    if not _is_source_head(tokens[-1][2], heads):
        return None
    taken = [tokens.pop()]
    while tokens and len(taken) < MAX_WORDS:
        word = tokens[-1][2]
        lower = word.lower()
        if not word[0].isalnum() or word[0].isdigit() or lower in _STOP_LEFT:
            break
        taken.append(tokens.pop())
        if lower in _DETERMINERS:
            break
    taken.reverse()
    words = [w for _, _, w in taken if w.lower() not in _DETERMINERS]
    if not words or words[-1].lower() in _PRONOUNS:
        return None
    return Mention(taken[0][0], taken[-1][1], " ".join(words))


def _right_phrase(text: str, verb_end: int, high: int) -> Mention | None:
    """The source phrase right after a say-verb ("said the ministry", "said Fitrat")."""
    heads, titles, _, _ = _vocab()
    tokens = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text, verb_end, high)]
    taken: list[tuple[int, int, str]] = []
    for token in tokens[: MAX_WORDS + 1]:
        word = token[2]
        if not word[0].isalnum():
            break
        if word.lower() in _DETERMINERS and not taken:
            continue
        if _is_name(word) or word.lower() in heads or word.lower() in titles:
            taken.append(token)
            continue
        if taken and word.lower() in ("of", "for", "de"):
            taken.append(token)
            continue
        break
    while taken and taken[-1][2].lower() in ("of", "for", "de"):
        taken.pop()
    if not taken or not any(_is_source_head(w, heads) for _, _, w in taken):
        return None
    return Mention(taken[0][0], taken[-1][1], " ".join(w for _, _, w in taken))


_RELATIVE = re.compile(r",\s+(?:which|who)\s[^.;,]*(?:,[^.;,]*)?,\s*$", re.IGNORECASE)


def _before_relative_clause(text: str, floor: int, verb_start: int) -> int:
    """Where the speaker's name ends when a relative clause stands between it and its
    verb: "The National Unity Government, which runs a parallel administration from
    exile, said ..." is the government's statement."""
    window = max(floor, verb_start - 200)
    clause = _RELATIVE.search(text, window, verb_start)
    return clause.start() if clause else verb_start


def mentions(text: str, sentence: Span) -> list[Mention]:
    """Every source the sentence names, in text order."""
    return read_sources(text, sentence)[0]


def read_sources(text: str, sentence: Span) -> tuple[list[Mention], bool]:
    """:func:`mentions`, and whether a say-verb occurs in the sentence at all.

    Without one, :func:`pronoun_said` cannot match (each of its matches holds a say-verb
    match with the same boundaries), so the caller skips that search: it matched none of
    23,617 generated sentences and cost a few per cent of extraction.
    """
    _, _, verbs, by_count = _vocab()
    found: list[Mention] = []
    said = False
    for match in _ACCORDING.finditer(text, sentence.start, sentence.end):
        who = tidy_who(match.group("who"))
        if who:
            found.append(Mention(match.start(), match.end(), who))
    for match in by_count.finditer(text, sentence.start, sentence.end):
        who = tidy_who(match.group("who"))
        if who and not who[:1].isdigit():
            found.append(Mention(match.start(), match.end(), who))
    for verb in verbs.finditer(text, sentence.start, sentence.end):
        said = True
        before = _before_relative_clause(text, sentence.start, verb.start())
        low = max(sentence.start, before - 90)
        left = _left_phrase(text, low, before)
        if left is not None:
            found.append(left)
            continue
        right = _right_phrase(text, verb.end(), min(sentence.end, verb.end() + 90))
        if right is not None:
            found.append(right)
    found.sort(key=lambda m: (m.start, m.end))
    return found, said


def source_of(text: str, found: list[Mention], start: int, end: int) -> str | None:
    """The source nearest to the figure at ``[start, end)``, if one is close enough."""
    best: tuple[int, Mention] | None = None
    for mention in found:
        if mention.start < end and start < mention.end:
            continue  # the figure is inside the phrase ("by the 2,000-strong union's count")
        gap = context.distance(text, start, end, mention.start, mention.end)
        if gap <= REACH and (best is None or gap < best[0]):
            best = (gap, mention)
    return best[1].who if best else None


def tidy_who(who: str) -> str | None:
    """A source phrase without leading and trailing function words; None for a pronoun
    or a day ("according to Thursday's update" names no one)."""
    words = _keeper(who.strip().split())
    while words and words[0].lower() in _LEADING:
        words.pop(0)
    while words and words[-1].lower() in _TRAILING:
        words.pop()
    if len(words) > 1 and _bare(words[-1]) in _count_words()[0]:
        words.pop()  # "an Associated Press count" is the Associated Press's
        if words:
            words[-1] = re.sub(r"['\u2019]s?$", "", words[-1])
    if words and (words[0].lower() in _CALENDAR or any(w.lower() in _CLAUSE for w in words)):
        return None  # "on Thursday that the toll...": a day and a clause, not a source
    cleaned = " ".join(words).strip(" ,")
    lower = cleaned.lower()
    if not cleaned or lower in _PRONOUNS or lower in _CALENDAR or lower in ("we", "i", "in"):
        return None
    return cleaned


@cache
def _count_words() -> tuple[frozenset[str], frozenset[str]]:
    table = data_table("context")["attribution"]
    return frozenset(table["count_nouns"]), frozenset(table["count_keepers"])


def _bare(word: str) -> str:
    return word.lower().strip(",.")


def _keeper(words: list[str]) -> list[str]:
    """ "a tally kept by a national television network": whoever keeps a count is its
    source, so the words after "(kept) by/from" that follow a count noun."""
    nouns, keepers = _count_words()
    for index, word in enumerate(words[:-1]):
        if _bare(word) not in nouns:
            continue
        rest = words[index + 1 :]
        if rest and _bare(rest[0]) in keepers:
            rest = rest[1:]
        if len(rest) > 1 and _bare(rest[0]) in ("by", "from"):
            return rest[1:]
    return words


@cache
def _pronoun_said() -> re.Pattern[str]:
    verbs = phrases(data_table("context")["attribution"]["say_verbs"])
    return re.compile(rf"\b(?:he|she|they)\s+(?:also\s+)?{verbs}|{verbs}\s+(?:he|she)\b", re.I)


def pronoun_said(text: str, sentence: Span) -> bool:
    """Whether the sentence credits its figures to "he" or "she" (the last named speaker)."""
    return _pronoun_said().search(text, sentence.start, sentence.end) is not None
