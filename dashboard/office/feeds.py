"""The routes of saved searches: save the current view, list and remove them (signed in),
and each one's Atom feed of its newest items (open to whoever has its private link)."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone
from urllib.parse import quote, urlsplit
from xml.etree import ElementTree as ET

from flask import Flask, Response, abort, redirect, request
from markupsafe import escape

from indexer.search import IndexMissing, QueryError, SearchIndex

from ..common.page import page
from ..common.state import state_from_url, to_request
from .auth import check_csrf_token, csrf_token, current_user
from .saved import SavedError, SavedSearch, SavedStore

FEED_ITEMS = 20
FEED_PREFIX = "/feeds/"
ATOM = "http://www.w3.org/2005/Atom"


def register(server: Flask, store: SavedStore, holder) -> None:
    @server.post("/saved")
    def save():
        user = _signed_in()
        # The view is the page's own address: the form's Referer (same-origin: the full URL).
        search = request.form.get("search") or urlsplit(request.headers.get("Referer", "")).query
        try:
            store.save(user.name, request.form.get("name", ""), "?" + search if search and not search.startswith("?") else search,
                       request.form.get("digest_to", "").strip())
        except SavedError as exc:
            abort(400, str(exc))
        return redirect("/saved")

    @server.get("/saved")
    def saved_list():
        return _list_page(store.of(_signed_in().name))

    @server.post("/saved/remove")
    def remove():
        if not store.remove(_signed_in().name, request.form.get("name", "")):
            abort(404, "no saved search of that name")
        return redirect("/saved")

    @server.get(FEED_PREFIX + "<token>.atom")
    def feed(token: str):
        saved = store.by_token(token)
        if saved is None:
            abort(404, "no feed at this address (the search was removed, or the link is wrong)")
        try:
            return Response(atom(saved, newest(holder(), saved), request.host_url), mimetype="application/atom+xml")
        except IndexMissing:
            abort(503, "no index yet")


def _signed_in():
    if request.method == "POST":
        check_csrf_token()
    user = current_user()
    if user is None:
        abort(403, "saved searches need a signed-in user")
    return user


def newest(index: SearchIndex, saved: SavedSearch, n: int = FEED_ITEMS) -> list:
    """The newest items that match the saved search (its filters, query and dates)."""
    try:
        request_ = replace(to_request(state_from_url(saved.search)), sort="newest", page=1, per_page=n)
    except QueryError:
        return []
    try:
        return [hit.item for hit in index.search(request_).hits]
    except QueryError:
        return []


def item_url(base: str, item_id: str) -> str:
    return f"{base.rstrip('/')}/?view=item&id={quote(item_id)}"


def atom(saved: SavedSearch, items: list, base: str) -> bytes:
    """An Atom 1.0 feed (RFC 4287) of `items`; ElementTree escapes every text."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _text(feed, "title", f"Bulletin Explorer: {saved.name}")
    _text(feed, "id", f"{base.rstrip('/')}{FEED_PREFIX}{saved.token}")
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", href=base.rstrip("/") + "/" + saved.search)
    _text(feed, "updated", _stamp(max((i.date for i in items), default=None)))
    ET.SubElement(ET.SubElement(feed, f"{{{ATOM}}}author"), f"{{{ATOM}}}name").text = "Bulletin Explorer"
    for item in items:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        _text(entry, "title", item.title)
        _text(entry, "id", f"urn:bulletin-item:{item.id}")
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", href=item_url(base, item.id))
        _text(entry, "updated", _stamp(item.date))
        _text(entry, "summary", item.body[:600] + ("…" if len(item.body) > 600 else ""))
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def _text(parent, tag: str, text: str):
    el = ET.SubElement(parent, f"{{{ATOM}}}{tag}")
    el.text = text
    return el


def _stamp(day) -> str:
    if day is None:
        return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return f"{day.isoformat()}T00:00:00Z"


def _list_page(saved: list[SavedSearch]) -> str:
    token = escape(csrf_token())
    rows = "".join(
        f'<li class="list-group-item"><a href="/{escape(s.search)}">{escape(s.name)}</a> '
        f'<a class="small ms-2" href="{FEED_PREFIX}{escape(s.token)}.atom">Atom feed</a>'
        f'<form method="post" action="/saved" class="d-inline-flex gap-1 ms-2"><input type="hidden" name="csrf" value="{token}">'
        f'<input type="hidden" name="name" value="{escape(s.name)}"><input type="hidden" name="search" value="{escape(s.search or "?")}">'
        f'<input class="form-control form-control-sm" type="email" name="digest_to" value="{escape(s.digest_to)}" '
        f'placeholder="e-mail after each ingest" aria-label="E-mail digest of {escape(s.name)} to">'
        f'<button class="btn btn-sm btn-outline-secondary">Set</button></form>'
        f'<form method="post" action="/saved/remove" class="d-inline ms-2"><input type="hidden" name="csrf" value="{token}">'
        f'<input type="hidden" name="name" value="{escape(s.name)}"><button class="btn btn-sm btn-link">Remove</button></form></li>'
        for s in saved) or '<li class="list-group-item">No saved searches yet: use "Save view" above a search.</li>'
    return page("Saved searches", f'<h1 class="h3">Saved searches</h1><p><a href="/">Back to the dashboard</a></p>'
                f'<ul class="list-group">{rows}</ul>', saved=True, current="/saved")
