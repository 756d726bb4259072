"""Whoosh queries answered with numpy: the engine's fast path.

Whoosh matches and scores one posting at a time in Python, so a common word costs
tens of milliseconds per 10,000 items. This module reads a term's postings a whole
block at a time into numpy arrays, keeps them per index generation in a bounded cache,
and evaluates the query tree Whoosh's parser built with array set operations and a
vectorised BM25F (Whoosh's own formula, statistics and field lengths, so the ranking
is Whoosh's). Phrases are checked against word positions, read only for the documents
that hold every word. Prefix*, fuzzy~ and wildcard terms are expanded here, to at most
`MAX_EXPANSIONS` words (the commonest) found among at most `MAX_SCANNED` of the index's
words, and answered as the union of those words. A node it does not know (ranges, ...)
is run by Whoosh and joined in as arrays, so every query the parser accepts is answered.
An evaluation given a deadline raises `OverBudget` when it passes it (checked between
nodes and while scanning words), so no query holds a server thread for long.

Like `engine`, this module imports Whoosh; nothing else does.
"""
from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from pickle import loads

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein
from whoosh import query
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3LeafMatcher, _lenfield
from whoosh.matching.wrappers import FilterMatcher
from whoosh.scoring import BM25F
from whoosh.util.numeric import byte_to_length

CACHE_BYTES = 256 * 2**20  # postings and phrase matches kept per generation
MAX_EXPANSIONS = 100  # words one prefix*, fuzzy~ or wildcard term stands for at most
MAX_SCANNED = 50_000  # index words looked at to expand one such term
_EXPANDING = (query.Prefix, query.FuzzyTerm, query.Wildcard)
_EMPTY_DOCS = np.zeros(0, dtype=np.int64)
_EMPTY_SCORES = np.zeros(0, dtype=np.float64)
_BYTE_LENGTHS = np.asarray([byte_to_length(b) for b in range(256)], dtype=np.float64)


@dataclass(frozen=True)
class Matches:
    """Matching document numbers (sorted, unique) and their scores, aligned."""

    docs: np.ndarray
    scores: np.ndarray

    @staticmethod
    def empty() -> "Matches":
        return Matches(_EMPTY_DOCS, _EMPTY_SCORES)

    def scaled(self, boost: float) -> "Matches":
        return self if boost == 1.0 else Matches(self.docs, self.scores * boost)


class OverBudget(Exception):
    """The evaluation passed its deadline."""


class PostingCache:
    """Arrays read from one generation (postings, phrase matches, field lengths), shared
    by every thread's searcher of it and bounded in bytes (least recently used first out)."""

    def __init__(self, budget: int = CACHE_BYTES) -> None:
        self.budget = budget
        self._entries: OrderedDict[Hashable, tuple[object, int]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: Hashable, compute: Callable[[], object], size: Callable[[object], int]) -> object:
        with self._lock:
            if key in self._entries:
                self._entries.move_to_end(key)
                return self._entries[key][0]
        value = compute()  # outside the lock: another thread may compute it too, harmlessly
        nbytes = size(value)
        with self._lock:
            if key not in self._entries and nbytes <= self.budget:
                self._entries[key] = (value, nbytes)
                self._bytes += nbytes
                while self._bytes > self.budget:
                    _, (_, freed) = self._entries.popitem(last=False)
                    self._bytes -= freed
        return value


def _nbytes(value: Matches | np.ndarray) -> int:
    arrays = (value.docs, value.scores) if isinstance(value, Matches) else (value,)
    return sum(a.nbytes for a in arrays) + 200


