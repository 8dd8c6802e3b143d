"""How the command line speaks: one style for every message, usage errors included.

Every problem is one line on stderr, ``hanoicheck: error: ...``, exit 2: :class:`Commands`
(the typer group of :mod:`hanoicheck.cli`) turns Click's multi-line usage boxes into that
line. :class:`Voice` is what a command says besides errors (``-q`` nothing, ``-v`` more).
Kept apart from :mod:`hanoicheck.cli` so that stays a list of thin commands.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import typer
from typer.core import TyperCommand, TyperGroup

from hanoicheck import coercion

if TYPE_CHECKING:  # pragma: no cover - typing only
    from hanoicheck.config import Config
    from hanoicheck.model import SourceError

try:  # typer 0.2x vendors its own copy of Click: its exceptions are the ones raised
    from typer._click.core import Context, Parameter
    from typer._click.exceptions import BadParameter, UsageError
    from typer._click.globals import get_current_context
except ImportError:  # pragma: no cover - older typer uses Click itself
    from click import (  # type: ignore[assignment,no-redef]
        BadParameter,
        Context,
        Parameter,
        UsageError,
        get_current_context,
    )


class UsageLine(UsageError):
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


class Commands(TyperGroup):
    """The command group: any usage error, of the group or a command, is one line; and
    options are coerced without pydantic (:mod:`hanoicheck.coercion`)."""

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: Context | None = None,
        **extra: object,
    ) -> Context:
        try:
            return super().make_context(info_name, args, parent, **extra)
        except UsageLine:
            raise
        except UsageError as error:
            raise UsageLine(usage_message(error), error.ctx) from None

    def get_params(self, ctx: Context) -> list[Parameter]:
        params = super().get_params(ctx)
        coercion.install(params)
        return params

    def invoke(self, ctx: Context) -> object:
        try:
            return super().invoke(ctx)
        except UsageLine:
            raise
        except UsageError as error:
            command = ctx.command_path
            if ctx.invoked_subcommand:
                command = f"{command} {ctx.invoked_subcommand}"
            raise UsageLine(usage_message(error), error.ctx, command) from None


class Command(TyperCommand):
    """A command whose options are coerced without pydantic (:mod:`hanoicheck.coercion`)."""

    def get_params(self, ctx: Context) -> list[Parameter]:
        params = super().get_params(ctx)
        coercion.install(params)
        return params


EXIT_INPUT_ERROR = 2


def fail(message: str, kind: str = "error: ") -> None:
    """One line on stderr, the way every command reports a problem (or a notice); its
    file names and settings are foreign text, made visible (:mod:`hanoicheck.escaping`)."""
    from hanoicheck.escaping import visible

    typer.echo(f"hanoicheck: {kind}{visible(message)}", err=True)


def exit_with(message: str) -> NoReturn:
    fail(message)
    raise typer.Exit(EXIT_INPUT_ERROR)


@contextlib.contextmanager
def input_errors() -> Iterator[None]:
    """A problem the user can fix (config, options, corpus, output, nothing read): one
    line each, exit 2. When no input could be read, nothing was written (a mistyped path
    never replaces an earlier output) and nothing is said beyond each file's line."""
    from hanoicheck.api import CorpusError, NothingRead
    from hanoicheck.config import ConfigError
    from hanoicheck.output import OutputError

    try:
        yield
    except NothingRead as error:  # its files' lines say it all
        for unread in error.errors:
            fail(str(unread))
        raise typer.Exit(EXIT_INPUT_ERROR) from None
    except (ConfigError, CorpusError, OutputError) as error:
        exit_with(str(error))
    except Exception as error:
        if not _gate_error(error):
            raise
        exit_with(str(error))


def _gate_error(error: Exception) -> bool:
    """Whether ``error`` is the gate's :class:`~hanoicheck.gate.GateError`.

    Looked up only if the gate was imported: a gate that was never imported raised
    nothing, and importing it (with the reconciler it needs) for an ``except`` clause
    cost ``extract`` on one file a fifth of its start-up.
    """
    gate = sys.modules.get("hanoicheck.gate")
    return gate is not None and isinstance(error, gate.GateError)


@dataclass(frozen=True, slots=True)
class Voice:
    """What a command says on stderr besides errors: ``-q`` nothing, ``-v`` more."""

    quiet: bool = False
    verbose: bool = False

    def __post_init__(self) -> None:
        if self.quiet and self.verbose:
            raise UsageLine("--quiet and --verbose cannot be used together", _context())

    def notice(self, text: str) -> None:
        if not self.quiet:
            fail(text, kind="")

    def detail(self, text: str) -> None:
        if self.verbose:
            fail(text, kind="")

    @staticmethod
    def warn(text: str) -> None:
        """A warning about the result (no claims at all): shown even with ``-q``."""
        fail(text, kind="warning: ")


def _context() -> Context | None:
    current = get_current_context(silent=True)
    return current if isinstance(current, Context) else None


def load_settings(path: Path | None, voice: Voice, max_size: int | None = None) -> Config:
    """The settings of ``--config``, else of hanoicheck.toml or pyproject.toml found from
    the cwd (``max_size``: ``--max-size`` over the config's), or exit 2 naming the file
    and key."""
    from dataclasses import replace

    from hanoicheck.config import load_config, load_config_file

    with input_errors():
        config = load_config_file(path) if path is not None else load_config(Path.cwd())
    voice.detail(f"settings from {config.source}" if config.source else "no config file; defaults")
    return config if max_size is None else replace(config, max_size=max_size)


def unreadable(errors: Sequence[SourceError], note: str = "") -> None:
    """Exit 2 when some file could not be read (the others were processed and shown)."""
    from hanoicheck.formats import plural

    if errors:
        exit_with(f"{plural(len(errors), 'file')} could not be read; {note}exit {EXIT_INPUT_ERROR}")


def read_summary(voice: Voice, documents: int, claims: int) -> None:
    from hanoicheck.api import no_claims_notice
    from hanoicheck.formats import plural

    voice.detail(f"read {plural(documents, 'file')}, {plural(claims, 'claim')}")
    notice = no_claims_notice(documents, claims)
    if notice:
        voice.warn(notice)
