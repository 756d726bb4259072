"""Heavy requests (file exports, the report pack) take turns on low-priority threads, so
they never starve the searches served beside them.

An XLSX of 10,000 items costs most of a CPU-second; a few of them at once in one worker
used to hold every thread of that worker and most of the machine, and the searches queued
behind them waited for seconds. Here each worker process runs at most `limit` of them at a
time (`BULLETINS_HEAVY_LIMIT`, default 1); the others wait their turn (queued, never
refused: a user who asked for a file gets it, a little later). The threads that build them
run at a lower CPU priority (nice +10, Linux threads carry their own), so on a busy
machine the kernel gives the searches of every worker the CPU first; on an idle one the
exports run at full speed. A request waiting here holds no interpreter lock.
"""
from __future__ import annotations

import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")

ENV_LIMIT = "BULLETINS_HEAVY_LIMIT"
NICE = 10


def limit_from_env() -> int:
    """The number of heavy requests one worker builds at once (1 unless the environment says)."""
    value = os.environ.get(ENV_LIMIT, "").strip()
    return int(value) if value.isascii() and value.isdigit() and int(value) > 0 else 1


def _lower_priority() -> None:
    """This thread at nice NICE at least (never higher than the process it belongs to)."""
    try:
        me = threading.get_native_id()
        os.setpriority(os.PRIO_PROCESS, me, max(NICE, os.getpriority(os.PRIO_PROCESS, me)))
    except (OSError, AttributeError):  # not Linux, or not allowed: the turns still hold
        pass


class HeavyQueue:
    """A pool of `limit` low-priority threads, made on first use in each process (threads do
    not survive gunicorn's fork, so one made before it would be a pool of none)."""

    def __init__(self, limit: int | None = None) -> None:
        self.limit = limit or limit_from_env()
        self._pool: ThreadPoolExecutor | None = None
        self._pid = 0
        self._lock = threading.Lock()
        self.waiting = 0  # requests queued or building (for tests and the curious)

    def run(self, work: Callable[..., T], *args) -> T:
        """`work(*args)`, built on a heavy thread once one is free; its exception is raised here."""
        with self._lock:
            self.waiting += 1
        try:
            return self._executor().submit(work, *args).result()
        finally:
            with self._lock:
                self.waiting -= 1

    def _executor(self) -> ThreadPoolExecutor:
        with self._lock:
            if self._pool is None or self._pid != os.getpid():
                self._pool = ThreadPoolExecutor(self.limit, thread_name_prefix="heavy", initializer=_lower_priority)
                self._pid = os.getpid()
            return self._pool


QUEUE = HeavyQueue()
