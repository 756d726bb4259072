"""Hostile requests get a 4xx with a short reason, never a 5xx: first the cases found by
hand (issue 12), then a seeded fuzz of 5,000+ requests over every route of the real
server (gunicorn: `bulletins serve --public`, and with sign-in, signed in and not), which
must still answer afterwards."""
from __future__ import annotations

import json
import random
import re
import threading
from collections import Counter
from urllib.parse import quote

import pytest
import requests

from dashboard.web.app import create_app
from dashboard.web.security import MAX_JSON_DEPTH, json_depth
from dashboard.office.users import UserStore

from .conftest import sign_in
from .live_server import serve

FUZZ_REQUESTS = 5_200
FUZZ_THREADS = 4
SEED = 12


@pytest.fixture(scope="module")
def client(dash_index_root, dash_aliases):
    return create_app(dash_index_root, dash_aliases).server.test_client()


ORIGIN = {"Origin": "http://localhost"}  # the test client's host: a same-site request


@pytest.mark.parametrize("url", ["/api/search?page=²", "/api/search?per_page=٣", "/api/stats?year=²&by=year",
                                 "/api/stats?year=²²²²&by=year", "/api/search?year=١٢٣٤"])
def test_digits_that_int_refuses_are_a_400_naming_the_parameter(client, url):
    r = client.get(url)
    assert r.status_code == 400
    assert r.json["error"].startswith(("'page'", "'per_page'", "year"))


@pytest.mark.parametrize("path", ["/_dash-component-suites/dash/../../etc/passwd",
                                  "/_dash-component-suites/dash/..%2F..%2Fetc/passwd",
                                  "/_dash-component-suites/os/path.py", "/_dash-component-suites/dash/nothing.js"])
def test_a_component_suite_path_outside_the_registered_files_is_a_404(client, path):
    r = client.get(path)
    assert r.status_code == 404 and r.json == {"error": "no such file"}


def test_a_fresh_worker_serves_every_bundle_while_another_thread_runs_its_first_request(dash_index_root, dash_aliases):
    """Dash marks its first-request setup done as it starts it: a second thread of the worker
    must find the bundles the page names registered all the same."""
    page = create_app(dash_index_root, dash_aliases).server.test_client().get("/").text
    bundles = sorted(set(re.findall(r'src="(/_dash-component-suites/[^"]+)"', page)))
    assert len(bundles) > 5  # React, the renderer, the component libraries
    fresh = create_app(dash_index_root, dash_aliases)
    fresh._got_first_request["setup_server"] = True  # noqa: SLF001 - as Dash sets it, then sets up, on a first request
    client = fresh.server.test_client()
    assert [(b, code) for b in bundles if (code := client.get(b).status_code) != 200] == []


@pytest.mark.parametrize("body,reason", [
    ("[" * 5000 + "]" * 5000, "nested deeper"),
    ('{"a": ' * 100 + "1" + "}" * 100, "nested deeper"),
    ("not json", "not valid JSON"),
    ("[1, 2]", "JSON object"),
    ("{}", "'output'"),
    ('{"output": "nothing.children", "inputs": [], "changedPropIds": []}', "'output'"),
    ('{"output": "query-help.is_open", "inputs": 3, "changedPropIds": []}', "'inputs'"),
    ('{"output": "query-help.is_open", "inputs": [5], "changedPropIds": []}', "each input"),
    ('{"output": "query-help.is_open", "inputs": [], "changedPropIds": [1]}', "'changedPropIds'"),
])
def test_a_malformed_callback_body_is_a_400_with_a_reason(client, body, reason):
    r = client.post("/_dash-update-component", data=body, content_type="application/json", headers=ORIGIN)
    assert r.status_code == 400
    assert reason in r.json["error"]


def test_a_callback_that_cannot_run_on_its_inputs_is_a_400(dash_index_root, dash_aliases):
    # The right shape, but the URL's search string is an object: the search callback cannot use it.
    app = create_app(dash_index_root, dash_aliases)
    output = next(k for k in app.callback_map if k.startswith("..notices.children..."))
    outputs = [dict(zip(("id", "property"), part.rsplit(".", 1))) for part in output.strip(".").split("...")]
    body = {"output": output, "outputs": outputs,
            "inputs": [{"id": "url", "property": "search", "value": {"not": "a string"}}],
            "changedPropIds": ["url.search"]}
    r = app.server.test_client().post("/_dash-update-component", json=body, headers=ORIGIN)
    assert r.status_code == 400 and r.json == {"error": "the callback cannot run with these inputs"}


