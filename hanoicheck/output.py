"""Writing results: atomically to a regular file, in place to anything else, or to stdout.

``--output`` must never leave a half-written file in place of a good one, so output to
a regular file goes to a temporary file in the same directory and is renamed over the
target only once it is complete (``os.replace`` is atomic on POSIX and Windows). Every
file hanoicheck writes (claims in any format, Parquet too, conflict tables, gate
reports, baselines) goes through :func:`atomic_file`, so these rules live in one place:

* **Only regular files are replaced.** A device (``/dev/null``), a FIFO, or a file
  reached through ``/dev/stdout`` or ``/proc/self/fd`` (a shell's redirection) is
  written in place, as ``cat > target`` would: renaming over ``/dev/null`` would put a
  regular file where the device was. A symlink to a regular file stays a symlink; its
  target gets the new content.
* **The file keeps its mode.** A replaced file keeps its permission bits (and, where
  allowed, its owner); a new one gets ``0666`` less the umask, like any other program's.
* **No temporary file outlives a run.** One is removed when the block fails or the run
  is interrupted (the CLI turns SIGTERM and SIGHUP into exceptions, as Python does
  SIGINT). Temporaries are named ``.NAME.PID.XXXXXXXX.hanoicheck.tmp``; one left by a
  process that no longer exists (``kill -9``, power loss) is removed on the next write
  of NAME.
* **A closed pipe is not an error.** A reader that stops early (``| head``) ends the
  writing quietly.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import signal
import stat
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

__all__ = [
    "TEMP_SUFFIX",
    "OutputError",
    "Terminated",
    "append_text",
    "atomic_file",
    "raise_on_termination",
    "remove_stale_temporaries",
    "silence_stdout",
    "write_output",
    "write_stream",
]

TEMP_SUFFIX = ".hanoicheck.tmp"
#: A temporary of the naming before the process id was in it (``.NAME.XXXXXXXX.tmp``)
#: cannot say whether its writer still runs: it is taken as stale once this old.
LEGACY_STALE_SECONDS = 3600
#: Symlinks to follow when looking for a shell redirection behind a path.
_MAX_LINKS = 40
_FD_LINKS = ("/proc/", "/dev/fd/")


class OutputError(Exception):
    """The output file could not be written; the message names it."""


class Terminated(BaseException):
    """SIGTERM or SIGHUP, raised wherever the run is, so that it unwinds as a ^C does:
    every ``finally`` runs and no temporary output file is left behind (by default
    these signals end a process on the spot)."""

    def __init__(self, signum: int) -> None:
        super().__init__(f"stopped by {signal.Signals(signum).name}")
        self.exit_code = 128 + signum  # what a shell reports for a process it killed


def _terminated(signum: int, frame: object) -> None:
    raise Terminated(signum)


def raise_on_termination() -> None:
    """Raise :class:`Terminated` on SIGTERM and SIGHUP from now on (main thread only)."""
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):  # Windows has no SIGHUP
            signal.signal(getattr(signal, name), _terminated)


def _cannot_write(output: Path | str, error: OSError) -> OutputError:
    return OutputError(f"{output}: cannot write ({error.strerror or error})")


@dataclass(frozen=True, slots=True)
class _Target:
    """Where and how ``--output`` is written: ``path`` is the file itself (symlinks
    followed); ``in_place`` for anything that is not a plain regular file."""

    path: str
    in_place: bool
    existing: os.stat_result | None
    append: bool = False


def _through_descriptor(output: Path) -> bool:
    """Whether ``output`` is, or links to, a process's descriptor (``/dev/stdout``)."""
    path = os.path.abspath(output)
    for _ in range(_MAX_LINKS):
        if path.startswith(_FD_LINKS):
            return True
        if not os.path.islink(path):
            return False
        path = os.path.normpath(os.path.join(os.path.dirname(path), os.readlink(path)))
    return False


def _target(output: Path) -> _Target:
    try:
        if _through_descriptor(output):
            info = os.stat(output)
            return _Target(str(output), True, info, append=stat.S_ISREG(info.st_mode))
        real = os.path.realpath(output)
        info = os.stat(real)
    except FileNotFoundError:
        return _Target(os.path.realpath(output), False, None)
    except OSError as error:
        raise _cannot_write(output, error) from None
    if stat.S_ISDIR(info.st_mode):
        raise OutputError(f"{output}: cannot write (is a directory)")
    return _Target(real, not stat.S_ISREG(info.st_mode), info)


