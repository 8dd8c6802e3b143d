"""Every option and argument of the command line, declared once as a typed alias.

:mod:`hanoicheck.cli` is a list of commands; the options several of them share (paths,
``--output``, ``--jobs``, the cache) and each command's ``--format`` are declared here,
so a command's signature reads as a list of names and the help text of an option is
written once. Every ``--format`` is an enum of :mod:`hanoicheck.formats`, so typer
rejects an unknown format and each member has a formatter (see that module).
"""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from hanoicheck import DEFAULT_CORPUS, __version__
from hanoicheck.formats import (
    ClaimFormat,
    ConflictFormat,
    GateFormat,
    ReportFormat,
    ReportOptions,
)

if TYPE_CHECKING:  # pragma: no cover - typing only
    from hanoicheck.api import Report


class ColorMode(StrEnum):
    """When to colour output (``NO_COLOR`` in the environment turns ``auto`` off)."""

    AUTO = "auto"
    ALWAYS = "always"
    NEVER = "never"


def use_color(mode: ColorMode, stream: object = None, *, to_file: bool = False) -> bool:
    """Resolve ``--color`` against the terminal and ``NO_COLOR``: ``always`` colours a
    pipe and an ``--output`` file too; ``auto`` only a terminal."""
    if mode is ColorMode.ALWAYS:
        return True
    if mode is ColorMode.NEVER or os.environ.get("NO_COLOR") or to_file:
        return False
    return is_terminal(stream)


def is_terminal(stream: object = None) -> bool:
    """Whether ``stream`` (default: stdout) is a terminal a person reads."""
    target = stream if stream is not None else sys.stdout
    isatty = getattr(target, "isatty", None)
    return bool(isatty and isatty())


# A terminal shows about a screen of conflicts unless asked for more; a pipe or a file
# gets everything.
TERMINAL_LIMIT = 20


def report_limit(limit: int | None, terminal: bool) -> int | None:
    """``--limit`` resolved: None shows everything (``--limit 0``, or not a terminal)."""
    if limit is None:
        limit = TERMINAL_LIMIT if terminal else 0
    return limit or None


def report_options(
    report: Report,
    fmt: ReportFormat,
    output: Path | None,
    color: ColorMode,
    width: int | None,
    show_all: bool,
    limit: int | None,
    verbose: bool,
) -> ReportOptions:
    """What ``report``'s options ask of the formatter: colour and the default
    ``--limit`` only when the text goes to a terminal."""
    to_terminal = output is None and fmt is ReportFormat.TEXT
    extraction = report.extraction
    return ReportOptions(
        documents=extraction.documents,
        errors=[str(e) for e in extraction.errors],
        show_all=show_all,
        color=fmt is ReportFormat.TEXT and use_color(color, to_file=output is not None),
        width=width,
        limit=report_limit(limit, to_terminal and is_terminal()),
        verbose=verbose,
    )


PathsArg = Annotated[
    list[Path],
    typer.Argument(
        metavar="PATH",
        help="Files or directories (.txt, .md, .html); directories are read recursively.",
    ),
]
CorpusArg = Annotated[
    list[Path] | None,
    typer.Argument(
        metavar="PATH",
        help="Files or directories (.txt, .md, .html), else the config's paths; "
        f"default: ./{DEFAULT_CORPUS}.",
        show_default=False,
    ),
]
OutputOpt = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write to this file (atomically) instead of stdout."),
]
ColorOpt = Annotated[
    ColorMode,
    typer.Option(
        "--color",
        envvar="HANOICHECK_COLOR",
        help="Colour the output: auto (a terminal, unless NO_COLOR is set), always (also "
        "in a pipe or a file) or never.",
    ),
]
JobsOpt = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        min=0,
        envvar="HANOICHECK_JOBS",
        help="Processes for extraction (default: automatic, one unless the input is "
        "large enough to pay for starting more on the CPUs that are idle; never more than "
        "the CPUs available). The output is identical whatever the number.",
    ),
]
QuietOpt = Annotated[
    bool,
    typer.Option(
        "--quiet",
        "-q",
        envvar="HANOICHECK_QUIET",
        help="Print only results and errors: no progress bar, no notices on stderr.",
    ),
]
VerboseOpt = Annotated[
    bool,
    typer.Option(
        "--verbose",
        "-v",
        envvar="HANOICHECK_VERBOSE",
        help="Also say on stderr which config and files were read; the report lists "
        "every copy counted once.",
    ),
]
ConfigOpt = Annotated[
    Path | None,
    typer.Option(
        "--config",
        metavar="PATH",
        envvar="HANOICHECK_CONFIG",
        help="Read settings from this file (hanoicheck.toml, or a pyproject.toml's "
        "[tool.hanoicheck]) instead of searching for one; see docs/config.md.",
        show_default=False,
    ),
]
AllOpt = Annotated[
    bool,
    typer.Option("--all", help="Also list the groups that agree and the single-outlet claims."),
]


