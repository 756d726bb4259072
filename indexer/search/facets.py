"""Facet counting as array arithmetic: per-document facet codes held in numpy arrays.

Whoosh's grouped facets cost tens of milliseconds per query and grow with the index;
here each document's category, year, themes, partners, places and people are codes in
arrays built once at ingest time (saved next to the index), so a filter is a boolean
mask and a facet count is one `bincount` over the matching documents.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np

SINGLE = ("category", "year")
MULTI = ("theme", "partner", "place", "person")
FACETS = SINGLE + MULTI
RECORD_KEY = {"category": "category", "year": "date", "theme": "themes", "partner": "partners",
              "place": "places", "person": "people"}
FILE_NAME = "facets.npz"


@dataclass
class FacetTable:
    """Facet codes by document number; `values[f][code]` is the value shown to users."""

    live: np.ndarray  # bool per docnum: False for deleted documents
    dates: np.ndarray  # int32 proleptic ordinal of the item's date, per docnum
    # int32 ordinal of the last day the item may have happened: its bulletin's period end when
    # the text states no day (date_precision "month"), else its date. Analytics uses it to say
    # which counts come from a bulletin covering several months.
    period_ends: np.ndarray
    ids: list[str]  # item id per docnum ("" for deleted)
    values: dict[str, list[str]]
    single: dict[str, np.ndarray]  # facet -> int32 code per docnum, -1 when none
    entry_doc: dict[str, np.ndarray]  # multi facet -> docnum of each (doc, value) entry
    entry_code: dict[str, np.ndarray]  # multi facet -> code of each entry
    _codes: dict[str, dict[str, int]] = field(default_factory=dict, repr=False)
    _postings: dict[str, list[np.ndarray]] = field(default_factory=dict, repr=False)

    @property
    def size(self) -> int:
        return int(self.live.shape[0])

    @classmethod
    def build(cls, records: Iterable[tuple[int, dict]], size: int) -> "FacetTable":
        live = np.zeros(size, dtype=bool)
        dates = np.zeros(size, dtype=np.int32)
        period_ends = np.zeros(size, dtype=np.int32)
        ids = [""] * size
        values: dict[str, dict[str, int]] = {f: {} for f in FACETS}
        single = {f: np.full(size, -1, dtype=np.int32) for f in SINGLE}
        entries: dict[str, tuple[list[int], list[int]]] = {f: ([], []) for f in MULTI}
        for docnum, record in records:
            live[docnum] = True
            ids[docnum] = record["id"]
            day = date.fromisoformat(record["date"])
            dates[docnum] = day.toordinal()
            period_ends[docnum] = _period_end(record, day).toordinal()
            single["category"][docnum] = _code(values["category"], record["category"] or "other")
            single["year"][docnum] = _code(values["year"], str(day.year))
            for f in MULTI:
                docs, codes = entries[f]
                for value in dict.fromkeys(record[RECORD_KEY[f]]):
                    docs.append(docnum)
                    codes.append(_code(values[f], value))
        return cls(
            live=live, dates=dates, period_ends=period_ends, ids=ids,
            values={f: list(v) for f, v in values.items()},
            single=single,
            entry_doc={f: np.asarray(entries[f][0], dtype=np.int32) for f in MULTI},
            entry_code={f: np.asarray(entries[f][1], dtype=np.int32) for f in MULTI},
        )

    def live_ids(self) -> set[str]:
        return {i for i, live in zip(self.ids, self.live.tolist()) if live}

    # ------------------------------------------------------------------ carried forward

    def part(self, start: int, stop: int, deleted: Iterable[int] = ()) -> "FacetTable":
        """Documents start..stop (one segment of the index) numbered from 0, the documents
        `deleted` (numbered within the part) dropped as a build would drop them."""
        live = self.live[start:stop].copy()
        live[np.fromiter(deleted, dtype=np.int64)] = False
        docs, keep = self.entry_doc, {}
        for f in MULTI:
            inside = (docs[f] >= start) & (docs[f] < stop)
            inside[inside] = live[docs[f][inside] - start]
            keep[f] = inside
        return FacetTable(
            live=live, dates=np.where(live, self.dates[start:stop], 0),
            period_ends=np.where(live, self.period_ends[start:stop], 0),
            ids=[i if alive else "" for i, alive in zip(self.ids[start:stop], live.tolist())],
            values=self.values,
            single={f: np.where(live, a[start:stop], -1).astype(np.int32) for f, a in self.single.items()},
            entry_doc={f: (docs[f][keep[f]] - start).astype(np.int32) for f in MULTI},
            entry_code={f: self.entry_code[f][keep[f]] for f in MULTI},
        )

    @classmethod
    def joined(cls, parts: list["FacetTable"]) -> "FacetTable":
        """The parts one after another (the segments of an index in order), their values
        merged and the values no live document has any more dropped."""
        values: dict[str, dict[str, int]] = {f: {} for f in FACETS}
        recode = [{f: np.asarray([_code(values[f], v) for v in p.values[f]] + [-1], dtype=np.int32) for f in FACETS}
                  for p in parts]  # the extra -1: code -1 (no value) stays -1
        offsets = np.cumsum([0] + [p.size for p in parts])
        joined = cls(
            live=_cat([p.live for p in parts], bool), dates=_cat([p.dates for p in parts], np.int32),
            period_ends=_cat([p.period_ends for p in parts], np.int32),
            ids=[i for p in parts for i in p.ids], values={f: list(v) for f, v in values.items()},
            single={f: _cat([r[f][p.single[f]] for p, r in zip(parts, recode)], np.int32) for f in SINGLE},
            entry_doc={f: _cat([p.entry_doc[f] + o for p, o in zip(parts, offsets)], np.int32) for f in MULTI},
            entry_code={f: _cat([r[f][p.entry_code[f]] for p, r in zip(parts, recode)], np.int32) for f in MULTI},
        )
        return joined._compacted()

    def _compacted(self) -> "FacetTable":
        """The same table without the values no document holds (their codes renumbered)."""
        values, single, entry_code = {}, dict(self.single), dict(self.entry_code)
        for f in FACETS:
            codes = self.single[f] if f in SINGLE else self.entry_code[f]
            used = np.unique(codes[codes >= 0])
            renumber = np.full(len(self.values[f]) + 1, -1, dtype=np.int32)
            renumber[used] = np.arange(used.size, dtype=np.int32)
            values[f] = [self.values[f][c] for c in used.tolist()]
            if f in SINGLE:
                single[f] = renumber[codes]
            else:
                entry_code[f] = renumber[codes]
        return FacetTable(live=self.live, dates=self.dates, period_ends=self.period_ends, ids=self.ids, values=values,
                          single=single, entry_doc=self.entry_doc, entry_code=entry_code)

    # ------------------------------------------------------------------ storage

    def save(self, folder: Path) -> None:
        arrays = {"live": self.live, "dates": self.dates, "period_ends": self.period_ends}
        arrays.update({f"single_{f}": a for f, a in self.single.items()})
        arrays.update({f"doc_{f}": a for f, a in self.entry_doc.items()})
        arrays.update({f"code_{f}": a for f, a in self.entry_code.items()})
        meta = json.dumps({"ids": self.ids, "values": self.values})
        tmp = folder / (FILE_NAME + ".tmp.npz")
        np.savez(tmp, meta=np.frombuffer(meta.encode("utf-8"), dtype=np.uint8), **arrays)
        tmp.replace(folder / FILE_NAME)

    @classmethod
    def load(cls, folder: Path) -> "FacetTable":
        with np.load(folder / FILE_NAME) as data:
            meta = json.loads(bytes(data["meta"]).decode("utf-8"))
            return cls(
                live=data["live"], dates=data["dates"], ids=meta["ids"], values=meta["values"],
                # an index written before period_ends existed: every item as precise as its date
                period_ends=data["period_ends"] if "period_ends" in data.files else data["dates"],
                single={f: data[f"single_{f}"] for f in SINGLE},
                entry_doc={f: data[f"doc_{f}"] for f in MULTI},
                entry_code={f: data[f"code_{f}"] for f in MULTI},
            )

    # ------------------------------------------------------------------ queries

    def code(self, facet: str, value: str) -> int | None:
        """The code of a value, matched without regard to case or spacing."""
        if facet not in self._codes:
            self._codes[facet] = {_key(v): i for i, v in enumerate(self.values[facet])}
        return self._codes[facet].get(_key(value))

    def mask(self, facet: str, values: Iterable[str]) -> np.ndarray:
        """Documents having any of the values (OR within one facet)."""
        codes = [c for c in (self.code(facet, v) for v in values) if c is not None]
        if facet in SINGLE:
            return np.isin(self.single[facet], codes) if codes else np.zeros(self.size, dtype=bool)
        out = np.zeros(self.size, dtype=bool)
        for c in codes:
            out[self._posting(facet, c)] = True
        return out

    def _posting(self, facet: str, code: int) -> np.ndarray:
        if facet not in self._postings:
            order = np.argsort(self.entry_code[facet], kind="stable")
            codes, docs = self.entry_code[facet][order], self.entry_doc[facet][order]
            bounds = np.searchsorted(codes, np.arange(len(self.values[facet]) + 1))
            self._postings[facet] = [docs[bounds[i]:bounds[i + 1]] for i in range(len(self.values[facet]))]
        return self._postings[facet][code]

    def date_mask(self, start: date | None, end: date | None) -> np.ndarray:
        out = self.live.copy()
        if start:
            out &= self.dates >= start.toordinal()
        if end:
            out &= self.dates <= end.toordinal()
        return out

    def counts(self, facet: str, mask: np.ndarray) -> dict[str, int]:
        """Value -> number of documents in `mask`, most frequent first (ties by value)."""
        n = len(self.values[facet])
        if facet in SINGLE:
            codes = self.single[facet][mask]
            tally = np.bincount(codes[codes >= 0], minlength=n)
        else:
            tally = np.bincount(self.entry_code[facet][mask[self.entry_doc[facet]]], minlength=n)
        nonzero = np.flatnonzero(tally)
        ranked = sorted(nonzero, key=lambda c: (-tally[c], self.values[facet][c]))
        return {self.values[facet][c]: int(tally[c]) for c in ranked}


def _period_end(record: dict, day: date) -> date:
    if record.get("date_precision") == "month" and record.get("period_end"):
        return max(day, date.fromisoformat(record["period_end"]))
    return day


def _cat(arrays: list[np.ndarray], dtype) -> np.ndarray:
    return np.concatenate(arrays).astype(dtype, copy=False) if arrays else np.zeros(0, dtype=dtype)


def _code(table: dict[str, int], value: str) -> int:
    return table.setdefault(value, len(table))


def _key(value: str) -> str:
    return " ".join(value.split()).casefold()
