"""The ``hanoicheck`` command line: a thin typer layer over :mod:`hanoicheck.api`.

No logic lives here: commands parse options, call the library, pick a formatter and
set the exit code. Heavy modules (dateparser, rich, the extractors) are imported inside
the commands so that ``hanoicheck --help`` starts fast.

Exit codes: 0 success; 2 usage error, or some input could not be read (the other
files are still processed and reported first).
"""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from hanoicheck import __version__
from hanoicheck.formats import ClaimFormat

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


@app.command()
def extract(
    paths: PathsArg,
    fmt: Annotated[
        ClaimFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ClaimFormat.TABLE,
    output: OutputOpt = None,
    color: ColorOpt = ColorMode.AUTO,
) -> None:
    """Extract the claims (counts, money, dates) of every article, with provenance."""
    from hanoicheck.api import extract_paths
    from hanoicheck.formats import render_claims
    from hanoicheck.output import OutputError, write_output

    result = extract_paths(paths)
    for error in result.errors:
        fail(str(error))
    colored = output is None and fmt is ClaimFormat.TABLE and use_color(color)
    try:
        write_output(render_claims(result.claims, fmt, colored), output)
    except OutputError as error:
        fail(str(error))
        raise typer.Exit(EXIT_INPUT_ERROR) from None
    if result.errors:
        fail(f"{len(result.errors)} file(s) could not be read; exit {EXIT_INPUT_ERROR}")
        raise typer.Exit(EXIT_INPUT_ERROR)


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
