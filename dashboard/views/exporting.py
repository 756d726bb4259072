"""Downloads from the page: matching items, one figure, the annual-report pack.

Each returns what dcc.Download takes, built by indexer.exports and indexer.report in a
helper process (heavy.py: they take turns, below the searches' priority), which opens
the index itself (`_index_at`). Item files are kept per worker by index generation
(caching.py) for EXPORT_TTL_S, so the same export asked again costs nothing; its
"Exported on" line then tells when that file was built."""
from __future__ import annotations

from dash import dcc

from indexer.analytics import exports
from indexer.analytics.frames import frames_for
from indexer.analytics.readable import ExportInfo, file_name
from indexer.analytics.report import latest_full_year, pack_files, pack_for_year, zip_bytes
from indexer.sample.marker import notice_for_files
from pathlib import Path

from indexer.search import SearchIndex
from indexer.search.index_dir import Manifest

from ..common.caching import GenerationCache, request_key
from ..common.heavy import QUEUE
from ..common.labels import partner_types, report_labels
from ..common.state import State, to_request
from .trends import figures_for


EXPORT_TTL_S = 600
# what dcc.Download takes (the file in base64), at most 128 files or 96 MB per worker
FILES = GenerationCache("export files", entries=128, max_bytes=96 * 2**20, ttl_s=EXPORT_TTL_S)


class NothingToExport(Exception):
    pass


_OPENED: dict[Path, SearchIndex] = {}  # in a helper process: the index it last opened, by root


def _where(index: SearchIndex) -> tuple[Path, dict[str, str], Path]:
    """What a helper process needs to open `index` itself (an open index cannot be sent)."""
    return index.root.root, dict(index.aliases), index.generation


def _index_at(where: tuple[Path, dict[str, str], Path]) -> SearchIndex:
    """In a helper: the index at `where`, opened once per generation. Should an ingest have
    published a newer one meanwhile, the file comes wholly from that newer one."""
    root, aliases, generation = where
    index = _OPENED.get(root)
    if index is None or index.generation != generation:
        index = _OPENED[root] = SearchIndex(root, aliases)
    return index


def items_download(index: SearchIndex, state: State, fmt: str) -> dict:
    """The matching items in the order the results list them, named by the query and filters."""
    request = to_request(state)
    return FILES.get(index.generation, (fmt, request_key(request)),
                     lambda: QUEUE.run(_items_file, _where(index), request, fmt))


def _items_file(where, request, fmt: str) -> dict:
    index = _index_at(where)
    items = index.listed_items(request)
    info = ExportInfo.of(request, len(items), notice_for_files(Manifest.load(index.generation).files))
    data = exports.items_xlsx_bytes(items, info) if fmt == "xlsx" else exports.items_csv_bytes(items)
    return dcc.send_bytes(data, file_name(info, fmt))


def figure_download(index: SearchIndex, state: State, name: str, fmt: str) -> dict:
    return QUEUE.run(_figure_file, _where(index), state, name, fmt)


def _figure_file(where, state: State, name: str, fmt: str) -> dict:
    index, request = _index_at(where), to_request(state)
    frames = frames_for(index, request, partner_types())
    fig = figures_for(frames, state.date_from, state.date_to)[name]
    stem = name.replace("_", "-")
    return dcc.send_bytes(exports.figure_bytes(fig, fmt), file_name(ExportInfo.of(request, 0), fmt, prefix=stem))


def report_download(index: SearchIndex, year: str | None) -> dict:
    """The pack of `year`, or of the latest full year in the index when none is chosen."""
    return QUEUE.run(_report_file, _where(index), year)


def _report_file(where, year: str | None) -> dict:
    index = _index_at(where)
    if year and not str(year).isdigit():
        raise NothingToExport("choose a year for the annual-report pack first")
    year = int(year) if year else latest_full_year(index)
    if year is None:
        raise NothingToExport("the index holds no items to report on")
    pack = pack_for_year(index, int(year), partner_types())
    if pack.this_year.empty:
        raise NothingToExport(f"no items dated {year} in the index")
    return dcc.send_bytes(zip_bytes(pack_files(pack, report_labels())), f"annual-report-{year}.zip")
