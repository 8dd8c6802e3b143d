"""Find numeric figures in text: digits, number words, scale words, hedges and ranges.

A :class:`Figure` is the number part of a claim (``more than 110``, ``sixty-nine``,
``between 18 and 19``, ``83.5 million``, ``trillions``) with its value already an
interval. What the figure counts (a noun, a currency) is decided by the kind-specific
extractors; this module only knows numbers.

Hedges are meaning: "about" and "nearly" get a tolerance band from
:func:`hanoicheck.intervals.hedged`, so the reconciler and every export see the same
interval.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from hanoicheck.intervals import DEFAULT_TOLERANCE, Tolerance, hedged
from hanoicheck.lexicon import data_table
from hanoicheck.model import Interval, Qualifier

_GRAMMAR = data_table("numbers")  # the words of the number grammar (data/numbers.toml)
_UNITS: list[str] = _GRAMMAR["units"]
_TENS: list[str] = _GRAMMAR["tens"]
_SCALE_WORDS: dict[str, float] = _GRAMMAR["scale_words"]
_FRACTIONS: dict[str, float] = _GRAMMAR["fractions"]
_SCALE_ABBREV: dict[str, float] = _GRAMMAR["scale_abbrev"]
# "dozens of", "thousands of": vague amounts, kept as open intervals from their unit
# ("trillions of dollars" is at least 1e12).
_VAGUE: dict[str, float] = _GRAMMAR["vague"]
# Hedge phrases before a figure, by qualifier (longest match wins), and after it.
_HEDGES_BEFORE: dict[Qualifier, tuple[str, ...]] = {
    Qualifier(q): tuple(phrases) for q, phrases in _GRAMMAR["hedges_before"].items()
}
_HEDGES_AFTER: dict[str, Qualifier] = {
    phrase: Qualifier(q) for phrase, q in _GRAMMAR["hedges_after"].items()
}


@dataclass(frozen=True, slots=True)
class Figure:
    """A number found in text, with its hedge and interval.

    ``start``/``end`` span the hedge and the number (the quote of the figure);
    ``number_start``/``number_end`` the number alone (what a report highlights).
    ``in_words`` marks a figure written in words ("sixty-nine"), which needs a counted
    noun to be a claim at all. ``restated_end`` ends a bare restatement of the same
    figure in brackets right after it ("66.21 crore (662 million)"), which is part of
    this figure, not another one.
    """

    start: int
    end: int
    number_start: int
    number_end: int
    value: Interval[float]
    in_words: bool = False
    vague: bool = False
    scaled: bool = False
    restated_end: int | None = None

    @property
    def tail(self) -> int:
        """Where what the figure counts may start: after a restatement in brackets
        ("5.17 crore (51.7 million) people"), else right after the figure."""
        return self.restated_end if self.restated_end is not None else self.end


_NUMBER_WORD = "|".join(
    sorted(
        [*_UNITS, *_TENS, *_SCALE_WORDS, "dozen"],
        key=len,
        reverse=True,
    )
)
# Western grouping, Indian grouping ("12,34,567.89"), or none.
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!,\d)|\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d+)?|\d+(?:\.\d+)?"


# A currency sign that may open the second end of a range ("$22 billion to $38 billion");
# the currencies' short names written with a capital ("Rs", "Tk", "KSh") are added from
# the lexicon (:func:`_symbol`).
_SYMBOL = r"(?-i:[A-Z]{1,3})?\$\s?|[\u20ac\u00a3\u00a5\u20b9\u20a9]\s?|(?-i:[A-Z]{3})\s"


def _symbol() -> str:
    from hanoicheck.lexicon import alternation, default_lexicon

    short = [
        form.rstrip(".")
        for forms in default_lexicon().currencies.values()
        for form in forms
        if form[:1].isupper() and form.replace(".", "").isalpha() and len(form) <= 4
    ]
    return rf"{_SYMBOL}|(?-i:{alternation(short)})\.?\s?" if short else _SYMBOL


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    """Compile every pattern once, on first use (not at import: start-up stays fast)."""
    scale_words = "|".join(sorted(_SCALE_WORDS, key=len, reverse=True))
    # digits may be glued to a currency code or a dollar sign after them ("115.5USD")
    codes = "|".join(sorted(glued_codes(), key=len, reverse=True))
    glued = rf"(?!(?-i:(?:{codes})\b|[A-Z]{{1,3}}\$))"
    scale_abbrev = "|".join(sorted(_SCALE_ABBREV, key=len, reverse=True))
    symbol = _symbol()
    # "83.5 million", "1.5bn", "12k", "2.4 trillion"
    digits = (
        rf"(?<![\d_.,/#:])(?<!(?-i:[a-z]))(?P<sdigits>{_DIGITS})"
        rf"(?:\s?-?(?P<scale>{scale_words})(?:\s+(?P<scale2>{scale_words}))?\b"
        rf"(?:\s+(?P<rest>\d{{1,2}})\s+(?P<rest_scale>lakhs?|crores?|thousand)\b)?"
        rf"|(?P<abbrev>{scale_abbrev})\b)"
        rf"|(?<![\d_.,/#:])(?<!(?-i:[a-z]))(?P<digits>{_DIGITS})"
        rf"(?!{glued}[\w/]|[.,]\d|:\d|%|\s*(?:per\s*cent|percent)\b)"
    )
    words = (
        rf"(?P<words>(?:\b(?:a|one)\s+(?=(?:hundred|thousand|million|billion|dozen)\b))?"
        rf"\b(?:{_NUMBER_WORD})(?:(?:\s+and\s+|[\s-]+)(?:{_NUMBER_WORD}))*\b)"
    )
    vague = "|".join(sorted(_VAGUE, key=len, reverse=True))
    # A figure starts with a digit or begins a word with the first letter of a number
    # word ("sixty"), of "a"/"one" ("a hundred") or of a vague quantity ("dozens of").
    # Checked once per position before the branches are tried: 2.6x faster, same matches.
    fraction = (
        r"(?P<fraction>\b(?:(?:a|one)\s+)?"
        r"(?P<part>half|quarter|third|three[\s-]quarters?|"
        r"two[\s-]thirds?)\s+(?:of\s+)?(?:(?:a|an|one)\s+)?(?P<whole>million|billion|trillion)\b)"
    )
    initials = {w[0] for w in [*_UNITS, *_TENS, *_SCALE_WORDS, "dozen", "a", *_VAGUE, "quarter"]}
    first = "".join(sorted(initials))
    number = (
        rf"(?=\d|\b[{first}])"
        rf"(?:{digits}|{fraction}|{words}|(?P<vague>\b(?:{vague})\s+of\b))"
    )
    hedge_alts = "|".join(
        re.escape(h).replace(r"\ ", r"\s+")
        for h in sorted({h for hs in _HEDGES_BEFORE.values() for h in hs}, key=len, reverse=True)
    )
    return {
        "number": re.compile(number, re.IGNORECASE),
        "hedge_before": re.compile(rf"\b(?P<hedge>{hedge_alts})\s+$", re.IGNORECASE),
        "between": re.compile(rf"\b(?P<kw>between|from)\s+(?:{symbol})?$", re.IGNORECASE),
        "range_joint": re.compile(
            rf"\s*(?:-|\u2013|\u2014|\bto\b|\band\b|\bor\b)\s*(?:{symbol})?", re.IGNORECASE
        ),
        "hedge_after": re.compile(
            r"\s*(?P<h>or\s+more|and\s+more|or\s+so|-?plus\b|\+)", re.IGNORECASE
        ),
        # "(51.7 million)", "(about 400 million)": the figure again, in other words or
        # another numbering, with no currency or noun of its own
        "restated": re.compile(
            rf"\s*\(\s*(?:(?:{hedge_alts})\s+)?(?P<inner>{_DIGITS}"
            rf"(?:\s?(?:{scale_words})\b|(?:{scale_abbrev})\b)?)\s*\)",
            re.IGNORECASE,
        ),
    }


def _qualifier_of(hedge: str) -> Qualifier:
    hedge = " ".join(hedge.lower().split())
    for qualifier, phrases in _HEDGES_BEFORE.items():
        if hedge in phrases:
            return qualifier
    return Qualifier.EXACT


def hedge_before(text: str, pos: int, floor: int = 0) -> tuple[Qualifier, int, str] | None:
    """The hedge ending right before ``pos`` ("more than " + "US$54m"): qualifier, start, words."""
    match = _patterns()["hedge_before"].search(text[max(floor, pos - 40) : pos])
    if not match:
        return None
    words = match.group("hedge")
    return _qualifier_of(words), pos - len(match.group(0)), words


def words_to_number(text: str) -> float | None:
    """Value of a run of English number words, or None when it is not a number."""
    from text_to_num import text2num

    cleaned = " ".join(text.lower().replace("-", " ").split())
    if not cleaned:
        return None
    multiplier = 1.0
    if cleaned.endswith("dozen"):
        head = cleaned[: -len("dozen")].strip()
        multiplier = 12.0
        if head in ("", "a", "one"):
            return 12.0
        cleaned = head
    if cleaned.startswith("a "):
        cleaned = "one " + cleaned[2:]
    tokens = cleaned.split()
    for index, token in enumerate(tokens):
        if token in ("lakh", "lakhs", "crore", "crores"):
            times = words_to_number(" ".join(tokens[:index])) if index else 1.0
            rest = words_to_number(" ".join(tokens[index + 1 :])) if tokens[index + 1 :] else 0.0
            if times is None or rest is None:
                return None
            return times * _SCALE_WORDS[token] + rest
    try:
        return float(text2num(cleaned, "en")) * multiplier
    except ValueError:
        return None


def parse_number(text: str) -> float | None:
    """Value of a digit string with optional scale ("1,000", "83.5 million", "1.5bn")."""
    match = _patterns()["number"].fullmatch(text.strip())
    if not match:
        return None
    return _value_of(match)


def _value_of(match: re.Match[str]) -> float | None:
    if match.group("digits"):
        return float(match.group("digits").replace(",", ""))
    if match.group("sdigits"):
        base = Decimal(match.group("sdigits").replace(",", ""))
        scale = match.group("scale")
        factor = (
            _SCALE_WORDS[scale.lower()] if scale else _SCALE_ABBREV[match.group("abbrev").lower()]
        )
        if match.group("scale2"):  # "2 lakh crore": the scales multiply
            factor *= _SCALE_WORDS[match.group("scale2").lower()]
        value = base * Decimal(int(factor))  # 66.21 crore is 662100000, exactly
        if match.group("rest"):  # "66 crore 21 lakh": the parts add up
            smaller = _SCALE_WORDS[match.group("rest_scale").lower()]
            if smaller >= factor:
                return None
            value += Decimal(match.group("rest")) * Decimal(int(smaller))
        return float(value)
    if match.group("fraction"):
        part = " ".join(match.group("part").lower().replace("-", " ").split()).rstrip("s")
        return _FRACTIONS[part] * _SCALE_WORDS[match.group("whole").lower()]
    if match.group("words"):
        return words_to_number(match.group("words"))
    vague = " ".join(match.group("vague").lower().split()[:-1])
    return _VAGUE[vague]


def find_figures(
    text: str,
    start: int = 0,
    end: int | None = None,
    tolerance: Tolerance = DEFAULT_TOLERANCE,
) -> list[Figure]:
    """Every numeric figure in ``text[start:end]``, with hedges and ranges folded in."""
    pats = _patterns()
    end = len(text) if end is None else end
    figures: list[Figure] = []
    matches = list(pats["number"].finditer(text, start, end))
    skip_until = -1
    for index, match in enumerate(matches):
        if match.start() < skip_until:
            continue
        value = _value_of(match)
        if value is None or not _prefix_ok(text, match.start()):
            continue
        in_words = bool(match.group("words"))
        if in_words and match.group("words").strip().lower() in _SCALE_WORDS:
            continue  # "million eggs", "hundreds": a scale word alone is not a number
        vague = bool(match.group("vague"))
        scaled = _scaled(match)
        number_end = match.end()
        joined = _whole_and_fraction(text, match, matches[index + 1 : index + 2], value)
        if joined is not None:  # "two and a half million"
            value, number_end, scaled = joined, matches[index + 1].end(), True
        fig_start, fig_end = match.start(), number_end
        lookback = text[max(start, fig_start - 40) : fig_start]
        # Range: "between 18 and 19", "18-19", "18 to 20", "from 3 to 5"
        range_end = None if joined is not None else _range_partner(text, matches, index, end)
        between = pats["between"].search(lookback)
        if range_end is not None:
            partner, partner_value = range_end
            if partner_value > value and (between or _tight_joint(text, match, partner)):
                low_start = fig_start - len(between.group(0)) if between else fig_start
                value, partner_value = _share_scale(value, partner_value, match, partner)
                interval = Interval(value, value, partner_value, True, True, Qualifier.RANGE)
                figures.append(
                    Figure(
                        low_start,
                        partner.end(),
                        fig_start,
                        partner.end(),
                        interval,
                        in_words,
                        vague,
                        scaled,
                    )
                )
                skip_until = partner.end()
                continue
        hedge = pats["hedge_before"].search(lookback)
        qualifier = Qualifier.AT_LEAST if vague else Qualifier.EXACT
        hedge_word = ""
        if hedge:
            hedge_word = hedge.group("hedge")
            qualifier = _qualifier_of(hedge_word)
            fig_start -= len(hedge.group(0))
        after = pats["hedge_after"].match(text, fig_end, end)
        if after and qualifier is Qualifier.EXACT and not vague:
            qualifier = _HEDGES_AFTER[" ".join(after.group("h").lower().lstrip("-").split())]
            fig_end = after.end()
        interval = hedged(value, qualifier, tolerance, hedge_word)
        if vague:
            interval = hedged(value, Qualifier.AT_LEAST)
        restated = _restatement(text, fig_end, end, value)
        if joined is not None:
            skip_until = number_end
        if restated is not None:
            skip_until = restated
        figures.append(
            Figure(
                fig_start,
                fig_end,
                match.start(),
                number_end,
                interval,
                in_words,
                vague,
                scaled,
                restated,
            )
        )
    return figures


_AND = re.compile(r"\s+and\s+", re.IGNORECASE)


def _whole_and_fraction(
    text: str, match: re.Match[str], following: list[re.Match[str]], whole: float
) -> float | None:
    """ "two and a half million" is 2.5 million: a whole number in words, "and", then a
    fraction of a scale word read as its own figure. Joined here, after the scan, rather
    than in the number pattern, where an optional number word before every fraction was
    tried at every word of every sentence."""
    if not match.group("words") or not following or not following[0].group("fraction"):
        return None
    fraction = following[0]
    if not _AND.fullmatch(text, match.end(), fraction.start()) or not whole.is_integer():
        return None
    scale = _SCALE_WORDS[fraction.group("whole").lower()]
    part = _value_of(fraction)
    return None if part is None else whole * scale + part


RESTATED_TOLERANCE = 0.05  # "66.21 crore (roughly 662 million)": rounded, not another figure


def _restatement(text: str, pos: int, end: int, value: float) -> int | None:
    """The end of a bracket right after a figure that states the same figure again
    ("5.17 crore (51.7 million)"), or None. A bracket with another value, a currency
    or words is something else (a conversion, a breakdown) and stays its own figure."""
    match = _patterns()["restated"].match(text, pos, end)
    if match is None or value <= 0:
        return None
    inner = parse_number(match.group("inner"))
    if inner is None or abs(inner - value) > RESTATED_TOLERANCE * value:
        return None
    return match.end()


def _prefix_ok(text: str, pos: int) -> bool:
    """Digits glued to capitals are a claim only after a currency code ("AUD83.5m")."""
    if pos == 0 or not text[pos - 1].isalpha():
        return True
    run = pos
    while run > 0 and text[run - 1].isalpha() and pos - run < 4:
        run -= 1
    return text[run:pos] in glued_codes()


@cache
def scale_abbreviations() -> frozenset[str]:
    """The scale abbreviations of the number grammar ("k", "m", "bn"), lower case."""
    return frozenset(_SCALE_ABBREV)


def glued_codes() -> frozenset[str]:
    from hanoicheck.lexicon import default_lexicon

    forms = (f for forms in default_lexicon().currencies.values() for f in forms)
    return frozenset(f.upper() for f in forms if f.isalpha() and len(f) <= 3)


def _scaled(match: re.Match[str]) -> bool:
    return bool(match.group("sdigits") or match.group("fraction")) or bool(
        match.group("words") and re.search(r"million|billion|trillion", match.group("words"), re.I)
    )


def _range_partner(
    text: str, matches: list[re.Match[str]], index: int, end: int
) -> tuple[re.Match[str], float] | None:
    if index + 1 >= len(matches):
        return None
    this, nxt = matches[index], matches[index + 1]
    joint = _patterns()["range_joint"].fullmatch(text, this.end(), nxt.start())
    if not joint:
        return None
    value = _value_of(nxt)
    return (nxt, value) if value is not None else None


def _tight_joint(text: str, match: re.Match[str], partner: re.Match[str]) -> bool:
    """A dash or "to" joins a range on its own; "and"/"or" only after "between"/"from"."""
    joint = text[match.end() : partner.start()].strip().lower()
    words = joint.split()
    if len(words) == 2 and (
        words[1].rstrip("$").isalpha() or words[1] in "\u20ac\u00a3\u00a5\u20b9\u20a9$"
    ):
        joint = words[0]  # "to $38 billion", "and EUR 35 billion": the sign of the other end
    return joint in ("-", "\u2013", "\u2014", "to")


def _share_scale(
    low: float, high: float, low_match: re.Match[str], high_match: re.Match[str]
) -> tuple[float, float]:
    """ "1.5-2 billion": the scale written once applies to both ends."""
    if _scaled(high_match) and not _scaled(low_match) and high > 0:
        scale = (
            high / float(high_match.group("sdigits").replace(",", ""))
            if high_match.group("sdigits")
            else 1.0
        )
        if low * scale < high:
            return low * scale, high
    return low, high
