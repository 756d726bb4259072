"""The words "did you mean" may suggest: every word of three letters or more in the
headlines and bodies of the indexed items, with the number of items holding it.

Built at ingest time from the same pass over the stored records as the facet table and
saved next to the index, so writing the index does not carry Whoosh's own spelling
fields (which added one posting per word per item and a second analysis of every text:
about a sixth of the ingest time).
"""
from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

FILE_NAME = "words.json.gz"
_WORD = re.compile(r"[^\W\d_]{3,}")


def item_words(record: dict) -> set[str]:
    """The distinct words (lower-cased, letters only, three or more) of an item record."""
    return set(_WORD.findall(f"{record.get('title', '')} {record.get('body', '')}".lower()))


class Vocabulary:
    """Word -> number of items holding it."""

    def __init__(self, counts: Counter[str] | None = None) -> None:
        self.counts: Counter[str] = counts if counts is not None else Counter()

    def counting(self, records: Iterable[tuple[int, dict]]) -> Iterator[tuple[int, dict]]:
        """`records`, passed through while their words are counted."""
        for docnum, record in records:
            self.counts.update(item_words(record))
            yield docnum, record

    def forget(self, records: Iterable[dict]) -> None:
        """Records no longer indexed: their words counted one item less."""
        for record in records:
            for word in item_words(record):
                left = self.counts[word] - 1
                if left > 0:
                    self.counts[word] = left
                else:
                    del self.counts[word]

    def save(self, generation: Path) -> None:
        tmp = generation / (FILE_NAME + ".tmp")
        with gzip.open(tmp, "wt", encoding="utf-8") as f:
            json.dump(dict(self.counts), f, ensure_ascii=False, separators=(",", ":"))
        tmp.replace(generation / FILE_NAME)

    @classmethod
    def load(cls, generation: Path) -> "Vocabulary | None":
        """The generation's vocabulary, or None for an index written before it had one."""
        path = generation / FILE_NAME
        if not path.exists():
            return None
        with gzip.open(path, "rt", encoding="utf-8") as f:
            return cls(Counter(json.load(f)))
