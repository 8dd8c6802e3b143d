"""The CI gate behind ``hanoicheck check``: which conflicts are findings, and which fail.

A gate on a growing corpus must blame a change only for what it brings in. Given the
sources that are new (added or edited since a revision, or named with ``--new``), a
conflict is a finding when one of its claims comes from a new source *and* sits on a
side (position label) that no claim from an old source takes: the new article opened
the conflict or added a side to it. A new article that agrees with one side of an old
dispute is not blamed for it. Without new sources every conflict is a finding.

A baseline lists conflicts already reviewed (by :attr:`Group.id`, a fingerprint of what
is disputed and the values on each side, never of files or lines): they are not
findings. Baseline entries whose id no longer occurs are ``stale`` (the conflict was
fixed, or its figures changed, which makes it a new conflict to review).

A finding *fails* the gate when its severity is at or above ``fail_on`` (error >
warning). This module holds the rules and the gate's own inputs (new sources from git or
``--new``, the baseline file), as plain library calls: :func:`hanoicheck.api.check_paths`
runs them on a corpus, :mod:`hanoicheck.formats.gate_formats` renders a
:class:`GateResult`, and :mod:`hanoicheck.cli` only parses options. It sits below
``formats`` (which render its results) and below ``api`` (which drives it).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hanoicheck.escaping import visible_json
from hanoicheck.gitfiles import GitError, changed_files
from hanoicheck.model import Claim, SourceError
from hanoicheck.output import write_output
from hanoicheck.reconcile.model import Group, Reconciliation, Severity
from hanoicheck.sources import SourceReadError, normalize_source, read_source_bytes

__all__ = [
    "BASELINE_SCHEMA_VERSION",
    "Baseline",
    "BaselineEntry",
    "BaselineError",
    "Finding",
    "GateError",
    "GateResult",
    "evaluate",
    "load_baseline",
    "new_sources",
    "parse_severity",
    "refuse_merge_markers",
    "save_baseline",
    "severity_rank",
    "uncovered",
]

BASELINE_SCHEMA_VERSION = 1
#: A baseline larger than this is not one (100,000 reviewed conflicts take ~25 MB).
MAX_BASELINE_BYTES = 256 * 1024 * 1024
TOOL = "hanoicheck"
_ENTRY_KEYS = frozenset({"id", "subject", "kind", "severity", "positions", "note"})
_RANK = {Severity.ERROR: 2, Severity.WARNING: 1}


def severity_rank(severity: Severity | str | None) -> int:
    """2 for error, 1 for warning (a conflict without a severity counts as a warning)."""
    if severity is None:
        return _RANK[Severity.WARNING]
    return _RANK.get(Severity(severity), 1)


def _severity(group: Group) -> Severity:
    return group.severity if group.severity is not None else Severity.WARNING


class GateError(Exception):
    """A gate run that cannot start (bad options, missing history, a bad baseline);
    ``str()`` is the one line shown to the user."""


def parse_severity(text: str) -> Severity:
    """The ``--fail-on`` threshold (any case), or :class:`GateError`."""
    try:
        return Severity(text.lower())
    except ValueError:
        raise GateError(f"--fail-on {text!r} is not one of: error, warning") from None


def new_sources(since: str | None, new: Sequence[Path], cwd: Path) -> frozenset[str] | None:
    """Source ids the gate may blame: changed since git revision ``since``, or ``new``.

    ``None`` (neither given) means every conflict counts. Raises :class:`GateError` when
    both are given, ``since`` cannot be resolved in the repository at ``cwd``, or a
    ``new`` file does not exist.
    """
    if since is not None and new:
        raise GateError("--since and --new cannot be used together")
    if since is not None:
        try:
            return frozenset(normalize_source(p) for p in changed_files(since, cwd))
        except GitError as error:
            raise GateError(f"--since: {error}") from None
    if new:
        missing = [p for p in new if not p.is_file()]
        if missing:
            raise GateError(f"--new {missing[0]}: no such file")
        return frozenset(normalize_source(p) for p in new)
    return None


def uncovered(files: Sequence[Path], targets: Sequence[Path]) -> list[Path]:
    """``--new`` files that no target path already includes (they are checked too)."""
    roots = [t.resolve() for t in targets]
    return [f for f in files if not any(f.resolve().is_relative_to(r) for r in roots)]


class BaselineError(GateError):
    """A baseline file that cannot be used; ``str()`` is one line naming the file."""

    def __init__(self, path: Path | str, message: str) -> None:
        self.path = Path(path)
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        return f"baseline {self.path}: {self.message}"


@dataclass(frozen=True, slots=True)
class BaselineEntry:
    """One reviewed conflict. ``note`` is free text for the reviewer (kept on rewrite)."""

    id: str
    subject: str
    kind: str
    severity: str
    positions: tuple[str, ...]
    note: str = ""

    @classmethod
    def of(cls, group: Group, note: str = "") -> BaselineEntry:
        return cls(
            id=group.id,
            subject=group.subject,
            kind=str(group.kind),
            severity=str(_severity(group)),
            positions=tuple(sorted(p.label for p in group.positions)),
            note=note,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "subject": self.subject,
            "kind": self.kind,
            "severity": self.severity,
            "positions": sorted(self.positions),
            "note": self.note,
        }


@dataclass(frozen=True, slots=True)
class Baseline:
    """Reviewed conflicts, by id; see the module docstring."""

    entries: tuple[BaselineEntry, ...] = ()

    @property
    def ids(self) -> frozenset[str]:
        return frozenset(e.id for e in self.entries)

    @classmethod
    def from_reconciliation(
        cls, reconciliation: Reconciliation, previous: Baseline | None = None
    ) -> Baseline:
        """Every current conflict; notes of entries already in ``previous`` are kept."""
        notes = {e.id: e.note for e in previous.entries} if previous is not None else {}
        entries = {g.id: BaselineEntry.of(g, notes.get(g.id, "")) for g in reconciliation.conflicts}
        return cls(tuple(entries[key] for key in sorted(entries)))

    def to_json(self) -> str:
        """The file's text: stable key and entry order, two-space indent, final newline."""
        body = {
            "schema_version": BASELINE_SCHEMA_VERSION,
            "tool": TOOL,
            "conflicts": [e.to_dict() for e in sorted(self.entries, key=lambda e: e.id)],
        }
        return visible_json(body, indent=2) + "\n"


