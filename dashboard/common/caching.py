"""Answers kept per worker process, keyed by the index generation they came from.

Users ask the same things again (the same words, the same facet clicks, the same export),
and an answer is a pure function of one index generation and the request. Keying every
entry by the generation's folder (a new one for each ingest or relabelling, never reused)
means a new generation can never be answered from an older one's entries: they are simply
never asked for again, and are dropped when a request of a newer generation comes in.

Each cache is a small LRU bounded by entries and, where entries are large (export files),
by bytes. A cache miss builds outside the lock, so two threads may build the same answer
once each; that costs a little CPU but never blocks a fast request behind a slow build.
"""
from __future__ import annotations

import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

ENV_OFF = "BULLETINS_NO_CACHE"  # set to 1 to answer everything afresh (to compare, or to debug)


@dataclass
class GenerationCache:
    """An LRU of answers for one kind of request; `get` builds on a miss."""

    name: str
    entries: int = 256
    max_bytes: int | None = None  # bound the sum of the values' sizes (_size)
    ttl_s: float | None = None  # entries older than this are built again
    hits: int = 0
    misses: int = 0
    _data: OrderedDict = field(default_factory=OrderedDict, repr=False)
    _bytes: int = 0
    _generation: str | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def get(self, generation: Path | str, key: Hashable, build: Callable[[], T]) -> T:
        if os.environ.get(ENV_OFF) == "1":
            return build()
        full = (str(generation), key)
        found = self._lookup(full)
        if found is not None:
            return found
        value = build()
        self._store(full, value)
        return value

    def _lookup(self, full: tuple) -> Any:
        with self._lock:
            self._follow(full[0])
            entry = self._data.get(full)
            if entry is not None and (self.ttl_s is None or time.monotonic() - entry[0] <= self.ttl_s):
                self._data.move_to_end(full)
                self.hits += 1
                return entry[1]
            self.misses += 1
            return None

    def _follow(self, generation: str) -> None:
        """On the first request of another generation, drop the entries of the others: a
        request still finishing on an older one only costs this cache some misses."""
        if generation != self._generation:
            self._generation = generation
            self._data.clear()
            self._bytes = 0

    def _store(self, full: tuple, value: Any) -> None:
        size = _size(value)
        if self.max_bytes is not None and size > self.max_bytes:
            return
        with self._lock:
            if full[0] != self._generation:
                return  # built from a generation that is no longer the newest seen
            old = self._data.pop(full, None)
            self._bytes -= old[2] if old else 0
            self._data[full] = (time.monotonic(), value, size)
            self._bytes += size
            while len(self._data) > self.entries or (self.max_bytes is not None and self._bytes > self.max_bytes):
                self._bytes -= self._data.popitem(last=False)[1][2]

    def clear(self) -> None:
        with self._lock:
            self._data.clear()
            self._bytes = 0


def _size(value: Any) -> int:
    """Bytes counted against `max_bytes`: of bytes and strings, and of those in a dict
    (a dcc.Download answer holds its file as a base64 string)."""
    if isinstance(value, bytes | bytearray | str):
        return len(value)
    if isinstance(value, dict):
        return sum(len(v) for v in value.values() if isinstance(v, bytes | bytearray | str))
    return 0


def request_key(request: Any) -> tuple:
    """A hashable form of a search.SearchRequest (its filters are a dict): the facets in a
    fixed order, everything else as asked (the text unstripped, since answers quote it)."""
    facets = tuple(sorted((f, tuple(v)) for f, v in request.filters.items() if v))
    return (request.text, facets, request.date_from, request.date_to, request.sort, request.page, request.per_page)
