"""Heavy requests (file exports, figures, the report pack) take turns in a low-priority
process of their own, so they never starve the searches served beside them.

An XLSX of 10,000 items costs most of a CPU-second. Built inside a worker it held that
worker's interpreter lock and threads, and the searches queued behind it waited for
seconds. Here each worker hands such work to `limit` helper processes of its own
(`BULLETINS_HEAVY_LIMIT`, default 1); further requests wait their turn (queued, never
refused: a user who asked for a file gets it, a little later). The helpers run at nice
+10, so on a busy machine the kernel gives the searches the CPU first, and on an idle one
the files are built at full speed. A separate process, not a lower-priority thread: a
thread the kernel holds back while it owns the interpreter lock would hold back every
thread of its worker with it. A request waiting here holds no interpreter lock.

`work` must be a module-level function and its arguments and result picklable. Helpers
start on first use (spawned, not forked: a fork of a threaded server copies locks held by
other threads) and stay for the life of the worker.
"""
from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

T = TypeVar("T")

ENV_LIMIT = "BULLETINS_HEAVY_LIMIT"
NICE = 10


def limit_from_env() -> int:
    """The number of heavy requests one worker builds at once (1 unless the environment says)."""
    value = os.environ.get(ENV_LIMIT, "").strip()
    return int(value) if value.isascii() and value.isdigit() and 0 < int(value) <= 16 else 1


def _helper_start() -> None:
    """In a new helper: nice NICE at least (never made more urgent than it was), and gone
    when its worker is (gunicorn kills a hung worker outright, which its pool cannot see)."""
    try:
        os.setpriority(os.PRIO_PROCESS, 0, max(NICE, os.getpriority(os.PRIO_PROCESS, 0)))
    except (OSError, AttributeError):  # not allowed, or not POSIX: the turns still hold
        pass
    threading.Thread(target=_exit_with, args=(os.getppid(),), daemon=True, name="orphan-watch").start()


def _exit_with(parent: int, every_s: float = 2.0) -> None:
    while os.getppid() == parent:
        time.sleep(every_s)
    os._exit(0)


class HeavyQueue:
    """`limit` helper processes per worker process, started on first use."""

    def __init__(self, limit: int | None = None) -> None:
        self.limit = limit or limit_from_env()
        self._pool: ProcessPoolExecutor | None = None
        self._pid = 0
        self._lock = threading.Lock()
        self.waiting = 0  # requests queued or building (for tests and the curious)

    def run(self, work: Callable[..., T], *args) -> T:
        """`work(*args)` in a helper once one is free; its exception is raised here. A helper
        that died (killed, out of memory) is replaced and the work tried once more."""
        with self._lock:
            self.waiting += 1
        try:
            try:
                return self._executor().submit(work, *args).result()
            except BrokenProcessPool:
                self._discard()
                return self._executor().submit(work, *args).result()
        finally:
            with self._lock:
                self.waiting -= 1

    def _executor(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None or self._pid != os.getpid():  # none yet, or one of the parent's
                self._pool = ProcessPoolExecutor(self.limit, mp_context=multiprocessing.get_context("spawn"),
                                                 initializer=_helper_start)
                self._pid = os.getpid()
            return self._pool

    def _discard(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        """Stop the helpers (tests; a worker's end stops them anyway)."""
        self._discard()


QUEUE = HeavyQueue()
