"""How many processes an automatic ``--jobs`` uses: a pure cost model, and the machine.

Why a model and not a file count: a worker process is not free. It is a new
interpreter that imports the extractors (about 0.15 CPU-s with bytecode caches,
0.45 CPU-s without; :data:`WORKER_START_CPU_S` takes the dearer), and the CPUs it
runs on may be busy with other work. Parallel extraction wins only when the
extraction it shares out is long enough to pay for the workers' start on the CPUs
that are actually idle; otherwise one process is faster (and always cheaper). So the
choice is a function of the input's size in bytes (what extraction time follows),
the CPUs this process may run on and the load other processes put on them.

:func:`choose_jobs` is that function, pure, so it is tested without timing anything;
:func:`machine` reads the CPUs and the load once, when a run starts.

The model: extracting ``B`` bytes costs ``B * c`` CPU-seconds in one process
(:data:`EXTRACT_CPU_S_PER_MB`). With ``w`` workers the same work plus ``w`` start-ups
is shared by the CPUs it can get, ``min(w, idle)``, where ``idle`` is the CPUs
available minus the load, at least one::

    wall(1) = B * c
    wall(w) = (B * c + w * start) / min(w, max(1, cpus - load))

A pool is chosen only when it is estimated at least :data:`MIN_GAIN` faster than one
process (the estimate is rough, and a loss is worse than a missed gain), and then
with the fewest workers that come within :data:`NEAR_BEST` of the best estimate (a
worker that barely helps still costs its start-up and its memory).
"""

from __future__ import annotations

import os

__all__ = [
    "EXTRACT_CPU_S_PER_MB",
    "READ_AHEAD_BYTES",
    "WORKER_START_CPU_S",
    "available_cpus",
    "choose_jobs",
    "estimated_wall",
    "machine",
    "system_load",
]

#: CPU-seconds to extract a megabyte of articles in one process (measured on the
#: benchmark corpus, 2 vCPUs, 2026-12-01: 2.48 CPU-s for 0.94 MB).
EXTRACT_CPU_S_PER_MB = 2.5
#: CPU-seconds for a spawned worker to start and import the extractors (issue 17:
#: ~0.45 without bytecode caches; ~0.15 with them).
WORKER_START_CPU_S = 0.45
#: A pool must be estimated this much faster than one process (0.8: 20% faster).
MIN_GAIN = 0.8
#: Of the worker counts estimated within this factor of the best, the fewest is used.
NEAR_BEST = 1.05
#: Input read ahead to decide: beyond this much extraction (about 20 CPU-s) every
#: idle CPU pays for itself on any machine, so more input would not change the choice.
READ_AHEAD_BYTES = 8 * 1024 * 1024
#: Where Linux says how many processes are runnable now.
PROC_LOADAVG = "/proc/loadavg"


def estimated_wall(workers: int, cpus: int, load: float, work_bytes: int) -> float:
    """Estimated seconds to extract ``work_bytes`` with ``workers`` processes (the
    model of the module docstring); one worker means this process, no pool."""
    work = work_bytes / 1_000_000 * EXTRACT_CPU_S_PER_MB
    if workers <= 1:
        return work
    idle = max(1.0, cpus - max(0.0, load))
    return (work + workers * WORKER_START_CPU_S) / min(float(workers), idle)


def choose_jobs(cpus: int, load: float, work_bytes: int, files: int) -> int:
    """Processes for ``files`` files of ``work_bytes`` bytes in all that need extracting.

    ``cpus``: CPUs this process may run on; ``load``: runnable processes besides this
    run (a load average). One process unless a pool is estimated at least
    :data:`MIN_GAIN` faster; never more processes than files or CPUs.
    """
    limit = max(1, min(cpus, files))
    if limit == 1:
        return 1
    serial = estimated_wall(1, cpus, load, work_bytes)
    walls = {w: estimated_wall(w, cpus, load, work_bytes) for w in range(2, limit + 1)}
    best = min(walls.values())
    if best > serial * MIN_GAIN:
        return 1
    return min(w for w, wall in walls.items() if wall <= best * NEAR_BEST)


def available_cpus() -> int:
    """CPUs this process may run on (the affinity mask, not the machine's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def system_load() -> float:
    """Processes competing for the CPUs now, besides this one; 0.0 when unknown.

    The one-minute load average lags: just after a heavy run it still counts that run,
    although its CPUs are idle again. Linux also says how many processes are runnable
    at this instant (``/proc/loadavg``, this one included), which alone is noisy. A
    process counts as load only when both say so: the smaller of the two.
    """
    try:
        average = os.getloadavg()[0]
    except (AttributeError, OSError):  # pragma: no cover - not Unix
        return 0.0
    try:
        with open(PROC_LOADAVG, encoding="ascii") as handle:
            runnable = int(handle.read().split()[3].split("/")[0]) - 1  # not this one
    except (OSError, ValueError, IndexError):  # not Linux
        return average
    return max(0.0, min(average, float(runnable)))


def machine() -> tuple[int, float]:
    """The CPUs available to this process and the load on them (see above)."""
    return available_cpus(), system_load()
