"""One picture per group, drawn as plain SVG text.

A running total, a forecast against an outcome, a session placed on two days: these
are seen faster than read. Two pictures cover every kind of claim:

- :func:`value_chart` (counts and money): each source's interval on a value axis
  against the time the figure holds (its ``as_of``, else the article's date). Times
  are columns in order, not to scale, so that 12:55, 18:00 and "the next day" stay
  legible in a card; a running total reads as a rising staircase and a real clash as
  two marks in one column. Hedges keep their shape: an arrow to the edge for an open
  end ("more than 110"), a translucent band for "about", a bar for a range. Forecasts
  and plans are hollow, reported figures filled. Copies of one outlet at one time and
  value are one mark with a count.
- :func:`date_chart` (dates): a calendar strip, one row per outlet and side, each
  source's day or range on it, the consensus span shaded and each article's
  publication day marked, so "a report dated before the event it describes" shows.

No plotting library: the marks are a few hundred bytes of SVG each, the output is
byte-for-byte stable (snapshot tests read it), and the page stays one file with no
script needed to see it. Every string from an article goes through
:mod:`hanoicheck.formats.html.safe`. Sides are told apart by shape as well as colour
(circle, square, triangle, diamond), so the picture survives grey-scale printing and
colour blindness; the colours are the page stylesheet's ``--side-N`` values, at 4.5:1 or
more against white (WCAG 2.1 asks 3:1 of marks; the side labels in the list use them too).
Past 12 sides (6 colours by 4 shapes) the rest are drawn as grey crosses, "other values".
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache

from hanoicheck.extract.timescope import part_hours
from hanoicheck.formats.html import safe
from hanoicheck.model import Claim, Kind, Modality, Qualifier, TimeBasis
from hanoicheck.reconcile import Group
from hanoicheck.reconcile.labels import value_label

SIDE_COLORS = ("#0b5cad", "#b3400a", "#137a4f", "#8a3b8f", "#6b5a00", "#3d3d3d")
"""Side colours (mirrored in the stylesheet as ``--side-N``); all at least 4.5:1 on white."""
SHAPES = ("circle", "square", "triangle", "diamond")
HOLLOW = frozenset({Modality.FORECAST, Modality.PLAN})
"""Modalities drawn hollow: not a reported fact, so not an outlet's error."""

_OPEN_UP = frozenset({Qualifier.MORE_THAN, Qualifier.AT_LEAST})
_OPEN_DOWN = frozenset({Qualifier.UP_TO, Qualifier.LESS_THAN})
_BAND = frozenset({Qualifier.ABOUT, Qualifier.NEARLY})

LABEL_W = 128.0
"""Width of a calendar strip's outlet names."""
MAX_DATE_ROWS = 24
"""Beyond this many outlet rows, a calendar strip shows one row per side instead."""


MIN_SCALE = 0.7
"""A picture wider than its card shrinks to fit down to this share of its size (its
text stays legible on a phone); beyond that, it scrolls sideways in its card."""
MIN_WIDTH_STEP = 40
MIN_WIDTH_CLASSES = range(200, 1201, MIN_WIDTH_STEP)
"""Minimum widths (px) with a class in the stylesheet (``mw<px>``); inline ``style``
attributes are refused by the page's Content-Security-Policy, so sizes are classes."""


def _value(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.1f}".removesuffix(".0")
    return safe.attr(value)


def el(tag: str, body: str | None = None, /, **attrs: object) -> str:
    """One SVG element. Attribute names are Python names (``stroke_width`` is
    ``stroke-width``, ``class_`` is ``class``); every value is escaped here and floats are
    written with one decimal, so the output is stable and safe. ``body`` is markup the
    caller built (text in it must already be escaped); None makes an empty element."""
    written = " ".join(
        f'{name.rstrip("_").replace("_", "-")}="{_value(value)}"'
        for name, value in attrs.items()
        if value is not None
    )
    opening = f"<{tag} {written}" if written else f"<{tag}"
    return f"{opening}/>" if body is None else f"{opening}>{body}</{tag}>"


def min_width_rules() -> str:
    """The stylesheet rules of :data:`MIN_WIDTH_CLASSES`."""
    return "".join(f".mw{w}{{min-width:{w}px}}" for w in MIN_WIDTH_CLASSES)


