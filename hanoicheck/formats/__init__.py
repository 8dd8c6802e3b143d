"""Output formats: one enum per command, one formatter per member.

Every command picks its format from an enum here (:class:`ClaimFormat`,
:class:`ConflictFormat`, :class:`ReportFormat`, :class:`GateFormat`), and each enum has
one function mapping every member to exactly one formatter (:func:`claim_formatter`,
:func:`~hanoicheck.formats.conflicts.conflict_formatter`, :func:`report_formatter`,
:func:`~hanoicheck.formats.gate_formats.gate_formatter`) with a ``match`` that ends in
``assert_never``: mypy rejects a member without a case, and a test calls each for
every member, so a new format cannot be half-added. The enums live here, away from
their formatters, because the CLI needs them to parse ``--format`` and must not import
the reconciler to print ``--help``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, assert_never

from hanoicheck.formats import claims_csv, claims_jsonl, claims_table
from hanoicheck.model import Claim, Document

if TYPE_CHECKING:  # pragma: no cover - typing only
    from hanoicheck.reconcile import Reconciliation


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
    HTML = "html"


class ReportFormat(StrEnum):
    """Formats of ``hanoicheck report``: the terminal text, or one HTML page
    (:mod:`hanoicheck.formats.html`) to send to an editor."""

    TEXT = "text"
    HTML = "html"


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


def plural(count: int, noun: str, many: str | None = None) -> str:
    """ "1 source", "3 sources", "1,204 stories": the one way every output counts."""
    return f"{count:,} {noun if count == 1 else many or noun + 's'}"


@dataclass(frozen=True, slots=True)
class ReportOptions:
    """What a report shows beyond the reconciliation: the documents read (outlets,
    dates, headlines), the files that could not be read, ``--all``, and for the terminal
    text its colour, width (None: the terminal's when coloured, else 100), how many
    groups of each list it shows (None: all) and whether it lists every copy."""

    documents: Sequence[Document] = ()
    errors: Sequence[str] = ()
    show_all: bool = False
    color: bool = False
    width: int | None = None
    limit: int | None = None
    verbose: bool = False

    @property
    def text_width(self) -> int:
        """``--width``; else, when colouring, the terminal's (however narrow: wrapping
        wider than the terminal makes it wrap every line again); else 100."""
        if self.width:
            return self.width
        if not self.color:
            return 100
        import shutil

        return max(MIN_WIDTH, shutil.get_terminal_size((100, 24)).columns)


MIN_WIDTH = 20
"""Narrowest wrap: below it a quote's indent leaves no room for words."""


ReportFormatter = Callable[["Reconciliation", ReportOptions], Iterator[str]]


def _text_report(result: Reconciliation, options: ReportOptions) -> Iterator[str]:
    from hanoicheck.formats.report import render

    yield render(
        result,
        show_all=options.show_all,
        color=options.color,
        width=options.text_width,
        errors=options.errors,
        limit=options.limit,
        verbose=options.verbose,
    )


def _html_report(result: Reconciliation, options: ReportOptions) -> Iterator[str]:
    from hanoicheck.formats.html import render

    return render(
        result, documents=options.documents, errors=options.errors, show_all=options.show_all
    )


def report_formatter(fmt: ReportFormat) -> ReportFormatter:
    """The one formatter of ``fmt`` (imported when called: ``--help`` stays fast)."""
    match fmt:
        case ReportFormat.TEXT:
            return _text_report
        case ReportFormat.HTML:
            return _html_report
        case _:  # pragma: no cover - mypy proves this unreachable
            assert_never(fmt)


REPORT_FORMATTERS: dict[ReportFormat, ReportFormatter] = {
    f: report_formatter(f) for f in ReportFormat
}


def write_report(
    result: Reconciliation, fmt: ReportFormat, output: Path | None, options: ReportOptions
) -> None:
    """The report in ``fmt`` to ``output`` (atomically) or stdout, a piece at a time.
    Raises :class:`hanoicheck.output.OutputError`."""
    from hanoicheck.output import write_stream

    write_stream(report_formatter(fmt)(result, options), output)
