"""Ingest cost: a full build, and editing one bulletin of a built index, in wall and CPU seconds.

    .venv/bin/python bench/ingest_bench.py [--sizes 10000 100000] [--edits 3] [--workers N]
                                           [--compare-workers 1 2 3] [--keep DIR] [--no-results]

For each size N it
1. generates (or reuses, with --keep) a text corpus of about N items from the sample
   generator (`search_bench.corpus`: several generator seeds for large N);
2. builds a fresh index with `bulletins ingest CORPUS --index DIR` run as a separate
   process, as a user runs it (interpreter start and imports included);
3. runs `bulletins ingest` again with nothing changed (every file skipped);
4. edits one bulletin (a word changed in every item that has it, so those items get new
   ids and replace the old) and runs `bulletins ingest` again, --edits times on files
   spread over the corpus; reports the median and the slowest.
CPU seconds are those of the command and every process it started (resource.getrusage
RUSAGE_CHILDREN, which counts a process's reaped children too): user + system. On a shared
machine the wall time depends on the load (recorded beside every figure); CPU seconds do not.
Targets (issue 12): editing one bulletin at 100k items <= 1.5 s wall end to end; a full
build <= 200 CPU seconds per 100k items (>= 500 items per CPU second).
`--compare-workers 1 2 3` also builds the smallest size once with each --workers value.
Results are appended to bench/results.md unless --no-results.
"""
from __future__ import annotations

import argparse
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from search_bench import corpus  # noqa: E402

RESULTS = ROOT / "bench" / "results.md"
EDIT_TARGET_S = 1.5
BUILD_TARGET_CPU_PER_100K = 200.0


@dataclass
class Run:
    wall: float
    cpu: float
    summary: str

    def items(self) -> int:
        m = re.search(r"([\d,]+) in the index", self.summary)
        return int(m.group(1).replace(",", "")) if m else 0


