"""Slow robustness tests (long fuzzing, the 200 MB file, the full regex battery).

They are skipped by default so ``python -m pytest`` stays fast, and run when asked:

* ``HANOICHECK_RUNSLOW=1 python -m pytest``: the whole suite, slow tests included;
* ``python -m pytest -m slow --no-cov``: the slow tests only (``--no-cov`` because the
  coverage floor is meant for the whole suite).

An environment variable rather than a ``--runslow`` option: pytest only accepts options
from conftest files it loads at start-up (the root and ``tests/test*``), and this one
lives in ``tests/robustness``.
"""

from __future__ import annotations

import os

import pytest


def slow_requested(config: pytest.Config) -> bool:
    """Whether the user asked for the slow tests (``-m slow`` or ``HANOICHECK_RUNSLOW``)."""
    if os.environ.get("HANOICHECK_RUNSLOW", "") not in ("", "0"):
        return True
    markexpr = str(config.getoption("markexpr", "") or "")
    return "slow" in markexpr and "not slow" not in markexpr


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if slow_requested(config):
        return
    skip = pytest.mark.skip(reason="slow: set HANOICHECK_RUNSLOW=1 or use -m slow to run")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)