def _svg_open(width: float, height: float, label: str) -> str:
    floor = int(width * MIN_SCALE) // MIN_WIDTH_STEP * MIN_WIDTH_STEP
    floor = min(max(floor, MIN_WIDTH_CLASSES[0]), MIN_WIDTH_CLASSES[-1])
    return (
        f'<svg class="chart mw{floor}" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'width="{width:.0f}" height="{height:.0f}" role="img" aria-label="{safe.attr(label)}">'
    )


SIDES_DRAWN = 12
"""Sides with a colour and shape of their own (6 colours x 4 shapes repeat after 12);
further sides are drawn together as "other values", grey crosses."""
OTHERS_COLOR = "#5c5c5c"


def drawn_side(side: int) -> int:
    """The series a side is drawn in: itself, or :data:`SIDES_DRAWN` for the others."""
    return min(side, SIDES_DRAWN)


def side_color(side: int) -> str:
    return OTHERS_COLOR if side >= SIDES_DRAWN else SIDE_COLORS[side % len(SIDE_COLORS)]


def side_shape(side: int) -> str:
    return "cross" if side >= SIDES_DRAWN else SHAPES[side % len(SHAPES)]


def shape(kind: str, x: float, y: float, color: str, hollow: bool, r: float = 5.0) -> str:
    """A marker of ``kind`` centred on (x, y): filled, or white inside when ``hollow``."""
    paint: dict[str, object] = {
        "fill": "#fff" if hollow else color,
        "stroke": color,
        "stroke_width": 2 if hollow else None,  # 1, SVG's default, is left out
    }
    if kind == "square":
        return el("rect", x=x - r, y=y - r, width=2 * r, height=2 * r, **paint)
    if kind == "triangle":
        points = [(x, y - r - 1), (x + r + 1, y + r), (x - r - 1, y + r)]
    elif kind == "diamond":
        d = r + 1.5
        points = [(x, y - d), (x + d, y), (x, y + d), (x - d, y)]
    elif kind == "cross":
        path = (
            f"M{x - r:.1f},{y - r:.1f} L{x + r:.1f},{y + r:.1f} "
            f"M{x - r:.1f},{y + r:.1f} L{x + r:.1f},{y - r:.1f}"
        )
        return el("path", d=path, stroke=color, stroke_width=2.5, fill="none")
    else:
        return el("circle", cx=x, cy=y, r=r, **paint)
    return el("polygon", points=" ".join(f"{px:.1f},{py:.1f}" for px, py in points), **paint)


def swatch(side: int, hollow: bool = False) -> str:
    """A small inline SVG of a side's marker, for legends written in HTML."""
    marker = shape(side_shape(side), 7, 7, side_color(side), hollow, 4.5)
    return f'<svg class="swatch" width="14" height="14" aria-hidden="true">{marker}</svg>'


# --------------------------------------------------------------------------- time


@dataclass(frozen=True, slots=True, order=True)
class Moment:
    """A column of the value chart: when a figure holds, as a sort key and a label."""

    key: tuple[int, int, int]
    day: str
    part: str


@cache
def _hours() -> dict[str, int]:
    return part_hours()


def _iso_day(iso: str) -> tuple[date | None, int, int]:
    """``2025-09-18`` -> (date, month, day); ``--09-18`` -> (None, 9, 18)."""
    if iso.startswith("--"):
        return None, int(iso[2:4]), int(iso[5:7])
    parsed = date.fromisoformat(iso[:10])
    return parsed, parsed.month, parsed.day


def _short_day(iso: str, with_year: bool) -> str:
    parsed, month, day = _iso_day(iso)
    name = date(2000, month, day).strftime("%b")
    if parsed is None:
        return f"{name} {day}"
    return f"{name} {day}, {parsed.year}" if with_year else f"{name} {day}"


