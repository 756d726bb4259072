"""The costly queries of issue 13, timed against an existing index (run by hand).

    python bench/query_limits_bench.py INDEX_DIR

Runs each query once, cold (a fresh SearchIndex: no cached expansions), and prints its time
and what it answered: `abcdefghij~9` (capped to two edits), twenty fuzzy words ANDed and
ORed, and twenty misspelt plain words (the "did you mean" path). Record the machine's load
(`uptime`) beside the figures: the machine is shared.
"""
from __future__ import annotations

import sys
import time

from indexer.search import QueryError, SearchIndex, SearchRequest

TYPOS = ("ombudsmen childern prisen visitt humann rigths seminer womenn detension healht traning "
         "conferance educaton migrnts disabilty reprt meating agrement statment victms").split()
QUERIES = ["abcdefghij~9", " ".join(f"{w}~2" for w in TYPOS), " OR ".join(f"{w}~2" for w in TYPOS), " ".join(TYPOS)]


def main(root: str) -> None:
    for text in QUERIES:
        index = SearchIndex(root)
        started = time.perf_counter()
        try:
            result = index.search(SearchRequest(text))
            answer = f"total {result.total}, notes {list(getattr(result, 'notes', ()))}"
        except QueryError as exc:
            answer = f"QueryError: {exc}"
        print(f"{time.perf_counter() - started:7.2f} s  {text[:40]!r:45} {answer[:120]}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
