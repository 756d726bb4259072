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

import pytest
from plotly.utils import PlotlyJSONEncoder

from dashboard import exporting, render
from dashboard.api import ANSWERS
from dashboard.app import create_app
from dashboard.caching import ENV_OFF
from dashboard.heavy import NICE, HeavyQueue
from dashboard.state import State
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


def _wait_for(condition, what: str, limit_s: float = 60) -> None:
    deadline = time.monotonic() + limit_s
    while not condition():
        assert time.monotonic() < deadline, f"never happened: {what}"
        time.sleep(0.01)


def test_heavy_requests_queue_one_at_a_time_on_a_low_priority_thread():
    queue, gate = HeavyQueue(limit=1), threading.Event()
    base = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    running, seen, results, lock = [0], [], [], threading.Lock()

    def work(n: int) -> int:
        with lock:
            running[0] += 1
            seen.append((running[0], os.getpriority(os.PRIO_PROCESS, threading.get_native_id())))
        gate.wait(60)
        with lock:
            running[0] -= 1
        return n * n

    callers = [threading.Thread(target=lambda n=n: results.append(queue.run(work, n))) for n in range(3)]
    for c in callers:
        c.start()
    _wait_for(lambda: queue.waiting == 3 and len(seen) == 1, "three requests queued, one building")
    assert running[0] == 1  # the other two wait their turn, not refused
    gate.set()
    for c in callers:
        c.join(60)
    assert sorted(results) == [0, 1, 4] and queue.waiting == 0
    assert [r for r, _ in seen] == [1, 1, 1]
    assert all(p >= max(NICE, base) for _, p in seen)  # below the searches' priority
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == base  # the caller's is its own


def test_a_heavy_request_that_fails_fails_its_caller():
    def work() -> None:
        raise exporting.NothingToExport("no items dated 1999 in the index")

    with pytest.raises(exporting.NothingToExport, match="1999"):
        HeavyQueue(limit=1).run(work)
