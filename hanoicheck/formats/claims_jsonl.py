"""``extract --format jsonl``: one JSON object per claim, schema-versioned."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence

from hanoicheck.model import Claim


def render(claims: Sequence[Claim], color: bool = False) -> str:
    """One line per claim; numbers stay JSON numbers, dates ISO strings, open ends null."""
    return "".join(lines(claims))


def lines(claims: Iterable[Claim]) -> Iterator[str]:
    """The lines of :func:`render`, one claim at a time (streamed to a file)."""
    for claim in claims:
        yield json.dumps(claim.to_dict(), ensure_ascii=False) + "\n"
