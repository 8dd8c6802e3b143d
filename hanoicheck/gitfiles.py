"""Which files are new since a git revision (``hanoicheck check --since REV``).

"New" means what a reviewer would call new in a pull request or before a commit:

* files added or modified by the commits on this branch since it forked from ``REV``
  (``git diff MERGE_BASE HEAD``, the same set as ``git diff REV...HEAD``), so commits
  that landed on ``REV`` meanwhile are not blamed on the branch;
* plus files added or modified in the working tree and index relative to ``HEAD``
  (staged or not), so a pre-commit hook sees the commit being made;
* plus untracked files that are not ignored, so an article just dropped into the corpus
  counts before anyone remembers to ``git add`` it.

Deleted files are not new. Renames are not tracked as renames (``--no-renames``): a
file under a new path is new, whatever its content. Only files that exist in the working
tree are returned (added then deleted again is not new).

Every failure is a :class:`GitError` whose message says what to do, never a traceback
or a raw git error: in CI the most common one is a shallow checkout, which looks like an
"unknown revision" and is reported as missing history.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

__all__ = ["GitError", "changed_files", "is_shallow", "repo_root"]

_SHALLOW_HINT = (
    "history is missing: this is a shallow clone; check out with fetch-depth: 0 "
    "(actions/checkout) or run `git fetch --unshallow`"
)


class GitError(Exception):
    """A one-line reason ``--since`` cannot work here, for the user."""


def _git(repo_dir: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    """Run git in ``repo_dir`` with a stable, non-interactive environment."""
    if not repo_dir.is_dir():
        raise GitError(f"{repo_dir}: no such directory")
    env = {**os.environ, "LC_ALL": "C", "GIT_TERMINAL_PROMPT": "0", "GIT_OPTIONAL_LOCKS": "0"}
    try:
        return subprocess.run(
            ["git", "-c", "core.quotePath=off", *args],
            cwd=repo_dir,
            capture_output=True,
            env=env,
            check=False,
        )
    except FileNotFoundError as exc:
        raise GitError("git is not installed (or not on PATH); --since needs git") from exc


def _stderr_line(result: subprocess.CompletedProcess[bytes]) -> str:
    text = result.stderr.decode("utf-8", "replace").strip()
    return text.splitlines()[0] if text else f"git exited with status {result.returncode}"


def repo_root(repo_dir: Path) -> Path:
    """The top-level directory of the repository ``repo_dir`` is in."""
    repo_dir = Path(repo_dir)
    result = _git(repo_dir, "rev-parse", "--show-toplevel")
    if result.returncode != 0:
        reason = _stderr_line(result)
        if "not a git repository" in reason.lower():
            raise GitError(f"{repo_dir} is not in a git repository; --since needs git history")
        raise GitError(f"{repo_dir}: git cannot read the repository ({reason})")
    return Path(os.fsdecode(result.stdout.rstrip(b"\r\n")))


def is_shallow(repo_dir: Path) -> bool:
    """Whether the clone's history is cut off (``actions/checkout`` does this by default)."""
    result = _git(Path(repo_dir), "rev-parse", "--is-shallow-repository")
    return result.returncode == 0 and result.stdout.strip() == b"true"


def _commit(root: Path, rev: str) -> str | None:
    result = _git(root, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")
    return result.stdout.decode().strip() if result.returncode == 0 else None


def _names(root: Path, *args: str) -> list[str]:
    result = _git(root, *args)
    if result.returncode != 0:
        raise GitError(f"git {args[0]} failed ({_stderr_line(result)})")
    return [os.fsdecode(name) for name in result.stdout.split(b"\0") if name]


def changed_files(rev: str, repo_dir: Path) -> list[Path]:
    """Absolute paths of the files new since ``rev`` (see the module docstring), sorted.

    ``rev`` is anything git accepts as a commit (``origin/main``, a tag, a SHA,
    ``HEAD~3``). Raises :class:`GitError` when git is missing, ``repo_dir`` is not in a
    repository, ``rev`` is unknown, or the history needed is missing (shallow clone).
    """
    if not rev or rev.startswith("-"):
        raise GitError(f"invalid revision {rev!r}")
    root = repo_root(Path(repo_dir))
    shallow = is_shallow(root)
    base_commit = _commit(root, rev)
    if base_commit is None:
        if shallow:
            raise GitError(f"unknown revision {rev!r}: {_SHALLOW_HINT}")
        raise GitError(f"unknown revision {rev!r} (not a branch, tag or commit of this clone)")
    head = _commit(root, "HEAD")
    if head is None:
        raise GitError("HEAD has no commits yet; --since needs at least one commit")
    merge_base = _git(root, "merge-base", base_commit, head)
    if merge_base.returncode != 0:
        if shallow:
            raise GitError(f"no common history with {rev!r}: {_SHALLOW_HINT}")
        raise GitError(f"{rev!r} and HEAD have no common history")
    base = merge_base.stdout.decode().strip()
    diff = ("diff", "--name-only", "--no-renames", "--diff-filter=AMT", "-z")
    names = set(_names(root, *diff, base, head))
    names.update(_names(root, *diff, "HEAD"))
    names.update(_names(root, "ls-files", "--others", "--exclude-standard", "-z"))
    paths = (root / name for name in names)
    return sorted(path for path in paths if path.is_file())
