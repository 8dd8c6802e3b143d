"""The vocabulary (:mod:`hanoicheck.reconcile.vocabulary`): folding and synonyms make
two wordings of one thing alike, and keep two things apart.
"""

from __future__ import annotations

from hanoicheck.reconcile.vocabulary import default_vocabulary, fold, similarity


def test_folding_and_synonyms_make_wordings_alike() -> None:
    vocabulary = default_vocabulary()
    assert fold("Phạm Minh Chính") == fold("Pham Minh Chinh") == "pham minh chinh"
    assert similarity("statements of nations", "remarks of countries", vocabulary) == 100
    assert similarity("plenary session", "press briefing", vocabulary) < 60
