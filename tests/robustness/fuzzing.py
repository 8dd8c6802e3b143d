"""The fuzz target over the loaders and extractors, and a small mutational fuzzer.

Used by ``scripts/fuzz.py`` (run for N seconds) and by ``test_fuzz.py`` (a few seconds
by default, a minute with the slow tests). Hypothesis "at scale" would also do, but a
mutational fuzzer seeded with real articles reaches the deep paths (datelines, hedged
ranges, currencies, furniture) much faster than generated noise, and needs nothing
beyond the standard library.

The target checks the same contract as the property tests: decoding and parsing raise
nothing but a one-line :class:`SourceReadError`; extraction never raises; each claim's
quote is ``text[start:end]``; intervals are well-formed; every output format renders,
and the table holds no control character. A violated contract is a *crash*; an input
taking longer than ``SLOW_SECONDS`` is a *hang* (both are findings).
"""

from __future__ import annotations

import random
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from hanoicheck.extract.pipeline import extract_document
from hanoicheck.formats import ClaimFormat, render_claims
from hanoicheck.model import Interval, Kind
from hanoicheck.sources import SourceReadError, parse_document
from hanoicheck.sources.read import decode
from tests.robustness.strategies import TOKENS

REPO = Path(__file__).resolve().parents[2]
SUFFIXES = (".txt", ".md", ".html", "")
SLOW_SECONDS = 5.0
MAX_INPUT = 64 * 1024
HTML_BITS = (
    "<div>", "</div>", "<p>", "<article>", "<script>", "</script>", "<br>", "<!--",
    "-->", "<meta name=date content=2025-10-25>", "&amp;", "&#0;", "<pre>", "<b>",
    "<html>", "<!doctype html>", "<time datetime=2025-13-45>", "<body hidden>",
)  # fmt: skip


class ContractViolation(AssertionError):
    """The target's output broke the contract (quote, interval, table safety)."""


def _check_interval(value: Interval[object]) -> None:
    low, high, nominal = value.low, value.high, value.nominal
    ok = True
    if low is not None and high is not None:
        ok = low <= high  # type: ignore[operator]
    if nominal is not None:
        ok = ok and (low is None or low <= nominal)  # type: ignore[operator]
        ok = ok and (high is None or nominal <= high)  # type: ignore[operator]
    if not ok:
        raise ContractViolation(f"ill-formed interval {value}")


def target(data: bytes) -> int:
    """Run one input through decode -> parse -> extract -> render; count its claims.

    Returns -1 when the loader refuses the input (binary, not UTF-8, empty, too nested).

    The first byte picks the file type, so the fuzzer can steer it by mutation.
    """
    suffix = SUFFIXES[data[0] % len(SUFFIXES)] if data else ".txt"
    try:
        text = decode("fuzz", data[1:])
        document = parse_document("fuzz", text, suffix)
    except SourceReadError as error:
        if "\n" in error.message or error.source != "fuzz":
            raise ContractViolation(f"multi-line or misattributed error {error!r}") from None
        return -1
    claims = extract_document(document)
    for claim in claims:
        if claim.quote != document.text[claim.start : claim.end]:
            raise ContractViolation(f"quote {claim.quote!r} is not text[start:end]")
        _check_interval(claim.value)
        if claim.kind is not Kind.DATE and not (claim.value.nominal or 0) > 0:
            raise ContractViolation(f"non-positive figure {claim.value}")
    for fmt in (ClaimFormat.JSONL, ClaimFormat.CSV, ClaimFormat.TABLE):
        rendered = render_claims(claims, fmt)
    if any(ord(ch) < 32 and ch != "\n" for ch in rendered):
        raise ContractViolation("control character in the table")
    return len(claims)


def seed_corpus() -> list[bytes]:
    """Real articles (seeds and the held-out corpora), whole and as short windows."""
    corpus: list[bytes] = []
    for root in (REPO / "seeds", REPO / "fixtures" / "corpora"):
        for path in sorted(root.rglob("*")):
            if path.is_file() and path.suffix in (".txt", ".md", ".html"):
                data = path.read_bytes()
                kind = bytes([SUFFIXES.index(path.suffix if path.suffix != ".md" else ".md")])
                corpus.append(kind + data)
    return corpus or [b"\x00Officials counted 12 ships on Oct 25."]


