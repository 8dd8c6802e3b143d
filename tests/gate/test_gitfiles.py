"""Tests of hanoicheck.gitfiles on real throwaway repositories, and of the pre-commit hook."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from hanoicheck.gitfiles import GitError, changed_files, is_shallow, repo_root

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def isolated_git(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No user or system git config (hooks, signing, default branch) leaks into tests."""
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "no-global-config"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for name in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{name}_NAME", "Test")
        monkeypatch.setenv(f"GIT_{name}_EMAIL", "test@example.com")


def git(repo: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def write(repo: Path, name: str, text: str = "text\n") -> None:
    path = repo / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def commit(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """main: base commit with a.txt, b.txt, c.txt, old.txt, then a branch ``work``."""
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q")
    for name in ("a.txt", "b.txt", "c.txt", "old.txt"):
        write(root, f"corpus/{name}", f"{name}\n")
    write(root, ".gitignore", "*.log\n")
    commit(root, "base")
    git(root, "checkout", "-q", "-b", "work")
    return root


def names(repo: Path, rev: str = "main") -> list[str]:
    return [path.relative_to(repo).as_posix() for path in changed_files(rev, repo)]


def test_added_modified_deleted_renamed(repo: Path) -> None:
    write(repo, "corpus/new.txt")
    write(repo, "corpus/a.txt", "edited\n")
    (repo / "corpus/b.txt").unlink()
    (repo / "corpus/old.txt").rename(repo / "corpus/renamed.txt")
    commit(repo, "work")
    assert names(repo) == ["corpus/a.txt", "corpus/new.txt", "corpus/renamed.txt"]
    assert names(repo, "HEAD") == []


def test_working_tree_staged_and_untracked(repo: Path) -> None:
    write(repo, "corpus/committed.txt")
    commit(repo, "one")
    write(repo, "corpus/c.txt", "unstaged edit\n")
    write(repo, "corpus/staged.txt")
    git(repo, "add", "corpus/staged.txt")
    write(repo, "corpus/untracked new.txt")
    write(repo, "debug.log")  # ignored
    expected = [
        "corpus/c.txt",
        "corpus/committed.txt",
        "corpus/staged.txt",
        "corpus/untracked new.txt",
    ]
    assert names(repo) == expected
    assert names(repo, "HEAD") == [n for n in expected if n != "corpus/committed.txt"]


def test_added_then_deleted_is_not_new(repo: Path) -> None:
    write(repo, "corpus/gone.txt")
    commit(repo, "add")
    (repo / "corpus/gone.txt").unlink()
    assert names(repo) == []


def test_changes_on_the_base_branch_are_not_blamed(repo: Path) -> None:
    write(repo, "corpus/mine.txt")
    commit(repo, "mine")
    git(repo, "checkout", "-q", "main")
    write(repo, "corpus/theirs.txt")
    commit(repo, "theirs")
    git(repo, "checkout", "-q", "work")
    assert names(repo) == ["corpus/mine.txt"]


def test_from_a_subdirectory_and_unicode_names(repo: Path) -> None:
    write(repo, 'corpus/Hà Nội "quoted".txt')
    commit(repo, "unicode")
    paths = changed_files("main", repo / "corpus")
    assert [p.name for p in paths] == ['Hà Nội "quoted".txt']
    assert repo_root(repo / "corpus") == repo.resolve()


def test_unknown_revision(repo: Path) -> None:
    with pytest.raises(GitError, match=r"^unknown revision 'nope' \(not a branch, tag or commit"):
        changed_files("nope", repo)


@pytest.mark.parametrize("rev", ["", "--output=/tmp/x", "-p"])
def test_option_like_revision_is_refused(repo: Path, rev: str) -> None:
    with pytest.raises(GitError, match=r"^invalid revision"):
        changed_files(rev, repo)


def test_not_a_repository(tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    plain.mkdir()
    with pytest.raises(GitError, match=r"is not in a git repository; --since needs git history$"):
        changed_files("main", plain)


def test_missing_directory(tmp_path: Path) -> None:
    with pytest.raises(GitError, match=r"no such directory$"):
        changed_files("main", tmp_path / "absent")


def test_git_not_installed(repo: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    with pytest.raises(GitError, match=r"^git is not installed"):
        changed_files("main", repo)


def test_unborn_head(tmp_path: Path, repo: Path) -> None:
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    git(fresh, "init", "-q")
    git(fresh, "fetch", "-q", str(repo), "main:base")
    with pytest.raises(GitError, match=r"^HEAD has no commits yet"):
        changed_files("base", fresh)


def test_unrelated_histories(tmp_path: Path, repo: Path) -> None:
    git(repo, "checkout", "-q", "--orphan", "island")
    commit(repo, "island")
    with pytest.raises(GitError, match=r"^'main' and HEAD have no common history$"):
        changed_files("main", repo)


def test_unreadable_repository(tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    (broken / ".git").mkdir(parents=True)
    (broken / ".git" / "HEAD").write_text("garbage\n")
    (broken / ".git" / "objects").mkdir()
    (broken / ".git" / "refs").mkdir()
    with pytest.raises(GitError) as info:
        repo_root(broken)
    assert "git" in str(info.value)


def shallow_clone(source: Path, target: Path, *extra: str) -> Path:
    git(source.parent, "clone", "-q", "--depth", "1", *extra, source.as_uri(), str(target))
    return target


def test_shallow_clone_without_the_revision(repo: Path, tmp_path: Path) -> None:
    write(repo, "corpus/new.txt")
    commit(repo, "work")
    clone = shallow_clone(repo, tmp_path / "clone", "--branch", "work")
    assert is_shallow(clone) and not is_shallow(repo)
    with pytest.raises(GitError, match=r"history is missing.*fetch-depth: 0"):
        changed_files("HEAD~1", clone)


def test_shallow_clone_without_the_merge_base(repo: Path, tmp_path: Path) -> None:
    write(repo, "corpus/new.txt")
    commit(repo, "work")
    git(repo, "checkout", "-q", "main")
    write(repo, "corpus/main-only.txt")
    commit(repo, "main moves on")
    git(repo, "checkout", "-q", "work")
    clone = shallow_clone(repo, tmp_path / "clone", "--no-single-branch", "--branch", "work")
    with pytest.raises(GitError, match=r"^no common history with 'origin/main': history is"):
        changed_files("origin/main", clone)


def test_pre_commit_hook_definition() -> None:
    """The hook needs the whole corpus: no file names, one process, python install."""
    text = (REPO / ".pre-commit-hooks.yaml").read_text()
    hooks = [line for line in text.splitlines() if line.startswith("- id:")]
    assert hooks == ["- id: hanoicheck-check"]
    for setting in (
        "entry: hanoicheck check",
        "language: python",
        "pass_filenames: false",
        "require_serial: true",
    ):
        assert f"\n  {setting}\n" in text
    match = re.search(r"^  files: '(.*)'$", text, re.MULTILINE)
    assert match is not None
    files = re.compile(match[1])
    for name in ("seeds/a.txt", "x/b.md", "c.html", "d.htm", "hanoicheck.toml", "pyproject.toml"):
        assert files.search(name), name
    for name in ("hanoicheck/cache.py", "image.png", "not-pyproject.toml.bak"):
        assert not files.search(name), name