def moment(claim: Claim, with_year: bool = False) -> Moment:
    """When ``claim`` holds: its stated time, else its article's date, else "no date".

    Within a day, clock times and parts of day are ordered by hour; a figure with only a
    day comes after the timed ones (it holds as of the article, written later), and a
    final count after everything of its day.
    """
    when = claim.as_of or claim.document_date
    if not when:
        return Moment((0, 0, 0), "no date", "")
    first, _, last = when.partition("/")
    last = last or first
    parsed, month, day = _iso_day(last)
    ordinal = parsed.toordinal() if parsed is not None else month * 31 + day
    label = _short_day(last, with_year)
    if last != first:
        label = f"{_short_day(first, with_year)}-{label}"
    part = claim.as_of_part if claim.as_of else None
    if claim.as_of_basis is TimeBasis.FINAL:
        return Moment((1, ordinal, 24 * 60 + 1), label, "final")
    if part and ":" in part:
        hours, _, minutes = part.partition(":")
        return Moment((1, ordinal, int(hours) * 60 + int(minutes)), label, part)
    if part and part in _hours():
        return Moment((1, ordinal, _hours()[part] * 60), label, part)
    return Moment((1, ordinal, 24 * 60), label, "" if parsed is not None else "no year")


# -------------------------------------------------------------------------- values


@dataclass(frozen=True, slots=True)
class Mark:
    """One drawn figure: one side's value from one outlet at one time (copies merged)."""

    side: int
    column: int
    low: float | None
    high: float | None
    nominal: float | None
    qualifier: Qualifier
    hollow: bool
    outlet: str
    claims: tuple[Claim, ...]


def outlet_of(claim: Claim) -> str:
    """The outlet a claim counts for (its file name when no outlet is known)."""
    return claim.outlet or claim.source.rsplit("/", 1)[-1]


def _number(value: object) -> float | None:
    return None if value is None else float(str(value))


@dataclass(frozen=True, slots=True)
class _Key:
    """What makes two claims one mark: same side, time, outlet, value and modality."""

    side: int
    when: Moment
    outlet: str
    low: object
    high: object
    qualifier: Qualifier
    hollow: bool


def _marks(group: Group) -> tuple[list[Mark], list[Moment], int]:
    """The marks of a count or money group, its time columns, and how many claims were
    left out (a conversion in another currency cannot share the value axis)."""
    years = {c.as_of[:4] for c in group.claims if c.as_of and not c.as_of.startswith("-")}
    with_year = len(years) > 1
    merged: dict[_Key, list[Claim]] = {}
    left_out = 0
    for side, position in enumerate(group.positions):
        for claim in position.claims:
            if position.unit and claim.unit != position.unit and group.kind is Kind.MONEY:
                left_out += 1
                continue
            value = claim.value
            key = _Key(
                drawn_side(side),
                moment(claim, with_year),
                outlet_of(claim),
                value.low,
                value.high,
                value.qualifier,
                claim.modality in HOLLOW,
            )
            merged.setdefault(key, []).append(claim)
    if len({key.when for key in merged}) > MAX_COLUMNS:
        bins = _bins(sorted({key.when for key in merged}))
        binned: dict[_Key, list[Claim]] = {}
        for key, claims in merged.items():
            binned.setdefault(replace(key, when=bins[key.when]), []).extend(claims)
        merged = binned
    columns = sorted({key.when for key in merged})
    index = {when: i for i, when in enumerate(columns)}
    if len(merged) > MAX_MARKS:
        return _summarised(merged, index), columns, left_out
    marks = [
        Mark(
            side=key.side,
            column=index[key.when],
            low=_number(key.low),
            high=_number(key.high),
            nominal=_number(claims[0].value.nominal),
            qualifier=key.qualifier,
            hollow=key.hollow,
            outlet=key.outlet,
            claims=tuple(claims),
        )
        for key, claims in merged.items()
    ]
    return marks, columns, left_out


MAX_COLUMNS = 24
"""Beyond this many distinct times, consecutive times share a column (equal counts)."""


def _bins(moments: Sequence[Moment]) -> dict[Moment, Moment]:
    """Each of ``moments`` (sorted) -> the column standing for it and its neighbours."""
    size = math.ceil(len(moments) / MAX_COLUMNS)
    bins: dict[Moment, Moment] = {}
    for start in range(0, len(moments), size):
        members = moments[start : start + size]
        first, last = members[0], members[-1]
        span = Moment(first.key, first.day, f"to {last.day}" if last.day != first.day else "")
        bins.update(dict.fromkeys(members, span))
    return bins


