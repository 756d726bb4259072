"""An ingest while 20 clients search the real server (gunicorn, 2 workers): no request
fails, the workers move to the new generation without a restart, and every answer comes
wholly from one generation (its total is that generation's, as its header says)."""
from __future__ import annotations

import shutil
import threading
import time

import requests

from indexer.search import SearchIndex
from indexer.search.ingest import ingest

from .live_server import serve

CLIENTS = 20
SWITCH_S = 120  # the longest the clients keep searching for the new generation to show up


def _client(url: str, stop: threading.Event, answers: list, failures: list) -> None:
    with requests.Session() as session:
        while not stop.is_set():
            for path in ("/api/search?per_page=5", "/api/stats?by=year", "/api/search?q=rights&sort=newest"):
                try:
                    r = session.get(url + path, timeout=120)
                except requests.RequestException as exc:
                    failures.append(f"{path}: {exc}")
                    continue
                if r.status_code != 200:
                    failures.append(f"{path}: {r.status_code} {r.text[:200]}")
                    continue
                answers.append((path, r.headers["X-Index-Generation"], r.json()["total"]))


def _totals(root) -> tuple[str, dict[str, int]]:
    index = SearchIndex(root)
    by_path = {"/api/search?per_page=5": index.size, "/api/stats?by=year": index.size}
    from indexer.search import SearchRequest

    by_path["/api/search?q=rights&sort=newest"] = index.search(SearchRequest("rights", per_page=5)).total
    return index.generation.name, by_path


def test_an_ingest_under_20_searching_clients_fails_no_request(dash_corpus, tmp_path):
    first = tmp_path / "first"
    first.mkdir()
    files = sorted(dash_corpus.glob("*.txt"))
    for path in files[:-3]:
        shutil.copy(path, first / path.name)
    root = tmp_path / "index"
    ingest([first], root, workers=1)
    old_gen, old_totals = _totals(root)
    with serve(root, "--public", "--workers", "2") as (url, _proc):
        stop, answers, failures = threading.Event(), [], []
        clients = [threading.Thread(target=_client, args=(url, stop, answers, failures)) for _ in range(CLIENTS)]
        for c in clients:
            c.start()
        try:
            warm = time.monotonic() + SWITCH_S  # a client that died must fail the test, not hang it
            while len(answers) < 200 and not failures and time.monotonic() < warm:  # all on the first generation
                time.sleep(0.05)
            assert len(answers) >= 200 or failures, f"only {len(answers)} answers before the ingest"
            for path in files[-3:]:
                shutil.copy(path, first / path.name)
            report = ingest([first], root, workers=1)
            assert report.files_failed == 0
            new_gen, new_totals = _totals(root)
            seen_at = len(answers)
            deadline = time.monotonic() + SWITCH_S
            while sum(g == new_gen for _, g, _ in answers[seen_at:]) < 200 and time.monotonic() < deadline:
                time.sleep(0.05)
        finally:
            stop.set()
            for c in clients:
                c.join(120)
    assert not failures, failures[:5]
    expected = {old_gen: old_totals, new_gen: new_totals}
    assert old_totals != new_totals  # the ingest added items: the generations can be told apart
    assert {g for _, g, _ in answers} == {old_gen, new_gen}
    wrong = [(p, g, t) for p, g, t in answers if t != expected[g][p]]
    assert not wrong, wrong[:5]
    assert answers[-1][1] == new_gen
