"""The one search function that the command line, the JSON API and the dashboard call.

A request is query text plus filters (several values of one facet: OR; different
facets: AND), a date range, a sort and a page. The answer holds the total, the page of
hits with snippets as structured fragments (never HTML), facet counts where each facet
ignores its own selection, and a spelling suggestion when few items match.
"""
from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

from . import engine
from .engine import QueryError
from .expansion import Expander, default_expander
from .facets import FACETS, FacetTable
from .index_dir import IndexDir, IndexMissing
from ..item import Item
from .postings import PostingCache
from .snippets import Fragment, fragments, snippet
from .spelling import Vocabulary

__all__ = ["SearchIndex", "SearchRequest", "SearchResult", "Hit", "QueryError", "IndexMissing", "FILTERS"]

FILTERS = FACETS  # category, year, theme, partner, place, person
SORTS = ("relevance", "newest", "oldest")
SUGGEST_BELOW = 3  # hits; below this a spelling suggestion is looked for
MAX_PER_PAGE = 100


@dataclass(frozen=True)
class SearchRequest:
    text: str = ""
    filters: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    date_from: date | None = None
    date_to: date | None = None
    sort: str = "relevance"
    page: int = 1
    per_page: int = 20

    def __post_init__(self) -> None:
        unknown = set(self.filters) - set(FILTERS)
        if unknown:
            raise QueryError(f"unknown filter(s) {sorted(unknown)}; use {', '.join(FILTERS)}")
        if self.sort not in SORTS:
            raise QueryError(f"sort must be one of {', '.join(SORTS)}")
        if self.page < 1 or not 1 <= self.per_page <= MAX_PER_PAGE:
            raise QueryError(f"page must be 1 or more and per_page 1 to {MAX_PER_PAGE}")
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise QueryError("the date range ends before it starts")


@dataclass(frozen=True)
class Hit:
    item: Item
    score: float | None
    title: tuple[Fragment, ...]
    snippet: tuple[Fragment, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            **self.item.to_dict(),
            "score": self.score,
            "title_fragments": [f.to_json() for f in self.title],
            "snippet": [f.to_json() for f in self.snippet],
        }


@dataclass(frozen=True)
class SearchResult:
    request: SearchRequest
    total: int
    hits: tuple[Hit, ...]
    facets: dict[str, dict[str, int]]
    suggestion: str | None
    notes: tuple[str, ...] = ()  # how the query was bounded (edits capped, expansions cut)
    also_searched: tuple[str, ...] = ()  # synonyms and partners the query was widened with

    def to_json(self) -> dict[str, Any]:
        """The object `/api/search` and `bulletins search --json` answer with."""
        return {
            "query": self.request.text,
            "total": self.total,
            "page": self.request.page,
            "per_page": self.request.per_page,
            "sort": self.request.sort,
            "hits": [h.to_json() for h in self.hits],
            "facets": self.facets,
            "suggestion": self.suggestion,
            "notes": list(self.notes),
            "also_searched": list(self.also_searched),
        }


