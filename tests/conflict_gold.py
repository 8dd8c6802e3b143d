"""Score the reconciler against planted conflicts, agreements and separations.

Rules are those of fixtures/GOLD_FORMAT.md ("Reconciliation gold"). A gold claim is
found as in extraction gold (same line, span overlapping the anchor). Then:

- a gold conflict is detected when one reported conflict holds all its claims, on at
  least two different sides; precision counts reported conflicts that match a gold
  conflict, recall gold conflicts that were detected;
- an agreement is violated when a conflict sets two of its claims on different sides
  that contradict; it is "grouped" when all its claims are in one group;
- a separation is violated when two of its claims share a group.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hanoicheck.api import extract_paths
from hanoicheck.model import Claim
from hanoicheck.reconcile import Group, Reconciliation, reconcile
from tests.gold import ROOT, _span_of_anchor


@dataclass
class ConflictScore:
    detected: int = 0
    gold_conflicts: int = 0
    reported: int = 0
    reported_matching: int = 0
    severity_right: int = 0
    agreements: int = 0
    agreements_grouped: int = 0
    agreements_violated: list[str] = field(default_factory=list)
    separations: int = 0
    separations_violated: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    severity_wrong: list[str] = field(default_factory=list)
    unexpected: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.reported_matching / self.reported if self.reported else 1.0

    @property
    def recall(self) -> float:
        return self.detected / self.gold_conflicts if self.gold_conflicts else 1.0


def _find(claims: list[Claim], texts: dict[str, str], ref: dict[str, Any]) -> Claim | None:
    text = texts.get(ref["path"])
    if text is None:
        return None
    span = _span_of_anchor(text, ref["line"], ref["anchor"])
    if span is None:
        return None
    for claim in claims:
        if claim.source == ref["path"] and claim.start < span[1] and span[0] < claim.end:
            return claim
    return None


def _side(group: Group, claim: Claim) -> int | None:
    for index, position in enumerate(group.positions):
        if any(c.id == claim.id for c in position.claims):
            return index
    return None


def _group_of(result: Reconciliation, claim: Claim) -> Group | None:
    return next((g for g in result.groups if any(c.id == claim.id for c in g.claims)), None)


def score_corpus(corpus: dict[str, Any], score: ConflictScore) -> Reconciliation:
    """Extract and reconcile one gold corpus, adding its results to ``score``."""
    with contextlib.chdir(ROOT):  # gold paths are relative to the repository root
        extraction = extract_paths([corpus["path"]])
    texts = {d.source: d.text for d in extraction.documents}
    claims = list(extraction.claims)
    result = reconcile(claims)
    matched_conflicts: set[str] = set()
    for expectation in corpus["expectations"]:
        found = [_find(claims, texts, ref) for ref in expectation["claims"]]
        label = f"{corpus['path']}: {expectation['why']}"
        kind = expectation["expect"]
        present = [c for c in found if c is not None]
        if kind == "conflict":
            score.gold_conflicts += 1
            hit = None
            if len(present) == len(found):
                for group in result.conflicts:
                    sides = {_side(group, c) for c in present}
                    if None not in sides and len(sides) >= 2:
                        hit = group
                        break
            if hit is None:
                score.missed.append(label)
                continue
            score.detected += 1
            matched_conflicts.add(hit.id)
            if str(hit.severity) == expectation.get("severity"):
                score.severity_right += 1
            else:
                score.severity_wrong.append(f"{label} [{hit.severity}: {hit.explanation}]")
        elif kind == "agree":
            score.agreements += 1
            groups = {id(g) for c in present if (g := _group_of(result, c))}
            if len(present) == len(found) and len(groups) == 1:
                score.agreements_grouped += 1
            for group in result.conflicts:
                sides = {_side(group, c) for c in present} - {None}
                if len(sides) > 1 and _contradict(group, present):
                    score.agreements_violated.append(f"{label} [{group.id}]")
        elif kind == "separate":
            score.separations += 1
            groups = [g.id for c in present if (g := _group_of(result, c))]
            if len(groups) != len(set(groups)):
                score.separations_violated.append(label)
    for group in result.conflicts:
        score.reported += 1
        if group.id in matched_conflicts:
            score.reported_matching += 1
        else:
            score.unexpected.append(f"{corpus['path']}: {group.explanation}")
    return result


def _contradict(group: Group, claims: list[Claim]) -> bool:
    """Whether two of ``claims`` sit on different sides of ``group``."""
    sides = [_side(group, c) for c in claims]
    known = [s for s in sides if s is not None]
    return len(set(known)) > 1


def score_conflicts(gold_file: Path) -> ConflictScore:
    """Score every corpus of a reconciliation gold file."""
    gold = json.loads(gold_file.read_text("utf-8"))
    score = ConflictScore()
    for corpus in gold["corpora"]:
        score_corpus(corpus, score)
    return score
