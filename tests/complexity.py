"""Bounds on how work grows with input size, in place of bounds on wall-clock time.

A test that asserts "this took under 10 s" fails at random on a loaded 2-core machine
(it did: the README's test command went red at 10.1 s), and says nothing about the
bug it guards against, which is always super-linear growth: a scan restarted at every
position, a regex that backtracks, pairs of claims compared inside one sentence. So
these helpers measure the CPU time of the same call on an input and on one ``FACTOR``
times larger, and tests bound the *ratio*. CPU time (not wall time) is what the call
itself spent, and the minimum of a few runs drops the interruptions a busy machine
adds. Linear work grows about ``FACTOR`` times, quadratic ``FACTOR**2``;
:data:`LINEAR_LIMIT` sits between the two with room on both sides.

Timings belong in ``benchmarks/``; nothing here compares a duration with a number of
seconds.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from dataclasses import dataclass

FACTOR = 4
# Linear growth measures about 4, quadratic about 16: 9 leaves a margin on both sides.
LINEAR_LIMIT = 9.0
# Below this much CPU the small run is dominated by fixed costs (calls, allocation),
# which only makes the ratio smaller; the floor keeps a near-zero denominator from
# turning noise into a huge ratio.
FLOOR_SECONDS = 0.002


def cpu_time(call: Callable[[], object], repeat: int = 3) -> float:
    """The least CPU time of ``repeat`` runs of ``call`` (garbage collection paused)."""
    best = float("inf")
    enabled = gc.isenabled()
    gc.disable()
    try:
        for _ in range(repeat):
            started = time.process_time()
            call()
            best = min(best, time.process_time() - started)
    finally:
        if enabled:
            gc.enable()
    return best


@dataclass(frozen=True, slots=True)
class Growth:
    """CPU time at two sizes and their ratio (see the module docstring)."""

    small: float
    large: float

    @property
    def ratio(self) -> float:
        return self.large / max(self.small, FLOOR_SECONDS)

    def __str__(self) -> str:
        return f"x{self.ratio:.1f} ({self.small * 1000:.1f} ms -> {self.large * 1000:.1f} ms)"


def growth(run: Callable[[int], object], size: int, repeat: int = 3) -> Growth:
    """How the CPU time of ``run(n)`` grows from ``n = size`` to ``n = FACTOR * size``.

    The small size is timed ``repeat`` times (least taken). The large size is timed
    until its ratio falls below :data:`LINEAR_LIMIT` or ``repeat`` runs are done:
    more runs could only lower the least time, so a linear function costs one large
    run, and only a suspect one pays for all of them.
    """
    small = cpu_time(lambda: run(size), repeat)
    large = float("inf")
    for _ in range(repeat):
        large = min(large, cpu_time(lambda: run(size * FACTOR), 1))
        if Growth(small, large).ratio < LINEAR_LIMIT:
            break
    return Growth(small, large)


def assert_linear(run: Callable[[int], object], size: int, what: str = "") -> Growth:
    """Fail when ``run`` grows clearly faster than linearly between two sizes.

    A measurement above the limit is taken again once, so one unlucky pair of runs on
    a busy machine does not fail a linear function; a quadratic one fails both times.
    """
    measured = growth(run, size)
    if measured.ratio >= LINEAR_LIMIT:
        measured = growth(run, size)
    assert measured.ratio < LINEAR_LIMIT, f"{what} grows super-linearly: {measured}"
    return measured
