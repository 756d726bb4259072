"""Enrichment speed: items per second over generated sample items (run by hand).

    .venv/bin/python bench/enrich_bench.py [--items 10000]

Generates enough months of the sample corpus to hold N items (into a temporary folder),
reads them back from truth.jsonl as un-enriched items, and times `Enricher.enrich` over
them after one warm-up pass over 100 items (vocabulary loading is reported apart).
"""
from __future__ import annotations

import argparse
import json
import platform
import statistics
import tempfile
import time
from pathlib import Path

from indexer.enrich import Enricher
from indexer.item import Item
from indexer.sample import generate_corpus

BLANK = {"category": "", "themes": [], "partners": [], "places": [], "people": []}


def sample_items(n: int) -> list[Item]:
    months = max(12, n // 17)  # about 18 items a month
    with tempfile.TemporaryDirectory() as tmp:
        generate_corpus(Path(tmp), months=months, seed=11)
        lines = (Path(tmp) / "truth.jsonl").read_text(encoding="utf-8").splitlines()
    items = [Item.from_dict({**json.loads(line), **BLANK}) for line in lines]
    while len(items) < n:
        items += items[: n - len(items)]
    return items[:n]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    items = sample_items(args.items)
    t0 = time.perf_counter()
    enricher = Enricher()
    load = time.perf_counter() - t0
    for item in items[:100]:
        enricher.enrich(item)
    times = []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        for item in items:
            enricher.enrich(item)
        times.append(time.perf_counter() - t0)
    best, median = min(times), statistics.median(times)
    print(f"machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}")
    print(f"vocabulary load: {load:.2f} s")
    print(f"enrich {len(items)} items: median {median:.2f} s, best {best:.2f} s over {args.runs} runs "
          f"({len(items) / median:,.0f} items/s)")


if __name__ == "__main__":
    main()
