"""The production server under load: simulated users on loopback, at about 10,000 items.

    .venv/bin/python bench/load_bench.py [--items 10000] [--users 50] [--seconds 60] [--workers N]
                                         [--think 1.0] [--keep DIR] [--no-results]

1. generates the sample corpus with bench/search_bench.py's generator and ingests it (with
   `--keep DIR` both are reused);
2. starts `bulletins serve --public` (gunicorn) on a free loopback port;
3. runs `--users` threads for `--seconds`, each a user who waits a random think time
   (uniform, mean `--think` s) between actions, the actions drawn as an office uses it:
   API searches (40 %), page loads (15 %: the page, its layout and callback list), search
   view updates (20 %: the callback a query or a facet click runs), Trends updates (15 %:
   the six figures) and item exports (10 %: CSV or XLSX of a query's matches; figure
   exports start a Chromium per worker and are left to dashboard_bench);
4. prints errors and median / p95 / max per kind of action, and appends a section to
   bench/results.md with the load average (the machine is shared) unless `--no-results`.
Target (issue 12): 0 errors, p95 <= 1 s for API searches at 50 users and 10k items.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

import requests

BENCH = Path(__file__).resolve().parent
for path in (BENCH.parent, BENCH):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from indexer.search.ingest import ingest  # noqa: E402
from search_bench import corpus, machine_line, percentile, workdir  # noqa: E402

RESULTS = BENCH / "results.md"
TARGET_P95_S = 1.0
WORDS = ["rights", "children", "prison", "visit", "complaint", "education", "health", "women", "disabilities",
         "monitoring", "seminar", "conference", "Baku", "refugees", "labour", "elections", "torture", "youth"]
FACETS = [("year", "2021"), ("year", "2023"), ("category", "meeting"), ("partner", "UNICEF"), ("partner", "ICRC")]
MIX = (("api_search", 40), ("page_load", 15), ("search_view", 20), ("trends", 15), ("export", 10))


# --------------------------------------------------------------------------- the server


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(index: Path, workers: int | None, log, threads: int | None = None) -> tuple[subprocess.Popen, str]:
    port = free_port()
    cmd = [sys.executable, "-m", "indexer.cli", "serve", "--index", str(index), "--port", str(port), "--public"]
    cmd += ["--workers", str(workers)] if workers else []
    env = {**os.environ, "PYTHONPATH": str(BENCH.parent)}
    env.update({"BULLETINS_THREADS": str(threads)} if threads else {})
    proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, start_new_session=True, env=env)
    url = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            if requests.get(url + "/healthz", timeout=5).status_code == 200:
                return proc, url
        except requests.ConnectionError:
            time.sleep(0.2)
    stop_server(proc)
    raise SystemExit("the server did not come up")


def group_cpu_s(pgid: int) -> float:
    """CPU seconds (user + system) used so far by the live processes of a process group
    (the server: gunicorn's master and its workers)."""
    tick, total = os.sysconf("SC_CLK_TCK"), 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # ended meanwhile
        if int(fields[2]) == pgid:  # fields from the state on: state ppid pgrp ...; utime, stime at 11, 12
            total += int(fields[11]) + int(fields[12])
    return total / tick


def stop_server(proc: subprocess.Popen) -> None:
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)


# --------------------------------------------------------------------------- callback bodies


def layout_ids(node, out: list) -> list:
    """Every component id in the layout JSON Dash serves."""
    if isinstance(node, dict):
        if isinstance(node.get("props"), dict) and "id" in node["props"]:
            out.append(node["props"]["id"])
        for value in node.values():
            layout_ids(value, out)
    elif isinstance(node, list):
        for value in node:
            layout_ids(value, out)
    return out