class SearchIndex:
    """A published generation of the index, its facet table and a searcher.

    Safe to share between threads; `refresh()` moves to a newer generation when an
    ingest has published one.
    """

    def __init__(self, root: Path, aliases: Mapping[str, str] | None = None, expander: Expander | None = None) -> None:
        self.root = IndexDir(root)
        self.expander = expander if expander is not None else default_expander()
        self.aliases = {k.casefold(): v for k, v in (aliases or {}).items()}  # partner alias -> name
        self._local = threading.local()  # Whoosh searchers are not shared between threads
        self._snapshot: _Snapshot | None = None
        self.refresh()

    def refresh(self) -> bool:
        """Open the current generation if it changed; True when it did."""
        current = self.root.require_current()
        if self._snapshot is not None and current == self._snapshot.path:
            return False
        # One assignment: a query running meanwhile keeps the index and table it started with.
        words = Vocabulary.load(current)
        self._snapshot = _Snapshot(current, engine.open_dir(current), FacetTable.load(current), PostingCache(),
                                   engine.WordCorrector(words.counts) if words is not None else None)
        return True

    @property
    def generation(self) -> Path:
        return self._snapshot.path

    @property
    def ix(self):
        return self._snapshot.ix

    @property
    def table(self) -> FacetTable:
        return self._snapshot.table

    def _open(self) -> tuple["_Snapshot", "_Borrowed"]:
        """The current generation and this thread's searcher of it, opened once and kept:
        opening one reads the segment files, which costs more than most queries."""
        snap, local = self._snapshot, self._local
        if getattr(local, "path", None) != snap.path:
            if getattr(local, "searcher", None) is not None:
                local.searcher.close()
            local.searcher, local.path = snap.ix.searcher(), snap.path
        return snap, _Borrowed(local.searcher)

    # ------------------------------------------------------------------ search

    def search(self, request: SearchRequest) -> SearchResult:
        snap, borrowed = self._open()
        table = snap.table
        with borrowed as searcher:
            parsed, also = self._parse(snap, request.text)
            scored = engine.scored_matches(searcher, parsed, snap.postings) if parsed else None
            text_mask = _docs_mask(scored[0], table) if parsed else table.live.copy()
            masks = {f: table.mask(f, self._values(f, v)) for f, v in request.filters.items() if v}
            base = text_mask & table.date_mask(request.date_from, request.date_to)
            final = _all(base, masks.values())
            facets = {f: table.counts(f, _all(base, [m for g, m in masks.items() if g != f])) for f in FACETS}
            total = int(final.sum())
            page = self._page(scored, request, final, table)
            terms = engine.matched_terms(searcher, parsed) if parsed else frozenset()
            hits = tuple(self._hit(searcher, d, s, terms) for d, s in page)
            if parsed and total < SUGGEST_BELOW:  # "did you mean" corrects what was typed, not the widening
                typed = replace(engine.parse_query(snap.ix, request.text), deadline=parsed.deadline) if also else parsed
                suggestion = engine.suggestion(searcher, typed, snap.corrector)
            else:
                suggestion = None
        return SearchResult(request, total, hits, facets, suggestion, tuple(parsed.notes) if parsed else (), also)

    def _parse(self, snap: "_Snapshot", text: str) -> tuple[engine.ParsedQuery | None, tuple[str, ...]]:
        """The query as widened by synonyms and partner names (expansion.py), and what was
        added; the query as typed when widening would break it (e.g. too many terms)."""
        if not text.strip():
            return None, ()
        wide = self.expander.expand(text)
        if wide.also:
            try:
                return engine.parse_query(snap.ix, wide.text), wide.also
            except QueryError:
                pass
        return engine.parse_query(snap.ix, text), ()

    def _values(self, facet: str, values: Sequence[str]) -> list[str]:
        if facet != "partner":
            return list(values)
        return [self.aliases.get(v.casefold(), v) for v in values]

    @staticmethod
    def _page(scored, request: SearchRequest, final: np.ndarray, table: FacetTable, every: bool = False):
        """(docnum, score) of the request's page, in the order shown; `every`: all matches."""
        start = 0 if every else (request.page - 1) * request.per_page
        end = table.size if every else start + request.per_page
        if scored is not None and request.sort == "relevance":
            docs, scores = scored
            keep = final[docs]
            docs, scores = docs[keep], scores[keep]
            if docs.size > end:  # only the scores that can reach the page are sorted
                cut = np.partition(scores, docs.size - end)[docs.size - end]
                docs, scores = docs[scores >= cut], scores[scores >= cut]
            order = np.lexsort((docs, -scores))[start:end]  # best first, ties by document order
            return [(int(docs[i]), float(scores[i])) for i in order]
        docs = np.flatnonzero(final)
        keys = table.dates[docs] if request.sort == "oldest" else -table.dates[docs]
        order = docs[np.argsort(keys, kind="stable")]
        return [(int(d), None) for d in order[start:end]]

    def _hit(self, searcher, docnum: int, score: float | None, terms: frozenset[str]) -> Hit:
        item = Item.from_dict(engine.record_of(searcher, docnum))
        return Hit(item, score, fragments(item.title, terms), snippet(item.body, terms))

    def highlighted(self, query: str, *texts: str) -> tuple[tuple[Fragment, ...], ...]:
        """Each text cut into fragments, the words `query` matches marked as a search marks
        them in snippets (an empty or unreadable query marks nothing)."""
        terms: frozenset[str] = frozenset()
        if query.strip():
            snap, borrowed = self._open()
            with borrowed as searcher:
                try:
                    terms = engine.matched_terms(searcher, engine.parse_query(snap.ix, query))
                except QueryError:
                    pass
        return tuple(fragments(text, terms) for text in texts)

    # ------------------------------------------------------------------ items

    def get(self, item_id: str) -> Item | None:
        with self._open()[1] as searcher:
            docnum = engine.docnum_of(searcher, item_id)
            return Item.from_dict(engine.record_of(searcher, docnum)) if docnum is not None else None

    def similar(self, item_id: str, top: int = 5) -> list[Item]:
        """The items most like one item (more-like-this on the body's key terms)."""
        with self._open()[1] as searcher:
            docnum = engine.docnum_of(searcher, item_id)
            if docnum is None:
                return []
            return [Item.from_dict(engine.record_of(searcher, d)) for d in engine.similar_docnums(searcher, docnum, top)]

    def _matching(self, request: SearchRequest) -> tuple["_Snapshot", np.ndarray]:
        """The generation used and the mask of items matching the request's query, filters
        and dates (the same rules as `search`, without ranking)."""
        snap, borrowed = self._open()
        table = snap.table
        mask = table.live.copy()
        parsed, _ = self._parse(snap, request.text)
        if parsed is not None:
            with borrowed as searcher:
                docs, _ = engine.scored_matches(searcher, parsed, snap.postings)
            mask = _docs_mask(docs, table)
        mask &= table.date_mask(request.date_from, request.date_to)
        for f, values in request.filters.items():
            if values:
                mask &= table.mask(f, self._values(f, values))
        return snap, mask

    def matching_items(self, request: SearchRequest) -> list[Item]:
        """Every item that matches the request, as records (for exports)."""
        snap, mask = self._matching(request)
        with self._open()[1] as searcher:
            items = [Item.from_dict(engine.record_of(searcher, int(d))) for d in np.flatnonzero(mask)]
        return sorted(items, key=lambda i: (i.date, i.id))

    def listed_items(self, request: SearchRequest) -> list[Item]:
        """Every item that matches the request in the order `search` lists them (best match
        or newest first, as the request sorts): what an export of the result holds."""
        snap, mask = self._matching(request)
        with self._open()[1] as searcher:
            parsed, _ = self._parse(snap, request.text)
            scored = engine.scored_matches(searcher, parsed, snap.postings) if parsed else None
            order = self._page(scored, request, mask, snap.table, every=True)
            return [Item.from_dict(engine.record_of(searcher, d)) for d, _ in order]

    def matching_table(self, request: SearchRequest) -> tuple[FacetTable, np.ndarray]:
        """The facet table of one index generation and the mask of the items that match the
        request in it: what analytics builds its frames from (no record read)."""
        snap, mask = self._matching(request)
        return snap.table, mask

    def counts(self, request: SearchRequest, by: str) -> tuple[int, dict[str, int]]:
        """(matching items, items per value of `by`) under the request's query and filters;
        `by` is a facet or "month" (months run without gaps, zeros included)."""
        snap, mask = self._matching(request)
        table = snap.table
        total = int(mask.sum())
        if by == "month":
            return total, _months(table.dates[mask])
        if by not in FACETS:
            raise QueryError(f"cannot count by '{by}': use month or one of {', '.join(FACETS)}")
        counts = table.counts(by, mask)
        return total, dict(sorted(counts.items())) if by == "year" else counts

    @property
    def size(self) -> int:
        return int(self.table.live.sum())


