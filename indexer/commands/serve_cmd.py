"""`bulletins serve`: the dashboard and its JSON API on a production web server."""
from __future__ import annotations

import argparse
from pathlib import Path

from .common import add_command, add_index_option, announce_sample, error, load_enricher


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(
        sub,
        "serve",
        help="run the dashboard and the JSON API (/api/search, /api/items/<id>, /api/stats)",
        description="Serve the dashboard and the JSON API over the index with gunicorn. Run 'bulletins ingest' "
                    "first, and add users with 'bulletins users add' (or serve read-only to all with --public). "
                    "A new ingest is picked up without a restart.",
        example="bulletins serve --index data/index --port 8050",
    )
    add_index_option(p)
    add_config_option(p)
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1; put a reverse proxy in front for others)")
    p.add_argument("--port", type=int, default=8050, help="port (default: 8050)")
    p.add_argument("--workers", type=int, default=None, metavar="N",
                   help="worker processes (default: two per core, at most 8); each runs 4 threads")
    p.add_argument("--public", action="store_true", help="read-only, without sign-in (the demo)")
    p.add_argument("--allow-edits", action="store_true",
                   help="with --public: anyone may correct labels on the Review page (/review); "
                        "with sign-in, editors and admins always may")
    p.add_argument("--session-hours", type=float, default=8.0, metavar="H", help="sign-in lasts this long (default: 8)")
    p.add_argument("--behind-proxy", action="store_true",
                   help="trust one reverse proxy's X-Forwarded-For/Proto/Host and send cookies over HTTPS only")
    p.set_defaults(run=run)


def add_config_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=Path, default=None, metavar="DIR",
                        help="folder of users.json and session.key (default: 'config' beside the index folder)")


def config_dir(args: argparse.Namespace) -> Path:
    from dashboard.office.users import default_config_dir

    return args.config or default_config_dir(args.index)


def run(args: argparse.Namespace) -> int:
    from dashboard.web import server
    from dashboard.web.app import create_app
    from dashboard.office.auth import Access
    from dashboard.office.users import UserError, UserStore

    if args.workers is not None and args.workers < 1:
        error("--workers must be 1 or more")
        return 2
    enricher = load_enricher()
    if enricher is None:
        return 1
    access = Access(None if args.public else config_dir(args), args.public, args.session_hours, args.behind_proxy,
                    allow_edits=args.allow_edits)
    try:
        users = [] if args.public else UserStore(access.config_dir).list()
    except UserError as exc:
        error(str(exc))
        return 1
    if not args.public and not users:
        error(f"no users in {access.config_dir}: add one with 'bulletins users add NAME --role admin', "
              "or serve read-only without sign-in with --public")
        return 1
    announce_sample([args.index])
    app = create_app(args.index, enricher.partner_aliases(), access)
    wsgi = app.server
    if args.behind_proxy:
        from werkzeug.middleware.proxy_fix import ProxyFix

        wsgi = ProxyFix(wsgi, x_for=1, x_proto=1, x_host=1)
    print(f"bulletins: serving {args.index} on http://{args.host}:{args.port} "
          f"({_mode(args)})", flush=True)
    server.run(wsgi, args.host, args.port, args.workers or server.default_workers())
    return 0


def _mode(args: argparse.Namespace) -> str:
    if not args.public:
        return "sign-in required"
    return "no sign-in, labels editable by anyone on /review" if args.allow_edits else "read-only, no sign-in"
