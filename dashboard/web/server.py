"""The production web server: gunicorn with worker processes, each with a few threads.

Why gunicorn: it runs on the Linux machines an office has, restarts a worker that dies
or hangs, and its processes let searches (CPU-bound Python) use both cores, which
threads in one process cannot. Each worker opens the index itself on its first request
(nothing is opened before the fork) and follows new generations per request (see
`app.IndexHolder`), so an ingest needs no restart.
"""
from __future__ import annotations

import os

from gunicorn.app.base import BaseApplication

THREADS = 8  # per worker: see default_threads
ENV_THREADS = "BULLETINS_THREADS"


def default_threads() -> int:
    """Threads per worker: THREADS, or what BULLETINS_THREADS says. 8, not 4: a request
    waiting for its export (heavy.py) holds a thread, and with 4 a few of them left a worker
    none for searches (bench/results.md: API search p95 1.5-2.5 s with 4, 0.6-1.0 s with 8)."""
    value = os.environ.get(ENV_THREADS, "").strip()
    return int(value) if value.isascii() and value.isdigit() and 0 < int(value) <= 64 else THREADS


def default_workers() -> int:
    """Two workers per core, at most 8: a worker busy with an export or the report pack
    holds its own interpreter lock only, so searches in the others stay fast (bench/results.md:
    at 50 users, 4 workers on 2 cores cut the p95 of API searches from seconds to 345 ms)."""
    return max(2, min(8, 2 * (os.cpu_count() or 1)))


def options(host: str, port: int, workers: int, threads: int | None = None) -> dict:
    return {
        "bind": f"{host}:{port}",
        "workers": workers,
        "worker_class": "gthread",
        "threads": threads or default_threads(),
        "timeout": 180,  # the annual-report pack of a large year takes a while
        "graceful_timeout": 30,
        # Longer than a proxy's or browser's idle reuse of a connection (nginx: 60 s), so the
        # server never closes one just as a client sends on it (a failed request at 5 s).
        "keepalive": 75,
        # Request limits, in bytes and counts, before Flask sees anything.
        "limit_request_line": 8190,
        "limit_request_fields": 100,
        "limit_request_field_size": 8190,
        "accesslog": None,
        "errorlog": "-",
        "loglevel": "warning",
    }


class _Gunicorn(BaseApplication):
    def __init__(self, wsgi_app, settings: dict) -> None:
        self.wsgi_app, self.settings = wsgi_app, settings
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.settings.items():
            self.cfg.set(key, value)

    def load(self):
        return self.wsgi_app


def run(wsgi_app, host: str, port: int, workers: int, threads: int | None = None) -> None:
    """Serve until interrupted (Ctrl+C or SIGTERM stop it gracefully)."""
    _Gunicorn(wsgi_app, options(host, port, workers, threads)).run()
