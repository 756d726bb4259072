"""The Review page (/review): the items whose labels are most in doubt, with the
evidence `bulletins explain` gives, and a form per item to accept its labels or correct
them. A decision goes to corrections.toml (read by every enrichment run, so it survives
re-ingest and --rebuild) and the item is relabelled into a new index generation at once.

Who may decide: editors and admins when sign-in is on; with --public nobody, unless the
server was started with --allow-edits. Everyone who may read may see the queue."""
from __future__ import annotations

import threading
import time
from datetime import datetime
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from flask import Flask, abort, request

from indexer.enrich import Enricher, VocabularyError
from indexer.enrich.aliases import add_alias
from indexer.enrich.corrections import corrections_path, save_correction
from indexer.enrich.partners import load_partners
from indexer.enrich.vocab import data_dir
from indexer.enrich.review import ReviewEntry, ranked, review_entry
from indexer.search import SearchRequest
from indexer.search.index_dir import IndexMissing, IndexUnwritable, IngestBusy
from indexer.search.relabel import relabel

from . import auth
from .review_page import page_html

SHOWN = 50  # items on the page: a reviewer works down from the top
RETRY_S, RETRIES = 2.0, 3600  # relabel after a running ingest: every 2 s, for up to 2 hours


def may_edit(access: auth.Access) -> bool:
    """True when the person asking may change labels."""
    if access.public:
        return access.allow_edits
    user = auth.current_user()
    return user is not None and user.may("editor")


def decision_from_form(form) -> tuple[dict[str, object], bool]:
    """(changes, accepted) from the review form's fields; only the fields that differ
    from what the rules gave are changes (an unchanged field keeps following the rules)."""
    if form.get("action") == "accept":
        return {}, True
    changes: dict[str, object] = {}
    if form.get("category") and form.get("category") != form.get("was_category"):
        changes["category"] = form["category"]
    for name in ("themes", "partners", "places"):
        values = _lines("\n".join(_values(form, name)).replace(";", "\n"))
        was = _lines(form.get(f"was_{name}", ""))
        if (sorted(values) != sorted(was)) if name == "themes" else values != was:  # ticked boxes come in the page's order
            changes[name] = values
    day = form_day(form.get("date", ""))
    if day and day != form_day(form.get("was_date", "")):
        changes["date"] = day
    return changes, False


def form_day(text: str) -> str:
    """The review form's date, written as the app writes dates ("1 March 2024"; "1 Mar 2024"
    and 2024-03-01 too), as YYYY-MM-DD; "" for an empty field. ValueError names the text."""
    text = " ".join(text.split())
    for pattern in ("%Y-%m-%d", "%d %B %Y", "%d %b %Y"):
        try:
            return datetime.strptime(text, pattern).date().isoformat() if text else ""
        except ValueError:
            continue
    raise ValueError(f"date '{text}' is not a day: write it like 1 March 2024")


def _values(form, name: str) -> list[str]:
    """Every value a field sent: one per ticked box (themes), or a text area's text."""
    return form.getlist(name) if hasattr(form, "getlist") else [form.get(name, "")]


def _lines(text: str) -> list[str]:
    # browsers send a text area's (and a field's) line breaks as CRLF
    return [v.strip() for v in text.splitlines() if v.strip()]


class ReviewQueue:
    """The queue of the current index generation and vocabularies. Kept per item, so that
    after one decision (a new generation, a changed corrections.toml) only the items whose
    record or staff decision changed are analysed again; a change to any other vocabulary
    file analyses everything."""

    def __init__(self) -> None:
        self._key, self._entries, self._lock = None, [], threading.Lock()
        self._vocab: tuple = ()
        self._memo: dict[str, tuple] = {}  # id -> (item, correction, entry or None)

    def entries(self, index) -> list[ReviewEntry]:
        path = corrections_path()
        key = (index.generation, _mtime(path))
        with self._lock:
            if key != self._key:
                self._entries, self._key = ranked(self._compute(index), SHOWN), key
            return self._entries

    def _compute(self, index) -> Iterator[ReviewEntry]:
        enricher = Enricher()
        vocab = tuple(_mtime(p) for p in sorted(path for path in data_dir().glob("*.toml") if path.name != "corrections.toml"))
        if vocab != self._vocab:
            self._memo, self._vocab = {}, vocab
        memo: dict[str, tuple] = {}
        names = enricher.labels()
        for item in index.matching_items(SearchRequest()):
            correction = enricher.corrections.get(item.id)
            kept = self._memo.get(item.id)
            if kept is None or kept[0] != item or kept[1] != correction:
                kept = (item, correction, review_entry(enricher.analyse(item), names))
            memo[item.id] = kept
            if kept[2] is not None:
                yield kept[2]
        self._memo = memo


