"""Aggregates equal hand counts, and follow the same query and filters as the search."""
from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from datetime import date

import pandas as pd
import pytest

from indexer.analytics import frames as F
from indexer.analytics.frames import frames_for
from indexer.item import Item, make_item_id
from indexer.search import SearchRequest


def _item(day: date, category: str, partners=(), themes=(), places=(), precision="month") -> Item:
    title = f"{category} {day} {'/'.join(partners)}"
    start = day.replace(day=1)
    return Item(make_item_id(start, title, ""), "t.txt", start, start, day, precision, title, "",
                category=category, partners=tuple(partners), themes=tuple(themes), places=tuple(places))


# Eight items over January to May 2023 (February and April empty) and March 2024.
ITEMS = [
    _item(date(2023, 1, 1), "monitoring_visit", ["Penitentiary Service"], ["detention"], ["Baku"]),
    _item(date(2023, 1, 15), "event", ["UNICEF", "ICRC"], ["children"], ["Baku"], precision="day"),
    _item(date(2023, 3, 1), "event", ["ICRC"], ["children", "disability"], ["Ganja"]),
    _item(date(2023, 3, 9), "meeting", [], [], [], precision="day"),
    _item(date(2023, 5, 1), "monitoring_visit", ["Penitentiary Service"], ["detention"], ["Ganja"]),
    _item(date(2024, 3, 1), "agreement", ["ADA University"], ["education"], ["Baku"]),
    _item(date(2024, 3, 2), "event", ["ICRC"], ["missing_persons_ihl"], [], precision="day"),
    _item(date(2024, 3, 3), "event", ["UNICEF"], ["children"], ["Baku"], precision="day"),
]
TYPES = {"Penitentiary Service": "national state body", "UNICEF": "UN agency", "ICRC": "international organisation",
         "ADA University": "academic"}


@pytest.fixture(scope="module")
def fr():
    return F.frames_from_items(ITEMS, TYPES)


def test_months_with_no_items_are_zero(fr):
    months = F.by_month(fr, date(2023, 1, 1), date(2023, 6, 30))
    assert list(months["month"].dt.strftime("%Y-%m")) == ["2023-01", "2023-02", "2023-03", "2023-04", "2023-05", "2023-06"]
    assert list(months["count"]) == [2, 0, 2, 0, 1, 0]
    assert len(F.by_month(fr)) == 15 and F.by_month(fr)["count"].sum() == 8


def test_quarters_years_and_year_over_year(fr):
    assert F.by_quarter(fr, date(2023, 1, 1), date(2023, 12, 31)).to_dict("list") == {
        "quarter": ["2023Q1", "2023Q2", "2023Q3", "2023Q4"], "count": [4, 1, 0, 0]}
    assert F.by_year(fr).to_dict("list") == {"year": [2023, 2024], "count": [5, 3]}
    yoy = F.year_over_year(fr)
    assert list(yoy["change"].astype("float").fillna(0)) == [0, -2] and yoy["change_pct"].iloc[1] == -40.0


def test_categories_and_shares(fr):
    table = F.by_category(fr)
    assert dict(zip(table["category"], table["count"])) == {"event": 4, "monitoring_visit": 2, "meeting": 1, "agreement": 1}
    assert table["share"].tolist() == [50.0, 25.0, 12.5, 12.5]


def test_themes_partners_types_and_places(fr):
    assert dict(zip(*F.by_theme(fr).values.T)) == {"children": 3, "detention": 2, "disability": 1, "education": 1,
                                                   "missing_persons_ihl": 1}
    partners = F.by_partner(fr)
    assert partners.to_dict("records")[0] == {"partner": "ICRC", "partner_type": "international organisation", "count": 3}
    types = F.by_partner_type(fr).set_index("partner_type")
    assert types.loc["UN agency", "items"] == 2 and types.loc["national state body", "partners"] == 1
    assert dict(zip(*F.by_place(fr).values.T)) == {"Baku": 4, "Ganja": 2}


def test_month_by_category_and_partner_by_year(fr):
    table = F.month_by_category(fr, date(2023, 1, 1), date(2023, 3, 31))
    assert list(table.columns) == ["monitoring_visit", "event", "agreement", "meeting"]  # the fixed order
    assert table.to_numpy().tolist() == [[1, 1, 0, 0], [0, 0, 0, 0], [0, 1, 0, 1]]
    by_year = F.partner_by_year(fr)
    assert by_year.loc["ICRC"].tolist() == [2, 1] and list(by_year.columns) == [2023, 2024]


def test_empty_frames_give_empty_tables():
    empty = F.frames_from_items([], {})
    assert F.by_month(empty).empty and F.by_category(empty).empty and F.by_year(empty).empty
    assert F.by_month(empty, date(2024, 1, 1), date(2024, 3, 31))["count"].tolist() == [0, 0, 0]


def test_table_frames_equal_item_frames(search_index):
    request = SearchRequest("", {"year": ("2023",)})
    from_table = frames_for(search_index, request)
    from_items = F.frames_from_items(search_index.matching_items(request))
    for name in ("month", "category", "theme", "partner", "place", "month_by_category"):
        pd.testing.assert_frame_equal(F.aggregate(from_table, name), F.aggregate(from_items, name), check_dtype=False)


@pytest.mark.parametrize("args", [["rights", "--category", "event", "--category", "meeting"], ["--partner", "ICRC", "--year", "2023"]])
def test_aggregates_under_a_query_equal_counts_over_search_json(built_index, search_index, args):
    proc = subprocess.run([sys.executable, "-m", "indexer.cli", "search", *args, "--json", "--per-page", "100",
                           "--sort", "newest", "--index", str(built_index)], capture_output=True, text=True, check=True)
    result = json.loads(proc.stdout)
    hits = result["hits"]
    page = 2
    while len(hits) < result["total"]:
        more = subprocess.run([sys.executable, "-m", "indexer.cli", "search", *args, "--json", "--per-page", "100",
                               "--sort", "newest", "--page", str(page), "--index", str(built_index)],
                              capture_output=True, text=True, check=True)
        hits += json.loads(more.stdout)["hits"]
        page += 1
    query = args[0] if not args[0].startswith("--") else ""
    flags = args[1:] if query else args
    filters: dict[str, tuple[str, ...]] = {}
    for flag, value in zip(flags[::2], flags[1::2]):
        filters[flag[2:]] = filters.get(flag[2:], ()) + (value,)
    fr = frames_for(search_index, SearchRequest(query, filters))
    assert dict(zip(*F.by_category(fr)[["category", "count"]].values.T)) == Counter(h["category"] for h in hits)
    assert F.by_month(fr)["count"].sum() == len(hits)
    months = Counter(h["date"][:7] for h in hits)
    got = F.for_output(F.by_month(fr))
    assert {m: c for m, c in zip(got["month"], got["count"]) if c} == months
