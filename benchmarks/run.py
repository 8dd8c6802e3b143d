"""The hanoicheck benchmark: throughput, memory, conflict precision/recall, and peers.

Usage (from the repository root, in a virtualenv with ``pip install -e '.[bench]'``)::

    python benchmarks/run.py --sizes 1000 10000 --runs 3 --out benchmarks/results.json
    python benchmarks/run.py --sizes 100000 --runs 1 --peer-sample 1000

For each size it generates (once, cached under ``--workdir``) a synthetic corpus with
``benchmarks/generate.py``, then measures every run **in a fresh Python process**, so
caches are cold as for a user and peak memory belongs to that run alone:

* extraction: discovery + reading + extraction of every article through
  :func:`hanoicheck.api.extract_paths` as ``report`` and ``conflicts`` call it
  (streamed from the workers, texts dropped, equal claim parts shared), articles/s
  and MB/s;
* reconciliation: :func:`hanoicheck.reconcile.reconcile` over all the claims (when the
  reconciler is installed), and end-to-end = extraction + reconciliation;
* peak RSS of the parent and of the largest worker process, and CPU seconds (user+sys,
  parent and workers), which a busy machine distorts less than wall time;
* the CLI, each command in a child process with its own peak RSS:
  ``hanoicheck extract corpus -f jsonl -o FILE -q`` and
  ``hanoicheck conflicts corpus -f json -o FILE -q`` (the whole end to end);
* extraction precision/recall against the generated gold, and planted-conflict
  precision/recall (see ``benchmarks/score.py``).

Peers (``--peer-sample`` articles, the first ones of the corpus; the same documents,
already loaded, for every tool, one process): dateparser's ``search_dates`` and
datefinder against hanoicheck's date claims, quantulum3 against its count and money
claims; throughput and F1 reported as ratios to hanoicheck's.

Timings are medians of ``--runs`` runs; the machine, load average and date are
recorded with the results.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import DEFAULT_SEED, generate  # noqa: E402


def rusage() -> dict[str, float]:
    """Peak RSS (MB) and CPU seconds of this process and of its finished children."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS
    return {
        "peak_rss_mb": round(own.ru_maxrss / scale, 1),
        "peak_rss_worker_mb": round(kids.ru_maxrss / scale, 1),
        "cpu_s": round(own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime, 2),
    }


# --------------------------------------------------------------------------- one run


def one_run(
    directory: Path, jobs: int | None, score: bool, reconcile_claims: bool = True
) -> dict[str, Any]:
    """Extract (and reconcile) the corpus in ``directory``; runs in its own process."""
    started = time.perf_counter()
    from hanoicheck.api import extract_paths

    os.chdir(directory)
    manifest = json.loads(Path("manifest.json").read_text("utf-8"))
    t0 = time.perf_counter()
    # what `report` and `conflicts` do: texts dropped, claims' equal parts shared
    extraction = extract_paths(["corpus"], jobs=jobs, keep_text=False)
    extract_s = time.perf_counter() - t0
    claims = extraction.claims
    documents, errors = len(extraction.documents), len(extraction.errors)
    result: dict[str, Any] = {
        "articles": documents,
        "errors": errors,
        "claims": len(claims),
        "import_s": round(t0 - started, 3),
        "extract_s": round(extract_s, 3),
        "articles_per_s": round(documents / extract_s, 1),
        "mb_per_s": round(manifest["bytes"] / 1e6 / extract_s, 3),
    }
    conflicts: Any = None
    result["reconcile_s"] = None
    try:
        from hanoicheck.reconcile import reconcile
    except ImportError:  # the reconciler is not installed in this checkout
        reconcile_claims = False
    if reconcile_claims:
        t1 = time.perf_counter()
        reconciled = reconcile(claims)
        result["reconcile_s"] = round(time.perf_counter() - t1, 3)
        conflicts = reconciled.conflicts
        result["conflicts"] = len(conflicts)
        result["groups"] = len(reconciled.groups)
    result["end_to_end_s"] = round(time.perf_counter() - started, 3)
    result.update(rusage())
    if score:
        from score import ClaimIndex, score_conflicts, score_extraction

        index = ClaimIndex()
        index.add(claims)
        gold = Path("gold")
        result["extraction"] = score_extraction(gold / "claims.jsonl", index, len(claims)).as_dict()
        if conflicts is not None:
            result["planted_conflicts"] = score_conflicts(
                gold / "conflicts.jsonl", index, conflicts
            ).as_dict()
    return result


