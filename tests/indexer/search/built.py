"""A check shared by the ingest tests: the tables an ingest carried forward to the current
generation are those a build from every record of it would give."""
from __future__ import annotations

from pathlib import Path

from indexer.search import derived, engine
from indexer.search.facets import FACETS, SINGLE, FacetTable
from indexer.search.index_dir import IndexDir
from indexer.search.spelling import Vocabulary


def _per_document(table: FacetTable, facet: str) -> set[tuple[int, str]]:
    """(document number, value) of every value a document has in `facet`."""
    if facet in SINGLE:
        return {(d, table.values[facet][c]) for d, c in enumerate(table.single[facet].tolist()) if c >= 0}
    return {(d, table.values[facet][c]) for d, c in zip(table.entry_doc[facet].tolist(), table.entry_code[facet].tolist())}


def assert_tables_as_built(root: Path) -> None:
    generation = IndexDir(root).require_current()
    table, words = FacetTable.load(generation), Vocabulary.load(generation)
    full, full_words = derived.built(engine.open_dir(generation))
    assert table.size == full.size and table.ids == full.ids
    assert (table.live == full.live).all() and (table.dates == full.dates).all()
    assert (table.period_ends == full.period_ends).all()
    for facet in FACETS:
        assert table.counts(facet, table.live) == full.counts(facet, full.live), facet
        assert _per_document(table, facet) == _per_document(full, facet), facet
        assert set(table.values[facet]) == set(full.values[facet]), facet
    assert words is not None and dict(words.counts) == dict(full_words.counts)
