"""Fuzz the loaders, extractors, file names or settings for a bounded time.

Usage: python scripts/fuzz.py SECONDS [--target articles|names|config] [--seed N]
       [--save DIR]

Mutates the target's seeds (byte flips, grammar tokens, repeated runs, splices, invalid
UTF-8) and checks each input against the target's contract (tests/robustness/fuzzing.py):
articles go through decode -> parse -> extract -> render (nothing raises, every quote is
text[start:end], every interval well-formed); names are file names as bytes, read from a
folder and rendered in every claim format (one line when unreadable, nothing that acts
in any output); config inputs are hanoicheck.toml files (settings or one ConfigError
line; settings that load are usable: no zero hedge band, no size beyond 1024T). Exit
status 1 when anything was found; with --save, each finding is written to DIR so it can
become a regression test (tests/robustness/regressions/).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.robustness.fuzzing import TARGETS, Finding, fuzz


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seconds", type=float, help="how long to fuzz (wall clock)")
    parser.add_argument(
        "--target", choices=sorted(TARGETS), default="articles", help="what to fuzz"
    )
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--save", type=Path, help="write each finding to this directory")
    args = parser.parse_args(argv)

    def report(finding: Finding) -> None:
        digest = hashlib.sha1(finding.data, usedforsecurity=False).hexdigest()[:12]
        print(f"{finding.kind}: {digest} ({len(finding.data)} bytes): {finding.detail}")
        if args.save:
            args.save.mkdir(parents=True, exist_ok=True)
            (args.save / f"{args.target}-{finding.kind}-{digest}.bin").write_bytes(finding.data)

    result = fuzz(args.seconds, seed=args.seed, on_finding=report, kind=args.target)
    rate = result.inputs / result.seconds if result.seconds else 0.0
    print(
        f"fuzzed {args.target} {result.seconds:.0f} s: {result.inputs:,} inputs ({rate:,.0f}/s), "
        f"{result.refused:,} refused, {result.claims:,} claims or settings, "
        f"slowest input {result.slowest:.2f} s, "
        f"{sum(f.kind == 'crash' for f in result.findings)} crashes, "
        f"{sum(f.kind == 'hang' for f in result.findings)} hangs"
    )
    return 1 if result.findings else 0


if __name__ == "__main__":
    sys.exit(main())