def _entry(path: Path, index: int, raw: object) -> BaselineEntry:
    where = f"conflicts[{index}]"
    if not isinstance(raw, Mapping):
        raise BaselineError(path, f"{where}: expected an object")
    unknown = sorted(set(raw) - _ENTRY_KEYS)
    if unknown:
        raise BaselineError(path, f"{where}: unknown key {unknown[0]!r}")
    strings: dict[str, str] = {}
    for key in ("id", "subject", "kind", "severity", "note"):
        value = raw.get(key, "" if key in ("note", "subject", "kind") else None)
        if not isinstance(value, str):
            raise BaselineError(path, f"{where}.{key}: expected a string")
        strings[key] = value
    if not strings["id"]:
        raise BaselineError(path, f"{where}.id: must not be empty")
    if strings["severity"] not in {str(s) for s in Severity}:
        raise BaselineError(path, f"{where}.severity: expected 'error' or 'warning'")
    positions = raw.get("positions", [])
    if not isinstance(positions, list) or not all(isinstance(p, str) for p in positions):
        raise BaselineError(path, f"{where}.positions: expected a list of strings")
    return BaselineEntry(positions=tuple(positions), **strings)


def load_baseline(path: Path | str) -> Baseline:
    """Read a baseline file; :class:`BaselineError` (one line) when it cannot be used.

    Read like an article (:func:`~hanoicheck.sources.read_source_bytes`): a regular
    file of at most :data:`MAX_BASELINE_BYTES` (``--baseline /dev/zero`` would fill the
    memory, a FIFO hang the gate); JSON nested too deeply is not a baseline either.
    """
    path = Path(path)
    try:
        text = read_source_bytes(path, max_bytes=MAX_BASELINE_BYTES)[1].decode("utf-8")
    except SourceReadError as exc:
        missing = exc.message == "no such file or directory"
        reason = "no such file" if missing else f"cannot read ({exc.message})"
        raise BaselineError(path, reason) from None
    except UnicodeDecodeError as exc:
        raise BaselineError(path, f"cannot read (not valid UTF-8 at byte {exc.start})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BaselineError(path, f"not valid JSON (line {exc.lineno}: {exc.msg})") from None
    except RecursionError:
        raise BaselineError(path, "not valid JSON (nested too deeply)") from None
    if not isinstance(data, dict) or "conflicts" not in data:
        raise BaselineError(path, "not a hanoicheck baseline (no 'conflicts' list)")
    if data.get("tool", TOOL) != TOOL:
        raise BaselineError(path, f"written by {data.get('tool')!r}, not by hanoicheck")
    version = data.get("schema_version")
    if version != BASELINE_SCHEMA_VERSION:
        raise BaselineError(
            path,
            f"schema_version {version!r} is not supported "
            f"(expected {BASELINE_SCHEMA_VERSION}); regenerate it with `hanoicheck baseline`",
        )
    conflicts = data["conflicts"]
    if not isinstance(conflicts, list):
        raise BaselineError(path, "'conflicts' must be a list")
    return Baseline(tuple(_entry(path, i, raw) for i, raw in enumerate(conflicts)))


_MERGE_MARKERS = ("<<<<<<<", "=======", ">>>>>>>", "|||||||")


def refuse_merge_markers(path: Path | str) -> None:
    """:class:`BaselineError` naming the line when ``path`` holds merge-conflict markers.

    Rewriting such a file would drop whichever side's notes it could not parse; the
    person merging must choose first. A missing or unreadable file passes (it is
    written, or replaced, whole)."""
    path = Path(path)
    try:
        text = path.read_text("utf-8", errors="replace")
    except OSError:
        return
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith(_MERGE_MARKERS) and (
            len(line) == 7 or line[7] == " " or line.startswith("=======")
        ):
            raise BaselineError(
                f"{path}:{number}",
                f"holds a merge-conflict marker ({line[:7]}); resolve the merge, then "
                "run `hanoicheck baseline` again (the file was not changed)",
            )


def save_baseline(baseline: Baseline, path: Path | str) -> None:
    """Write ``baseline`` atomically (raises :class:`hanoicheck.output.OutputError`)."""
    write_output(baseline.to_json(), Path(path))


@dataclass(frozen=True, slots=True)
class Finding:
    """A conflict the gate reports, pointed at one claim (the new file's, if any)."""

    group: Group
    claim: Claim
    failing: bool

    @property
    def id(self) -> str:
        return self.group.id

    @property
    def severity(self) -> Severity:
        return _severity(self.group)

    @property
    def subject(self) -> str:
        return self.group.subject

    @property
    def explanation(self) -> str:
        return " ".join(self.group.explanation.split()) or self.group.finding

    @property
    def source(self) -> str:
        return self.claim.source

    @property
    def line(self) -> int:
        return self.claim.line

    @property
    def quote(self) -> str:
        return self.claim.quote

    @property
    def positions(self) -> tuple[str, ...]:
        return tuple(p.label for p in self.group.positions)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "severity": str(self.severity),
            "failing": self.failing,
            "kind": str(self.group.kind),
            "subject": self.subject,
            "explanation": self.explanation,
            "source": self.source,
            "line": self.line,
            "quote": self.quote,
            "positions": list(self.positions),
        }


