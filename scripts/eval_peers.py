"""Score hanoicheck's extractor against other libraries' test cases (peer evaluation).

Usage: python scripts/eval_peers.py PEERS_DIR [--misses N] [--json FILE]

PEERS_DIR holds one ``*.jsonl`` file per peer library (schema in its README.md: ``id``,
``peer``, ``kind``, ``text``, ``reference_date``, ``expected``, ``span``...). Each case's text
is run through :func:`hanoicheck.extract.pipeline.extract_text` with the case's reference date
as the document date, and the claim of the case's kind family (count/count_range -> count,
money -> money, date/date_range -> date) overlapping the case's ``span`` is compared with the
expected value:

- ``count``: nominal == expected value (the hedge is not part of a peer's count);
- ``count_range``: low/high == expected bounds (``None`` = open); the *strict* column also
  requires the inclusivity flags to agree (peers encode inclusivity differently);
- ``money``: nominal == amount (relative tolerance 1e-6) and, when the peer names a currency,
  the claim's unit is that ISO code (a ``null`` currency accepts any unit);
- ``date``: low == high == expected date; ``date_range``: low == start and high == end.

When several claims overlap the span, the case counts as correct if any of them is (a strictly
correct one is preferred for the report). Cases are never special-cased: a bare numeral with no
counted noun is, by design, not a count claim, and shows up as a miss.

Exit status: 0 whatever the scores; 2 (with one error line naming the file) when the folder is
missing or a case file is malformed.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

try:
    from hanoicheck.extract.pipeline import extract_text
    from hanoicheck.model import Claim, Kind
except ImportError:  # run as a file from a checkout that is not installed
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from hanoicheck.extract.pipeline import extract_text
    from hanoicheck.model import Claim, Kind

#: Peer case kinds, in report order, and the claim kind each is scored against.
FAMILY: dict[str, Kind] = {
    "count": Kind.COUNT,
    "count_range": Kind.COUNT,
    "money": Kind.MONEY,
    "date": Kind.DATE,
    "date_range": Kind.DATE,
}
KINDS: tuple[str, ...] = tuple(FAMILY)
ALL = "all"
MONEY_REL_TOL = 1e-6

#: Outcome statuses: right value; a claim was found but its value is wrong; no claim of the
#: kind family overlaps the span; the extractor raised.
CORRECT, WRONG, MISSED, ERROR = "correct", "wrong", "missed", "error"

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")

Extractor = Callable[..., list[Claim]]


class PeerEvalError(Exception):
    """A missing folder or a malformed case file; ``str()`` is the one-line report."""

    def __init__(self, where: Path | str, message: str) -> None:
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True, slots=True)
class Case:
    """One peer test case, validated."""

    id: str
    peer: str
    kind: str
    text: str
    reference_date: str | None
    expected: dict[str, Any]
    span: str | None = None
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Outcome:
    """How hanoicheck did on one case.

    ``predicted`` is the claim the case was judged on (``None`` when missed), ``others`` the
    remaining claims of the same kind family in the text (for reading misses).
    """

    case: Case
    status: str
    correct: bool
    strict: bool
    predicted: Claim | None = None
    others: tuple[Claim, ...] = ()
    error: str | None = None


@dataclass(slots=True)
class Row:
    """Tallies for one (peer, kind) cell; ``peer``/``kind`` may be :data:`ALL`."""

    peer: str
    kind: str
    cases: int = 0
    correct: int = 0
    strict: int = 0
    missed: int = 0
    wrong: int = 0
    errors: int = 0

    @property
    def accuracy(self) -> float:
        return 100.0 * self.correct / self.cases if self.cases else 0.0

    @property
    def strict_accuracy(self) -> float:
        return 100.0 * self.strict / self.cases if self.cases else 0.0

    def add(self, outcome: Outcome) -> None:
        self.cases += 1
        self.correct += outcome.correct
        self.strict += outcome.strict
        self.missed += outcome.status == MISSED
        self.wrong += outcome.status == WRONG
        self.errors += outcome.status == ERROR

    def to_dict(self) -> dict[str, Any]:
        return {
            "cases": self.cases,
            "correct": self.correct,
            "accuracy": round(self.accuracy, 2),
            "strict": self.strict,
            "strict_accuracy": round(self.strict_accuracy, 2),
            "missed": self.missed,
            "wrong": self.wrong,
            "errors": self.errors,
        }


@dataclass(slots=True)
class Run:
    """A scored folder: outcomes in file order and the wall time extraction took."""

    folder: Path
    outcomes: list[Outcome] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def cases_per_second(self) -> float:
        return len(self.outcomes) / self.seconds if self.seconds > 0 else 0.0


# --- loading ---------------------------------------------------------------------------------


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _is_day(value: object) -> bool:
    return isinstance(value, str) and _ISO_DAY.fullmatch(value) is not None


def _check_expected(kind: str, expected: dict[str, Any]) -> str | None:
    """What is wrong with ``expected`` for ``kind``, or ``None``."""
    if kind == "count":
        ok = _is_number(expected.get("value"))
        need = "'value' number"
    elif kind == "count_range":
        ok = (
            all(expected.get(k) is None or _is_number(expected.get(k)) for k in ("low", "high"))
            and all(isinstance(expected.get(k), bool) for k in ("low_inclusive", "high_inclusive"))
            and not (expected.get("low") is None and expected.get("high") is None)
        )
        need = "'low'/'high' numbers or null (not both) and boolean inclusivity flags"
    elif kind == "money":
        currency = expected.get("currency")
        ok = _is_number(expected.get("amount")) and (currency is None or isinstance(currency, str))
        need = "'amount' number and 'currency' code or null"
    elif kind == "date":
        ok = _is_day(expected.get("date"))
        need = "'date' YYYY-MM-DD"
    else:
        ok = _is_day(expected.get("start")) and _is_day(expected.get("end"))
        need = "'start' and 'end' YYYY-MM-DD"
    return None if ok else f"expected needs {need}, got {json.dumps(expected)}"


def _parse_case(raw: object) -> Case:
    """A validated case from one decoded JSONL line; ``ValueError`` says what is wrong."""
    if not isinstance(raw, dict):
        raise ValueError("not a JSON object")
    for key in ("id", "peer", "kind", "text"):
        if not isinstance(raw.get(key), str) or not raw[key]:
            raise ValueError(f"field {key!r} must be a non-empty string")
    kind = raw["kind"]
    if kind not in FAMILY:
        raise ValueError(f"unknown kind {kind!r} (expected one of {', '.join(KINDS)})")
    reference_date = raw.get("reference_date")
    if reference_date is not None and not _is_day(reference_date):
        raise ValueError(f"reference_date must be YYYY-MM-DD or null, got {reference_date!r}")
    span = raw.get("span")
    if span is not None and not isinstance(span, str):
        raise ValueError("span must be a string or null")
    expected = raw.get("expected")
    if not isinstance(expected, dict):
        raise ValueError("field 'expected' must be an object")
    problem = _check_expected(kind, expected)
    if problem:
        raise ValueError(problem)
    notes = raw.get("notes") or []
    if not isinstance(notes, list):
        raise ValueError("notes must be a list")
    return Case(
        id=raw["id"],
        peer=raw["peer"],
        kind=kind,
        text=raw["text"],
        reference_date=reference_date,
        expected=expected,
        span=span or None,
        notes=tuple(str(note) for note in notes),
    )


def load_cases(folder: Path | str) -> list[Case]:
    """Every case of every ``*.jsonl`` file in ``folder`` (files in name order).

    Raises :class:`PeerEvalError` naming the folder or the file (and line) at fault.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise PeerEvalError(folder, "not a directory")
    files = sorted(folder.glob("*.jsonl"))
    if not files:
        raise PeerEvalError(folder, "no *.jsonl case files")
    cases: list[Case] = []
    seen: set[str] = set()
    for path in files:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise PeerEvalError(path, f"cannot read: {exc}") from None
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                case = _parse_case(json.loads(line))
            except ValueError as exc:  # json.JSONDecodeError is a ValueError
                raise PeerEvalError(f"{path}:{number}", str(exc)) from None
            if case.id in seen:
                raise PeerEvalError(f"{path}:{number}", f"duplicate case id {case.id!r}")
            seen.add(case.id)
            cases.append(case)
    return cases


