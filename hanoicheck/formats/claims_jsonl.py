"""``extract --format jsonl``: one JSON object per claim, schema-versioned.

Written with :func:`hanoicheck.escaping.visible_json`: besides what JSON escapes, U+2028,
U+2029 and U+0085 are escaped too (``str.splitlines()`` splits on them, so a reader
going line by line would cut a record in two), and so are C1 controls and bidirectional
characters. ``json.loads`` reads the original text back.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from hanoicheck.escaping import visible_json
from hanoicheck.model import Claim


def render(claims: Sequence[Claim], color: bool = False) -> str:
    """One line per claim; numbers stay JSON numbers, dates ISO strings, open ends null."""
    return "".join(lines(claims))


def lines(claims: Iterable[Claim]) -> Iterator[str]:
    """The lines of :func:`render`, one claim at a time (streamed to a file)."""
    for claim in claims:
        yield visible_json(claim.to_dict()) + "\n"
