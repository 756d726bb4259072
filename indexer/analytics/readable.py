"""How exports present items to the people who open them: column headers and values as a
reader says them ("Monitoring visit", not "monitoring_visit"; display names from
data/taxonomy.toml), the "About" block that states what an export holds (query, filters,
dates, item count, when), and file names made from the same (`bulletins-icrc-2024.xlsx`).

Scripts that want ids and the contract's field names use the JSON export instead.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import PurePath
from typing import Any

from . import palette
from ..item import Item

# (field of the item record, header shown): the order of the columns, the date first as on screen
ITEM_HEADERS: tuple[tuple[str, str], ...] = (
    ("date", "Date"), ("title", "Title"), ("category", "Category"), ("themes", "Themes"),
    ("partners", "Partners"), ("places", "Places"), ("people", "People"), ("links", "Links"),
    ("date_precision", "Date from"), ("period_start", "Bulletin from"), ("period_end", "Bulletin to"),
    ("source", "Bulletin file"), ("id", "Item id"), ("body", "Text"),
)
PRECISION_LABELS = {"day": "the item's text", "month": "the bulletin's period"}
FILTER_LABELS = {"category": "Category", "theme": "Theme", "partner": "Partner", "place": "Place",
                 "person": "Person", "year": "Year"}
SORT_LABELS = {"relevance": "best match first", "newest": "newest first", "oldest": "oldest first"}
LIST_SEPARATOR = "; "
_SLUG_MAX = 60  # characters of a file name's stem


def item_values(item: Item) -> list[Any]:
    """One item's cells in ITEM_HEADERS order: names instead of ids, lists joined, dates
    kept as dates, the file name without the folders of the machine that indexed it."""
    return [_value(name, getattr(item, name)) for name, _ in ITEM_HEADERS]


def _value(name: str, value: Any) -> Any:
    if name == "category":
        return palette.category_label(value or "other")
    if name == "themes":
        value = tuple(palette.theme_label(t) for t in value)
    if name == "date_precision":
        return PRECISION_LABELS.get(value, value)
    if name == "source":
        return PurePath(value.replace("\\", "/")).name
    return LIST_SEPARATOR.join(value) if isinstance(value, tuple) else value


def headers() -> list[str]:
    return [header for _, header in ITEM_HEADERS]


# aggregate table columns (frames.py names) as a report reads them
TABLE_HEADERS = {"month": "Month", "quarter": "Quarter", "year": "Year", "count": "Items", "share": "Share (%)",
                 "category": "Category", "theme": "Theme", "partner": "Partner", "partner_type": "Partner type",
                 "place": "Place", "items": "Items", "partners": "Partners", "change": "Change",
                 "change_pct": "Change (%)", "start": "First month", "end": "Last month"}


def readable_table(table: Any) -> Any:
    """An aggregate (frames.for_output) with headers as people read them and category and
    theme ids as their display names, in cells and in column headers (month x category)."""
    out = table.copy()
    for column, show in (("category", palette.category_label), ("theme", palette.theme_label)):
        if column in out.columns:
            out[column] = out[column].map(show)
    out.columns = [TABLE_HEADERS.get(str(c)) or _id_label(str(c)) for c in out.columns]
    return out


def _id_label(name: str) -> str:
    if name in palette.CATEGORY_LABELS:
        return palette.category_label(name)
    return palette.THEME_LABELS.get(name, name)


@dataclass(frozen=True)
class ExportInfo:
    """What an export holds, as the search that produced it was asked."""

    count: int
    query: str = ""
    filters: Mapping[str, Sequence[str]] = field(default_factory=dict)
    date_from: date | None = None
    date_to: date | None = None
    sort: str = "relevance"
    made: datetime = field(default_factory=lambda: datetime.now(timezone.utc))
    notice: str | None = None  # "GENERATED SAMPLE DATA ..." when it is

    @classmethod
    def of(cls, request: Any, count: int, notice: str | None = None) -> "ExportInfo":
        """From a search.SearchRequest (the one the items were listed by)."""
        return cls(count=count, query=request.text.strip(), filters=dict(request.filters), date_from=request.date_from,
                   date_to=request.date_to, sort=request.sort, notice=notice)


def about_rows(info: ExportInfo) -> list[tuple[str, str]]:
    """(what, value) lines for the first sheet of a workbook."""
    rows = [("Exported from", "Bulletin Explorer"), ("Query", info.query or "(none: every item)")]
    rows += [(FILTER_LABELS.get(f, f), " or ".join(_filter_value(f, v) for v in values))
             for f, values in info.filters.items() if values]
    rows += [("Dates", _dates(info.date_from, info.date_to)), ("Items", f"{info.count:,}"),
             ("Order", SORT_LABELS.get(_effective_sort(info), info.sort)),
             ("Exported on", f"{info.made:%Y-%m-%d %H:%M} UTC")]
    return rows + ([("Note", info.notice)] if info.notice else [])


def _effective_sort(info: ExportInfo) -> str:
    # without words to rank by, "relevance" lists the newest first (as the search does)
    return "newest" if info.sort == "relevance" and not info.query else info.sort


def _filter_value(facet: str, value: str) -> str:
    if facet == "category":
        return palette.category_label(value)
    return palette.theme_label(value) if facet == "theme" else value


def _dates(start: date | None, end: date | None) -> str:
    if start and end:
        return f"{start:%Y-%m-%d} to {end:%Y-%m-%d}"
    if start or end:
        return f"from {start:%Y-%m-%d}" if start else f"up to {end:%Y-%m-%d}"
    return "all dates"


def file_name(info: ExportInfo, extension: str, prefix: str = "bulletins") -> str:
    """`bulletins-icrc-2024.xlsx`: the query's words, the filter values and the dates, in
    lower-case letters, digits and hyphens only (safe on every system and in a URL)."""
    filters = sorted(info.filters.items(), key=lambda kv: kv[0] == "year")  # years last, by the dates
    parts = [prefix, info.query, *(v for _, values in filters for v in values), _date_part(info)]
    stem = _slug("-".join(p for p in parts if p))[:_SLUG_MAX].rstrip("-")
    if stem == prefix:
        stem += "-all"
    return f"{stem}.{extension.lstrip('.')}"


def _date_part(info: ExportInfo) -> str:
    start, end = info.date_from, info.date_to
    if start and end and (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return str(start.year) if start.year == end.year else f"{start.year}-{end.year}"
    return "-".join(f"{d:%Y%m%d}" for d in (start, end) if d)


def _slug(text: str) -> str:
    ascii_text = text.casefold().replace("ə", "e")  # the Azerbaijani schwa has no ASCII decomposition
    ascii_text = unicodedata.normalize("NFKD", ascii_text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