class Callbacks:
    """Builds the bodies the renderer posts to /_dash-update-component, from the app's own
    dependency list and layout (pattern-matching ids filled from the layout)."""

    def __init__(self, url: str) -> None:
        self._read(requests.get(url + "/_dash-dependencies", timeout=60).json(),
                   requests.get(url + "/_dash-layout", timeout=60).json())

    @classmethod
    def from_json(cls, dependencies: list, layout: dict) -> "Callbacks":
        cb = cls.__new__(cls)
        cb._read(dependencies, layout)
        return cb

    def _read(self, dependencies: list, layout: dict) -> None:
        self.deps = {d["output"]: d for d in dependencies}
        self.ids = layout_ids(layout, [])

    def mount_trends(self, post) -> None:
        """Add the ids of the Trends grid, which the page mounts when Trends is first shown
        (the figures' callback needs their pattern-matching ids)."""
        values = {"url.search": "?view=trends"}
        response = post(self.body("trends-grid.children", values, "url.search"))
        body = response.json() if callable(response.json) else response.json  # requests or Flask
        self.ids += layout_ids(body, [])

    def find(self, output_part: str) -> dict:
        return next(d for key, d in self.deps.items() if output_part in key)

    def _expand(self, spec: str, prop: str, values: dict) -> dict | list:
        if not spec.startswith("{"):
            return {"id": spec, "property": prop, "value": values.get(f"{spec}.{prop}")}
        fixed = {k: v for k, v in json.loads(spec).items() if not isinstance(v, list)}
        return [{"id": i, "property": prop, "value": None} for i in self.ids
                if isinstance(i, dict) and all(i.get(k) == v for k, v in fixed.items())]

    def body(self, output_part: str, values: dict, changed: str) -> dict:
        dep = self.find(output_part)
        outs = dep["output"].strip(".").split("...") if dep["output"].startswith("..") else [dep["output"]]
        outputs = [self._expand(*o.rsplit(".", 1), {}) for o in outs]
        for o in outputs:
            if isinstance(o, dict):
                o.pop("value")
            else:
                for entry in o:
                    entry.pop("value")
        return {"output": dep["output"], "outputs": outputs if len(outputs) > 1 else outputs[0],
                "inputs": [self._expand(d["id"], d["property"], values) for d in dep["inputs"]],
                "state": [self._expand(d["id"], d["property"], values) for d in dep.get("state", [])],
                "changedPropIds": [changed]}


# --------------------------------------------------------------------------- users


def query_string(rng: random.Random, view: str = "") -> str:
    parts = [f"q={rng.choice(WORDS)}"] if rng.random() < 0.7 else []
    if rng.random() < 0.5:
        parts.append("=".join(rng.choice(FACETS)))
    if view:
        parts.append(f"view={view}")
    return "?" + "&".join(parts)


def action(kind: str, rng: random.Random, session: requests.Session, url: str, cb: Callbacks) -> int:
    """Run one user action; the status of its last (or first failing) request."""
    post = lambda body: session.post(url + "/_dash-update-component", json=body, timeout=300)  # noqa: E731
    if kind == "api_search":
        return session.get(url + "/api/search" + query_string(rng), timeout=300).status_code
    if kind == "page_load":
        for path in ("/", "/_dash-layout", "/_dash-dependencies"):
            r = session.get(url + path, timeout=300)
            if r.status_code != 200:
                return r.status_code
        return r.status_code
    if kind == "search_view":
        return post(cb.body("results.children", {"url.search": query_string(rng)}, "url.search")).status_code
    if kind == "trends":
        # the grid is mounted once Trends was shown (without it the callback draws nothing)
        values = {"url.search": query_string(rng, "trends"), "trends-mounted.data": True}
        return post(cb.body("key-numbers.children", values, "url.search")).status_code
    button = rng.choice(["export-csv", "export-xlsx"])
    values = {f"{button}.n_clicks": 1, "url.search": query_string(rng)}
    return post(cb.body("download.data", values, f"{button}.n_clicks")).status_code


def user(seed: int, url: str, cb: Callbacks, until: float, think: float, times: dict, errors: list) -> None:
    rng = random.Random(seed)
    kinds, weights = zip(*MIX)
    with requests.Session() as session:
        session.headers["Origin"] = url  # the browser's own: the server refuses cross-site posts
        time.sleep(rng.uniform(0, think * 2))  # users arrive spread out, not in one burst
        while time.monotonic() < until:
            kind = rng.choices(kinds, weights)[0]
            t0 = time.perf_counter()
            try:
                status = action(kind, rng, session, url, cb)
            except requests.RequestException as exc:
                status = f"{type(exc).__name__}: {str(exc)[:120]}"
            times[kind].append(time.perf_counter() - t0)
            if status not in (200, 204):
                errors.append((kind, status))
            time.sleep(rng.uniform(0, think * 2))


# --------------------------------------------------------------------------- report


