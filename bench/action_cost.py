"""CPU seconds per kind of user action, in one process, with no other load: the stable
figure beside load_bench's latencies (which depend on what else the machine runs).

    .venv/bin/python bench/action_cost.py [--items 10000] [--repeat 40] [--keep DIR]
                                          [--profile KIND] [--warm]

Builds (or reuses with `--keep`) the same corpus and index as load_bench, creates the app
in this process and sends each kind of action of load_bench's mix `--repeat` times through
Flask's test client, with the bodies and query strings load_bench sends (gzip accepted, as
a browser does). CPU time is `time.process_time()` around each request (one thread, so it
is that request's cost) plus what the export helper process (dashboard/heavy.py) used
meanwhile. `--warm` runs every request once before measuring (what a server that has
seen these queries pays); `--profile KIND` prints cProfile's top functions for it.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import random
import statistics
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
for path in (BENCH.parent, BENCH):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from indexer.search.ingest import ingest  # noqa: E402
from load_bench import MIX, Callbacks, action  # noqa: E402
from search_bench import corpus, workdir  # noqa: E402


class TestSession:
    """The slice of requests.Session that load_bench.action uses, over Flask's test client."""

    def __init__(self, client) -> None:
        self.client, self.headers = client, {"Accept-Encoding": "gzip, deflate"}


    def get(self, url: str, timeout=None):
        return self.client.get(url.removeprefix("http://t"), headers=self.headers)

    def post(self, url: str, json=None, timeout=None):
        return self.client.post(url.removeprefix("http://t"), json=json,
                                headers={**self.headers, "Origin": "http://localhost"})


def children_cpu_s() -> float:
    """CPU seconds of this process's live children: the helper that builds export files
    (dashboard/heavy.py) does that work outside this process's own process_time."""
    tick, total, me = os.sysconf("SC_CLK_TCK"), 0, os.getpid()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == me:
            total += int(fields[11]) + int(fields[12])
    return total / tick


def measure(kind: str, session, cb, repeat: int, seed: int) -> tuple[list[float], list[float]]:
    rng, cpu, wall = random.Random(seed), [], []
    for _ in range(repeat):
        k0 = children_cpu_s()
        c0, w0 = time.process_time(), time.perf_counter()
        status = action(kind, rng, session, "http://t", cb)
        c1, w1 = time.process_time(), time.perf_counter()
        cpu.append(c1 - c0 + children_cpu_s() - k0)
        wall.append(w1 - w0)
        if status not in (200, 204):
            raise SystemExit(f"{kind}: status {status}")
    return cpu, wall


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--items", type=int, default=10_000)
    p.add_argument("--repeat", type=int, default=40)
    p.add_argument("--keep", type=Path, default=None, metavar="DIR")
    p.add_argument("--profile", default=None, help="a kind of action to profile")
    p.add_argument("--warm", action="store_true", help="run each request once before measuring")
    args = p.parse_args()
    from dashboard.web.app import create_app

    with workdir(args.keep) as base:
        folder = base / f"n{args.items}"
        ingest([corpus(folder / "corpus", args.items)], folder / "index", workers=1)
        app = create_app(folder / "index")
        session = TestSession(app.server.test_client())
        plain = app.server.test_client()
        cb = Callbacks.from_json(plain.get("/_dash-dependencies").get_json(), plain.get("/_dash-layout").get_json())
        cb.mount_trends(lambda body: plain.post("/_dash-update-component", json=body,
                                                headers={"Origin": "http://localhost"}))
        session.get("http://t/api/search?q=x")  # opens the index
        # starts the export helper process (its imports, ~3 s once per worker, are not a request's)
        action("export", random.Random(99), session, "http://t", cb)
        rows, weighted = [], 0.0
        for n, (kind, weight) in enumerate(MIX):
            if args.warm:
                measure(kind, session, cb, args.repeat, n)
            prof = cProfile.Profile() if kind == args.profile else None
            if prof:
                prof.enable()
            cpu, wall = measure(kind, session, cb, args.repeat, n)
            if prof:
                prof.disable()
                out = io.StringIO()
                pstats.Stats(prof, stream=out).sort_stats("cumulative").print_stats(35)
                print(out.getvalue())
            weighted += weight / 100 * statistics.mean(cpu)
            rows.append(f"| {kind} | {len(cpu)} | {statistics.mean(cpu) * 1000:.0f} | {statistics.median(cpu) * 1000:.0f} "
                        f"| {max(cpu) * 1000:.0f} | {statistics.median(wall) * 1000:.0f} |")
    print("| action | requests | CPU mean ms | CPU median ms | CPU max ms | wall median ms |")
    print("|---|---:|---:|---:|---:|---:|")
    print("\n".join(rows))
    print(f"\nweighted by the mix: {weighted * 1000:.0f} CPU-ms per action "
          f"(2 cores: about {2 / weighted:.0f} actions/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
