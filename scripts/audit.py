"""Re-run the hostile-input audit of issue 18 against the real command line.

Usage: python scripts/audit.py [--fuzz SECONDS] [--keep DIR]

Each case runs ``hanoicheck`` in a fresh process (2 GB address-space cap, a timeout) in
a scratch folder, the way the audit did, and is judged on four counts:

* crashes: a traceback, a death by signal, or an exit code the command does not give
  for that case (``check`` exits 1 only for findings; everything here is 0 or 2);
* hangs: the timeout or the memory cap was reached;
* data lost: a file the run had no business changing was changed, replaced or removed
  (an earlier output, a user's file given as ``--cache``, ``/dev/null``, a FIFO, a
  symlink, a file's mode), a temporary file was left behind, or a value was altered;
* unsafe output: a byte that acts (a control character, a bidi override, a workflow
  command) reached stdout, stderr or a written file.

It prints one row per case and the totals, and exits 1 unless every count is 0. The
special-file cases use the real ``/dev/null`` and ``/dev/stdout`` (as the audit did, as
root); the fuzz rows run the three targets of ``tests/robustness/fuzzing.py``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

MEMORY_CAP = 2 * 1024**3
TIMEOUT = 180.0
OUR_COMMANDS = ("::error file=", "::warning file=", "::notice title=")
FORGED = "gh\n::error file=pwn.txt,line=1::INJECTED\n.txt"
HOSTILE = "\x1b[2J\x1b]8;;https://evil.test\x1b\\ ##[error]x ::warning::y \u202e <img src=x> `x`"
ARTICLE_A = "date: 2026-06-10\nDelegates said 72 countries signed the Accord.\n"
ARTICLE_B = "date: 2026-06-10\nDelegates said 75 countries signed the Accord.\n"


@dataclass
class Run:
    """One process: exit code (None: timed out), output, whether it hit the memory cap."""

    returncode: int | None
    stdout: str
    stderr: str
    seconds: float


@dataclass
class Row:
    """One audit case and what it found."""

    case: str
    runs: int = 0
    crashes: list[str] = field(default_factory=list)
    hangs: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)
    unsafe: list[str] = field(default_factory=list)


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def cli(*args: str | Path, cwd: Path, timeout: float = TIMEOUT, env: dict[str, str] | None = None,
        stdin: int | None = subprocess.DEVNULL) -> Run:  # fmt: skip
    """``hanoicheck ARGS`` in a fresh, capped process."""
    environment = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(REPO), **(env or {})}
    started = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "hanoicheck.cli", *map(os.fsdecode, args)],
            cwd=cwd, capture_output=True, timeout=timeout, env=environment, stdin=stdin,
            preexec_fn=_limits, check=False,
        )  # fmt: skip
    except subprocess.TimeoutExpired as expired:
        out = (expired.stdout or b"").decode("utf-8", "replace")
        err = (expired.stderr or b"").decode("utf-8", "replace")
        return Run(None, out, err, time.perf_counter() - started)
    return Run(
        done.returncode,
        done.stdout.decode("utf-8", "replace"),
        done.stderr.decode("utf-8", "replace"),
        time.perf_counter() - started,
    )


def _acting(char: str) -> bool:
    return not char.isprintable() and unicodedata.category(char) != "Zs" and char != "\n"


def unsafe_text(text: str) -> str | None:
    """Why ``text`` is not inert, or None."""
    if any(_acting(c) for c in text):
        return "an acting character"
    if "##[" in text:
        return "a legacy workflow command"
    for line in text.split("\n"):
        stripped = line.lstrip()
        if stripped.startswith("::") and not stripped.startswith(OUR_COMMANDS):
            return f"a forged workflow command: {stripped[:40]!r}"
    return None


def judge(row: Row, label: str, run: Run, expected: tuple[int, ...] = (0, 2)) -> None:
    """Count one run: crash, hang, unsafe output."""
    row.runs += 1
    if run.returncode is None:
        row.hangs.append(f"{label}: timed out after {run.seconds:.0f} s")
        return
    if "MemoryError" in run.stderr or run.returncode in (-signal.SIGKILL,):
        row.hangs.append(f"{label}: memory cap")
    elif "Traceback" in run.stderr or run.returncode < 0 or run.returncode not in expected:
        row.crashes.append(f"{label}: exit {run.returncode}: {run.stderr.strip()[-200:]}")
    for stream, text in (("stdout", run.stdout), ("stderr", run.stderr)):
        why = unsafe_text(text)
        if why:
            row.unsafe.append(f"{label} {stream}: {why}")


@contextlib.contextmanager
def scratch() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="hanoicheck-audit-") as folder:
        yield Path(folder)


def corpus(where: Path, extra: dict[str, str] | None = None) -> Path:
    root = where / "corpus"
    root.mkdir()
    shutil.copytree(REPO / "seeds", root, dirs_exist_ok=True)
    (root / "a.txt").write_text(ARTICLE_A, "utf-8")
    (root / "b.txt").write_text(ARTICLE_B, "utf-8")
    for name, text in (extra or {}).items():
        (root / name).write_text(text, "utf-8")
    return root


def leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


WRITERS = {
    "extract jsonl": ["extract", "-f", "jsonl"],
    "extract csv": ["extract", "-f", "csv"],
    "extract table": ["extract", "-f", "table"],
    "extract parquet": ["extract", "-f", "parquet"],
    "conflicts csv": ["conflicts", "-q", "-f", "csv"],
    "conflicts json": ["conflicts", "-q", "-f", "json"],
    "conflicts markdown": ["conflicts", "-q", "-f", "markdown"],
    "check text": ["check", "--no-cache", "-f", "text"],
    "check github": ["check", "--no-cache", "-f", "github"],
    "check json": ["check", "--no-cache", "-f", "json"],
    "check sarif": ["check", "--no-cache", "-f", "sarif"],
}
READERS = {**{k: v for k, v in WRITERS.items() if k != "extract parquet"}, "report": ["report"]}


# --------------------------------------------------------------------------- cases


def case_endless_loop() -> Row:
    row = Row("zero tolerance; nearly 2.5 ships (endless loop)")
    with scratch() as tmp:
        (tmp / "hanoicheck.toml").write_text("tolerances = { nearly = 0 }\n", "utf-8")
        (tmp / "a.txt").write_text("Nearly 2.5 ships sank near the port on October 3, 2025.\n")
        for args in (["report", "a.txt"], ["check", "--no-cache", "a.txt"]):
            judge(row, args[0], cli(*args, cwd=tmp), expected=(2,))
    return row


def case_forged_cache_row() -> Row:
    """A cache row with a valid checksum holding an empty interval (grew to 18.7 GB)."""
    row = Row("cache row with an empty interval, valid CRC")
    with scratch() as tmp:
        root = corpus(tmp)
        first = cli("check", root, "--cache", "c.sqlite", cwd=tmp)
        judge(row, "first run", first, expected=(0, 1))
        from hanoicheck.formats.columns import STORED_COLUMNS

        names = [c.name for c in STORED_COLUMNS]
        with contextlib.closing(sqlite3.connect(tmp / "c.sqlite")) as conn:
            for key, payload in conn.execute("SELECT digest, payload FROM entries").fetchall():
                body = json.loads(zlib.decompress(payload))
                for claim in body["claims"]:
                    if claim[names.index("kind")] != "date":
                        claim[names.index("low")] = claim[names.index("high")] = claim[
                            names.index("nominal")
                        ]
                        claim[names.index("high_inclusive")] = False
                forged = zlib.compress(json.dumps(body).encode())
                conn.execute(
                    "UPDATE entries SET payload = ?, crc = ? WHERE digest = ?",
                    (forged, zlib.crc32(forged), key),
                )
            conn.commit()
        judge(row, "forged run", cli("check", root, "--cache", "c.sqlite", cwd=tmp, timeout=120),
              expected=(0, 1))  # fmt: skip
    return row


def case_typo_keeps_outputs() -> Row:
    row = Row("typo in the input path, existing output")
    with scratch() as tmp:
        for label, args in WRITERS.items():
            out = tmp / "out"
            out.write_bytes(b"earlier output\n" * 2000)
            out.chmod(0o644)
            judge(row, label, cli(*args, "-o", out, "seedz", cwd=tmp), expected=(2,))
            if out.read_bytes() != b"earlier output\n" * 2000:
                row.lost.append(f"{label}: the earlier output was replaced")
            if leftovers(tmp):
                row.lost.append(f"{label}: temporary left: {leftovers(tmp)}")
    return row


def case_not_utf8_names() -> Row:
    row = Row("file name not UTF-8 (11 command/format runs)")
    with scratch() as tmp:
        root = corpus(tmp)
        bad = os.path.join(os.fsencode(root), b"\xff\xfe.txt")
        with open(bad, "wb") as handle:
            handle.write(ARTICLE_A.encode())
        for label, args in READERS.items():
            run = cli(*args, root, cwd=tmp)
            judge(row, label, run, expected=(2,))
            if "\\xff\\xfe.txt: file name is not valid UTF-8" not in run.stderr:
                row.crashes.append(f"{label}: the name was not reported in one line")
    return row


def case_hostile_names_and_text() -> Row:
    row = Row("forged annotations, escapes, bidi, Markdown")
    with scratch() as tmp:
        root = corpus(tmp, {FORGED: ARTICLE_A.replace("Accord.", f"Accord {HOSTILE}.")})
        (root / "b`x`<b>![i](e.png).txt").write_text(ARTICLE_B, "utf-8")
        (root / "empty\x1b]8;;x\x1b\\\u202e.txt").write_text("", "utf-8")
        summary = tmp / "summary.md"
        for label, args in READERS.items():
            run = cli(*args, root, cwd=tmp, env={"GITHUB_STEP_SUMMARY": str(summary)})
            judge(row, label, run, expected=(2,))
        if summary.exists():
            text = summary.read_text("utf-8")
            for live in ("<b>", "<img", "![", "`x`"):
                if live in text:
                    row.unsafe.append(f"step summary: live Markdown {live!r}")
            if unsafe_text(text):
                row.unsafe.append(f"step summary: {unsafe_text(text)}")
        run = cli("conflicts", "-q", "-f", "markdown", root, cwd=tmp)
        for live in ("<b>", "<img", "![i]", "`x`"):
            if live in run.stdout.split("\n", 1)[-1]:
                row.unsafe.append(f"conflicts markdown: live Markdown {live!r}")
    return row


def case_dense_file() -> Row:
    row = Row("100 kB and 1 MB of dense figures; 50 MB of prose")
    with scratch() as tmp:
        (tmp / "dense.txt").write_text("$1" * 50_000, "utf-8")
        for args in (["report", "-q"], ["check", "--no-cache"], ["extract", "-f", "jsonl", "-q"]):
            judge(row, f"{args[0]} 100 kB", cli(*args, "dense.txt", cwd=tmp, timeout=150))
        (tmp / "dense1m.txt").write_text("12 ships, " * 100_000, "utf-8")
        judge(row, "report 1 MB", cli("report", "-q", "dense1m.txt", cwd=tmp, timeout=300))
        with (tmp / "prose.txt").open("w", encoding="utf-8") as handle:
            block = (REPO / "seeds" / "001_022a195d71583f65.txt").read_text("utf-8")
            for _ in range(50 * 2**20 // len(block.encode())):
                handle.write(block + "\n")
        run = cli("report", "-q", "prose.txt", cwd=tmp, timeout=60)
        judge(row, "report 50 MB prose (refused by the 8M default)", run, expected=(2,))
    return row


def _fifo_reader(path: Path, into: list[bytes]) -> threading.Thread:
    reader = threading.Thread(target=lambda: into.append(path.read_bytes()), daemon=True)
    reader.start()
    return reader


def case_special_files() -> Row:
    row = Row("-o /dev/stdout, /dev/null, a FIFO, a symlink; modes")
    with scratch() as tmp:
        root = corpus(tmp)
        before = os.lstat("/dev/stdout"), os.lstat("/dev/null")
        run = cli("extract", root, "-f", "jsonl", "-o", "/dev/stdout", cwd=tmp)
        judge(row, "extract -o /dev/stdout", run)
        if '"schema_version"' not in run.stdout:
            row.lost.append("-o /dev/stdout: the claims never reached stdout")
        judge(
            row, "conflicts -o /dev/null", cli("conflicts", "-q", root, "-o", "/dev/null", cwd=tmp)
        )
        after = os.lstat("/dev/stdout"), os.lstat("/dev/null")
        if not (stat.S_ISLNK(after[0].st_mode) and stat.S_ISCHR(after[1].st_mode)):
            row.lost.append("/dev/stdout or /dev/null was replaced")
        if (before[1].st_ino, before[1].st_mode) != (after[1].st_ino, after[1].st_mode):
            row.lost.append("/dev/null changed")
        fifo = tmp / "fifo"
        os.mkfifo(fifo)
        got: list[bytes] = []
        reader = _fifo_reader(fifo, got)
        judge(row, "extract -o FIFO", cli("extract", root, "-f", "csv", "-o", fifo, cwd=tmp))
        reader.join(timeout=30)
        if not (stat.S_ISFIFO(fifo.stat().st_mode) and got and got[0].startswith(b"schema")):
            row.lost.append("the FIFO was replaced or got nothing")
        real = tmp / "real.csv"
        real.write_text("old")
        real.chmod(0o640)
        (tmp / "link.csv").symlink_to("real.csv")
        judge(
            row, "extract -o symlink", cli("extract", root, "-f", "csv", "-o", "link.csv", cwd=tmp)
        )
        if not (tmp / "link.csv").is_symlink() or stat.S_IMODE(real.stat().st_mode) != 0o640:
            row.lost.append("the symlink was replaced or the mode changed")
        new = tmp / "new.csv"
        judge(row, "extract -o new file", cli("extract", root, "-f", "csv", "-o", new, cwd=tmp))
        umask = os.umask(0)
        os.umask(umask)
        if stat.S_IMODE(new.stat().st_mode) != 0o666 & ~umask:
            row.lost.append(f"a new output got mode {oct(new.stat().st_mode)}")
    return row


def case_cache_ownership() -> Row:
    row = Row("--cache on a user's file, another program's database, a FIFO; old layout")
    with scratch() as tmp:
        root = corpus(tmp)
        notes = tmp / "userdata.db"
        notes.write_text("my data\n")
        app = tmp / "app.sqlite"
        with contextlib.closing(sqlite3.connect(app)) as conn:
            conn.execute("CREATE TABLE entries (name TEXT)")
            conn.execute("INSERT INTO entries VALUES ('precious')")
            conn.commit()
        app_bytes = app.read_bytes()
        fifo = tmp / "fifo.sqlite"
        os.mkfifo(fifo)
        for target in (notes, app, fifo):
            run = cli("check", root, "--cache", target, cwd=tmp, timeout=60)
            judge(row, f"--cache {target.name}", run, expected=(0, 1))
        if notes.read_bytes() != b"my data\n" or app.read_bytes() != app_bytes:
            row.lost.append("a file given as --cache was changed")
        old = tmp / "old.sqlite"
        with contextlib.closing(sqlite3.connect(old)) as conn:
            conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
            conn.executemany(
                "INSERT INTO meta VALUES (?, ?)", [("schema", "3"), ("extractor", "x")]
            )
            conn.execute(
                "CREATE TABLE entries (digest TEXT, suffix TEXT, options TEXT, payload BLOB)"
            )
            conn.commit()
        for attempt in ("first", "second"):
            run = cli("check", root, "--cache", old, cwd=tmp)
            judge(row, f"old layout, {attempt} run", run, expected=(0, 1))
            if "not usable" in run.stderr:
                row.crashes.append(f"old layout, {attempt} run: cache disabled, not rebuilt")
    return row


def case_settings() -> Row:
    row = Row("deep TOML/JSON, huge sizes, /dev/zero and FIFO baselines")
    with scratch() as tmp:
        root = corpus(tmp)
        for label, text in (
            ("deep TOML", "a = " + "[" * 5000 + "]" * 5000 + "\n"),
            ("max-size = 20 nines", "max-size = 99999999999999999999\n"),
            ("max-size = 5000 digits", "max-size = " + "9" * 5000 + "\n"),
        ):
            (tmp / "hanoicheck.toml").write_text(text, "utf-8")
            judge(row, label, cli("extract", root, cwd=tmp), expected=(2,))
        (tmp / "hanoicheck.toml").unlink()
        huge = cli("extract", root, "--max-size", "99999999999999T", cwd=tmp)
        judge(row, "--max-size 99999999999999T", huge, expected=(2,))
        (tmp / "deep.json").write_text('{"conflicts": ' + "[" * 100_000 + "]" * 100_000 + "}")
        fifo = tmp / "fifo.json"
        os.mkfifo(fifo)
        for baseline in ("deep.json", "/dev/zero", str(fifo)):
            run = cli("check", root, "--no-cache", "--baseline", baseline, cwd=tmp, timeout=60)
            judge(row, f"--baseline {Path(baseline).name}", run, expected=(2,))
    return row


def case_signals() -> Row:
    row = Row("SIGTERM/SIGHUP during -o; stale temporaries")
    with scratch() as tmp:
        (tmp / "dense.txt").write_text("$1" * 40_000, "utf-8")
        for signum in (signal.SIGTERM, signal.SIGHUP):
            out = tmp / "out.jsonl"
            out.write_text("old\n")
            env = {**os.environ, "PYTHONPATH": str(REPO)}
            child = subprocess.Popen(
                [sys.executable, "-m", "hanoicheck.cli", "extract", "dense.txt", "-f", "jsonl",
                 "-q", "-o", "out.jsonl"],
                cwd=tmp, env=env, stderr=subprocess.PIPE,
            )  # fmt: skip
            deadline = time.monotonic() + 60
            while not leftovers(tmp) and time.monotonic() < deadline and child.poll() is None:
                time.sleep(0.05)
            child.send_signal(signum)
            code = child.wait(timeout=60)
            row.runs += 1
            if code != 128 + signum:
                row.crashes.append(f"{signal.Signals(signum).name}: exit {code}")
            if leftovers(tmp) or out.read_text() != "old\n":
                row.lost.append(f"{signal.Signals(signum).name}: temporary left or output lost")
        dead = subprocess.Popen([sys.executable, "-c", "pass"])
        dead.wait()
        stale = tmp / f".out.jsonl.{dead.pid}.abcd1234.hanoicheck.tmp"
        stale.write_text("x" * 1000)
        judge(
            row,
            "write after a kill -9",
            cli("extract", "dense.txt", "-q", "-o", "out.jsonl", cwd=tmp),
        )
        if stale.exists():
            row.lost.append("a stale temporary was not removed")
    return row


def case_values_and_pipes() -> Row:
    row = Row("CSV year-less dates, U+2028 in JSONL, -j 64, closed stdout, FIFOs in folders")
    with scratch() as tmp:
        (tmp / "a.txt").write_text("The storm sank 12 ships on Oct 15.\u2028 Officials said.\n")
        run = cli("extract", "a.txt", "-f", "csv", cwd=tmp)
        judge(row, "csv", run)
        if "'--" in run.stdout or "XXXX-10-15" not in run.stdout:
            row.lost.append("a year-less date was altered in CSV")
        run = cli("extract", "a.txt", "-f", "jsonl", cwd=tmp)
        judge(row, "jsonl", run)
        if any(not line.startswith("{") for line in run.stdout.splitlines()):
            row.lost.append("a JSONL record was split by str.splitlines()")
        judge(row, "-j 64", cli("extract", REPO / "seeds", "-j", "64", "-q", cwd=tmp))
        (tmp / "dense.txt").write_text("$1" * 20_000, "utf-8")
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        child = subprocess.Popen(
            [sys.executable, "-m", "hanoicheck.cli", "extract", "dense.txt", "-f", "jsonl", "-q"],
            cwd=tmp, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )  # fmt: skip
        assert child.stdout is not None and child.stderr is not None
        child.stdout.read(100)
        child.stdout.close()
        code, err = child.wait(timeout=120), child.stderr.read().decode()
        row.runs += 1
        if code != 0 or err:
            row.crashes.append(f"| head -c 100: exit {code} {err.strip()[-120:]}")
        folder = tmp / "folder"
        folder.mkdir()
        (folder / "good.txt").write_text(ARTICLE_A)
        os.mkfifo(folder / "pipe.txt")
        (folder / "zero.txt").symlink_to("/dev/zero")
        run = cli("extract", folder, cwd=tmp, timeout=60)
        judge(row, "FIFO and /dev/zero in a folder", run, expected=(2,))
        if "a FIFO" not in run.stderr or "a character device" not in run.stderr:
            row.crashes.append("special files not reported as what they are")
    return row


def case_fuzz(seconds: float) -> list[Row]:
    from tests.robustness.fuzzing import TARGETS, fuzz

    rows = []
    for kind in sorted(TARGETS):
        row = Row(f"fuzz {kind}, {seconds:.0f} s")
        report = fuzz(seconds, seed=18, kind=kind)
        row.runs = report.inputs
        row.crashes = [f.detail for f in report.findings if f.kind == "crash"]
        row.hangs = [f.detail for f in report.findings if f.kind == "hang"]
        rows.append(row)
    return rows


CASES: list[Callable[[], Row]] = [
    case_endless_loop,
    case_forged_cache_row,
    case_typo_keeps_outputs,
    case_not_utf8_names,
    case_hostile_names_and_text,
    case_dense_file,
    case_special_files,
    case_cache_ownership,
    case_settings,
    case_signals,
    case_values_and_pipes,
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--fuzz", type=float, default=20.0, help="seconds per fuzz target")
    parser.add_argument(
        "--skip", action="append", default=[], help="skip cases whose function name has this"
    )
    args = parser.parse_args(argv)
    rows = []
    for case in CASES:
        if any(word in case.__name__ for word in args.skip):
            continue
        started = time.perf_counter()
        try:
            rows.append(case())
        except Exception as error:  # the audit's own check failed on what the run did
            rows.append(Row(case.__name__, 1, crashes=[f"audit check failed: {error!r}"]))
        print(f"... {rows[-1].case} ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    if args.fuzz > 0:
        rows.extend(case_fuzz(args.fuzz))
    width = max(len(r.case) for r in rows)
    print(f"| {'case':<{width}} |   runs | crashes | hangs | data lost | unsafe output |")
    print(f"|{'-' * (width + 2)}|-----:|--------:|------:|----------:|--------------:|")
    for r in rows:
        print(
            f"| {r.case:<{width}} | {r.runs:>4} | {len(r.crashes):>7} | {len(r.hangs):>5} "
            f"| {len(r.lost):>9} | {len(r.unsafe):>13} |"
        )
    totals = [sum(len(getattr(r, n)) for r in rows) for n in ("crashes", "hangs", "lost", "unsafe")]
    runs = sum(r.runs for r in rows)
    print(
        f"| {'total':<{width}} | {runs:>4} | {totals[0]:>7} | {totals[1]:>5} "
        f"| {totals[2]:>9} | {totals[3]:>13} |"
    )
    for r in rows:
        for kind in ("crashes", "hangs", "lost", "unsafe"):
            for detail in getattr(r, kind):
                print(f"{r.case}: {kind}: {detail}", file=sys.stderr)
    return 1 if any(totals) else 0


if __name__ == "__main__":
    sys.exit(main())