def mutate(data: bytes, corpus: list[bytes], rng: random.Random) -> bytes:
    """One to eight random edits: byte flips, grammar tokens, splices, repeats, cuts."""
    buf = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        position = rng.randint(0, len(buf))
        choice = rng.randrange(9)
        if choice == 0 and buf:  # flip a byte
            buf[min(position, len(buf) - 1)] ^= 1 << rng.randrange(8)
        elif choice == 1:  # a token of the extractors' grammar
            buf[position:position] = rng.choice(TOKENS).encode()
        elif choice == 2:  # an HTML fragment
            buf[position:position] = rng.choice(HTML_BITS).encode()
        elif choice == 3 and buf:  # delete a slice
            del buf[position : position + rng.randint(1, 64)]
        elif choice == 4 and buf:  # repeat a slice (runs make patterns backtrack)
            piece = bytes(buf[position : position + rng.randint(1, 16)])
            buf[position:position] = piece * rng.randint(2, 200)
        elif choice == 5:  # splice in a window of another article
            other = rng.choice(corpus)
            start = rng.randrange(max(1, len(other)))
            buf[position:position] = other[start : start + rng.randint(1, 512)]
        elif choice == 6:  # random bytes (invalid UTF-8, NUL, controls)
            buf[position:position] = rng.randbytes(rng.randint(1, 8))
        elif choice == 7:  # random Unicode
            chars = "".join(chr(rng.randrange(0x20, 0x10FFFF)) for _ in range(rng.randint(1, 4)))
            buf[position:position] = chars.encode("utf-8", "replace")
        elif buf:  # change the file type
            buf[0] = rng.randrange(256)
    return bytes(buf[:MAX_INPUT])


@dataclass
class Finding:
    """An input that broke the contract (``kind`` "crash") or took too long ("hang")."""

    kind: str
    data: bytes
    detail: str
    seconds: float


@dataclass
class Report:
    """What a fuzzing run did: inputs tried, what happened to them, what it found."""

    inputs: int = 0
    refused: int = 0
    claims: int = 0
    seconds: float = 0.0
    slowest: float = 0.0
    findings: list[Finding] = field(default_factory=list)


def fuzz(
    seconds: float | None,
    *,
    seed: int = 0,
    on_finding: Callable[[Finding], None] | None = None,
    max_inputs: int | None = None,
    hang_seconds: float | None = SLOW_SECONDS,
) -> Report:
    """Mutate real articles, calling the target on each, until a budget runs out.

    The budget is ``seconds`` of wall clock (``scripts/fuzz.py``), ``max_inputs``
    inputs, or both. Tests give a number of inputs and no hang threshold, so what they
    check does not depend on how busy the machine is; ``hang_seconds`` is for
    interactive runs, where an input that slow is worth a look.
    """
    if seconds is None and max_inputs is None:
        raise ValueError("give seconds, max_inputs or both")
    rng = random.Random(seed)
    corpus = seed_corpus()
    pool = list(corpus)
    report = Report()
    started = time.perf_counter()
    while seconds is None or time.perf_counter() - started < seconds:
        if max_inputs is not None and report.inputs >= max_inputs:
            break
        parent = rng.choice(pool)
        if len(parent) > 4096 and rng.random() < 0.7:  # mostly short windows: faster
            start = rng.randrange(len(parent) - 2048)
            parent = parent[:1] + parent[start : start + rng.randint(64, 2048)]
        data = mutate(parent, corpus, rng)
        report.inputs += 1
        began = time.perf_counter()
        try:
            found = target(data)
        except Exception as exc:  # everything unexpected is a finding, never a stop
            detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
            finding = Finding("crash", data, detail, time.perf_counter() - began)
            report.findings.append(finding)
            if on_finding:
                on_finding(finding)
            continue
        elapsed = time.perf_counter() - began
        report.slowest = max(report.slowest, elapsed)
        if found < 0:
            report.refused += 1
        report.claims += max(0, found)
        if hang_seconds is not None and elapsed > hang_seconds:
            finding = Finding("hang", data, f"{elapsed:.1f} s", elapsed)
            report.findings.append(finding)
            if on_finding:
                on_finding(finding)
        if found > 0 and len(pool) < 2000 and rng.random() < 0.05:
            pool.append(data)  # inputs that produce claims are worth mutating further
    report.seconds = time.perf_counter() - started
    return report