@dataclass(frozen=True)
class _Snapshot:
    """One published generation: its folder, its Whoosh index and its facet table."""

    path: Path
    ix: Any
    table: FacetTable
    postings: PostingCache  # term postings and phrase matches read so far, shared by threads
    corrector: Any  # "did you mean" from the generation's words (None: an older index's own)


def _docs_mask(docs: np.ndarray, table: FacetTable) -> np.ndarray:
    mask = np.zeros(table.size, dtype=bool)
    mask[docs] = True
    return mask & table.live


class _Borrowed:
    """`with borrowed as searcher:` without closing the searcher the thread keeps."""

    def __init__(self, searcher) -> None:
        self.searcher = searcher

    def __enter__(self):
        return self.searcher

    def __exit__(self, *exc) -> None:
        return None


def _months(ordinals: np.ndarray) -> dict[str, int]:
    if ordinals.size == 0:
        return {}
    keys = [f"{d:%Y-%m}" for d in map(date.fromordinal, ordinals.tolist())]
    tally: dict[str, int] = {}
    for k in keys:
        tally[k] = tally.get(k, 0) + 1
    first, last = min(keys), max(keys)
    out, (y, m) = {}, map(int, first.split("-"))
    while f"{y:04d}-{m:02d}" <= last:
        out[f"{y:04d}-{m:02d}"] = tally.get(f"{y:04d}-{m:02d}", 0)
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _all(base: np.ndarray, masks) -> np.ndarray:
    out = base.copy()
    for m in masks:
        out &= m
    return out
