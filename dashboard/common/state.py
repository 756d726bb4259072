"""The page's whole state, and its round trip through the URL's query string.

`?q=visit&category=event&partner=ICRC&partner=UNICEF&from=2024-03-01&to=2024-03-31&sort=newest&page=2&view=trends`

Repeating a filter means OR, as in the JSON API. Anything the URL says that makes no
sense (an unknown sort, a page of "x", a date of "soon") falls back to the default, so a
pasted or hand-edited URL always opens a page.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from urllib.parse import parse_qs, urlencode

from indexer.search import FILTERS, SORTS, SearchRequest

VIEWS = ("search", "trends", "item")
MAX_QUERY_CHARS = 500
MAX_PAGE = 100_000
PER_PAGE = 20


@dataclass(frozen=True)
class State:
    q: str = ""
    filters: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    date_from: date | None = None
    date_to: date | None = None
    sort: str = "relevance"
    page: int = 1
    view: str = "search"
    item: str | None = None  # the item shown by view=item

    def selected(self, facet: str) -> tuple[str, ...]:
        return tuple(self.filters.get(facet, ()))

    @property
    def filtered(self) -> bool:
        return bool(self.q.strip() or any(self.filters.values()) or self.date_from or self.date_to)


# --------------------------------------------------------------------------- URL


def state_from_url(search: str | None) -> State:
    """The state a query string describes (with or without its leading "?")."""
    args = parse_qs((search or "").lstrip("?"), keep_blank_values=False)
    first = {k: v[0].strip() for k, v in args.items() if v}
    view = first.get("view", "search")
    return State(
        q=first.get("q", "")[:MAX_QUERY_CHARS],
        filters=_filters(args),
        date_from=read_date(first.get("from")),
        date_to=read_date(first.get("to")),
        sort=first.get("sort") if first.get("sort") in SORTS else "relevance",
        page=read_page(first.get("page")),
        view=view if view in VIEWS else "search",
        item=first.get("id") or None,
    )


def url_from_state(state: State) -> str:
    """The query string (with its "?") for a state; defaults are left out."""
    pairs: list[tuple[str, str]] = []
    if state.q.strip():
        pairs.append(("q", state.q))
    for facet in FILTERS:
        pairs += [(facet, v) for v in _unique(state.selected(facet))]
    if state.date_from:
        pairs.append(("from", state.date_from.isoformat()))
    if state.date_to:
        pairs.append(("to", state.date_to.isoformat()))
    if state.sort != "relevance":
        pairs.append(("sort", state.sort))
    if state.page != 1:
        pairs.append(("page", str(state.page)))
    if state.view != "search":
        pairs.append(("view", state.view))
    if state.view == "item" and state.item:
        pairs.append(("id", state.item))
    return "?" + urlencode(pairs) if pairs else ""


def _filters(args: Mapping[str, list[str]]) -> dict[str, tuple[str, ...]]:
    out = {}
    for facet in FILTERS:
        values = _unique(v.strip() for v in args.get(facet, ()) if v.strip())
        if values:
            out[facet] = values
    return out


def _unique(values) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))


def read_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def read_page(value: str | None) -> int:
    return min(int(value), MAX_PAGE) if value and value.isdigit() and int(value) >= 1 else 1


# --------------------------------------------------------------------------- requests and facets


def to_request(state: State, per_page: int = PER_PAGE) -> SearchRequest:
    """The search the state asks for (raises QueryError for e.g. a reversed date range)."""
    return SearchRequest(text=state.q, filters={f: v for f, v in state.filters.items() if v},
                         date_from=state.date_from, date_to=state.date_to, sort=state.sort,
                         page=state.page, per_page=per_page)


def with_facet(state: State, facet: str, values) -> State:
    chosen = _unique(values)
    if set(chosen) == set(state.filters.get(facet, ())):
        return state  # the same values (Dash reports a checklist again when the facets are redrawn): page kept
    filters = {**state.filters, facet: chosen}
    return replace(state, filters={f: v for f, v in filters.items() if v}, page=1)
