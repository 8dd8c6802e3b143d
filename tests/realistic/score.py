"""Score hanoicheck on a realistic corpus against gold written by a reader of the articles.

The rules are those of ``fixtures/realistic/GOLD_FORMAT.md``. A gold claim is located
by its anchor on its line; for HTML, the line is a line of the raw file and the anchor
is found again in the text hanoicheck read from it (tags and entities resolved), next
to the rest of that line's visible text. A predicted claim of the same kind whose span
overlaps that place is the match. Then every flag (reported conflict) is checked
against the expectations: which gold pairs it sets on different sides ("opposes"),
and whether those pairs should have been flagged.

Used by ``tests/realistic/test_realistic.py`` (floors) and by
``scripts/score_realistic.py`` (the table in the closing notes and the README).
"""

from __future__ import annotations

import contextlib
import html
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import combinations, product
from pathlib import Path
from typing import Any

from hanoicheck.api import Report, reconcile_paths
from hanoicheck.model import Claim
from hanoicheck.reconcile import Group, ReconcileOptions, Severity
from hanoicheck.sources import load_document
from tests.gold import ROOT, disagreements

FLAGGED = ("hard", "soft", "either")
_TAG = re.compile(r"<[^>]*>")


@dataclass
class CorpusScore:
    """Everything measured on one corpus; see the module docstring for the rules."""

    name: str
    flags: int = 0
    flags_right: int = 0
    hard: int = 0
    hard_found: int = 0
    hard_at_error: int = 0
    soft: int = 0
    soft_found: int = 0
    must_not: int = 0
    violations: list[str] = field(default_factory=list)
    false_errors: list[str] = field(default_factory=list)
    wrong_flags: list[str] = field(default_factory=list)
    right_flags: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    gold_claims: int = 0
    claims_found: int = 0
    claims_predicted: int = 0
    predicted_matching: int = 0
    values_right: int = 0
    extraction_problems: list[str] = field(default_factory=list)

    @property
    def flag_precision(self) -> float:
        return self.flags_right / self.flags if self.flags else 1.0

    @property
    def hard_recall(self) -> float:
        return self.hard_found / self.hard if self.hard else 1.0

    @property
    def soft_recall(self) -> float:
        return self.soft_found / self.soft if self.soft else 1.0

    @property
    def extraction_recall(self) -> float:
        return self.claims_found / self.gold_claims if self.gold_claims else 1.0

    @property
    def extraction_precision(self) -> float:
        return self.predicted_matching / self.claims_predicted if self.claims_predicted else 1.0

    @property
    def value_accuracy(self) -> float:
        return self.values_right / self.claims_found if self.claims_found else 1.0


def _visible(raw_line: str) -> str:
    return " ".join(html.unescape(_TAG.sub(" ", raw_line)).split())


def locate(text: str, raw: str, is_html: bool, line: int, anchor: str) -> tuple[int, int] | None:
    """Where a gold anchor is in the text hanoicheck read (``text``) from a file (``raw``)."""
    raw_lines = raw.splitlines(keepends=True)
    if not 0 < line <= len(raw_lines) or anchor not in raw_lines[line - 1]:
        return None
    if not is_html:
        offset = sum(len(x) for x in raw_lines[: line - 1])
        index = raw_lines[line - 1].index(anchor)
        return offset + index, offset + index + len(anchor)
    wanted = _visible(anchor)
    context = _visible(raw_lines[line - 1])
    flat, positions = _flatten(text)
    hits = [m.start() for m in re.finditer(re.escape(wanted), flat)]
    if not hits:
        return None
    if len(hits) > 1:  # the same words elsewhere on the page: take the one in this line's text
        around = flat.find(context)
        if around >= 0:
            hits = [h for h in hits if around <= h < around + len(context)] or hits
    start = hits[0]
    return positions[start], positions[start + len(wanted) - 1] + 1


def _flatten(text: str) -> tuple[str, list[int]]:
    """``text`` with runs of whitespace as one space, and each character's offset in it."""
    chars: list[str] = []
    positions: list[int] = []
    space = False
    for index, char in enumerate(text):
        if char.isspace():
            if not space and chars:
                chars.append(" ")
                positions.append(index)
            space = True
            continue
        space = False
        chars.append(char)
        positions.append(index)
    return "".join(chars), positions


@dataclass(frozen=True)
class Matched:
    """Gold claim id -> the predicted claim found for it (absent when missed)."""

    claims: dict[str, Claim]
    gold: dict[str, dict[str, Any]]


