"""No catastrophic backtracking: every pattern, on adversarial strings, in bounded time.

Patterns are found by introspection (:mod:`tests.robustness.regexes`), so a pattern
added later is covered without being listed here. Each one is run the way the code
runs it (``search``/``finditer`` unless every call site is anchored) over 50,000-char
strings built from runs of the characters and tokens that make regexes backtrack:
letters, capitals, digits, spaces, punctuation runs, separators, and the words of the
pattern itself. A linear pattern takes milliseconds on each; a quadratic one takes
seconds, an exponential one forever, so the per-string bound is generous (1.5 s) and
enforced with a timer signal (``re`` checks for signals while matching), so a runaway
pattern fails the test instead of hanging it.
"""

from __future__ import annotations

import re
import signal
import time
from collections.abc import Iterator
from types import FrameType

import pytest

from tests.robustness.regexes import FoundPattern, collect

LENGTH = 50_000
LIMIT_SECONDS = 1.5

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


def adversarial(pattern: re.Pattern[str], *, full: bool) -> Iterator[str]:
    """Strings of about ``LENGTH`` characters: one repeated atom and a mismatching tail."""
    if full:
        words = _words(pattern)
        atoms = [*ATOMS, *(f"{w} " for w in words), *(f"{w}1" for w in words)]
        tails = TAILS
    else:
        atoms, tails = list(QUICK_ATOMS), QUICK_TAILS
    for atom in atoms:
        body = atom * (LENGTH // len(atom))
        for tail in tails:
            yield body + tail


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
    assert any(n.startswith("sources._") for n in names)  # module-level compiled
    assert any("._patterns()[" in n for n in names)  # @cache'd factories
    assert any(":re." in n for n in names)  # inline literals
    assert "extract.context._patterns()[sentence_end]" in names


def test_every_module_is_inspected() -> None:
    """A module that cannot be imported would have its patterns go unchecked."""
    failures: dict[str, str] = {}
    collect(failures)
    assert failures == {}


def assert_linear(found: FoundPattern, *, full: bool) -> None:
    """Each adversarial string finishes within ``LIMIT_SECONDS`` under this pattern."""
    previous = signal.signal(signal.SIGALRM, _raise_timeout)
    slow: list[str] = []
    try:
        for text in adversarial(found.pattern, full=full):
            started = time.perf_counter()
            signal.setitimer(signal.ITIMER_REAL, LIMIT_SECONDS)
            try:
                run(found, text)
            except _Timeout:
                slow.append(f"{text[:12]!r}... timed out after {LIMIT_SECONDS} s")
                break  # one counterexample is enough, and each costs the full bound
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            elapsed = time.perf_counter() - started
            if elapsed > LIMIT_SECONDS:  # pragma: no cover - the timer normally fires first
                slow.append(f"{text[:12]!r}... took {elapsed:.2f} s")
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
        assert_linear(FoundPattern("old sentence_end", old, "search"), full=False)
