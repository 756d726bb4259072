"""Generated sample corpus: bulletins shaped like the real ones, with the truth for each item.

`generate_corpus` writes, for each bulletin, a PDF and the text pdftotext would make of it
(the same printed lines), plus `truth.jsonl` (one item record per line, with the key "file")
and a README saying that this is generated data. See docs on the layout in `textfile`.
"""
from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from indexer.sample.compose import Bulletin, compose_bulletin
from indexer.sample.layout import Layout, lay_out
from indexer.sample.marker import write_marker
from indexer.sample.pdf import write_pdf
from indexer.sample.period import Period, plan_periods
from indexer.sample.textfile import render_text

TRUTH_FILE = "truth.jsonl"
README_FILE = "README.md"

__all__ = ["CorpusSummary", "generate_corpus", "layout_for", "TRUTH_FILE", "README_FILE"]


@dataclass(frozen=True, slots=True)
class CorpusSummary:
    out_dir: Path
    bulletins: int
    items: int
    files: tuple[Path, ...] = field(repr=False)

    def __str__(self) -> str:
        return (f"{self.bulletins} bulletins, {self.items} items, {len(self.files)} files "
                f"written to {self.out_dir}")


def generate_corpus(out_dir: Path, months: int = 72, seed: int = 1, end_year: int = 2024,
                    end_month: int = 12,
                    progress: Callable[[int, int], None] | None = None) -> CorpusSummary:
    """Write the bulletins covering `months` months ending at end_year/end_month.

    `months` counts months covered, not files: a two-month bulletin covers two of them and
    is one file pair, named after its first month.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    periods = plan_periods(seed, months, end_year, end_month)
    links: set[str] = set()
    files: list[Path] = []
    records: list[str] = []
    for done, period in enumerate(periods, 1):
        bulletin = _compose_with_fresh_links(period, seed, links)
        files += _write_bulletin(bulletin, out_dir, seed)
        records += [json.dumps({**e.item.to_dict(), "file": period.stem}, ensure_ascii=False)
                    for e in bulletin.entries]
        if progress:
            progress(done, len(periods))
    files.append(_write(out_dir / TRUTH_FILE, "".join(r + "\n" for r in records)))
    files.append(_write(out_dir / README_FILE, _readme(seed, months, end_year, end_month,
                                                       periods, len(records))))
    files.append(write_marker(out_dir, seed, months))
    return CorpusSummary(out_dir, len(periods), len(records), tuple(files))


def _compose_with_fresh_links(period: Period, seed: int, taken: set[str]) -> Bulletin:
    # Links must be unique across the corpus; a collision (about one in 10^6 corpora) redraws
    # that bulletin only, so every other month stays as it was.
    attempt = 0
    while True:
        bulletin = compose_bulletin(period, seed, f"-retry{attempt}" if attempt else "")
        new = bulletin.links
        if len(set(new)) == len(new) and not taken.intersection(new):
            taken.update(new)
            return bulletin
        attempt += 1


def layout_for(bulletin: Bulletin, seed: int) -> Layout:
    """The printed lines of a bulletin, as the corpus of that seed prints them."""
    return lay_out(bulletin, random.Random(f"{seed}-{bulletin.period.stem}-layout"))


def _write_bulletin(bulletin: Bulletin, out_dir: Path, seed: int) -> list[Path]:
    stem = bulletin.period.stem
    layout = layout_for(bulletin, seed)
    txt = _write(out_dir / f"{stem}.txt", render_text(layout, random.Random(f"{seed}-{stem}-text")))
    pdf = out_dir / f"{stem}.pdf"
    write_pdf(layout, pdf)
    return [pdf, txt]


def _write(path: Path, text: str) -> Path:
    with path.open("w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    return path


def _readme(seed: int, months: int, end_year: int, end_month: int, periods: list[Period],
            items: int) -> str:
    return f"""GENERATED SAMPLE DATA - NOT REAL BULLETINS

These files imitate the shape of the monthly Information Bulletins of the Commissioner for
Human Rights (Ombudsman) of the Republic of Azerbaijan. Their content is made up: the events,
cases, dates, links and persons other than the Ombudsman and the Head of the Office are
invented, and so are some of the organisations and towns. Do not cite them.

Made by:  bulletins sample --out DIR --months {months} --seed {seed} --end {end_year}-{end_month:02d}
(or, in Python: indexer.sample.generate_corpus(Path(DIR), months={months}, seed={seed},
end_year={end_year}, end_month={end_month}))
The same command writes the same bytes.

Contents: {len(periods)} bulletins covering {months} months ({periods[0].start:%B %Y} to
{periods[-1].end:%B %Y}), {items} items.
- bulletin-YYYY-MM.pdf: the bulletin (a two-month issue is named after its first month).
- bulletin-YYYY-MM.txt: the same printed lines as pdftotext would extract them.
- {TRUTH_FILE}: one JSON record per item, in order: the item record of docs/contracts.md
  plus "file" (the bulletin's name without extension).
"""
