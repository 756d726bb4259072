"""The Review page's server work at about 10,000 items: the queue computed for a new index,
one decision saved and relabelled (a new generation), and the queue after it.

    .venv/bin/python bench/review_bench.py [--items 10000] [--keep DIR] [--no-results]

The corpus and index are bench/dashboard_bench.py's (`--keep DIR` reuses them); the
decision is written to a copy of data/ (BULLETINS_DATA) and the index is copied first, so
nothing kept is changed. Prints the three times and appends a section to bench/results.md
unless `--no-results`.
"""
from __future__ import annotations

import argparse
import os
import platform
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

from dashboard_bench import open_index  # noqa: E402
from search_bench import workdir  # noqa: E402


def timed(run) -> tuple[float, object]:
    start = time.perf_counter()
    out = run()
    return time.perf_counter() - start, out


def measure(index_root: Path) -> dict[str, float]:
    from dashboard.office.review import ReviewQueue, decide
    from indexer.search import SearchIndex

    queue = ReviewQueue()
    first, entries = timed(lambda: queue.entries(SearchIndex(index_root)))
    item = entries[0].item
    saved, (message, _) = timed(lambda: decide(index_root, item.id, {"action": "accept"}))
    assert "accepted" in message, message
    after, _ = timed(lambda: queue.entries(SearchIndex(index_root)))
    return {"queue, first": first, "decision saved and relabelled": saved, "queue after a decision": after}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--keep", type=Path, default=None)
    parser.add_argument("--no-results", action="store_true")
    args = parser.parse_args(argv)
    from indexer.enrich.vocab import DATA_DIR

    with workdir(args.keep) as base, tempfile.TemporaryDirectory() as scratch:
        index = open_index(base, args.items, print)
        items = index.size
        root = Path(shutil.copytree(index.root.root, Path(scratch) / "index"))
        os.environ["BULLETINS_DATA"] = str(shutil.copytree(DATA_DIR, Path(scratch) / "data"))
        figures = measure(root)
    lines = [f"{name}: {seconds:.2f} s" for name, seconds in figures.items()]
    print(f"{items:,} items", *lines, sep="\n")
    if not args.no_results:
        load = os.getloadavg()[0]
        section = (f"\n## Review page (issue 10) at {items:,} items\n\n"
                   f"- Date: {date.today()}. Machine: {platform.machine()}, {os.cpu_count()} cores, "
                   f"CPython {platform.python_version()}; load average {load:.1f} (shared machine: noisy).\n"
                   f"- Command: `.venv/bin/python bench/review_bench.py --items {args.items}`\n\n```\n"
                   + "\n".join(lines) + "\n```\n")
        with open(BENCH / "results.md", "a", encoding="utf-8") as f:
            f.write(section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
