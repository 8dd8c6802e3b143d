"""The fuzz targets and a small mutational fuzzer.

Used by ``scripts/fuzz.py`` (run for N seconds) and by ``test_fuzz.py`` (a few seconds
by default, a minute with the slow tests). Hypothesis "at scale" would also do, but a
mutational fuzzer seeded with real inputs reaches the deep paths (datelines, hedged
ranges, currencies, furniture) much faster than generated noise, and needs nothing
beyond the standard library.

Three targets (:data:`TARGETS`), each with its seed corpus and contract:

* ``articles`` (:func:`target`): decoding and parsing raise nothing but a one-line
  :class:`SourceReadError`; extraction never raises; each claim's quote is
  ``text[start:end]``; intervals are well-formed; every output format renders, and the
  table holds no control character.
* ``names`` (:func:`target_name`): the input is a file name, as bytes. Discovery either
  reads the file or reports it in one line; every claim naming it renders in every
  claim format with nothing that acts (:mod:`hanoicheck.escaping`), and JSON keeps it.
* ``config`` (:func:`target_config`): the input is a ``hanoicheck.toml``. Loading gives
  settings or one :class:`ConfigError` line, never another exception; settings it
  gives can be used (a size limit of at least a byte, every hedge band a fraction above
  0 and below 1: a zero band once made an empty interval and an endless loop).

A violated contract is a *crash*; an input taking longer than ``SLOW_SECONDS`` is a
*hang* (both are findings).
"""

from __future__ import annotations

import json
import os
import random
import tempfile
import time
import traceback
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from hanoicheck.api import NoSourcesError, iter_extract
from hanoicheck.config import ConfigError, load_config
from hanoicheck.escaping import visible
from hanoicheck.extract.pipeline import extract_document, extract_text
from hanoicheck.formats import ClaimFormat, render_claims
from hanoicheck.model import Interval, Kind, SourceError
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


def _acting(char: str) -> bool:
    return not char.isprintable() and unicodedata.category(char) != "Zs" and char != "\n"


def _check_inert(text: str, where: str) -> None:
    """Nothing in ``text`` acts on a terminal, a line reader or a CI runner."""
    if any(_acting(c) for c in text) or "##[" in text:
        raise ContractViolation(f"{where}: an acting character or command marker")
    if any(line.lstrip().startswith("::") for line in text.split("\n")):
        raise ContractViolation(f"{where}: a line that starts a workflow command")


NAME_ARTICLE = "Officials counted 12 ships on Oct 25, 2025.\n"


def _file_name(data: bytes) -> bytes:
    """The input as one path component: no separator or NUL, not empty, not a dot name."""
    name = data.replace(b"/", b"_").replace(b"\x00", b"_")[:200] or b"_"
    return b"_" + name if name in (b".", b"..") else name


def target_name(data: bytes) -> int:
    """Read a folder holding a file named ``data`` (bytes); count the claims naming it.

    The name ends in ``.txt`` when the first byte is even, so most inputs are read.
    Returns -1 when the file is reported instead (not UTF-8, a dot name...).
    """
    name = _file_name(data[1:]) + (b".txt" if not data or data[0] % 2 == 0 else b"")
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(os.fsencode(folder), name)
        with open(path, "wb") as handle:
            handle.write(NAME_ARTICLE.encode())
        try:
            items = list(iter_extract([folder]))
        except NoSourcesError:  # not an article's name (no .txt): said, and nothing read
            return -1
    claims = [c for i in items if not isinstance(i, SourceError) for c in i.claims]
    for item in items:
        if isinstance(item, SourceError):
            message = visible(str(item))
            if "\n" in message:
                raise ContractViolation(f"multi-line error {message!r}")
            _check_inert(message, "error line")
    for fmt in (ClaimFormat.JSONL, ClaimFormat.CSV, ClaimFormat.TABLE):
        _check_inert(render_claims(claims, fmt), str(fmt))
    for line, claim in zip(
        render_claims(claims, ClaimFormat.JSONL).splitlines(), claims, strict=True
    ):
        if json.loads(line)["source"] != claim.source:
            raise ContractViolation("JSONL changed a file name")
    return len(claims) if claims else -1


CONFIG_SEEDS = (
    b'paths = ["articles"]\nexclude = ["drafts", "*.html"]\nfail-on = "warning"\n',
    b"max-size = 1048576\n",
    b'max-size = "64M"\n',
    b"[tolerances]\nabout = 0.05\nnearly = 0.05\nsome = 0.1\n",
    b'synonyms = [["delegates", "representatives"], ["ships", "vessels"]]\n',
    b"tolerances = { nearly = 0.2 }\n",
    b'max_size = "2.5G"\nfail_on = "error"\n',
)


