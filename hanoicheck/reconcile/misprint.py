"""Figures that differ the way a typing slip changes one: a likely misprint.

"9,148 structures" in a recap and "9,418" in the fire service's count, "$191 million"
and "$911 million" for one aid release: two figures written with the same digits in
another order, or with one digit struck wrong, are rarely two true counts of two
things. An editor checks such a pair even when nothing else in the two sentences ties
them, so the reconciler groups and flags it (as a warning: the digits are the only
evidence).

Short figures are left out: 24 and 26 deaths, or 25 and 15 lakh, differ by a digit as
often by a real update or a real difference as by a slip. A struck digit in the last
significant place is also left out, since that is how a running total moves (227, 229).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence

from hanoicheck.model import Claim, Kind
from hanoicheck.reconcile.facets import Facets, Identity, conversions, copied, identity
from hanoicheck.reconcile.vocabulary import Vocabulary

# Significant digits a figure needs before two transposed digits make it a misprint
# (191 / 911), before one wrong digit does (66,778 / 76,778), and before a zero dropped
# or added does (£215,000 / £21,500: Rs 25 lakh and Rs 2.5 lakh are two tiers of one
# scheme as often as a slip).
TRANSPOSED_DIGITS = 3
STRUCK_DIGITS = 4
ZERO_DIGITS = 3


def _digits(value: float) -> str | None:
    if value != value or value in (float("inf"), float("-inf")) or value != int(value):
        return None
    return str(abs(int(value)))


def _scale_slip(x: str, y: str) -> bool:
    """ "€10.6 billion" and "10.6 million euros": the same digits a thousand times apart
    (money or counts written with a scale word), when at least two digits are given."""
    short, long = sorted((x, y), key=len)
    return len(long) == len(short) + 3 and long == short + "000" and len(short.rstrip("0")) >= 2


def _zero_slip(x: str, y: str) -> bool:
    """ "£215,000" and "£21,500" for one sum: the same digits ten times apart, a zero
    dropped or added."""
    short, long = sorted((x, y), key=len)
    return long == short + "0" and len(short.rstrip("0")) >= ZERO_DIGITS


def digit_slip(a: Claim, b: Claim) -> str | None:
    """How two figures differ when one reads like a misprint of the other, else None.

    Both must be stated the same way (the same hedge and unit) and be whole numbers of
    the same length: "two transposed digits" or "one digit".
    """
    if a.value.qualifier is not b.value.qualifier or a.unit != b.unit:
        return None
    if a.value.nominal is None or b.value.nominal is None:
        return None
    try:
        x, y = _digits(float(a.value.nominal)), _digits(float(b.value.nominal))
    except (TypeError, ValueError):
        return None  # a date's nominal is a day, not a figure
    if x is None or y is None or x == y:
        return None
    if _scale_slip(x, y):
        return "a scale word (thousand, million, billion) mixed up"
    if _zero_slip(x, y):
        return "a zero dropped or added"
    if len(x) != len(y):
        return None
    significant = max(len(x.rstrip("0")), len(y.rstrip("0")))
    differ = [i for i, (p, q) in enumerate(zip(x, y, strict=True)) if p != q]
    if len(differ) == 2 and differ[1] == differ[0] + 1:
        i, j = differ
        if x[i] == y[j] and x[j] == y[i] and significant >= TRANSPOSED_DIGITS:
            return "two transposed digits"
    if len(differ) == 1 and significant >= STRUCK_DIGITS and differ[0] < significant - 1:
        return "one digit"
    return None


def reordered_digits(a: Claim, b: Claim) -> bool:
    """Two whole figures written with the same digits in another order ("23" / "32",
    "1,457" / "1,475"): however short, never a part and its whole by chance alone."""
    x, y = (
        _digits(float(c.value.nominal)) if c.value.nominal is not None else None for c in (a, b)
    )
    return x is not None and y is not None and x != y and sorted(x) == sorted(y)


_FIGURE = re.compile(r"\d[\d.,]*")


def figure_frame(text: str) -> str:
    """The words around a text's figures, each figure a ``#``: what two copies of one
    sentence printed with different figures still share."""
    return _FIGURE.sub("#", text)


def reprinted_figure(a: Claim, b: Claim) -> bool:
    """Two outlets print one sentence, the same words around the figure at the same
    place, the same source quoted, and two figures: "a new 2 billion euro fund" in a
    reprint of "a new 20 billion euro fund". However far apart, one is a misprint
    (unless the copy was updated: the verdict checks the times)."""
    return (
        a.source != b.source
        and a.attribution == b.attribution  # police and unions may share a sentence's frame
        and a.value.qualifier is b.value.qualifier
        and a.value.nominal != b.value.nominal
        and figure_frame(a.quote) == figure_frame(b.quote)  # the same words around
        and copied(a, b)
    )


def _figure(facet: Facets) -> str | None:
    """The digits of a figure that could be misprinted, as written."""
    claim = facet.claim
    if claim.kind is Kind.DATE or facet.forecast or claim.value.nominal is None:
        return None
    digits = _digits(float(claim.value.nominal))
    if digits is None or len(digits.rstrip("0")) < TRANSPOSED_DIGITS:
        return None
    return digits


def _slips(digits: str) -> Iterator[str]:
    """Every figure one slip away: two neighbours swapped, one digit struck wrong, a zero
    dropped or added, or a scale word a thousand off."""
    significant = len(digits.rstrip("0"))
    yield digits + "000"  # a thousand times more: million for thousand, billion for million
    yield digits + "0"  # a zero added
    if digits.endswith("0"):
        yield digits[:-1]
    if digits.endswith("000"):
        yield digits[:-3]
    for i in range(len(digits) - 1):
        if digits[i] != digits[i + 1]:
            yield digits[:i] + digits[i + 1] + digits[i] + digits[i + 2 :]
    if significant >= STRUCK_DIGITS:
        for i in range(significant - 1):
            for digit in "0123456789":
                if digit != digits[i] and (i or digit != "0"):
                    yield digits[:i] + digit + digits[i + 1 :]


def misprinted_pairs(
    block: Sequence[Facets],
    clusters: Sequence[Sequence[Facets]],
    vocabulary: Vocabulary,
    *,
    across: bool = False,
) -> list[list[Facets]]:
    """Figures of one block that read as misprints of each other but were put in two
    groups: one more group for each such pair of figures, holding every claim of either.

    Grouping keeps apart what nothing ties ("9,148 structures" in a recap, "9,418" in
    a county's count), so the slip is looked for across the whole block: claims are
    indexed by their digits, and each claim looks up the few figures one slip away
    from its own (linear in the block, not quadratic). Two sources are needed, and
    nothing may tell the two claims apart (:func:`identity`).

    ``across``: ``block`` joins several blocks, and only pairs from two of them count
    (the pairs within one are found block by block).
    """
    by_digits: dict[str, list[Facets]] = defaultdict(list)
    # a conversion ("(about $11.4 billion)") stands with its figure, never on its own
    converted = conversions([f.claim for f in block]) if block[0].claim.kind is Kind.MONEY else {}
    for facet in block:
        digits = _figure(facet)
        if digits is not None and facet.claim.id not in converted:
            by_digits[digits].append(facet)
    home = {id(f): index for index, cluster in enumerate(clusters) for f in cluster}
    found: dict[tuple[str, str], list[Facets]] = {}
    for digits, mine in by_digits.items():
        for other in dict.fromkeys(_slips(digits)):
            if other <= digits or other not in by_digits:
                continue
            for a in mine:
                for b in by_digits[other]:
                    if (
                        a.claim.source == b.claim.source
                        or home.get(id(a)) == home.get(id(b))
                        or (across and a.block == b.block)
                        or not digit_slip(a.claim, b.claim)
                        or identity(a, b, vocabulary, why=False)[0] is Identity.DIFFERENT
                    ):
                        continue
                    members = found.setdefault((digits, other), [])
                    members.extend(f for f in (a, b) if all(f is not m for m in members))
    return list(found.values())


def money_blocks(facets: Sequence[Facets]) -> list[list[Facets]]:
    """Money of one story and currency, whatever its type: each a block for
    ``misprinted_pairs(..., across=True)``.

    "Macron's 109 million euro package" and "109 billion euros of private investment"
    are one sum misprinted, but the words around them file one as a contribution and
    the other as an investment, two blocks that grouping never compares. Where the type
    is all that sets two sums apart, a slip of the scale word still shows.
    """
    joined: dict[tuple[str, str | None], list[Facets]] = defaultdict(list)
    for facet in facets:
        if facet.claim.kind is Kind.MONEY:
            joined[(facet.story, facet.claim.unit)].append(facet)
    return [members for members in joined.values() if len({f.block for f in members}) > 1]
