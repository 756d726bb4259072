"""`bulletins alerts`: e-mail each saved search's digest of items new since the last run."""
from __future__ import annotations

import argparse
import smtplib

from .common import add_command, add_index_option, error, open_index
from .serve_cmd import add_config_option, config_dir


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(
        sub, "alerts",
        help="e-mail the digests of saved searches (run it after each ingest)",
        description="For each saved search with a digest address, e-mail the items that match it now and did "
                    "not at the last run (the first run only records what matches). SMTP settings: smtp.toml "
                    "in the config folder.",
        example="bulletins ingest bulletins/ && bulletins alerts",
    )
    add_index_option(p)
    add_config_option(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from dashboard.office.digest import DigestError, send_digests

    index = open_index(args.index)
    if index is None:
        return 1
    try:
        sent = send_digests(index, config_dir(args))
    except DigestError as exc:
        error(str(exc))
        return 1
    except (smtplib.SMTPException, OSError) as exc:
        error(f"cannot send mail: {exc}")
        return 1
    for address, n in sent:
        print(f"sent {address} {n} new item(s)")
    print(f"{len(sent)} digest(s) sent")
    return 0
