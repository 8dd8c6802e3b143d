"""Fixtures of the sources tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sources.helpers import REPO


@pytest.fixture
def in_repo(monkeypatch: pytest.MonkeyPatch) -> Path:
    """The repository as working directory, so seed ids read ``seeds/...``."""
    monkeypatch.chdir(REPO)
    return REPO
