"""``extract --format jsonl``: one JSON object per claim, schema-versioned."""

from __future__ import annotations

import json
from collections.abc import Sequence

from hanoicheck.model import Claim


def render(claims: Sequence[Claim], color: bool = False) -> str:
    """One line per claim; numbers stay JSON numbers, dates ISO strings, open ends null."""
    return "".join(json.dumps(c.to_dict(), ensure_ascii=False) + "\n" for c in claims)
