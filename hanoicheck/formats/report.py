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
from hanoicheck.formats import plural
from hanoicheck.model import Claim
from hanoicheck.reconcile import Group, Reconciliation, Severity, Status

QUOTE_CONTEXT = 70  # characters of the sentence shown on each side of the figure
MAX_NAMED_OUTLETS = 5  # outlets the "Counted once" line names; more are counted
MAX_NAMED_COPIES = 3  # copies of a quote named after it; more are counted
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


def _same_quotes(claims: Sequence[Claim]) -> list[tuple[Claim, list[Claim]]]:
    """Claims of one side with the same quote in the same words: the first, and its copies
    (an agency story run by 60 papers is one quote and 59 copies)."""
    found: dict[tuple[str, str], tuple[Claim, list[Claim]]] = {}
    for claim in claims:
        key = (" ".join(claim.sentence.split()), " ".join(claim.quote.split()))
        if key in found:
            found[key][1].append(claim)
        else:
            found[key] = (claim, [])
    return list(found.values())


def _copies_line(copies: Sequence[Claim], verbose: bool) -> RenderableType:
    """``and 2 copies: a.txt:3, b.txt:3`` (named when few, or with ``--verbose``)."""
    noun = "copy" if len(copies) == 1 else "copies"
    line = Text(f"and {len(copies)} {noun}")
    if verbose or len(copies) <= MAX_NAMED_COPIES:
        line.append(": " + ", ".join(visible(f"{c.source}:{c.line}") for c in copies))
    else:
        line.append(" (--verbose lists them)")
    return Padding(line, (0, 0, 0, 6), expand=False)


def _group_block(group: Group, color: bool, verbose: bool = False) -> list[RenderableType]:
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
        for claim, copies in _same_quotes(position.claims):
            lines.extend(_claim_lines(claim, color))
            if copies:
                lines.append(_copies_line(copies, verbose))
    lines.append(_labelled("Consensus", group.consensus.text))
    if group.finding:
        lines.append(_labelled("Finding", group.finding + "."))
    if group.reasons:
        lines.append(_labelled("Compared because", group.compared_because))
    return lines


def _summary(result: Reconciliation, errors: Sequence[str], verbose: bool = False) -> list[Text]:
    errors_n = result.count(Severity.ERROR)
    warnings_n = result.count(Severity.WARNING)
    lines = [
        Text(
            f"hanoicheck report: {plural(len(result.sources), 'source')}, "
            f"{plural(result.claim_count, 'claim')}, {plural(len(result.groups), 'group')} "
            f"in {plural(result.stories, 'story', 'stories')}"
        ),
        Text(
            f"Conflicts: {plural(errors_n, 'error')}, {plural(warnings_n, 'warning')}; "
            f"{len(result.agreed)} agreed; {len(result.uncorroborated)} uncorroborated "
            "(single outlet, not compared)"
        ),
    ]
    lines.extend(_counted_once(result.copies, verbose))
    lines.extend(Text(f"Not read: {visible(error)}") for error in errors)
    return lines


def _counted_once(copies: Sequence[tuple[str, Sequence[str]]], verbose: bool) -> list[Text]:
    """Files credited to one outlet count once: one line of how many files per outlet
    (the largest named, the rest counted); every set with its files only with
    ``verbose`` (a feed of 10,000 articles has a thousand sets, which would fill screens
    before the first conflict)."""
    if not copies:
        return []
    if verbose:
        return [
            Text(
                f"Counted once: {plural(len(files), 'file')} credited to {visible(outlet)} "
                f"({visible(', '.join(f.rsplit('/', 1)[-1] for f in files))})"
            )
            for outlet, files in copies
        ]
    per_outlet: Counter[str] = Counter()
    for outlet, files in copies:
        per_outlet[outlet] += len(files)
    ranked = sorted(per_outlet, key=lambda o: (-per_outlet[o], o))
    shown = [f"{plural(per_outlet[o], 'file')} of {visible(o)}" for o in ranked[:MAX_NAMED_OUTLETS]]
    rest = ranked[MAX_NAMED_OUTLETS:]
    if rest:
        more = sum(per_outlet[o] for o in rest)
        shown.append(f"{plural(more, 'file')} of {plural(len(rest), 'other outlet')}")
    return [Text(f"Counted once: {', '.join(shown)} (the files: --verbose)")]


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
    """One line per agreeing group; when its figures differ, why they were judged
    compatible ("Compatible: a running total that grew ...")."""
    where = visible(", ".join(f"{c.source}:{c.line}" for c in group.claims))
    if group.status is Status.UNCORROBORATED:
        value = " / ".join(p.label for p in group.positions)
    else:
        value = group.consensus.text
    why = f". {group.finding}." if group.finding else ""
    return Text(f"  {visible(group.subject)}: {visible(value)}{visible(why)}  ({where})")


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
        for block_line in _group_block(group, color, verbose):
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