# --- scoring ---------------------------------------------------------------------------------


def _same(a: Any, b: Any) -> bool:
    """Bounds equal: both open (``None``) or numerically equal."""
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-9)


def judge(case: Case, claim: Claim) -> tuple[bool, bool]:
    """(correct, strict) for ``claim`` read as the answer to ``case``."""
    value, expected = claim.value, case.expected
    if case.kind == "count":
        ok = value.nominal is not None and _same(value.nominal, expected["value"])
        return ok, ok
    if case.kind == "count_range":
        ok = _same(value.low, expected["low"]) and _same(value.high, expected["high"])
        flags = (expected["low"] is None or value.low_inclusive == expected["low_inclusive"]) and (
            expected["high"] is None or value.high_inclusive == expected["high_inclusive"]
        )
        return ok, ok and flags
    if case.kind == "money":
        amount = value.nominal
        ok = (
            amount is not None
            and math.isclose(float(amount), float(expected["amount"]), rel_tol=MONEY_REL_TOL)
            and (expected["currency"] is None or claim.unit == expected["currency"])
        )
        return ok, ok
    if case.kind == "date":
        ok = value.low == value.high == expected["date"]
        return ok, ok
    ok = value.low == expected["start"] and value.high == expected["end"]
    return ok, ok


def locate(case: Case) -> tuple[int, int] | None:
    """``[start, end)`` of the case's span in its text (first occurrence, then ignoring case)."""
    if not case.span:
        return None
    at = case.text.find(case.span)
    if at >= 0:
        return at, at + len(case.span)
    match = re.search(re.escape(case.span), case.text, re.IGNORECASE)
    return match.span() if match else None