def match(report: Report, gold: dict[str, Any], score: CorpusScore) -> Matched:
    """Find each gold claim among the predicted ones; score extraction on the way."""
    by_source: dict[str, list[Claim]] = {}
    for claim in report.extraction.claims:
        by_source.setdefault(claim.source, []).append(claim)
    found: dict[str, Claim] = {}
    gold_by_id: dict[str, dict[str, Any]] = {}
    for document in gold["documents"]:
        path = document["path"]
        raw = (ROOT / path).read_text("utf-8")
        text = load_document(ROOT / path).text  # reconciliation keeps no text
        is_html = path.endswith((".html", ".htm"))
        predicted = by_source.get(path, [])
        score.claims_predicted += len(predicted)
        spans: list[tuple[int, int]] = []
        used: set[str] = set()
        for item in document["claims"]:
            gold_by_id[item["id"]] = {**item, "path": path}
            score.gold_claims += 1
            where = f"{path}:{item['line']} {item['anchor']!r}"
            span = locate(text, raw, is_html, item["line"], item["anchor"])
            if span is None:
                score.extraction_problems.append(f"{where}: anchor not in the text read")
                continue
            spans.append(span)
            candidates = [
                c
                for c in predicted
                if c.kind.value == item["kind"]
                and c.start < span[1]
                and span[0] < c.end
                and c.id not in used
            ]
            if not candidates:
                score.extraction_problems.append(f"{where}: missed")
                continue
            claim = candidates[0]
            used.add(claim.id)
            found[item["id"]] = claim
            score.claims_found += 1
            value_fields = ("nominal", "low", "high", "qualifier")
            if item["kind"] == "money":
                value_fields += ("unit=",)  # a count's unit is its noun, judged elsewhere
            wrong = [w for w in disagreements(claim, item) if w.startswith(value_fields)]
            if wrong:
                score.extraction_problems.append(f"{where}: " + "; ".join(wrong))
            else:
                score.values_right += 1
        for claim in predicted:
            if any(claim.start < end and start < claim.end for start, end in spans):
                score.predicted_matching += 1
            else:
                score.extraction_problems.append(
                    f"{claim.source}:{claim.line} {claim.quote!r}: not in gold"
                )
    return Matched(found, gold_by_id)


def pairs(expectation: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """The gold pairs an expectation names (across sides, or among its claims)."""
    if "sides" in expectation:
        for one, other in combinations(expectation["sides"], 2):
            yield from product(one, other)
    else:
        yield from combinations(expectation["claims"], 2)


def _sides(group: Group) -> dict[str, int]:
    return {c.id: index for index, p in enumerate(group.positions) for c in p.claims}


def _describe(group: Group) -> str:
    sides = " vs ".join(
        f"{p.label} ({', '.join(f'{Path(c.source).name}:{c.line}' for c in p.claims[:3])})"
        for p in group.positions
    )
    return f"[{group.severity}] {group.subject}: {sides}"


def _opposed(group: Group, a: Claim | None, b: Claim | None) -> bool:
    if a is None or b is None:
        return False
    sides = _sides(group)
    return a.id in sides and b.id in sides and sides[a.id] != sides[b.id]


def _grouped(groups: Iterable[Group], a: Claim | None, b: Claim | None) -> bool:
    if a is None or b is None:
        return False
    return any(
        any(c.id == a.id for c in g.claims) and any(c.id == b.id for c in g.claims) for g in groups
    )


def score_folder(
    gold_file: Path, options: ReconcileOptions | None = None, *, one_story: bool = False
) -> tuple[CorpusScore, Report]:
    """Extract and reconcile the documents of one gold file and score the result."""
    gold = json.loads(gold_file.read_text("utf-8"))
    score = CorpusScore(Path(gold["corpus"]).name)
    paths = [document["path"] for document in gold["documents"]]
    with contextlib.chdir(ROOT):  # gold paths are relative to the repository root
        report = reconcile_paths(paths, options)
    matched = match(report, gold, score)
    claims = matched.claims
    flags = report.reconciliation.conflicts
    right: set[str] = set()
    excused_errors: set[str] = set()
    for expectation in gold["expectations"]:
        kind = expectation["expect"]
        named = list(pairs(expectation))
        why = expectation.get("why", "")
        if kind in FLAGGED:
            hits = [
                g for g in flags if any(_opposed(g, claims.get(a), claims.get(b)) for a, b in named)
            ]
            right.update(g.id for g in hits)
            if kind in ("hard", "either"):
                excused_errors.update(g.id for g in hits)
            if kind == "hard":
                score.hard += 1
                score.hard_found += bool(hits)
                score.hard_at_error += any(g.severity is Severity.ERROR for g in hits)
            elif kind == "soft":
                score.soft += 1
                score.soft_found += bool(hits)
            if not hits and kind != "either":
                score.missed.append(f"{kind}: {why} {_where(named, claims)}")
        elif kind in ("compatible", "separate"):
            score.must_not += 1
            for a, b in named:
                ca, cb = claims.get(a), claims.get(b)
                if kind == "compatible":
                    bad = next((g for g in flags if _opposed(g, ca, cb)), None)
                    if bad is not None:
                        score.violations.append(f"compatible {a}/{b} flagged: {_describe(bad)}")
                        break
                elif _grouped(report.reconciliation.groups, ca, cb):
                    score.violations.append(f"separate {a}/{b} grouped: {why}")
                    break
    for group in flags:
        score.flags += 1
        if group.id in right:
            score.flags_right += 1
            score.right_flags.append(_describe(group))
        else:
            score.wrong_flags.append(_describe(group))
        if group.severity is Severity.ERROR and group.id not in excused_errors:
            score.false_errors.append(_describe(group))
    return score, report


def _where(named: list[tuple[str, str]], claims: dict[str, Claim]) -> str:
    ids = sorted({x for pair in named for x in pair})
    missing = [x for x in ids if x not in claims]
    return f"(not extracted: {', '.join(missing)})" if missing else ""


def gold_files(root: Path | None = None) -> list[Path]:
    """Every realistic corpus with a gold file, in name order."""
    base = root or ROOT / "fixtures" / "realistic"
    return sorted(base.glob("*/gold.json"))
