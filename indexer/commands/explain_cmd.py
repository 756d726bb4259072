"""`bulletins explain FILE ITEM_ID`: why an item got its category, themes and partners."""
from __future__ import annotations

import argparse

from ..errors import BulletinError
from ..parse import parse_file
from .common import add_command, error, load_enricher


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(
        sub,
        "explain",
        help="show which rules labelled an item, so a wrong label can be fixed",
        description="Parse FILE, enrich the item ITEM_ID (or every item whose id starts with it) and "
        "print the rules that fired for each category with their points, why the winner won, the "
        "themes, the partners and how each was found, places, people and the date. Fix a wrong label "
        "in data/taxonomy.toml or data/partners.toml, or for one item in data/corrections.toml.",
        example="bulletins explain bulletins/2024-12.pdf 202412-3f9a1c",
    )
    p.add_argument("file", metavar="FILE", help="the bulletin (.pdf or .txt)")
    p.add_argument("item_id", metavar="ITEM_ID", help="the item's id, or its first characters")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..enrich.explain import explain

    enricher = load_enricher()
    if enricher is None:
        return 1
    try:
        parsed = parse_file(args.file)
    except BulletinError as exc:
        error(str(exc))
        return 1
    chosen = [i for i in parsed.items if i.id.startswith(args.item_id)]
    if not chosen:
        error(f"{args.file}: no item with id {args.item_id!r}; its ids are: {', '.join(i.id for i in parsed.items)}")
        return 1
    print("\n\n".join(explain(enricher.analyse(item)) for item in chosen))
    return 0
