"""Answers kept per worker (dashboard/caching.py) equal fresh ones and follow a new index
generation; heavy requests (dashboard/heavy.py) take turns on low-priority threads."""
from __future__ import annotations

import base64
import csv
import io
import json
import os
import shutil
import threading
import time
from pathlib import Path

import pytest
from plotly.utils import PlotlyJSONEncoder

from dashboard.views import exporting, render
from dashboard.web.api import ANSWERS
from dashboard.web.app import create_app
from dashboard.common.caching import ENV_OFF
from dashboard.common.heavy import NICE, HeavyQueue
from dashboard.common.state import State
from indexer.search import SearchIndex, SearchRequest
from indexer.search.ingest import ingest

API_PATHS = ("/api/search?q=xylophone", "/api/search?q=rights", "/api/search?per_page=5&sort=newest", "/api/stats?by=year",
             "/api/search?q=rights&category=meeting&category=event")
STATES = (State(), State(q="xylophone"), State(q="rights", filters={"category": ("meeting",)}, page=2))


def _json(value) -> str:
    return json.dumps(value, cls=PlotlyJSONEncoder, sort_keys=True)


def _csv_rows(download: dict) -> int:
    data = base64.b64decode(download["content"]).decode("utf-8-sig")
    return len(list(csv.reader(io.StringIO(data)))) - 1


def _answers(client, holder) -> dict:
    """Everything the caches hold answers for, as JSON text."""
    index = holder()
    out = {path: client.get(path).get_data(as_text=True) for path in API_PATHS}
    for state in STATES:
        out[f"panel {state}"] = _json(vars(render.search_panel(index, state)))
        out[f"trends {state}"] = _json(render.trends_panel(index, state)[:3])
    out["csv rows"] = _csv_rows(exporting.items_download(index, State(), "csv"))
    return out


@pytest.fixture
def growing_index(dash_corpus, tmp_path):
    """An index of all the dashboard corpus but the bulletin with the xylophone items, and
    the folder to add it to."""
    folder = tmp_path / "bulletins"
    folder.mkdir()
    for path in dash_corpus.glob("*.txt"):
        if "extra" not in path.name:
            shutil.copy(path, folder / path.name)
    root = tmp_path / "index"
    assert ingest([folder], root, workers=1).files_failed == 0
    return root, folder


def test_a_new_generation_is_answered_afresh(growing_index, dash_corpus):
    root, folder = growing_index
    app = create_app(root)
    client, holder = app.server.test_client(), app.server.config["INDEX_HOLDER"]
    before = _answers(client, holder)
    assert _answers(client, holder) == before  # and now from the caches
    assert json.loads(before["/api/search?q=xylophone"])["total"] == 0
    shutil.copy(next(dash_corpus.glob("*extra*.txt")), folder)
    assert ingest([folder], root, workers=1).files_failed == 0
    after = _answers(client, holder)
    fresh = SearchIndex(root)
    assert json.loads(after["/api/search?q=xylophone"])["total"] == fresh.search(SearchRequest("xylophone")).total > 0
    assert json.loads(after["/api/stats?by=year"])["total"] == fresh.size == after["csv rows"] > before["csv rows"]
    assert after[f"panel {State(q='xylophone')}"] != before[f"panel {State(q='xylophone')}"]
    assert after[f"trends {State()}"] != before[f"trends {State()}"]


def test_a_cached_answer_equals_a_fresh_one(dash_index_root, monkeypatch):
    app = create_app(dash_index_root)
    client, holder = app.server.test_client(), app.server.config["INDEX_HOLDER"]
    _answers(client, holder)
    hits = ANSWERS.hits, render.PANELS.hits, render.TRENDS.hits, exporting.FILES.hits
    cached = _answers(client, holder)
    assert ANSWERS.hits >= hits[0] + len(API_PATHS) and render.PANELS.hits >= hits[1] + len(STATES)
    assert render.TRENDS.hits >= hits[2] + len(STATES) and exporting.FILES.hits > hits[3]
    monkeypatch.setenv(ENV_OFF, "1")
    assert _answers(client, holder) == cached


