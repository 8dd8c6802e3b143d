"""``hanoicheck report``: what an editor reads first, in the terminal.

A summary (sources, claims, groups, conflicts by severity, copies counted once), then
one block per conflict: the subject, each side's value with its support, each claim's
``file:line`` and quote with the figure highlighted, the consensus and the reason the
claims were compared. Article text always reaches Rich as ``Text`` (never markup) and
with control characters made visible, so an article cannot restyle the terminal.
Without colour the same layout reads as plain text (the figure is put in brackets).
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from rich.console import Console, RenderableType
from rich.padding import Padding
from rich.text import Text

from hanoicheck.formats.claims_table import plain
from hanoicheck.model import Claim
from hanoicheck.reconcile import Group, Reconciliation, Severity, Status

QUOTE_CONTEXT = 70  # characters of the sentence shown on each side of the figure
MAX_NAMED_COPIES = 3  # copies of a quote named after it; more are counted
MAX_NAMED_OUTLETS = 5  # outlets the "Counted once" line names; more are counted
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
    return plain(before), plain(quote), plain(after)


def _claim_lines(claim: Claim, color: bool) -> list[RenderableType]:
    before, figure, after = quote_in_context(claim)
    where = Text("    ")
    where.append(f"{claim.source}:{claim.line}", style="cyan" if color else "")
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
    line.append(plain(text))
    return Padding(line, (0, 0, 0, 2), expand=False)


def _copies(claims: Sequence[Claim]) -> list[tuple[Claim, list[Claim]]]:
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
        line.append(": " + ", ".join(plain(f"{c.source}:{c.line}") for c in copies))
    else:
        line.append(" (--verbose lists them)")
    return Padding(line, (0, 0, 0, 6), expand=False)


def _group_block(group: Group, color: bool, verbose: bool = False) -> list[RenderableType]:
    lines: list[RenderableType] = []
    head = Text()
    severity = str(group.severity or group.status).upper()
    style = _STYLE.get(group.severity, "bold") if group.severity and color else ""
    head.append(f"{severity:<8}", style=style)
    head.append(plain(group.subject), style="bold" if color else "")
    head.append(f"  [{group.kind}]  id {group.id}", style="dim" if color else "")
    lines.append(head)
    for position in group.positions:
        noun = "outlet" if len(position.support) == 1 else "outlets"
        side = Text("  ")
        side.append(plain(position.label), style="bold" if color else "")
        side.append(f"  ({len(position.support)} {noun}: {plain(', '.join(position.support))})")
        lines.append(side)
        for claim, copies in _copies(position.claims):
            lines.extend(_claim_lines(claim, color))
            if copies:
                lines.append(_copies_line(copies, verbose))
    lines.append(_labelled("Consensus", group.consensus.text))
    if group.finding:
        lines.append(_labelled("Finding", group.finding + "."))
    if group.reasons:
        lines.append(_labelled("Compared because", group.compared_because))
    return lines


def _plural(count: int, noun: str, plural: str | None = None) -> str:
    return f"{count} {noun if count == 1 else plural or noun + 's'}"


def _counted_once(copies: Sequence[tuple[str, tuple[str, ...]]], verbose: bool) -> list[Text]:
    """Files credited to one outlet count once: per outlet, how many; the file names
    only with ``verbose`` (on 300 files they ran to a hundred lines)."""
    if not copies:
        return []
    if verbose:
        return [
            Text(
                f"Counted once: {_plural(len(files), 'file')} credited to {plain(outlet)} "
                f"({plain(', '.join(f.rsplit('/', 1)[-1] for f in files))})"
            )
            for outlet, files in copies
        ]
    ranked = sorted(copies, key=lambda item: (-len(item[1]), item[0]))
    shown = [f"{len(files)} files of {plain(name)}" for name, files in ranked[:MAX_NAMED_OUTLETS]]
    rest = ranked[MAX_NAMED_OUTLETS:]
    if rest:
        more = sum(len(files) for _, files in rest)
        shown.append(f"{more} files of {_plural(len(rest), 'other outlet')}")
    return [Text(f"Counted once: {', '.join(shown)} (the files: --verbose)")]


def _summary(result: Reconciliation, errors: Sequence[str], verbose: bool = False) -> list[Text]:
    errors_n = result.count(Severity.ERROR)
    warnings_n = result.count(Severity.WARNING)
    lines = [
        Text(
            f"hanoicheck report: {_plural(len(result.sources), 'source')}, "
            f"{_plural(result.claim_count, 'claim')}, {_plural(len(result.groups), 'group')} "
            f"in {_plural(result.stories, 'story', 'stories')}"
        ),
        Text(
            f"Conflicts: {_plural(errors_n, 'error')}, {_plural(warnings_n, 'warning')}; "
            f"{len(result.agreed)} agreed; {len(result.uncorroborated)} uncorroborated "
            "(single outlet, not compared)"
        ),
    ]
    lines.extend(_counted_once(result.copies, verbose))
    lines.extend(Text(f"Not read: {plain(error)}") for error in errors)
    return lines


def _agreed_line(group: Group) -> Text:
    where = ", ".join(f"{c.source}:{c.line}" for c in group.claims)
    if group.status is Status.UNCORROBORATED:
        value = " / ".join(p.label for p in group.positions)
        return Text(f"  {plain(group.subject)}: {plain(value)}  ({where})")
    return Text(f"  {plain(group.subject)}: {plain(group.consensus.text)}  ({where})")


def render(
    result: Reconciliation,
    *,
    show_all: bool = False,
    color: bool = False,
    width: int = 100,
    errors: Sequence[str] = (),
    verbose: bool = False,
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
    for line in _summary(result, errors, verbose):
        console.print(line)
    for group in result.conflicts:
        console.print()
        for block_line in _group_block(group, color, verbose):
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
