"""What the server does to every request and answer, whoever is signed in: size limits,
security headers, and turning hostile input into a 4xx with a short reason.

The Dash endpoints get the same care as the JSON API: a callback body that is not the
shape the renderer sends, a body nested thousands deep, or a component-suite path that
climbs out of its package is refused before Dash sees it (Dash itself answers 500).
"""
from __future__ import annotations

import functools
import traceback
import re
from array import array
from itertools import accumulate

from dash.exceptions import DependencyException, PreventUpdate
from flask import Flask, Response, abort, jsonify, request
from werkzeug.exceptions import HTTPException

MAX_BODY_BYTES = 1 << 20  # a callback body is a few kB; the login form less
MAX_JSON_DEPTH = 64  # the renderer sends at most ~6 levels
CALLBACK_RULE = "_dash-update-component"


def content_security_policy(script_hashes: list[str]) -> str:
    """Only this server's own files; inline scripts only the renderer's own (by hash).

    Inline styles stay allowed: React and Plotly set them on elements as they draw, and
    a style cannot run code."""
    return "; ".join([
        "default-src 'self'",
        "script-src 'self' " + " ".join(script_hashes),
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ])


def static_headers() -> dict[str, str]:
    return {
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",  # frame-ancestors for browsers that predate CSP 2
        "Referrer-Policy": "same-origin",
        "Cross-Origin-Opener-Policy": "same-origin",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    }


def install(app) -> None:
    """Limits, headers and 4xx answers on the Dash app's Flask server."""
    server: Flask = app.server
    server.config["MAX_CONTENT_LENGTH"] = MAX_BODY_BYTES
    _guard_callbacks(app)
    _add_headers(app)
    server.register_error_handler(DependencyException, _no_such_file)
    server.register_error_handler(HTTPException, _short_reason)


def _add_headers(app) -> None:
    headers: dict[str, str] = {}

    @app.server.after_request
    def secure(response: Response) -> Response:
        if not headers:  # hashes of the renderer's inline script, known once the app is set up
            headers.update(static_headers(), **{"Content-Security-Policy": content_security_policy(list(app.csp_hashes()))})
        for name, value in headers.items():
            response.headers.setdefault(name, value)
        if request.path.startswith(("/api/", "/_dash-", "/healthz")) or response.mimetype == "text/html":
            response.headers.setdefault("Cache-Control", "no-store")  # answers depend on the session
        return response


def _no_such_file(exc: DependencyException):
    return _reply(404, "no such file")


def _short_reason(exc: HTTPException):
    response, status = _reply(exc.code or 400, exc.description or exc.name)
    for name, value in exc.get_headers():  # e.g. Allow on a 405
        if name.lower() != "content-type":
            response.headers[name] = value
    return response, status


def _reply(status: int, reason: str) -> tuple[Response, int]:
    reason = " ".join(str(reason).split())[:200]
    if request.path.startswith(("/api/", "/_dash-", "/healthz")):
        return jsonify({"error": reason}), status
    return Response(reason + "\n", status=status, mimetype="text/plain"), status


# ------------------------------------------------------------------- Dash callbacks


def _guard_callbacks(app) -> None:
    """Wrap Dash's callback view: check the body's shape first, and answer 400 when a
    callback cannot run on the values it was sent (they come from the client)."""
    server = app.server
    endpoint = next(r.endpoint for r in server.url_map.iter_rules() if r.rule.endswith(CALLBACK_RULE))
    view = server.view_functions[endpoint]

    @functools.wraps(view)
    def guarded(*args, **kwargs):
        check_callback_body(callback_body(), app.callback_map)
        try:
            return view(*args, **kwargs)
        except (HTTPException, PreventUpdate):
            raise
        except Exception as exc:  # one line, no traceback: a fuzzer must not flood the log
            where = traceback.extract_tb(exc.__traceback__)[-1]  # so a real bug can be told from bad input
            server.logger.warning("callback %s refused: %s: %.200s (at %s:%s)", request.get_json().get("output"),
                                  type(exc).__name__, exc, where.filename, where.lineno)
            abort(400, "the callback cannot run with these inputs")

    server.view_functions[endpoint] = guarded


def callback_body() -> dict:
    """The request's JSON, parsed once (Flask caches it for Dash), refused when too deep."""
    raw = request.get_data(cache=True)
    if json_depth(raw) > MAX_JSON_DEPTH:
        abort(400, f"the JSON body is nested deeper than {MAX_JSON_DEPTH} levels")
    try:
        body = request.get_json(force=True, silent=False)
    except (HTTPException, RecursionError, ValueError):
        abort(400, "the body is not valid JSON")
    if not isinstance(body, dict):
        abort(400, "the body must be a JSON object")
    return body


_STRINGS = re.compile(rb'"(?:[^"\\]++|\\[\s\S]?)*+(?:"|\Z)')  # an unclosed one runs to the end
_BRACKETS = bytes.maketrans(b"[{]}", b"\x01\x01\xff\xff")
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[{]}")


def json_depth(raw: bytes) -> int:
    """The deepest nesting of [ and { outside strings, counted at C speed (no recursion,
    no loop in Python over a megabyte of brackets)."""
    brackets = _STRINGS.sub(b"", raw).translate(None, _NOT_BRACKETS).translate(_BRACKETS)
    return max(accumulate(array("b", brackets)), default=0)


def check_callback_body(body: dict, callback_map: dict) -> None:
    """The fields the renderer always sends, with their types; the output a known callback."""
    output = body.get("output")
    if not isinstance(output, str) or output not in callback_map:
        abort(400, "'output' must name one of the app's callbacks")
    for name in ("inputs", "changedPropIds"):
        if not isinstance(body.get(name), list):
            abort(400, f"'{name}' must be a list")
    if not isinstance(body.get("state", []), list):
        abort(400, "'state' must be a list")
    if not all(isinstance(p, str) for p in body["changedPropIds"]):
        abort(400, "'changedPropIds' must be a list of strings")
    for entry in _flat(body["inputs"] + body.get("state", [])):
        if not (isinstance(entry, dict) and "id" in entry and isinstance(entry.get("property"), str)):
            abort(400, "each input and state must be an object with 'id' and 'property'")


def _flat(entries: list) -> list:
    # Pattern-matching inputs (ALL) arrive as a list of objects in the input's place.
    return [e for entry in entries for e in (entry if isinstance(entry, list) else [entry])]

