"""``hanoicheck conflicts``: the reconciled fact table as CSV, JSON or Markdown.

One enum, one formatter per member (a test asserts the mapping is exhaustive). By
default only conflicts are exported; ``show_all`` adds the groups that agree and the
single-outlet claims, each with its ``status``, so the export is the whole table.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence
from enum import StrEnum
from typing import Any

from hanoicheck.formats.claims_csv import flatten, safe_cell
from hanoicheck.model import SCHEMA_VERSION
from hanoicheck.reconcile import Group, Reconciliation


class ConflictFormat(StrEnum):
    """Formats of ``hanoicheck conflicts``."""

    CSV = "csv"
    JSON = "json"
    MARKDOWN = "markdown"


CSV_COLUMNS = [
    "conflict_id",
    "severity",
    "kind",
    "subject",
    "source",
    "line",
    "quote",
    "nominal",
    "low",
    "high",
    "qualifier",
    "unit",
    "modality",
    "consensus",
    "explanation",
    "status",
    "position",
]


def _groups(result: Reconciliation, show_all: bool) -> Sequence[Group]:
    return result.groups if show_all else result.conflicts


def _position_of(group: Group, claim_id: str) -> str:
    return next((p.label for p in group.positions if any(c.id == claim_id for c in p.claims)), "")


def render_csv(result: Reconciliation, show_all: bool = False) -> str:
    """One row per claim of each exported group; formula-like cells neutralised."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for group in _groups(result, show_all):
        for claim in group.claims:
            flat = flatten(claim)
            row: dict[str, Any] = {
                "conflict_id": group.id,
                "severity": str(group.severity) if group.severity else "",
                "kind": str(group.kind),
                "subject": group.subject,
                "source": claim.source,
                "line": claim.line,
                "quote": claim.quote,
                "nominal": flat["nominal"],
                "low": flat["low"],
                "high": flat["high"],
                "qualifier": flat["qualifier"],
                "unit": claim.unit,
                "modality": str(claim.modality),
                "consensus": group.consensus.text,
                "explanation": group.explanation,
                "status": str(group.status),
                "position": _position_of(group, claim.id),
            }
            writer.writerow({k: safe_cell(v) for k, v in row.items()})
    return buffer.getvalue()


def render_json(result: Reconciliation, show_all: bool = False) -> str:
    """A list of groups (conflicts unless ``show_all``), each with ``schema_version``."""
    groups = [g.to_dict() for g in _groups(result, show_all)]
    return json.dumps(groups, ensure_ascii=False, indent=2) + "\n"


def _md(text: str) -> str:
    """A Markdown table cell: no pipes, newlines or raw HTML from an article."""
    cleaned = " ".join(text.split()).replace("\\", "\\\\").replace("|", "\\|")
    return cleaned.replace("<", "&lt;").replace(">", "&gt;")


def render_markdown(result: Reconciliation, show_all: bool = False) -> str:
    """A table to paste into a pull request or an editor's note."""
    header = ["status", "severity", "subject", "values (sources)", "consensus", "id"]
    lines = [
        f"<!-- hanoicheck conflicts, schema_version {SCHEMA_VERSION} -->",
        "| " + " | ".join(header) + " |",
        "|" + "---|" * len(header),
    ]
    for group in _groups(result, show_all):
        sides = "<br>".join(
            _md(p.label) + " (" + ", ".join(f"`{_md(c.source)}:{c.line}`" for c in p.claims) + ")"
            for p in group.positions
        )
        cells = [
            str(group.status),
            f"**{group.severity}**" if group.severity else "",
            _md(group.subject),
            sides,
            _md(group.consensus.text),
            f"`{group.id}`",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    if len(lines) == 3:
        lines.append("| " + " | ".join(["", "", "no conflicts", "", "", ""]) + " |")
    return "\n".join(lines) + "\n"


ConflictFormatter = Callable[[Reconciliation, bool], str]

CONFLICT_FORMATTERS: dict[ConflictFormat, ConflictFormatter] = {
    ConflictFormat.CSV: render_csv,
    ConflictFormat.JSON: render_json,
    ConflictFormat.MARKDOWN: render_markdown,
}


def render_conflicts(result: Reconciliation, fmt: ConflictFormat, show_all: bool = False) -> str:
    """The conflict table in the chosen format."""
    return CONFLICT_FORMATTERS[fmt](result, show_all)
