"""Downloads from the page: matching items, one figure, the annual-report pack.

Each returns what dcc.Download takes, built by indexer.exports and indexer.report."""
from __future__ import annotations

from datetime import date

from dash import dcc

from indexer.analytics import exports
from indexer.analytics.frames import frames_for
from indexer.analytics.report import pack_files, pack_for_year, zip_bytes
from indexer.search import SearchIndex

from .state import State, to_request
from .trends import figures_for
from .vocab import partner_types, report_labels

ITEM_FORMATS = {"csv": exports.items_csv_bytes, "xlsx": exports.items_xlsx_bytes}


class NothingToExport(Exception):
    pass


def _stem(state: State) -> str:
    return f"bulletin-items-{date.today():%Y%m%d}"


def items_download(index: SearchIndex, state: State, fmt: str) -> dict:
    items = index.matching_items(to_request(state))
    return dcc.send_bytes(ITEM_FORMATS[fmt](items), f"{_stem(state)}.{fmt}")


def figure_download(index: SearchIndex, state: State, name: str, fmt: str) -> dict:
    frames = frames_for(index, to_request(state), partner_types())
    fig = figures_for(frames, state.date_from, state.date_to)[name]
    return dcc.send_bytes(exports.figure_bytes(fig, fmt), f"{name}.{fmt}")


def report_download(index: SearchIndex, year: str | None) -> dict:
    if not (year and str(year).isdigit()):
        raise NothingToExport("choose a year for the annual-report pack first")
    pack = pack_for_year(index, int(year), partner_types())
    if pack.this_year.empty:
        raise NothingToExport(f"no items dated {year} in the index")
    return dcc.send_bytes(zip_bytes(pack_files(pack, report_labels())), f"annual-report-{year}.zip")
