"""The ``hanoicheck`` command line: a thin typer layer over :mod:`hanoicheck.api`.

No logic lives here: commands parse options, call the library, pick a formatter and
set the exit code. Heavy modules (dateparser, rich, the extractors) are imported inside
the commands so that ``hanoicheck --help`` starts fast.

Exit codes: 0 success; 2 usage error, or some input could not be read (the other
files are still processed and reported first; when none could be read, nothing is
written, so a mistyped path never replaces an earlier output).
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import typer

from hanoicheck import options as opt
from hanoicheck.formats import ClaimFormat, ConflictFormat, GateFormat, ReportFormat
from hanoicheck.progress import progress_bar, show_progress

if TYPE_CHECKING:  # pragma: no cover - typing only
    from hanoicheck.api import Report
    from hanoicheck.config import Config
    from hanoicheck.gate import GateResult
    from hanoicheck.model import SourceError

app = typer.Typer(
    name="hanoicheck",
    help="Extract counts, money and dates from news articles and find where sources disagree.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

EXIT_INPUT_ERROR = 2


def fail(message: str, kind: str = "error: ") -> None:
    """One line on stderr, the way every command reports a problem (or a notice); its
    file names and settings are foreign text, made visible (:mod:`hanoicheck.escaping`)."""
    from hanoicheck.escaping import visible

    typer.echo(f"hanoicheck: {kind}{visible(message)}", err=True)


def _exit(message: str) -> NoReturn:
    fail(message)
    raise typer.Exit(EXIT_INPUT_ERROR)


@contextlib.contextmanager
def _input_errors() -> Iterator[None]:
    """A problem the user can fix (config, options, corpus, output, nothing read): exit 2."""
    from hanoicheck.api import CorpusError, NothingRead
    from hanoicheck.config import ConfigError
    from hanoicheck.gate import GateError
    from hanoicheck.output import OutputError

    try:
        yield
    except NothingRead as error:
        for unread in error.errors:
            fail(str(unread))
        _exit(str(error))
    except (ConfigError, CorpusError, GateError, OutputError) as error:
        _exit(str(error))


def _config(max_size: int | None = None) -> Config:
    """The project's settings (hanoicheck.toml or pyproject.toml; a given ``--max-size``
    wins), or exit 2 naming the key."""
    from hanoicheck.config import load_config

    with _input_errors():
        return load_config(Path.cwd(), max_size=max_size)


def _unreadable(errors: Sequence[SourceError], note: str = "") -> None:
    """Exit 2 when some file could not be read (the others were processed and shown)."""
    if errors:
        _exit(f"{len(errors)} file(s) could not be read; {note}exit {EXIT_INPUT_ERROR}")


_notify = functools.partial(fail, kind="")  # a notice, such as a cache rebuilt


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
    quiet: opt.QuietOpt = False,
    max_size: opt.MaxSizeOpt = None,
) -> None:
    """Extract the claims (counts, money, dates) of every article, with provenance."""
    from hanoicheck.api import iter_claims
    from hanoicheck.formats import check_destination, write_claims

    errors: list[SourceError] = []
    met, colored = functools.partial(_met, errors), output is None and fmt is ClaimFormat.TABLE
    with _input_errors(), progress_bar(show_progress(quiet)) as progress:
        check_destination(fmt, output)
        claims = iter_claims(paths, _config(max_size), jobs=jobs, progress=progress, on_error=met)
        write_claims(claims, fmt, output, colored and opt.use_color(color))
    _unreadable(errors)


def _met(errors: list[SourceError], error: SourceError) -> None:
    """Report an unreadable file as it is met, and keep it for the exit code."""
    errors.append(error)
    fail(str(error))


def _reconciled(
    paths: list[Path] | None, jobs: int | None, quiet: bool, max_size: int | None
) -> Report:
    """Extract and reconcile (what ``report`` and ``conflicts`` show); unreadable files on
    stderr as they are skipped."""
    from hanoicheck import api

    with _input_errors(), progress_bar(show_progress(quiet)) as progress:
        targets, config = api.corpus_paths(paths), _config(max_size)
        result = api.reconcile_paths(targets, config, jobs=jobs, progress=progress)
        if result.extraction.nothing_read:  # nothing written: an earlier output is kept
            raise api.NothingRead(result.extraction.errors)
    for error in result.extraction.errors:
        fail(str(error))
    return result


@app.command()
def report(
    paths: opt.CorpusArg = None,
    show_all: opt.AllOpt = False,
    fmt: opt.ReportFormatOpt = ReportFormat.TEXT,
    output: opt.OutputOpt = None,
    color: opt.ColorOpt = opt.ColorMode.AUTO,
    width: opt.WidthOpt = None,
    limit: opt.LimitOpt = None,
    verbose: opt.VerboseOpt = False,
    jobs: opt.JobsOpt = None,
    quiet: opt.QuietOpt = False,
    max_size: opt.MaxSizeOpt = None,
) -> None:
    """Reconcile the articles and show where they disagree (exit 0 whatever is found)."""
    from hanoicheck.formats import write_report

    result = _reconciled(paths, jobs, quiet, max_size)
    options = opt.report_options(result, fmt, output, color, width, show_all, limit, verbose)
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
    quiet: opt.QuietOpt = False,
    max_size: opt.MaxSizeOpt = None,
) -> None:
    """Export the conflict table (with --all, the whole reconciled fact table)."""
    from hanoicheck.formats.conflicts import iter_conflicts
    from hanoicheck.output import write_stream

    result = _reconciled(paths, jobs, quiet, max_size)
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
    fmt: opt.GateFormatOpt = GateFormat.TEXT,
    cache_path: opt.CacheOpt = None,
    no_cache: opt.NoCacheOpt = False,
    output: opt.OutputOpt = None,
    jobs: opt.JobsOpt = None,
    max_size: opt.MaxSizeOpt = None,
) -> None:
    """Gate for CI and pre-commit: fail when new articles conflict with the corpus.

    Without --since or --new every conflict counts. A conflict counts against a new file
    when the file opens it or adds a side to it; conflicts in --baseline are ignored.
    Exit 0: nothing at or above --fail-on; 1: something is; 2: usage error, bad config
    or baseline, or an unreadable file.
    """
    from hanoicheck import api

    with _input_errors():
        result = api.check_paths(
            paths, _config(max_size), since=since, new=new or (), baseline=baseline,
            fail_on=fail_on,
            cache=opt.cache_file(cache_path, no_cache), jobs=jobs, notify=_notify,
        )  # fmt: skip
        _write_gate(result, fmt, output)
    _gate_exit(result)


def _gate_exit(result: GateResult) -> None:
    """Exit 2 if a file was unreadable; else the verdict, and exit 1 if it fails."""
    from hanoicheck.formats.gate_formats import verdict_line

    _unreadable(result.errors)
    typer.echo(verdict_line(result), err=True)
    if result.failed:
        raise typer.Exit(1)


def _write_gate(result: GateResult, fmt: GateFormat, output: Path | None) -> None:
    """Unreadable files, then the result in ``fmt``; with ``github`` in Actions, the
    findings table is appended to the job's step summary too."""
    from hanoicheck.formats.gate_formats import render_gate, step_summary
    from hanoicheck.output import OutputError, append_text, write_output

    for error in result.errors:
        fail(str(error))
    write_output(render_gate(result, fmt), output)
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if fmt is GateFormat.GITHUB and summary:
        try:
            append_text(step_summary(result), Path(summary))
        except OutputError as error:
            fail(f"GITHUB_STEP_SUMMARY {error}")


