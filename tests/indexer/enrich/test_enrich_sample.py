"""Enrichment of the generated corpus against its truth: same rules as for real bulletins."""
from __future__ import annotations

import json
from collections import Counter

import pytest

from indexer.enrich import Enricher
from indexer.item import Item

from .scoring import set_scores

BLANK = {"category": "", "themes": [], "partners": [], "places": [], "people": []}


@pytest.fixture(scope="module")
def pairs(sample_dir):
    enricher = Enricher()
    records = [json.loads(line) for line in (sample_dir / "truth.jsonl").read_text(encoding="utf-8").splitlines()]
    items = [enricher.enrich(Item.from_dict({**r, **BLANK})) for r in records]
    return enricher, list(zip(items, records))


def test_category_accuracy_at_least_90_percent(pairs):
    _, pairs = pairs
    right = sum(i.category == r["category"] for i, r in pairs)
    confusions = Counter((r["category"], i.category) for i, r in pairs if i.category != r["category"])
    assert right >= 0.9 * len(pairs), f"{right}/{len(pairs)}; (truth, got): {confusions.most_common(8)}"


def test_partner_f1_at_least_0_9(pairs):
    enricher, pairs = pairs
    # The generator names some partners by an alias of ours: compare canonical names.
    canonical = lambda names: [enricher.partners.canonical(n) or n for n in names]  # noqa: E731
    scores = set_scores((i.partners, canonical(r["partners"])) for i, r in pairs)
    assert scores.f1 >= 0.9, str(scores)


def test_every_stated_day_is_found(pairs):
    _, pairs = pairs
    wrong = [(i.title, str(i.date), r["date"]) for i, r in pairs
             if (i.date.isoformat(), i.date_precision) != (r["date"], r["date_precision"])]
    assert not wrong, wrong[:5]


def test_a_category_for_every_item_and_known_ids(pairs):
    enricher, pairs = pairs
    ids = {c.id for c in enricher.taxonomy.categories} | {"other"}
    assert all(i.category in ids for i, _ in pairs)
