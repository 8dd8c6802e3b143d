"""Running the real command line in a subprocess and measuring it.

A subprocess is the only honest test of "never a traceback": typer's CliRunner catches
exceptions in-process, while a user sees whatever the interpreter prints. Peak memory is
the child's ``ru_maxrss`` (``RUSAGE_CHILDREN`` after it exits), in MB.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Run:
    """What one CLI run returned: exit code, output streams, time and peak memory."""

    returncode: int
    stdout: str
    stderr: str
    seconds: float
    peak_rss_mb: float


def run_cli(*args: str, cwd: Path, timeout: float = 300) -> Run:
    """``hanoicheck ARGS`` in a fresh interpreter (via ``python -c``, so no PATH needed).

    Each call runs in a throwaway ``python -c`` wrapper that reports its own peak RSS on
    stderr's last line, so concurrent children of the test process do not mix.
    """
    code = (
        "import resource, sys\n"
        "sys.argv = ['hanoicheck', *sys.argv[1:]]\n"
        "from hanoicheck.cli import main\n"
        "try:\n"
        "    main()\n"
        "finally:\n"
        "    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "    sys.stderr.write(f'\\n@@rss_kb={rss}\\n')\n"
    )
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(REPO)}
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=timeout,
        env=env,
        check=False,
    )
    seconds = time.perf_counter() - started
    stderr, _, tail = done.stderr.rpartition("\n@@rss_kb=")
    rss_kb = int(tail.strip()) if tail.strip().isdigit() else 0
    if not _:
        stderr = done.stderr
    return Run(done.returncode, done.stdout, stderr, seconds, rss_kb / 1024)


def peak_rss_of_self_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