@dataclass(frozen=True, slots=True)
class GateResult:
    """Findings (most severe first), stale baseline entries and the threshold.

    ``suppressed`` are the findings the baseline holds (never failing: SARIF lists them
    as suppressed). ``errors`` are the files that could not be read (the run judged the
    others); ``sources`` and ``claims`` count what was read. ``root`` is the top of the
    git repository the run was in (annotations name files relative to it), if any.
    """

    findings: tuple[Finding, ...]
    stale: tuple[BaselineEntry, ...] = ()
    fail_on: Severity = Severity.ERROR
    new_sources: frozenset[str] | None = None
    baselined: int = 0
    errors: tuple[SourceError, ...] = ()
    suppressed: tuple[Finding, ...] = ()
    sources: int = 0
    claims: int = 0
    root: Path | None = None

    @property
    def failing(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.failing)

    @property
    def failed(self) -> bool:
        return bool(self.failing)

    def count(self, severity: Severity, *, failing_only: bool = False) -> int:
        pool = self.failing if failing_only else self.findings
        return sum(1 for f in pool if f.severity is severity)


def _blame(group: Group, new_sources: frozenset[str] | None) -> Claim | None:
    """The claim a finding points at, or None when ``group`` is not a finding."""
    if new_sources is None:
        return group.claims[0] if group.claims else None
    old_labels = {
        p.label for p in group.positions if any(c.source not in new_sources for c in p.claims)
    }
    for position in group.positions:
        if position.label in old_labels:
            continue
        for claim in position.claims:
            if claim.source in new_sources:
                return claim
    return None


def evaluate(
    reconciliation: Reconciliation,
    new_sources: Iterable[str] | None,
    baseline: Baseline | None,
    fail_on: Severity | str = Severity.ERROR,
) -> GateResult:
    """Judge ``reconciliation`` for the gate; see the module docstring for the rules.

    ``new_sources`` are source ids as claims carry them
    (:func:`hanoicheck.sources.normalize_source`); ``None`` means "no notion of new":
    every conflict counts.
    """
    threshold = Severity(fail_on)
    new = frozenset(new_sources) if new_sources is not None else None
    known = baseline.ids if baseline is not None else frozenset()
    current = {g.id for g in reconciliation.conflicts}
    findings: list[Finding] = []
    suppressed: list[Finding] = []
    baselined = 0
    for group in reconciliation.conflicts:
        claim = _blame(group, new)
        if group.id in known:
            baselined += 1
            if claim is not None:
                suppressed.append(Finding(group, claim, failing=False))
            continue
        if claim is None:
            continue
        failing = severity_rank(_severity(group)) >= severity_rank(threshold)
        findings.append(Finding(group, claim, failing))

    def order(f: Finding) -> tuple[int, str, int, str, str]:
        return (-severity_rank(f.severity), f.source, f.line, f.subject, f.id)

    findings.sort(key=order)
    suppressed.sort(key=order)
    stale = tuple(e for e in (baseline.entries if baseline else ()) if e.id not in current)
    return GateResult(
        tuple(findings), stale, threshold, new, baselined, suppressed=tuple(suppressed)
    )
