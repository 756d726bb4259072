"""Helpers shared by the subcommands: help formatting, error lines, progress bars."""
from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TypeVar

from tqdm import tqdm

from ..sample.marker import sample_notice

T = TypeVar("T")


def add_command(sub: argparse._SubParsersAction, name: str, help: str, description: str, example: str) -> argparse.ArgumentParser:
    return sub.add_parser(
        name,
        help=help,
        description=description,
        epilog=f"example:\n  {example}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def error(message: str) -> None:
    print(f"bulletins: error: {message}", file=sys.stderr)


def warn(message: str) -> None:
    print(f"bulletins: warning: {message}", file=sys.stderr)


def progress(items: Iterable[T], total: int, desc: str) -> Iterator[T]:
    """A progress bar on stderr when it is a terminal and the work is long enough."""
    show = sys.stderr.isatty() and total > 3
    yield from tqdm(items, total=total, desc=desc, unit="file", disable=not show, leave=False)


def announce_sample(paths: Iterable[str | Path]) -> None:
    """Say so on stderr when an input is the generated sample corpus, not real bulletins."""
    notices = {n for n in (sample_notice(p) for p in paths) if n}
    for notice in sorted(notices):
        print(f"bulletins: note: {notice}", file=sys.stderr)


def load_enricher():
    """The enricher with the vocabularies of data/, or None after saying what is wrong."""
    from ..enrich import Enricher, VocabularyError

    try:
        return Enricher()
    except VocabularyError as exc:
        error(str(exc))
        return None


DEFAULT_INDEX = "data/index"
INDEX_ENV = "BULLETINS_INDEX"


def add_index_option(parser: argparse.ArgumentParser) -> None:
    import os

    parser.add_argument(
        "--index", type=Path, default=Path(os.environ.get(INDEX_ENV, DEFAULT_INDEX)), metavar="DIR",
        help=f"index folder (default: ${INDEX_ENV} or {DEFAULT_INDEX})",
    )


def open_index(root: Path):
    """The search index at `root`, or None after saying how to build one."""
    from ..search import IndexMissing, SearchIndex

    enricher = load_enricher()
    if enricher is None:
        return None
    aliases = {form: p.name for p in enricher.partners.partners for form in (*p.aliases, *p.acronyms)}
    try:
        return SearchIndex(root, aliases)
    except IndexMissing as exc:
        error(str(exc))
        return None
