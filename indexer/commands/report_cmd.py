"""`bulletins report [--year Y] --out FILE.zip`: the annual-report pack (of the latest full
year in the index unless --year says which)."""
from __future__ import annotations

import argparse
from pathlib import Path

from .common import add_command, add_index_option, error, load_enricher, open_index


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(
        sub,
        "report",
        help="write the annual-report pack: tables.xlsx, figures (SVG, PNG), summary.md and summary.html",
        description="Build the pack for one year: a workbook with one sheet per aggregate and the full item "
        "list, each figure as SVG and 300-dpi PNG, and a summary in sentences whose numbers come from the "
        "same tables. The pack names the bulletins it was built from, and says so when they are the "
        "generated sample.",
        example="bulletins report --year 2024 --out report-2024.zip",
    )
    p.add_argument("--year", type=int, help="the year to report on (default: the latest full year in the index)")
    p.add_argument("--out", required=True, type=Path, metavar="FILE.zip", help="the zip file to write")
    add_index_option(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..analytics.exports import ExportError
    from ..analytics.report import latest_full_year, pack_for_year, write_pack

    enricher = load_enricher()
    index = open_index(args.index) if enricher else None
    if index is None:
        return 1
    labels = enricher.labels()
    if args.year is None:
        args.year = latest_full_year(index)
        if args.year is None:
            error(f"no items in {args.index}: nothing to report on")
            return 1
        print(f"year: {args.year} (the latest full year in the index; --year chooses another)")
    pack = pack_for_year(index, args.year, enricher.partner_types())
    if pack.this_year.empty:
        error(f"no items dated {args.year} in {args.index}")
        return 1
    try:
        names = write_pack(pack, args.out, labels)
    except ExportError as exc:
        error(str(exc))
        return 1
    print(f"wrote {args.out}: {len(names)} files ({', '.join(names[:3])}, ...)")
    if pack.notice:
        print(f"note: {pack.notice}")
    return 0
