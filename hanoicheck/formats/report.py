"""``hanoicheck report``: what an editor reads first, in the terminal.

A summary (sources, claims, groups, conflicts by severity, copies counted once), then
one block per conflict: the subject, each side's value with its support, each claim's
``file:line`` and quote with the figure highlighted, the consensus and the reason the
claims were compared. Article text and file names always reach Rich as ``Text`` (never
markup) and with acting characters made visible (:func:`hanoicheck.escaping.visible`),
so an article cannot restyle the terminal or forge a CI annotation.
Without colour the same layout reads as plain text (the figure is put in brackets).
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from rich.console import Console, RenderableType
from rich.padding import Padding
from rich.text import Text

from hanoicheck.escaping import visible
from hanoicheck.model import Claim
from hanoicheck.reconcile import Group, Reconciliation, Severity, Status

QUOTE_CONTEXT = 70  # characters of the sentence shown on each side of the figure
_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "bold yellow"}


def quote_in_context(claim: Claim, context: int = QUOTE_CONTEXT) -> tuple[str, str, str]:
    """The sentence around the figure as (before, figure, after), trimmed with ellipses."""
    sentence = " ".join(claim.sentence.split())
    quote = " ".join(claim.quote.split())
    at = sentence.find(quote)
    if at < 0:
        return "", quote, ""
    before, after = sentence[:at], sentence[at + len(quote) :]
    if len(before) > context:
        cut = before[-context:]
        before = "..." + (cut.split(" ", 1)[1] if " " in cut else cut).lstrip()
    if len(after) > context:
        cut = after[:context]
        after = (cut.rsplit(" ", 1)[0] if " " in cut.strip() else cut).rstrip(" ,;:") + "..."
    return visible(before), visible(quote), visible(after)


def _claim_lines(claim: Claim, color: bool) -> list[RenderableType]:
    before, figure, after = quote_in_context(claim)
    where = Text("    ")
    where.append(visible(f"{claim.source}:{claim.line}"), style="cyan" if color else "")
    if claim.modality.value == "forecast":
        where.append("  (forecast)", style="italic" if color else "")
    quote = Text(f'"{before}')
    if color:
        quote.append(figure, style="bold reverse")
    else:
        quote.append(f"[{figure}]")
    quote.append(f'{after}"')
    return [where, Padding(quote, (0, 0, 0, 6), expand=False)]


def _labelled(label: str, text: str) -> RenderableType:
    """ "Label: text" with the wrapped lines indented under the text."""
    line = Text(f"{label}: ", style="")
    line.append(visible(text))
    return Padding(line, (0, 0, 0, 2), expand=False)


def _group_block(group: Group, color: bool) -> list[RenderableType]:
    lines: list[RenderableType] = []
    head = Text()
    severity = str(group.severity or group.status).upper()
    style = _STYLE.get(group.severity, "bold") if group.severity and color else ""
    head.append(f"{severity:<8}", style=style)
    head.append(visible(group.subject), style="bold" if color else "")
    head.append(f"  [{group.kind}]  id {group.id}", style="dim" if color else "")
    lines.append(head)
    for position in group.positions:
        noun = "outlet" if len(position.support) == 1 else "outlets"
        side = Text("  ")
        side.append(visible(position.label), style="bold" if color else "")
        side.append(f"  ({len(position.support)} {noun}: {visible(', '.join(position.support))})")
        lines.append(side)
        for claim in position.claims:
            lines.extend(_claim_lines(claim, color))
    lines.append(_labelled("Consensus", group.consensus.text))
    if group.finding:
        lines.append(_labelled("Finding", group.finding + "."))
    if group.reasons:
        lines.append(_labelled("Compared because", "; ".join(group.reasons) + "."))
    return lines


def _summary(result: Reconciliation, errors: Sequence[str]) -> list[Text]:
    errors_n = result.count(Severity.ERROR)
    warnings_n = result.count(Severity.WARNING)
    lines = [
        Text(
            f"hanoicheck report: {len(result.sources)} sources, {result.claim_count} claims, "
            f"{len(result.groups)} groups in {result.stories} "
            f"{'story' if result.stories == 1 else 'stories'}"
        ),
        Text(
            f"Conflicts: {errors_n} error{'s' * (errors_n != 1)}, "
            f"{warnings_n} warning{'s' * (warnings_n != 1)}; "
            f"{len(result.agreed)} agreed; {len(result.uncorroborated)} uncorroborated "
            "(single outlet, not compared)"
        ),
    ]
    for outlet, files in result.copies:
        names = ", ".join(f.rsplit("/", 1)[-1] for f in files)
        lines.append(
            Text(
                f"Counted once: {len(files)} files credited to {visible(outlet)} ({visible(names)})"
            )
        )
    lines.extend(Text(f"Not read: {visible(error)}") for error in errors)
    return lines


def _agreed_line(group: Group) -> Text:
    where = visible(", ".join(f"{c.source}:{c.line}" for c in group.claims))
    if group.status is Status.UNCORROBORATED:
        value = " / ".join(p.label for p in group.positions)
        return Text(f"  {visible(group.subject)}: {visible(value)}  ({where})")
    return Text(f"  {visible(group.subject)}: {visible(group.consensus.text)}  ({where})")


def render(
    result: Reconciliation,
    *,
    show_all: bool = False,
    color: bool = False,
    width: int = 100,
    errors: Sequence[str] = (),
) -> str:
    """The report as text (ANSI-styled when ``color``)."""
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        color_system="standard" if color else None,
        force_terminal=color,
        no_color=not color,
        highlight=False,
        emoji=False,
        markup=False,
    )
    for line in _summary(result, errors):
        console.print(line)
    for group in result.conflicts:
        console.print()
        for block_line in _group_block(group, color):
            console.print(block_line)
    if not result.conflicts:
        console.print()
        console.print(Text("No conflicts found."))
    if show_all:
        console.print()
        console.print(Text(f"Agreed ({len(result.agreed)})", style="bold green" if color else ""))
        for group in result.agreed:
            console.print(_agreed_line(group))
        console.print()
        console.print(
            Text(f"Uncorroborated ({len(result.uncorroborated)})", style="bold" if color else "")
        )
        for group in result.uncorroborated:
            console.print(_agreed_line(group))
    # Rich pads wrapped, indented lines to the full width; trailing blanks are noise
    # in a pipe, a diff or a snapshot.
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"
