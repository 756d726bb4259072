"""Enrichment of the real December 2024 bulletin against hand labels (tests/gold/seed.jsonl)."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from indexer.enrich import Enricher
from indexer.parse import parse_file

from .scoring import set_scores

GOLD = Path(__file__).resolve().parents[2] / "gold" / "seed.jsonl"


@pytest.fixture(scope="module")
def pairs(seed_path):
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    enricher = Enricher()
    items = [enricher.enrich(i) for i in parse_file(seed_path).items]
    assert len(items) == len(gold) == 19
    for item, g in zip(items, gold):
        assert item.title.startswith(g["title_starts"]), (item.title, g["title_starts"])
    return list(zip(items, gold))


def _table(pairs) -> str:
    rows = [f"{g['n']:>2} {i.category:16} want {g['category']:16} {i.date} {i.title[:50]}\n"
            f"     partners {list(i.partners)} want {g['partners']}" for i, g in pairs]
    return "\n".join(rows)


def test_category_accepted_for_at_least_17_of_19(pairs):
    accepted = [i.category == g["category"] or i.category in g["accept"] for i, g in pairs]
    assert sum(accepted) >= 17, _table(pairs)


def test_partner_f1_at_least_0_9(pairs):
    scores = set_scores((i.partners, g["partners"]) for i, g in pairs)
    assert scores.f1 >= 0.9, f"{scores}\n{_table(pairs)}"


def test_every_stated_day_is_right(pairs):
    for item, g in pairs:
        if g["date"]:
            assert (item.date, item.date_precision) == (date.fromisoformat(g["date"]), "day"), item.title
        else:
            assert (item.date, item.date_precision) == (date(2024, 12, 1), "month"), item.title


def test_the_office_itself_is_never_a_partner(pairs):
    for item, _ in pairs:
        for partner in item.partners:
            assert "Ombudsman Office" not in partner and partner not in {"Ombudsman of Azerbaijan"}


def test_enrichment_keeps_the_parsed_words(pairs, seed_path):
    parsed = parse_file(seed_path).items
    for (item, _), raw in zip(pairs, parsed):
        assert (item.id, item.title, item.body, item.links) == (raw.id, raw.title, raw.body, raw.links)
