"""Match extracted claims against gold annotations written by reading the articles.

The matching rules are those of fixtures/GOLD_FORMAT.md: a gold claim is found by a
predicted claim of the same kind whose span overlaps the gold anchor on the gold line;
then its meaning (noun, role, interval, unit, modality, event, attribution) must agree.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hanoicheck.api import extract_paths
from hanoicheck.model import Claim

ROOT = Path(__file__).resolve().parent.parent


def fold(text: str | None) -> str:
    """Lower case without accents (Chính = chinh)."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


@dataclass
class Score:
    matched: int = 0
    value_matched: int = 0  # right span, kind and interval (meaning fields aside)
    gold: int = 0
    predicted: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def value_precision(self) -> float:
        return self.value_matched / self.predicted if self.predicted else 1.0

    @property
    def value_recall(self) -> float:
        return self.value_matched / self.gold if self.gold else 1.0


def _span_of_anchor(text: str, line: int, anchor: str) -> tuple[int, int] | None:
    lines = text.splitlines(keepends=True)
    if line - 1 >= len(lines):
        return None
    offset = sum(len(x) for x in lines[: line - 1])
    index = lines[line - 1].find(anchor)
    return None if index < 0 else (offset + index, offset + index + len(anchor))


def _same_number(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, str) or isinstance(b, str):
        return a == b
    return abs(float(a) - float(b)) <= 1e-6 * max(1.0, abs(float(b)))


def disagreements(claim: Claim, gold: dict[str, Any]) -> list[str]:
    """What a matched claim gets wrong about the gold claim (empty: right)."""
    wrong: list[str] = []
    value, expected = claim.to_dict()["value"], gold["value"]
    keys = ["nominal", "qualifier"]
    if expected["qualifier"] not in ("about", "nearly"):
        keys += ["low", "high"]
        if expected["low"] is not None:
            keys.append("low_inclusive")
        if expected["high"] is not None:
            keys.append("high_inclusive")
    for key in keys:
        if key == "qualifier" or key.endswith("inclusive"):
            if value[key] != expected[key]:
                wrong.append(f"{key}={value[key]!r} (gold {expected[key]!r})")
        elif not _same_number(value[key], expected[key]):
            wrong.append(f"{key}={value[key]!r} (gold {expected[key]!r})")
    if gold.get("unit") and claim.unit != gold["unit"]:
        wrong.append(f"unit={claim.unit!r} (gold {gold['unit']!r})")
    if gold.get("modality") and claim.modality.value != gold["modality"]:
        wrong.append(f"modality={claim.modality.value} (gold {gold['modality']})")
    if (
        claim.kind.value in ("count", "money")
        and gold.get("noun")
        and claim.subject.noun != gold["noun"]
    ):
        wrong.append(f"noun={claim.subject.noun!r} (gold {gold['noun']!r})")
    role = gold.get("role")
    if claim.kind.value == "count" and role not in (None, "other") and claim.subject.role != role:
        wrong.append(f"role={claim.subject.role!r} (gold {role!r})")
    if gold.get("owner") and fold(gold["owner"])[:6] not in fold(claim.subject.owner):
        wrong.append(f"owner={claim.subject.owner!r} (gold {gold['owner']!r})")
    if gold.get("event_terms"):
        said = fold(
            " ".join(x or "" for x in (claim.subject.noun, claim.event.name, claim.event.type))
        )
        if not any(fold(term) in said for term in gold["event_terms"]):
            wrong.append(f"event={said!r} (gold terms {gold['event_terms']})")
    if gold.get("attribution") and fold(gold["attribution"]) not in fold(claim.attribution):
        wrong.append(f"attribution={claim.attribution!r} (gold {gold['attribution']!r})")
    if (
        "year_inferred" in gold
        and gold["year_inferred"] is not None
        and claim.year_inferred != gold["year_inferred"]
    ):
        wrong.append(f"year_inferred={claim.year_inferred} (gold {gold['year_inferred']})")
    return wrong


def score_gold(gold_file: Path) -> Score:
    """Extract every document of a gold file and score it."""
    data = json.loads(gold_file.read_text("utf-8"))
    score = Score()
    for document in data["documents"]:
        path = ROOT / document["path"]
        result = extract_paths([path])
        assert not result.errors, result.errors
        (doc,) = result.documents
        claims = list(result.claims)
        score.predicted += len(claims)
        used: set[str] = set()
        for gold in document["claims"]:
            score.gold += 1
            where = f"{document['path']}:{gold['line']} {gold['anchor']!r}"
            span = _span_of_anchor(doc.text, gold["line"], gold["anchor"])
            if span is None:
                score.problems.append(f"{where}: anchor not found in loaded text")
                continue
            found = [
                c
                for c in claims
                if c.kind.value == gold["kind"]
                and c.start < span[1]
                and span[0] < c.end
                and c.id not in used
            ]
            if not found:
                score.problems.append(f"{where}: missed")
                continue
            claim = found[0]
            used.add(claim.id)
            wrong = disagreements(claim, gold)
            value_keys = ("nominal", "low", "high", "qualifier", "unit=")
            if not any(w.startswith(value_keys) for w in wrong):
                score.value_matched += 1
            if wrong:
                score.problems.append(f"{where}: " + "; ".join(wrong))
            else:
                score.matched += 1
        for claim in claims:
            if claim.id not in used:
                score.problems.append(f"{claim.source}:{claim.line} {claim.quote!r}: not in gold")
    return score
