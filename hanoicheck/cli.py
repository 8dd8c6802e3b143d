"""The ``hanoicheck`` command line: a thin typer layer over :mod:`hanoicheck.api`.

No logic lives here: commands parse options, call the library, pick a formatter and
set the exit code. Heavy modules (dateparser, rich, the extractors) are imported inside
the commands so that ``hanoicheck --help`` starts fast.

Exit codes: 0 success; 2 usage error, or some input could not be read (the other
files are still processed and reported first), or no source was found at all.

Every problem is one line on stderr in one style, ``hanoicheck: error: ...``: usage
errors too (:class:`_Commands` turns Click's multi-line usage boxes into that line).
``-q`` keeps stderr to errors and warnings; ``-v`` adds which settings and files were read.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import typer
from typer.core import TyperGroup

try:  # typer 0.2x vendors its own copy of Click: its exceptions are the ones raised
    from typer._click.core import Context
    from typer._click.exceptions import BadParameter, UsageError
    from typer._click.globals import get_current_context
except ImportError:  # pragma: no cover - older typer uses Click itself
    from click import (  # type: ignore[assignment]
        BadParameter,
        Context,
        UsageError,
        get_current_context,
    )

from hanoicheck import options as opt
from hanoicheck.formats import ClaimFormat, ConflictFormat, GateFormat, ReportFormat
from hanoicheck.progress import progress_bar, show_progress

if TYPE_CHECKING:  # pragma: no cover - typing only
    from hanoicheck.api import Report
    from hanoicheck.config import Config
    from hanoicheck.gate import GateResult
    from hanoicheck.model import Claim, SourceError
    from hanoicheck.parallel import ProgressCallback

EXIT_INPUT_ERROR = 2


class _UsageLine(UsageError):
    """A usage error shown as one line, the way every other problem is shown."""

    def __init__(self, message: str, ctx: Context | None = None, command: str = "") -> None:
        super().__init__(message, ctx)
        self.command = command or (ctx.command_path if ctx is not None else "hanoicheck")

    def show(self, file: object = None) -> None:
        typer.echo(f"hanoicheck: error: {self.message} (see '{self.command} -h')", err=True)


def usage_message(error: UsageError) -> str:
    """Click's message in the tool's words, on one line: ``--format: 'x' is not one of
    'a', 'b'``, ``missing argument PATH``, ``no such option: --nope``."""
    message = error.format_message()
    if isinstance(error, BadParameter) and error.message:
        param = error.param
        options = [o for o in getattr(param, "opts", ()) if o.startswith("-")]
        if options:
            name = max(options, key=len)
        else:
            name = (getattr(param, "metavar", None) or getattr(param, "name", "") or "").upper()
        detail = error.message.removeprefix("Value error, ")
        detail = detail[:1].lower() + detail[1:] if detail[1:2].islower() else detail
        message = f"{name}: {detail}" if name else detail
    message = " ".join(message.split()).rstrip(".").replace("'PATH'", "PATH")
    return message[:1].lower() + message[1:] if message[1:2].islower() else message


class _Commands(TyperGroup):
    """The command group: any usage error, of the group or a command, is one line."""

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: Context | None = None,
        **extra: object,
    ) -> Context:
        try:
            return super().make_context(info_name, args, parent, **extra)  # type: ignore[arg-type]
        except _UsageLine:
            raise
        except UsageError as error:
            raise _UsageLine(usage_message(error), error.ctx) from None

    def invoke(self, ctx: Context) -> object:
        try:
            return super().invoke(ctx)
        except _UsageLine:
            raise
        except UsageError as error:
            command = ctx.command_path
            if ctx.invoked_subcommand:
                command = f"{command} {ctx.invoked_subcommand}"
            raise _UsageLine(usage_message(error), error.ctx, command) from None


app = typer.Typer(
    name="hanoicheck",
    help="Extract counts, money and dates from news articles and find where sources disagree.",
    cls=_Commands,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def fail(message: str) -> None:
    """One line on stderr, the way every command reports a problem."""
    typer.echo(f"hanoicheck: error: {message}", err=True)


def _exit(message: str) -> NoReturn:
    fail(message)
    raise typer.Exit(EXIT_INPUT_ERROR)


@contextlib.contextmanager
def _input_errors(escape: bool = False) -> Iterator[None]:
    """A problem the user can fix (config, options, corpus, output file): one line, exit 2;
    with ``escape``, control characters (in a file name) are shown, not sent."""
    from hanoicheck.api import CorpusError
    from hanoicheck.config import ConfigError
    from hanoicheck.formats.claims_table import plain
    from hanoicheck.gate import GateError
    from hanoicheck.output import OutputError

    try:
        yield
    except (ConfigError, CorpusError, GateError, OutputError) as error:
        _exit(plain(str(error)) if escape else str(error))


@dataclass(frozen=True, slots=True)
class _Voice:
    """What a command says on stderr besides errors: ``-q`` nothing, ``-v`` more."""

    quiet: bool = False
    verbose: bool = False

    def __post_init__(self) -> None:
        if self.quiet and self.verbose:
            raise _UsageLine("--quiet and --verbose cannot be used together", _context())

    def notice(self, text: str) -> None:
        if not self.quiet:
            typer.echo(f"hanoicheck: {text}", err=True)

    def detail(self, text: str) -> None:
        if self.verbose:
            typer.echo(f"hanoicheck: {text}", err=True)

    @staticmethod
    def warn(text: str) -> None:
        """A warning about the result (no claims at all): shown even with ``-q``."""
        typer.echo(f"hanoicheck: warning: {text}", err=True)


def _context() -> Context | None:
    current = get_current_context(silent=True)
    return current if isinstance(current, Context) else None


def _config(path: Path | None, voice: _Voice) -> Config:
    """The settings of ``--config``, else of hanoicheck.toml or pyproject.toml found from
    the cwd, or exit 2 naming the file and key."""
    from hanoicheck.config import load_config, load_config_file

    with _input_errors():
        config = load_config_file(path) if path is not None else load_config(Path.cwd())
    voice.detail(f"settings from {config.source}" if config.source else "no config file; defaults")
    return config


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def _unreadable(errors: Sequence[SourceError], note: str = "") -> None:
    """Exit 2 when some file could not be read (the others were processed and shown)."""
    if errors:
        _exit(f"{_plural(len(errors), 'file')} could not be read; {note}exit {EXIT_INPUT_ERROR}")


def _nothing_read(errors: Sequence[SourceError], read: int) -> None:
    """Every input failed: its one-line error was shown; print nothing else, exit 2."""
    if errors and not read:
        raise typer.Exit(EXIT_INPUT_ERROR)


def _read_summary(voice: _Voice, documents: int, claims: int) -> None:
    from hanoicheck.api import no_claims_notice

    voice.detail(f"read {_plural(documents, 'file')}, {_plural(claims, 'claim')}")
    notice = no_claims_notice(documents, claims)
    if notice:
        voice.warn(notice)


@app.callback()
def root(version: opt.VersionOpt = False) -> None:
    """Extract counts, money and dates from news articles and find where sources disagree."""


@app.command()
def extract(
    paths: opt.PathsArg,
    fmt: opt.ClaimFormatOpt = ClaimFormat.TABLE,
    output: opt.OutputOpt = None,
    color: opt.ColorOpt = opt.ColorMode.AUTO,
    jobs: opt.JobsOpt = None,
    max_size: opt.MaxSizeOpt = None,
    config_path: opt.ConfigOpt = None,
    quiet: opt.QuietOpt = False,
    verbose: opt.VerboseOpt = False,
) -> None:
    """Extract the claims (counts, money, dates) of every article, with provenance."""
    from dataclasses import replace

    from hanoicheck.formats import check_destination, write_claims

    voice = _Voice(quiet, verbose)
    config = _config(config_path, voice)
    if max_size is not None:
        config = replace(config, max_size=max_size)
    errors: list[SourceError] = []
    counts = [0, 0]  # documents, claims
    colored = fmt is ClaimFormat.TABLE and opt.use_color(color, to_file=output is not None)
    with _input_errors(escape=True), progress_bar(show_progress(quiet)) as progress:
        check_destination(fmt, output)
        claims = _claims(paths, config, jobs, progress, errors, counts)
        first = next(claims, None)  # a failed input prints nothing on stdout
        _nothing_read(errors, counts[0])
        write_claims(_chain(first, claims), fmt, output, colored)
    _read_summary(voice, counts[0], counts[1])
    _unreadable(errors)


def _chain(first: Claim | None, rest: Iterator[Claim]) -> Iterator[Claim]:
    if first is not None:
        yield first
    yield from rest


def _claims(
    paths: list[Path],
    config: Config,
    jobs: int | None,
    progress: ProgressCallback,
    errors: list[SourceError],
    counts: list[int],
) -> Iterator[Claim]:
    """Claims as extracted (Parquet writes row groups as they come); errors print as met."""
    from hanoicheck import api
    from hanoicheck.formats.claims_table import plain
    from hanoicheck.model import SourceError

    for item in api.iter_extract(paths, config, jobs=jobs, progress=progress):
        if isinstance(item, SourceError):
            errors.append(item)
            fail(plain(str(item)))  # a file name can hold escape codes or newlines
        else:
            counts[0] += 1
            counts[1] += len(item.claims)
            yield from item.claims


def _reconciled(
    paths: list[Path] | None, config: Config, jobs: int | None, voice: _Voice
) -> Report:
    """Extract and reconcile (what ``report`` and ``conflicts`` show); unreadable files on
    stderr as they are skipped; nothing more when no file could be read."""
    from hanoicheck import api

    with _input_errors():
        targets = api.corpus_paths(paths, config.resolved_paths())
        with progress_bar(show_progress(voice.quiet)) as progress:
            result = api.reconcile_paths(targets, config, jobs=jobs, progress=progress)
    for error in result.extraction.errors:
        fail(str(error))
    _nothing_read(result.extraction.errors, len(result.extraction.documents))
    _read_summary(voice, len(result.extraction.documents), len(result.extraction.claims))
    return result


@app.command()
def report(
    paths: opt.CorpusArg = None,
    show_all: opt.AllOpt = False,
    fmt: opt.ReportFormatOpt = ReportFormat.TEXT,
    output: opt.OutputOpt = None,
    color: opt.ColorOpt = opt.ColorMode.AUTO,
    width: opt.WidthOpt = None,
    jobs: opt.JobsOpt = None,
    config_path: opt.ConfigOpt = None,
    quiet: opt.QuietOpt = False,
    verbose: opt.VerboseOpt = False,
) -> None:
    """Reconcile the articles and show where they disagree (exit 0 whatever is found)."""
    from hanoicheck.formats import ReportOptions, write_report

    voice = _Voice(quiet, verbose)
    result = _reconciled(paths, _config(config_path, voice), jobs, voice)
    colored = fmt is ReportFormat.TEXT and opt.use_color(color, to_file=output is not None)
    errors = [str(e) for e in result.extraction.errors]
    options = ReportOptions(
        result.extraction.documents, errors, show_all, colored, width, verbose=verbose
    )
    with _input_errors():
        write_report(result.reconciliation, fmt, output, options)
    _unreadable(result.extraction.errors)


@app.command()
def conflicts(
    paths: opt.CorpusArg = None,
    fmt: opt.ConflictFormatOpt = ConflictFormat.CSV,
    output: opt.OutputOpt = None,
    show_all: opt.AllOpt = False,
    jobs: opt.JobsOpt = None,
    config_path: opt.ConfigOpt = None,
    quiet: opt.QuietOpt = False,
    verbose: opt.VerboseOpt = False,
) -> None:
    """Export the conflict table (with --all, the whole reconciled fact table)."""
    from hanoicheck.formats.conflicts import iter_conflicts
    from hanoicheck.output import write_stream

    voice = _Voice(quiet, verbose)
    result = _reconciled(paths, _config(config_path, voice), jobs, voice)
    docs, errors = result.extraction.documents, [str(e) for e in result.extraction.errors]
    with _input_errors():
        write_stream(iter_conflicts(result.reconciliation, fmt, show_all, docs, errors), output)
    _unreadable(result.extraction.errors)


@app.command()
def check(
    paths: opt.CorpusArg = None,
    since: opt.SinceOpt = None,
    new: opt.NewOpt = None,
    baseline: opt.BaselineOpt = None,
    fail_on: opt.FailOnOpt = None,
    exit_zero: opt.ExitZeroOpt = False,
    fmt: opt.GateFormatOpt = GateFormat.TEXT,
    cache_path: opt.CacheOpt = None,
    no_cache: opt.NoCacheOpt = False,
    output: opt.OutputOpt = None,
    jobs: opt.JobsOpt = None,
    config_path: opt.ConfigOpt = None,
    quiet: opt.QuietOpt = False,
    verbose: opt.VerboseOpt = False,
) -> None:
    """Gate for CI and pre-commit: fail when new articles conflict with the corpus.

    Without --since or --new every conflict counts. A conflict counts against a new file
    when the file opens it or adds a side to it; conflicts in the baseline (--baseline,
    else the config's baseline) are ignored. Exit 0: nothing at or above --fail-on (or
    --exit-zero); 1: something is; 2: usage error, bad config or baseline, an unreadable
    file, or no source found.
    """
    from hanoicheck import api

    voice = _Voice(quiet, verbose)
    config = _config(config_path, voice)
    with _input_errors():
        result = api.check_paths(
            paths, config, since=since, new=new or (), baseline=baseline, fail_on=fail_on,
            cache=opt.cache_file(cache_path, no_cache), jobs=jobs, notify=voice.notice,
        )  # fmt: skip
        for error in result.errors:
            fail(str(error))
        _nothing_read(result.errors, result.sources)
        _read_summary(voice, result.sources, result.claims)
        _write_gate(result, fmt, output)
    _unreadable(result.errors)
    _gate_exit(result, voice, exit_zero)


def _write_gate(result: GateResult, fmt: GateFormat, output: Path | None) -> None:
    """The result in ``fmt``; with ``github`` in Actions, the findings table is appended
    to the job's step summary too."""
    from hanoicheck.formats.gate_formats import render_gate, step_summary
    from hanoicheck.output import OutputError, append_text, write_output

    write_output(render_gate(result, fmt), output)
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if fmt is GateFormat.GITHUB and summary:
        try:
            append_text(step_summary(result), Path(summary))
        except OutputError as error:
            fail(f"GITHUB_STEP_SUMMARY {error}")


