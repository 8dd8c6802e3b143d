"""Output formats: one enum per command, one formatter per member.

Every command picks its format from an enum here (:class:`ClaimFormat`,
:class:`ConflictFormat`, :class:`GateFormat`), and each enum has one function mapping
every member to exactly one formatter (:func:`claim_formatter`,
:func:`~hanoicheck.formats.conflicts.conflict_formatter`,
:func:`~hanoicheck.formats.gate_formats.gate_formatter`) with a ``match`` that ends in
``assert_never``: mypy rejects a member without a case, and a test calls each for
every member, so a new format cannot be half-added. The enums live here, away from
their formatters, because the CLI needs them to parse ``--format`` and must not import
the reconciler to print ``--help``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from enum import StrEnum
from pathlib import Path
from typing import assert_never

from hanoicheck.formats import claims_csv, claims_jsonl, claims_table
from hanoicheck.model import Claim


class ClaimFormat(StrEnum):
    """Formats of ``hanoicheck extract``."""

    TABLE = "table"
    JSONL = "jsonl"
    CSV = "csv"
    PARQUET = "parquet"


class ConflictFormat(StrEnum):
    """Formats of ``hanoicheck conflicts`` (:mod:`hanoicheck.formats.conflicts`)."""

    CSV = "csv"
    JSON = "json"
    MARKDOWN = "markdown"


class GateFormat(StrEnum):
    """Formats of ``hanoicheck check`` (:mod:`hanoicheck.formats.gate_formats`)."""

    TEXT = "text"
    GITHUB = "github"
    JSON = "json"
    SARIF = "sarif"


ClaimFormatter = Callable[[Sequence[Claim], bool], str]


def _parquet(claims: Sequence[Claim], color: bool) -> str:
    return _binary(ClaimFormat.PARQUET)


def claim_formatter(fmt: ClaimFormat) -> ClaimFormatter:
    """The one formatter of ``fmt`` (binary formats raise: they need a file)."""
    match fmt:
        case ClaimFormat.TABLE:
            return claims_table.render
        case ClaimFormat.JSONL:
            return claims_jsonl.render
        case ClaimFormat.CSV:
            return claims_csv.render
        case ClaimFormat.PARQUET:
            return _parquet
        case _:  # pragma: no cover - mypy proves this unreachable
            assert_never(fmt)


CLAIM_FORMATTERS: dict[ClaimFormat, ClaimFormatter] = {f: claim_formatter(f) for f in ClaimFormat}

STREAMED_FORMATS: dict[ClaimFormat, Callable[[Iterable[Claim]], Iterator[str]]] = {
    ClaimFormat.JSONL: claims_jsonl.lines,
    ClaimFormat.CSV: claims_csv.lines,
}
"""Text formats written a claim at a time, so memory does not grow with the output."""

BINARY_FORMATS = frozenset({ClaimFormat.PARQUET})
"""Formats that are files, not text: they need ``--output`` and go through
:func:`write_claims`, which streams them to the file atomically."""


def render_claims(claims: Sequence[Claim], fmt: ClaimFormat, color: bool = False) -> str:
    """Claims in the chosen format, as one string."""
    return claim_formatter(fmt)(claims, color)


def _binary(fmt: ClaimFormat) -> str:
    from hanoicheck.output import OutputError

    raise OutputError(f"--format {fmt} writes a binary file: give it a path with --output")


def check_destination(fmt: ClaimFormat, output: Path | None) -> None:
    """Fail early (before any extraction) when a binary format has no ``--output``."""
    if fmt in BINARY_FORMATS and output is None:
        _binary(fmt)


def write_claims(
    claims: Iterable[Claim], fmt: ClaimFormat, output: Path | None, color: bool = False
) -> None:
    """Write claims in ``fmt`` to ``output`` (atomically) or stdout.

    JSONL and CSV are streamed line by line and Parquet in row groups, straight from
    ``claims`` (an iterator is never materialised), so extracting 100,000 articles
    holds one claim or one batch at a time; the table needs every claim to size its
    columns and is rendered whole. Raises :class:`hanoicheck.output.OutputError`.
    """
    from hanoicheck.output import OutputError, write_output, write_stream

    check_destination(fmt, output)
    if fmt is ClaimFormat.PARQUET:
        assert output is not None
        from hanoicheck.formats import claims_parquet

        try:
            claims_parquet.write(claims, output)
        except claims_parquet.MissingDependency as error:
            raise OutputError(str(error)) from None
        return
    if fmt in STREAMED_FORMATS:
        write_stream(STREAMED_FORMATS[fmt](claims), output)
        return
    write_output(render_claims(list(claims), fmt, color), output)
