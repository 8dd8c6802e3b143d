"""Extraction on the bundled seeds against gold annotations written by reading them."""

from __future__ import annotations

import json

from tests.gold import ROOT, score_gold


def test_seeds_precision_and_recall_are_perfect() -> None:
    score = score_gold(ROOT / "fixtures" / "seeds_gold.json")
    assert score.problems == []
    assert (score.precision, score.recall) == (1.0, 1.0)


def test_seed_document_metadata_matches_gold() -> None:
    from hanoicheck.api import extract_paths
    from tests.gold import fold

    gold = json.loads((ROOT / "fixtures" / "seeds_gold.json").read_text("utf-8"))
    for entry in gold["documents"]:
        (doc,) = extract_paths([ROOT / entry["path"]]).documents
        assert doc.date == entry["document_date"], entry["path"]
        if entry["outlet"]:
            assert fold(entry["outlet"]).replace(" ", "") in fold(doc.outlet).replace(".", ""), (
                entry["path"]
            )