MAX_MARKS = 60
"""Beyond this many marks a picture shows, per side and time, the span of the values."""


def _summarised(merged: dict[_Key, list[Claim]], index: dict[Moment, int]) -> list[Mark]:
    """One mark per side and time, spanning its figures, when one per outlet is too many
    to see (a synthetic story can give one figure 600 sources)."""
    spans: dict[tuple[int, int], list[tuple[_Key, list[Claim]]]] = {}
    for key, claims in merged.items():
        spans.setdefault((key.side, index[key.when]), []).append((key, claims))
    marks = []
    for (side, column), members in spans.items():
        values = [
            v for key, _ in members for v in (_number(key.low), _number(key.high)) if v is not None
        ]
        claims = [c for _, group in members for c in group]
        outlets = len({key.outlet for key, _ in members})
        low, high = (min(values), max(values)) if values else (None, None)
        marks.append(
            Mark(
                side=side,
                column=column,
                low=low,
                high=high,
                nominal=None if low is None or high is None else (low + high) / 2,
                qualifier=Qualifier.RANGE if low != high else Qualifier.EXACT,
                hollow=all(key.hollow for key, _ in members),
                outlet=f"{outlets} outlet{'s' * (outlets != 1)}",
                claims=tuple(claims),
            )
        )
    return marks


@dataclass(frozen=True, slots=True)
class Scale:
    """A value axis: linear, or logarithmic when values span more than ``LOG_RATIO``."""

    lo: float
    hi: float
    log: bool
    top: float
    bottom: float

    def y(self, value: float) -> float:
        lo, hi, v = self.lo, self.hi, value
        if self.log:
            lo, hi, v = math.log10(lo), math.log10(hi), math.log10(max(value, self.lo))
        share = (v - lo) / (hi - lo) if hi > lo else 0.5
        share = min(max(share, 0.0), 1.0)
        return self.bottom - share * (self.bottom - self.top)

    def ticks(self) -> list[float]:
        if self.log:
            first, last = round(math.log10(self.lo)), round(math.log10(self.hi))
            return [10.0**k for k in range(first, last + 1)]
        step = _nice_step((self.hi - self.lo) / 4)
        start = math.ceil(self.lo / step) * step
        return [start + i * step for i in range(int((self.hi - start) / step + 1e-9) + 1)]


LOG_RATIO = 20.0
"""Values further apart than this ratio go on a log axis (10 vs 1,000,000 must both show)."""


def _nice_step(raw: float) -> float:
    if raw <= 0:
        return 1.0
    power = 10.0 ** math.floor(math.log10(raw))
    for multiple in (1.0, 2.0, 2.5, 5.0, 10.0):
        if raw <= multiple * power:
            return multiple * power
    return 10.0 * power  # pragma: no cover - the loop always returns


def _scale(marks: Sequence[Mark], top: float, bottom: float) -> Scale | None:
    values = [v for m in marks for v in (m.low, m.high, m.nominal) if v is not None]
    values = [v for v in values if math.isfinite(v)]
    if not values:
        return None
    lo, hi = min(values), max(values)
    if lo > 0 and hi / lo >= LOG_RATIO:
        # A decade of headroom when a value sits on a power of ten, so an open end
        # ("more than 1 million") has room for its arrow above its mark.
        first = math.floor(math.log10(lo) - 0.1)
        last = math.ceil(math.log10(hi) + 0.1)
        return Scale(10.0**first, 10.0**last, True, top, bottom)
    if hi == lo:
        pad = abs(hi) * 0.1 or 1.0
        lo, hi = lo - pad, hi + pad
    step = _nice_step((hi - lo) / 4)
    lo = math.floor((lo - (hi - lo) * 0.08) / step) * step
    hi = math.ceil((hi + (hi - lo) * 0.08) / step) * step
    if min(values) >= 0:
        lo = max(lo, 0.0)
    return Scale(lo, hi, False, top, bottom)


