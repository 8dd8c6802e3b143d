"""Writing results: atomically to a file, or to standard output.

``--output`` must never leave a half-written file in place of a good one, so output
goes to a temporary file in the same directory and is renamed over the target only
once it is complete (``os.replace`` is atomic on POSIX and Windows). Every file
hanoicheck writes (claims in any format, Parquet too, conflict tables, gate reports,
baselines) goes through :func:`atomic_file`, so that rule lives in one place.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO


class OutputError(Exception):
    """The output file could not be written; the message names it."""


def _cannot_write(output: Path, error: OSError) -> OutputError:
    return OutputError(f"{output}: cannot write ({error.strerror or error})")


@contextlib.contextmanager
def atomic_file(output: Path) -> Iterator[BinaryIO]:
    """A binary file whose content replaces ``output`` only if the block completes.

    The data goes to a temporary file next to ``output`` (same file system, so the
    rename is atomic), is flushed to disk, then renamed over ``output``. If the block
    raises, or is interrupted, the temporary file is removed and ``output`` is left as
    it was. An ``OSError`` (no such directory, disk full) becomes :class:`OutputError`.
    """
    directory = output.parent if str(output.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".tmp", dir=directory)
    except OSError as error:
        raise _cannot_write(output, error) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, output)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(error, OSError):
            raise _cannot_write(output, error) from None
        raise


def write_output(content: str | bytes, output: Path | None) -> None:
    """Write ``content`` to ``output`` atomically, or to stdout when ``output`` is None."""
    write_stream([content], output)


def write_stream(chunks: Iterable[str | bytes], output: Path | None) -> None:
    """Write ``chunks`` as they come, to ``output`` atomically or to stdout.

    The streaming form of :func:`write_output`: 100,000 articles' claims go out line
    by line instead of as one string. Into a file they still land all or nothing
    (:func:`atomic_file`).
    """
    if output is None:
        for chunk in chunks:
            if isinstance(chunk, bytes):
                sys.stdout.buffer.write(chunk)
            else:
                sys.stdout.write(chunk)
        sys.stdout.flush()
        return
    with atomic_file(output) as handle:
        for chunk in chunks:
            handle.write(chunk.encode("utf-8") if isinstance(chunk, str) else chunk)


def append_text(text: str, path: Path) -> None:
    """Append ``text`` to ``path`` (a log others write to as well, such as GitHub's step
    summary, so not atomic); :class:`OutputError` when it cannot be written."""
    try:
        with path.open("a", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as error:
        raise _cannot_write(path, error) from None
