"""Money: a figure with a currency written any of the ways news writes one.

"AUD83.5 million", "A$83.5m", "12.5 billion AUD", "US$54.4 million", "$1.5bn",
"€47 million", "EUR 47m", "2 trillion dong", "trillions of dollars". The currency is an
ISO 4217 code from the lexicon; the amount is in units (83.5 million -> 83500000).
Alphabetic codes must be written in capitals ("AUD"), so ordinary words ("won", "rand")
are not read as currencies unless they follow the amount.

What the money is (a cost, a contribution, ...), whose it is and for which period are
read from the sentence, since "cybercrime cost the Australian economy 12.5 billion AUD"
and "Australia announced a contribution of AUD83.5 million" must never be compared.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from hanoicheck.extract import context
from hanoicheck.extract.numbers import Figure, hedge_before, parse_number, words_to_number
from hanoicheck.intervals import hedged
from hanoicheck.lexicon import alternation, data_table, default_lexicon
from hanoicheck.model import Claim, Interval, Kind, Qualifier, Subject

if TYPE_CHECKING:
    from hanoicheck.extract.sentence import SentenceContext

_TITLES = frozenset(default_lexicon().words("person_titles"))

_NOT_OWNERS = frozenset(default_lexicon().words("not_owners"))


@cache
def _forms() -> dict[str, list[str]]:
    """The currency forms by how they are matched (see the lexicon's [currencies])."""
    kinds: dict[str, list[str]] = {"exact": [], "symbols": [], "codes": [], "names": []}
    for iso, forms in default_lexicon().currencies.items():
        for form in forms:
            if any(c.isupper() for c in form):
                kinds["exact"].append(form)  # "Rs", "LE": only as written
            elif not form.isascii() or (not form.isalpha() and " " not in form):
                kinds["symbols"].append(form)
                letters = form[:-1]
                if (
                    form.endswith("$")
                    and len(letters) >= 1
                    and letters.isalpha()
                    and letters != "a"
                ):
                    kinds["symbols"].append(f"{letters} $")  # tokenised text: "c $ 16.4"
            elif form.isalpha() and (form.upper() == iso or len(form) <= 2):
                kinds["codes"].append(form.upper())
            else:
                kinds["names"].append(form)
    return kinds


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    forms = _forms()
    symbols, codes = alternation(forms["symbols"]), alternation(forms["codes"])
    names, exact = alternation(forms["names"]), alternation(forms["exact"])
    subunits = alternation([f for fs in default_lexicon().table("subunits").values() for f in fs])
    return {
        # a symbol (any case: "A$", "a$") or a capitalised code right before the amount
        "prefix": re.compile(
            rf"(?:(?<![A-Za-z])(?i:{symbols})|\b(?:{codes})|(?<![A-Za-z])(?:{exact}))\s?$"
        ),
        "suffix": re.compile(
            rf"\s*(?:of\s+)?(?:(?:(?<=\d)|\b)(?:{codes})\b|(?i:\b(?:{names})\b)"
            rf"|(?i:{symbols})|(?:{exact})(?![A-Za-z]))"
        ),
        # "75 USD million": a scale written after the currency
        "scale_after": re.compile(r"\s+(?P<scale>million|billion|trillion|mn|bn)\b", re.IGNORECASE),
        # "15 dollars 50", "$20 and 43c", "3 GBP 1 pence", "thirteen dollars and forty-five cents"
        "subunit": re.compile(
            r"\s*(?:and\s+)?(?P<sub>\d{1,2}|[a-z]+(?:[\s-][a-z]+)?)"
            rf"(?:\s*(?P<unit>(?i:{subunits}))\b)?(?=\s*(?:[,.;:!?)]|$|(?:and|but|or|for|to|in|at|on|by|with|each|per|from)\b))",
            re.IGNORECASE,
        ),
        "owner_economy": re.compile(
            r"\b(?:cost|costs|costing)\s+(?:the\s+)?(?P<owner>(?:[A-Z][\w\u2019'-]+|global|world)(?:\s+[A-Z][\w\u2019'-]+)*)(?:\u2019s|'s)?\s+"
            r"(?:economy|government|taxpayers|businesses|people)"
        ),
        # "Australia's A$83.5 million", "Japan's contribution of A$12m" (right before it)
        "owner_possessive": re.compile(
            r"(?<![\w\u2019'.-])(?P<owner>[A-Z][\w.-]*+(?:\s+[A-Z][\w.-]*+){0,3})[\u2019']s\s+"
            r"(?:[a-z-]++\s+){0,3}(?:of\s+)?(?:about\s+|some\s+|around\s+)?$"
        ),
        # "Norway pledged", "Donor governments announced pledges totalling", "the
        # Government agreed to release", "Canada, for its part, announced a contribution of"
        "owner_actor": re.compile(
            r"(?<![\w\u2019'.-])(?P<owner>[A-Z][\w.-]*+(?:\s+[A-Z][\w.-]*+){0,3}(?:\s+[a-z]+)?)"
            r"(?:,[^,]{1,40},)?\s+"
            r"(?:(?:has|have|had|also|will|would|is|are|was|were|then|said|says|it|they)\s+)*"
            r"(?:\w+\s+to\s+)?"
            r"(?:pledg|commit|announc|promis|provid|contribut|donat|gave|give|grant|allocat|"
            r"approv|earmark|offer|releas|spen[dt]|paid|pay|invest|rais|put\s+up|unveil)\w*+"
        ),
        "period": re.compile(
            r"\b(?:in|for|during|throughout)\s+(?P<year>(?:19|20)\d\d)\b"
            r"|\b(?P<annual>each\s+year|every\s+year|per\s+year|a\s+year|annually|yearly|per\s+annum)\b"
            + _NOT_A_RATE
            + r"|\b(?P<rel>last\s+year|this\s+year|next\s+year)\b",
            re.IGNORECASE,
        ),
    }


def _currency_code(surface: str, ctx: SentenceContext | None = None) -> str | None:
    """The ISO code of a currency form; a name several currencies share ("rupees") takes
    the country the sentence, else the document, names first."""
    lex = default_lexicon()
    cleaned = " ".join(surface.strip().lower().split())
    code = lex.currency_by_surface.get(cleaned) or lex.currency_by_surface.get(
        cleaned.replace(" ", "")
    )
    if code is None or ctx is None or cleaned not in lex.words("shared_currency_names"):
        return code
    return _country_in(ctx.sentence_text.lower()) or _document_country(ctx.text) or code


@lru_cache(maxsize=1)  # the document being read: asked for every figure of its sentences
def _document_country(text: str) -> str | None:
    """:func:`_country_in` the whole document, read once per document, not per figure
    (per figure, a 2 MB article of prices took minutes)."""
    return _country_in(text.lower())


def _country_in(text: str) -> str | None:
    """The currency of the country named first in ``text``, if any."""
    best: tuple[int, str] | None = None
    for code, words in default_lexicon().table("currency_countries").items():
        for word in words:
            at = re.search(rf"\b{re.escape(word)}\b", text)
            if at and (best is None or at.start() < best[0]):
                best = (at.start(), code)
    return best[1] if best else None


def read(ctx: SentenceContext, figure: Figure) -> Claim | None:
    """A money claim for ``figure`` when a currency is written next to it."""
    text = ctx.text
    pats = _patterns()
    start, end, value = figure.start, figure.end, figure.value
    prefix = pats["prefix"].search(
        text, max(ctx.sentence.start, figure.number_start - 6), figure.number_start
    )
    code: str | None = None
    named = ""
    if prefix and figure.start == figure.number_start:
        named = prefix.group(0)
        start = prefix.start()
        hedge = hedge_before(text, start, ctx.sentence.start)
        if hedge and value.qualifier is Qualifier.EXACT and value.nominal is not None:
            value = hedged(value.nominal, hedge[0], ctx.options.tolerance, hedge[2])
            start = hedge[1]
    elif prefix:
        named = prefix.group(0)
    suffix_name = False
    if not named:
        suffix = pats["suffix"].match(
            text, figure.number_end if not figure.vague else figure.end, ctx.sentence.end
        )
        if suffix is None and figure.end != figure.number_end:
            suffix = pats["suffix"].match(text, figure.end, ctx.sentence.end)
        if suffix is None:
            return None
        named = re.sub(r"^\s*(?:of\s+)?", "", suffix.group(0))
        end = max(end, suffix.end())
        suffix_name = True
        scale = pats["scale_after"].match(text, end, ctx.sentence.end)
        if scale and not figure.scaled and value.qualifier is Qualifier.EXACT and value.nominal:
            factor = {"mn": 1e6, "bn": 1e9}.get(scale.group("scale").lower()) or parse_number(
                "1 " + scale.group("scale")
            )
            if factor:
                value = hedged(value.nominal * factor, Qualifier.EXACT)
                end = scale.end()
    code = _currency_code(named, ctx)
    if code is None or value.nominal is None or value.nominal <= 0:
        return None
    if figure.vague:
        value = hedged(value.nominal, Qualifier.AT_LEAST)
    value, end = _with_subunit(ctx, value, end, need_word=not suffix_name)
    money_type = _money_type(ctx, start, end)
    subject = Subject(
        noun=money_type,
        role=None,
        owner=_owner(ctx, start),
        period=_rate(text, end, ctx.sentence.end) or _period(ctx),
        context=" ".join(text[max(ctx.sentence.start, start - 80) : end + 60].split()),
    )
    return ctx.make_claim(
        start,
        end,
        kind=Kind.MONEY,
        subject=subject,
        event=ctx.event_for(start, end),
        value=value,
        unit=code,
    )


def _with_subunit(
    ctx: SentenceContext, value: Interval[float], end: int, *, need_word: bool
) -> tuple[Interval[float], int]:
    """ "15 dollars 50" is 15.50; after a symbol the sub-unit must be named ("$20 and 43c")."""
    if value.qualifier is not Qualifier.EXACT or value.nominal is None:
        return value, end
    if not float(value.nominal).is_integer():
        return value, end
    match = _patterns()["subunit"].match(ctx.text, end, ctx.sentence.end)
    if match is None or (need_word and not match.group("unit")):
        return value, end
    sub = match.group("sub")
    cents = float(sub) if sub.isdigit() else words_to_number(sub)
    if cents is None or not 0 < cents < 100 or not float(cents).is_integer():
        return value, end
    return Interval.exact(value.nominal + cents / 100), match.end()


def _money_type(ctx: SentenceContext, start: int, end: int) -> str:
    cues = ctx.cues("money_types")
    cue = context.nearest(ctx.text, cues, start, end, limit=120)
    return cue.label if cue else "other"


def _owner(ctx: SentenceContext, start: int) -> str | None:
    """Whose money, read from the words that lead up to the figure.

    "cost the Australian economy" -> "australian"; "Australia's A$83.5 million" and
    "Japan's contribution of A$12m" -> the possessor; "Norway pledged EUR 20 million",
    "Canada, for its part, announced ..." -> the actor of the money verb. A person's
    title ("Deputy Prime Minister X asked ...") names no payer, and a capitalised word
    that is not tied to the figure by one of these patterns is not an owner: a wrong
    owner would split claims that are about the same money.
    """
    text = ctx.text
    pats = _patterns()
    economy = ctx.once(
        "money.economy",
        lambda: pats["owner_economy"].search(text, ctx.sentence.start, ctx.sentence.end),
    )
    if economy and economy.start() < start:
        return economy.group("owner").strip().lower()
    clause = text[max(ctx.sentence.start, start - 160) : start]
    possessive = pats["owner_possessive"].search(clause)
    actor = None
    for found in pats["owner_actor"].finditer(clause):
        if not re.search(r"[;:]", clause[found.end() :]):
            actor = found  # the last actor before the figure wins
    match = possessive or actor
    if match is None:
        return None
    words = [w for w in match.group("owner").split() if w.lower() not in _NOT_OWNERS]
    if not words or any(w.lower().strip(".") in _TITLES for w in words):
        return None
    return " ".join(words).lower()


# "a year ago" is a time, not a rate "a year"
_NOT_A_RATE = r"(?!\s+(?:ago|earlier|later|before|after)\b)"


@cache
def _rates() -> tuple[re.Pattern[str], dict[str, str]]:
    table = data_table("lexicon")["rates"]
    units = "|".join(re.escape(unit) for unit in table)
    pattern = rf"\s*(?:a|an|per|each|every)\s+(?P<unit>{units})\b{_NOT_A_RATE}"
    return re.compile(pattern, re.IGNORECASE), table


def _rate(text: str, end: int, limit: int) -> str | None:
    """ "$50 million a day", "$1 billion a month": an amount per period is a rate, never
    the same thing as a total (or as a rate per another period)."""
    pattern, table = _rates()
    match = pattern.match(text, end, limit)
    return table[match["unit"].lower()] if match else None


def _period(ctx: SentenceContext) -> str | None:
    return ctx.once("money.period", lambda: _find_period(ctx))


def _find_period(ctx: SentenceContext) -> str | None:
    match = _patterns()["period"].search(ctx.text, ctx.sentence.start, ctx.sentence.end)
    if not match:
        return None
    if match.group("year"):
        return match.group("year")
    if match.group("annual"):
        return "annual"
    return " ".join(match.group("rel").lower().split())
