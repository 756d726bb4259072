"""One module per `bulletins` subcommand; each exposes `register(subparsers)`."""
from __future__ import annotations

from . import alerts_cmd, explain_cmd, export_cmd, ingest_cmd, parse_cmd, partners_cmd, report_cmd, sample_cmd, search_cmd, serve_cmd, stats_cmd, users_cmd

REGISTRY = (
    parse_cmd.register, explain_cmd.register, partners_cmd.register, ingest_cmd.register,
    search_cmd.register, stats_cmd.register, export_cmd.register, report_cmd.register, serve_cmd.register,
    users_cmd.register, alerts_cmd.register, sample_cmd.register,
)
