"""The automatic worker count: a pure function of CPUs, load and input size (no timing)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hanoicheck import workers
from hanoicheck.workers import (
    EXTRACT_CPU_S_PER_MB,
    WORKER_START_CPU_S,
    choose_jobs,
    estimated_wall,
    machine,
    system_load,
)

MB = 1_000_000
ARTICLE = 940  # bytes: an article of the benchmark corpus


def test_one_small_file_stays_in_this_process() -> None:
    assert choose_jobs(cpus=64, load=0.0, work_bytes=5_000, files=1) == 1
    assert choose_jobs(cpus=64, load=0.0, work_bytes=5_000, files=5) == 1


def test_a_large_input_on_idle_cpus_uses_them() -> None:
    assert choose_jobs(cpus=2, load=0.0, work_bytes=10_000 * ARTICLE, files=10_000) == 2
    assert choose_jobs(cpus=8, load=0.0, work_bytes=100 * MB, files=100_000) == 8


def test_a_pool_is_not_chosen_where_starting_it_costs_more_than_it_saves() -> None:
    """200 articles: about 0.5 CPU-s of extraction, less than two workers' start-up."""
    assert choose_jobs(cpus=2, load=0.0, work_bytes=200 * ARTICLE, files=200) == 1


def test_busy_cpus_do_not_count() -> None:
    big = 100 * MB
    assert choose_jobs(cpus=2, load=2.0, work_bytes=big, files=100_000) == 1
    assert choose_jobs(cpus=8, load=6.0, work_bytes=big, files=100_000) == 2
    assert choose_jobs(cpus=8, load=0.0, work_bytes=big, files=100_000) == 8


def test_never_more_processes_than_files_or_cpus() -> None:
    assert choose_jobs(cpus=16, load=0.0, work_bytes=100 * MB, files=3) == 3
    assert choose_jobs(cpus=1, load=0.0, work_bytes=100 * MB, files=100_000) == 1
    assert choose_jobs(cpus=4, load=0.0, work_bytes=100 * MB, files=0) == 1


def test_a_negative_load_is_no_load() -> None:
    assert estimated_wall(2, 2, -1.0, 10 * MB) == estimated_wall(2, 2, 0.0, 10 * MB)


def test_the_model_of_the_docstring() -> None:
    work = 2 * EXTRACT_CPU_S_PER_MB
    assert estimated_wall(1, 4, 0.0, 2 * MB) == pytest.approx(work)
    assert estimated_wall(4, 4, 1.0, 2 * MB) == pytest.approx((work + 4 * WORKER_START_CPU_S) / 3)


@given(
    cpus=st.integers(1, 128),
    load=st.floats(0, 256, allow_nan=False),
    work_bytes=st.integers(0, 10**10),
    files=st.integers(0, 10**6),
)
def test_the_choice_is_bounded_and_never_estimated_to_lose(
    cpus: int, load: float, work_bytes: int, files: int
) -> None:
    jobs = choose_jobs(cpus, load, work_bytes, files)
    assert 1 <= jobs <= max(1, min(cpus, files))
    if jobs > 1:
        serial = estimated_wall(1, cpus, load, work_bytes)
        assert estimated_wall(jobs, cpus, load, work_bytes) < serial


@given(work_bytes=st.integers(0, 10**9))
def test_more_input_never_means_fewer_workers(work_bytes: int) -> None:
    fewer = choose_jobs(8, 1.0, work_bytes, 10**6)
    assert choose_jobs(8, 1.0, work_bytes * 2, 10**6) >= fewer


def test_the_load_counts_only_what_both_readings_say(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A run just finished: the one-minute average still says 1.8, the CPUs are idle."""
    proc = tmp_path / "loadavg"
    monkeypatch.setattr(workers, "PROC_LOADAVG", str(proc))
    monkeypatch.setattr(workers.os, "getloadavg", lambda: (1.8, 1.0, 0.5))
    proc.write_text("1.80 1.00 0.50 1/90 1234\n")  # this process alone is runnable
    assert system_load() == 0.0
    proc.write_text("1.80 1.00 0.50 4/90 1234\n")
    assert system_load() == 1.8
    cpus, load = machine()
    assert cpus >= 1 and load == 1.8
    proc.unlink()  # not Linux: the average alone
    assert system_load() == 1.8
