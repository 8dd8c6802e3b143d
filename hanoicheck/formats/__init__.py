"""Output formats: one enum, one formatter per member.

Every command that prints claims picks its format from :class:`ClaimFormat`, and
:data:`CLAIM_FORMATTERS` maps each member to exactly one formatter; a test asserts the
mapping is exhaustive, so a new format cannot be half-added.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import StrEnum

from hanoicheck.formats import claims_csv, claims_jsonl, claims_table
from hanoicheck.model import Claim


class ClaimFormat(StrEnum):
    """Formats of ``hanoicheck extract``."""

    TABLE = "table"
    JSONL = "jsonl"
    CSV = "csv"


ClaimFormatter = Callable[[Sequence[Claim], bool], str]

CLAIM_FORMATTERS: dict[ClaimFormat, ClaimFormatter] = {
    ClaimFormat.TABLE: claims_table.render,
    ClaimFormat.JSONL: claims_jsonl.render,
    ClaimFormat.CSV: claims_csv.render,
}


def render_claims(claims: Sequence[Claim], fmt: ClaimFormat, color: bool = False) -> str:
    """Claims in the chosen format, as one string."""
    return CLAIM_FORMATTERS[fmt](claims, color)
