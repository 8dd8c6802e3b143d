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
from collections import Counter
from collections.abc import Sequence

from rich.console import Console, RenderableType
from rich.padding import Padding
from rich.text import Text

from hanoicheck.escaping import visible
from hanoicheck.model import Claim
from hanoicheck.reconcile import Group, Reconciliation, Severity, Status

QUOTE_CONTEXT = 70  # characters of the sentence shown on each side of the figure
# Up to this many sets of copies are listed file by file; more are counted per outlet
# (a feed of 10,000 articles has a thousand, which would fill screens before the first
# conflict), and ``--verbose`` lists them all.
COPIES_LISTED = 5
OUTLETS_LISTED = 8
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


def _summary(result: Reconciliation, errors: Sequence[str], verbose: bool) -> list[Text]:
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
    lines.extend(_copies(result.copies, verbose))
    lines.extend(Text(f"Not read: {visible(error)}") for error in errors)
    return lines


def _copies(copies: Sequence[tuple[str, Sequence[str]]], verbose: bool) -> list[Text]:
    """Files counted once as copies of one outlet: each set with its files when few (or
    ``verbose``), else one line of how many files each outlet's copies are."""
    if verbose or len(copies) <= COPIES_LISTED:
        lines = []
        for outlet, files in copies:
            names = ", ".join(f.rsplit("/", 1)[-1] for f in files)
            lines.append(
                Text(
                    f"Counted once: {len(files)} files credited to "
                    f"{visible(outlet)} ({visible(names)})"
                )
            )
        return lines
    per_outlet: Counter[str] = Counter()
    for outlet, files in copies:
        per_outlet[outlet] += len(files)
    ranked = sorted(per_outlet, key=lambda o: (-per_outlet[o], o))
    listed = ", ".join(f"{visible(o)} {per_outlet[o]:,}" for o in ranked[:OUTLETS_LISTED])
    more = len(ranked) - OUTLETS_LISTED
    if more > 0:
        listed += f" and {more:,} more outlet{'s' * (more != 1)}"
    total = sum(per_outlet.values())
    return [
        Text(
            f"Counted once: {total:,} files, {len(copies):,} sets of one outlet's copies in "
            f"one story; files per outlet: {listed} (--verbose lists every file)"
        )
    ]


def _more(hidden: Sequence[Group], noun: str) -> Text:
    """The line that says how many groups of a list are not shown, and how to see them."""
    errors = sum(1 for g in hidden if g.severity is Severity.ERROR)
    warnings = sum(1 for g in hidden if g.severity is Severity.WARNING)
    detail = (
        f" ({errors:,} error{'s' * (errors != 1)}, {warnings:,} warning{'s' * (warnings != 1)})"
        if errors or warnings
        else ""
    )
    return Text(f"... and {len(hidden):,} more {noun}{detail}: --limit 0 shows all")


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
    limit: int | None = None,
    verbose: bool = False,
) -> str:
    """The report as text (ANSI-styled when ``color``).

    ``limit``: at most this many groups of each list (the most severe conflicts come
    first), then a line saying how many more there are; only what is shown is
    rendered. ``verbose``: every file counted once as a copy, not counts per outlet.
    """
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
    for line in _summary(result, errors, verbose):
        console.print(line)
    conflicts = result.conflicts
    for group in conflicts[:limit]:
        console.print()
        for block_line in _group_block(group, color):
            console.print(block_line)
    if not conflicts:
        console.print()
        console.print(Text("No conflicts found."))
    elif limit is not None and len(conflicts) > limit:
        console.print()
        console.print(_more(conflicts[limit:], "conflicts"))
    if show_all:
        for title, groups, style in (
            ("Agreed", result.agreed, "bold green"),
            ("Uncorroborated", result.uncorroborated, "bold"),
        ):
            console.print()
            console.print(Text(f"{title} ({len(groups)})", style=style if color else ""))
            for group in groups[:limit]:
                console.print(_agreed_line(group))
            if limit is not None and len(groups) > limit:
                console.print(Text("  ") + _more(groups[limit:], "groups"))
    # Rich pads wrapped, indented lines to the full width; trailing blanks are noise
    # in a pipe, a diff or a snapshot.
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"