def test_a_body_over_the_size_limit_is_a_413(client):
    r = client.post("/_dash-update-component", data=b"{" + b" " * (2 << 20) + b"}",
                    content_type="application/json", headers=ORIGIN)
    assert r.status_code == 413


def test_json_depth_counts_brackets_outside_strings_only():
    assert json_depth(b'{"a": [1, {"b": "[[[[{{{{"}]}') == 3
    assert json_depth(b'"\\"[[[["') == 0
    assert json_depth(b"[" * (MAX_JSON_DEPTH + 1)) == MAX_JSON_DEPTH + 1


# --------------------------------------------------------------------------- the fuzz

HOSTILE = ["", "²", "²²²²", "١٢٣٤", "𝟙𝟚", "Ⅻ", "9" * 40, "-1", "0", "1e5", "0x10", " 7 ", "\x00", "%00",
           "' OR 1=1 --", "<script>alert(1)</script>", "a" * 600, "a" * 4000, "date:[2020 to", "title:(",
           "*", "a*", "~", "x~~~~9", '"unclosed', "NOT", "AND OR NOT", "../../etc/passwd", "..%2f..%2f",
           "\r\nSet-Cookie: x=1", "😀" * 30, "2024-13-45", "2024-02-30", "9999-12-31", "{}", "[]", "null",
           "partner:\"", "category:*", "year:>", "date:<20", "(((((((((((((((((((((((((a", "\\", "%", "&&&"]
PARAMS = ["q", "page", "per_page", "sort", "year", "category", "theme", "partner", "place", "person",
          "from", "to", "by", "view", "id", "junk"]


def _hostile(rng: random.Random) -> str:
    if rng.random() < 0.3:
        return "".join(chr(rng.choice([rng.randrange(32, 127), rng.randrange(160, 0xD7FF)]))
                       for _ in range(rng.randrange(0, 40)))
    return rng.choice(HOSTILE)


def _json_value(rng: random.Random, depth: int = 0):
    kind = rng.randrange(8 if depth < 3 else 5)
    simple = [None, rng.choice([True, False]), rng.randrange(-10**12, 10**12), rng.random() * 1e308, _hostile(rng)]
    if kind < 5:
        return simple[kind]
    if kind < 7:
        return [_json_value(rng, depth + 1) for _ in range(rng.randrange(4))]
    return {_hostile(rng): _json_value(rng, depth + 1) for _ in range(rng.randrange(4))}


def _query_string(rng: random.Random) -> str:
    pairs = [(rng.choice(PARAMS), _hostile(rng)) for _ in range(rng.randrange(1, 6))]
    return "&".join(f"{quote(k)}={quote(v, safe='')}" for k, v in pairs)


def _spec_id(spec: str, rng: random.Random):
    if not spec.startswith("{"):
        return spec
    return {k: (_hostile(rng) if isinstance(v, list) else v) for k, v in json.loads(spec).items()}


def _dependency_entry(dep: dict, rng: random.Random) -> dict | list:
    entry = {"id": _spec_id(dep["id"], rng), "property": dep["property"], "value": _json_value(rng)}
    if dep["id"].startswith("{"):
        return [entry for _ in range(rng.randrange(3))]
    if dep["property"] == "search" and rng.random() < 0.7:
        entry["value"] = "?" + _query_string(rng)  # the URL: the value every view reads
    return entry


def _callback_body(dep: dict, rng: random.Random) -> dict:
    inputs = [_dependency_entry(d, rng) for d in dep["inputs"]]
    body = {"output": dep["output"], "outputs": [], "inputs": inputs,
            "state": [_dependency_entry(d, rng) for d in dep.get("state", [])],
            "changedPropIds": [f"{d['id']}.{d['property']}" for d in rng.sample(dep["inputs"], 1)]}
    if rng.random() < 0.2:  # break the shape: drop or retype a field
        key = rng.choice(list(body))
        if rng.random() < 0.5:
            body[key] = _json_value(rng)
        else:
            del body[key]
    return body


