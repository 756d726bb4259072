"""The labels on both real dev batches, fold by fold (../shared/corpus/folds.json), and the
check every rule change must pass: measured on the folds its evidence is not in.

    python -m tests.indexer.enrich.folds                      # per fold, and all 87 items
    python -m tests.indexer.enrich.folds --base HEAD --because real-dev-2/014.txt
        # the rules of HEAD against the working tree: each measure on the folds that hold the
        # items the change was written from (in) and on the other folds (out); the change is
        # kept only if no measure gets worse out of fold

The folds are fixed (five, stratified by category, made once): an item's fold never changes,
so figures of one change compare with the next's.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from .real_dev import BATCHES, CORPUS, GOALS, ROOT, Names, Report, score_items

FOLDS = CORPUS / "folds.json"
SHOWN = ("category", "partner precision", "partner recall", "places", "themes", "dates")
TALLIES = {"category": "category", "partner precision": "partner_precision", "partner recall": "partner_recall",
           "places": "places", "themes": "themes", "dates": "dates", "headlines": "headlines"}


def load_folds() -> dict[str, int]:
    return json.loads(FOLDS.read_text(encoding="utf-8"))["folds"]


def score_all(code: Path = ROOT) -> dict[str, Report]:
    """"batch/file" -> its report, for every item of both batches, by the rules in `code`."""
    names = Names()
    return {key: report for dev in BATCHES for key, report in score_items(dev, code, names).items()}


def total(reports: dict[str, Report], keys) -> Report:
    return sum((reports[k] for k in keys), Report())


def _cell(report: Report, measure: str) -> str:
    tally = getattr(report, TALLIES[measure])
    return f"{tally.share:.2f} ({tally.right}/{tally.total})"


def fold_table(reports: dict[str, Report], folds: dict[str, int]) -> str:
    """One row per measure: each fold, both batches apart, and all items."""
    columns = [(f"fold {k}", [i for i, f in folds.items() if f == k]) for k in sorted(set(folds.values()))]
    columns += [(dev.name, [i for i in reports if i.startswith(dev.name + "/")]) for dev in BATCHES]
    columns.append(("all", list(reports)))
    widths = [max(len(name), 15) for name, _ in columns]
    lines = [f"{'':<20}" + " ".join(f"{name:>{w}}" for (name, _), w in zip(columns, widths))]
    for measure in (*SHOWN, "headlines"):
        cells = [_cell(total(reports, keys), measure) for _, keys in columns]
        lines.append(f"{measure:<20}" + " ".join(f"{c:>{w}}" for c, w in zip(cells, widths)))
    return "\n".join(lines)


def change_table(before: dict[str, Report], after: dict[str, Report], folds: dict[str, int],
                 because: list[str]) -> tuple[str, bool]:
    """In-fold and out-of-fold figures before and after a change; kept when no measure gets
    worse out of fold."""
    unknown = [b for b in because if b not in folds]
    if unknown:
        raise SystemExit(f"not an item of the dev batches: {', '.join(unknown)} (write them as real-dev-2/014.txt)")
    inside = {folds[b] for b in because}
    in_keys = [k for k, f in folds.items() if f in inside]
    out_keys = [k for k, f in folds.items() if f not in inside]
    named = "every item (no --because)" if set(because) == set(folds) else ", ".join(because)
    lines = [f"written from {named}: in-fold = folds {sorted(inside)} ({len(in_keys)} items), "
             f"out-of-fold = the other folds ({len(out_keys)} items)",
             f"{'':<20}{'in before':>16}{'in after':>16}{'out before':>16}{'out after':>16}"]
    worse = []
    for measure in (*SHOWN, "headlines"):
        name = TALLIES[measure]
        cells = [_cell(total(r, keys), measure) for keys in (in_keys, out_keys) for r in (before, after)]
        lines.append(f"{measure:<20}" + "".join(f"{c:>16}" for c in (cells[0], cells[1], cells[2], cells[3])))
        if getattr(total(after, out_keys), name).share < getattr(total(before, out_keys), name).share - 1e-9:
            worse.append(measure)
    keep = not worse
    lines.append("keep: no measure worse out of fold" if keep else f"drop: worse out of fold on {', '.join(worse)}")
    lines.append(_by_batch(before, after, in_keys, out_keys))
    return "\n".join(lines), keep


def _by_batch(before: dict[str, Report], after: dict[str, Report], in_keys: list[str], out_keys: list[str]) -> str:
    """The same, each batch apart: before -> after, in fold and out of fold."""
    columns = [(f"{dev.name} {side}", [k for k in keys if k.startswith(dev.name + "/")])
               for dev in BATCHES for side, keys in (("in", in_keys), ("out", out_keys))]
    lines = ["by batch (before -> after):", f"{'':<20}" + "".join(f"{name:>24}" for name, _ in columns)]
    for measure in (*SHOWN, "headlines"):
        name = TALLIES[measure]
        cells = []
        for _, keys in columns:
            old, new = (getattr(total(r, keys), name) for r in (before, after))
            cells.append(f"{old.share:.2f} -> {new.share:.2f} ({new.right}/{new.total})" if new.total else "-")
        lines.append(f"{measure:<20}" + "".join(f"{c:>24}" for c in cells))
    return "\n".join(lines)


def item_changes(before: dict[str, Report], after: dict[str, Report], folds: dict[str, int]) -> str:
    """The misses the change mended (+) and made (-), item by item, with each item's fold."""
    lines = []
    for key in sorted(after):
        old, new = (set(total(r, [key]).misses().splitlines()) for r in (before, after))
        lines += [f"+ fold {folds[key]} {key.split('/')[0]} {m.strip()}" for m in sorted(old - new)]
        lines += [f"- fold {folds[key]} {key.split('/')[0]} {m.strip()}" for m in sorted(new - old)]
    return "\n".join(lines)