def target_config(data: bytes) -> int:
    """Load ``data`` as ``hanoicheck.toml``; 1 when it gives settings, -1 when refused."""
    with tempfile.TemporaryDirectory() as folder:
        Path(folder, "hanoicheck.toml").write_bytes(data)
        try:
            config = load_config(Path(folder))
        except ConfigError as error:
            if "\n" in str(error):
                raise ContractViolation(f"multi-line config error {str(error)!r}") from None
            return -1
    for held in (False, True):
        if not 1 <= config.size_limit(held=held) <= 1024**5:
            raise ContractViolation(f"size limit {config.size_limit(held=held)}")
    tolerance = config.tolerance()  # refuses a band of 0 or of the whole figure itself
    for value in tolerance.about, tolerance.nearly, tolerance.some:
        if not 0 < value < 1:
            raise ContractViolation(f"hedge band {value}")
    options = config.extract_options()
    for claim in extract_text("Nearly 2.5 ships sank on Oct 3, 2025.", options=options):
        _check_interval(claim.value)
    return 1


CONFIG_TOKENS = (
    "[", "]", "[[", "]]", "{", "}", "=", '"', ",", "\n", "#", "max-size", "max_size",
    "tolerances", "about", "nearly", "some", "paths", "exclude", "synonyms", "fail-on",
    "0", "0.0", "1", "-1", "1e400", "99999999999999999999", "inf", "nan", "true",
    "64M", "99999999999999T", "1024T", "1.5G", "0K", '"error"', '"warning"', "[tool]",
    "[tool.hanoicheck]", "\ufeff", "\x00",
)  # fmt: skip
NAME_TOKENS = (
    "\n", "\r", "::", "##[", "::error file=x,line=1::", "\x1b[2J", "\x1b]8;;", "\u202e",
    "\u2028", "\x85", "`", "<b>", "![", "](", "|", "=", "-", "%0A", ".txt", ".md", ".html",
    " ", "\\", "\t", "~", "..",
)  # fmt: skip


def seed_names() -> list[bytes]:
    """Names that once broke outputs or crashed every command."""
    return [
        b"\x00a.txt", b"\x01\xff\xfe", b"\x00gh\n::error file=pwn.txt,line=1::INJECTED\n",
        b"\x00evil\x1b]8;;https://x.test\x1b\\link", b"\x00b`x`<b>![i](e.png)",
        b"\x00\xe2\x80\xae" + b"txt.exe", b"\x00##[error]x", b"\x00=cmd|' /C calc'!A0",
    ]  # fmt: skip


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


def mutate(
    data: bytes,
    corpus: list[bytes],
    rng: random.Random,
    tokens: tuple[str, ...] = TOKENS,
) -> bytes:
    """One to eight random edits: byte flips, grammar ``tokens``, splices, repeats, cuts."""
    buf = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        position = rng.randint(0, len(buf))
        choice = rng.randrange(9)
        if choice == 0 and buf:  # flip a byte
            buf[min(position, len(buf) - 1)] ^= 1 << rng.randrange(8)
        elif choice == 1:  # a token of the target's grammar
            buf[position:position] = rng.choice(tokens).encode()
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


@dataclass(frozen=True)
class Target:
    """A fuzz target: the function checking one input, its seeds and its grammar."""

    run: Callable[[bytes], int]
    seeds: Callable[[], list[bytes]]
    tokens: tuple[str, ...]


TARGETS: dict[str, Target] = {
    "articles": Target(target, seed_corpus, TOKENS),
    "names": Target(target_name, seed_names, NAME_TOKENS),
    "config": Target(target_config, lambda: list(CONFIG_SEEDS), CONFIG_TOKENS),
}


def fuzz(
    seconds: float | None,
    *,
    seed: int = 0,
    on_finding: Callable[[Finding], None] | None = None,
    max_inputs: int | None = None,
    hang_seconds: float | None = SLOW_SECONDS,
    kind: str = "articles",
) -> Report:
    """Mutate a target's seeds, calling the target on each, until a budget runs out.

    The budget is ``seconds`` of wall clock (``scripts/fuzz.py``), ``max_inputs``
    inputs, or both. Tests give a number of inputs and no hang threshold, so what they
    check does not depend on how busy the machine is; ``hang_seconds`` is for
    interactive runs, where an input that slow is worth a look. ``kind`` names one of
    :data:`TARGETS`.
    """
    if seconds is None and max_inputs is None:
        raise ValueError("give seconds, max_inputs or both")
    chosen = TARGETS[kind]
    rng = random.Random(seed)
    corpus = chosen.seeds()
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
        data = mutate(parent, corpus, rng, chosen.tokens)
        report.inputs += 1
        began = time.perf_counter()
        try:
            found = chosen.run(data)
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
