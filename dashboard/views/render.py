"""What each part of the page shows for a state: functions of (index, state) called by
the callbacks. Errors a user can cause become messages here, never exceptions."""
from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Any

from indexer.analytics.frames import frames_for
from indexer.search import QueryError, SearchIndex, SearchRequest

from ..common.caching import GenerationCache
from ..common.labels import notice_for, partner_types
from ..common.state import State, to_request, url_from_state
from . import components as C
from . import histogram, itemview, trends

HIDDEN, SHOWN = {"display": "none"}, {}
# Per worker process, by index generation (caching.py): a search panel costs ~20 ms to
# build, the six trends figures ~80 ms; the same views are asked for again and again.
PANELS = GenerationCache("search panel", entries=256)
TRENDS = GenerationCache("trends", entries=64)


@dataclass
class SearchPanel:
    status: Any = ""
    results: list = field(default_factory=list)  # a message in place of the cards, or nothing
    hits: str = "[]"  # the cards as JSON (components.results_data)
    pages: int = 1
    page: int = 1
    facets: list = field(default_factory=list)
    years: list = field(default_factory=list)
    histogram: dict = field(default_factory=lambda: histogram.histogram({}, State()))


def visibility(state: State) -> tuple[dict, dict, dict, dict]:
    """Styles of (search view, trends view, item view, sidebar column); the browser applies
    the same rules (assets/30-url.js visibility, compared in test_browser_url)."""
    return (SHOWN if state.view == "search" else HIDDEN, SHOWN if state.view == "trends" else HIDDEN,
            SHOWN if state.view == "item" else HIDDEN, HIDDEN if state.view == "item" else SHOWN)


def notices(index: SearchIndex) -> list:
    notice = notice_for(index.generation)
    return [C.sample_banner(notice)] if notice else []


def search_panel(index: SearchIndex, state: State) -> SearchPanel:
    """What the Search view shows; the same for every view of the state (the URL minus view)."""
    key = url_from_state(replace(state, view="search", item=None))
    return PANELS.get(index.generation, key, lambda: _search_panel(index, state))


def _search_panel(index: SearchIndex, state: State) -> SearchPanel:
    try:
        result = index.search(to_request(state))
    except QueryError as exc:
        return _query_error(index, state, exc)
    if result.total and not result.hits:  # a page past the end: show the last one
        last = math.ceil(result.total / result.request.per_page)
        result = index.search(to_request(replace(state, page=last)))
    body = []
    if result.total == 0:
        body = [C.alert("Try fewer words, another spelling, or remove a filter.", color="light",
                        title="No results.")]
    return SearchPanel(
        status=C.status_line(state, result), results=body, hits=C.results_data(state, result),
        pages=max(1, math.ceil(result.total / result.request.per_page)), page=result.request.page,
        facets=C.facet_panel(state, result.facets, partner_types()), years=report_years(index),
        histogram=histogram.histogram(results_by_month(index, state), state))


def results_by_month(index: SearchIndex, state: State) -> dict[str, int]:
    """Items per month under the query and filters, whatever the dates (so the range can widen)."""
    try:
        return index.counts(to_request(replace(state, date_from=None, date_to=None, page=1)), "month")[1]
    except QueryError:
        return {}


def _query_error(index: SearchIndex, state: State, exc: QueryError) -> SearchPanel:
    message = C.alert(str(exc), title="This query cannot be answered:", id="query-error")
    # The facets still show the filters' own counts, so the user can undo a selection.
    try:
        facets = index.search(to_request(State(filters=state.filters))).facets
    except QueryError:
        facets = {}
    return SearchPanel(status="", results=[message], facets=C.facet_panel(state, facets, partner_types()),
                       years=report_years(index))


def report_years(index: SearchIndex) -> list[dict]:
    """The annual-report pack's choice: every year in the index, newest first (the pack
    covers a whole year whatever the query and filters, so they do not narrow it)."""
    counts = index.counts(SearchRequest(), "year")[1]
    return [{"label": y, "value": y} for y in sorted(counts, reverse=True)]


def trends_panel(index: SearchIndex, state: State, narrow: bool = False) -> tuple[list, list | None, list, Any]:
    """(key number cards, screen figures in trends.FIGURES order or None, their subtitles, an error).
    The figures depend on the query, filters and dates only (not the page, sort or view)."""
    key = (url_from_state(replace(state, page=1, sort="relevance", view="trends", item=None)), bool(narrow))
    return TRENDS.get(index.generation, key, lambda: _trends_panel(index, state, narrow))


def _trends_panel(index: SearchIndex, state: State, narrow: bool = False) -> tuple[list, list | None, list, Any]:
    try:
        frames = frames_for(index, to_request(state), partner_types())
    except QueryError as exc:
        return [], None, [], C.alert(str(exc), title="This query cannot be answered:")
    figures = trends.figures_for(frames, state.date_from, state.date_to)
    subtitles = [trends.subtitle_of(fig) for fig in figures.values()]
    return (trends.key_number_cards(trends.key_numbers(frames)),
            [trends.for_screen(fig, name, narrow) for name, fig in figures.items()], subtitles, None)


def item_panel(index: SearchIndex, state: State) -> list:
    item = index.get(state.item) if state.item else None
    similar = index.similar(state.item) if item else []
    marks = index.highlighted(state.q, item.title, item.body) if item else ((), ())
    return itemview.item_page(state, item, similar, marks)