def _request(rng: random.Random, deps: list[dict]) -> tuple[str, str, dict]:
    """(method, path, requests options) of one hostile request."""
    roll = rng.random()
    if roll < 0.25:
        return "GET", f"/api/search?{_query_string(rng)}", {}
    if roll < 0.35:
        return "GET", f"/api/stats?by={quote(rng.choice(['month', 'year', 'partner', _hostile(rng)]), safe='')}&{_query_string(rng)}", {}
    if roll < 0.42:
        return "GET", f"/api/items/{quote(_hostile(rng), safe='')}", {}
    if roll < 0.62:
        return "POST", "/_dash-update-component", {"json": _callback_body(rng.choice(deps), rng)}
    if roll < 0.67:
        raw = rng.choice(["[" * 3000, '{"output":' * 500, "\xff\xfe", "", "{" + _hostile(rng)])
        return "POST", "/_dash-update-component", {"data": raw.encode("utf-8", "surrogatepass"),
                                                   "headers": {"Content-Type": "application/json"}}
    if roll < 0.75:
        pkg = rng.choice(["dash", "plotly", "dash_bootstrap_components", "os", _hostile(rng)])
        return "GET", f"/_dash-component-suites/{quote(pkg, safe='')}/{quote(_hostile(rng), safe='/%')}", {}
    if roll < 0.85:
        path = rng.choice(["/", "/_dash-layout", "/_dash-dependencies", "/healthz", "/_favicon.ico", "/_reload-hash",
                           "/login", "/logout", "/admin/users", "/assets/" + quote(_hostile(rng), safe="/%"),
                           "/api/" + quote(_hostile(rng), safe=""), "/" + quote(_hostile(rng), safe="/%")])
        return "GET", f"{path}?{_query_string(rng)}", {}
    if roll < 0.90:
        return rng.choice(["PUT", "DELETE", "PATCH", "POST"]), rng.choice(["/", "/api/search", "/healthz", "/login"]), {}
    if roll < 0.94:
        return "GET", rng.choice(["/saved", "/admin/users", f"/feeds/{quote(_hostile(rng), safe='')}.atom"]), {}
    form = {"name": _hostile(rng), "password": _hostile(rng), "csrf": _hostile(rng), "search": _hostile(rng),
            "digest_to": _hostile(rng), "next": _hostile(rng)}
    return "POST", rng.choice(["/login", "/logout", "/saved", "/saved/remove"]), {"data": form}


def _sign_in(session: requests.Session, url: str) -> None:
    r = sign_in(session, "vera", PASSWORD, base=url, next_path=None, allow_redirects=False, timeout=60)
    assert r.status_code == 302, r.text


def _fuzz_worker(url: str, signed_in: bool, deps: list[dict], seed: int, count: int, statuses: Counter,
                 failures: list) -> None:
    rng = random.Random(seed)
    with requests.Session() as session:
        if signed_in:
            _sign_in(session, url)
        for _ in range(count):
            method, path, options = _request(rng, deps)
            headers = {**options.pop("headers", {}), **({"Origin": url} if rng.random() < 0.9 else {})}
            try:
                r = session.request(method, url + path, headers=headers, timeout=120, allow_redirects=False, **options)
            except requests.RequestException as exc:
                failures.append(f"{method} {path[:120]}: {exc}")
                continue
            statuses[r.status_code] += 1
            if r.status_code >= 500:
                failures.append(f"{method} {path} -> {r.status_code} {r.text[:200]}")


PASSWORD = "fuzzing password"


def test_thousands_of_hostile_requests_get_no_5xx_and_the_servers_live(dash_index_root, tmp_path):
    """Half to a --public server, half to one with sign-in (two clients signed in, two not)."""
    UserStore(tmp_path).add("vera", PASSWORD, "viewer")
    with serve(dash_index_root, "--public", "--workers", "2") as (public, p1), \
            serve(dash_index_root, "--config", str(tmp_path), "--workers", "2") as (office, p2):
        deps = requests.get(public + "/_dash-dependencies", timeout=60).json()
        statuses, failures = Counter(), []
        plan = [(public, False), (public, False), (office, True), (office, False)]
        threads = [threading.Thread(target=_fuzz_worker, args=(url, signed_in, deps, SEED + i, FUZZ_REQUESTS // len(plan),
                                                               statuses, failures))
                   for i, (url, signed_in) in enumerate(plan)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert not failures, f"{len(failures)} failures, e.g. {failures[:5]}"
        assert sum(statuses.values()) >= 5_000
        assert sum(n for s, n in statuses.items() if 400 <= s < 500) > 1_000, statuses  # it was hostile
        for url, proc in ((public, p1), (office, p2)):
            assert requests.get(url + "/healthz", timeout=60).json()["status"] == "ok"
            assert proc.poll() is None
        assert requests.get(public + "/api/search?q=xylophone", timeout=60).json()["total"] >= 1
