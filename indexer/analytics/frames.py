"""The one module that builds pandas frames: items as tables, and the aggregates an
annual report is made of (by month, quarter, year, category, theme, partner, partner type,
place; month x category; partner x year; year-over-year change; category shares).

Months, quarters and years with no items are rows of zeros, never missing. An item
counts in the month of its own date: the day its text states, else the first month of its
bulletin's period. Items of a bulletin covering several months whose text states no day
therefore all count in the period's first month; `multi_month_periods` lists them, so that
figures and the annual pack can say so where a later month looks low.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from ..item import Item
from ..search import SearchIndex, SearchRequest
from ..search.facets import FacetTable

CATEGORY_ORDER = (
    "monitoring_visit", "event", "awareness", "cooperation", "agreement", "meeting", "case",
    "statement", "publication", "humanitarian", "institutional", "other",
)
UNKNOWN_TYPE = "unknown"


@dataclass(frozen=True)
class Frames:
    """Items one row each, and the multi-valued fields in long form (one row per value)."""

    items: pd.DataFrame  # id, date, year, month, quarter, category, period_end
    themes: pd.DataFrame  # id, theme
    partners: pd.DataFrame  # id, partner, partner_type
    places: pd.DataFrame  # id, place

    @property
    def empty(self) -> bool:
        return self.items.empty


def _items_table(ids: list[str], dates: list[date], categories: list[str],
                 period_ends: list[date] | None = None) -> pd.DataFrame:
    """`period_ends`: the last day each item may have happened (its bulletin's period end
    when its text states no day, else its date)."""
    frame = pd.DataFrame({"id": ids, "date": _timestamps(dates), "category": categories})
    frame["year"] = frame["date"].dt.year.astype("int64")
    frame["month"] = frame["date"].dt.to_period("M").dt.to_timestamp()
    frame["quarter"] = frame["date"].dt.to_period("Q").astype(str)
    frame["period_end"] = _timestamps(period_ends) if period_ends is not None else frame["date"]
    return frame


def _timestamps(days: list[date]) -> pd.Series:
    return pd.to_datetime(pd.Series(days, dtype="object")).astype("datetime64[ns]")


def _loose_end(item: Item) -> date:
    return max(item.date, item.period_end) if item.date_precision == "month" and item.period_end else item.date


def _long(pairs: list[tuple[str, str]], column: str) -> pd.DataFrame:
    return pd.DataFrame(pairs, columns=["id", column]) if pairs else pd.DataFrame({"id": [], column: []}, dtype=object)


def frames_from_items(items: Iterable[Item], partner_types: Mapping[str, str] | None = None) -> Frames:
    items = list(items)
    types = partner_types or {}
    partners = _long([(i.id, p) for i in items for p in dict.fromkeys(i.partners)], "partner")
    partners["partner_type"] = partners["partner"].map(lambda p: types.get(p, UNKNOWN_TYPE))
    return Frames(
        items=_items_table([i.id for i in items], [i.date for i in items], [i.category or "other" for i in items],
                           [_loose_end(i) for i in items]),
        themes=_long([(i.id, t) for i in items for t in dict.fromkeys(i.themes)], "theme"),
        partners=partners,
        places=_long([(i.id, p) for i in items for p in dict.fromkeys(i.places)], "place"),
    )


def frames_for(index: SearchIndex, request: SearchRequest,
               partner_types: Mapping[str, str] | None = None) -> Frames:
    """The items that match a search request, as frames (the search's own matching set)."""
    table, mask = index.matching_table(request)
    return frames_from_table(table, mask, partner_types)


def frames_from_table(table: FacetTable, mask: np.ndarray, partner_types: Mapping[str, str] | None = None) -> Frames:
    """The same frames straight from the index's facet arrays: no record is read."""
    docs = np.flatnonzero(mask & table.live)
    ids = [table.ids[d] for d in docs.tolist()]
    dates = [date.fromordinal(o) for o in table.dates[docs].tolist()]
    categories = [table.values["category"][c] for c in table.single["category"][docs].tolist()]
    ends = [date.fromordinal(o) for o in table.period_ends[docs].tolist()]
    return Frames(
        items=_items_table(ids, dates, categories, ends),
        themes=_entries(table, "theme", mask),
        partners=_with_types(_entries(table, "partner", mask), partner_types or {}),
        places=_entries(table, "place", mask),
    )


def _entries(table: FacetTable, facet: str, mask: np.ndarray) -> pd.DataFrame:
    keep = (mask & table.live)[table.entry_doc[facet]]
    docs, codes = table.entry_doc[facet][keep], table.entry_code[facet][keep]
    values = np.asarray(table.values[facet], dtype=object)
    return pd.DataFrame({"id": [table.ids[d] for d in docs.tolist()], facet: values[codes] if len(codes) else []})


def _with_types(partners: pd.DataFrame, types: Mapping[str, str]) -> pd.DataFrame:
    partners["partner_type"] = partners["partner"].map(lambda p: types.get(p, UNKNOWN_TYPE))
    return partners


# --------------------------------------------------------------------------- aggregates


def _span(frame: pd.DataFrame, freq: str, start: date | None, end: date | None) -> pd.PeriodIndex:
    if start is None or end is None:
        if frame.empty:
            return pd.PeriodIndex([], freq=freq)
        start = start or frame["date"].min().date()
        end = end or frame["date"].max().date()
    return pd.period_range(pd.Timestamp(start), pd.Timestamp(end), freq=freq)


def by_month(fr: Frames, start: date | None = None, end: date | None = None) -> pd.DataFrame:
    """month (first day), count: every month from start to end, zeros included."""
    span = _span(fr.items, "M", start, end)
    counts = fr.items["date"].dt.to_period("M").value_counts()
    out = pd.DataFrame({"month": span.to_timestamp(), "count": [int(counts.get(p, 0)) for p in span]})
    return out


def by_quarter(fr: Frames, start: date | None = None, end: date | None = None) -> pd.DataFrame:
    span = _span(fr.items, "Q", start, end)
    counts = fr.items["date"].dt.to_period("Q").value_counts()
    return pd.DataFrame({"quarter": [str(p) for p in span], "count": [int(counts.get(p, 0)) for p in span]})


def by_year(fr: Frames, start: int | None = None, end: int | None = None) -> pd.DataFrame:
    if fr.items.empty and (start is None or end is None):
        return pd.DataFrame({"year": pd.Series([], dtype="int64"), "count": pd.Series([], dtype="int64")})
    first = start if start is not None else int(fr.items["year"].min())
    last = end if end is not None else int(fr.items["year"].max())
    counts = fr.items["year"].value_counts()
    years = list(range(first, last + 1))
    return pd.DataFrame({"year": years, "count": [int(counts.get(y, 0)) for y in years]})


def _ranked(series: pd.Series, name: str, top: int | None) -> pd.DataFrame:
    counts = series.value_counts()
    frame = pd.DataFrame({name: counts.index.astype(str), "count": counts.to_numpy(dtype="int64")})
    frame = frame.sort_values(["count", name], ascending=[False, True], kind="stable").reset_index(drop=True)
    return frame.head(top) if top else frame


def by_category(fr: Frames) -> pd.DataFrame:
    """category, count, share (% of items; the shares add up to 100)."""
    frame = _ranked(fr.items["category"], "category", None)
    total = int(frame["count"].sum())
    frame["share"] = (100.0 * frame["count"] / total).round(1) if total else 0.0
    return frame


def by_theme(fr: Frames, top: int | None = None) -> pd.DataFrame:
    return _ranked(fr.themes["theme"], "theme", top)


def by_partner(fr: Frames, top: int | None = None) -> pd.DataFrame:
    """partner, partner_type, count (items naming the partner)."""
    frame = _ranked(fr.partners["partner"], "partner", top)
    types = dict(zip(fr.partners["partner"], fr.partners["partner_type"]))
    frame.insert(1, "partner_type", frame["partner"].map(lambda p: types.get(p, UNKNOWN_TYPE)))
    return frame


def by_partner_type(fr: Frames) -> pd.DataFrame:
    """partner_type, items (naming at least one partner of that type), partners (distinct)."""
    grouped = fr.partners.groupby("partner_type")
    frame = pd.DataFrame({"items": grouped["id"].nunique(), "partners": grouped["partner"].nunique()})
    frame = frame.reset_index().sort_values(["items", "partner_type"], ascending=[False, True], kind="stable")
    return frame.reset_index(drop=True).astype({"items": "int64", "partners": "int64"})


def by_place(fr: Frames, top: int | None = None) -> pd.DataFrame:
    return _ranked(fr.places["place"], "place", top)


def _cross_counts(rows: pd.Series, columns: pd.Series) -> pd.DataFrame:
    """The counts of pd.crosstab(rows, columns) (pairs with a missing value left out) by one
    groupby: crosstab counts each cell in Python, 30-40 ms for the 6,000 cells of 500 months."""
    pairs = pd.DataFrame({"row": rows, "column": columns})
    return pairs.groupby(["row", "column"], observed=True).size().unstack("column", fill_value=0)


def month_by_category(fr: Frames, start: date | None = None, end: date | None = None) -> pd.DataFrame:
    """Months as rows, categories as columns (in the fixed category order), zeros included."""
    span = _span(fr.items, "M", start, end)
    table = _cross_counts(fr.items["date"].dt.to_period("M"), fr.items["category"])
    present = [c for c in CATEGORY_ORDER if c in table.columns] + sorted(set(table.columns) - set(CATEGORY_ORDER))
    table = table.reindex(index=span, columns=present, fill_value=0).astype("int64")
    table.index = span.to_timestamp()
    table.index.name = "month"
    table.columns.name = None
    return table


def multi_month_periods(fr: Frames, start: date | None = None, end: date | None = None) -> pd.DataFrame:
    """start, end (first days of the first and last month), items: the items dated only to a
    bulletin period of more than one month, counted in `start`, one row per period, the
    periods that begin between `start` and `end` (months) in date order."""
    items = fr.items
    first, last = items["date"].dt.to_period("M"), items["period_end"].dt.to_period("M")
    loose = items[first != last].assign(start=first[first != last], end=last[first != last])
    if start is not None:
        loose = loose[loose["start"] >= pd.Period(start, "M")]
    if end is not None:
        loose = loose[loose["start"] <= pd.Period(end, "M")]
    out = loose.groupby(["start", "end"]).size().reset_index(name="items").sort_values(["start", "end"])
    out["start"], out["end"] = [pd.PeriodIndex(out[c], freq="M").to_timestamp() for c in ("start", "end")]
    return out.reset_index(drop=True).astype({"items": "int64"})


def partner_by_year(fr: Frames, top: int | None = 20) -> pd.DataFrame:
    """Partners as rows (the most frequent first), years as columns, item counts."""
    if fr.partners.empty:
        return pd.DataFrame()
    years = fr.items.set_index("id")["year"]
    long = fr.partners.assign(year=fr.partners["id"].map(years))
    table = _cross_counts(long["partner"], long["year"])
    span = list(range(int(fr.items["year"].min()), int(fr.items["year"].max()) + 1))
    table = table.reindex(columns=span, fill_value=0)
    order = table.sum(axis=1).sort_values(ascending=False, kind="stable")
    table = table.loc[sorted(order.index, key=lambda p: (-order[p], p))]
    table.columns.name, table.index.name = None, "partner"
    return (table.head(top) if top else table).astype("int64")


def year_over_year(fr: Frames) -> pd.DataFrame:
    """year, count, change (items), change_pct (% of the year before; empty for the first)."""
    frame = by_year(fr)
    frame["change"] = frame["count"].diff().astype("Int64")
    previous = frame["count"].shift()
    frame["change_pct"] = (100.0 * frame["change"].astype("float") / previous).round(1).where(previous > 0)
    return frame


def category_share(fr: Frames) -> pd.DataFrame:
    return by_category(fr)[["category", "share"]]


def theme_by_month(fr: Frames, start: date | None = None, end: date | None = None, top: int = 6) -> pd.DataFrame:
    """Months as rows, the `top` themes as columns: themes over time."""
    span = _span(fr.items, "M", start, end)
    leading = list(by_theme(fr, top)["theme"])
    if fr.themes.empty:
        return pd.DataFrame(0, index=pd.Index(span.to_timestamp(), name="month"), columns=leading, dtype="int64")
    months = fr.items.set_index("id")["date"].dt.to_period("M")
    long = fr.themes.assign(month=fr.themes["id"].map(months))
    table = _cross_counts(long["month"], long["theme"]).reindex(index=span, columns=leading, fill_value=0)
    table.index = span.to_timestamp()
    table.index.name, table.columns.name = "month", None
    return table.astype("int64")


# name -> how to compute it; month-based tables take the period to span.
_SPANNED = {"month": by_month, "quarter": by_quarter, "month_by_category": month_by_category,
            "theme_by_month": theme_by_month}
_PLAIN = {"category": by_category, "theme": by_theme, "partner": by_partner, "partner_type": by_partner_type,
          "place": by_place, "partner_by_year": partner_by_year, "year_over_year": year_over_year}
TABLES: tuple[str, ...] = ("month", "quarter", "year", *list(_PLAIN), "month_by_category", "theme_by_month")


def aggregate(fr: Frames, name: str, start: date | None = None, end: date | None = None) -> pd.DataFrame:
    """One aggregate table by name; `start`/`end` bound the month, quarter and year spans."""
    if name in _SPANNED:
        return _SPANNED[name](fr, start, end)
    if name == "year":
        return by_year(fr, start.year if start else None, end.year if end else None)
    if name in _PLAIN:
        return _PLAIN[name](fr)
    raise ValueError(f"unknown table {name!r}; choose one of {', '.join(TABLES)}")


def for_output(table: pd.DataFrame) -> pd.DataFrame:
    """Months as "2024-03" rather than timestamps, the index as a column: ready for a file."""
    out = table.reset_index() if table.index.name else table.copy()
    for column in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[column]):
            out[column] = out[column].dt.strftime("%Y-%m")
    return out
