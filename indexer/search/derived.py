"""The tables saved beside each generation of the index and derived from its records:
the facet table (`facets`) and the word counts "did you mean" draws on (`spelling`).

A new generation carries them forward from the previous one segment by segment. A
segment both generations hold is the same files (written once, never changed), so its
rows are taken over, its newly deleted documents dropped; only the segments this
ingest wrote (the new items, and the small segments Whoosh merged into them) are read.
Their cost follows the change, not the size of the index. Without a previous generation
(or with one whose tables do not fit its segments) both are built from every record.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from . import engine
from .facets import FacetTable
from .spelling import Vocabulary


@dataclass
class Previous:
    """What a new generation is carried forward from (the previous generation, unchanged)."""

    path: Path
    segments: list[engine.Segment]
    table: FacetTable
    words: Vocabulary


def previous(current: Path | None) -> Previous | None:
    """The current generation's segments and tables, or None when they cannot be carried
    forward (no generation, an older index without them, or tables that do not fit)."""
    if current is None:
        return None
    try:
        table, words = FacetTable.load(current), Vocabulary.load(current)
        segments = engine.segments(engine.open_dir(current))
    except (OSError, KeyError, ValueError):
        return None
    if words is None or table.size != sum(s.size for s in segments):
        return None
    return Previous(current, segments, table, words)


def save(generation: Path, ix, before: Previous | None) -> FacetTable:
    """The facet table and word counts of `generation` (whose index is `ix`), saved beside it."""
    table, words = carried(ix, before) if before is not None else built(ix)
    table.save(generation)
    words.save(generation)
    return table


def built(ix) -> tuple[FacetTable, Vocabulary]:
    """Both tables from every record of the index."""
    words = Vocabulary()
    return FacetTable.build(words.counting(engine.stored_records(ix)), engine.doc_count_all(ix)), words


def carried(ix, before: Previous) -> tuple[FacetTable, Vocabulary]:
    """Both tables from `before`'s, changed by what differs between its segments and `ix`'s."""
    old = {s.id: s for s in before.segments}
    now = engine.segments(ix)
    fresh: dict[str, list[tuple[int, dict]]] = {s.id: [] for s in now if s.id not in old}
    words = Vocabulary(before.words.counts.copy())
    for segment_id, docnum, record in engine.segment_records(ix, set(fresh)):
        fresh[segment_id].append((docnum, record))
    parts = []
    for s in now:
        if s.id in old:
            o = old[s.id]
            parts.append(before.table.part(o.offset, o.offset + o.size, s.deleted))
        else:
            parts.append(FacetTable.build(words.counting(fresh[s.id]), s.size))
    words.forget(r for _, r in engine.records_at(engine.open_dir(before.path), _gone(before, now)))
    return FacetTable.joined(parts), words


def _gone(before: Previous, now: list[engine.Segment]) -> Iterator[int]:
    """Document numbers (in `before`) of the documents live there and not live in a segment
    carried over: deleted since, or in a segment merged into a new one (read again there)."""
    kept = {s.id: s for s in now}
    for o in before.segments:
        live = before.table.live[o.offset:o.offset + o.size].copy()
        s = kept.get(o.id)
        if s is not None:
            dead = np.zeros(o.size, dtype=bool)
            dead[np.fromiter(s.deleted, dtype=np.int64)] = True
            live &= dead
        yield from (o.offset + np.flatnonzero(live)).tolist()