def _mtime(path: Path) -> int:
    return path.stat().st_mtime_ns if path.exists() else 0


def register(server: Flask, holder) -> None:
    queue = ReviewQueue()

    @server.get("/review")
    def review_page():
        return _page(holder, queue, "")

    @server.post("/review/<item_id>")
    def review_decide(item_id: str):
        if not may_edit(server.config["BULLETINS_ACCESS"]):
            abort(403, "changing labels needs the editor role (or --allow-edits with --public)")
        auth.check_csrf_token()
        try:
            known = holder().get(item_id) is not None
        except IndexMissing:
            abort(503, "no index yet: build it with 'bulletins ingest'")
        if not known:  # a correction of no indexed item would only sit in the file
            abort(404, f"no item {item_id} in the index")
        message, status = decide(Path(holder.root), item_id, request.form)
        return _page(holder, queue, message), status

    @server.post("/review/<item_id>/alias")
    def review_alias(item_id: str):
        if not may_edit(server.config["BULLETINS_ACCESS"]):
            abort(403, "changing labels needs the editor role (or --allow-edits with --public)")
        auth.check_csrf_token()
        message, status = alias(holder, item_id, request.form.get("found", ""), request.form.get("partner", ""))
        return _page(holder, queue, message), status


def decide(index_root: Path, item_id: str, form) -> tuple[str, int]:
    """Save one decision and relabel the item; (the message to show, HTTP status)."""
    try:
        changes, accepted = decision_from_form(form)
    except ValueError as exc:
        return f"{item_id}: not saved: {exc}", 400
    if not changes and not accepted:
        return f"{item_id}: nothing changed; use Accept to keep the labels as they are", 400
    try:
        save_correction(item_id, changes, accepted=accepted, note=form.get("note", "")[:200])
    except VocabularyError as exc:
        return f"not saved: {exc}", 400
    late = relabel_now_or_later(index_root, [item_id])
    if late:
        return f"{item_id}: saved in corrections.toml; {late}", 200
    return f"{item_id}: {'accepted' if accepted else 'corrected'}; counts and charts use it now", 200


def relabel_now_or_later(index_root: Path, ids: list[str]) -> str:
    """Relabel the items now; while an ingest holds the index, in a thread that waits for
    it to end (an incremental ingest does not read unchanged files again, so it would not
    apply the decision itself). Returns "" when done now, else what will happen."""
    try:
        relabel(index_root, ids)
    except IngestBusy:
        threading.Thread(target=_relabel_after_ingest, args=(index_root, ids), daemon=True).start()
        return "counts and charts use it as soon as the ingest running now ends"
    except (IndexMissing, IndexUnwritable) as exc:
        return f"the index was not changed ({exc})"
    return ""


def _relabel_after_ingest(index_root: Path, ids: list[str], tries: int = RETRIES) -> None:
    for _ in range(tries):
        time.sleep(RETRY_S)  # an ingest's lock cannot be waited on without holding up its own clean-up
        try:
            relabel(index_root, ids)
            return
        except IngestBusy:
            continue
        except (IndexMissing, IndexUnwritable):
            return


def alias(holder, item_id: str, found: str, partner: str) -> tuple[str, int]:
    """Make `found` an alias of `partner`, then relabel every item that named it; (message, status)."""
    try:
        add_alias(partner.strip(), found, None)
    except VocabularyError as exc:
        return f"not saved: {exc}", 400
    try:
        ids = [i.id for i in holder().matching_items(SearchRequest(filters={"partner": (found,)}))]
    except IndexMissing:
        ids = []
    late = relabel_now_or_later(Path(holder.root), [item_id, *ids])
    if late:
        return f"'{found}' is now an alias of {partner}; {late}", 200
    return f"'{found}' is now an alias of {partner}; {len(set(ids) | {item_id})} item(s) relabelled", 200


def _page(holder, queue: ReviewQueue, message: str) -> str:
    try:
        entries = queue.entries(holder())
    except IndexMissing as exc:
        entries, message = [], str(exc)
    editable = may_edit(_access())
    return page_html(entries, editable, message, auth.csrf_token(), _partner_names())


def _partner_names() -> tuple[str, ...]:
    """The listed partners, for the alias form: read again only when partners.toml changes
    (loading every vocabulary on each page view cost more than the page)."""
    path = data_dir() / "partners.toml"
    try:
        return _names_of(str(path), path.stat().st_mtime_ns)
    except (OSError, VocabularyError):
        return ()


@lru_cache(maxsize=2)
def _names_of(path: str, _mtime: int) -> tuple[str, ...]:
    return tuple(sorted(p.name for p in load_partners(Path(path)).partners))


def _access() -> auth.Access:
    from flask import current_app

    return current_app.config["BULLETINS_ACCESS"]
