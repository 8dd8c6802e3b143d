"""The ``hanoicheck`` command line: a thin typer layer over :mod:`hanoicheck.api`.

No logic lives here: commands parse options, call the library, pick a formatter and
set the exit code. Heavy modules (dateparser, rich, the extractors) are imported inside
the commands so that ``hanoicheck --help`` starts fast.

Exit codes: 0 success; 2 usage error, or some input could not be read (the other
files are still processed and reported first).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from hanoicheck import __version__
from hanoicheck.formats import ClaimFormat

if TYPE_CHECKING:  # pragma: no cover - typing only; rich is imported when a bar is drawn
    from rich.progress import TaskID

    from hanoicheck.config import Config

app = typer.Typer(
    name="hanoicheck",
    help="Extract counts, money and dates from news articles and find where sources disagree.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

EXIT_INPUT_ERROR = 2


class ColorMode(StrEnum):
    """When to colour output (``NO_COLOR`` in the environment turns ``auto`` off)."""

    AUTO = "auto"
    ALWAYS = "always"
    NEVER = "never"


def use_color(mode: ColorMode, stream: object = None) -> bool:
    """Resolve ``--color`` against the terminal and ``NO_COLOR``."""
    if mode is ColorMode.ALWAYS:
        return True
    if mode is ColorMode.NEVER or os.environ.get("NO_COLOR"):
        return False
    target = stream if stream is not None else sys.stdout
    isatty = getattr(target, "isatty", None)
    return bool(isatty and isatty())


def fail(message: str) -> None:
    """One line on stderr, the way every command reports a problem."""
    typer.echo(f"hanoicheck: error: {message}", err=True)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"hanoicheck {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Extract counts, money and dates from news articles and find where sources disagree."""


PathsArg = Annotated[
    list[Path],
    typer.Argument(
        metavar="PATH...",
        help="Files or directories (.txt, .md, .html); directories are read recursively.",
    ),
]
OutputOpt = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write to this file (atomically) instead of stdout."),
]
ColorOpt = Annotated[
    ColorMode, typer.Option("--color", help="Colour the output: auto, always or never.")
]


# Runs shorter than this many files finish before a bar would be worth drawing.
PROGRESS_MIN_FILES = 100


def show_progress(quiet: bool, stream: object = None) -> bool:
    """A progress bar only for a person watching: stderr is a terminal and no --quiet."""
    if quiet:
        return False
    target = stream if stream is not None else sys.stderr
    isatty = getattr(target, "isatty", None)
    return bool(isatty and isatty())


@contextlib.contextmanager
def progress_bar(enabled: bool, stream: object = None) -> Iterator[Callable[[int, int], None]]:
    """A ``progress(done, total)`` callback drawing a Rich bar on stderr (or nothing).

    The bar appears only once the total is known to be long enough and is removed when
    done (``transient``), so stdout and a finished terminal stay clean.
    """
    if not enabled:
        yield lambda done, total: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    console = Console(file=stream if stream is not None else sys.stderr)  # type: ignore[arg-type]
    bar = Progress(
        "extracting", BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        console=console, transient=True,
    )  # fmt: skip
    task: list[TaskID] = []

    def update(done: int, total: int) -> None:
        if not task:
            if total < PROGRESS_MIN_FILES:
                return
            bar.start()
            task.append(bar.add_task("extract", total=total))
        bar.update(task[0], completed=done)

    try:
        yield update
    finally:
        if task:
            bar.stop()


JobsOpt = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        min=0,
        help="Processes for extraction (default: 1 for small inputs, every CPU for large "
        "ones). The output is identical whatever the number.",
    ),
]
QuietOpt = Annotated[
    bool, typer.Option("--quiet", "-q", help="No progress bar (shown only on a terminal).")
]


