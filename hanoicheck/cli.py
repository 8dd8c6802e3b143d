"""The ``hanoicheck`` command line: a thin typer layer over :mod:`hanoicheck.api`.

No logic lives here: commands parse options, call the library, pick a formatter and
set the exit code. Heavy modules (dateparser, rich, the extractors) are imported inside
the commands so that ``hanoicheck --help`` starts fast.

Exit codes: 0 success; 2 usage error, or some input could not be read (the other
files are still processed and reported first; when none could be read, nothing is
written, so a mistyped path never replaces an earlier output), or no source was found
at all.

Every problem is one line on stderr, ``hanoicheck: error: ...``, usage errors too;
``-q`` keeps stderr to errors and warnings, ``-v`` adds what was read
(:mod:`hanoicheck.clikit`).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from hanoicheck import clikit as kit
from hanoicheck import options as opt
from hanoicheck.formats import ClaimFormat, ConflictFormat, GateFormat, ReportFormat
from hanoicheck.progress import progress_bar, show_progress

if TYPE_CHECKING:  # pragma: no cover - typing only
    from hanoicheck.api import Report
    from hanoicheck.config import Config
    from hanoicheck.gate import GateResult
    from hanoicheck.model import SourceError
    from hanoicheck.parallel import DocumentClaims

app = typer.Typer(
    name="hanoicheck",
    help="Extract counts, money and dates from news articles and find where sources disagree.",
    cls=kit.Commands,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@app.callback()
def root(version: opt.VersionOpt = False) -> None:
    """Extract counts, money and dates from news articles and find where sources disagree."""


@app.command(cls=kit.Command)
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
    from hanoicheck.api import iter_claims
    from hanoicheck.formats import check_destination, write_claims

    voice, read = kit.Voice(quiet, verbose), _Read()
    config = kit.load_settings(config_path, voice, max_size)
    colored = fmt is ClaimFormat.TABLE and opt.use_color(color, to_file=output is not None)
    with kit.input_errors(), progress_bar(show_progress(quiet)) as progress:
        check_destination(fmt, output)
        claims = iter_claims(
            paths, config, jobs=jobs, progress=progress,
            on_error=read.met, on_document=read.add,
        )  # fmt: skip
        write_claims(claims, fmt, output, colored)
    kit.read_summary(voice, read.documents, read.claims)
    kit.unreadable(read.errors)


@dataclass(slots=True)
class _Read:
    """What ``extract`` read, counted as documents arrive (it streams its claims), and
    the files it could not read, each reported as it is met."""

    documents: int = 0
    claims: int = 0
    errors: list[SourceError] = field(default_factory=list)

    def add(self, item: DocumentClaims) -> None:
        self.documents += 1
        self.claims += len(item.claims)

    def met(self, error: SourceError) -> None:
        self.errors.append(error)
        kit.fail(str(error))


def _reconciled(
    paths: list[Path] | None, config: Config, jobs: int | None, voice: kit.Voice
) -> Report:
    """Extract and reconcile (what ``report`` and ``conflicts`` show); unreadable files on
    stderr as they are skipped; nothing more when no file could be read."""
    from hanoicheck import api

    with kit.input_errors():
        targets = api.corpus_paths(paths, config.resolved_paths())
        with progress_bar(show_progress(voice.quiet)) as progress:
            result = api.reconcile_paths(targets, config, jobs=jobs, progress=progress)
        if result.extraction.nothing_read:  # nothing written: an earlier output is kept
            raise api.NothingRead(result.extraction.errors)
    for error in result.extraction.errors:
        kit.fail(str(error))
    kit.read_summary(voice, len(result.extraction.documents), len(result.extraction.claims))
    return result


@app.command(cls=kit.Command)
def report(
    paths: opt.CorpusArg = None,
    show_all: opt.AllOpt = False,
    fmt: opt.ReportFormatOpt = ReportFormat.TEXT,
    output: opt.OutputOpt = None,
    color: opt.ColorOpt = opt.ColorMode.AUTO,
    width: opt.WidthOpt = None,
    limit: opt.LimitOpt = None,
    jobs: opt.JobsOpt = None,
    max_size: opt.MaxSizeOpt = None,
    config_path: opt.ConfigOpt = None,
    quiet: opt.QuietOpt = False,
    verbose: opt.VerboseOpt = False,
) -> None:
    """Reconcile the articles and show where they disagree (exit 0 whatever is found)."""
    from hanoicheck.formats import write_report

    voice = kit.Voice(quiet, verbose)
    result = _reconciled(paths, kit.load_settings(config_path, voice, max_size), jobs, voice)
    options = opt.report_options(result, fmt, output, color, width, show_all, limit, verbose)
    with kit.input_errors():
        write_report(result.reconciliation, fmt, output, options)
    kit.unreadable(result.extraction.errors)


@app.command(cls=kit.Command)
def conflicts(
    paths: opt.CorpusArg = None,
    fmt: opt.ConflictFormatOpt = ConflictFormat.CSV,
    output: opt.OutputOpt = None,
    show_all: opt.AllOpt = False,
    jobs: opt.JobsOpt = None,
    max_size: opt.MaxSizeOpt = None,
    config_path: opt.ConfigOpt = None,
    quiet: opt.QuietOpt = False,
    verbose: opt.VerboseOpt = False,
) -> None:
    """Export the conflict table (with --all, the whole reconciled fact table)."""
    from hanoicheck.formats.conflicts import iter_conflicts
    from hanoicheck.output import write_stream

    voice = kit.Voice(quiet, verbose)
    result = _reconciled(paths, kit.load_settings(config_path, voice, max_size), jobs, voice)
    docs, errors = result.extraction.documents, [str(e) for e in result.extraction.errors]
    with kit.input_errors():
        write_stream(iter_conflicts(result.reconciliation, fmt, show_all, docs, errors), output)
    kit.unreadable(result.extraction.errors)


@app.command(cls=kit.Command)
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
    max_size: opt.MaxSizeOpt = None,
    config_path: opt.ConfigOpt = None,
    quiet: opt.QuietOpt = False,
    verbose: opt.VerboseOpt = False,
) -> None:
    """Gate for CI and pre-commit: fail when new articles conflict with the corpus.

    Exit 0: nothing at or above --fail-on (or --exit-zero); 1: something is; 2: bad input."""
    from hanoicheck import api

    voice = kit.Voice(quiet, verbose)
    with kit.input_errors():
        result = api.check_paths(
            paths, kit.load_settings(config_path, voice, max_size), since=since, new=new or (),
            baseline=baseline, fail_on=fail_on, cache=opt.cache_file(cache_path, no_cache),
            jobs=jobs, notify=voice.notice,
        )  # fmt: skip
        _write_gate(result, fmt, output, voice)
    _gate_exit(result, voice, exit_zero)


def _write_gate(result: GateResult, fmt: GateFormat, output: Path | None, voice: kit.Voice) -> None:
    """Unreadable files, then the result in ``fmt``; with ``github`` in Actions, the
    findings table is appended to the step summary too."""
    from hanoicheck.formats.gate_formats import render_gate, step_summary
    from hanoicheck.output import OutputError, append_text, write_output

    for error in result.errors:
        kit.fail(str(error))
    kit.read_summary(voice, result.sources, result.claims)
    write_output(render_gate(result, fmt), output)
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if fmt is GateFormat.GITHUB and summary:
        try:
            append_text(step_summary(result), Path(summary))
        except OutputError as error:
            kit.fail(f"GITHUB_STEP_SUMMARY {error}")


def _gate_exit(result: GateResult, voice: kit.Voice, exit_zero: bool) -> None:
    """Exit 2 for unreadable files, else the verdict on stderr and exit 1 when something
    is at or above ``--fail-on`` (unless ``--exit-zero``)."""
    from hanoicheck.formats.gate_formats import verdict_line

    kit.unreadable(result.errors)
    voice.notice(verdict_line(result, exit_zero=exit_zero).removeprefix("hanoicheck: "))
    if result.failed and not exit_zero:
        raise typer.Exit(1)


@app.command(cls=kit.Command)
def baseline(
    output: opt.BaselineOutputOpt = None,
    paths: opt.CorpusArg = None,
    cache_path: opt.CacheOpt = None,
    no_cache: opt.NoCacheOpt = False,
    jobs: opt.JobsOpt = None,
    max_size: opt.MaxSizeOpt = None,
    config_path: opt.ConfigOpt = None,
    quiet: opt.QuietOpt = False,
    verbose: opt.VerboseOpt = False,
) -> None:
    """Record every current conflict as reviewed, for `check` (FILE: --output, else the
    config's baseline).

    Notes already in FILE are kept for conflicts still there. Nothing is written when a
    file cannot be read or FILE holds merge-conflict markers (exit 2)."""
    from hanoicheck import api
    from hanoicheck.formats.gate_formats import baseline_line

    voice = kit.Voice(quiet, verbose)
    config = kit.load_settings(config_path, voice, max_size)
    with kit.input_errors():
        target = api.baseline_target(output, config)
        cache = opt.cache_file(cache_path, no_cache)
        done = api.write_baseline(
            target, paths, config, cache=cache, jobs=jobs, notify=voice.notice
        )
    for error in done.errors:
        kit.fail(str(error))
    kit.unreadable(done.errors, note="baseline not written; ")
    voice.notice(baseline_line(done.baseline, target).removeprefix("hanoicheck: "))


def main() -> None:
    """Console-script entry point: one line for the user, never a traceback. SIGTERM and
    SIGHUP end a run as SIGINT does, cleanly; a reader closing stdout early is no error."""
    from hanoicheck.output import Terminated, raise_on_termination, silence_stdout

    raise_on_termination()
    try:
        app()
    except (KeyboardInterrupt, Terminated) as stop:
        kit.fail(str(stop) or "interrupted", kind="")
        sys.exit(getattr(stop, "exit_code", 130))
    except BrokenPipeError:
        silence_stdout()
        sys.exit(0)


if __name__ == "__main__":
    main()
