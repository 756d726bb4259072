"""One module per `bulletins` subcommand; each exposes `register(subparsers)`."""
from __future__ import annotations

from . import parse_cmd, sample_cmd

REGISTRY = (parse_cmd.register, sample_cmd.register)
