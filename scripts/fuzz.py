"""Fuzz the loaders and extractors for a bounded time; print what ran and what broke.

Usage: python scripts/fuzz.py SECONDS [--seed N] [--save DIR]

Mutates the bundled articles (byte flips, grammar tokens, HTML fragments, repeated
runs, splices, invalid UTF-8) and runs each input through decode -> parse -> extract ->
render (the target in tests/robustness/fuzzing.py), checking that nothing raises, every
quote is text[start:end] and every interval is well-formed. Exit status 1 when anything
was found; with --save, each finding is written to DIR so it can become a regression
test (tests/robustness/regressions/).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.robustness.fuzzing import Finding, fuzz


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seconds", type=float, help="how long to fuzz (wall clock)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--save", type=Path, help="write each finding to this directory")
    args = parser.parse_args(argv)

    def report(finding: Finding) -> None:
        digest = hashlib.sha1(finding.data, usedforsecurity=False).hexdigest()[:12]
        print(f"{finding.kind}: {digest} ({len(finding.data)} bytes): {finding.detail}")
        if args.save:
            args.save.mkdir(parents=True, exist_ok=True)
            (args.save / f"{finding.kind}-{digest}.bin").write_bytes(finding.data)

    result = fuzz(args.seconds, seed=args.seed, on_finding=report)
    rate = result.inputs / result.seconds if result.seconds else 0.0
    print(
        f"fuzzed {result.seconds:.0f} s: {result.inputs:,} inputs ({rate:,.0f}/s), "
        f"{result.refused:,} refused by the loader, {result.claims:,} claims extracted, "
        f"slowest input {result.slowest:.2f} s, "
        f"{sum(f.kind == 'crash' for f in result.findings)} crashes, "
        f"{sum(f.kind == 'hang' for f in result.findings)} hangs"
    )
    return 1 if result.findings else 0


if __name__ == "__main__":
    sys.exit(main())