def _size(text: str) -> int:
    """``--max-size`` in bytes, checked while parsing (before any file is read)."""
    from hanoicheck.sources import parse_size

    try:
        return parse_size(text)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--max-size") from None


MaxSizeOpt = Annotated[
    int | None,
    typer.Option(
        "--max-size",
        metavar="SIZE",
        parser=_size,
        envvar="HANOICHECK_MAX_SIZE",
        help="Skip (and report) files larger than this: e.g. 500K, 64M, 1G "
        "(default: the config's max-size, else 64M for extract, which streams its "
        "claims, and 8M for the commands that hold them all).",
        show_default=False,
    ),
]
ClaimFormatOpt = Annotated[
    ClaimFormat,
    typer.Option(
        "--format", "-f", help="Output format (parquet needs --output and pyarrow).",
        case_sensitive=False,
    ),
]  # fmt: skip
ConflictFormatOpt = Annotated[
    ConflictFormat, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)
]
ReportFormatOpt = Annotated[
    ReportFormat,
    typer.Option(
        "--format", "-f", case_sensitive=False,
        help="text: the terminal report; html: one self-contained page (pictures, filters, "
        "search; no network) to open in a browser or send, best with --output.",
    ),
]  # fmt: skip
GateFormatOpt = Annotated[
    GateFormat, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)
]
CacheOpt = Annotated[
    Path | None,
    typer.Option(
        "--cache",
        metavar="PATH",
        envvar="HANOICHECK_CACHE",
        help="Claim cache file (default: .hanoicheck/cache.sqlite in the current directory).",
    ),
]
NoCacheOpt = Annotated[
    bool,
    typer.Option(
        "--no-cache",
        envvar="HANOICHECK_NO_CACHE",
        help="Extract every file; do not read or write the cache.",
    ),
]
SinceOpt = Annotated[
    str | None,
    typer.Option(
        "--since",
        metavar="REV",
        help="Blame only files added or changed since this git revision (with uncommitted "
        "and untracked files) for conflicts they open or add a side to; without it or "
        "--new every conflict counts. Needs the history (fetch-depth: 0 in CI).",
    ),
]
NewOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--new",
        metavar="FILE",
        help="A new article to check against the corpus (repeatable); instead of --since.",
    ),
]
BaselineOpt = Annotated[
    Path | None,
    typer.Option(
        "--baseline",
        metavar="FILE",
        envvar="HANOICHECK_BASELINE",
        help="Ignore conflicts reviewed in this baseline file (default: the config's "
        "baseline); they are listed as suppressed in SARIF.",
        show_default=False,
    ),
]
FailOnOpt = Annotated[
    str | None,
    typer.Option(
        "--fail-on",
        metavar="SEVERITY",
        envvar="HANOICHECK_FAIL_ON",
        help="Fail on conflicts of this severity or worse: error or warning "
        "(default: the config's fail-on, else error).",
        show_default=False,
    ),
]
ExitZeroOpt = Annotated[
    bool,
    typer.Option(
        "--exit-zero",
        help="Exit 0 even when conflicts fail the gate (still 2 on a usage error or an "
        "unreadable file): report without blocking.",
    ),
]
BaselineOutputOpt = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="The baseline file to write (default: the config's baseline).",
        show_default=False,
    ),
]
LimitOpt = Annotated[
    int | None,
    typer.Option(
        "--limit",
        min=0,
        metavar="N",
        help=(
            "Show the N most severe conflicts (and N of each --all list) in the text "
            f"report; 0: all. Default: {TERMINAL_LIMIT} on a terminal, else all."
        ),
    ),
]
WidthOpt = Annotated[
    int | None,
    typer.Option(
        "--width",
        min=20,
        envvar="HANOICHECK_WIDTH",
        help="Wrap at this width (default: the terminal's width when colouring, else 100).",
    ),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"hanoicheck {__version__}")
        raise typer.Exit()


VersionOpt = Annotated[
    bool,
    typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit."),
]


def cache_file(path: Path | None, disabled: bool) -> Path | None:
    """The claim cache ``--cache``/``--no-cache`` ask for (None: no cache)."""
    from hanoicheck.cache import DEFAULT_CACHE_PATH

    return None if disabled else path or DEFAULT_CACHE_PATH