def short_number(value: float) -> str:
    """An axis label: 900k, 1.5M, 3bn; small numbers as written."""
    for size, suffix in ((1e12, "tn"), (1e9, "bn"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= size:
            shown = f"{value / size:.1f}".removesuffix(".0")
            return f"{shown}{suffix}"
    return (
        f"{value:.2f}".rstrip("0").rstrip(".") if not float(value).is_integer() else f"{value:.0f}"
    )


def _arrow(x: float, y: float, up: bool, color: str) -> str:
    """An open end: a chevron at the plot's edge, pointing the way the value runs on."""
    tip = -6 if up else 6
    path = f"M{x - 4:.1f},{y - tip:.1f} L{x:.1f},{y:.1f} L{x + 4:.1f},{y - tip:.1f}"
    return el("path", d=path, fill="none", stroke=color, stroke_width=1.5)


def _where(claims: Iterable[Claim]) -> str:
    """``file:line`` of each claim, file names only: the card's list below gives the
    paths, and at 10,000 articles the tooltips were a third of a picture's weight."""
    return ", ".join(f"{place(c)}" for c in claims)


def place(claim: Claim) -> str:
    return f"{claim.source.rsplit('/', 1)[-1]}:{claim.line}"


def _mark_title(mark: Mark, columns: Sequence[Moment]) -> str:
    """A mark's tooltip: outlet, the figure as the claim gives it, when, and where."""
    when = columns[mark.column]
    moment_text = " ".join(part for part in (when.day, when.part) if part)
    if when.key[0]:
        moment_text = f"as of {moment_text}"
    copies = f"; {len(mark.claims)} copies" if len(mark.claims) > 1 else ""
    first = mark.claims[0]
    return (
        f"{mark.outlet}: {value_label(first)} ({moment_text}; {first.modality}{copies}; "
        f"{_where(mark.claims)})"
    )


MARK_GAP = 14.0
"""Horizontal room per mark in a column: a column widens with the marks it holds."""


def value_chart(group: Group) -> str:
    """The value-against-time picture of a count or money group ('' when nothing to draw)."""
    marks, columns, left_out = _marks(group)
    left, right, top, plot_h, bottom_h = 52.0, 14.0, 18.0, 170.0, 34.0
    scale = _scale(marks, top, top + plot_h)
    if scale is None:
        return ""
    by_column: dict[int, list[Mark]] = {}
    for mark in sorted(marks, key=lambda m: (m.column, m.side, m.outlet, m.low or 0.0)):
        by_column.setdefault(mark.column, []).append(mark)
    widths = [max(64.0, MARK_GAP * len(by_column.get(i, ())) + 24) for i in range(len(columns))]
    starts = [left + sum(widths[:i]) for i in range(len(columns))]
    width = left + right + sum(widths)
    bottom = top + plot_h
    out = [
        _svg_open(width, bottom + bottom_h, _summary(group, columns)),
        el("rect", x=left, y=top, width=width - left - right, height=plot_h, fill="#fafafa",
           stroke="#8a8a8a"),
    ]  # fmt: skip
    for tick in scale.ticks():
        y = scale.y(tick)
        out.append(el("line", x1=left, x2=width - right, y1=y, y2=y, stroke="#dedede"))
        label = short_number(tick)
        out.append(el("text", label, x=left - 5, y=y + 4, text_anchor="end", class_="tick"))
    if scale.log:
        out.append(el("text", "log scale", x=left + 4, y=top - 5, class_="tick"))
    for i, when in enumerate(columns):
        new_day = i == 0 or columns[i - 1].day != when.day
        if i:
            shade = "#b5b5b5" if new_day else "#e6e6e6"
            foot = bottom + (10 if new_day else 0)
            out.append(el("line", x1=starts[i], x2=starts[i], y1=top, y2=foot, stroke=shade))
        timed_day = any(c.day == when.day and c.part for c in columns)
        part = when.part or ("no time" if timed_day else "")
        lines = [when.day if new_day or not when.part else "", part]
        for n, line in enumerate(lines):
            if line:
                x = starts[i] + widths[i] / 2
                y = bottom + 14 + 13 * n
                out.append(
                    el("text", safe.text(line), x=x, y=y, text_anchor="middle", class_="tick")
                )
    for column, stack in sorted(by_column.items()):
        for k, mark in enumerate(stack):
            x = starts[column] + widths[column] / 2 + (k - (len(stack) - 1) / 2) * MARK_GAP
            out.append(_draw_mark(mark, x, scale, _mark_title(mark, columns)))
    out.append("</svg>")
    note = ""
    if left_out:
        note = (
            f'<p class="note">{left_out} conversion{"s" * (left_out != 1)} into another '
            "currency not drawn (no exchange rate is assumed).</p>"
        )
    return "\n".join(out) + note


def _draw_mark(mark: Mark, x: float, scale: Scale, title: str) -> str:
    """A figure's mark: its shape at the value, and its hedge drawn around it."""
    color = side_color(mark.side)
    parts = [f"<g><title>{safe.text(title)}</title>"]
    low = scale.y(mark.low) if mark.low is not None else scale.bottom
    high = scale.y(mark.high) if mark.high is not None else scale.top
    if mark.qualifier in _BAND and mark.low is not None and mark.high is not None:
        parts.append(
            el("rect", x=x - 5, y=high, width=10, height=max(low - high, 1.0), fill=color,
               fill_opacity=0.22, stroke=color)
        )  # fmt: skip
    elif mark.low is None or mark.high is None or mark.low != mark.high:
        dash = None if mark.qualifier is Qualifier.RANGE else "4 2"
        parts.append(
            el("line", x1=x, x2=x, y1=low, y2=high, stroke=color, stroke_width=2,
               stroke_dasharray=dash)
        )  # fmt: skip
        if mark.high is None:
            parts.append(_arrow(x, scale.top, True, color))
        if mark.low is None:
            parts.append(_arrow(x, scale.bottom, False, color))
        if mark.qualifier is Qualifier.RANGE:
            parts.extend(
                el("line", x1=x - 4, x2=x + 4, y1=y, y2=y, stroke=color, stroke_width=2)
                for y in (low, high)
            )
    if mark.qualifier is Qualifier.RANGE and mark.low is not None and mark.high is not None:
        at = (low + high) / 2
    elif mark.qualifier in _OPEN_UP and mark.low is not None:
        at = low
    elif mark.qualifier in _OPEN_DOWN and mark.high is not None:
        at = high
    elif mark.nominal is not None:
        at = scale.y(mark.nominal)
    else:
        at = (low + high) / 2
    parts.append(shape(side_shape(mark.side), x, at, color, mark.hollow))
    if len(mark.claims) > 1:
        copies = f"\u00d7{len(mark.claims)}"
        parts.append(el("text", copies, x=x + 7, y=at - 6, class_="copies"))
    parts.append("</g>")
    return "".join(parts)


def _summary(group: Group, columns: Sequence[Moment]) -> str:
    """What the picture shows, in words, for a screen reader (the list below has it all)."""
    times = len(columns)
    return (
        f"{len(group.positions)} values of {group.subject} over {times} "
        f"time{'s' * (times != 1)}, one mark per outlet; details in the list below."
    )


# --------------------------------------------------------------------------- dates


@dataclass(frozen=True, slots=True)
class _Row:
    side: int
    label: str
    spans: tuple[tuple[date | None, date | None, bool, Claim], ...]  # low, high, hollow
    published: tuple[date, ...]
    claims: tuple[Claim, ...]


def _day(iso: object, year: int) -> tuple[date | None, bool]:
    """An ISO day as a date, a year-less one placed in ``year`` (flagged)."""
    if iso is None:
        return None, False
    text = str(iso)
    if text.startswith("--"):
        month, day = int(text[2:4]), int(text[5:7])
        try:
            return date(year, month, day), True
        except ValueError:  # Feb 29 of a year without one
            return date(year, month, 28), True
    return date.fromisoformat(text[:10]), False


def _rows(group: Group) -> tuple[list[_Row], bool]:
    """One row per side and outlet (or per side when there are too many outlets)."""
    years = [
        str(v)[:4]
        for c in group.claims
        for v in (c.value.low, c.value.high)
        if v and str(v)[0] != "-"
    ]
    year = int(max(set(years), key=years.count)) if years else 2000
    yearless = False
    per_outlet = (
        len({(s, outlet_of(c)) for s, p in enumerate(group.positions) for c in p.claims})
        <= MAX_DATE_ROWS
    )
    rows: dict[tuple[int, str], list[Claim]] = {}
    for side, position in enumerate(group.positions):
        for claim in position.claims:
            if side >= SIDES_DRAWN:
                name = "other values"
            else:
                name = outlet_of(claim) if per_outlet else position.label
            rows.setdefault((drawn_side(side), name), []).append(claim)
    result = []
    for (side, name), claims in rows.items():
        spans = []
        published = set()
        for claim in claims:
            low, flag_low = _day(claim.value.low, year)
            high, flag_high = _day(claim.value.high, year)
            yearless = yearless or flag_low or flag_high
            spans.append((low, high, claim.modality in HOLLOW, claim))
            if claim.document_date:
                day, _ = _day(claim.document_date, year)
                if day is not None:
                    published.add(day)
        unique = {(lo, hi, hollow): claim for lo, hi, hollow, claim in spans}
        result.append(
            _Row(
                side,
                name,
                tuple((lo, hi, hollow, claim) for (lo, hi, hollow), claim in unique.items()),
                tuple(sorted(published)),
                tuple(claims),
            )
        )
    return result, yearless and not years


def _span_of(group: Group, rows: Sequence[_Row]) -> tuple[date, date] | None:
    """The consensus side's days (None on a tie): the span most outlets give."""
    if group.consensus.tied or group.consensus.label is None:
        return None
    side = next(
        (i for i, p in enumerate(group.positions) if p.label == group.consensus.label), None
    )
    days = [d for r in rows if r.side == side for lo, hi, _, _ in r.spans for d in (lo, hi) if d]
    return (min(days), max(days)) if days else None


def date_chart(group: Group) -> str:
    """The calendar strip of a date group ('' when no claim has a day to draw)."""
    rows, no_years = _rows(group)
    days = [d for r in rows for lo, hi, _, _ in r.spans for d in (lo, hi) if d]
    if not days:
        return ""
    first, last = min(days) - timedelta(days=1), max(days) + timedelta(days=1)
    published = [d for r in rows for d in r.published]
    if published:
        # Publication days widen the strip only while it stays readable.
        reach_first, reach_last = min(first, min(published)), max(last, max(published))
        if (reach_last - reach_first).days <= max(3 * (last - first).days, 45):
            first, last = reach_first, reach_last
    count = (last - first).days + 1
    label_w, top, row_h, right = LABEL_W, 34.0, 20.0, 24.0
    cell = min(26.0, max(3.0, 600.0 / count))
    width = label_w + cell * count + right
    foot = top + row_h * len(rows)
    out = [_svg_open(width, foot + 8, _calendar_summary(group, first, last))]

    def x_of(day: date) -> float:
        return label_w + (day - first).days * cell

    for i in range(count):
        day = first + timedelta(days=i)
        x = label_w + i * cell
        if day.weekday() >= 5 and cell >= 6:
            out.append(el("rect", x=x, y=top, width=cell, height=foot - top, fill="#f1f1f1"))
        # A month's name where it starts (and at the left edge, unless the next month
        # starts too soon after it for both names to fit).
        month_room = (date(day.year + day.month // 12, day.month % 12 + 1, 1) - day).days * cell
        if day.day == 1 or (i == 0 and month_room >= 60):
            month = day.strftime("%b") if no_years else f"{day:%b} {day.year}"
            out.append(el("text", month, x=x + 1, y=12, class_="tick"))
        if day.day == 1 and i:
            out.append(el("line", x1=x, x2=x, y1=4, y2=foot, stroke="#8a8a8a"))
        if cell >= 18 or (cell >= 5 and day.weekday() == 0) or (cell < 5 and day.day == 1):
            number = str(day.day)
            out.append(
                el("text", number, x=x + cell / 2, y=28, text_anchor="middle", class_="tick")
            )
    band = _span_of(group, rows)
    if band is not None:
        x0, x1 = x_of(band[0]), x_of(band[1]) + cell
        title = f"<title>consensus: {safe.text(group.consensus.label or '')}</title>"
        out.append(
            el("rect", title, x=x0, y=top - 2, width=x1 - x0, height=foot - top + 4,
               fill="#fff2b3", fill_opacity=0.6, stroke="#8a6d00", stroke_dasharray="3 2")
        )  # fmt: skip
    for r, row in enumerate(rows):
        out.append(_calendar_row(row, top + r * row_h, row_h, x_of, cell, width - right))
    out.append("</svg>")
    return "\n".join(out)


def _calendar_row(
    row: _Row, y: float, row_h: float, x_of: Callable[[date], float], cell: float, end: float
) -> str:
    """One outlet's (or side's) days: a bar per day or range, a mark per publication."""
    color = side_color(row.side)
    middle = y + row_h / 2
    out = [
        el("line", x1=LABEL_W, x2=end, y1=y + row_h, y2=y + row_h, stroke="#e4e4e4"),
        shape(side_shape(row.side), 8, middle, color, False, 4),
    ]
    name = row.label if len(row.label) <= 18 else row.label[:17] + "\u2026"
    body = safe.text(name)
    if name != row.label:
        body = f"<title>{safe.text(row.label)}</title>{body}"
    out.append(el("text", body, x=18, y=middle + 4, class_="row"))
    # Open-ended dates first, so the days that are known are drawn over them.
    for lo, hi, hollow, claim in sorted(row.spans, key=lambda s: (s[0] and s[1]) is not None):
        title = f"{row.label}: {claim.quote} ({claim.modality}; {place(claim)})"
        out.append(f"<g><title>{safe.text(title)}</title>")
        if lo is None or hi is None:
            # "since Sunday", "before September 17": the known day as a cell, the rest
            # a dashed line to the edge, as an open end is drawn on the value charts
            known = lo if lo is not None else hi
            edge = end if hi is None else LABEL_W
            if known is not None:
                x0 = x_of(known)
                out.append(_day_cell(x0, x0 + cell, y, row_h, color, hollow))
                start = x0 + cell if hi is None else x0
            else:
                start = LABEL_W if hi is None else end
            out.append(
                el("line", x1=start, x2=edge, y1=middle, y2=middle, stroke=color, stroke_width=2,
                   stroke_dasharray="4 2")
            )  # fmt: skip
            out.append(_side_arrow(edge, middle, hi is not None, color))
        else:
            out.append(_day_cell(x_of(lo), x_of(hi) + cell, y, row_h, color, hollow))
        out.append("</g>")
    if len(row.claims) > len(row.spans):
        copies = f"\u00d7{len(row.claims)}"
        out.append(el("text", copies, x=end + 2, y=middle + 4, class_="copies"))
    for day in row.published:
        px = x_of(day) + cell / 2
        path = f"M{px - 3:.1f},{y + 1:.1f} L{px + 3:.1f},{y + 1:.1f} L{px:.1f},{y + 5:.1f} Z"
        title = f"<title>published {day.isoformat()}</title>"
        out.append(el("path", title, d=path, fill="#3d3d3d"))
    return "".join(out)


def _day_cell(x0: float, x1: float, y: float, row_h: float, color: str, hollow: bool) -> str:
    """A day or a range of days on a calendar row: filled, or hollow for a forecast."""
    return el(
        "rect", x=x0 + 0.5, y=y + 4, width=max(x1 - x0 - 1, 2.0), height=row_h - 8, rx=2,
        fill="#fff" if hollow else color, stroke=color, stroke_width=2 if hollow else None,
    )  # fmt: skip


def _side_arrow(x: float, y: float, left: bool, color: str) -> str:
    """An open-ended date ("before September 17"): a chevron at the strip's edge."""
    tip = -6 if left else 6
    path = f"M{x - tip:.1f},{y - 4:.1f} L{x:.1f},{y:.1f} L{x - tip:.1f},{y + 4:.1f}"
    return el("path", d=path, fill="none", stroke=color, stroke_width=1.5)


def _calendar_summary(group: Group, first: date, last: date) -> str:
    return (
        f"Calendar from {first.isoformat()} to {last.isoformat()}: the day each outlet gives "
        f"for {group.subject}; details in the list below."
    )


def chart(group: Group) -> str:
    """The picture of ``group`` for its kind ('' when there is nothing to draw)."""
    if group.kind is Kind.DATE:
        return date_chart(group)
    return value_chart(group)
