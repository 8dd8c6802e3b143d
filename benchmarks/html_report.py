"""How big and how slow the HTML report is at scale, and whether a browser still copes.

Usage (from the repository root, in the project's virtualenv)::

    python benchmarks/generate.py /tmp/corpus-10k --articles 10000
    python benchmarks/html_report.py /tmp/corpus-10k/corpus --runs 3 --out /tmp/html-10k.json

The corpus is extracted and reconciled once (timed, but that is the reconciler's
benchmark, ``benchmarks/run.py``); then the page is rendered ``--runs`` times for the
conflicts and for the whole fact table (``--all``), as ``report --format html`` and
``conflicts --format html --all`` write it, and the median render time and the size of
the page are reported. With ``--browser`` (and Chromium installed) each page is opened
in headless Chromium, which reports how long the page took to load, and how long the
search box took to filter every card: the page must stay usable, not only be written.

Timings are wall-clock medians; the load average is recorded next to them, since a
busy machine stretches them.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hanoicheck.api import reconcile_paths  # noqa: E402
from hanoicheck.formats.html import render  # noqa: E402


def _render(report: Any, show_all: bool) -> tuple[float, str]:
    started = time.perf_counter()
    text = "".join(
        render(
            report.reconciliation,
            documents=report.extraction.documents,
            errors=[str(e) for e in report.extraction.errors],
            show_all=show_all,
        )
    )
    return time.perf_counter() - started, text


def _browse(path: Path) -> dict[str, float]:
    """Load the page in headless Chromium; time the load and one search over all cards."""
    from tests.formats.chromium import Browser

    with Browser.launch() as browser:
        started = time.perf_counter()
        page = browser.open(path)
        loaded = time.perf_counter() - started
        timing = page.evaluate(
            "(() => { const t = performance.getEntriesByType('navigation')[0];"
            " return [t.domContentLoadedEventEnd, t.loadEventEnd]; })()"
        )
        search = page.evaluate(
            "(() => { const q = document.querySelector('input[name=q]');"
            " const t0 = performance.now(); q.value = 'countries';"
            " q.dispatchEvent(new Event('input', {bubbles: true}));"
            " return performance.now() - t0; })()"
        )
        errors = page.errors()
    return {
        "open_seconds": round(loaded, 3),
        "dom_content_loaded_ms": round(timing[0], 1),
        "load_event_ms": round(timing[1], 1),
        "first_search_ms": round(search, 1),
        "script_errors": len(errors),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "corpus", type=Path, nargs="?", help="a corpus folder (benchmarks/generate.py)"
    )
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--browser", action="store_true", help="also open the pages in Chromium")
    parser.add_argument("--out", type=Path, help="write the results as JSON here")
    parser.add_argument(
        "--report",
        type=Path,
        help="a pickled hanoicheck.api.Report to render instead of reconciling the corpus "
        "(written with --save-report by an earlier run): render timings without waiting "
        "for the reconciler again",
    )
    parser.add_argument("--save-report", type=Path, help="pickle the reconciled Report here")
    args = parser.parse_args()

    started = time.perf_counter()
    if args.report:
        with args.report.open("rb") as handle:
            report = pickle.load(handle)  # a file this script wrote: trusted
    else:
        report = reconcile_paths([args.corpus], jobs=None)
    reconcile_seconds = time.perf_counter() - started
    if args.save_report:
        with args.save_report.open("wb") as handle:
            pickle.dump(report, handle)
    result = report.reconciliation
    results: dict[str, Any] = {
        "date": time.strftime("%Y-%m-%d"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "articles": len(report.extraction.documents),
        "claims": result.claim_count,
        "groups": len(result.groups),
        "conflicts": len(result.conflicts),
        "extract_and_reconcile_seconds": None if args.report else round(reconcile_seconds, 2),
        "pages": {},
    }
    with tempfile.TemporaryDirectory(prefix="hanoicheck-html-") as folder:
        for name, show_all in (("conflicts", False), ("all", True)):
            times = []
            for _ in range(args.runs):
                seconds, text = _render(report, show_all)
                times.append(seconds)
            path = Path(folder) / f"{name}.html"
            path.write_text(text, "utf-8")
            page: dict[str, Any] = {
                "cards": len(result.groups if show_all else result.conflicts),
                "render_seconds_median": round(statistics.median(times), 3),
                "render_seconds_runs": [round(t, 3) for t in times],
                "megabytes": round(len(text.encode("utf-8")) / 1e6, 2),
                "load_average": os.getloadavg()[0],
            }
            if args.browser:
                page["browser"] = _browse(path)
            results["pages"][name] = page
            print(name, json.dumps(page), flush=True)
    if args.out:
        args.out.write_text(json.dumps(results, indent=2) + "\n", "utf-8")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