@app.command()
def baseline(
    output: opt.BaselineOutputOpt,
    paths: opt.CorpusArg = None,
    cache_path: opt.CacheOpt = None,
    no_cache: opt.NoCacheOpt = False,
    jobs: opt.JobsOpt = None,
    max_size: opt.MaxSizeOpt = None,
) -> None:
    """Record every current conflict as reviewed, for `check --baseline FILE`.

    Notes already written in FILE are kept for conflicts that are still there. Nothing
    is written when a file cannot be read (exit 2).
    """
    from hanoicheck import api
    from hanoicheck.formats.gate_formats import baseline_line

    with _input_errors():
        done = api.write_baseline(
            output, paths, _config(max_size), cache=opt.cache_file(cache_path, no_cache), jobs=jobs,
            notify=_notify,
        )  # fmt: skip
    for error in done.errors:
        fail(str(error))
    _unreadable(done.errors, note="baseline not written; ")
    typer.echo(baseline_line(done.baseline, output), err=True)


def main() -> None:
    """Console-script entry point: one line for the user, never a traceback. SIGTERM and
    SIGHUP end a run as SIGINT does, cleanly; a reader closing stdout early is no error."""
    from hanoicheck.output import Terminated, raise_on_termination, silence_stdout

    raise_on_termination()
    try:
        app()
    except (KeyboardInterrupt, Terminated) as stop:
        fail(str(stop) or "interrupted", kind="")
        sys.exit(getattr(stop, "exit_code", 130))
    except BrokenPipeError:
        silence_stdout()
        sys.exit(0)


if __name__ == "__main__":
    main()
