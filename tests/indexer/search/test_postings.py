"""The numpy query evaluator against Whoosh itself: the same documents, the same scores.

The index here is built in three ingests (so it has several segments) and one bulletin
is changed in between (so one segment holds deleted documents), the shape a real index
takes after months of incremental ingests.
"""
from __future__ import annotations

import random
import shutil

import numpy as np
import pytest

from indexer.search import engine
from indexer.search.index_dir import IndexDir
from indexer.search.ingest import ingest
from indexer.search.postings import Evaluator, PostingCache

QUERIES = [
    "ombudsman", "children", "rights", "torture OR trafficking", "children AND education",
    "ombudsman NOT baku", "NOT baku", "monitoring AND NOT penitentiary", "(women OR children) AND violence",
    '"human rights"', '"national preventive mechanism"', '"rights human"', '"human rights" OR "civil society"',
    '"persons with disabilities" children', "theme:children visit", "partner:icrc", 'partner:"council of europe"',
    "category:monitoring_visit", "year:2022 ombudsman", "place:baku AND awareness", "title:ombudsman",
    "children^2 OR rights", "visit ANDMAYBE children", "visit ANDNOT children", "visit REQUIRE children",
    "child*", "autsim~", "date:[2022 to 2023] torture", "xylophonia", '"xylophonia ombudsman"',
]
WORDS = ["ombudsman", "children", "rights", "visit", "baku", "seminar", "human", "detention", "women",
         "training", "conference", "prison", "health", "the", "of", "xylophonia"]


@pytest.fixture(scope="module")
def segmented(sample_txt_dir, tmp_path_factory):
    files = sorted(sample_txt_dir.glob("*.txt"))
    folder = tmp_path_factory.mktemp("segmented")
    root = folder / "index"
    for part in (files[::3], files[1::3], files[2::3]):
        for f in part:
            shutil.copy(f, folder / f.name)
        ingest([folder], root)
    changed = folder / files[4].name
    changed.write_text(changed.read_text(encoding="utf-8").replace("***", "***\n\nAn added line.", 1), encoding="utf-8")
    report = ingest([folder], root)
    assert report.bulletins_replaced == 1
    ix = engine.open_dir(IndexDir(root).require_current())
    with ix.searcher() as searcher:
        yield ix, searcher


def _whoosh(searcher, q) -> dict[int, float]:
    return {d: s for s, d in searcher.search(q, limit=None).top_n}


def _check(ix, searcher, text: str, cache: PostingCache) -> None:
    parsed = engine.parse_query(ix, text)
    expected = _whoosh(searcher, parsed.q)
    got = Evaluator(searcher, cache).matches(parsed.q)
    live = np.array([not searcher.reader().is_deleted(int(d)) for d in got.docs], dtype=bool)
    docs, scores = got.docs[live], got.scores[live]
    assert sorted(expected) == docs.tolist(), text
    if "NOT" not in text:  # Whoosh gives a NOT branch a constant score of its own; the order is the same
        assert np.allclose([expected[d] for d in docs.tolist()], scores, rtol=1e-5), text


def test_the_index_has_segments_and_deletions(segmented):
    ix, searcher = segmented
    reader = searcher.reader()
    assert len(list(reader.leaf_readers())) > 1
    assert reader.doc_count() < reader.doc_count_all()


@pytest.mark.parametrize("text", QUERIES)
def test_same_matches_and_scores_as_whoosh(segmented, text):
    ix, searcher = segmented
    cache = PostingCache()
    _check(ix, searcher, text, cache)
    _check(ix, searcher, text, cache)  # answered from the cache: still the same


def test_random_boolean_queries_agree_with_whoosh(segmented):
    ix, searcher = segmented
    rng = random.Random(7)
    cache, refused = PostingCache(), 0
    for _ in range(150):
        parts = []
        for _ in range(rng.randint(1, 4)):
            word = rng.choice(WORDS)
            parts.append(f'"{word} {rng.choice(WORDS)}"' if rng.random() < 0.25 else word)
        ops = [rng.choice([" AND ", " OR ", " ", " AND NOT "]) for _ in parts[1:]]
        text = parts[0] + "".join(op + p for op, p in zip(ops, parts[1:]))
        try:
            _check(ix, searcher, text, cache)
        except engine.QueryError:  # stop words only: refused before any evaluation
            refused += 1
    assert refused < 20


def test_the_cache_stays_within_its_budget(segmented):
    ix, searcher = segmented
    cache = PostingCache(budget=50_000)
    for word in (w for w in WORDS if w not in ("the", "of")):
        Evaluator(searcher, cache).matches(engine.parse_query(ix, word).q)
    assert 0 < cache._bytes <= 50_000
