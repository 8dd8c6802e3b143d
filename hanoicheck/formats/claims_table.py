"""``extract --format table``: a Rich table a person reads in the terminal.

Article text is always passed to Rich as ``Text`` (never as markup) with acting
characters made visible (:func:`hanoicheck.escaping.visible`), so markup or escape codes
inside an article or a file name cannot change the terminal.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from hanoicheck.escaping import visible
from hanoicheck.model import Claim, Interval


def format_value(value: Interval[Any], unit: str | None) -> str:
    """A human reading of an interval: "> 110", "104.5-115.5 (about 110)", "2025-10-25"."""

    def show(x: object) -> str:
        if isinstance(x, float):
            return f"{x:,.0f}" if x.is_integer() else f"{x:,.2f}".rstrip("0").rstrip(".")
        return str(x)

    low, high, q = value.low, value.high, value.qualifier.value
    if low is not None and low == high:
        text = show(low)
    elif high is None:
        text = f"{'>' if not value.low_inclusive else '>='} {show(low)}"
    elif low is None:
        text = f"{'<' if not value.high_inclusive else '<='} {show(high)}"
    else:
        text = f"{show(low)}..{show(high)}"
    if q in ("about", "nearly"):
        text = f"{q} {show(value.nominal)} ({text})"
    return f"{text} {unit}" if unit and not str(unit).islower() else text


def render(claims: Sequence[Claim], color: bool = False) -> str:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(show_lines=False, expand=False)
    table.add_column("where", no_wrap=True)
    for column in ("kind", "value", "subject", "event", "quote"):
        table.add_column(column, overflow="fold")
    for claim in claims:
        subject = claim.subject.noun + (f" ({claim.subject.role})" if claim.subject.role else "")
        event = " ".join(
            x for x in (claim.event.type, claim.event.date, claim.event.part_of_day) if x
        )
        table.add_row(
            Text(visible(f"{claim.source}:{claim.line}")),  # file names can hold escapes too
            Text(claim.kind.value),
            Text(
                format_value(claim.value, claim.unit)
                + (" (forecast)" if claim.modality.value == "forecast" else "")
            ),
            Text(visible(subject)),
            Text(visible(event)),
            Text(visible(claim.quote)),
        )
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=140,
        color_system="standard" if color else None,
        force_terminal=color,
        no_color=not color,
        highlight=False,
    )
    console.print(table)
    console.print(Text(f"{len(claims)} claims"))
    return buffer.getvalue()
