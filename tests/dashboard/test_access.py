"""Sign-in, roles, sessions and CSRF (dashboard.office.auth, dashboard.office.users, `bulletins users`):
every route refused without a session, read-only with --public, headers on every answer,
passwords not recoverable from the store."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading

import pytest

from dashboard.web.app import create_app
from dashboard.office.auth import OPEN_PATHS, OPEN_PREFIXES, Access
from dashboard.office import users
from dashboard.office.users import UserError, UserStore

from .conftest import sign_in

PASSWORD = "a long enough pass phrase"
ORIGIN = {"Origin": "http://localhost"}


@pytest.fixture(scope="module")
def config(tmp_path_factory):
    folder = tmp_path_factory.mktemp("config")
    store = UserStore(folder)
    for name, role in (("vera", "viewer"), ("ed", "editor"), ("ada", "admin")):
        store.add(name, PASSWORD + name, role)
    return folder


@pytest.fixture(scope="module")
def app(dash_index_root, dash_aliases, config):
    return create_app(dash_index_root, dash_aliases, Access(config))


def _client(app):
    return app.server.test_client()


def _sign_in(client, name: str, password: str | None = None, next_path: str = "/"):
    return sign_in(client, name, password or PASSWORD + name, next_path=next_path)


def _concrete(rule) -> str:
    """A URL for a route, its variables filled with plausible values."""
    fill = {"item_id": "x", "package_name": "dash", "fingerprinted_path": "deps/react@18.3.1.min.js",
            "path": "anything", "filename": "10-dashboard.css"}
    return re.sub(r"<(?:[^:>]+:)?([^>]+)>", lambda m: fill.get(m.group(1), "x"), rule.rule)


def _routes(app):
    return [(r, m) for r in app.server.url_map.iter_rules() for m in sorted(r.methods - {"HEAD", "OPTIONS"})]


def test_every_route_without_a_session_is_refused(app):
    client = _client(app)
    checked = 0
    for rule, method in _routes(app):
        url = _concrete(rule)
        if url in OPEN_PATHS or url.startswith(OPEN_PREFIXES):
            continue
        r = client.open(url, method=method, headers=ORIGIN, json={} if method == "POST" else None)
        checked += 1
        if url.startswith(("/api/", "/_dash-")):
            assert r.status_code == 401 and r.json == {"error": "sign in first"}, (method, url, r.status_code)
        else:
            assert r.status_code == 302 and r.headers["Location"].startswith("/login?next="), (method, url)
    assert checked >= 10  # the API, the Dash routes (callbacks, layout, suites), pages, /admin


def test_a_signed_in_viewer_reads_everything_but_the_admin_pages(app):
    client = _client(app)
    r = _sign_in(client, "vera", next_path="/?q=xylophone")
    assert r.status_code == 302 and r.headers["Location"] == "/?q=xylophone"
    assert client.get("/api/search?q=xylophone").json["total"] >= 1
    assert client.get("/_dash-layout").status_code == 200
    page = client.get("/").text
    assert "Signed in as <strong>vera</strong> (viewer)" in page
    assert client.get("/admin/users").status_code == 403


def test_an_admin_sees_the_accounts_without_their_hashes(app):
    client = _client(app)
    _sign_in(client, "ada")
    r = client.get("/admin/users")
    assert r.status_code == 200
    assert {u["name"]: u["role"] for u in r.json["users"]} == {"vera": "viewer", "ed": "editor", "ada": "admin"}
    assert "scrypt" not in r.text


def test_sign_out_ends_the_session(app):
    client = _client(app)
    _sign_in(client, "ed")
    token = re.search(r'name="csrf" value="([^"]+)"', client.get("/").text).group(1)
    assert client.post("/logout", data={"csrf": token}, headers=ORIGIN).status_code == 302
    assert client.get("/api/search").status_code == 401


def test_a_session_expires(app):
    client = _client(app)
    _sign_in(client, "vera")
    assert client.get("/api/search").status_code == 200
    with client.session_transaction() as session:
        session["since"] -= 8 * 3600 + 1  # signed in just over the 8 hours a session lasts
    assert client.get("/api/search").status_code == 401
    assert client.get("/api/search").status_code == 401  # the session was cleared, not only refused once


def test_a_removed_user_or_changed_role_takes_effect_at_once(dash_index_root, tmp_path):
    store = UserStore(tmp_path)
    store.add("tom", PASSWORD, "admin")
    client = _client(create_app(dash_index_root, None, Access(tmp_path)))
    _sign_in(client, "tom", PASSWORD)
    assert client.get("/admin/users").status_code == 200
    store.set_role("tom", "viewer")
    assert client.get("/admin/users").status_code == 403
    store.remove("tom")
    assert client.get("/api/search").status_code == 401


def test_wrong_passwords_are_rate_limited(dash_index_root, config):
    client = _client(create_app(dash_index_root, None, Access(config)))  # its own limiter: the others sign in
    codes = [_sign_in(client, "ed", "wrong password!").status_code for _ in range(6)]
    assert codes == [401] * 5 + [429]
    assert _sign_in(client, "ed").status_code == 429  # even the right one, until the window passes
    assert "Too many failed sign-ins" in _sign_in(client, "ed").text


def test_a_post_from_another_site_or_without_the_form_token_is_refused(app):
    client = _client(app)
    _sign_in(client, "vera")
    body = {"output": "item-view.children", "inputs": [], "changedPropIds": []}
    assert client.post("/_dash-update-component", json=body, headers={"Origin": "http://evil.example"}).status_code == 403
    assert client.post("/_dash-update-component", json=body).status_code == 403  # neither Origin nor Referer
    assert client.post("/logout", data={"csrf": "guess"}, headers=ORIGIN).status_code == 403
    assert client.post("/logout", data={"csrf": "²ü"}, headers=ORIGIN).status_code == 403  # not a 500 from compare_digest
    assert client.get("/api/search").status_code == 200  # still signed in


def test_after_sign_in_only_a_local_path_is_followed(app):
    client = _client(app)
    r = _sign_in(client, "vera", next_path="//evil.example/x")
    assert r.headers["Location"] == "/"


def test_the_way_back_after_sign_in_keeps_its_query_and_never_breaks_a_header(app):
    client = _client(app)
    r = client.get("/?q=children&year=2024")
    assert r.status_code == 302 and r.headers["Location"] == "/login?next=%2F%3Fq%3Dchildren%26year%3D2024"
    r = client.get("/%0D%0ASet-Cookie%3A%20x%3D1?category=%E9%B4%A8")  # CR LF in the path (found by the fuzz)
    assert r.status_code == 302 and r.headers["Location"] == "/login?next=%2F"
    assert not any(k.lower() == "set-cookie" and v.startswith("x=") for k, v in r.headers.items())
    assert _sign_in(_client(app), "vera", next_path="/\r\nSet-Cookie: x=1").headers["Location"] == "/"


def test_a_damaged_account_store_refuses_sign_in_in_one_line(dash_index_root, tmp_path):
    store = UserStore(tmp_path)
    store.add("vera", PASSWORD + "vera", "viewer")
    client = create_app(dash_index_root, None, Access(tmp_path)).server.test_client()
    (tmp_path / "users.json").write_text('{"users": {"vera": {"role": "boss"', encoding="utf-8")  # cut short
    r = _sign_in(client, "vera")
    assert r.status_code == 503 and "account store is damaged" in r.text
    assert client.get("/api/search").status_code == 401
    with pytest.raises(UserError, match="users.json: cannot be read"):
        store.list()
    done = subprocess.run([sys.executable, "-m", "indexer.cli", "serve", "--index", str(dash_index_root),
                           "--config", str(tmp_path)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 1 and done.stderr.strip().endswith("restore it from a backup")
    assert "Traceback" not in done.stderr


def test_public_serves_reads_and_refuses_changes(dash_index_root):
    client = _client(create_app(dash_index_root, None, Access(public=True)))
    assert client.get("/api/search").status_code == 200
    assert client.get("/").status_code == 200
    assert client.post("/logout", headers=ORIGIN).status_code == 403
    assert client.get("/login").status_code != 200 or "password" not in client.get("/login").text


@pytest.mark.parametrize("path", ["/", "/api/search", "/healthz", "/login", "/_dash-layout"])
def test_every_answer_carries_the_security_headers(app, path):
    r = _client(app).get(path)
    csp = r.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp and "script-src 'self' 'sha256-" in csp and "unsafe-eval" not in csp
    assert r.headers["X-Content-Type-Options"] == "nosniff"
    assert r.headers["Referrer-Policy"] == "same-origin"


def test_passwords_are_stored_as_scrypt_hashes_only(config):
    text = (config / "users.json").read_text()
    for name in ("vera", "ed", "ada"):
        assert PASSWORD not in text and (PASSWORD + name) not in text
    hashes = [u["password"] for u in json.loads(text)["users"].values()]
    assert all(h.startswith("scrypt:") for h in hashes) and len(set(hashes)) == 3  # salted
    assert (config / "users.json").stat().st_mode & 0o077 == 0
    assert UserStore(config).verify("vera", PASSWORD + "vera").role == "viewer"
    assert UserStore(config).verify("vera", PASSWORD) is None


def test_the_store_refuses_bad_names_roles_and_short_passwords(tmp_path):
    store = UserStore(tmp_path)
    for name, password, role in (("a b", PASSWORD, "viewer"), ("ok", "short", "viewer"), ("ok", PASSWORD, "root")):
        with pytest.raises(UserError):
            store.add(name, password, role)
    assert store.list() == []


def _users(tmp_path, *args, password: str = PASSWORD):
    return subprocess.run([sys.executable, "-m", "indexer.cli", "users", *args, "--config", str(tmp_path)],
                          input=password + "\n", capture_output=True, text=True, timeout=120)


def test_the_users_command_adds_lists_sets_roles_and_removes(tmp_path):
    assert _users(tmp_path, "add", "kim", "--role", "editor").returncode == 0
    assert _users(tmp_path, "list").stdout == "kim\teditor\n"
    assert _users(tmp_path, "set-role", "kim", "admin").returncode == 0
    assert _users(tmp_path, "list").stdout == "kim\tadmin\n"
    again = _users(tmp_path, "add", "kim")
    assert again.returncode == 1 and again.stderr.strip() == "bulletins: error: user 'kim' exists already (use set-role or remove)"
    assert _users(tmp_path, "remove", "kim").returncode == 0
    assert _users(tmp_path, "list").stdout == ""


def test_serve_without_users_says_how_to_add_one(tmp_path, dash_index_root):
    r = subprocess.run([sys.executable, "-m", "indexer.cli", "serve", "--index", str(dash_index_root),
                        "--config", str(tmp_path), "--port", "1"], capture_output=True, text=True, timeout=120)
    assert r.returncode == 1
    assert "no users in" in r.stderr and "bulletins users add NAME --role admin" in r.stderr


def test_workers_starting_together_sign_sessions_with_one_key(tmp_path, monkeypatch):
    # A worker that created the key file and had not yet written it let another read it empty.
    real_fdopen, started = os.fdopen, threading.Event()

    def slow_fdopen(*args, **kwargs):
        started.set()
        threading.Event().wait(0.3)  # the first writer is slow: the second looks meanwhile
        return real_fdopen(*args, **kwargs)

    monkeypatch.setattr(users.os, "fdopen", slow_fdopen)
    keys = []
    first = threading.Thread(target=lambda: keys.append(UserStore(tmp_path).session_secret()))
    first.start()
    started.wait(5)
    monkeypatch.setattr(users.os, "fdopen", real_fdopen)
    keys.append(UserStore(tmp_path).session_secret())
    first.join()
    assert len(keys) == 2 and keys[0] == keys[1] and len(keys[0]) == 64, keys
