"""Writing results: atomically to a file, or to standard output.

``--output`` must never leave a half-written file in place of a good one, so output
goes to a temporary file in the same directory and is renamed over the target only
once it is complete (``os.replace`` is atomic on POSIX and Windows).
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path


class OutputError(Exception):
    """The output file could not be written; the message names it."""


def write_output(content: str | bytes, output: Path | None) -> None:
    """Write ``content`` to ``output`` atomically, or to stdout when ``output`` is None."""
    write_stream([content], output)


def write_stream(chunks: Iterable[str | bytes], output: Path | None) -> None:
    """Write ``chunks`` as they come, to ``output`` atomically or to stdout.

    The streaming form of :func:`write_output`: 100,000 articles' claims go out line
    by line instead of as one string. Into a file they still land all or nothing: the
    temporary file is renamed over ``output`` only after the last chunk, and removed if
    producing a chunk fails or is interrupted.
    """
    if output is None:
        for chunk in chunks:
            if isinstance(chunk, bytes):
                sys.stdout.buffer.write(chunk)
            else:
                sys.stdout.write(chunk)
        sys.stdout.flush()
        return
    directory = output.parent if str(output.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".tmp", dir=directory)
    except OSError as error:
        raise OutputError(f"{output}: cannot write ({error.strerror or error})") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            for chunk in chunks:
                handle.write(chunk.encode("utf-8") if isinstance(chunk, str) else chunk)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, output)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(error, OSError):
            raise OutputError(f"{output}: cannot write ({error.strerror or error})") from None
        raise