def bulletins(*args: str) -> Run:
    """`bulletins ARGS...` in a process of its own: wall seconds, CPU seconds of it and its children."""
    script = Path(sys.executable).with_name("bulletins")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "indexer.cli"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run([*command, *args], env=env, capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        sys.exit(f"bulletins {' '.join(args)} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    summary = next((line for line in done.stdout.splitlines() if "file(s):" in line), done.stdout.strip())
    return Run(wall, cpu, summary)


def edit(path: Path) -> None:
    """A word changed in every item that has it: those items get new ids (and replace the old)."""
    text = path.read_text(encoding="utf-8")
    changed = text.replace(" the very ", " the ") if " the very " in text else text.replace(" the ", " the very ")
    path.write_text(changed, encoding="utf-8")


def load() -> str:
    return "/".join(f"{x:.1f}" for x in os.getloadavg())


@dataclass
class SizeResult:
    items: int
    build: Run
    build_load: str
    noop: Run
    edits: list[Run]
    edit_load: str


def bench_size(work: Path, items: int, edits: int, workers: list[str]) -> SizeResult:
    folder = corpus(work / f"corpus-{items}", items)
    index = work / f"index-{items}"
    shutil.rmtree(index, ignore_errors=True)
    print(f"{items:,} items: building ({load()})", flush=True)
    build_load = load()
    build = bulletins("ingest", str(folder), "--index", str(index), *workers)
    build_load += f" -> {load()}"
    print(f"  build: {build.wall:.1f} s wall, {build.cpu:.1f} CPU s: {build.summary}", flush=True)
    noop = bulletins("ingest", str(folder), "--index", str(index), *workers)
    print(f"  nothing changed: {noop.wall:.2f} s wall, {noop.cpu:.2f} CPU s", flush=True)
    files = sorted(folder.glob("*.txt"))
    runs, edit_load = [], load()
    for n in range(edits):
        path = files[(n + 1) * len(files) // (edits + 1)]
        edit(path)
        runs.append(bulletins("ingest", str(folder), "--index", str(index), *workers))
        print(f"  edit {path.name}: {runs[-1].wall:.2f} s wall, {runs[-1].cpu:.2f} CPU s: {runs[-1].summary}", flush=True)
    return SizeResult(items, build, build_load, noop, runs, edit_load + f" -> {load()}")


def compare_workers(work: Path, items: int, values: list[int]) -> list[tuple[int, Run, str]]:
    folder = corpus(work / f"corpus-{items}", items)
    out = []
    for n in values:
        index = work / f"index-{items}-w{n}"
        shutil.rmtree(index, ignore_errors=True)
        before = load()
        run = bulletins("ingest", str(folder), "--index", str(index), "--workers", str(n))
        out.append((n, run, f"{before} -> {load()}"))
        print(f"  --workers {n}: {run.wall:.1f} s wall, {run.cpu:.1f} CPU s", flush=True)
        shutil.rmtree(index, ignore_errors=True)
    return out


def report(results: list[SizeResult], workers: list[tuple[int, Run, str]], command: str, note: str) -> str:
    lines = [
        "", f"## Ingest cost (issue 12, point 6){': ' + note if note else ''}", "",
        f"- Date: {date.today().isoformat()}. Machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"CPython {platform.python_version()}. Shared machine: the load average (1/5/15 min) is given "
        "beside each figure; CPU seconds are the stable figure.",
        f"- Command: `{command}`. Each step is `bulletins ingest CORPUS --index DIR` run as its own process "
        "(interpreter start and imports included); CPU = user + system of it and its worker processes.",
        "", "| items | step | wall s | CPU s | items per CPU s | load |", "| ---: | --- | ---: | ---: | ---: | --- |",
    ]
    for r in results:
        rate = r.build.items() / r.build.cpu if r.build.cpu else 0
        lines.append(f"| {r.items:,} | full build | {r.build.wall:.1f} | {r.build.cpu:.1f} | {rate:,.0f} | {r.build_load} |")
        lines.append(f"| {r.items:,} | nothing changed | {r.noop.wall:.2f} | {r.noop.cpu:.2f} | | |")
        if r.edits:
            walls, cpus = [e.wall for e in r.edits], [e.cpu for e in r.edits]
            lines.append(f"| {r.items:,} | one bulletin edited (median of {len(walls)}) | {statistics.median(walls):.2f} "
                         f"| {statistics.median(cpus):.2f} | | {r.edit_load} |")
            lines.append(f"| {r.items:,} | one bulletin edited (slowest) | {max(walls):.2f} | {max(cpus):.2f} | | |")
    for n, run, when in workers:
        rate = run.items() / run.cpu if run.cpu else 0
        lines.append(f"| {run.items():,} | full build, --workers {n} | {run.wall:.1f} | {run.cpu:.1f} | {rate:,.0f} | {when} |")
    lines += ["", "Targets: " + "; ".join(_verdicts(results)), ""]
    return "\n".join(lines)


def _verdicts(results: list[SizeResult]) -> list[str]:
    out = []
    for r in results:
        per_100k = r.build.cpu * 100_000 / max(r.build.items(), 1)
        out.append(f"{r.items:,}: build {per_100k:.0f} CPU s per 100k items "
                   f"({'met' if per_100k <= BUILD_TARGET_CPU_PER_100K else 'missed'})")
        if r.edits and r.items >= 100_000:
            worst = max(e.wall for e in r.edits)
            out.append(f"{r.items:,}: edit {statistics.median([e.wall for e in r.edits]):.2f} s wall median, "
                       f"{worst:.2f} s slowest ({'met' if worst <= EDIT_TARGET_S else 'missed'} "
                       f"<= {EDIT_TARGET_S} s at this load)")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--edits", type=int, default=3, help="bulletins edited one after another per size (default 3)")
    ap.add_argument("--workers", type=int, default=None, help="passed to every ingest (default: its own)")
    ap.add_argument("--compare-workers", type=int, nargs="*", default=[], metavar="N")
    ap.add_argument("--keep", type=Path, default=None, metavar="DIR", help="keep (and reuse) corpora and indexes here")
    ap.add_argument("--no-results", action="store_true")
    ap.add_argument("--note", default="", help="said in the results heading")
    args = ap.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="ingest_bench-"))
    work.mkdir(parents=True, exist_ok=True)
    workers = ["--workers", str(args.workers)] if args.workers else []
    try:
        results = [bench_size(work, n, args.edits, workers) for n in args.sizes]
        compared = compare_workers(work, min(args.sizes), args.compare_workers) if args.compare_workers else []
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    text = report(results, compared, "python bench/ingest_bench.py " + " ".join(sys.argv[1:]), args.note)
    print(text)
    if not args.no_results:
        with RESULTS.open("a", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