def score_case(case: Case, extract: Extractor = extract_text) -> Outcome:
    """Run the extractor on one case and judge the claim that answers it."""
    try:
        claims = extract(case.text, document_date=case.reference_date)
    except Exception as exc:  # a crash is a result to report, not a reason to stop
        return Outcome(case, ERROR, False, False, error=f"{type(exc).__name__}: {exc}")
    family = [c for c in claims if c.kind == FAMILY[case.kind]]
    region = locate(case)
    if region is None:
        candidates = family
    else:
        start, end = region
        candidates = [c for c in family if c.start < end and c.end > start]
        if start == end:  # empty span: claims touching the position
            candidates = [c for c in family if c.start <= start <= c.end]
    if not candidates:
        return Outcome(case, MISSED, False, False, others=tuple(family))

    def rank(claim: Claim) -> tuple[bool, bool, int]:
        correct, strict = judge(case, claim)
        overlap = 0 if region is None else min(claim.end, region[1]) - max(claim.start, region[0])
        return strict, correct, overlap

    best = max(candidates, key=rank)  # max keeps the first of equals: text order
    correct, strict = judge(case, best)
    others = tuple(c for c in family if c is not best)
    return Outcome(case, CORRECT if correct else WRONG, correct, strict, best, others)


def score_all(cases: Iterable[Case], folder: Path, extract: Extractor = extract_text) -> Run:
    """Score every case, timing the whole run."""
    run = Run(folder)
    started = time.perf_counter()
    run.outcomes = [score_case(case, extract) for case in cases]
    run.seconds = time.perf_counter() - started
    return run


def summarize(outcomes: Iterable[Outcome]) -> list[Row]:
    """Rows per (peer, kind), then (peer, all) per peer, (all, kind) per kind and (all, all).

    Peers appear in the order first seen, kinds in :data:`KINDS` order; cells without cases
    are left out (``(all, all)`` is always there).
    """
    cells: dict[tuple[str, str], Row] = {}
    peers: list[str] = []
    for outcome in outcomes:
        peer, kind = outcome.case.peer, outcome.case.kind
        if peer not in peers:
            peers.append(peer)
        for key in ((peer, kind), (peer, ALL), (ALL, kind), (ALL, ALL)):
            cells.setdefault(key, Row(*key)).add(outcome)
    order = [*peers, ALL]
    rows = [
        cells[(peer, kind)]
        for peer in order
        for kind in (*KINDS, ALL)
        if (peer, kind) in cells and not (peer == ALL and kind == ALL)
    ]
    return [*rows, cells.get((ALL, ALL), Row(ALL, ALL))]


# --- reporting -------------------------------------------------------------------------------


