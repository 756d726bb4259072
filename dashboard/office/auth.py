"""Who may do what: sign-in (flask-login over `users.UserStore`), roles, session expiry,
sign-out, the login rate limit and CSRF checks. Every route passes through `_gate`.

Two modes. Signed-in (the default of `bulletins serve`): every route but /login and
/healthz needs a session; API and Dash calls without one get 401, pages a redirect to
/login. Public (`--public`, the demo): anyone may read, nobody may change anything.

CSRF: every state-changing request must come from this site's own pages (its Origin,
or failing that its Referer, names this host: browsers send one on every POST); the
sign-in and sign-out forms also carry a per-session token. Session cookies are HttpOnly
and SameSite=Lax, and Secure behind an HTTPS proxy.
"""
from __future__ import annotations

import secrets
import threading
import time
from collections import deque
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from urllib.parse import quote, urlsplit

import flask_login
from flask import Flask, abort, current_app, jsonify, redirect, request, session
from markupsafe import escape

from ..common.page import page
from .users import User, UserError, UserStore

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
OPEN_PATHS = ("/login", "/healthz")
OPEN_PREFIXES = ("/assets/",  # the app's own CSS (the sign-in page uses it); no data
                 "/feeds/")  # a saved search's Atom feed: its unguessable token is the key
READ_ONLY_POSTS = ("/_dash-update-component",)  # callbacks compute views; they change nothing
EDIT_PREFIX = "/review/"  # label decisions: open to all under --public only with --allow-edits
LOGIN_LIMIT = 5  # failed attempts per name and per address ...
LOGIN_WINDOW_S = 15 * 60  # ... within this window


@dataclass(frozen=True)
class Access:
    """How the server lets people in."""

    config_dir: Path | None = None  # None with public=True: no accounts at all
    public: bool = False
    session_hours: float = 8.0
    secure_cookies: bool = False  # True behind an HTTPS reverse proxy
    allow_edits: bool = False  # with public=True: anyone may still correct labels (/review)


class SessionUser(flask_login.UserMixin):
    def __init__(self, user: User) -> None:
        self.user, self.id = user, user.name


class LoginLimiter:
    """Failed sign-ins per key (a name, an address) within a sliding window. Per worker
    process: with N workers an attacker gets N times the limit, still a handful a minute."""

    def __init__(self, limit: int = LOGIN_LIMIT, window_s: float = LOGIN_WINDOW_S) -> None:
        self.limit, self.window = limit, window_s
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def wait_s(self, *keys: str) -> float:
        """Seconds until any of `keys` may try again (0: now)."""
        now = time.monotonic()
        with self._lock:
            waits = [self._recent(k, now)[0] + self.window - now for k in keys if len(self._recent(k, now)) >= self.limit]
        return max(waits, default=0.0)

    def fail(self, *keys: str) -> None:
        now = time.monotonic()
        with self._lock:
            for k in keys:
                self._recent(k, now).append(now)

    def _recent(self, key: str, now: float) -> deque[float]:
        times = self._failures.setdefault(key, deque())
        while times and times[0] <= now - self.window:
            times.popleft()
        return times


def install(server: Flask, access: Access) -> None:
    store = UserStore(access.config_dir) if access.config_dir else None
    server.secret_key = store.session_secret() if store else secrets.token_bytes(32)
    server.config.update(
        SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax", SESSION_COOKIE_SECURE=access.secure_cookies,
        PERMANENT_SESSION_LIFETIME=timedelta(hours=access.session_hours), BULLETINS_ACCESS=access)
    manager = flask_login.LoginManager(server)
    manager.user_loader(lambda name: _load(store, name))
    server.before_request(lambda: _gate(access))
    if store is not None:
        _routes(server, store, LoginLimiter())
        _admin_routes(server, store)


def _load(store: UserStore | None, name: str) -> SessionUser | None:
    # Read on every request: a removed user or a changed role takes effect at once.
    try:
        user = store.get(name) if store else None
    except UserError as exc:  # a damaged users.json: nobody is signed in until it is fixed
        current_app.logger.error("%s", exc)
        return None
    return SessionUser(user) if user else None


def current_user() -> User | None:
    u = flask_login.current_user
    return u.user if u and u.is_authenticated else None


def _gate(access: Access):
    """Run before every request: CSRF for state changes, then sign-in and expiry."""
    if request.method not in SAFE_METHODS and not same_origin():
        abort(403, "cross-site request refused (its Origin is not this site)")
    if access.public:
        edit = access.allow_edits and request.path.startswith(EDIT_PREFIX)
        if request.method not in SAFE_METHODS and request.path not in READ_ONLY_POSTS and not edit:
            abort(403, "this server is read-only (--public)")
        return None
    if request.path in OPEN_PATHS or request.path.startswith(OPEN_PREFIXES):
        return None
    user = current_user()
    if user is not None and _expired(access):
        session.clear()
        user = None
    if user is None:  # the session stays: it holds the sign-in form's token
        if request.path.startswith(("/api/", "/_dash-")):
            return jsonify({"error": "sign in first"}), 401
        return redirect("/login?next=" + quote(_local(request.full_path), safe=""))
    return None


