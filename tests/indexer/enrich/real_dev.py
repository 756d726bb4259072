"""Scoring `bulletins parse --jsonl` on the real dev items (../shared/corpus/real-dev/).

Each `bulletins/NNN.txt` is one real news item wrapped as a one-item bulletin; its line in
`labels.jsonl` holds one annotator's labels. The measures, as issue 10 states them:

- category: the item's category is one of `category_accepted`.
- partners: recall = share of `partners_required` found (micro, over all items).
  Precision = share of found partners that are correct: in `partners_required` or
  `partners_allowed`. A found partner that is in `partners_forbidden`, or in none of the
  three lists, is wrong (an unknown find counts against precision: the annotator listed
  every real organisation acting in the item).
- places: recall of `places` (micro).
- themes: each entry of `themes` is a list of acceptable ids; it is covered when any of
  them is among the item's themes. Score = covered entries / all entries.
- date: kind `day`: date == day and precision "day"; `not_day`: the item is not dated
  to that day; `month`: precision "month".
- headlines: an item with `headline_supplied` keeps the printed headline as its title,
  every item's body starts like a sentence (not lower case), and an item without a
  headline loses none of its words (its body is the whole text).

Names are compared through the project's own vocabularies, so two spellings of one
organisation or place count as one: a label and a found name match when they are equal
ignoring case, accents, punctuation and a trailing "(ACRONYM)", or when the gazetteer of
partners.toml / places.toml resolves both to the same canonical entry. A label naming a
body with its parent ministry ("Social Services Agency of the Ministry of Labour ...") is
matched by the body itself. Partner names compare by their own words regardless of order and
plural ("Tovuz City Department of Youth and Sports" = "Tovuz City Youth and Sport Department").

Run as a script to print the figures: `python -m tests.indexer.enrich.real_dev`.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import unicodedata
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
CORPUS = ROOT.parent / "shared" / "corpus"
DEV = CORPUS / "real-dev"
DEV2 = CORPUS / "real-dev-2"
BATCHES = (DEV, DEV2)

GOALS = {"category": 0.95, "partner precision": 0.90, "partner recall": 0.85,
         "places": 0.90, "themes": 0.90, "dates": 0.95}


def load_labels(dev: Path = DEV) -> list[dict]:
    lines = (dev / "labels.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def parse_jsonl(dev: Path = DEV, code: Path = ROOT) -> dict[str, dict]:
    """File name -> its one item, as `bulletins parse --jsonl` prints it (run from the tree
    `code`: another checkout's rules, to compare)."""
    proc = subprocess.run(
        [sys.executable, "-m", "indexer.cli", "parse", str(dev / "bulletins"), "--jsonl"],
        capture_output=True, text=True, timeout=300, cwd=code, env={**os.environ, "PYTHONPATH": str(code)},
    )
    if proc.returncode != 0:
        raise RuntimeError(f"bulletins parse failed: {proc.stderr.strip()}")
    out: dict[str, dict] = {}
    for line in proc.stdout.splitlines():
        record = json.loads(line)
        name = Path(record["source"]).name
        if name in out:
            raise AssertionError(f"{name}: more than one item (each file holds one)")
        out[name] = record
    return out


_PAREN = re.compile(r"\s*\([^)]*\)\s*$")
_INNER_PAREN = re.compile(r"\s*\([^)]*\)")
# "Social Services Agency of the Ministry of Labour ...": a body named with its parent; "GIZ
# Country Office": a body named by its local office (the enricher's kind, orgs._LOCAL_OFFICE)
_PARENT = re.compile(r"\s+(?:of|under)\s+the\s+Ministry\b.*$|\s+(?:Country Office|Representation|Office in [A-Z]\w+)$")


def _plain(name: str) -> str:
    """Lower case, no accents ("Türkiye" = "Turkiye"), no punctuation, no "(ACRONYM)"."""
    bare = unicodedata.normalize("NFKD", _PAREN.sub("", name).casefold())
    bare = "".join(c for c in bare if not unicodedata.combining(c)).replace("ı", "i")
    return " ".join(re.sub(r"[^\w]+", " ", bare).split())


_LINKS = frozenset("of and the for in on".split())


def _words(name: str) -> str:
    """A name's own words, in order of the alphabet, plural "s" dropped: "Tovuz City Department
    of Youth and Sports" = "Tovuz City Youth and Sport Department"."""
    words = {w.removesuffix("s") if len(w) > 3 else w for w in _plain(name).split() if w not in _LINKS}
    return " ".join(sorted(words))


class Names:
    """Keys under which two spellings of one partner or place compare equal."""

    def __init__(self) -> None:
        from indexer.enrich.partners import load_partners
        from indexer.enrich.places import load_places

        self.partners, self.places = load_partners(), load_places()

    def partner(self, name: str) -> str:
        bare = _INNER_PAREN.sub(" ", name)  # "Commission (IPHRC) of the ...": an acronym inside
        for form in (name, _PAREN.sub("", name), _PARENT.sub("", _PAREN.sub("", name)), " ".join(bare.split())):
            canonical = self.partners.canonical(form)
            if canonical:
                return _words(canonical)
        return _words(name)

    def place(self, name: str) -> str:
        found = self.places.find(name)
        return _plain(found[0]) if len(found) == 1 else _plain(name)


@dataclass
class Tally:
    right: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    def __add__(self, other: "Tally") -> "Tally":
        return Tally(self.right + other.right, self.total + other.total, self.misses + other.misses)

    def add(self, ok: bool, note: str = "") -> None:
        self.right, self.total = self.right + ok, self.total + 1
        if not ok and note:
            self.misses.append(note)

    @property
    def share(self) -> float:
        return self.right / self.total if self.total else 1.0

    def __str__(self) -> str:
        return f"{self.share:.2f} ({self.right}/{self.total})"


MEASURES = ("category", "partner_precision", "partner_recall", "places", "themes", "dates", "headlines")


@dataclass
class Report:
    category: Tally = field(default_factory=Tally)
    partner_precision: Tally = field(default_factory=Tally)
    partner_recall: Tally = field(default_factory=Tally)
    places: Tally = field(default_factory=Tally)
    themes: Tally = field(default_factory=Tally)
    dates: Tally = field(default_factory=Tally)
    headlines: Tally = field(default_factory=Tally)

    def __add__(self, other: "Report") -> "Report":
        return Report(*(getattr(self, n) + getattr(other, n) for n in MEASURES))

    def figures(self) -> dict[str, float]:
        return {"category": self.category.share, "partner precision": self.partner_precision.share,
                "partner recall": self.partner_recall.share, "places": self.places.share,
                "themes": self.themes.share, "dates": self.dates.share}

    def table(self) -> str:
        rows = [("category accepted", self.category), ("partner precision", self.partner_precision),
                ("partner recall", self.partner_recall), ("places recall", self.places),
                ("themes covered", self.themes), ("activity date right", self.dates),
                ("headline and body intact", self.headlines)]
        return "\n".join(f"{name:<26} {tally}" for name, tally in rows)

    def misses(self) -> str:
        out = []
        for name in ("category", "partner_precision", "partner_recall", "places", "themes", "dates", "headlines"):
            out += [f"  {name}: {m}" for m in getattr(self, name).misses]
        return "\n".join(out)


def headline_of(path: Path) -> str | None:
    """The printed headline of a wrapped item: the lines after `***` up to a blank line."""
    text = path.read_text(encoding="utf-8")
    after = text.split("***", 1)[1].strip("\n ").split("\n\n", 1)[0]
    return " ".join(after.split())


def words_of(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8").split("***", 1)[1]
    text = text.split("For the further information", 1)[0]
    return re.findall(r"\w+", text)


def score_item(report: Report, label: dict, item: dict, names: Names, dev: Path = DEV) -> None:
    f = label["file"]
    report.category.add(item["category"] in label["category_accepted"],
                        f"{f}: {item['category']} not in {label['category_accepted']}")
    _score_partners(report, label, item, names)
    found_places = {names.place(p) for p in item["places"]}
    for place in label["places"]:
        report.places.add(names.place(place) in found_places, f"{f}: {place} missing (found {item['places']})")
    for options in label["themes"]:
        report.themes.add(bool(set(options) & set(item["themes"])), f"{f}: none of {options} in {item['themes']}")
    if label["date"]["kind"] != "skip":  # the annotator found no right answer ("skip", with a note)
        report.dates.add(_date_right(label["date"], item), f"{f}: {item['date']} {item['date_precision']} vs {label['date']}")
    _score_headline(report, label, item, dev)


def _score_partners(report: Report, label: dict, item: dict, names: Names) -> None:
    f = label["file"]
    found = {names.partner(p): p for p in item["partners"]}
    required = {names.partner(p) for p in label["partners_required"]}
    correct = required | {names.partner(p) for p in label["partners_allowed"]}
    forbidden = {names.partner(p) for p in label["partners_forbidden"]}
    for key in required:
        report.partner_recall.add(key in found, f"{f}: required {key!r} not found (found {item['partners']})")
    for key, printed in found.items():
        why = "forbidden" if key in forbidden else "not in the labels"
        report.partner_precision.add(key in correct, f"{f}: {printed!r} {why}")


def _date_right(want: dict, item: dict) -> bool:
    got, precision = date.fromisoformat(item["date"]), item["date_precision"]
    if want["kind"] == "day":
        return precision == "day" and got == date.fromisoformat(want["day"])
    if want["kind"] == "not_day":
        return not (precision == "day" and got == date.fromisoformat(want["day"]))
    return precision == "month"


def _score_headline(report: Report, label: dict, item: dict, dev: Path) -> None:
    f, path = label["file"], dev / "bulletins" / label["file"]
    body_ok = bool(item["body"]) and not item["body"][:1].islower()
    if label["headline_supplied"]:
        ok = item["title"] == headline_of(path) and body_ok
    else:
        found = re.findall(r"\w+", f"{item['body']}")
        ok = body_ok and found[: len(words_of(path))] == words_of(path)[: len(found)] and len(found) >= len(words_of(path)) - 5
    report.headlines.add(ok, f"{f}: title {item['title'][:80]!r} / body {item['body'][:60]!r}")


def score(dev: Path = DEV) -> Report:
    return sum(score_items(dev).values(), Report())


def score_items(dev: Path = DEV, code: Path = ROOT, names: Names | None = None) -> dict[str, Report]:
    """"batch/file" -> that item's own report (add them up for any set of items)."""
    labels, items, names = load_labels(dev), parse_jsonl(dev, code), names or Names()
    out = {}
    for label in labels:
        item = items.get(label["file"])
        if item is None:
            raise AssertionError(f"{label['file']}: no item parsed")
        out[f"{dev.name}/{label['file']}"] = report = Report()
        score_item(report, label, item, names, dev)
    return out


if __name__ == "__main__":
    result = score()
    print(result.table())
    if "-v" in sys.argv:
        print(result.misses())