def _num(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def describe_claim(claim: Claim) -> str:
    """``count '300 homes' @25-34 = 300 exact`` and similar, for the misses listing."""
    v = claim.value
    if v.low == v.high and v.low_inclusive and v.high_inclusive:
        shown = _num(v.low)
    else:
        low = "-inf" if v.low is None else _num(v.low)
        high = "inf" if v.high is None else _num(v.high)
        opening, closing = "[" if v.low_inclusive else "(", "]" if v.high_inclusive else ")"
        shown = f"{opening}{low}, {high}{closing} nominal={_num(v.nominal)}"
    unit = f" {claim.unit}" if claim.unit and claim.kind == Kind.MONEY else ""
    where = f"@{claim.start}-{claim.end}"
    return f"{claim.kind.value} {claim.quote!r} {where} = {shown}{unit} {v.qualifier.value}"


def describe_expected(case: Case) -> str:
    e = case.expected
    if case.kind == "count":
        return f"count {_num(e['value'])}"
    if case.kind == "count_range":
        low = "-inf" if e["low"] is None else _num(e["low"])
        high = "inf" if e["high"] is None else _num(e["high"])
        opening = "[" if e["low_inclusive"] else "("
        closing = "]" if e["high_inclusive"] else ")"
        return f"count_range {opening}{low}, {high}{closing}"
    if case.kind == "money":
        return f"money {_num(e['amount'])} {e['currency'] or '(any currency)'}"
    if case.kind == "date":
        return f"date {e['date']}"
    return f"date_range {e['start']}..{e['end']}"


def format_table(rows: Sequence[Row]) -> str:
    """The aligned plain-text score table."""
    header = ("peer", "kind", "cases", "correct", "acc%", "strict", "strict%", "missed", "wrong")
    body = [
        (
            r.peer,
            r.kind,
            str(r.cases),
            str(r.correct),
            f"{r.accuracy:.1f}",
            str(r.strict),
            f"{r.strict_accuracy:.1f}",
            str(r.missed),
            str(r.wrong) + (f" +{r.errors} err" if r.errors else ""),
        )
        for r in rows
    ]
    widths = [max(len(line[i]) for line in (header, *body)) for i in range(len(header))]

    def fmt(line: Sequence[str]) -> str:
        left = [cell.ljust(widths[i]) for i, cell in enumerate(line[:2])]
        right = [cell.rjust(widths[i + 2]) for i, cell in enumerate(line[2:])]
        return "  ".join([*left, *right]).rstrip()

    rule = "-" * len(fmt(header))
    lines = [fmt(header), rule]
    previous = None
    for row, line in zip(rows, body, strict=True):
        if previous is not None and row.peer != previous:
            lines.append(rule)
        lines.append(fmt(line))
        previous = row.peer
    return "\n".join(lines)


def format_misses(outcomes: Iterable[Outcome], limit: int, width: int = 160) -> str:
    """Up to ``limit`` not-correct cases per (peer, kind), with what was predicted."""

    def clip(text: str) -> str:
        text = text.replace("\r", "\\r").replace("\n", "\\n")
        return text if len(text) <= width else text[: width - 3] + "..."

    groups: dict[tuple[str, str], list[Outcome]] = {}
    for outcome in outcomes:
        if not outcome.correct:
            groups.setdefault((outcome.case.peer, outcome.case.kind), []).append(outcome)
    lines: list[str] = []
    for (peer, kind), missed in groups.items():
        lines.append(
            f"== {peer} / {kind}: {len(missed)} not correct, showing {min(limit, len(missed))}"
        )
        for outcome in missed[:limit]:
            case = outcome.case
            lines.append(f"  {case.id} [{outcome.status}] reference_date={case.reference_date}")
            lines.append(f"    text:      {clip(case.text)}")
            if case.span is not None and case.span != case.text:
                located = "" if locate(case) else "  (not found in text)"
                lines.append(f"    span:      {clip(case.span)}{located}")
            lines.append(f"    expected:  {describe_expected(case)}")
            if outcome.error:
                lines.append(f"    error:     {clip(outcome.error)}")
            elif outcome.predicted is None:
                lines.append(f"    predicted: no {FAMILY[case.kind].value} claim on the span")
            else:
                lines.append(f"    predicted: {clip(describe_claim(outcome.predicted))}")
            lines.extend(f"    other:     {clip(describe_claim(c))}" for c in outcome.others[:3])
            lines.extend(f"    note:      {clip(note)}" for note in case.notes)
    return "\n".join(lines)


def to_json(run: Run, rows: Sequence[Row]) -> dict[str, Any]:
    """The numbers of a run: ``results[peer][kind]`` (``all`` for totals) plus timing."""
    results: dict[str, dict[str, Any]] = {}
    for row in rows:
        results.setdefault(row.peer, {})[row.kind] = row.to_dict()
    return {
        "folder": str(run.folder),
        "cases": len(run.outcomes),
        "seconds": round(run.seconds, 3),
        "cases_per_second": round(run.cases_per_second, 1),
        "results": results,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="eval_peers.py",
        description="Score hanoicheck's extractor against peer libraries' test cases.",
    )
    parser.add_argument("folder", type=Path, help="folder of peer *.jsonl case files")
    parser.add_argument(
        "--misses", type=int, default=0, metavar="N", help="show up to N misses per peer/kind"
    )
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the numbers here")
    args = parser.parse_args(argv)
    try:
        cases = load_cases(args.folder)
    except PeerEvalError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    run = score_all(cases, args.folder)
    rows = summarize(run.outcomes)
    print(format_table(rows))
    print(
        f"\n{len(run.outcomes)} cases in {run.seconds:.2f} s ({run.cases_per_second:.0f} cases/s)"
    )
    errors = [o for o in run.outcomes if o.status == ERROR]
    if errors:
        print(f"warning: the extractor raised on {len(errors)} cases, e.g. {errors[0].error}")
    if args.misses > 0:
        print()
        print(format_misses(run.outcomes, args.misses))
    if args.json is not None:
        args.json.write_text(json.dumps(to_json(run, rows), indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
