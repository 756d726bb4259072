"""`bulletins partners PATH...`: partners found in bulletins, and those not yet listed."""
from __future__ import annotations

import argparse
import textwrap
from collections import Counter

from .common import BulletinReader, add_command, announce_sample, load_enricher


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(
        sub,
        "partners",
        help="count partners in bulletins; --unknown lists those not in partners.toml",
        description="Parse and enrich the bulletins and count the partner organisations found. "
        "With --unknown, list only the organisations found by name patterns that data/partners.toml "
        "does not know yet, each with its count and an example sentence, so staff can add them.",
        example="bulletins partners data/sample --unknown",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="bulletin files or folders")
    p.add_argument("--unknown", action="store_true", help="only partners not in data/partners.toml")
    p.add_argument("--top", type=int, default=50, metavar="N", help="show the N most frequent (default: 50)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    enricher = load_enricher()
    if enricher is None:
        return 1
    announce_sample(args.paths)
    counts: Counter[str] = Counter()
    examples: dict[str, str] = {}
    types: dict[str, str] = {}
    seen_items: set[str] = set()
    reader = BulletinReader(args.paths, "reading")
    for item in (i for parsed in reader for i in parsed.items):
        if item.id in seen_items:  # the PDF and the text of one bulletin
            continue
        seen_items.add(item.id)
        for find in enricher.analyse(item).partners:
            if args.unknown and find.known:
                continue
            counts[find.name] += 1
            types[find.name] = find.type if find.known else f"{find.type}, not listed"
            examples.setdefault(find.name, _sentence_with(f"{item.title}. {item.body}", find.name))
    _print(counts, types, examples, args.top, args.unknown)
    return 1 if reader.failed else 0


def _sentence_with(text: str, name: str) -> str:
    from ..enrich.text import sentences

    found = [s for s in sentences(text) if name in " ".join(s.split())]
    found = found or [s for s in sentences(text) if name.split()[0] in s]
    return " ".join(found[0].split()) if found else ""


def _print(counts: Counter[str], types: dict[str, str], examples: dict[str, str], top: int, unknown: bool) -> None:
    if not counts:
        print("no unknown partners (every partner found is in data/partners.toml)" if unknown else "no partners found")
        return
    for name, n in counts.most_common(top):
        print(f"{n:>5}  {name}  [{types[name]}]")
        if examples.get(name):
            print(f"       e.g. {textwrap.shorten(examples[name], 110, placeholder='...')}")
    print(f"{len(counts)} partner(s), {sum(counts.values())} mention(s)")
