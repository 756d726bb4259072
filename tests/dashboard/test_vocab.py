"""The dashboard's display helpers over the index's manifest."""
from __future__ import annotations

from dashboard.common.labels import notice_for
from indexer.search.index_dir import IndexDir


def test_a_damaged_manifest_costs_the_sample_notice_not_the_page(tmp_path, caplog):
    generation = tmp_path / "gen-1"
    generation.mkdir()
    (generation / "manifest.json").write_text("{bad", encoding="utf-8")
    assert notice_for(generation) is None
    assert "manifest is damaged" in caplog.text


def test_the_sample_notice_comes_from_the_manifest(built_index):
    assert "sample" in (notice_for(IndexDir(built_index).require_current()) or "").lower()
