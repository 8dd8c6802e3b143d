"""The progress bar the CLI draws on stderr while it extracts, for a person watching.

Kept out of :mod:`hanoicheck.cli` so the command module stays a list of commands, and
so Rich is imported only when a bar is actually drawn (``--help`` stays fast). A bar is
only for a terminal: in a pipe, a CI log or with ``--quiet`` nothing is drawn, so
stdout and logs stay clean.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover - typing only; rich is imported when a bar is drawn
    from rich.progress import TaskID

__all__ = ["PROGRESS_MIN_FILES", "progress_bar", "show_progress"]

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
