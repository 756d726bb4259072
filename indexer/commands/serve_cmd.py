"""`bulletins serve`: the dashboard and its JSON API on a local web server."""
from __future__ import annotations

import argparse

from .common import add_command, add_index_option, announce_sample, load_enricher


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(
        sub,
        "serve",
        help="run the dashboard and the JSON API (/api/search, /api/items/<id>, /api/stats)",
        description="Serve the dashboard and the JSON API over the index. Run 'bulletins ingest' first.",
        example="bulletins serve --index data/index --port 8050",
    )
    add_index_option(p)
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    p.add_argument("--port", type=int, default=8050, help="port (default: 8050)")
    p.add_argument("--workers", type=int, default=1, metavar="N", help="threads serving requests (default: 1)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from dashboard.app import create_app

    enricher = load_enricher()
    if enricher is None:
        return 1
    announce_sample([args.index])
    app = create_app(args.index, enricher.partner_aliases())
    app.run(host=args.host, port=args.port, debug=False, threaded=args.workers > 1)
    return 0
