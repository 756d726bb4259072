"""Relabelling one item after a staff correction: a new generation, counts follow."""
from __future__ import annotations

from pathlib import Path

from indexer.enrich import Enricher
from indexer.enrich.corrections import save_correction
from indexer.search import SearchIndex, SearchRequest
from indexer.search.index_dir import IndexDir
from indexer.search.ingest import ingest
from indexer.search.relabel import relabel


def _categories(root: Path) -> dict[str, int]:
    return SearchIndex(root).search(SearchRequest()).facets["category"]


def test_relabel_publishes_the_correction_and_a_rebuild_keeps_it(tmp_path, data_env, sample_txt_dir):
    files = sorted(sample_txt_dir.glob("*.txt"))[:3]
    root = tmp_path / "index"
    ingest(files, root)
    before_gen = IndexDir(root).current()
    before = _categories(root)
    hit = SearchIndex(root).search(SearchRequest(per_page=1)).hits[0].item
    new = next(c for c in ("event", "meeting", "other") if c != hit.category)
    save_correction(hit.id, {"category": new}, path=data_env / "corrections.toml")
    assert relabel(root, [hit.id, "no-such-id"], Enricher(data_env)) == [hit.id]
    assert IndexDir(root).current() != before_gen
    after = _categories(root)
    assert after.get(new, 0) == before.get(new, 0) + 1
    assert after.get(hit.category, 0) == before.get(hit.category, 0) - 1
    assert sum(after.values()) == sum(before.values())
    ingest(files, root, rebuild=True)
    assert _categories(root) == after
