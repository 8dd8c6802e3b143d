"""Score claims and conflicts against the generator's gold (benchmarks/generate.py).

Matching follows fixtures/GOLD_FORMAT.md: a gold figure is found by a predicted claim
of the same kind, on the same line of the same file, whose span overlaps the anchor
(the generator also records the anchor's column, so no file has to be re-read).

Conflicts: a planted conflict lists every report of one fact and which of them state
the contradiction (``sides``). It is *found* when one reported conflict contains a
claim from each side, on different positions; *fully found* when that conflict also
contains every listed claim. A reported conflict is a true positive when it finds some
planted conflict, otherwise a false positive (every figure in the corpus is planted,
so there is no unplanned disagreement for it to be right about). An agreement is
*broken* when a conflict puts two of its claims on different positions.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hanoicheck.model import Claim


@dataclass
class ClaimIndex:
    """Predicted claims by ``(source, line)``, for anchor look-ups."""

    by_line: dict[tuple[str, int], list[Claim]] = field(default_factory=lambda: defaultdict(list))

    def add(self, claims: Iterable[Claim]) -> None:
        for claim in claims:
            self.by_line[(claim.source, claim.line)].append(claim)

    def find(self, ref: dict[str, Any], kind: str) -> Claim | None:
        """The claim of ``kind`` overlapping the gold anchor, or None."""
        start = ref["column"]
        end = start + len(ref["anchor"])
        for claim in self.by_line.get((ref["path"], ref["line"]), ()):
            c_start = claim.column
            c_end = c_start + (claim.end - claim.start)
            if claim.kind == kind and c_start < end and start < c_end:
                return claim
        return None


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def same_value(claim_value: dict[str, Any], gold: dict[str, Any]) -> bool:
    """The GOLD_FORMAT comparison: nominal and qualifier; bounds unless about/nearly."""
    keys = ["nominal", "qualifier"]
    if gold["qualifier"] not in ("about", "nearly"):
        keys += ["low", "high"]
    for key in keys:
        a, b = claim_value.get(key), gold.get(key)
        if isinstance(a, int | float) and isinstance(b, int | float):
            if abs(float(a) - float(b)) > 1e-6 * max(1.0, abs(float(b))):
                return False
        elif a != b:
            return False
    return True


@dataclass
class ExtractionScore:
    """Span-and-value precision/recall of extraction against every planted figure."""

    gold: int = 0
    predicted: int = 0
    found: int = 0  # right span and kind
    right: int = 0  # ... and right interval

    def as_dict(self) -> dict[str, float | int]:
        p = self.right / self.predicted if self.predicted else 1.0
        r = self.right / self.gold if self.gold else 1.0
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "span_recall": round(self.found / self.gold, 4) if self.gold else 1.0,
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
        }


def score_extraction(gold_claims: Path, index: ClaimIndex, predicted: int) -> ExtractionScore:
    score = ExtractionScore(predicted=predicted)
    for document in read_jsonl(gold_claims):
        for gold in document["claims"]:
            ref = {"path": document["path"], **gold}
            score.gold += 1
            claim = index.find(ref, gold["kind"])
            if claim is None:
                continue
            score.found += 1
            if same_value(claim.to_dict()["value"], gold["value"]):
                score.right += 1
    return score


@dataclass
class ConflictScore:
    planted: int = 0
    found: int = 0
    fully_found: int = 0
    reported: int = 0
    true_positive: int = 0
    agreements: int = 0
    agreements_broken: int = 0
    unmatched_gold_claims: int = 0

    def as_dict(self) -> dict[str, float | int]:
        p = self.true_positive / self.reported if self.reported else 1.0
        r = self.found / self.planted if self.planted else 1.0
        return {
            "planted": self.planted,
            "reported": self.reported,
            "precision": round(p, 4),
            "recall": round(r, 4),
            "recall_all_claims": round(self.fully_found / self.planted, 4) if self.planted else 1.0,
            "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
            "agreements": self.agreements,
            "agreements_broken": self.agreements_broken,
            "gold_claims_not_extracted": self.unmatched_gold_claims,
        }


def score_conflicts(
    gold_conflicts: Path, index: ClaimIndex, conflicts: Iterable[Any]
) -> ConflictScore:
    """``conflicts``: the reconciler's conflicts (``.claims``, ``.positions[i].claims``)."""
    # claim id -> [(conflict number, position number)]
    placed: dict[str, list[tuple[int, int]]] = defaultdict(list)
    members: list[set[str]] = []
    for number, conflict in enumerate(conflicts):
        members.append({c.id for c in conflict.claims})
        for side, position in enumerate(conflict.positions):
            for claim in position.claims:
                placed[claim.id].append((number, side))
    score = ConflictScore(reported=len(members))
    hit: set[int] = set()
    for expectation in read_jsonl(gold_conflicts):
        ids: list[str | None] = []
        for ref in expectation["claims"]:
            claim = index.find(ref, expectation["kind"])
            ids.append(claim.id if claim else None)
        score.unmatched_gold_claims += sum(i is None for i in ids)
        if expectation["expect"] == "conflict":
            score.planted += 1
            right = [ids[i] for i in expectation["sides"][0] if ids[i]]
            wrong = [ids[i] for i in expectation["sides"][1] if ids[i]]
            finders = _finders(placed, right, wrong)
            if finders:
                score.found += 1
                hit.update(finders)
                known = {i for i in ids if i}
                if len(known) == len(ids) and any(known <= members[n] for n in finders):
                    score.fully_found += 1
        else:
            score.agreements += 1
            known = [i for i in ids if i]
            if any(_finders(placed, [a], [b]) for a in known for b in known if a < b):
                score.agreements_broken += 1
    score.true_positive = len(hit)
    return score


def _finders(
    placed: dict[str, list[tuple[int, int]]], left: list[str], right: list[str]
) -> set[int]:
    """Conflicts that put a claim of ``left`` and one of ``right`` on different positions."""
    found: set[int] = set()
    for a in left:
        for number, side in placed.get(a, ()):
            for b in right:
                if any(n == number and s != side for n, s in placed.get(b, ())):
                    found.add(number)
    return found