def _new_file_mode() -> int:
    """``0666`` less the umask: what ``open()`` would give a new file."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def _is_running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists, owned by someone else
    return True


def remove_stale_temporaries(output: Path | str) -> list[str]:
    """Delete temporaries of ``output`` left by writers that no longer run; their names.

    Only files of this module's naming for this very target are considered, so no
    other file can be touched; a temporary whose process still runs is being written.
    """
    directory, name = os.path.split(os.fspath(output))
    prefix = f".{name}."
    legacy = re.compile(re.escape(prefix) + r"[a-z0-9_]{8}\.tmp")
    removed: list[str] = []
    try:
        entries = list(os.scandir(directory or "."))
    except OSError:
        return removed
    for entry in entries:
        stale = False
        if entry.name.startswith(prefix) and entry.name.endswith(TEMP_SUFFIX):
            pid = entry.name[len(prefix) :].partition(".")[0]
            stale = pid.isdigit() and int(pid) != os.getpid() and not _is_running(int(pid))
        elif legacy.fullmatch(entry.name):
            with contextlib.suppress(OSError):
                stale = time.time() - entry.stat().st_mtime > LEGACY_STALE_SECONDS
        if stale and entry.is_file(follow_symlinks=False):
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed.append(entry.name)
    return removed


@contextlib.contextmanager
def _in_place(target: _Target, output: Path) -> Iterator[BinaryIO]:
    """Write straight into a device, a FIFO or a redirected descriptor."""
    flags = os.O_WRONLY | (os.O_APPEND if target.append else 0)
    try:
        handle = os.fdopen(os.open(target.path, flags), "wb")
    except OSError as error:
        raise _cannot_write(output, error) from None
    try:
        with handle:
            yield handle
    except BrokenPipeError:
        return  # the reader went away: nothing more to say to it
    except OSError as error:
        raise _cannot_write(output, error) from None


@contextlib.contextmanager
def atomic_file(output: Path) -> Iterator[BinaryIO]:
    """A binary file whose content replaces ``output`` only if the block completes.

    For a regular (or new) file, the data goes to a temporary file next to it (same
    file system, so the rename is atomic), is flushed to disk, given the mode the file
    had (or ``0666`` less the umask), then renamed over it. If the block raises, or is
    interrupted, the temporary file is removed and ``output`` is left as it was.
    Anything else (a device, a FIFO, ``/dev/stdout``) is written in place. An
    ``OSError`` (no such directory, disk full) becomes :class:`OutputError`.
    """
    target = _target(Path(output))
    if target.in_place:
        with _in_place(target, Path(output)) as handle:
            yield handle
        return
    directory, name = os.path.split(target.path)
    remove_stale_temporaries(target.path)
    try:
        fd, tmp = tempfile.mkstemp(
            prefix=f".{name}.{os.getpid()}.", suffix=TEMP_SUFFIX, dir=directory or "."
        )
    except OSError as error:
        raise _cannot_write(output, error) from None
    try:
        _take_mode(fd, target.existing)
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target.path)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(error, OSError):
            raise _cannot_write(output, error) from None
        raise


def _take_mode(fd: int, existing: os.stat_result | None) -> None:
    """The replaced file's mode and owner, or a new file's ``0666`` less the umask."""
    if existing is None:
        os.fchmod(fd, _new_file_mode())
        return
    os.fchmod(fd, stat.S_IMODE(existing.st_mode))
    if (existing.st_uid, existing.st_gid) != (os.geteuid(), os.getegid()):
        with contextlib.suppress(OSError):  # only root may give a file away
            os.fchown(fd, existing.st_uid, existing.st_gid)


def write_output(content: str | bytes, output: Path | None) -> None:
    """Write ``content`` to ``output`` atomically, or to stdout when ``output`` is None."""
    write_stream([content], output)


def write_stream(chunks: Iterable[str | bytes], output: Path | None) -> None:
    """Write ``chunks`` as they come, to ``output`` (see :func:`atomic_file`) or stdout.

    The streaming form of :func:`write_output`: 100,000 articles' claims go out line
    by line instead of as one string. Into a regular file they still land all or
    nothing. When stdout's reader goes away (``| head``), writing stops quietly and
    the rest of ``chunks`` is never produced.
    """
    if output is None:
        try:
            for chunk in chunks:
                if isinstance(chunk, bytes):
                    sys.stdout.flush()
                    sys.stdout.buffer.write(chunk)
                else:
                    sys.stdout.write(chunk)
            sys.stdout.flush()
        except BrokenPipeError:
            silence_stdout()
        return
    with atomic_file(output) as handle:
        for chunk in chunks:
            handle.write(chunk.encode("utf-8") if isinstance(chunk, str) else chunk)


def silence_stdout() -> None:
    """Point stdout at ``/dev/null`` once its reader has gone, so that the flush at exit
    does not fail a second time (what Python's documentation advises for SIGPIPE)."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def append_text(text: str, path: Path) -> None:
    """Append ``text`` to ``path`` (a log others write to as well, such as GitHub's step
    summary, so not atomic); :class:`OutputError` when it cannot be written."""
    try:
        with path.open("a", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as error:
        if error.errno == errno.EPIPE:
            return
        raise _cannot_write(path, error) from None
