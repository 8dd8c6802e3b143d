"""No catastrophic backtracking: every pattern's work grows linearly on adversarial input.

Patterns are found by introspection (:mod:`tests.robustness.regexes`), so a pattern
added later is covered without being listed here. Each one is run the way the code
runs it (``search``/``finditer`` unless every call site is anchored) over strings
built from runs of the characters and tokens that make regexes backtrack: letters,
capitals, digits, spaces, punctuation runs, separators, and the words of the pattern
itself. Each string is run at 12,500 and 50,000 characters and the CPU time must grow
linearly (:mod:`tests.complexity`): a quadratic pattern grows sixteen-fold, whatever
the machine's load. An exponential one would never finish, so a timer signal (``re``
checks for signals while matching) stops a runaway after :data:`RUNAWAY_SECONDS` and
fails the test instead of hanging it; that timer is a stop, not a speed bound.
"""

from __future__ import annotations

import re
import signal
from collections.abc import Iterator
from types import FrameType

import pytest

from tests.complexity import FACTOR, LINEAR_LIMIT, growth
from tests.robustness.regexes import FoundPattern, collect

LENGTH = 50_000
RUNAWAY_SECONDS = 60.0

# Runs of these make patterns backtrack: every class a quantifier might loop over, and
# the tokens (months, hedges, currencies, abbreviations, URLs) the patterns look for.
ATOMS = (
    "a", "A", "1", " ", "\t", "\n", ".", ",", "-", "!", "@", "(", ")", "'", "\u2019",
    "\u2026", "\u2014", "é", "Aa ", "a ", "A ", "1 ", "1,", "1.", "1-", "12 ", "1 a ",
    "A.", "a.", "A-", "Mr. A ", "Oct ", "Oct 1 ", "1 Oct ", "12 ships ", "more than ",
    "$1 ", "US$ ", "said ", "of ", "Article 1 ", "https://a", "a@a", "left ",
    "- AB ", "(photo: ", "2025-", "20251", "/2025/", "A, ", "one ", "one-",
)  # fmt: skip
TAILS = ("", "!", "\x00")
# The default run: the single characters and short tokens that caught every quadratic
# pattern found so far, one mismatching tail; the full battery runs with the slow tests.
QUICK_ATOMS = ("a", "A", "1", " ", "\n", ".", ",", "-", "@", "(", "Aa ", "1 ", "1,", "A.", "Mr. A ")
QUICK_TAILS = ("!",)


def _words(pattern: re.Pattern[str]) -> list[str]:
    """Literal words of the pattern itself ("million", "said"), as extra atoms."""
    words = dict.fromkeys(re.findall(r"[A-Za-z]{3,}", pattern.pattern))
    return list(words)[:12]


def adversarial(pattern: re.Pattern[str], *, full: bool) -> Iterator[tuple[str, str]]:
    """``(atom, tail)``: strings of one repeated atom and a mismatching tail."""
    if full:
        words = _words(pattern)
        atoms = [*ATOMS, *(f"{w} " for w in words), *(f"{w}1" for w in words)]
        tails = TAILS
    else:
        atoms, tails = list(QUICK_ATOMS), QUICK_TAILS
    for atom in atoms:
        for tail in tails:
            yield atom, tail


def build(atom: str, tail: str, length: int) -> str:
    """About ``length`` characters of ``atom`` repeated, then ``tail``."""
    return atom * (length // len(atom)) + tail


class _Timeout(Exception):
    pass


def _raise_timeout(signum: int, frame: FrameType | None) -> None:
    raise _Timeout


def run(found: FoundPattern, text: str) -> None:
    """Use the pattern on ``text`` the way the package does."""
    pattern = found.pattern
    if found.mode == "anchored":
        pattern.match(text)
        pattern.fullmatch(text)
        pattern.match(text, len(text) // 2)
    else:
        for _ in pattern.finditer(text):
            pass


PATTERNS = collect()


def test_patterns_are_found() -> None:
    """Introspection really finds the package's patterns, of each origin."""
    names = [p.name for p in PATTERNS]
    assert len(PATTERNS) >= 40
    assert any(n.startswith("sources.bylines._") for n in names)  # module-level compiled
    assert any("._patterns()[" in n for n in names)  # @cache'd factories
    assert any(":re." in n for n in names)  # inline literals
    assert "extract.context._patterns()[sentence_end]" in names


def test_every_module_is_inspected() -> None:
    """A module that cannot be imported would have its patterns go unchecked."""
    failures: dict[str, str] = {}
    collect(failures)
    assert failures == {}


def assert_linear(found: FoundPattern, *, full: bool, length: int = LENGTH) -> None:
    """The pattern's work grows linearly on each adversarial string (one retry each)."""
    previous = signal.signal(signal.SIGALRM, _raise_timeout)
    slow: list[str] = []
    small = length // FACTOR
    try:
        for atom, tail in adversarial(found.pattern, full=full):
            texts = {n: build(atom, tail, n) for n in (small, length)}

            def scan(n: int, texts: dict[int, str] = texts) -> None:
                run(found, texts[n])

            signal.setitimer(signal.ITIMER_REAL, RUNAWAY_SECONDS)
            try:
                measured = growth(scan, small)
                if measured.ratio >= LINEAR_LIMIT:
                    measured = growth(scan, small)
            except _Timeout:
                slow.append(f"{texts[small][:12]!r}... still running after {RUNAWAY_SECONDS} s")
                break  # one counterexample is enough, and each costs the full wait
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            if measured.ratio >= LINEAR_LIMIT:
                slow.append(f"{texts[small][:12]!r}... grows {measured}")
    finally:
        signal.signal(signal.SIGALRM, previous)
    assert not slow, f"{found.name} ({found.mode}) backtracks: {slow}"


@pytest.mark.parametrize("found", PATTERNS, ids=[p.name for p in PATTERNS])
def test_pattern_is_linear_on_adversarial_input(found: FoundPattern) -> None:
    assert_linear(found, full=False)


@pytest.mark.slow
@pytest.mark.parametrize("found", PATTERNS, ids=[p.name for p in PATTERNS])
def test_pattern_is_linear_on_the_full_battery(found: FoundPattern) -> None:
    assert_linear(found, full=True)


def test_the_quick_battery_catches_a_quadratic_pattern() -> None:
    """The harness itself works: the pre-fix sentence splitter (quadratic) is caught."""
    old = re.compile(r"[.!?\u2026]+[\"\u201d\u2019')\]]*\s+(?=[\"\u201c\u2018(\[]?[A-Z0-9])")
    with pytest.raises(AssertionError, match="backtracks"):
        # 8,000 characters: enough to see it grow sixteen-fold, quick to run
        assert_linear(FoundPattern("old sentence_end", old, "search"), full=False, length=8_000)