def _gate_exit(result: GateResult, voice: _Voice, exit_zero: bool) -> None:
    """The verdict on stderr; exit 1 when something is at or above ``--fail-on``."""
    from hanoicheck.formats.gate_formats import verdict_line

    voice.notice(verdict_line(result, exit_zero=exit_zero).removeprefix("hanoicheck: "))
    if result.failed and not exit_zero:
        raise typer.Exit(1)


@app.command()
def baseline(
    output: opt.BaselineOutputOpt = None,
    paths: opt.CorpusArg = None,
    cache_path: opt.CacheOpt = None,
    no_cache: opt.NoCacheOpt = False,
    jobs: opt.JobsOpt = None,
    config_path: opt.ConfigOpt = None,
    quiet: opt.QuietOpt = False,
    verbose: opt.VerboseOpt = False,
) -> None:
    """Record every current conflict as reviewed, for `check` (--baseline FILE, or the
    config's baseline).

    Notes already written in FILE are kept for conflicts that are still there. Nothing
    is written when a file cannot be read, or when FILE holds merge-conflict markers
    (exit 2).
    """
    from hanoicheck import api
    from hanoicheck.formats.gate_formats import baseline_line

    voice = _Voice(quiet, verbose)
    config = _config(config_path, voice)
    with _input_errors():
        target = api.baseline_target(output, config)
        done = api.write_baseline(
            target,
            paths,
            config,
            cache=opt.cache_file(cache_path, no_cache),
            jobs=jobs,
            notify=voice.notice,
        )
    for error in done.errors:
        fail(str(error))
    _unreadable(done.errors, note="baseline not written; ")
    voice.notice(baseline_line(done.baseline, target).removeprefix("hanoicheck: "))


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
