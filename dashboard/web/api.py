"""The JSON API beside the dashboard: /api/search, /api/items/<id>, /api/stats.

Thin: it reads parameters into a `SearchRequest`, calls the one search function and
returns its JSON. Bad parameters and bad queries answer 400 with {"error": ...}; no
user input can cause a 500.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date

from flask import Blueprint, Flask, Response, jsonify, request
from werkzeug.datastructures import MultiDict

from indexer.search.index_dir import IndexMissing
from indexer.search import FILTERS, QueryError, SearchIndex, SearchRequest

from ..common.caching import GenerationCache, request_key

SORT_ALIASES = {"relevance": "relevance", "date": "newest", "newest": "newest", "oldest": "oldest"}
MAX_PARAM_CHARS = 500
GENERATION_HEADER = "X-Index-Generation"
# The JSON bodies of searches and counts, per worker process (a body of 20 hits is ~20 KB).
ANSWERS = GenerationCache("api", entries=512)


class BadRequest(ValueError):
    """A parameter the API cannot use; the message names it."""


def request_from_args(args: MultiDict) -> SearchRequest:
    """A SearchRequest from query-string parameters (repeat a filter for OR)."""
    for key, value in args.items(multi=True):
        if len(value) > MAX_PARAM_CHARS:
            raise BadRequest(f"parameter '{key}' is too long (at most {MAX_PARAM_CHARS} characters)")
    filters = {f: tuple(v.strip() for v in args.getlist(f) if v.strip()) for f in FILTERS}
    for year in filters.get("year", ()):
        if not (year.isascii() and year.isdigit() and len(year) == 4):
            raise BadRequest(f"year must be four digits, not {year!r}")
    sort = SORT_ALIASES.get(args.get("sort", "relevance"))
    if sort is None:
        raise BadRequest("sort must be relevance, date (newest first), newest or oldest")
    return SearchRequest(
        text=args.get("q", ""),
        filters={f: v for f, v in filters.items() if v},
        date_from=_date(args, "from"),
        date_to=_date(args, "to"),
        sort=sort,
        page=_int(args, "page", 1),
        per_page=_int(args, "per_page", 20),
    )


def _date(args: MultiDict, name: str) -> date | None:
    value = args.get(name, "").strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise BadRequest(f"'{name}' must be a date as YYYY-MM-DD, not {value!r}") from None


def _int(args: MultiDict, name: str, default: int) -> int:
    value = args.get(name, "").strip()
    if not value:
        return default
    # isdigit alone accepts '²' and other digits int() refuses
    if not (value.isascii() and value.isdigit()) or len(value) > 6:
        raise BadRequest(f"'{name}' must be a whole number, not {value!r}")
    return int(value)


def blueprint(get_index: Callable[[], SearchIndex]) -> Blueprint:
    api = Blueprint("api", __name__, url_prefix="/api")

    @api.get("/search")
    def search():
        index, asked = get_index(), request_from_args(request.args)
        body = ANSWERS.get(index.generation, ("search", request_key(asked)),
                           lambda: _body(index.search(asked).to_json()))
        return _answer(index, body)

    @api.get("/items/<item_id>")
    def item(item_id: str):
        index = get_index()
        found = index.get(item_id)
        if found is None:
            return jsonify({"error": f"no item with id {item_id!r}"}), 404
        similar = [{"id": i.id, "title": i.title, "date": i.date.isoformat()} for i in index.similar(item_id)]
        return _answer(index, {**found.to_dict(), "similar": similar})

    @api.get("/stats")
    def stats():
        by, index, asked = request.args.get("by", ""), get_index(), request_from_args(request.args)

        def build() -> bytes:
            total, counts = index.counts(asked, by)
            return _body({"by": by, "total": total, "counts": counts})
        return _answer(index, ANSWERS.get(index.generation, ("stats", by, request_key(asked)), build))

    @api.route("/", defaults={"rest": ""}, methods=["GET", "POST", "PUT", "PATCH", "DELETE"])
    @api.route("/<path:rest>", methods=["GET", "POST", "PUT", "PATCH", "DELETE"])
    def unknown(rest: str):
        """Any other /api path: a JSON 404, not the dashboard's page."""
        return jsonify({"error": f"no such API path: /api/{rest}"}), 404

    @api.errorhandler(BadRequest)
    @api.errorhandler(QueryError)
    def bad_request(exc: Exception):
        return jsonify({"error": str(exc)}), 400

    @api.errorhandler(IndexMissing)
    def no_index(exc: IndexMissing):
        return jsonify({"error": str(exc)}), 503

    return api


def _body(payload: dict) -> bytes:
    return jsonify(payload).get_data()


def _answer(index: SearchIndex, payload: dict | bytes):
    """The JSON answer, naming the index generation it came from (the holder gives each
    request one generation that never changes under it)."""
    response = Response(payload, mimetype="application/json") if isinstance(payload, bytes) else jsonify(payload)
    response.headers[GENERATION_HEADER] = index.generation.name
    return response


def register(server: Flask, get_index: Callable[[], SearchIndex]) -> None:
    server.register_blueprint(blueprint(get_index))
