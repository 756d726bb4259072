"""`bulletins sample --out DIR`: write the generated demo corpus."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tqdm import tqdm

from .common import add_command, error


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(
        sub,
        "sample",
        help="write a generated sample corpus (PDF + text + truth.jsonl)",
        description="Write made-up but realistic bulletins for N consecutive months ending "
        "December 2024, each as PDF and as the text pdftotext would give, plus truth.jsonl "
        "with the items written. The same seed always writes the same files. "
        "This is GENERATED SAMPLE DATA for demos and tests, not real bulletins.",
        example="bulletins sample --out data/sample --months 72 --seed 1",
    )
    p.add_argument("--out", required=True, type=Path, metavar="DIR", help="folder to write into (created if absent)")
    p.add_argument("--months", type=_positive, default=72, metavar="N", help="months covered (default: 72)")
    p.add_argument("--seed", type=int, default=1, metavar="S", help="random seed (default: 1)")
    p.add_argument("--end", default="2024-12", metavar="YYYY-MM", type=_year_month, help="last month (default: 2024-12)")
    p.set_defaults(run=run)


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be a positive number")
    return value


def _year_month(text: str) -> tuple[int, int]:
    try:
        year, month = (int(part) for part in text.split("-"))
    except ValueError:
        raise argparse.ArgumentTypeError("expected YYYY-MM, e.g. 2024-12") from None
    if not 1 <= month <= 12:
        raise argparse.ArgumentTypeError("month must be 01..12")
    return year, month


def run(args: argparse.Namespace) -> int:
    from ..sample import generate_corpus  # reportlab is only needed here

    if args.out.exists() and not args.out.is_dir():
        error(f"{args.out}: exists and is not a folder")
        return 1
    bar = tqdm(total=args.months, desc="writing", unit="month", disable=not sys.stderr.isatty(), leave=False)

    def step(done: int, total: int) -> None:
        bar.total = total
        bar.n = done
        bar.refresh()

    summary = generate_corpus(args.out, months=args.months, seed=args.seed,
                              end_year=args.end[0], end_month=args.end[1], progress=step)
    bar.close()
    print(f"wrote {summary.bulletins} bulletins ({summary.items} items) to {args.out}: "
          "GENERATED SAMPLE DATA, not real bulletins")
    return 0
