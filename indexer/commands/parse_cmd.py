"""`bulletins parse FILE...`: the items of each bulletin, as a table or JSON lines."""
from __future__ import annotations

import argparse
import json
import sys
import textwrap

from ..parse import Parsed
from .common import BulletinReader, add_command, announce_sample, load_enricher


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(
        sub,
        "parse",
        help="print the items of bulletin files (no index needed)",
        description="Split each bulletin (PDF or text) into its items and print them. "
        "Directories are searched for *.pdf and *.txt. Files that cannot be read are named "
        "on stderr with the reason; the others are still parsed (exit status 1 if any failed).",
        example="bulletins parse bulletins/2024-12.pdf --jsonl > items.jsonl",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="bulletin files (.pdf, .txt) or folders of them")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--jsonl", action="store_true", help="one JSON item record per line (the contract's format)")
    out.add_argument("--summary", action="store_true", help="one line per file: period and number of items")
    out.add_argument("--explain", action="store_true", help="for every item, the rules that labelled it (see 'bulletins explain')")
    p.add_argument("--raw", action="store_true",
                   help="skip enrichment: category, themes, partners, places and people stay empty, date is the month")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    announce_sample(args.files)
    enricher = None if args.raw else load_enricher()
    if enricher is None and not args.raw:
        return 1
    reader, total = BulletinReader(args.files, "parsing"), 0
    for parsed in reader:
        total += len(parsed.items)
        if enricher is None:
            _print(parsed, args)
            continue
        analyses = [enricher.analyse(i) for i in parsed.items]
        parsed = parsed.with_items(tuple(a.item for a in analyses))
        if args.explain:
            _print_explained(analyses)
        else:
            _print(parsed, args)
    if not args.jsonl:
        print(f"{reader.read} file(s) parsed, {total} item(s), {reader.failed} failed")
    return 1 if reader.failed else 0


def _print(parsed: Parsed, args: argparse.Namespace) -> None:
    if args.jsonl:
        for item in parsed.items:
            sys.stdout.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
        return
    period = f"{parsed.period.start:%Y-%m-%d}..{parsed.period.end:%Y-%m-%d}"
    print(f"{parsed.source}  ({period}, {len(parsed.items)} items)")
    if args.summary:
        return
    for n, item in enumerate(parsed.items, 1):
        title = textwrap.shorten(item.title, 70, placeholder="...")
        label = item.category or "-"
        print(f"  {n:>3}  {item.id}  {item.date}  {label:<16}  {title:<70}  {item.links[0] if item.links else '-'}")
    print()


def _print_explained(analyses: list) -> None:
    from ..enrich.explain import explain

    for analysis in analyses:
        print(explain(analysis))
        print()
