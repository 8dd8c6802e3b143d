"""hanoicheck.output: where ``--output`` writes, with which mode, and what it leaves.

Regular files are replaced atomically and keep their mode; anything else (a device, a
FIFO, a shell's redirection reached through ``/dev/stdout``) is written in place and
stays what it was; no temporary file outlives a run, even one stopped by SIGTERM or
SIGHUP or killed outright; a reader closing the pipe early is no error.

Cases that need root (a device node of our own, giving a file to another owner) skip
without it; CI runs as root, so they run there.
"""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from hanoicheck.output import (
    LEGACY_STALE_SECONDS,
    TEMP_SUFFIX,
    OutputError,
    atomic_file,
    remove_stale_temporaries,
    write_output,
)

REPO = Path(__file__).resolve().parents[1]
needs_root = pytest.mark.skipif(os.geteuid() != 0, reason="needs root (CI runs as root)")


@pytest.fixture
def umask() -> Iterator[None]:
    """Restore the process umask after a test that sets it."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


# --------------------------------------------------------------------- special targets


@needs_root
def test_a_device_is_written_into_not_replaced(tmp_path: Path) -> None:
    null = tmp_path / "null"
    os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a /dev/null of our own
    write_output("claims\n", null)
    assert stat.S_ISCHR(null.stat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["null"]


def test_a_fifo_is_written_into_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    write_output("claims\n", fifo)
    reader.join(timeout=30)
    assert received == [b"claims\n"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_a_redirected_descriptor_is_written_into(tmp_path: Path) -> None:
    """``-o /dev/stdout`` with stdout a pipe: the data reaches the pipe, and the link
    (here one of our own, to the same kind of descriptor) is still a link."""
    read_end, write_end = os.pipe()
    stdout = tmp_path / "stdout"
    stdout.symlink_to(f"/dev/fd/{write_end}")
    try:
        write_output("claims\n", stdout)
    finally:
        os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        assert pipe.read() == b"claims\n"
    assert stdout.is_symlink()


def test_a_redirection_to_a_file_is_appended_to(tmp_path: Path) -> None:
    """``{ echo a; hanoicheck ... -o /dev/stdout; } > log``: nothing before is lost."""
    log = tmp_path / "log"
    with log.open("w") as handle:
        handle.write("before\n")
        handle.flush()
        stdout = tmp_path / "stdout"
        stdout.symlink_to(f"/dev/fd/{handle.fileno()}")
        inode = log.stat().st_ino
        write_output("claims\n", stdout)
    assert log.read_text() == "before\nclaims\n" and log.stat().st_ino == inode


def test_a_symlink_to_a_regular_file_stays_a_symlink(tmp_path: Path) -> None:
    real = tmp_path / "real.jsonl"
    real.write_text("old\n")
    real.chmod(0o640)
    link = tmp_path / "link.jsonl"
    link.symlink_to(real.name)
    write_output("new\n", link)
    assert link.is_symlink() and real.read_text() == "new\n"
    assert stat.S_IMODE(real.stat().st_mode) == 0o640


def test_a_directory_is_refused_in_one_line(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="is a directory"):
        write_output("x", tmp_path)


# --------------------------------------------------------------------------- modes


@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_a_new_file_gets_0666_less_the_umask(
    tmp_path: Path, umask: None, mask: int, mode: int
) -> None:
    os.umask(mask)
    target = tmp_path / "out.csv"
    write_output("x\n", target)
    assert stat.S_IMODE(target.stat().st_mode) == mode


@pytest.mark.parametrize("mode", [0o644, 0o600, 0o664, 0o444])
def test_a_replaced_file_keeps_its_mode(tmp_path: Path, umask: None, mode: int) -> None:
    os.umask(0o077)
    target = tmp_path / "out.csv"
    target.write_text("old\n")
    target.chmod(mode)
    write_output("new\n", target)
    assert target.read_text() == "new\n"
    assert stat.S_IMODE(target.stat().st_mode) == mode


@needs_root
def test_a_replaced_file_keeps_its_owner(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old\n")
    os.chown(target, 12345, 12345)
    write_output("new\n", target)
    assert (target.stat().st_uid, target.stat().st_gid) == (12345, 12345)


# ------------------------------------------------------------------ temporaries


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_temporaries_of_writers_that_are_gone_are_removed(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    dead = tmp_path / f".out.jsonl.{_dead_pid()}.abcd1234{TEMP_SUFFIX}"
    alive = tmp_path / f".out.jsonl.{os.getppid()}.abcd1234{TEMP_SUFFIX}"  # still running
    other = tmp_path / f".other.jsonl.{_dead_pid()}.abcd1234{TEMP_SUFFIX}"  # not this target
    old_legacy = tmp_path / ".out.jsonl.k3j_9x2a.tmp"  # the naming before pids
    new_legacy = tmp_path / ".out.jsonl.q8w_2zzz.tmp"
    notes = tmp_path / ".out.jsonl.notes"
    for path in (dead, alive, other, old_legacy, new_legacy, notes):
        path.write_text("partial")
    stale = time.time() - LEGACY_STALE_SECONDS - 60
    os.utime(old_legacy, (stale, stale))
    write_output("claims\n", target)
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == sorted(p.name for p in (target, alive, other, new_legacy, notes))
    assert remove_stale_temporaries(tmp_path / "other.jsonl") == [other.name]


def test_a_failed_write_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("old\n")
    with pytest.raises(RuntimeError), atomic_file(target) as handle:
        handle.write(b"half")
        raise RuntimeError
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]
    assert target.read_text() == "old\n"


_STOPPED_WRITER = """
import sys, time
from hanoicheck import api

def stalled(*args, **kwargs):
    sys.stderr.write("writing\\n")
    sys.stderr.flush()
    time.sleep(120)
    yield from ()

api.iter_claims = stalled
sys.argv = ["hanoicheck", "extract", "a.txt", "-f", "jsonl", "-o", "out.jsonl"]
from hanoicheck.cli import main
main()
"""


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_sigterm_and_sighup_leave_the_old_file_and_no_temporary(
    tmp_path: Path, signum: int
) -> None:
    (tmp_path / "out.jsonl").write_text("old\n")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    child = subprocess.Popen(
        [sys.executable, "-c", _STOPPED_WRITER],
        cwd=tmp_path,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert child.stderr is not None
    assert child.stderr.readline() == "writing\n"  # the temporary file is open now
    assert any(p.name.endswith(TEMP_SUFFIX) for p in tmp_path.iterdir())
    child.send_signal(signum)
    rest = child.stderr.read()
    assert child.wait(timeout=60) == 128 + signum
    assert rest == f"hanoicheck: stopped by {signal.Signals(signum).name}\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]
    assert (tmp_path / "out.jsonl").read_text() == "old\n"


# ------------------------------------------------------------------ closed pipes


def test_a_reader_closing_stdout_early_is_no_error(tmp_path: Path) -> None:
    """``extract ... | head -c 100`` exits 0 and says nothing (``pipefail`` scripts)."""
    (tmp_path / "dense.txt").write_text("$1" * 4000)  # some 300 kB of JSONL
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    child = subprocess.Popen(
        [sys.executable, "-m", "hanoicheck.cli", "extract", "dense.txt", "-f", "jsonl", "-q"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert child.stdout is not None and child.stderr is not None
    assert len(child.stdout.read(100)) == 100
    child.stdout.close()
    assert child.wait(timeout=300) == 0
    assert child.stderr.read() == b""
