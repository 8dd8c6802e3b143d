"""Score hanoicheck on the realistic corpora: flag precision, recall, must-not violations.

Usage: python scripts/score_realistic.py [GOLD.json ...] [--verbose] [--json OUT]

Without arguments, every ``fixtures/realistic/*/gold.json``. The rules are in
``fixtures/realistic/GOLD_FORMAT.md``; ``--verbose`` lists every wrong flag, missed
contradiction, violation and extraction problem, so a change can be judged case by case.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.realistic.score import CorpusScore, gold_files, score_folder

COLUMNS = (
    ("corpus", lambda s: s.name),
    ("flags", lambda s: str(s.flags)),
    ("right", lambda s: str(s.flags_right)),
    ("precision", lambda s: f"{s.flag_precision:.2f}"),
    ("hard", lambda s: f"{s.hard_found}/{s.hard}"),
    ("hard@error", lambda s: f"{s.hard_at_error}/{s.hard}"),
    ("soft", lambda s: f"{s.soft_found}/{s.soft}"),
    ("must-not viol.", lambda s: f"{len(s.violations)}/{s.must_not}"),
    ("false errors", lambda s: str(len(s.false_errors))),
    ("extr. recall", lambda s: f"{s.extraction_recall:.2f}"),
    ("extr. precision", lambda s: f"{s.extraction_precision:.2f}"),
    ("values", lambda s: f"{s.value_accuracy:.2f}"),
)


def table(scores: list[CorpusScore]) -> str:
    head = "| " + " | ".join(name for name, _ in COLUMNS) + " |"
    rule = "|" + "|".join("---" if i == 0 else "---:" for i in range(len(COLUMNS))) + "|"
    rows = ["| " + " | ".join(get(s) for _, get in COLUMNS) + " |" for s in scores]
    return "\n".join([head, rule, *rows])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="*", type=Path, help="gold files (default: all)")
    parser.add_argument("--verbose", "-v", action="store_true", help="list every case")
    parser.add_argument("--json", type=Path, help="also write the scores as JSON here")
    args = parser.parse_args(argv)
    scores = [score_folder(path)[0] for path in (args.gold or gold_files())]
    print(table(scores))
    if args.verbose:
        for s in scores:
            print(f"\n## {s.name}")
            for title, items in (
                ("wrong flags", s.wrong_flags),
                ("right flags", s.right_flags),
                ("false errors", s.false_errors),
                ("missed", s.missed),
                ("must-not violations", s.violations),
                ("extraction", s.extraction_problems),
            ):
                print(f"\n### {title} ({len(items)})")
                for item in items:
                    print(f"- {item}")
    if args.json:
        args.json.write_text(
            json.dumps([{**vars(s)} for s in scores], indent=1, ensure_ascii=False), "utf-8"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