LABEL_MEASURES = ("category", "partner_precision", "partner_recall", "places", "dates")


def wrong_items(reports: dict[str, Report]) -> set[str]:
    """Items with at least one wrong label: category, a partner found wrongly or missed, a
    place missed, the date (themes are multi-label coverage, headlines no label)."""
    return {k for k, r in reports.items()
            if any(getattr(r, m).right < getattr(r, m).total for m in LABEL_MEASURES)}


def queued_items(code: Path = ROOT) -> dict[str, list[str]]:
    """"batch/file" -> the reasons the review queue gives for it (empty: not queued), by the
    rules in `code` (run there, as the scorer runs `bulletins parse`)."""
    script = ("import json,sys\nfrom pathlib import Path\nfrom indexer.enrich import Enricher\n"
              "from indexer.enrich.review import doubts\nfrom indexer.parse import parse_file\n"
              "e = Enricher(); out = {}\n"
              "for d in sys.argv[1:]:\n"
              "    for p in sorted(Path(d, 'bulletins').glob('*.txt')):\n"
              "        a = e.analyse(parse_file(p).items[0])\n"
              "        out[f'{Path(d).name}/{p.name}'] = [x.reason for x in doubts(a)]\n"
              "print(json.dumps(out))")
    proc = subprocess.run([sys.executable, "-c", script, *map(str, BATCHES)], capture_output=True, text=True,
                          cwd=code, env={**os.environ, "PYTHONPATH": str(code)}, timeout=600)
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr.strip())
    return json.loads(proc.stdout)


def queue_table(reports: dict[str, Report], queue: dict[str, list[str]], folds: dict[str, int]) -> str:
    """How well the review queue finds the items with a wrong label: the share of them it
    holds (goal >= 0.9) and the share of its entries that are wrong (goal >= 0.5), per fold."""
    wrong = wrong_items(reports)
    lines = [f"{'review queue':<20}" + "".join(f"{'fold ' + str(k):>15}" for k in range(5)) + f"{'all':>15}"]
    for name, pick in (("wrong items held", lambda ks: (len([k for k in ks if k in wrong and queue[k]]), len([k for k in ks if k in wrong]))),
                       ("entries wrong", lambda ks: (len([k for k in ks if k in wrong and queue[k]]), len([k for k in ks if queue[k]])))):
        cells = []
        for keys in [[k for k, f in folds.items() if f == n] for n in range(5)] + [list(folds)]:
            right, total = pick(keys)
            cells.append(f"{right / total if total else 1:.2f} ({right}/{total})")
        lines.append(f"{name:<20}" + "".join(f"{c:>15}" for c in cells))
    return "\n".join(lines)


def _checkout(rev: str, into: Path) -> Path:
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(into), rev],
                   check=True, capture_output=True, text=True)
    return into


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", help="a git revision whose rules to compare with the working tree")
    parser.add_argument("--because", nargs="+", default=[], help="the items the change was written from")
    parser.add_argument("-v", action="store_true", help="list every miss")
    parser.add_argument("--queue", action="store_true", help="also measure the review queue against the wrong items")
    args = parser.parse_args(argv)
    folds = load_folds()
    after = score_all()
    print(fold_table(after, folds))
    print("goals (out of fold): " + ", ".join(f"{m} >= {g}" for m, g in GOALS.items()))
    if args.v:
        print(total(after, after).misses())
    if args.queue:
        queue = queued_items()
        print("\n" + queue_table(after, queue, folds))
        if args.v:
            for key in sorted(folds):
                held = "queued" if queue[key] else "not queued"
                if (key in wrong_items(after)) != bool(queue[key]):
                    print(f"  {'wrong' if key in wrong_items(after) else 'right'}, {held}: {key} {queue[key]}")
    if not args.base:
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        base = _checkout(args.base, Path(tmp) / "base")
        try:
            before = score_all(base)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base)], capture_output=True)
    table, keep = change_table(before, after, folds, args.because or list(folds))
    print("\n" + table + "\n" + item_changes(before, after, folds))
    return 0 if keep else 1


if __name__ == "__main__":
    sys.exit(main())