def _timed_child(command: list[str], cwd: Path) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak RSS (MB) of one child and its workers."""
    t0 = time.perf_counter()
    child_process = subprocess.Popen(command, cwd=cwd)
    _, status, usage = os.wait4(child_process.pid, 0)
    wall = time.perf_counter() - t0
    child_process.returncode = os.waitstatus_to_exitcode(status)
    if child_process.returncode not in (0, 1):  # 1: conflicts found, which is fine here
        raise subprocess.CalledProcessError(child_process.returncode, command)
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / scale


def cli_run(directory: Path, jobs: int | None) -> dict[str, Any]:
    """The two CLI runs a user makes, each in a child process, timed from outside.

    ``hanoicheck extract corpus -f jsonl -o FILE -q`` (claims, streamed to a file) and
    ``hanoicheck conflicts corpus -f json -o FILE -q`` (extraction, reconciliation and
    the conflict table: the command's whole end to end).
    """
    jobs_option = ["--jobs", str(jobs)] if jobs else []
    base = [sys.executable, "-m", "hanoicheck.cli"]
    claims_file = directory / "claims.jsonl"
    extract = [*base, "extract", "corpus", "-f", "jsonl", "-o", str(claims_file), "-q"]
    wall, cpu, rss = _timed_child(extract + jobs_option, directory)
    lines = sum(1 for _ in claims_file.open("rb"))
    claims_file.unlink()
    result: dict[str, Any] = {
        "cli_extract_s": round(wall, 3),
        "cli_cpu_s": round(cpu, 2),
        "cli_claims": lines,
        "cli_extract_peak_rss_mb": round(rss, 1),
    }
    table = directory / "conflicts.json"
    conflicts = [*base, "conflicts", "corpus", "-f", "json", "-o", str(table), "-q"]
    wall, cpu, rss = _timed_child(conflicts + jobs_option, directory)
    table.unlink()
    result.update(
        cli_conflicts_s=round(wall, 3),
        cli_conflicts_cpu_s=round(cpu, 2),
        cli_conflicts_peak_rss_mb=round(rss, 1),
    )
    return result


# --------------------------------------------------------------------------- peers


def peer_run(directory: Path, sample: int) -> dict[str, Any]:
    """hanoicheck vs dateparser/datefinder/quantulum3 on the same loaded documents."""
    import warnings

    warnings.filterwarnings("ignore")
    from hanoicheck.extract.pipeline import extract_document
    from hanoicheck.sources import discover, load_document

    os.chdir(directory)
    gold_by_path: dict[str, list[dict[str, Any]]] = {}
    paths = [p for p in discover(["corpus"]) if isinstance(p, Path)][: sample or None]
    wanted = {p.as_posix() for p in paths}
    from score import read_jsonl

    for doc in read_jsonl(Path("gold/claims.jsonl")):
        if doc["path"] in wanted:
            gold_by_path[doc["path"]] = doc["claims"]
    documents = [load_document(p) for p in paths]
    nbytes = sum(len(d.text.encode("utf-8")) for d in documents)

    tools: dict[str, Any] = {}

    def hanoicheck_tool() -> list[list[tuple[str, int, int, Any]]]:
        out = []
        for document in documents:
            found = []
            for claim in extract_document(document):
                value = claim.value.nominal
                found.append((str(claim.kind), claim.start, claim.end, value))
            out.append(found)
        return out

    def dateparser_tool() -> list[list[tuple[str, int, int, Any]]]:
        from dateparser.search import search_dates

        out = []
        for document in documents:
            base = dt.datetime.fromisoformat(document.date) if document.date else None
            settings: dict[str, Any] = {"PREFER_DATES_FROM": "past"}
            if base:
                settings["RELATIVE_BASE"] = base
            hits = search_dates(document.text, languages=["en"], settings=settings) or []
            found, cursor = [], 0
            for surface, when in hits:
                start = document.text.find(surface, cursor)
                if start < 0:
                    start = document.text.find(surface)
                if start < 0:
                    continue
                cursor = start + len(surface)
                found.append(("date", start, start + len(surface), when.date().isoformat()))
            out.append(found)
        return out

    def datefinder_tool() -> list[list[tuple[str, int, int, Any]]]:
        import datefinder

        out = []
        for document in documents:
            base = dt.datetime.fromisoformat(document.date) if document.date else None
            found = []
            for when, _surface, (start, end) in datefinder.find_dates(
                document.text, source=True, index=True, base_date=base
            ):
                found.append(("date", start, end, when.date().isoformat()))
            out.append(found)
        return out

    def quantulum_tool() -> list[list[tuple[str, int, int, Any]]]:
        from quantulum3 import parser

        out = []
        for document in documents:
            found = []
            for quantity in parser.parse(document.text):
                start, end = quantity.span
                found.append(("quantity", start, end, float(quantity.value)))
            out.append(found)
        return out

    runners = {
        "hanoicheck": hanoicheck_tool,
        "dateparser.search_dates": dateparser_tool,
        "datefinder": datefinder_tool,
        "quantulum3": quantulum_tool,
    }
    outputs: dict[str, Any] = {}
    for name, runner in runners.items():
        try:
            t0 = time.perf_counter()
            outputs[name] = runner()
            seconds = time.perf_counter() - t0
        except ImportError as error:
            tools[name] = {"error": f"not installed ({error.name})"}
            continue
        tools[name] = {
            "seconds": round(seconds, 3),
            "articles_per_s": round(len(documents) / seconds, 1),
            "mb_per_s": round(nbytes / 1e6 / seconds, 3),
        }
    classes = {"dates": {"date"}, "quantities": {"count", "money"}}
    peers_of = {"dates": ["dateparser.search_dates", "datefinder"], "quantities": ["quantulum3"]}
    comparison: dict[str, Any] = {}
    for cls, kinds in classes.items():
        ours = _f1(documents, gold_by_path, outputs.get("hanoicheck"), kinds)
        comparison[cls] = {"hanoicheck": ours}
        for peer in peers_of[cls]:
            if peer not in outputs:
                continue
            theirs = _f1(documents, gold_by_path, outputs[peer], kinds)
            theirs["f1_ratio"] = round(theirs["f1"] / ours["f1"], 3) if ours["f1"] else None
            theirs["throughput_ratio"] = round(
                tools[peer]["articles_per_s"] / tools["hanoicheck"]["articles_per_s"], 4
            )
            comparison[cls][peer] = theirs
    return {"sample": len(documents), "bytes": nbytes, "tools": tools, "comparison": comparison}


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _f1(
    documents: list[Any],
    gold_by_path: dict[str, list[dict[str, Any]]],
    outputs: list[list[tuple[str, int, int, Any]]] | None,
    kinds: set[str],
) -> dict[str, Any]:
    """Lenient, tool-neutral matching: a found item overlapping a gold anchor of the
    right class whose value equals the gold's nominal value (the start of a range).
    Units, hedges and meaning are not compared, since the peers do not produce them.
    """
    if outputs is None:
        return {"f1": 0.0}
    tp = predicted = gold_total = 0
    for document, found in zip(documents, outputs, strict=True):
        golds = [g for g in gold_by_path.get(document.source, []) if g["kind"] in kinds]
        gold_total += len(golds)
        used: set[int] = set()
        for kind, start, end, value in found:
            if kind not in kinds and kind != "quantity":
                continue
            if kind == "quantity" and "date" in kinds:
                continue
            predicted += 1
            line, column = _line_col(document.text, start)
            length = end - start
            for number, gold in enumerate(golds):
                if number in used or gold["line"] != line:
                    continue
                g_start, g_end = gold["column"], gold["column"] + len(gold["anchor"])
                if not (column < g_end and g_start < column + length):
                    continue
                nominal = gold["value"]["nominal"]
                same = (
                    value == nominal
                    if isinstance(nominal, str)
                    else isinstance(value, int | float)
                    and abs(float(value) - float(nominal)) <= 1e-6 * max(1.0, abs(nominal))
                )
                if same:
                    tp += 1
                    used.add(number)
                    break
    p = tp / predicted if predicted else 0.0
    r = tp / gold_total if gold_total else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "gold": gold_total,
        "predicted": predicted,
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(f1, 4),
    }


# --------------------------------------------------------------------------- driver


def machine() -> dict[str, Any]:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        import psutil

        ram = round(psutil.virtual_memory().total / 2**30, 1)
    except ImportError:
        ram = None
    return {
        "cpu": cpu,
        "cpus": os.cpu_count(),
        "ram_gb": ram,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }


def child(args: list[str]) -> dict[str, Any]:
    output = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), *args],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return dict(json.loads(output.strip().splitlines()[-1]))


def median_of(runs: list[dict[str, Any]], key: str) -> Any:
    values = [r[key] for r in runs if r.get(key) is not None]
    return round(statistics.median(values), 3) if values else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=None, help="default: automatic")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/hanoicheck-bench"))
    parser.add_argument("--peer-sample", type=int, default=1000, help="0: every article")
    parser.add_argument("--no-cli", action="store_true", help="skip the CLI timing")
    parser.add_argument("--out", type=Path, default=None, help="write results JSON here")
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--peers", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--no-score", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--no-reconcile", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument(
        "--reconcile-up-to", type=int, default=None,
        help="skip reconciliation for sizes above this many articles",
    )  # fmt: skip
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(one_run(args.one, args.jobs, not args.no_score, not args.no_reconcile)))
        return 0
    if args.peers:
        print(json.dumps(peer_run(args.peers, args.peer_sample)))
        return 0

    report: dict[str, Any] = {
        "date": dt.date.today().isoformat(),
        "machine": machine(),
        "command": " ".join([Path(sys.executable).name, *sys.argv]),
        "seed": args.seed,
        "jobs": args.jobs,
        "sizes": {},
    }
    for size in args.sizes:
        directory = args.workdir / f"n{size}-s{args.seed}"
        if not (directory / "manifest.json").exists():
            print(f"generating {size} articles in {directory}", file=sys.stderr)
            generate(directory, size, args.seed)
        manifest = json.loads((directory / "manifest.json").read_text("utf-8"))
        runs = []
        for number in range(args.runs):
            extra = ["--jobs", str(args.jobs)] if args.jobs else []
            if args.reconcile_up_to is not None and size > args.reconcile_up_to:
                extra.append("--no-reconcile")
            run = child(["--one", str(directory), *extra, *(["--no-score"] if number else [])])
            if not args.no_cli:
                run.update(cli_run(directory, args.jobs))
            run["load_average"] = [round(x, 2) for x in os.getloadavg()]
            print(f"n={size} run {number + 1}: {json.dumps(run)}", file=sys.stderr)
            runs.append(run)
        keys = ["extract_s", "articles_per_s", "mb_per_s", "reconcile_s", "end_to_end_s"]
        keys += ["peak_rss_mb", "peak_rss_worker_mb", "cpu_s", "cli_extract_s", "cli_cpu_s"]
        keys += ["cli_extract_peak_rss_mb", "cli_conflicts_s", "cli_conflicts_peak_rss_mb"]
        entry: dict[str, Any] = {
            "manifest": manifest,
            "median": {key: median_of(runs, key) for key in keys},
            "runs": runs,
        }
        if args.peer_sample >= 0 and size == args.sizes[0]:  # same first articles at every size
            entry["peers"] = child(
                ["--peers", str(directory), "--peer-sample", str(args.peer_sample)]
            )
            print(f"n={size} peers: {json.dumps(entry['peers'])}", file=sys.stderr)
        report["sizes"][str(size)] = entry
    text = json.dumps(report, indent=2)
    if args.out:
        args.out.write_text(text + "\n", "utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