class Evaluator:
    """Evaluates parsed queries against one searcher, reading through a shared cache."""

    def __init__(self, searcher, cache: PostingCache, deadline: float | None = None) -> None:
        self.deadline = deadline  # time.monotonic() after which the evaluation gives up
        self.expanded: dict[tuple[str, str], list[bytes]] = {}  # (field, text) -> the words used
        self.capped: list[tuple[str, int]] = []  # (term, words used) of terms that stood for more
        self.searcher = searcher
        self.reader = searcher.reader()
        self.schema = searcher.schema
        self.cache = cache
        self.leaves = list(self.reader.leaf_readers())
        self.doc_count = self.reader.doc_count_all()
        weighting = searcher.weighting
        self.bm25 = weighting if isinstance(weighting, BM25F) else BM25F()

    # ------------------------------------------------------------------ the tree

    def matches(self, q: query.Query) -> Matches:
        self._check_time()
        kind = type(q)
        if q is query.NullQuery or kind is type(query.NullQuery):
            return Matches.empty()
        if kind is query.Term:
            return self._term(q.fieldname, q.text).scaled(q.boost)
        if kind is query.Or and not q.minmatch and not q.scale:
            return _union([self.matches(s) for s in q.subqueries]).scaled(q.boost)
        if kind is query.And:
            return self._and(q.subqueries).scaled(q.boost)
        if kind is query.AndNot:
            return _minus(self.matches(q.a), self.matches(q.b)).scaled(q.boost)
        if kind is query.Require:
            return _restrict(self.matches(q.a), self.matches(q.b).docs).scaled(q.boost)
        if kind is query.AndMaybe:
            return _maybe(self.matches(q.a), self.matches(q.b)).scaled(q.boost)
        if kind is query.Not:
            return _minus(self._everything(), self.matches(q.query))
        if kind is query.Phrase and q.slop == 1 and self._positional(q.fieldname):
            return self._phrase(q.fieldname, tuple(q.words)).scaled(q.boost)
        if kind in _EXPANDING:
            return self._expanding(q)
        return self._by_whoosh(q)

    def _check_time(self) -> None:
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise OverBudget()

    # ------------------------------------------------------------------ prefix, fuzzy, wildcard

    def _expanding(self, q) -> Matches:
        """The union of the words the term stands for, scored as Whoosh scores it: one word
        as that word; several summed, except that a constant-score term of three words or
        more in an index of at most 5,000 items scores its boost (Whoosh then switches to
        an unscored union matcher)."""
        words = self.expansion(q)
        if not words:
            return Matches.empty()
        if len(words) == 1:
            return self._term(q.fieldname, words[0])
        union = _union([self._term(q.fieldname, w) for w in words])
        tree = len(words) < query.Or.TOO_MANY_CLAUSES and (len(words) == 2 or self.doc_count > 5000)
        if q.constantscore and not tree:
            return Matches(union.docs, np.full(union.docs.size, float(q.boost)))
        return union.scaled(q.boost)

    def expansion(self, q) -> list[bytes]:
        """The indexed words of a prefix, fuzzy or wildcard term: the `MAX_EXPANSIONS` held
        by most items, among the first `MAX_SCANNED` words it matches."""
        key = (q.fieldname, q.text)
        if key not in self.expanded:
            shared = ("expansion", type(q).__name__, q.fieldname, q.text, getattr(q, "maxdist", 0),
                      getattr(q, "prefixlength", 0))  # kept per generation: a repeated query is free
            words, capped = self.cache.get(shared, lambda: self._expand(q), lambda v: 100 + sum(map(len, v[0])))
            if capped:
                self.capped.append((q.text, len(words)))
            self.expanded[key] = words
        return self.expanded[key]

    def _expand(self, q) -> tuple[list[bytes], bool]:
        found = self._fuzzy(q) if type(q) is query.FuzzyTerm else self._scan(q)
        if len(found) <= MAX_EXPANSIONS:
            return found, False
        return sorted(found, key=lambda w: -self.reader.doc_frequency(q.fieldname, w))[:MAX_EXPANSIONS], True

    def _fuzzy(self, q) -> list[bytes]:
        """The field's words within `maxdist` edits (Levenshtein, as Whoosh's automaton
        counts them), found with rapidfuzz over the field's word list: Whoosh's pure-Python
        automaton took about 30 ms a term, rapidfuzz takes about 1 ms over 50,000 words."""
        words = self.cache.get(("lexicon", q.fieldname), lambda: self._lexicon(q.fieldname),
                               lambda w: 100 + sum(len(x) + 50 for x in w))
        self._check_time()
        found = process.extract(q.text, words, scorer=Levenshtein.distance, score_cutoff=int(q.maxdist), limit=None)
        prefix = q.text[:q.prefixlength]
        return [w.encode("utf-8") for w, _, _ in found if w.startswith(prefix)]

    def _lexicon(self, fieldname: str) -> list[str]:
        return [b.decode("utf-8") for b in self.reader.lexicon(fieldname)] if fieldname in self.schema else []

    def _scan(self, q) -> list[bytes]:
        found = []
        for n, word in enumerate(q._btexts(self.reader)):
            if n % 256 == 0:
                self._check_time()
            if n >= MAX_SCANNED:
                break
            found.append(word if isinstance(word, bytes) else self.schema[q.fieldname].to_bytes(word))
        return found

    def _and(self, subqueries) -> Matches:
        wanted = [s for s in subqueries if type(s) is not query.Not]
        unwanted = [s.query for s in subqueries if type(s) is query.Not]
        parts = []
        for s in sorted(wanted, key=_expands):  # cheap parts first: one empty part ends it
            parts.append(self.matches(s))
            if parts[-1].docs.size == 0:
                return Matches.empty()
        out = _intersection(parts or [self._everything()])
        for s in unwanted:
            out = _minus(out, self.matches(s))
        return out

    def _everything(self) -> Matches:
        docs = np.arange(self.doc_count, dtype=np.int64)
        return Matches(docs, np.zeros(docs.size))

    def _by_whoosh(self, q: query.Query) -> Matches:
        """A node this module does not evaluate itself, run by Whoosh (scored)."""
        pairs = self.searcher.search(q, limit=None).top_n
        if not pairs:
            return Matches.empty()
        docs = np.fromiter((d for _, d in pairs), dtype=np.int64, count=len(pairs))
        scores = np.fromiter((s for s, _ in pairs), dtype=np.float64, count=len(pairs))
        order = np.argsort(docs, kind="stable")
        return Matches(docs[order], scores[order])

    # ------------------------------------------------------------------ terms

    def _term(self, fieldname: str, text) -> Matches:
        if fieldname not in self.schema:
            return Matches.empty()
        field = self.schema[fieldname]
        try:
            btext = field.to_bytes(text) if isinstance(text, str) else text
        except ValueError:
            return Matches.empty()
        postings = self._postings(fieldname, btext)  # scores: the weights (frequency x field boost)
        if postings.docs.size == 0 or not field.scorable:
            return postings
        return Matches(postings.docs, self._bm25(fieldname, btext, postings.scores, postings.docs))

    def _bm25(self, fieldname: str, btext: bytes, tf: np.ndarray, docs: np.ndarray) -> np.ndarray:
        """Whoosh's BM25F: idf * tf (K1 + 1) / (tf + K1 (1 - B + B length / average))."""
        b, k1 = self.bm25._field_B.get(fieldname, self.bm25.B), self.bm25.K1
        idf = self.searcher.idf(fieldname, btext)
        avg = self.searcher.avg_field_length(fieldname) or 1
        length = self._lengths(fieldname)[docs]
        return idf * (tf * (k1 + 1)) / (tf + k1 * ((1 - b) + b * length / avg))

    def _postings(self, fieldname: str, btext: bytes) -> Matches:
        key = ("postings", fieldname, btext)
        return self.cache.get(key, lambda: self._read_postings(fieldname, btext), _nbytes)

    def _read_postings(self, fieldname: str, btext: bytes) -> Matches:
        docs, weights = [], []
        for leaf, offset in self.leaves:
            if (fieldname, btext) not in leaf:
                continue
            for ids, ws, _ in _blocks(_leaf_matcher(leaf, fieldname, btext)):
                docs.append(ids + offset)
                weights.append(ws)
        if not docs:
            return Matches.empty()
        return Matches(np.concatenate(docs), np.concatenate(weights))

    def _lengths(self, fieldname: str) -> np.ndarray:
        key = ("lengths", fieldname)
        return self.cache.get(key, lambda: self._read_lengths(fieldname), _nbytes)

    def _read_lengths(self, fieldname: str) -> np.ndarray:
        """Every document's length of the field, as Whoosh stores it (one byte, decoded)."""
        out = np.ones(self.doc_count, dtype=np.float64)
        for leaf, offset in self.leaves:
            n = leaf.doc_count_all()
            out[offset:offset + n] = _leaf_lengths(leaf, fieldname, n)
        return out

    # ------------------------------------------------------------------ phrases

    def _positional(self, fieldname: str) -> bool:
        field = self.schema[fieldname] if fieldname in self.schema else None
        return bool(field and field.format and field.format.supports("positions") and field.scorable)

    def _phrase(self, fieldname: str, words: tuple[str, ...]) -> Matches:
        if len(words) == 1:
            return self._term(fieldname, words[0])
        key = ("phrase", fieldname, words)
        return self.cache.get(key, lambda: self._read_phrase(fieldname, words), _nbytes)

    def _read_phrase(self, fieldname: str, words: tuple[str, ...]) -> Matches:
        """The documents where the words stand next to each other in this order, scored
        as the sum of the words' scores (as Whoosh's span matcher does)."""
        field = self.schema[fieldname]
        try:
            btexts = [field.to_bytes(w) for w in words]
        except ValueError:
            return Matches.empty()
        terms = [self._term(fieldname, b) for b in btexts]
        candidates = _intersection(terms).docs
        if candidates.size == 0:
            return Matches.empty()
        starts = None  # keys doc * 2**32 + start position, kept where every word follows
        for i, btext in enumerate(btexts):
            docs, positions = self._positions(fieldname, btext, candidates)
            keys = docs * 2**32 + (positions - i)
            starts = keys if starts is None else np.intersect1d(starts, keys, assume_unique=True)
            if starts.size == 0:
                return Matches.empty()
        found = np.unique(starts >> 32)
        return _restrict(_intersection(terms), found)

    def _positions(self, fieldname: str, btext: bytes, candidates: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(document, position) of every occurrence of the word in the candidate documents."""
        docs, counts, gaps = [], [], []
        for leaf, offset in self.leaves:
            if (fieldname, btext) not in leaf:
                continue
            for ids, _, values in _blocks(_leaf_matcher(leaf, fieldname, btext), with_values=True):
                ids = ids + offset
                for j in np.flatnonzero(np.isin(ids, candidates, assume_unique=True)).tolist():
                    # A value: 4 bytes of frequency, then the gaps between positions pickled
                    # without the pickle's final ".".
                    g = loads(values[j][4:] + b".")
                    docs.append(int(ids[j]))
                    counts.append(len(g))
                    gaps.extend(g)
        if not docs:
            return _EMPTY_DOCS, _EMPTY_DOCS
        counts_a = np.asarray(counts, dtype=np.int64)
        running = np.cumsum(np.asarray(gaps, dtype=np.int64))
        before = np.repeat(np.concatenate(([0], running[np.cumsum(counts_a)[:-1] - 1])), counts_a)
        return np.repeat(np.asarray(docs, dtype=np.int64), counts_a), running - before


def _expands(q: query.Query) -> bool:
    """The node holds a prefix, fuzzy or wildcard term (the costly kind to evaluate)."""
    return isinstance(q, _EXPANDING) or any(_expands(c) for c in q.children())


# --------------------------------------------------------------------------- reading


def _leaf_lengths(leaf, fieldname: str, n: int) -> np.ndarray:
    """A segment's field lengths: its one-byte column read at once where it can be."""
    try:
        column = leaf._perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
        raw = column._dbfile.get(column._basepos, column._count) if column is not None else b""
        codes = np.zeros(n, dtype=np.uint8)
        codes[:len(raw)] = np.frombuffer(raw, dtype=np.uint8)[:n]
        return np.maximum(_BYTE_LENGTHS[codes], 1)
    except AttributeError:  # another codec: ask document by document
        return np.asarray([leaf.doc_field_length(d, fieldname, 1) or 1 for d in range(n)], dtype=np.float64)


def _leaf_matcher(leaf, fieldname: str, btext: bytes):
    m = leaf.postings(fieldname, btext)
    return m.child if isinstance(m, FilterMatcher) else m  # deleted documents: masked by the caller


def _blocks(m, with_values: bool = False):
    """(ids, weights, values) of each block of a leaf's postings, ids as int64 arrays."""
    if not isinstance(m, W3LeafMatcher):  # another codec: one posting at a time
        ids, ws, vs = [], [], []
        while m.is_active():
            ids.append(m.id())
            ws.append(m.weight())
            vs.append(m.value() if with_values else None)
            m.next()
        yield np.asarray(ids, dtype=np.int64), np.asarray(ws, dtype=np.float64), vs
        return
    while m.is_active():
        if m._data is None:
            m._read_data()
        raw_ids, raw_weights = m._data[0], m._data[1]
        # Block ids are stored as gaps (unless bytes); weights as None (all 1), one float or an array.
        ids = np.asarray(raw_ids, dtype=np.int64)
        if not m._byteids:
            ids = np.cumsum(ids)
        if raw_weights is None or isinstance(raw_weights, float):
            weights = np.full(ids.size, 1.0 if raw_weights is None else raw_weights)
        else:
            weights = np.asarray(raw_weights, dtype=np.float64)
        if with_values:
            m._read_values()
        yield ids, weights, (m._values if with_values else None)
        m._next_block()


# --------------------------------------------------------------------------- set algebra


def _union(parts: list[Matches]) -> Matches:
    parts = [p for p in parts if p.docs.size]
    if not parts:
        return Matches.empty()
    if len(parts) == 1:
        return parts[0]
    docs = np.concatenate([p.docs for p in parts])
    scores = np.concatenate([p.scores for p in parts])
    unique, inverse = np.unique(docs, return_inverse=True)
    return Matches(unique, np.bincount(inverse, weights=scores, minlength=unique.size))


def _intersection(parts: list[Matches]) -> Matches:
    if not parts or any(p.docs.size == 0 for p in parts):
        return Matches.empty()
    parts = sorted(parts, key=lambda p: p.docs.size)
    docs = parts[0].docs
    for p in parts[1:]:
        docs = docs[np.isin(docs, p.docs, assume_unique=True)]
    scores = np.zeros(docs.size)
    for p in parts:
        scores += p.scores[np.searchsorted(p.docs, docs)]
    return Matches(docs, scores)


def _restrict(m: Matches, docs: np.ndarray) -> Matches:
    keep = np.isin(m.docs, docs, assume_unique=True)
    return Matches(m.docs[keep], m.scores[keep])


def _minus(a: Matches, b: Matches) -> Matches:
    if b.docs.size == 0:
        return a
    keep = ~np.isin(a.docs, b.docs, assume_unique=True)
    return Matches(a.docs[keep], a.scores[keep])


def _maybe(a: Matches, b: Matches) -> Matches:
    scores = a.scores.copy()
    where = np.searchsorted(b.docs, a.docs)
    hit = (where < b.docs.size) & (b.docs[np.minimum(where, b.docs.size - 1)] == a.docs) if b.docs.size else None
    if hit is not None:
        scores[hit] += b.scores[where[hit]]
    return Matches(a.docs, scores)
