"""`bulletins serve` (gunicorn) in a subprocess on a free loopback port, for the tests that
need the real server: started, waited for by polling /healthz, stopped by its pid."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import requests

STARTUP_S = 90  # a busy 2-core CI machine imports Dash and plotly slowly


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve(index: Path, *options: str, env: dict | None = None):
    """The base URL of a running server; the server is stopped (whole process group) after."""
    port = free_port()
    cmd = [sys.executable, "-m", "indexer.cli", "serve", "--index", str(index), "--port", str(port), *options]
    # The log goes to a file: a pipe nobody reads would fill and block the server's writes.
    log = tempfile.TemporaryFile(mode="w+")
    proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, text=True,
                            env={**os.environ, **(env or {})}, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_up(proc, url, log)
        yield url, proc
    finally:
        _stop(proc)
        log.close()


def _wait_up(proc: subprocess.Popen, url: str, log) -> None:
    deadline = time.monotonic() + STARTUP_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            log.seek(0)
            raise RuntimeError(f"the server ended ({proc.returncode}): {log.read()[-2000:]}")
        try:
            if requests.get(url + "/healthz", timeout=5).status_code == 200:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.2)  # polling for a condition, not waiting for time to pass
    raise RuntimeError(f"the server did not answer /healthz within {STARTUP_S} s")


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)  # gunicorn's master and its workers: our own group
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(10)
