"""`bulletins parse FILE...`: the items of each bulletin, as a table or JSON lines."""
from __future__ import annotations

import argparse
import json
import sys
import textwrap

from ..errors import BulletinError
from ..parse import Parsed, find_bulletins, parse_file
from .common import add_command, announce_sample, error, progress, warn


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
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    paths, problems = find_bulletins(args.files)
    announce_sample(args.files)
    for problem in problems:
        error(str(problem))
    failed, total = len(problems), 0
    for path in progress(paths, len(paths), "parsing"):
        try:
            parsed = parse_file(path)
        except BulletinError as exc:
            error(str(exc))
            failed += 1
            continue
        for note in parsed.notes:
            warn(f"{path}: {note}")
        total += len(parsed.items)
        _print(parsed, args)
    if not args.jsonl:
        print(f"{len(paths) + len(problems) - failed} file(s) parsed, {total} item(s), {failed} failed")
    return 1 if failed else 0


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
        title = textwrap.shorten(item.title, 78, placeholder="...")
        link = item.links[0] if item.links else "-"
        print(f"  {n:>3}  {item.id}  {title:<78}  {link}")
    print()
