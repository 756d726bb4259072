"""The `bulletins` command line: thin commands over the indexer library."""
from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from . import commands

DESCRIPTION = """\
Bulletin Explorer: turn the monthly Information Bulletins of the Ombudsman of
Azerbaijan (PDF or text) into items you can search, count and chart."""

EPILOG = """\
examples:
  bulletins sample --out data/sample            # write the generated demo corpus
  bulletins parse data/sample/bulletin-2024-12.txt
  bulletins parse bulletins/*.pdf --jsonl > items.jsonl

exit status: 0 success, 1 some input failed (each named on stderr), 2 usage error.
Run 'bulletins COMMAND --help' for the options of each command."""


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole command line, or only the command `only` (a run of one command builds
    just its own: the others' imports are not paid for)."""
    parser = argparse.ArgumentParser(
        prog="bulletins",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for register in commands.registrars(only):
        register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(argv[0] if argv else None)
    args = parser.parse_args(argv)
    try:
        return int(args.run(args) or 0)
    except KeyboardInterrupt:
        print("bulletins: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `bulletins parse ... | head` closed the pipe early
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
