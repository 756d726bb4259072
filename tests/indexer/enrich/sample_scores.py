"""Scoring the enricher on the generated sample, with names in a vocabulary and unseen apart.

The generator writes each item's labels beside it (`truth.jsonl`). Some of the partners,
places and people it prints are listed in `data/partners.toml`, `data/places.toml` or
`data/people.toml` (the enricher finds them by lookup); the others are invented and listed
nowhere (`indexer/sample/invented.py`): the enricher can find those only by the shape of
the name and its context. A name is "vocabulary" when the enricher's own lists resolve it,
"unseen" otherwise, so the split follows the data files as they are, not the generator.

Measures: category accuracy; themes, partners, places and people precision / recall / F1
(micro); recall of vocabulary names and of unseen names apart; precision on unseen names
(found names that no list resolves and that are wrong, against all such finds).

Run as a script to print the figures: `python -m tests.indexer.enrich.sample_scores`.
"""
from __future__ import annotations

import json
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from indexer.enrich import Enricher
from indexer.item import Item

from .scoring import Scores, set_scores

BLANK = {"category": "", "themes": [], "partners": [], "places": [], "people": []}
KINDS = ("partners", "places", "people")


@dataclass(frozen=True)
class SampleScores:
    items: int
    category: float
    themes: Scores
    names: dict[str, Scores]  # kind -> all names
    vocabulary: dict[str, Scores]  # kind -> names the lists resolve (recall is the measure)
    unseen: dict[str, Scores]  # kind -> names no list resolves
    unseen_share: dict[str, float]  # kind -> share of the truth's mentions that are unseen

    def lines(self) -> list[str]:
        out = [f"items                      {self.items}",
               f"category accuracy          {self.category:.3f}",
               f"themes                     {self.themes}"]
        for kind in KINDS:
            out += [f"{kind:<10} all            {self.names[kind]}",
                    f"{kind:<10} vocabulary     recall {self.vocabulary[kind].recall:.3f} "
                    f"({self.vocabulary[kind].tp}/{self.vocabulary[kind].tp + self.vocabulary[kind].fn})",
                    f"{kind:<10} unseen         recall {self.unseen[kind].recall:.3f} "
                    f"({self.unseen[kind].tp}/{self.unseen[kind].tp + self.unseen[kind].fn}), "
                    f"precision {self.unseen[kind].precision:.3f}, "
                    f"{self.unseen_share[kind]:.0%} of the truth's mentions"]
        return out


def load_truth(sample_dir: Path) -> list[dict]:
    lines = (sample_dir / "truth.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def in_vocabulary(enricher: Enricher, kind: str, name: str) -> bool:
    """Whether the enricher's own lists resolve this printed name."""
    if kind == "partners":
        return enricher.partners.canonical(name) is not None or bool(enricher.partners.find(name))
    if kind == "places":
        return bool(enricher.places.find(name))
    return bool(enricher.people.gazetteer.find(name))


def _canonical(enricher: Enricher, kind: str, names: list[str]) -> list[str]:
    if kind != "partners":
        return list(names)
    return [enricher.partners.canonical(n) or n for n in names]


def score(records: list[dict], enricher: Enricher | None = None) -> SampleScores:
    enricher = enricher or Enricher()
    items = [enricher.enrich(Item.from_dict({k: v for k, v in {**r, **BLANK}.items() if k != "file"}))
             for r in records]
    pairs = list(zip(items, records))
    names, vocabulary, unseen, share = {}, {}, {}, {}
    for kind in KINDS:
        found = [(list(getattr(i, kind)), _canonical(enricher, kind, r[kind])) for i, r in pairs]
        names[kind] = set_scores(found)
        known = lambda n, kind=kind: in_vocabulary(enricher, kind, n)  # noqa: E731
        vocabulary[kind] = set_scores(([p for p in got if known(p)], [e for e in want if known(e)])
                                      for got, want in found)
        unseen[kind] = set_scores(([p for p in got if not known(p)], [e for e in want if not known(e)])
                                  for got, want in found)
        total = sum(len(want) for _, want in found)
        share[kind] = sum(not known(e) for _, want in found for e in want) / total if total else 0.0
    return SampleScores(
        items=len(pairs),
        category=sum(i.category == r["category"] for i, r in pairs) / len(pairs),
        themes=set_scores((i.themes, r["themes"]) for i, r in pairs),
        names=names, vocabulary=vocabulary, unseen=unseen, unseen_share=share)


def main() -> int:
    from indexer.sample import generate_corpus

    with tempfile.TemporaryDirectory() as tmp:
        generate_corpus(Path(tmp), months=72, seed=int(sys.argv[1]) if len(sys.argv) > 1 else 1)
        print("\n".join(score(load_truth(Path(tmp))).lines()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
