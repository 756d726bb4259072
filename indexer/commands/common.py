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


class BulletinReader:
    """Parses the bulletins under some paths for a command: names each file that fails on
    stderr, counts the failures, and yields the rest with a progress bar."""

    def __init__(self, paths: Iterable[str | Path], label: str) -> None:
        from ..parse import find_bulletins

        self.paths, problems = find_bulletins(paths)
        self.label, self.failed, self.read = label, len(problems), 0
        for problem in problems:
            error(str(problem))

    def __iter__(self):
        from ..errors import BulletinError
        from ..parse import parse_file

        for path in progress(self.paths, len(self.paths), self.label):
            try:
                parsed = parse_file(path)
            except BulletinError as exc:
                error(str(exc))
                self.failed += 1
                continue
            for note in parsed.notes:
                warn(f"{path}: {note}")
            self.read += 1
            yield parsed


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
    from ..enrich import VocabularyError
    from ..search import IndexMissing, SearchIndex
    from ..search.expansion import load_expander

    enricher = load_enricher()
    if enricher is None:
        return None
    try:
        index = SearchIndex(root, enricher.partner_aliases(), load_expander())
        announce_index_sample(index.generation)  # reads the manifest: IndexDamaged if it is
    except (IndexMissing, VocabularyError) as exc:  # synonyms.toml: FILE:LINE: reason
        error(str(exc))
        return None
    return index


def announce_index_sample(generation: Path) -> None:
    """Say so on stderr when the index was built from the generated sample corpus."""
    from ..search.index_dir import Manifest

    announce_sample(sorted({str(Path(p).parent) for p in Manifest.load(generation).files}))


FILTER_OPTIONS = (("category", "ID"), ("theme", "ID"), ("partner", "NAME"), ("place", "NAME"),
                  ("person", "NAME"), ("year", "YYYY"))


def add_filter_options(parser: argparse.ArgumentParser) -> None:
    """QUERY and the filters shared by search, stats, export and report."""
    from datetime import date

    parser.add_argument("query", nargs="?", default="", metavar="QUERY",
                        help="the query (see 'bulletins search --help'); empty means every item")
    for name, metavar in FILTER_OPTIONS:
        parser.add_argument(f"--{name}", action="append", default=[], metavar=metavar,
                            help=f"only items with this {name} (repeat for OR)")
    parser.add_argument("--from", dest="date_from", type=date.fromisoformat, metavar="YYYY-MM-DD", help="items dated on or after")
    parser.add_argument("--to", dest="date_to", type=date.fromisoformat, metavar="YYYY-MM-DD", help="items dated on or before")


def request_from_args(args: argparse.Namespace, **extra):
    from ..search import SearchRequest

    filters = {name: tuple(getattr(args, name)) for name, _ in FILTER_OPTIONS if getattr(args, name)}
    return SearchRequest(args.query, filters, args.date_from, args.date_to, **extra)
