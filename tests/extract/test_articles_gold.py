"""Extraction on articles written for this project (other events, other styles).

These articles were never used to tune the extractor's rules, so their scores are the
honest measure of how it does on text it has not seen. The floors below are regression
guards set under the measured values; raise them as the extractor improves.
"""

from __future__ import annotations

from tests.gold import ROOT, score_gold


def test_unseen_articles_score_at_least_the_measured_floor() -> None:
    score = score_gold(ROOT / "fixtures" / "articles_gold.json")
    report = (
        f"strict P={score.precision:.3f} R={score.recall:.3f}; "
        f"value P={score.value_precision:.3f} R={score.value_recall:.3f}\n"
        + "\n".join(score.problems)
    )
    assert score.gold >= 100
    assert score.value_precision >= 0.85, report
    assert score.value_recall >= 0.80, report
    assert score.precision >= 0.60, report
    assert score.recall >= 0.55, report
