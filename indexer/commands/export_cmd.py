"""`bulletins export --out FILE`: matching items, an aggregate table or a figure, as a file."""
from __future__ import annotations

import argparse
from pathlib import Path

from ..analytics.figures import FIGURES, build_figure
from ..analytics.frames import TABLES, aggregate, for_output, frames_for
from .common import add_command, add_filter_options, add_index_option, error, open_index, request_from_args
from .stats_cmd import partner_types, year_span

ITEM_FORMATS, TABLE_FORMATS, FIGURE_FORMATS = (".csv", ".xlsx", ".json"), (".csv", ".xlsx"), (".svg", ".png")


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(
        sub,
        "export",
        help="write matching items (CSV/XLSX/JSON), an aggregate table (CSV/XLSX) or a figure (SVG/PNG)",
        description="Export what matches the query and filters. Without --table or --figure, the items "
        "themselves; the format follows the file's extension. CSV is UTF-8 with a BOM so Excel reads it; "
        "every text cell that could start a formula is made inert.",
        example="bulletins export --out icrc-2024.xlsx --partner ICRC --year 2024",
    )
    p.add_argument("--out", required=True, type=Path, metavar="FILE",
                   help="the file to write (.csv, .xlsx, .json, .svg, .png); an existing folder: a file named by "
                   "what it holds (bulletins-icrc-2024.xlsx; .csv for a table, .svg for a figure)")
    what = p.add_mutually_exclusive_group()
    what.add_argument("--table", choices=TABLES, metavar="NAME", help=f"an aggregate: {', '.join(TABLES)}")
    what.add_argument("--figure", choices=FIGURES, metavar="NAME", help=f"a figure: {', '.join(FIGURES)}")
    add_filter_options(p)
    add_index_option(p)
    p.set_defaults(run=run)


def _named_out(args: argparse.Namespace) -> Path:
    """--out as given, or inside a folder a name saying what the file holds."""
    from ..analytics.readable import ExportInfo, file_name

    if not args.out.is_dir():
        return args.out
    request = request_from_args(args)
    extension, prefix = ("svg", args.figure) if args.figure else ("csv", args.table) if args.table else ("xlsx", "bulletins")
    return args.out / file_name(ExportInfo.of(request, 0), extension, prefix=prefix.replace("_", "-"))


def run(args: argparse.Namespace) -> int:
    from ..analytics import exports
    from ..search import QueryError

    try:
        args.out = _named_out(args)
    except QueryError as exc:
        error(f"query: {exc}")
        return 2
    suffix = args.out.suffix.lower()
    allowed = FIGURE_FORMATS if args.figure else TABLE_FORMATS if args.table else ITEM_FORMATS
    if suffix not in allowed:
        error(f"{args.out}: use one of {', '.join(allowed)} for this export")
        return 2
    index = open_index(args.index)
    if index is None:
        return 1
    try:
        request = request_from_args(args)
        data = _render(index, request, args, suffix)
    except QueryError as exc:
        error(f"query: {exc}")
        return 2
    except exports.ExportError as exc:
        error(str(exc))
        return 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(data)
    print(f"wrote {args.out}")
    return 0


def _render(index, request, args: argparse.Namespace, suffix: str) -> bytes:
    from ..analytics import exports
    from ..analytics.readable import readable_table

    if not (args.table or args.figure):
        items = index.listed_items(request)  # in the order `bulletins search` lists them
        if suffix == ".xlsx":
            return exports.items_xlsx_bytes(items, _info(index, request, len(items)))
        return {".csv": exports.items_csv_bytes, ".json": exports.items_json_bytes}[suffix](items)
    frames = frames_for(index, request, partner_types())
    if args.table:
        table = readable_table(for_output(aggregate(frames, args.table, *year_span(args.year))))
        return exports.table_csv_bytes(table) if suffix == ".csv" else exports.tables_xlsx_bytes({args.table: table})
    return exports.figure_bytes(build_figure(frames, args.figure, *year_span(args.year)), suffix[1:])



def _info(index, request, count: int):
    from ..analytics.readable import ExportInfo
    from ..sample.marker import notice_for_files
    from ..search.index_dir import Manifest

    return ExportInfo.of(request, count, notice_for_files(Manifest.load(index.generation).files))
