"""One module per `bulletins` subcommand; each exposes `register(subparsers)`.

A module is imported only when its command is built (`registrars`): a run of one command
does not pay for the imports of the others (pandas and plotly for `export`, for example).
"""
from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

# In the order `bulletins --help` lists them; the module of `name` is `name_cmd`.
NAMES = ("parse", "explain", "partners", "ingest", "search", "stats", "export", "report", "serve", "users",
         "alerts", "sample")


def registrars(only: str | None = None) -> list[Callable]:
    """The `register` functions of every command, or of the command `only`."""
    names = (only,) if only in NAMES else NAMES
    return [import_module(f"{__name__}.{name}_cmd").register for name in names]