@app.command()
def extract(
    paths: PathsArg,
    fmt: Annotated[
        ClaimFormat,
        typer.Option("--format", "-f", help="Output format (parquet needs --output and pyarrow)."),
    ] = ClaimFormat.TABLE,
    output: OutputOpt = None,
    color: ColorOpt = ColorMode.AUTO,
    jobs: JobsOpt = None,
    quiet: QuietOpt = False,
    max_size: Annotated[
        str,
        typer.Option(
            "--max-size",
            metavar="SIZE",
            help="Skip (and report) files larger than this: e.g. 500K, 64M, 1G.",
        ),
    ] = "64M",
) -> None:
    """Extract the claims (counts, money, dates) of every article, with provenance."""
    from hanoicheck.api import iter_extract
    from hanoicheck.formats import check_destination, write_claims
    from hanoicheck.formats.claims_table import plain
    from hanoicheck.model import Claim, SourceError
    from hanoicheck.output import OutputError
    from hanoicheck.sources import parse_size

    try:
        max_bytes = parse_size(max_size)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--max-size") from None
    errors: list[SourceError] = []

    def claims(progress: Callable[[int, int], None]) -> Iterator[Claim]:
        # Streamed: Parquet writes row groups as claims arrive; errors print as met.
        for item in iter_extract(paths, jobs=jobs, progress=progress, max_bytes=max_bytes):
            if isinstance(item, SourceError):
                errors.append(item)
                fail(plain(str(item)))  # a file name can hold escape codes or newlines
            else:
                yield from item.claims

    colored = output is None and fmt is ClaimFormat.TABLE and use_color(color)
    try:
        check_destination(fmt, output)
        with progress_bar(show_progress(quiet)) as progress:
            write_claims(claims(progress), fmt, output, colored)
    except OutputError as error:
        fail(plain(str(error)))
        raise typer.Exit(EXIT_INPUT_ERROR) from None
    if errors:
        fail(f"{len(errors)} file(s) could not be read; exit {EXIT_INPUT_ERROR}")
        raise typer.Exit(EXIT_INPUT_ERROR)


ReportPathsArg = Annotated[
    list[Path] | None,
    typer.Argument(
        metavar="[PATH...]",
        help="Files or directories (.txt, .md, .html); default: ./seeds.",
        show_default=False,
    ),
]
AllOpt = Annotated[
    bool,
    typer.Option("--all", help="Also list the groups that agree and the single-outlet claims."),
]


def _reconciled(paths: list[Path] | None, jobs: int | None, quiet: bool) -> object:
    """Extract and reconcile, reporting unreadable files on stderr as they are skipped."""
    from hanoicheck.api import reconcile_paths

    targets = paths or [Path("seeds")]
    missing = [p for p in targets if not p.exists()]
    if paths is None and missing:
        fail("no PATH given and ./seeds does not exist here")
        raise typer.Exit(EXIT_INPUT_ERROR)
    config = _load_config()
    with progress_bar(show_progress(quiet)) as progress:
        report = reconcile_paths(
            targets,
            config.reconcile_options(),
            extract_options=config.extract_options(),
            max_bytes=config.max_size,
            jobs=jobs,
            progress=progress,
        )
    for error in report.extraction.errors:
        fail(str(error))
    return report


def _load_config() -> Config:
    """The project's settings (hanoicheck.toml or pyproject.toml), or exit 2 naming the key."""
    from hanoicheck.config import ConfigError, load_config

    try:
        return load_config(Path.cwd())
    except ConfigError as error:
        fail(str(error))
        raise typer.Exit(EXIT_INPUT_ERROR) from None


def _exit_for_unreadable(count: int) -> None:
    if count:
        fail(f"{count} file(s) could not be read; exit {EXIT_INPUT_ERROR}")
        raise typer.Exit(EXIT_INPUT_ERROR)


