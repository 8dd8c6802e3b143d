"""docs/distributed.md, run as written on a local two-worker Dask cluster.

The recipe's code block is executed verbatim, so the documentation cannot drift from
what works; its Parquet parts must hold exactly the claims of a serial extraction.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from hanoicheck.api import extract_paths
from tests.gold import ROOT

pytest.importorskip("pyarrow")
pytest.importorskip("dask.bag")
pytest.importorskip("distributed")

from hanoicheck.formats import claims_parquet

DOC = ROOT / "docs" / "distributed.md"


def python_blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", DOC.read_text("utf-8"), flags=re.DOTALL)


def test_the_dask_recipe_gives_the_serial_claims(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copytree(ROOT / "fixtures" / "corpora", tmp_path / "fixtures" / "corpora")
    (tmp_path / "seeds" / "broken.txt").write_bytes(b"\x00not text")
    monkeypatch.chdir(tmp_path)
    recipe = python_blocks()[0]
    exec(compile(recipe, str(DOC), "exec"), {"__name__": "__main__"})

    # a map over files cannot re-read a year-less dateline with its story's year; the
    # reconciler completes such years from the claims alone (docs/distributed.md)
    serial = extract_paths(["fixtures/corpora", "seeds"], story_years=False)
    parts = sorted((tmp_path / "claims-parquet").glob("part-*.parquet"))
    assert len(parts) > 1  # really split across partitions
    assert list(claims_parquet.read(tmp_path / "claims-parquet")) == list(serial.claims)
    assert len(serial.errors) == 1


def test_reconcile_from_parquet_equals_reconcile_in_memory(tmp_path: Path) -> None:
    reconcile_module = pytest.importorskip("hanoicheck.reconcile")
    if not hasattr(reconcile_module, "reconcile"):
        pytest.skip("reconciler not available yet")
    claims = extract_paths([ROOT / "fixtures" / "corpora"]).claims
    claims_parquet.write(claims, tmp_path / "claims.parquet")
    back = list(claims_parquet.read(tmp_path / "claims.parquet"))
    direct = reconcile_module.reconcile(claims)
    via_parquet = reconcile_module.reconcile(back)
    assert [c.id for c in via_parquet.conflicts] == [c.id for c in direct.conflicts]
    assert len(via_parquet.groups) == len(direct.groups)