def test_the_same_search_written_differently_is_one_entry(dash_index_root):
    """Facets in another order are the same search (the API reads them in a fixed order)."""
    client = create_app(dash_index_root).server.test_client()
    first = client.get("/api/search?q=rights&year=2023&category=meeting")
    hits = ANSWERS.hits
    second = client.get("/api/search?category=meeting&q=rights&year=2023")
    assert ANSWERS.hits == hits + 1 and first.get_data() == second.get_data()
    assert client.get("/api/search?q=rights&year=2023").get_data() != first.get_data()


def _wait_for(condition, what: str, limit_s: float = 120) -> None:
    deadline = time.monotonic() + limit_s
    while not condition():
        assert time.monotonic() < deadline, f"never happened: {what}"
        time.sleep(0.01)


def _gated_work(folder: str, n: int) -> tuple[int, int, int]:
    """In a helper process: mark itself running (failing if another is), wait for the test's
    gate file, then answer (n squared, its pid, its priority)."""
    folder = Path(folder)
    running = os.open(folder / "running", os.O_CREAT | os.O_EXCL | os.O_WRONLY)  # raises if two at once
    (folder / f"started-{n}").touch()
    deadline = time.monotonic() + 120
    while not (folder / "gate").exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    os.close(running)
    os.unlink(folder / "running")
    return n * n, os.getpid(), os.getpriority(os.PRIO_PROCESS, 0)


def _helpers() -> int:
    """Helper processes of this process (spawned pool workers, not the resource tracker)."""
    found = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            ppid = int(stat.read_text().rsplit(")", 1)[1].split()[1])
            cmd = (stat.parent / "cmdline").read_bytes()
        except (OSError, ValueError, IndexError):
            continue
        found += ppid == os.getpid() and b"spawn_main" in cmd
    return found


def _failing_work() -> None:
    raise exporting.NothingToExport("no items dated 1999 in the index")


def test_heavy_requests_queue_one_at_a_time_in_a_low_priority_process(tmp_path):
    queue, results = HeavyQueue(limit=1), []
    base, others = os.getpriority(os.PRIO_PROCESS, 0), _helpers()  # e.g. the exports' own queue
    callers = [threading.Thread(target=lambda n=n: results.append(queue.run(_gated_work, str(tmp_path), n)))
               for n in range(3)]
    try:
        for c in callers:
            c.start()
        _wait_for(lambda: queue.waiting == 3 and len(list(tmp_path.glob("started-*"))) == 1,
                  "three requests queued, one building")
        assert _helpers() - others == 1  # one process for the three (a pool starts one per request up to its size)
        (tmp_path / "gate").touch()
        for c in callers:
            c.join(120)
    finally:
        queue.close()
    assert sorted(r[0] for r in results) == [0, 1, 4] and queue.waiting == 0  # all served, none refused
    assert {r[1] for r in results} != {os.getpid()}  # not in this process
    assert all(r[2] >= max(NICE, base) for r in results)  # below the searches' priority
    assert os.getpriority(os.PRIO_PROCESS, 0) == base  # the caller's is its own


def test_a_heavy_request_that_fails_fails_its_caller():
    queue = HeavyQueue(limit=1)
    try:
        with pytest.raises(exporting.NothingToExport, match="1999"):
            queue.run(_failing_work)
    finally:
        queue.close()


HELPER_THEN_DIE = """
import os, sys
from dashboard.common.heavy import HeavyQueue
print(HeavyQueue(limit=1).run(os.getpid), flush=True)
os._exit(0)  # as gunicorn's SIGKILL of a hung worker: no clean shutdown of the pool
"""


def test_a_helper_ends_when_its_worker_is_killed():
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", HELPER_THEN_DIE], capture_output=True, text=True, timeout=120,
                         env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])})
    helper = int(out.stdout.split()[0])
    assert helper != os.getpid()

    def gone() -> bool:
        try:
            state = Path(f"/proc/{helper}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            return True
        return state == "Z"  # ended, waiting for init to reap it
    _wait_for(gone, f"the orphaned helper {helper} to end")