@app.command()
def report(
    paths: ReportPathsArg = None,
    show_all: AllOpt = False,
    color: ColorOpt = ColorMode.AUTO,
    width: Annotated[
        int | None,
        typer.Option(
            "--width", min=40, help="Wrap at this width (default: the terminal's, or 100)."
        ),
    ] = None,
    jobs: JobsOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Reconcile the articles and show where they disagree (exit 0 whatever is found)."""
    from hanoicheck.api import Report
    from hanoicheck.formats.report import render

    result = _reconciled(paths, jobs, quiet)
    assert isinstance(result, Report)
    colored = use_color(color)
    if width is None:
        width = _terminal_width() if colored else 100
    text = render(
        result.reconciliation,
        show_all=show_all,
        color=colored,
        width=width,
        errors=[str(e) for e in result.extraction.errors],
    )
    typer.echo(text, nl=False)
    _exit_for_unreadable(len(result.extraction.errors))


def _terminal_width() -> int:
    import shutil

    return max(60, shutil.get_terminal_size((100, 24)).columns)


@app.command()
def conflicts(
    paths: ReportPathsArg = None,
    fmt: Annotated[
        str,
        typer.Option("--format", "-f", help="Output format: csv, json or markdown."),
    ] = "csv",
    output: OutputOpt = None,
    show_all: AllOpt = False,
    jobs: JobsOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Export the conflict table (with --all, the whole reconciled fact table)."""
    from hanoicheck.api import Report
    from hanoicheck.formats.conflicts import ConflictFormat, iter_conflicts
    from hanoicheck.output import OutputError, write_stream

    try:
        chosen = ConflictFormat(fmt.lower())
    except ValueError:
        choices = ", ".join(f.value for f in ConflictFormat)
        fail(f"--format {fmt!r} is not one of: {choices}")
        raise typer.Exit(EXIT_INPUT_ERROR) from None
    result = _reconciled(paths, jobs, quiet)
    assert isinstance(result, Report)
    try:
        write_stream(iter_conflicts(result.reconciliation, chosen, show_all), output)
    except OutputError as error:
        fail(str(error))
        raise typer.Exit(EXIT_INPUT_ERROR) from None
    _exit_for_unreadable(len(result.extraction.errors))


# --------------------------------------------------------------------------- CI gate

CacheOpt = Annotated[
    Path | None,
    typer.Option(
        "--cache",
        metavar="PATH",
        help="Claim cache file (default: .hanoicheck/cache.sqlite in the current directory).",
    ),
]
NoCacheOpt = Annotated[
    bool, typer.Option("--no-cache", help="Extract every file; do not read or write the cache.")
]


def _gate_targets(paths: list[Path] | None, config: object) -> list[Path]:
    from hanoicheck.config import Config

    assert isinstance(config, Config)
    if paths:
        return list(paths)
    configured = list(config.resolved_paths())
    if configured:
        return configured
    if not Path("seeds").exists():
        fail("no PATH given, no paths in the config and ./seeds does not exist here")
        raise typer.Exit(EXIT_INPUT_ERROR)
    return [Path("seeds")]


def _gate_reconcile(
    targets: list[Path], config: object, cache_path: Path | None, no_cache: bool
) -> object:
    """Extract (through the cache) and reconcile; cache notices and unreadable files on
    stderr. Returns a :class:`hanoicheck.api.Report`."""
    from hanoicheck.api import Report
    from hanoicheck.cache import DEFAULT_CACHE_PATH, ClaimCache, extract_cached
    from hanoicheck.config import Config
    from hanoicheck.reconcile import reconcile

    assert isinstance(config, Config)
    options = config.extract_options()
    cache = None if no_cache else ClaimCache(cache_path or DEFAULT_CACHE_PATH)
    try:
        extraction = extract_cached(
            targets, cache, options, max_bytes=config.max_size, exclude=config.exclude
        )
    finally:
        if cache is not None:
            cache.close()
    for notice in cache.notices if cache is not None else ():
        typer.echo(f"hanoicheck: {notice}", err=True)
    for error in extraction.errors:
        fail(str(error))
    return Report(extraction, reconcile(extraction.claims, config.reconcile_options()))


def _new_sources(since: str | None, new: list[Path] | None) -> set[str] | None:
    from hanoicheck.gitfiles import GitError, changed_files
    from hanoicheck.sources import normalize_source

    if since is not None and new:
        fail("--since and --new cannot be used together")
        raise typer.Exit(EXIT_INPUT_ERROR)
    if since is not None:
        try:
            return {normalize_source(p) for p in changed_files(since, Path.cwd())}
        except GitError as error:
            fail(f"--since: {error}")
            raise typer.Exit(EXIT_INPUT_ERROR) from None
    if new:
        missing = [p for p in new if not p.is_file()]
        if missing:
            fail(f"--new {missing[0]}: no such file")
            raise typer.Exit(EXIT_INPUT_ERROR)
        return {normalize_source(p) for p in new}
    return None


def _uncovered(files: list[Path], targets: list[Path]) -> list[Path]:
    """``--new`` files that no target path already includes (they are checked too)."""
    roots = [t.resolve() for t in targets]
    return [f for f in files if not any(f.resolve().is_relative_to(r) for r in roots)]


@app.command()
def check(
    paths: ReportPathsArg = None,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            metavar="REV",
            help="Blame only files added or changed since this git revision (with uncommitted "
            "and untracked files); needs the history (fetch-depth: 0 in CI).",
        ),
    ] = None,
    new: Annotated[
        list[Path] | None,
        typer.Option(
            "--new",
            metavar="FILE",
            help="A new article to check against the corpus (repeatable); instead of --since.",
        ),
    ] = None,
    baseline: Annotated[
        Path | None,
        typer.Option(
            "--baseline", metavar="FILE", help="Ignore conflicts reviewed in this baseline file."
        ),
    ] = None,
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on",
            metavar="SEVERITY",
            help="Fail on conflicts of this severity or worse: error or warning "
            "(default: the config's fail-on, else error).",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        str,
        typer.Option("--format", "-f", help="Output format: text, github, json or sarif."),
    ] = "text",
    cache_path: CacheOpt = None,
    no_cache: NoCacheOpt = False,
    output: OutputOpt = None,
) -> None:
    """Gate for CI and pre-commit: fail when new articles conflict with the corpus.

    Without --since or --new every conflict counts. A conflict counts against a new file
    when the file opens it or adds a side to it; conflicts in --baseline are ignored.
    Exit 0: nothing at or above --fail-on; 1: something is; 2: usage error, bad config
    or baseline, or an unreadable file.
    """
    from hanoicheck.api import Report
    from hanoicheck.config import Config
    from hanoicheck.formats.gate_formats import GateFormat, render_gate, step_summary
    from hanoicheck.gate import BaselineError, evaluate, load_baseline
    from hanoicheck.output import OutputError, write_output
    from hanoicheck.reconcile import Severity

    try:
        chosen = GateFormat(fmt.lower())
    except ValueError:
        fail(f"--format {fmt!r} is not one of: {', '.join(f.value for f in GateFormat)}")
        raise typer.Exit(EXIT_INPUT_ERROR) from None
    config = _load_config()
    assert isinstance(config, Config)
    try:
        threshold = Severity((fail_on or config.fail_on).lower())
    except ValueError:
        fail(f"--fail-on {fail_on!r} is not one of: error, warning")
        raise typer.Exit(EXIT_INPUT_ERROR) from None
    reviewed = None
    if baseline is not None:
        try:
            reviewed = load_baseline(baseline)
        except BaselineError as error:
            fail(str(error))
            raise typer.Exit(EXIT_INPUT_ERROR) from None
    new_sources = _new_sources(since, new)
    targets = _gate_targets(paths, config)
    if new:
        targets += _uncovered(new, targets)
    result = _gate_reconcile(targets, config, cache_path, no_cache)
    assert isinstance(result, Report)
    gate = evaluate(result.reconciliation, new_sources, reviewed, threshold)
    try:
        write_output(render_gate(gate, chosen), output)
    except OutputError as error:
        fail(str(error))
        raise typer.Exit(EXIT_INPUT_ERROR) from None
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if chosen is GateFormat.GITHUB and summary_file:
        try:
            with open(summary_file, "a", encoding="utf-8") as handle:
                handle.write(step_summary(gate))
        except OSError as error:
            fail(f"GITHUB_STEP_SUMMARY {summary_file}: cannot write ({error.strerror or error})")
    where = "in new files" if new_sources is not None else "in the corpus"
    unreadable = len(result.extraction.errors)
    if unreadable:
        fail(f"{unreadable} file(s) could not be read; exit {EXIT_INPUT_ERROR}")
        raise typer.Exit(EXIT_INPUT_ERROR)
    failing = gate.failing
    if failing:
        counts = [
            f"{n} {s}" + ("" if n == 1 else "s")
            for s in Severity
            if (n := sum(1 for f in failing if f.severity is s))
        ]
        typer.echo(f"hanoicheck: {' and '.join(counts)} {where}; exit 1", err=True)
        raise typer.Exit(1)
    typer.echo(f"hanoicheck: no conflicts at or above {threshold} {where}; exit 0", err=True)


