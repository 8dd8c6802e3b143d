"""What reconciliation produces: groups of equivalent claims, their sides and verdicts.

A :class:`Group` is every claim about one thing (one counted quantity, one amount, one
date of one event). Its :class:`Position` list holds the mutually compatible sides:
"about 110" and "more than 110" are one side, "100" another. A group with two or more
sides that truly contradict each other is a conflict; the report, the exports and the
CI gate all read these objects and nothing else.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from hanoicheck.model import SCHEMA_VERSION, Claim, Kind


class Severity(StrEnum):
    """``error``: reported facts that cannot both be true. ``warning``: worth a look."""

    ERROR = "error"
    WARNING = "warning"


class Status(StrEnum):
    """The verdict on a group."""

    CONFLICT = "conflict"
    AGREED = "agreed"
    UNCORROBORATED = "uncorroborated"


@dataclass(frozen=True, slots=True)
class Position:
    """One side of a group: claims whose values can all be true together.

    ``label`` is the value as a reader would say it ("more than 110"), ``support`` the
    independent outlets behind it (copies of one agency count once).
    """

    label: str
    claims: tuple[Claim, ...]
    support: tuple[str, ...]
    unit: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": self.label,
            "unit": self.unit,
            "support": len(self.support),
            "outlets": list(self.support),
            "claims": [c.id for c in self.claims],
        }


@dataclass(frozen=True, slots=True)
class Consensus:
    """The side backed by the most independent outlets, or a tie, said plainly."""

    label: str | None
    support: int
    total: int
    tied: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        noun = "outlet" if self.total == 1 else "outlets"
        if self.tied:
            sides = " / ".join(self.tied)
            return f"tie: {sides} ({self.support} of {self.total} {noun} each)"
        if self.label is None:
            return "none"
        return f"{self.label}: {self.support} of {self.total} {noun}"


@dataclass(frozen=True, slots=True)
class Group:
    """Every claim about one thing, with its sides and the verdict on them."""

    id: str
    kind: Kind
    subject: str
    key: str
    claims: tuple[Claim, ...]
    positions: tuple[Position, ...]
    status: Status
    consensus: Consensus
    severity: Severity | None = None
    explanation: str = ""
    reasons: tuple[str, ...] = field(default=())
    finding: str = ""

    @property
    def is_conflict(self) -> bool:
        return self.status is Status.CONFLICT

    @property
    def compared_because(self) -> str:
        """``reasons`` as one sentence for an editor ("" when there are none)."""
        return because(self.reasons)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of ``conflicts --format json``."""
        return {
            "schema_version": SCHEMA_VERSION,
            "id": self.id,
            "status": str(self.status),
            "severity": str(self.severity) if self.severity else None,
            "kind": str(self.kind),
            "subject": self.subject,
            "explanation": self.explanation,
            "finding": self.finding,
            "compared_because": list(self.reasons),
            "consensus": self.consensus.text,
            "positions": [p.to_dict() for p in self.positions],
            "claims": [c.to_dict() for c in self.claims],
        }


def because(reasons: Sequence[str]) -> str:
    """Reasons as one sentence: the first word capitalised (unless it is a file name),
    the phrases joined by semicolons, one full stop."""
    if not reasons:
        return ""
    text = "; ".join(r.rstrip(".") for r in reasons)
    first = text.split(" ", 1)[0]
    if "/" not in first and ":" not in first:
        text = text[:1].upper() + text[1:]
    return text + "."


@dataclass(frozen=True, slots=True)
class Reconciliation:
    """The result of reconciling a set of claims."""

    groups: tuple[Group, ...]
    sources: tuple[str, ...]
    claim_count: int
    stories: int
    copies: tuple[tuple[str, tuple[str, ...]], ...] = ()
    story_names: tuple[tuple[str, int], ...] = ()  # (name, sources) of each story

    @property
    def conflicts(self) -> tuple[Group, ...]:
        """Conflicts, errors first, then by subject."""
        return tuple(g for g in self.groups if g.is_conflict)

    @property
    def agreed(self) -> tuple[Group, ...]:
        return tuple(g for g in self.groups if g.status is Status.AGREED)

    @property
    def uncorroborated(self) -> tuple[Group, ...]:
        return tuple(g for g in self.groups if g.status is Status.UNCORROBORATED)

    def count(self, severity: Severity) -> int:
        """How many conflicts have ``severity``."""
        return sum(1 for g in self.conflicts if g.severity is severity)
