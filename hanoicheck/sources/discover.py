"""Which files a run reads, under which names, in which order.

Users point hanoicheck at folders of scraped articles: folders with ``.git`` and
editor backups in them, symlinks (some looping, some dangling), files named twice
through two spellings of one path. Discovery decides once what is an article (a
supported suffix, not hidden), walks each real directory once, and names every file by
one stable id (:func:`normalize_source`) so the cache and the reconciler never see one
article as two. A path it cannot use becomes a :class:`~hanoicheck.model.SourceError`
in place, so reports follow the order of the arguments.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from hanoicheck.model import SourceError

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")


def normalize_source(path: str | Path) -> str:
    """The stable id of a source file, as claims and reports show it.

    ``seeds/a.txt``, ``./seeds/a.txt`` and ``/abs/cwd/seeds/a.txt`` must all give the same
    id, otherwise the cache and the reconciler would see one article as two. Paths inside
    the working directory are therefore made relative to it; paths outside stay absolute
    (a relative ``../../x`` would be ambiguous across runs). Separators are always ``/``
    so ids match between Windows and POSIX. Symlinks are not resolved, so a file keeps
    the name the user knows it by.
    """
    absolute = Path(os.path.abspath(os.fspath(path)))
    cwd = Path.cwd()
    if absolute.is_relative_to(cwd):
        return absolute.relative_to(cwd).as_posix()
    # Only then the real path (every symlink followed costs a system call per part:
    # a third of a warm ``check`` over 10,000 files when it was taken for every file).
    real = Path(os.path.realpath(absolute))
    if real.is_relative_to(cwd):
        return real.relative_to(cwd).as_posix()
    return absolute.as_posix()


def os_message(exc: OSError) -> str:
    """A short lower-case reason (``permission denied``) without the path repeated.

    Shared with :mod:`hanoicheck.sources.read`, so a file that cannot be listed and one
    that cannot be read are reported in the same words.
    """
    reason = exc.strerror or type(exc).__name__
    return reason[:1].lower() + reason[1:]


def undecodable_name(path: str | Path) -> str | None:
    """``path`` shown with its bytes escaped (``bad/\\xff\\xfe.txt``) when it is not valid
    UTF-8, else None.

    Python holds such a name with lone surrogates, which no output can encode: a claim
    naming the file would crash every format. The file is reported (with the name a
    person can match to ``ls -b``) and the rest of the run goes on.
    """
    text = os.fspath(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(text).decode("utf-8", "backslashreplace")
    return None


BAD_NAME = "file name is not valid UTF-8 (rename it to read it)"


def file_kind(mode: int) -> str:
    """What a file that is not a regular file or a directory is, in a user's words."""
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def not_regular(mode: int) -> str:
    """The one-line reason a special file is not read as an article."""
    kind = file_kind(mode)
    return kind if kind == "not a regular file" else f"{kind}, not a regular file"


def _is_hidden(name: str) -> bool:
    return name.startswith(".")


def _has_supported_suffix(name: str) -> bool:
    return os.path.splitext(name)[1].lower() in SUPPORTED_SUFFIXES


def _walk(root: Path, seen_dirs: set[str]) -> list[tuple[tuple[str, ...], Path | SourceError]]:
    """Every supported file under ``root``, with a sort key; errors as values.

    Iterative (an explicit stack), so a very deep tree cannot exhaust the recursion
    limit. Symlinked directories are followed, but each real directory is entered once:
    that both stops symlink loops and avoids yielding a file twice through two links.
    Real directories are walked before symlinked ones, so a file reachable both ways
    keeps its real path as its name.
    """
    found: list[tuple[tuple[str, ...], Path | SourceError]] = []
    stack: list[tuple[Path, tuple[str, ...]]] = [(root, ())]
    linked: list[tuple[Path, tuple[str, ...]]] = []
    while stack or linked:
        directory, parts = stack.pop() if stack else linked.pop(0)
        real = os.path.realpath(directory)
        if real in seen_dirs:
            continue
        seen_dirs.add(real)
        try:
            with os.scandir(directory) as scan:
                entries = sorted(scan, key=lambda entry: entry.name)
        except OSError as exc:
            found.append((parts, SourceError(normalize_source(directory), os_message(exc))))
            continue
        subdirectories: list[tuple[Path, tuple[str, ...]]] = []
        for entry in entries:
            if _is_hidden(entry.name):
                continue
            child_parts = (*parts, entry.name)
            problem: str | None = None
            try:
                is_link = entry.is_symlink()
                is_dir = entry.is_dir()
                is_file = not is_dir and entry.is_file()
            except OSError as exc:  # a symlink loop ("too many levels of symbolic links")
                is_dir = is_file = False
                problem = os_message(exc)
            bad_name = undecodable_name(directory / entry.name)
            if bad_name is not None and (is_dir or _has_supported_suffix(entry.name)):
                found.append((child_parts, SourceError(bad_name, BAD_NAME)))
            elif is_dir:
                (linked if is_link else subdirectories).append(
                    (directory / entry.name, child_parts)
                )
            elif is_file and _has_supported_suffix(entry.name):
                found.append((child_parts, directory / entry.name))
            elif _has_supported_suffix(entry.name):
                # Named like an article but not one (a FIFO, a device, a dangling or
                # looping link): the user likely expects it read, so say why it was not.
                message = problem or _special(directory / entry.name)
                error = SourceError(normalize_source(directory / entry.name), message)
                found.append((child_parts, error))
        stack.extend(reversed(subdirectories))
    return found


def _special(path: Path) -> str:
    """Why a directory entry that is neither a file nor a folder is not read."""
    try:
        return not_regular(path.stat().st_mode)
    except FileNotFoundError:
        return "broken symlink"
    except OSError as exc:
        return os_message(exc)


def discover(
    paths: Sequence[str | Path], *, excluded: Callable[[str], bool] | None = None
) -> Iterator[Path | SourceError]:
    """The files to read, in a stable order, each once; ``excluded(source)`` (given the
    normalised source id) drops a file or error before it is read (the config's exclude).

    Files named directly are yielded whatever their suffix: the user asked for them, so
    they should hear why one cannot be read rather than have it silently skipped.
    Directories are walked recursively for supported suffixes only, sorted by path,
    skipping hidden entries (``.git``, ``.hanoicheck`` caches, editor backups). A path
    that does not exist becomes a :class:`SourceError` in place, so the order of reports
    follows the order of the arguments.
    """
    found = _discover(paths)
    if excluded is None:
        return found
    return (
        i
        for i in found
        if not excluded(i.source if isinstance(i, SourceError) else normalize_source(i))
    )


def _discover(paths: Sequence[str | Path]) -> Iterator[Path | SourceError]:
    seen_files: set[str] = set()
    seen_dirs: set[str] = set()
    for given in paths:
        path = Path(given)
        bad_name = undecodable_name(path)
        if bad_name is not None:
            yield SourceError(bad_name, BAD_NAME)
            continue
        try:
            mode = path.stat().st_mode
        except (FileNotFoundError, NotADirectoryError):
            yield SourceError(normalize_source(path), "no such file or directory")
            continue
        except OSError as exc:
            yield SourceError(normalize_source(path), os_message(exc))
            continue
        if stat.S_ISDIR(mode):
            items = _walk(path, seen_dirs)
            items.sort(key=lambda item: item[0])
        else:
            items = [((), path)]
        for _, item in items:
            if isinstance(item, Path):
                key = os.path.realpath(item)
                if key in seen_files:
                    continue
                seen_files.add(key)
            yield item
