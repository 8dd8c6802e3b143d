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
from pathlib import Path


class OutputError(Exception):
    """The output file could not be written; the message names it."""


def write_output(content: str | bytes, output: Path | None) -> None:
    """Write ``content`` to ``output`` atomically, or to stdout when ``output`` is None."""
    if output is None:
        if isinstance(content, bytes):
            sys.stdout.buffer.write(content)
        else:
            sys.stdout.write(content)
        sys.stdout.flush()
        return
    directory = output.parent if str(output.parent) else Path(".")
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".tmp", dir=directory)
    except OSError as error:
        raise OutputError(f"{output}: cannot write ({error.strerror or error})") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, output)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(error, OSError):
            raise OutputError(f"{output}: cannot write ({error.strerror or error})") from None
        raise