@app.command()
def baseline(
    output: Annotated[
        Path,
        typer.Option("--output", "-o", metavar="FILE", help="The baseline file to write."),
    ],
    paths: ReportPathsArg = None,
    cache_path: CacheOpt = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """Record every current conflict as reviewed, for `check --baseline FILE`.

    Notes already written in FILE are kept for conflicts that are still there. Nothing
    is written when a file cannot be read (exit 2).
    """
    from hanoicheck.api import Report
    from hanoicheck.config import Config
    from hanoicheck.gate import Baseline, BaselineError, load_baseline, save_baseline
    from hanoicheck.output import OutputError

    config = _load_config()
    assert isinstance(config, Config)
    previous = None
    if output.is_file():
        try:
            previous = load_baseline(output)
        except BaselineError:
            previous = None  # replaced wholesale; nothing in it can be kept
    result = _gate_reconcile(_gate_targets(paths, config), config, cache_path, no_cache)
    assert isinstance(result, Report)
    if result.extraction.errors:
        count = len(result.extraction.errors)
        fail(f"{count} file(s) could not be read; baseline not written; exit {EXIT_INPUT_ERROR}")
        raise typer.Exit(EXIT_INPUT_ERROR)
    written = Baseline.from_reconciliation(result.reconciliation, previous)
    try:
        save_baseline(written, output)
    except OutputError as error:
        fail(str(error))
        raise typer.Exit(EXIT_INPUT_ERROR) from None
    noun = "conflict" if len(written.entries) == 1 else "conflicts"
    typer.echo(
        f"hanoicheck: baseline of {len(written.entries)} {noun} written to {output}", err=True
    )


def main() -> None:
    """Console-script entry point: no tracebacks for the user, one line instead."""
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("hanoicheck: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)


if __name__ == "__main__":
    main()