def table(times: dict, seconds: float) -> str:
    rows = ["| action | requests | per s | median ms | p95 ms | max ms |", "|---|---:|---:|---:|---:|---:|"]
    for kind, _ in MIX:
        t = times.get(kind) or [0.0]
        rows.append(f"| {kind} | {len(times.get(kind, []))} | {len(times.get(kind, [])) / seconds:.1f} | "
                    f"{statistics.median(t) * 1000:.0f} | {percentile(t, 95) * 1000:.0f} | {max(t) * 1000:.0f} |")
    return "\n".join(rows)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--items", type=int, default=10_000)
    p.add_argument("--users", type=int, default=50)
    p.add_argument("--seconds", type=float, default=60.0)
    p.add_argument("--workers", type=int, default=None, help="server workers (default: serve's own)")
    p.add_argument("--threads", type=int, default=None, help="threads per worker (default: serve's own)")
    p.add_argument("--think", type=float, default=1.0, help="mean seconds a user waits between actions")
    p.add_argument("--keep", type=Path, default=None, metavar="DIR")
    p.add_argument("--no-results", action="store_true")
    args = p.parse_args()
    with workdir(args.keep) as base, tempfile.TemporaryFile() as log:
        folder = base / f"n{args.items}"
        texts = corpus(folder / "corpus", args.items)
        ingest([texts], folder / "index", workers=1)
        load_start = os.getloadavg()[0]
        proc, url = start_server(folder / "index", args.workers, log, args.threads)
        try:
            items = requests.get(url + "/healthz", timeout=60).json()["items"]
            cb = Callbacks(url)
            cb.mount_trends(lambda body: requests.post(url + "/_dash-update-component", json=body, timeout=60,
                                                       headers={"Origin": url}))
            times, errors = defaultdict(list), []
            cpu_start = group_cpu_s(proc.pid), time.process_time()
            until = time.monotonic() + args.seconds
            users = [threading.Thread(target=user, args=(i, url, cb, until, args.think, times, errors))
                     for i in range(args.users)]
            for u in users:
                u.start()
            for u in users:
                u.join()
            cpu = group_cpu_s(proc.pid) - cpu_start[0], time.process_time() - cpu_start[1]
            alive = requests.get(url + "/healthz", timeout=60).status_code == 200
        finally:
            stop_server(proc)
        load_end = os.getloadavg()[0]
    report(args, items, times, errors, alive, (load_start, load_end), cpu)
    return 0


def report(args, items: int, times: dict, errors: list, alive: bool, load: tuple[float, float],
           cpu: tuple[float, float]) -> None:
    p95 = percentile(times["api_search"], 95) if times["api_search"] else float("nan")
    verdict = "MET" if not errors and p95 <= TARGET_P95_S else "NOT MET"
    actions = sum(len(t) for t in times.values())
    from dashboard.web.server import default_threads, default_workers

    workers = args.workers or f"default ({default_workers()})"
    threads = args.threads or f"default ({default_threads()})"
    section = "\n".join([
        f"## Load: {args.users} users for {args.seconds:.0f} s at {items:,} items (issue 12) — target: 0 errors, "
        f"API search p95 <= 1 s",
        "",
        f"- Date: {date.today().isoformat()}. Machine: {machine_line()}. Shared with other work: load average "
        f"{load[0]:.2f} at the start, {load[1]:.2f} at the end (uptime).",
        f"- Command: `python bench/load_bench.py --items {args.items} --users {args.users} --seconds {args.seconds:.0f} "
        f"--think {args.think}" + (f" --threads {args.threads}" if args.threads else "") + "`; server: `bulletins serve "
        f"--public`, workers {workers}, threads {threads} each, loopback.",
        f"- Think time uniform 0-{2 * args.think:.1f} s between a user's actions.",
        f"- Errors: {len(errors)}" + (f" (e.g. {errors[:5]})" if errors else "") + f"; server alive after: {alive}.",
        f"- API search p95 {p95 * 1000:.0f} ms -> {verdict}.",
        f"- CPU (stable on a busy machine, unlike the times): server {cpu[0]:.1f} s for {actions} actions = "
        f"{cpu[0] / max(actions, 1) * 1000:.1f} ms per action; the simulated users (this process) {cpu[1]:.1f} s.",
        "",
        table(times, args.seconds),
        "",
    ])
    print(section)
    if not args.no_results:
        with RESULTS.open("a", encoding="utf-8") as f:
            f.write("\n" + section)


if __name__ == "__main__":
    sys.exit(main())
