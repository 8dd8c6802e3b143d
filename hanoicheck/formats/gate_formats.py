"""Outputs of ``hanoicheck check``: text, GitHub annotations, JSON and SARIF 2.1.0.

Every format renders one :class:`hanoicheck.gate.GateResult` and nothing else; findings
arrive most severe first. ``github`` prints workflow commands that GitHub turns into
annotations on the pull request's files; :func:`step_summary` is the Markdown table the
CLI appends to ``$GITHUB_STEP_SUMMARY``. ``sarif`` is for code-scanning uploads.

File names, subjects, explanations and quotes are foreign text. Every format passes
them through :mod:`hanoicheck.escaping`: ``text`` and ``github`` through ``visible``
(GitHub reads workflow commands from both output streams, so a quote must not start
one), the step summary through ``visible_markdown``, JSON and SARIF through
``visible_json``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import cache
from pathlib import Path, PurePosixPath
from typing import Any, assert_never

from hanoicheck import __version__
from hanoicheck.escaping import visible, visible_json, visible_markdown
from hanoicheck.formats import GateFormat, plural
from hanoicheck.gate import Baseline, Finding, GateResult
from hanoicheck.model import Kind
from hanoicheck.reconcile.model import Severity
from hanoicheck.sources import normalize_source

__all__ = [
    "SARIF_SCHEMA",
    "GateFormat",
    "baseline_line",
    "escape_data",
    "escape_property",
    "gate_formatter",
    "information_uri",
    "render_gate",
    "repo_path",
    "step_summary",
    "summary_line",
    "verdict_line",
]

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "hanoicheckConflictId/v1"
_URL_LABELS = ("homepage", "repository", "source", "documentation")


@cache
def information_uri() -> str | None:
    """The project's own address, from the installed metadata (pyproject's
    ``[project.urls]``); None when it names none, and SARIF then leaves the links out
    rather than point at a made-up repository."""
    from importlib import metadata

    try:
        urls = metadata.metadata("hanoicheck").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        return None
    found = {}
    for entry in urls:
        label, _, url = entry.partition(",")
        if url.strip().startswith("https://"):
            found[label.strip().lower()] = url.strip()
    return next((found[label] for label in _URL_LABELS if label in found), None)


def repo_path(source: str, root: Path | None) -> str:
    """``source`` relative to the repository root (GitHub and code scanning place
    annotations by it), whatever folder the command ran in; as it is outside a
    repository or for a file outside it."""
    if root is None:
        return source
    absolute = Path(os.path.abspath(source))
    for base in (root, Path(os.path.realpath(root))):
        for candidate in (absolute, Path(os.path.realpath(absolute))):
            try:
                return candidate.relative_to(base).as_posix()
            except ValueError:
                continue
    return source


def summary_line(result: GateResult) -> str:
    """``hanoicheck check: 2 findings (1 error, 1 warning); 1 failing at --fail-on error``."""
    errors, warnings = result.count(Severity.ERROR), result.count(Severity.WARNING)
    parts = [
        f"hanoicheck check: {plural(len(result.findings), 'finding')} "
        f"({plural(errors, 'error')}, {plural(warnings, 'warning')}); "
        f"{len(result.failing)} failing at --fail-on {result.fail_on}"
    ]
    if result.baselined:
        parts.append(f"{result.baselined} in the baseline")
    if result.stale:
        noun = "entry" if len(result.stale) == 1 else "entries"
        parts.append(f"{len(result.stale)} stale baseline {noun}")
    return "; ".join(parts)


def verdict_line(result: GateResult, *, exit_zero: bool = False) -> str:
    """The last line ``check`` prints (on stderr): what fails, where, and the exit code."""
    where = "in new files" if result.new_sources is not None else "in the corpus"
    failing = result.failing
    if not failing:
        return f"hanoicheck: no conflicts at or above {result.fail_on} {where}; exit 0"
    counts = [
        plural(n, str(severity))
        for severity in Severity
        if (n := sum(1 for f in failing if f.severity is severity))
    ]
    code = "exit 0 (--exit-zero)" if exit_zero else "exit 1"
    return f"hanoicheck: {' and '.join(counts)} {where}; {code}"


def baseline_line(baseline: Baseline | None, output: Path) -> str:
    """What ``baseline`` says (on stderr) once the file is written (the file named as
    relative to the cwd when it is below it, as a config's baseline is given absolute)."""
    count = len(baseline.entries) if baseline is not None else 0
    where = normalize_source(output)
    return visible(f"hanoicheck: baseline of {plural(count, 'conflict')} written to {where}")


def _stale_note(entry_id: str, subject: str) -> str:
    return (
        f"baseline entry {entry_id} ({subject}) matches no conflict any more; "
        "regenerate the baseline with `hanoicheck baseline`"
    )


def render_text(result: GateResult) -> str:
    """``file:line: severity: subject: explanation`` per finding, then a summary line."""
    lines = [
        visible(f"{f.source}:{f.line}: {f.severity}: {f.subject}: {f.explanation}")
        for f in result.findings
    ]
    lines.extend(visible(f"note: {_stale_note(e.id, e.subject)}") for e in result.stale)
    lines.append(summary_line(result))
    return "\n".join(lines) + "\n"


def escape_data(text: str) -> str:
    """Escape a workflow command's message (GitHub's rules: ``%``, CR, LF)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow command's property value (also ``:`` and ``,``)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _message(finding: Finding) -> str:
    sides = " / ".join(finding.positions)
    return (
        f'{finding.explanation} Sides: {sides}. Quote: "{finding.quote}" (conflict id {finding.id})'
    )


def render_github(result: GateResult) -> str:
    """One ``::error``/``::warning`` workflow command per finding, then a summary line."""
    lines = []
    for f in result.findings:
        command = "error" if f.severity is Severity.ERROR else "warning"
        props = ",".join(
            [
                f"file={escape_property(visible(repo_path(f.source, result.root)))}",
                f"line={f.line}",
                f"title={escape_property(visible(f'hanoicheck: {f.subject}'))}",
            ]
        )
        lines.append(f"::{command} {props}::{escape_data(visible(_message(f)))}")
    lines.extend(
        f"::notice title={escape_property('stale baseline entry')}::"
        f"{escape_data(visible(_stale_note(e.id, e.subject)))}"
        for e in result.stale
    )
    lines.append(summary_line(result))
    return "\n".join(lines) + "\n"


def step_summary(result: GateResult) -> str:
    """A Markdown section with a table of every finding, for ``$GITHUB_STEP_SUMMARY``.

    GitHub renders the summary as Markdown with HTML: every cell from an article or a
    file name is :func:`~hanoicheck.escaping.visible_markdown`, so none can become a
    link, an image or markup.
    """
    lines = ["## hanoicheck check", "", summary_line(result), ""]
    if result.findings:
        lines += [
            "| Severity | Fails | File | Line | Subject | Sides | Explanation |",
            "|---|---|---|---:|---|---|---|",
        ]
        for f in result.findings:
            cells = [
                str(f.severity),
                "yes" if f.failing else "no",
                visible_markdown(repo_path(f.source, result.root)),
                str(f.line),
                visible_markdown(f.subject),
                visible_markdown(" / ".join(f.positions)),
                visible_markdown(f.explanation),
            ]
            lines.append("| " + " | ".join(cells) + " |")
        lines.append("")
    return "\n".join(lines) + "\n"


def render_json(result: GateResult) -> str:
    """``{"schema_version": 1, "failed": bool, "findings": [...], "stale": [...]}``."""
    body = {
        "schema_version": 1,
        "failed": result.failed,
        "fail_on": str(result.fail_on),
        "findings": [f.to_dict() for f in result.findings],
        "stale": [e.to_dict() for e in result.stale],
    }
    return visible_json(body, indent=2) + "\n"


def _rule_id(kind: Kind | str) -> str:
    return f"conflict/{kind}"


def _uri(source: str, root: Path | None) -> dict[str, str]:
    path = PurePosixPath(repo_path(source, root))
    if path.is_absolute():
        return {"uri": f"file://{path.as_posix()}"}
    return {"uri": path.as_posix(), "uriBaseId": "%SRCROOT%"}


def _sarif_result(f: Finding, root: Path | None, suppressed: bool) -> dict[str, Any]:
    found: dict[str, Any] = {
        "ruleId": _rule_id(f.group.kind),
        "ruleIndex": list(Kind).index(Kind(f.group.kind)),
        "level": "error" if f.severity is Severity.ERROR else "warning",
        "message": {"text": f"{f.subject}: {_message(f)}"},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": _uri(f.source, root),
                    "region": {"startLine": max(1, f.line), "snippet": {"text": f.quote}},
                }
            }
        ],
        "partialFingerprints": {FINGERPRINT_KEY: f.id},
        "properties": {"failing": f.failing, "positions": list(f.positions)},
    }
    if suppressed:
        found["suppressions"] = [
            {"kind": "external", "justification": "reviewed in the hanoicheck baseline"}
        ]
    return found


def render_sarif(result: GateResult) -> str:
    """A SARIF 2.1.0 log with one run, one rule per claim kind, one result per finding;
    findings the baseline holds are results with an external ``suppressions`` entry (code
    scanning shows them as dismissed), not left out. Links to the project are given
    only when its metadata names its address (:func:`information_uri`)."""
    home = information_uri()
    rules = []
    for kind in Kind:
        rule: dict[str, Any] = {
            "id": _rule_id(kind),
            "name": f"{kind.value.capitalize()}Conflict",
            "shortDescription": {"text": f"Sources disagree on a {kind.value}"},
            "fullDescription": {
                "text": f"Two or more sources state {kind.value} figures about the same "
                "thing that cannot all be true."
            },
            "defaultConfiguration": {"level": "error"},
        }
        if home:
            rule["helpUri"] = home
        rules.append(rule)
    results = [_sarif_result(f, result.root, False) for f in result.findings]
    results += [_sarif_result(f, result.root, True) for f in result.suppressed]
    driver: dict[str, Any] = {"name": "hanoicheck", "version": __version__}
    if home:
        driver["informationUri"] = home
    driver["rules"] = rules
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{"tool": {"driver": driver}, "results": results}],
    }
    return visible_json(log, indent=2) + "\n"


GateFormatter = Callable[[GateResult], str]


def gate_formatter(fmt: GateFormat) -> GateFormatter:
    """The one formatter of ``fmt``; ``assert_never`` makes mypy check every member."""
    match fmt:
        case GateFormat.TEXT:
            return render_text
        case GateFormat.GITHUB:
            return render_github
        case GateFormat.JSON:
            return render_json
        case GateFormat.SARIF:
            return render_sarif
        case _:  # pragma: no cover - mypy proves this unreachable
            assert_never(fmt)


RENDERERS: dict[GateFormat, GateFormatter] = {f: gate_formatter(f) for f in GateFormat}


def render_gate(result: GateResult, fmt: GateFormat) -> str:
    """``result`` in ``fmt``."""
    return gate_formatter(fmt)(result)
