"""`bulletins stats --by NAME`: counts over the items that match a query and filters."""
from __future__ import annotations

import argparse
import sys
from datetime import date

from ..analytics.frames import TABLES, aggregate, for_output, frames_for
from .common import add_command, add_filter_options, add_index_option, error, load_enricher, open_index, request_from_args


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(
        sub,
        "stats",
        help="aggregate counts (by month, year, category, partner, ...) as a table, CSV or JSON",
        description="Count the items that match the query and filters. Months, quarters and years with "
        "no items are rows of zeros. With a single --year, month spans run January to December. "
        f"--by is one of: {', '.join(TABLES)}.",
        example="bulletins stats --by category --year 2024 --format csv",
    )
    p.add_argument("--by", required=True, choices=TABLES, metavar="NAME", help=f"what to count by: {', '.join(TABLES)}")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table", help="output format (default: table)")
    add_filter_options(p)
    add_index_option(p)
    p.set_defaults(run=run)


def year_span(years: list[str]) -> tuple[date | None, date | None]:
    """January 1 to December 31 when exactly one year is asked for."""
    if len(years) == 1 and years[0].isdigit():
        year = int(years[0])
        return date(year, 1, 1), date(year, 12, 31)
    return None, None


def partner_types() -> dict[str, str]:
    enricher = load_enricher()
    return enricher.partner_types() if enricher else {}


def run(args: argparse.Namespace) -> int:
    from ..search import QueryError

    index = open_index(args.index)
    if index is None:
        return 1
    try:
        frames = frames_for(index, request_from_args(args), partner_types())
    except QueryError as exc:
        error(f"query: {exc}")
        return 2
    table = for_output(aggregate(frames, args.by, *year_span(args.year)))
    if args.format == "csv":
        table.to_csv(sys.stdout, index=False)
    elif args.format == "json":
        print(table.to_json(orient="records", force_ascii=False))
    else:
        print(table.to_string(index=False) if len(table) else "no items")
    return 0
