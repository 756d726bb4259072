"""`bulletins users`: add, remove, list the people who may sign in, and set their roles."""
from __future__ import annotations

import argparse
import getpass
import os
import sys

from .common import add_command, add_index_option, error
from .serve_cmd import add_config_option, config_dir

PASSWORD_ENV = "BULLETINS_PASSWORD"
ROLES = ("viewer", "editor", "admin")  # dashboard.office.users.ROLES, without importing the dashboard for --help


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(
        sub, "users",
        help="manage who may sign in to 'bulletins serve' and their roles",
        description="Accounts for 'bulletins serve': roles viewer (read, export), editor (also change data), "
                    f"admin (also manage accounts). Passwords are asked for, or read from ${PASSWORD_ENV}; "
                    "only their scrypt hashes are stored.",
        example="bulletins users add ann --role editor",
    )
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True, help="add, remove, list or set-role")
    add = actions.add_parser("add", help="add a user (asks for the password)")
    add.add_argument("name", help="the name to sign in with (letters, digits, . _ @ -)")
    add.add_argument("--role", default="viewer", choices=ROLES, help="viewer (default), editor or admin")
    remove = actions.add_parser("remove", help="remove a user")
    remove.add_argument("name", help="the user to remove")
    actions.add_parser("list", help="list users and roles")
    role = actions.add_parser("set-role", help="change a user's role")
    role.add_argument("name", help="the user")
    role.add_argument("role", choices=ROLES, help="viewer, editor or admin")
    for action in (add, remove, role, actions.choices["list"]):
        add_index_option(action)
        add_config_option(action)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from dashboard.office.users import UserError, UserStore

    store = UserStore(config_dir(args))
    try:
        if args.action == "add":
            store.add(args.name, _password(), args.role)
            print(f"added {args.name} ({args.role}) to {store.path}")
        elif args.action == "remove":
            store.remove(args.name)
            print(f"removed {args.name}")
        elif args.action == "set-role":
            store.set_role(args.name, args.role)
            print(f"{args.name} is now {args.role}")
        else:
            for user in store.list():
                print(f"{user.name}\t{user.role}")
    except (UserError, EOFError) as exc:
        error(str(exc) or "no password given")
        return 1
    return 0


def _password() -> str:
    if os.environ.get(PASSWORD_ENV):
        return os.environ[PASSWORD_ENV]
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("password: ")
    if first != getpass.getpass("again: "):
        raise EOFError("the two passwords differ")
    return first
