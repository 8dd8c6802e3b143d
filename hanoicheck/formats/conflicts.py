"""``hanoicheck conflicts``: the reconciled fact table as CSV, JSON, Markdown or HTML.

One enum, one formatter per member (:func:`conflict_formatter`; mypy and a test check
that every member has one). By default only conflicts are exported; ``show_all`` adds
the groups that agree and the single-outlet claims, each with its ``status``, so the
export is the whole table.

Each formatter yields the table a group at a time, and the CLI writes the pieces as
they come: at 10,000 articles, building the JSON of every conflict first took four
times the memory of the whole reconciliation.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, assert_never

from hanoicheck.escaping import visible_json, visible_markdown
from hanoicheck.formats import ConflictFormat
from hanoicheck.formats.claims_csv import safe_cell
from hanoicheck.formats.columns import CONFLICT_CLAIM_COLUMNS, plain_row
from hanoicheck.model import SCHEMA_VERSION, Document

if TYPE_CHECKING:  # pragma: no cover - typing only
    from hanoicheck.reconcile import Group, Reconciliation

__all__ = [
    "CONFLICT_FORMATTERS",
    "CSV_COLUMNS",
    "ConflictFormat",
    "conflict_formatter",
    "iter_conflicts",
    "render_csv",
    "render_html",
    "render_json",
    "render_markdown",
]


CSV_COLUMNS = [
    "conflict_id",
    "severity",
    "kind",
    "subject",
    *(c.name for c in CONFLICT_CLAIM_COLUMNS),
    "consensus",
    "explanation",
    "status",
    "position",
]


def _groups(result: Reconciliation, show_all: bool) -> Sequence[Group]:
    return result.groups if show_all else result.conflicts


def _position_of(group: Group, claim_id: str) -> str:
    return next((p.label for p in group.positions if any(c.id == claim_id for c in p.claims)), "")


def render_csv(result: Reconciliation, show_all: bool = False) -> Iterator[str]:
    """One row per claim of each exported group; formula-like cells neutralised."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for group in _groups(result, show_all):
        for claim in group.claims:
            flat = plain_row(claim)
            row: dict[str, Any] = {
                "conflict_id": group.id,
                "severity": str(group.severity) if group.severity else "",
                "kind": str(group.kind),
                "subject": group.subject,
                **{c.name: flat[c.name] for c in CONFLICT_CLAIM_COLUMNS},
                "consensus": group.consensus.text,
                "explanation": group.explanation,
                "status": str(group.status),
                "position": _position_of(group, claim.id),
            }
            writer.writerow({k: safe_cell(v) for k, v in row.items()})
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()  # the header alone when nothing is exported


def render_json(result: Reconciliation, show_all: bool = False) -> Iterator[str]:
    """A list of groups (conflicts unless ``show_all``), each with ``schema_version``.

    The same text as ``json.dumps(groups, indent=2)``, one group at a time: JSON
    strings never hold a raw newline, so indenting each group's lines is exact.
    """
    first = True
    for group in _groups(result, show_all):
        text = visible_json(group.to_dict(), indent=2)
        yield ("[\n" if first else ",\n") + "  " + text.replace("\n", "\n  ")
        first = False
    yield "[]\n" if first else "\n]\n"


def render_markdown(result: Reconciliation, show_all: bool = False) -> Iterator[str]:
    """A table to paste into a pull request or an editor's note.

    Every cell from an article or a file name is
    :func:`~hanoicheck.escaping.visible_markdown` (never a code span, which a backtick
    in a file name would end), so none can become a link, an image or markup.
    """
    header = ["status", "severity", "subject", "values (sources)", "consensus", "id"]
    yield f"<!-- hanoicheck conflicts, schema_version {SCHEMA_VERSION} -->\n"
    yield "| " + " | ".join(header) + " |\n"
    yield "|" + "---|" * len(header) + "\n"
    empty = True
    for group in _groups(result, show_all):
        sides = "<br>".join(
            visible_markdown(p.label)
            + " ("
            + ", ".join(visible_markdown(f"{c.source}:{c.line}") for c in p.claims)
            + ")"
            for p in group.positions
        )
        cells = [
            str(group.status),
            f"**{group.severity}**" if group.severity else "",
            visible_markdown(group.subject),
            sides,
            visible_markdown(group.consensus.text),
            f"`{group.id}`",
        ]
        yield "| " + " | ".join(cells) + " |\n"
        empty = False
    if empty:
        yield "| " + " | ".join(["", "", "no conflicts", "", "", ""]) + " |\n"


def render_html(result: Reconciliation, show_all: bool = False) -> Iterator[str]:
    """One self-contained page (:mod:`hanoicheck.formats.html`), a card at a time."""
    from hanoicheck.formats.html import render_conflicts

    return render_conflicts(result, show_all)


ConflictFormatter = Callable[["Reconciliation", bool], Iterator[str]]


def conflict_formatter(fmt: ConflictFormat) -> ConflictFormatter:
    """The one formatter of ``fmt``; ``assert_never`` makes mypy check every member."""
    match fmt:
        case ConflictFormat.CSV:
            return render_csv
        case ConflictFormat.JSON:
            return render_json
        case ConflictFormat.MARKDOWN:
            return render_markdown
        case ConflictFormat.HTML:
            return render_html
        case _:  # pragma: no cover - mypy proves this unreachable
            assert_never(fmt)


CONFLICT_FORMATTERS: dict[ConflictFormat, ConflictFormatter] = {
    f: conflict_formatter(f) for f in ConflictFormat
}


def iter_conflicts(
    result: Reconciliation,
    fmt: ConflictFormat,
    show_all: bool = False,
    documents: Sequence[Document] = (),
    errors: Sequence[str] = (),
) -> Iterator[str]:
    """The conflict table in the chosen format, a group at a time (to stream it).

    ``documents`` and ``errors`` (files not read) feed the HTML page's summary; the
    tables have no place for them.
    """
    if fmt is ConflictFormat.HTML and (documents or errors):
        from hanoicheck.formats.html import render

        return render(result, documents=documents, errors=errors, show_all=show_all)
    return conflict_formatter(fmt)(result, show_all)
