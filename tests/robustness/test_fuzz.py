"""The fuzz target, run on a bounded number of inputs, and every finding kept.

By default the fuzzer runs 200 inputs (a smoke test that the target and the mutator
work); with the slow tests it runs 20,000. Budgets are counts of inputs, never
seconds, so the result does not depend on how busy the machine is. Longer runs:
``python scripts/fuzz.py 600 --save findings/``.

Regressions: the inputs below each once broke the contract or hung (found by the regex
battery, the pathological-input tests and fuzzing while this suite was written). Each
is run at two sizes and its work must grow linearly (:mod:`tests.complexity`); any
file saved by ``scripts/fuzz.py --save`` into ``tests/robustness/regressions/`` is
replayed too.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.complexity import FACTOR, assert_linear
from tests.robustness.fuzzing import (
    SUFFIXES,
    fuzz,
    mutate,
    seed_corpus,
    target,
    target_config,
    target_name,
)

REGRESSION_DIR = Path(__file__).parent / "regressions"
TXT, HTML = bytes([SUFFIXES.index(".txt")]), bytes([SUFFIXES.index(".html")])

# (name, input of size n, n): each was minutes (or a silent drop) at its full size
# before; now the work must grow linearly from n to 4n (tests/complexity.py).
REGRESSIONS: list[tuple[str, Callable[[int], bytes], int]] = [
    # context sentence_end rescanned a run of dots from each dot (quadratic)
    ("dots", lambda n: TXT + b"." * n + b" A", 50_000),
    # said_after rescanned a run of capitals from each letter (quadratic)
    ("capitals", lambda n: TXT + b"A" * n + b" said", 50_000),
    # the abbreviation check re-searched the text since the last sentence end
    ("abbreviations", lambda n: TXT + b"Mr. Ab " * n, 7_500),
    # the e-mail mask rescanned a run without spaces from each character
    ("no spaces", lambda n: TXT + b"a" * n + b"@", 50_000),
    # one "sentence" of prose: figures x dates x gap (cubic), a sentence copy per claim
    ("prose line", lambda n: TXT + b"From 40 countries met on Oct 25, gave $5 million; " * n, 150),
    # lexbor's parse time grows with (start tags x depth): refused now, in a linear scan
    ("deep html", lambda n: HTML + b"<div>" * n + b"12 ships", 50_000),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "build", "size"), REGRESSIONS, ids=[name for name, _, _ in REGRESSIONS]
)
def test_regression_inputs(name: str, build: Callable[[int], bytes], size: int) -> None:
    inputs = {n: build(n) for n in (size, size * FACTOR)}
    assert_linear(lambda n: target(inputs[n]), size, name)


@pytest.mark.parametrize(
    "path", sorted(REGRESSION_DIR.glob("*.bin")) if REGRESSION_DIR.is_dir() else []
)
def test_saved_fuzz_findings(path: Path) -> None:  # pragma: no cover - none saved yet
    """A saved finding must no longer break the contract (the target raises if it does)."""
    target(path.read_bytes())


def test_target_contract_on_basic_inputs() -> None:
    # the date is the count's time, not a claim of its own; the storm's date is one
    assert target(TXT + b"Officials counted 12 ships on Oct 25.") == 1
    assert target(TXT + b"The storm sank 12 ships on Oct 25.") == 2
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
    report = fuzz(None, seed=1, max_inputs=200, hang_seconds=None)
    print(f"\nfuzz smoke: {report.inputs} inputs in {report.seconds:.1f} s")
    assert report.inputs == 200
    assert report.claims > 0  # the mutator keeps inputs meaningful enough to reach claims
    assert not report.findings, [(f.kind, f.detail) for f in report.findings]


@pytest.mark.slow
def test_fuzz_two_minutes() -> None:
    report = fuzz(None, seed=2, max_inputs=20_000, hang_seconds=None)
    print(
        f"\nfuzz: {report.inputs:,} inputs in {report.seconds:.0f} s, "
        f"{report.refused:,} refused, {report.claims:,} claims, "
        f"slowest {report.slowest:.2f} s, {len(report.findings)} findings"
    )
    assert not report.findings, [(f.kind, f.detail, f.data[:80]) for f in report.findings]


# --------------------------------------------------------------- names and settings

NAMES = [
    b"\x01\xff\xfe",  # not UTF-8: one line, the rest read (crashed every command)
    b"\x00gh\n::error file=pwn.txt,line=1::INJECTED\n",  # forged an annotation
    b"\x00evil\x1b]8;;https://x.test\x1b\\link\x1b[2J",  # a link and a cleared screen
    b"\x00\xe2\x80\xaetxt.exe",  # a right-to-left override
    b"\x00b`x`<b>![i](e.png)",  # broke out of a Markdown code span
    b"\x00##[error]x\xe2\x80\xa8y",  # a legacy command and a line separator
]


@pytest.mark.parametrize("name", NAMES, ids=range(len(NAMES)))
def test_name_target_on_names_that_broke_outputs(name: bytes) -> None:
    assert target_name(name) in (-1, 1)  # raises ContractViolation if anything acts


CONFIGS = [
    (b"tolerances = { nearly = 0 }\n", -1),  # an empty interval, then an endless loop
    (b"[tolerances]\nabout = 1\n", -1),
    (b"a = " + b"[" * 5000 + b"]" * 5000 + b"\n", -1),  # RecursionError
    (b"max-size = 99999999999999999999\n", -1),  # OverflowError deeper down
    (b"max-size = " + b"9" * 5000 + b"\n", -1),  # ValueError from int()
    (b'max-size = "99999999999999T"\n', -1),
    (b'max-size = "1024T"\n', 1),
    (b"\xff\xfe", -1),
]


@pytest.mark.parametrize(("config", "result"), CONFIGS, ids=range(len(CONFIGS)))
def test_config_target_on_settings_that_broke_runs(config: bytes, result: int) -> None:
    assert target_config(config) == result


@pytest.mark.parametrize("kind", ["names", "config"])
def test_fuzz_smoke_names_and_settings(kind: str) -> None:
    report = fuzz(None, seed=3, max_inputs=300, hang_seconds=None, kind=kind)
    assert report.inputs == 300
    assert report.claims > 0  # some inputs still read as files or load as settings
    assert not report.findings, [(f.kind, f.detail, f.data[:80]) for f in report.findings]


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["names", "config"])
def test_fuzz_names_and_settings_long(kind: str) -> None:
    report = fuzz(None, seed=4, max_inputs=20_000, hang_seconds=None, kind=kind)
    assert not report.findings, [(f.kind, f.detail, f.data[:80]) for f in report.findings]
