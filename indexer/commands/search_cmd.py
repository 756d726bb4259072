"""`bulletins search QUERY`: hits with date, category, headline and snippet."""
from __future__ import annotations

import argparse
import json
import textwrap
from ..search import SearchResult
from .common import add_command, add_filter_options, add_index_option, error, open_index, request_from_args



def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(
        sub,
        "search",
        help="search the index: hits, facet counts, suggestions",
        description="Search headlines and bodies. The query language: words (all must match), \"phrases\", "
        "AND / OR / NOT, field:value for category, theme, partner, place, person and year, prefix*, "
        "fuzzy~ and date ranges (date:[2021-01-01 to 2021-06-30]). Filters repeat for OR "
        "(--partner ICRC --partner UNICEF); different filters combine with AND.",
        example='bulletins search "seminar" --partner ICRC --year 2024 --json',
    )
    add_filter_options(p)
    p.add_argument("--sort", choices=("relevance", "newest", "oldest"), default="relevance", help="order of hits (default: relevance)")
    p.add_argument("--page", type=int, default=1, help="page of hits (default: 1)")
    p.add_argument("--per-page", type=int, default=20, help="hits per page, 1-100 (default: 20)")
    p.add_argument("--json", action="store_true", help="print the same JSON object as /api/search")
    add_index_option(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..search import QueryError

    index = open_index(args.index)
    if index is None:
        return 1
    try:
        result = index.search(request_from_args(args, sort=args.sort, page=args.page, per_page=args.per_page))
    except QueryError as exc:
        error(f"query: {exc}")
        return 2
    print(json.dumps(result.to_json(), ensure_ascii=False, indent=1) if args.json else render(result))
    return 0


def render(result: SearchResult) -> str:
    lines = [f"{result.total} item(s)" + (f"; did you mean: {result.suggestion}" if result.suggestion else "")]
    if result.also_searched:
        lines.append("also searched: " + ", ".join(result.also_searched) + ' (quote a word to search it alone)')
    first = (result.request.page - 1) * result.request.per_page
    for n, hit in enumerate(result.hits, first + 1):
        item = hit.item
        lines.append(f"{n:>4}. {item.date}  {item.category:<16} {item.title}")
        text = "".join(f"[{f.text}]" if f.hit else f.text for f in hit.snippet)
        lines += textwrap.wrap(text, 100, initial_indent="      ", subsequent_indent="      ")
    for facet in ("category", "year"):
        counts = ", ".join(f"{k} {v}" for k, v in list(result.facets.get(facet, {}).items())[:8])
        if counts:
            lines.append(f"{facet}: {counts}")
    return "\n".join(lines)
