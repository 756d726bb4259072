"""Relabelling indexed items in place of a full ingest: after staff correct an item, it
is enriched again (reading corrections.toml anew) and written into a new generation of
the index, published atomically like an ingest's, so a running server shows it at once."""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from . import derived, engine
from ..enrich import Enricher
from .index_dir import IndexDir

__all__ = ["relabel"]


def relabel(index_root: Path, item_ids: Iterable[str], enricher: Enricher | None = None) -> list[str]:
    """Enrich the indexed items `item_ids` again and publish the result; returns the ids
    relabelled (ids not in the index are skipped). Holds the ingest lock: raises IngestBusy
    while an ingest runs (the correction then applies at that ingest), IndexMissing without
    an index, IndexUnwritable (one line) when the folder cannot be written."""
    root = IndexDir(index_root)
    ids = list(dict.fromkeys(item_ids))
    with root.ingest_lock():
        current = root.require_current()
        enricher = enricher or Enricher()
        forms = {p.name: (*p.aliases, *p.acronyms) for p in enricher.partners.partners}
        generation = root.new_generation(copy_of=current)
        with root.discarded_on_failure(generation):
            done = _rewrite(generation, derived.previous(current), ids, enricher, forms)
            root.publish(generation)
    return done


def _rewrite(generation: Path, before: derived.Previous | None, ids: list[str], enricher: Enricher, forms: dict[str, tuple[str, ...]]) -> list[str]:
    ix = engine.open_dir(generation)
    done = []
    with engine.writer(ix) as w:
        for item_id in ids:
            found = engine.stored_item(w, item_id)
            if found is not None:
                item, bulletin = found
                engine.replace_item(w, enricher.enrich(item), bulletin, forms)
                done.append(item_id)
    derived.save(generation, ix, before)
    return done