def _expired(access: Access) -> bool:
    return time.time() - session.get("since", 0) > access.session_hours * 3600


def same_origin() -> bool:
    """The request's Origin (or Referer) is this server as the browser reached it."""
    source = request.headers.get("Origin") or request.headers.get("Referer")
    if not source:
        return False
    parts = urlsplit(source)
    return f"{parts.scheme}://{parts.netloc}" == request.host_url.rstrip("/")


def require(role: str) -> None:
    """Abort with 403 unless the signed-in user has at least `role`."""
    user = current_user()
    if user is None or not user.may(role):
        abort(403, f"this needs the {role} role")


def csrf_token() -> str:
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(32)
    return session["csrf"]


def check_csrf_token() -> None:
    sent, kept = request.form.get("csrf", ""), session.get("csrf", "")
    if not (kept and secrets.compare_digest(sent.encode(), kept.encode())):
        abort(403, "the form is out of date: reload the page and try again")


def _local(target: str) -> str:
    """Only a path on this site (never //other.example or a scheme) is a place to go back to."""
    target = (target or "/").rstrip("?")
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in target):  # a header cannot carry it (CR/LF)
        return "/"
    return target if target.startswith("/") and not target.startswith(("//", "/\\")) else "/"


def _routes(server: Flask, store: UserStore, limiter: LoginLimiter) -> None:
    @server.get("/login")
    def login_form():
        return _login_page(request.args.get("next", "/"))

    @server.post("/login")
    def login():
        check_csrf_token()
        name, password = request.form.get("name", "")[:64], request.form.get("password", "")[:1024]
        keys = (f"name:{name}", f"addr:{request.remote_addr}")
        wait = limiter.wait_s(*keys)
        if wait:
            return _login_page(request.form.get("next", "/"), f"Too many failed sign-ins: try again in {int(wait // 60) + 1} min."), 429
        try:
            user = store.verify(name, password)
        except UserError as exc:
            current_app.logger.error("%s", exc)
            return _login_page(request.form.get("next", "/"), "Sign-in is out of order: the account store is damaged."), 503
        if user is None:
            limiter.fail(*keys)
            return _login_page(request.form.get("next", "/"), "Wrong name or password."), 401
        session.clear()  # a fresh session: nothing from before sign-in carries over
        flask_login.login_user(SessionUser(user))
        session.permanent, session["since"] = True, time.time()
        return redirect(_local(request.form.get("next", "/")))

    @server.post("/logout")
    def logout():
        check_csrf_token()
        flask_login.logout_user()
        session.clear()
        return redirect("/login")


def _admin_routes(server: Flask, store: UserStore) -> None:
    @server.get("/admin/users")
    def users():
        require("admin")
        return jsonify({"users": [{"name": u.name, "role": u.role} for u in store.list()]})


def _login_page(next_path: str, message: str = ""):
    note = f'<p class="alert alert-warning" role="alert">{escape(message)}</p>' if message else ""
    return page("Sign in", f"""<h1 class="h3 mb-4">Sign in</h1>{note}
<form method="post" action="/login">
<input type="hidden" name="csrf" value="{escape(csrf_token())}"><input type="hidden" name="next" value="{escape(_local(next_path))}">
<label class="form-label" for="name">Name</label><input class="form-control mb-3" id="name" name="name" autocomplete="username" required autofocus>
<label class="form-label" for="password">Password</label><input class="form-control mb-3" id="password" name="password" type="password" autocomplete="current-password" required>
<button class="btn btn-primary" type="submit">Sign in</button></form>""", navigation=False, narrow=True)


def account_bar() -> str:
    """The signed-in user, a form to save the current view, and a sign-out button, for the
    top of the dashboard page (plain forms: they work without any script)."""
    user = current_user()
    if user is None:
        return ""
    token = f'<input type="hidden" name="csrf" value="{escape(csrf_token())}">'
    return ('<div class="account-bar d-flex justify-content-end align-items-center gap-3 px-3 py-1 small">'
            '<form method="post" action="/saved" class="d-flex gap-1 align-items-center">' + token +
            '<input class="form-control form-control-sm" name="name" required maxlength="80" '
            'placeholder="Name this view" aria-label="Name of the saved search">'
            '<button class="btn btn-sm btn-outline-primary text-nowrap" type="submit">Save view</button></form>'
            '<a href="/saved">Saved searches</a>'
            f'<span>Signed in as <strong>{escape(user.name)}</strong> ({escape(user.role)})</span>'
            '<form method="post" action="/logout">' + token +
            '<button class="btn btn-sm btn-outline-secondary" type="submit">Sign out</button></form></div>')
