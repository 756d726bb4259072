"""`bulletins ingest PATH...`: parse, enrich and index bulletins, incrementally."""
from __future__ import annotations

import argparse
import sys

from tqdm import tqdm

from ..enrich import VocabularyError
from ..search.index_dir import IndexDamaged, IndexUnwritable, IngestBusy
from ..search.ingest import ingest
from .common import add_command, add_index_option, announce_sample, error, warn


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(
        sub,
        "ingest",
        help="parse, enrich and index bulletins (incremental)",
        description="Index every bulletin (.pdf, .txt) under the paths. A bulletin is its file: a file "
        "already indexed with the same content is skipped, a changed file replaces its own items, a renamed "
        "file is followed by its content, and two files covering one period are both kept (an item in both "
        "counts once). The PDF and the text of one bulletin count once when their items agree (else the "
        "text's are kept, with a warning). Items leave the index only with --prune (files gone) or when "
        "their own file changed. Readers keep seeing the previous index until the new one is complete; "
        "an interrupted ingest leaves it untouched and the next run completes.",
        example="bulletins ingest bulletins/ --index data/index",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="bulletin files or folders")
    add_index_option(p)
    p.add_argument("--rebuild", action="store_true", help="build a new index from scratch, then swap it in")
    p.add_argument("--prune", action="store_true", help="remove the items of files that no longer exist")
    p.add_argument("--workers", type=int, default=None, metavar="N",
                   help="processes for parsing and enrichment (default: up to 2)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    announce_sample(args.paths)
    bar = tqdm(desc="ingesting", unit="file", disable=not sys.stderr.isatty(), leave=False)

    def step(done: int, total: int) -> None:
        bar.total = total
        bar.n = done
        bar.refresh()

    try:
        report = ingest(args.paths, args.index, rebuild=args.rebuild, prune=args.prune,
                        workers=args.workers, progress=step)
    except (IngestBusy, IndexUnwritable, IndexDamaged, VocabularyError) as exc:
        error(str(exc))
        return 1
    finally:
        bar.close()
    for message in report.errors:
        error(message)
    for note in report.notes:
        warn(note)
    print(report.summary())
    return 1 if report.files_failed else 0
