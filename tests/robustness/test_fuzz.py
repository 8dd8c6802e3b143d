"""The fuzz target, run for a bounded time, and every finding kept as a regression.

By default the fuzzer runs for 3 seconds (a smoke test that the target and the
mutator work); with the slow tests it runs for 2 minutes. Longer runs:
``python scripts/fuzz.py 600 --save findings/``.

Regressions: the inputs below each once broke the contract or hung (found by the regex
battery, the pathological-input tests and fuzzing while this suite was written); any
file saved by ``scripts/fuzz.py --save`` into ``tests/robustness/regressions/`` is
replayed too.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.robustness.fuzzing import SUFFIXES, fuzz, mutate, seed_corpus, target

REGRESSION_DIR = Path(__file__).parent / "regressions"
TXT, HTML = bytes([SUFFIXES.index(".txt")]), bytes([SUFFIXES.index(".html")])

# (name, input, seconds it must finish in); each was minutes (or a silent drop) before.
REGRESSIONS: list[tuple[str, bytes, float]] = [
    # context sentence_end rescanned a run of dots from each dot (quadratic)
    ("dots", TXT + b"." * 200_000 + b" A", 5),
    # said_after rescanned a run of capitals from each letter (quadratic)
    ("capitals", TXT + b"A" * 200_000 + b" said", 5),
    # the abbreviation check re-searched the text since the last sentence end
    ("abbreviations", TXT + b"Mr. Ab " * 30_000, 5),
    # the e-mail mask rescanned a run without spaces from each character
    ("no spaces", TXT + b"a" * 200_000 + b"@", 5),
    # one "sentence" of prose: figures x dates x gap (cubic), a sentence copy per claim
    ("prose line", TXT + b"From 40 countries met on Oct 25, gave $5 million; " * 1200, 10),
    # lexbor's parse time grows with (start tags x depth): refused now, in a linear scan
    ("deep html", HTML + b"<div>" * 100_000 + b"12 ships", 5),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "data", "bound"), REGRESSIONS, ids=[name for name, _, _ in REGRESSIONS]
)
def test_regression_inputs(name: str, data: bytes, bound: float) -> None:
    started = time.perf_counter()
    target(data)
    assert time.perf_counter() - started < bound, name


@pytest.mark.parametrize(
    "path", sorted(REGRESSION_DIR.glob("*.bin")) if REGRESSION_DIR.is_dir() else []
)
def test_saved_fuzz_findings(path: Path) -> None:  # pragma: no cover - none saved yet
    started = time.perf_counter()
    target(path.read_bytes())
    assert time.perf_counter() - started < 5


def test_target_contract_on_basic_inputs() -> None:
    assert target(TXT + b"Officials counted 12 ships on Oct 25.") == 2
    assert target(TXT + b"\x00binary") == -1
    assert target(TXT + b"\xff\xfe") == -1
    assert target(b"") == -1


def test_mutation_is_deterministic_and_bounded() -> None:
    import random

    corpus = seed_corpus()
    assert len(corpus) >= 5
    first = [mutate(corpus[0], corpus, random.Random(7)) for _ in range(3)]
    again = [mutate(corpus[0], corpus, random.Random(7)) for _ in range(3)]
    assert first == again
    assert all(len(m) <= 64 * 1024 for m in first)


def test_fuzz_smoke() -> None:
    report = fuzz(3, seed=1)
    print(f"\nfuzz smoke: {report.inputs} inputs in {report.seconds:.1f} s")
    assert report.inputs >= 50
    assert report.claims > 0  # the mutator keeps inputs meaningful enough to reach claims
    assert not report.findings, [(f.kind, f.detail) for f in report.findings]


@pytest.mark.slow
def test_fuzz_two_minutes() -> None:
    report = fuzz(120, seed=2)
    print(
        f"\nfuzz: {report.inputs:,} inputs in {report.seconds:.0f} s, "
        f"{report.refused:,} refused, {report.claims:,} claims, "
        f"slowest {report.slowest:.2f} s, {len(report.findings)} findings"
    )
    assert not report.findings, [(f.kind, f.detail, f.data[:80]) for f in report.findings]
