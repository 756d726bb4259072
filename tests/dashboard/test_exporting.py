"""Downloads from the page: named by what they hold, rows in the order on screen, the pack's
year defaulting to the latest full year."""
from __future__ import annotations

import base64
import io

import openpyxl

from dashboard.views import exporting
from dashboard.common.state import State, to_request
from indexer.analytics.report import latest_full_year


def _file(download: dict) -> tuple[str, bytes]:
    data = download["content"]
    return download["filename"], base64.b64decode(data) if download.get("base64") else data.encode("utf-8")


def test_the_items_download_is_named_by_the_query_and_lists_the_results_in_order(dash_index):
    state = State(q="rights", filters={"category": ("meeting",)}, sort="relevance")
    name, data = _file(exporting.items_download(dash_index, state, "xlsx"))
    assert name == "bulletins-rights-meeting.xlsx"
    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    about = dict(list(book["About"].iter_rows(values_only=True))[1:])
    assert about["Query"] == "rights" and about["Category"] == "Meeting"
    rows = list(book["Items"].iter_rows(values_only=True))
    shown = dash_index.search(to_request(state, per_page=100))
    assert [r[rows[0].index("Item id")] for r in rows[1:]] == [h.item.id for h in shown.hits]
    assert {r[rows[0].index("Category")] for r in rows[1:]} == {"Meeting"} and len(rows) > 2


def test_the_pack_defaults_to_the_latest_full_year(dash_index):
    assert latest_full_year(dash_index) == 2024  # the corpus runs to December 2024


def _index_of(*days):
    from datetime import date
    from types import SimpleNamespace

    import numpy as np

    dates = np.array([date.fromisoformat(d).toordinal() for d in days], dtype=np.int32)
    return SimpleNamespace(table=SimpleNamespace(dates=dates, live=np.ones(len(days), dtype=bool)))


def test_a_year_still_under_way_is_not_the_default():
    assert latest_full_year(_index_of("2023-02-01", "2024-12-03", "2025-11-30")) == 2024
    assert latest_full_year(_index_of("2025-01-10", "2025-03-01")) == 2025  # no full year: the only one
    assert latest_full_year(_index_of()) is None
