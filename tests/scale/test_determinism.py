"""The same claims reconcile to the same groups in every process.

Python randomises string hashes per process, so anything that sums or orders by
iterating a set of strings can differ from one run to the next. The benchmark caught
this: 10,000 articles gave 4,682, 4,687 and 4,684 conflicts in three runs, because
story link scores were float sums taken in set order and ties broke differently.
The words two figures share were listed (and their weights summed) in set order too,
so an explanation's "the same words around both figures (...)" varied from run to run.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

from hanoicheck.api import extract_paths
from tests.gold import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))

from generate import generate

DIGEST = """
import hashlib, pickle, sys
from hanoicheck.reconcile import reconcile
result = reconcile(pickle.load(open(sys.argv[1], "rb")))
parts = [
    g.id + ":" + ",".join(c.id for c in g.claims) + ":" + g.explanation + "|".join(g.reasons)
    for g in result.groups
]
print(len(result.groups), result.stories, hashlib.sha1("|".join(parts).encode()).hexdigest())
"""


def test_reconciliation_does_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    # 2,000 generated articles (seed 3) is a corpus where the old set-order sums broke
    # a tie differently under PYTHONHASHSEED=2 than under 1
    generate(tmp_path / "corpus", 2000, seed=3)
    claims = extract_paths([tmp_path / "corpus" / "corpus"]).claims
    dump = tmp_path / "claims.pickle"
    dump.write_bytes(pickle.dumps(claims))
    digests = set()
    for seed in ("1", "2", "3"):
        environment = {**os.environ, "PYTHONHASHSEED": seed}
        digests.add(
            subprocess.run(
                [sys.executable, "-c", DIGEST, str(dump)],
                env=environment,
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        )
    assert len(digests) == 1, digests
