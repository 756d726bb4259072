"""What each control of the page does to the state: `changed(state, control, value)`.

The state and its URL are `dashboard.common.state`'s (saved searches and feeds read them too);
what a click, a slider or a cleared filter means is the views' own, so it lives here, above
the histogram whose slider it reads.
"""
from __future__ import annotations

import calendar
from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from typing import Any

from indexer.search import FILTERS, SORTS

from ..common.state import MAX_QUERY_CHARS, read_date, read_page, State, with_facet
from .histogram import range_dates


def cleared(state: State) -> State:
    """Every filter, date and the query removed; the view kept (an item goes back to search)."""
    return State(sort=state.sort, view="search" if state.view == "item" else state.view)


def month_range(month: str) -> tuple[date, date]:
    year, mon = (int(p) for p in month.split("-")[:2])
    return date(year, mon, 1), date(year, mon, calendar.monthrange(year, mon)[1])


def apply_click(state: State, customdata: Any) -> State:
    """The state after a click on a chart point whose customdata names a filter
    ({"month": "2024-03", "category": "event"}): each key becomes that filter alone, and a
    month becomes a one-month date range."""
    if not isinstance(customdata, Mapping):
        return state
    new = state
    for key, value in customdata.items():
        if key == "month":
            try:
                start, end = month_range(str(value))
            except ValueError:
                continue
            new = replace(new, date_from=start, date_to=end)
        elif key in FILTERS:
            new = with_facet(new, key, (str(value),))
    return replace(new, page=1)


def changed(state: State, control: str, value: Any) -> State:
    """The state after one control changed (control: a key of CONTROLS)."""
    return CONTROLS[control](state, value)


def histogram_dates(state: State, value: Any) -> tuple[date | None, date | None]:
    """The dates the histogram's slider means: value is (its months, its two handles)."""
    months, span = value if isinstance(value, (tuple, list)) and len(value) == 2 else (None, None)
    return range_dates(months, span, state)


def _with_dates(state: State, dates: tuple[date | None, date | None]) -> State:
    if dates == (state.date_from, state.date_to):
        return state
    return replace(state, date_from=dates[0], date_to=dates[1], page=1)


def _sort(value: Any) -> str:
    return value if value in SORTS else "relevance"


def _text(value: Any) -> str:
    return (value or "")[:MAX_QUERY_CHARS] if isinstance(value, str) else ""


CONTROLS = {
    "q": lambda s, v: s if _text(v) == s.q else replace(s, q=_text(v), page=1, item=None,
                                                        view="search" if s.view == "item" else s.view),
    # a control set to what the URL already says changes nothing (not even the page: the
    # controls are set from the URL, and a page 3 must survive that)
    "sort": lambda s, v: s if _sort(v) == s.sort else replace(s, sort=_sort(v), page=1),
    "from": lambda s, v: s if read_date(v) == s.date_from else replace(s, date_from=read_date(v), page=1),
    "to": lambda s, v: s if read_date(v) == s.date_to else replace(s, date_to=read_date(v), page=1),
    "page": lambda s, v: replace(s, page=read_page(str(v)) if v else 1),
    "view": lambda s, v: replace(s, view=v, item=None, page=1) if v in ("search", "trends") and v != s.view else s,
    "clear": lambda s, v: cleared(s),
    "range": lambda s, v: _with_dates(s, histogram_dates(s, v)),
    "click": apply_click,
}
