"""Reconcile small articles written for a test, as files, the way users run the tool."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from hanoicheck.api import reconcile_paths
from hanoicheck.reconcile import Group, Reconciliation

Reconcile = Callable[[dict[str, str]], Reconciliation]


@pytest.fixture
def reconcile_texts(tmp_path: Path) -> Reconcile:
    """Write ``{name: text}`` into a fresh folder and reconcile it."""

    def run(files: dict[str, str]) -> Reconciliation:
        folder = tmp_path / f"corpus{len(list(tmp_path.iterdir()))}"
        folder.mkdir()
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8")
        return reconcile_paths([folder]).reconciliation

    return run


def group_with(result: Reconciliation, *quotes: str) -> Group | None:
    """The one group holding claims with all ``quotes`` (None when they are split)."""
    for group in result.groups:
        found = {c.quote for c in group.claims}
        if all(q in found for q in quotes):
            return group
    return None


def in_one_group(result: Reconciliation, a: str, b: str) -> bool:
    return group_with(result, a, b) is not None
