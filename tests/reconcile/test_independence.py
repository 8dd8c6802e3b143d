"""Independent sources (:mod:`hanoicheck.reconcile.independence`): copies of one
outlet count once, so a reprint never outvotes a second outlet.
"""

from __future__ import annotations

from tests.reconcile.conftest import Reconcile


def test_copies_of_one_outlet_count_once_and_a_tie_is_a_tie(reconcile_texts: Reconcile) -> None:
    result = reconcile_texts(
        {
            "vna1.txt": "LISBON, June 9, 2026 (VNA) \u2013 Delegates from 72 countries signed the Lisbon Ocean Accord on Tuesday.\n",
            "vna2.txt": "LISBON, June 9, 2026 (VNA) \u2013 In Portugal, 72 countries signed the Lisbon Ocean Accord on Tuesday.\n",
            "afp.txt": "LISBON, June 9, 2026 (AFP) - Delegates said 75 countries signed the Lisbon Ocean Accord on Tuesday.\n",
        }
    )
    (conflict,) = result.conflicts
    # two VNA files are one outlet: 72 (VNA) against 75 (AFP) is one outlet each
    assert conflict.consensus.text == "tie: 72 countries / 75 countries (1 of 2 outlets each)"
    ((outlet, files),) = result.copies
    assert outlet == "VNA"
    assert [f.rsplit("/", 1)[-1] for f in files] == ["vna1.txt", "vna2.txt"]
