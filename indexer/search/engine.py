"""The full-text engine: with `postings` (its numpy query evaluator), the only module
that imports Whoosh.

Everything Whoosh-specific lives here (schema, writing, query parsing, scoring, term
expansion for highlighting, spelling, more-like-this), so the engine can be changed in
one place. Callers see item records, document numbers and plain strings.
"""
from __future__ import annotations

import contextvars
import json
import re
import time
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import numpy as np
from whoosh import fields, index, qparser, query, spelling
from whoosh.analysis import StemmingAnalyzer
from whoosh.codec.whoosh3 import W3PerDocReader
from whoosh.qparser.dateparse import DateParserPlugin
from whoosh.searching import Searcher

from ..item import Item
from .postings import Evaluator, OverBudget, PostingCache

# Facet fields searchable as `field:value` (values lower-cased, whole values as tokens).
FACET_FIELDS = ("category", "theme", "partner", "place", "person")
MAX_QUERY_CHARS = 500
MAX_QUERY_TERMS = 40  # terms after parsing: a plain word counts twice (headline and body)
MAX_EDITS = 2  # the most a fuzzy~ term may differ (more is capped, and the answer says so)
QUERY_SECONDS = 1.5  # budget of one query from parsing to its suggestion (requests: <= 2 s)

_ANALYZER = StemmingAnalyzer()


def _cached_column_reader(self, fieldname, column):
    """W3PerDocReader._cached_reader, remembering a missing column too: Whoosh's own
    asks the file system again (an os.stat) for every posting of a field without
    lengths, which was a quarter of the commit's time."""
    if fieldname not in self._readers:
        self._readers[fieldname] = self.column_reader(fieldname, column) if self.has_column(fieldname) else None
    return self._readers[fieldname]


W3PerDocReader._cached_reader = _cached_column_reader


class QueryError(ValueError):
    """A query that cannot be answered; the message says what is wrong, for the user."""


class QueryTimeout(QueryError):
    """A query that could not be answered within its time budget."""


def schema() -> fields.Schema:
    """Derived from `Item`: text fields to search, facet fields to filter, the record to show."""
    facet = lambda: fields.KEYWORD(commas=True, lowercase=True, scorable=False)  # noqa: E731
    return fields.Schema(
        id=fields.ID(stored=True, unique=True),
        bulletin=fields.ID(stored=True),
        # No Whoosh spelling fields: "did you mean" draws on spelling.Vocabulary instead.
        title=fields.TEXT(analyzer=_ANALYZER, field_boost=2.0),
        body=fields.TEXT(analyzer=_ANALYZER),
        date=fields.DATETIME(sortable=True),
        year=fields.NUMERIC(int, bits=16),
        month=fields.ID(),
        period=fields.ID(),
        source=fields.ID(),
        record=fields.STORED(),  # the whole item as JSON: a hit needs no second read
        **{name: facet() for name in FACET_FIELDS},
    )


def _value(text: str) -> str:
    # A facet value is one token: commas separate values, so none may hold one.
    return " ".join(text.replace(",", " ").split()).lower()


def document(item: Item, bulletin: str, partner_forms: dict[str, tuple[str, ...]]) -> dict:
    """The indexed document of an item; a partner is also findable by its aliases."""
    partner_values = [form for p in item.partners for form in (p, *partner_forms.get(p, ()))]
    return {
        "id": item.id,
        "bulletin": bulletin,
        "title": item.title,
        "body": item.body,
        "date": datetime.combine(item.date, datetime.min.time()),
        "year": item.date.year,
        "month": f"{item.date:%Y-%m}",
        "period": f"{item.period_start}..{item.period_end}",
        "source": item.source,
        "record": json.dumps(item.to_dict(), ensure_ascii=False),
        "category": _value(item.category),
        "theme": ",".join(_value(t) for t in item.themes),
        "partner": ",".join(_value(p) for p in partner_values),
        "place": ",".join(_value(p) for p in item.places),
        "person": ",".join(_value(p) for p in item.people),
    }


def create(path: Path) -> index.Index:
    path.mkdir(parents=True, exist_ok=True)
    return index.create_in(str(path), schema())


def open_dir(path: Path) -> index.Index:
    return index.open_dir(str(path))


def exists(path: Path) -> bool:
    return path.is_dir() and index.exists_in(str(path))


SEGMENT_DOCS = 10_000  # documents added before a writer ends its segment and starts another
WRITER_MB = 512  # postings a writer sorts in memory (Whoosh's estimate; about 1.5x in fact)


def _open_writer(ix: index.Index):
    # Separate segment files: readers map them instead of copying one compound file.
    return ix.writer(timeout=30.0, delay=0.25, limitmb=WRITER_MB, compound=False)


class _SegmentingWriter:
    """A Whoosh writer that ends its segment every SEGMENT_DOCS documents added. Whoosh
    sorts a segment's postings in memory while they fit in `limitmb`; past it, it writes
    sorted runs to disk and merges them back one posting at a time in Python, which made
    the writing of a 100k-item build a third slower. The segments are left unmerged."""

    def __init__(self, ix: index.Index) -> None:
        self.ix, self.w, self.added = ix, _open_writer(ix), 0

    def add_document(self, **doc) -> None:
        self.w.add_document(**doc)
        self.added += 1
        if self.added % SEGMENT_DOCS == 0:
            self.w.commit(merge=False)
            self.w = _open_writer(self.ix)

    def __getattr__(self, name: str):
        return getattr(self.w, name)


@contextmanager
def writer(ix: index.Index) -> Iterator:
    """Commit on success, cancel on error (the style of Whoosh's own writers); the
    segments a large batch ended before stay (the caller discards the generation)."""
    w = _SegmentingWriter(ix)
    try:
        yield w
    except BaseException:
        w.w.cancel()
        raise
    else:
        w.w.commit()


def moved_source(w, item_ids: Iterable[str], old: str, new: str, partner_forms: dict[str, tuple[str, ...]]) -> int:
    """Items whose record names the file `old` (an absolute path) as its source, rewritten
    to name `new`: the file was renamed. Returns how many were rewritten."""
    with w.searcher() as s:
        changed = []
        for item_id in item_ids:
            docnum = s.document_number(id=item_id)
            stored = s.stored_fields(docnum) if docnum is not None else None
            record = json.loads(stored["record"]) if stored else None
            if record and str(Path(record["source"]).resolve()) == old:
                changed.append((Item.from_dict({**record, "source": new}), stored["bulletin"]))
    for item, bulletin in changed:
        w.update_document(**document(item, bulletin, partner_forms))
    return len(changed)


def stored_item(w, item_id: str) -> tuple[Item, str] | None:
    """(the item, its bulletin) as indexed, from a writer's view; None when not indexed."""
    with w.searcher() as s:
        docnum = s.document_number(id=item_id)
        stored = s.stored_fields(docnum) if docnum is not None else None
    return (Item.from_dict(json.loads(stored["record"])), stored["bulletin"]) if stored else None


def replace_item(w, item: Item, bulletin: str, partner_forms: dict[str, tuple[str, ...]]) -> None:
    w.update_document(**document(item, bulletin, partner_forms))


def delete_item(w, item_id: str) -> None:
    w.delete_by_term("id", item_id)


def add_items(w, docs: Iterable[dict]) -> int:
    n = 0
    for doc in docs:
        w.add_document(**doc)
        n += 1
    return n


def stored_records(ix: index.Index) -> Iterator[tuple[int, dict]]:
    """(document number, record) of every live document."""
    with ix.reader() as reader:
        for docnum, stored in reader.iter_docs():
            yield docnum, json.loads(stored["record"])


def doc_count_all(ix: index.Index) -> int:
    return ix.doc_count_all()


@dataclass(frozen=True)
class Segment:
    """One segment of an index as its readers number it: documents offset..offset+size
    (deleted ones included), `deleted` numbered within the segment."""

    id: str
    offset: int
    size: int
    deleted: frozenset[int]


def segments(ix: index.Index) -> list[Segment]:
    """The index's segments in document-number order. A segment's files are written once
    and never changed (its deletions live in the table of contents), so a segment id seen
    in two generations holds the same documents in both."""
    out, offset = [], 0
    for seg in ix._segments():
        size = seg.doc_count_all()
        out.append(Segment(seg.segment_id(), offset, size, frozenset(seg.deleted_docs())))
        offset += size
    return out


def segment_records(ix: index.Index, ids: set[str]) -> Iterator[tuple[str, int, dict]]:
    """(segment id, document number within it, record) of every live document of the
    segments `ids`."""
    with ix.reader() as reader:
        for leaf, _ in reader.leaf_readers():
            segment_id = leaf.segment().segment_id()
            if segment_id in ids:
                for docnum, stored in leaf.iter_docs():
                    yield segment_id, docnum, json.loads(stored["record"])


def records_at(ix: index.Index, docnums: Iterable[int]) -> Iterator[tuple[int, dict]]:
    """(document number, record) of the given documents, deleted or not."""
    with ix.reader() as reader:
        for docnum in docnums:
            yield docnum, json.loads(reader.stored_fields(docnum)["record"])


# --------------------------------------------------------------------------- queries


@dataclass(frozen=True)
class ParsedQuery:
    text: str
    q: query.Query
    notes: list[str] = field(default_factory=list)  # what was changed or cut, said with the answer
    deadline: float = float("inf")  # time.monotonic() by which the answer must be ready
    expanded: dict = field(default_factory=dict)  # (field, text) of prefix/fuzzy terms -> their words


def _parser(ix: index.Index, date_errors: list[str]) -> qparser.QueryParser:
    parser = qparser.MultifieldParser(["title", "body"], ix.schema, group=qparser.AndGroup)
    parser.add_plugin(qparser.FuzzyTermPlugin())
    parser.add_plugin(qparser.GtLtPlugin())
    parser.add_plugin(DateParserPlugin(free=False, callback=date_errors.append))
    return parser


_DATE_CLAUSE = re.compile(r"\bdate:\s*(?:[\[{][^\]}]*[\]}]|[<>]=?\S+|\S+)", re.IGNORECASE)
_ISO = re.compile(r"\b(\d{4})-(\d{2})(?:-(\d{2}))?\b")


_BARE_FUZZY = re.compile(r"(\b\w{5,})~(?![\d/])")


def _date_reason(text: str) -> str:
    """One line for a date the parser could not read, naming it and the forms it reads."""
    clause = _DATE_CLAUSE.search(text)
    shown = clause.group(0) if clause else text
    return (f"cannot read the date in '{shown}': write date:YYYY, date:YYYY-MM, date:YYYY-MM-DD, "
            f"date:>YYYY-MM-DD or date:[YYYY-MM-DD to YYYY-MM-DD]")


def _fuzzy_default(text: str) -> str:
    """`autsim~` means up to two edits for words of five letters or more: Whoosh counts a
    swap of two letters as two, and "autsim" for "autism" is the typo people make."""
    return _BARE_FUZZY.sub(r"\1~2", text)


def _compact_dates(text: str) -> str:
    """Whoosh's date parser reads 20240331 but not 2024-03-31: compact ISO dates in date: clauses."""
    return _DATE_CLAUSE.sub(lambda m: _ISO.sub(lambda d: "".join(g for g in d.groups() if g), m.group(0)), text)


def parse_query(ix: index.Index, text: str) -> ParsedQuery:
    """The text as a query over headline and body, with `field:value`, "phrases", AND /
    OR / NOT, prefix*, fuzzy~ and date ranges. Raises QueryError with a reason."""
    text = text.replace("\x00", " ").strip()
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"the query is too long ({len(text)} characters; at most {MAX_QUERY_CHARS})")
    date_errors: list[str] = []
    try:
        q = _parser(ix, date_errors).parse(_fuzzy_default(_compact_dates(text)))
    except Exception as exc:  # Whoosh raises bare Exception (or int()'s ValueError) for bad date ranges
        raise QueryError(_date_reason(text) if _DATE_CLAUSE.search(text) else f"cannot read the query: {_reason(exc)}") from None
    if date_errors:
        raise QueryError(_date_reason(text))
    if q is query.NullQuery:
        raise QueryError("the query has no words to search for")
    terms = list(q.iter_all_terms()) if hasattr(q, "iter_all_terms") else []
    if len(terms) > MAX_QUERY_TERMS:
        raise QueryError(f"the query has too many terms ({len(terms)}; at most {MAX_QUERY_TERMS}, "
                         f"and a word counts twice: headline and body)")
    for node in _leaves(q):
        if isinstance(node, query.Every):
            raise QueryError("'*' alone matches everything: leave the query empty to list all items")
        if isinstance(node, query.Prefix) and len(node.text) < 2:
            raise QueryError(f"'{node.text}*' is too short a prefix: give at least two letters")
    return ParsedQuery(text, q, _cap_edits(q), time.monotonic() + QUERY_SECONDS)


def _cap_edits(q: query.Query) -> list[str]:
    """Fuzzy terms allowed more than MAX_EDITS edits get MAX_EDITS (the cost of the word
    automaton grows steeply with the distance); one note per word says so."""
    notes = {}
    for node in _leaves(q):
        if isinstance(node, query.FuzzyTerm) and node.maxdist > MAX_EDITS:
            notes[node.text] = f"'{node.text}~{node.maxdist}': at most {MAX_EDITS} edits; searched '{node.text}~{MAX_EDITS}'"
            node.maxdist = MAX_EDITS
    return list(notes.values())


def _leaves(q: query.Query) -> Iterator[query.Query]:
    yield q
    for child in q.children():
        yield from _leaves(child)


def _reason(exc: Exception) -> str:
    message = " ".join(str(exc).split()) or type(exc).__name__
    return message[:120]


def scored_matches(searcher: Searcher, parsed: ParsedQuery, cache: PostingCache) -> tuple[np.ndarray, np.ndarray]:
    """Every match (document numbers, deleted ones included: callers mask them) and its
    relevance score, evaluated with numpy over postings kept in `cache`."""
    evaluator = Evaluator(searcher, cache, parsed.deadline)
    evaluator.expanded = parsed.expanded  # kept for matched_terms: expanded once per query
    try:
        m = evaluator.matches(parsed.q)
    except OverBudget:
        raise QueryTimeout(f"the query needs more than {QUERY_SECONDS:g} s: use fewer or longer "
                           f"prefix* and fuzzy~ words") from None
    except Exception as exc:  # Whoosh raises bare Exception for some nodes it runs
        raise QueryError(f"cannot run the query: {_reason(exc)}") from None
    for text, n in dict.fromkeys(evaluator.capped):
        parsed.notes.append(f"'{text}' stands for more words than one term may: searched the {n} held by most items")
    return m.docs, m.scores


def matched_terms(searcher: Searcher, parsed: ParsedQuery) -> frozenset[str]:
    """The indexed (stemmed) words of headline or body the query matched, prefix* and
    fuzzy~ terms as the words they were expanded to, for marking them in snippets."""
    out = set()
    for node in _leaves(parsed.q):
        fieldname = getattr(node, "fieldname", None)
        if fieldname not in ("title", "body"):
            continue
        if isinstance(node, query.MultiTerm):
            out.update(w.decode("utf-8") for w in parsed.expanded.get((fieldname, getattr(node, "text", None)), ()))
        elif isinstance(node, query.Term):
            out.add(node.text.decode("utf-8") if isinstance(node.text, bytes) else node.text)
        elif isinstance(node, query.Phrase):
            out.update(node.words)
    return frozenset(out)


def analysed_spans(text: str) -> Iterator[tuple[str, int, int]]:
    """(indexed form, start, end) of each word of a text, as the text fields index it."""
    for token in _ANALYZER(text, chars=True, removestops=False):
        yield token.text, token.startchar, token.endchar


_SUGGEST_BY: contextvars.ContextVar[float] = contextvars.ContextVar("suggest_by", default=float("inf"))


class WordCorrector(spelling.Corrector):
    """Suggests the indexed word nearest a query word, the more frequent first.

    Query words reach a corrector stemmed ("monitring" as "monitr"), so the distance is
    taken to the indexed words and to their stems; a stem suggests its commonest word
    ("monitoring"). A word whose stem is indexed is its own suggestion: left as it is.
    """

    def __init__(self, counts: Mapping[str, int]) -> None:
        self.counts = counts
        self._stems: dict[str, tuple[str, int]] | None = None  # stem -> (commonest word, items)
        self._near_stems: spelling.ListCorrector | None = None
        self._near_words = spelling.ListCorrector(sorted(counts))

    def _index(self) -> None:
        stems: dict[str, tuple[str, int]] = {}
        for word, n in self.counts.items():
            stem = next((t.text for t in _ANALYZER(word)), None)  # None: a stop word
            if stem is not None and n > stems.get(stem, ("", 0))[1]:
                stems[stem] = (word, n)
        self._stems, self._near_stems = stems, spelling.ListCorrector(sorted(stems))

    def _suggestions(self, text, maxdist, prefix):
        if time.monotonic() > _SUGGEST_BY.get():
            return  # the query's budget is spent: the remaining words go uncorrected
        if self._stems is None:
            self._index()  # on the first suggestion asked for: most queries need none
        if text in self._stems:
            yield 0.0, text
            return
        for score, stem in self._near_stems._suggestions(text, maxdist, prefix):
            word, n = self._stems[stem]
            yield score + 0.5 * n / (n + 1), word  # -1 or -2 by distance; frequency breaks ties
        for score, word in self._near_words._suggestions(text, maxdist, prefix):
            n = self.counts[word]
            yield score + 0.5 * n / (n + 1), word


def suggestion(searcher: Searcher, parsed: ParsedQuery, corrector: WordCorrector | None) -> str | None:
    """A corrected query string when some word is not in the index but a close one is
    (from `corrector`; without one, from an older index's own spelling fields)."""
    if time.monotonic() > parsed.deadline:
        return None  # a nicety: not worth a late answer
    correctors = {"title": corrector, "body": corrector} if corrector is not None else None
    token = _SUGGEST_BY.set(parsed.deadline)  # each word's correction checks it (one query per thread)
    try:
        corrected = searcher.correct_query(parsed.q, parsed.text, correctors=correctors)
    except Exception:
        return None
    finally:
        _SUGGEST_BY.reset(token)
    if corrected.query != parsed.q and corrected.string.strip() and corrected.string != parsed.text:
        return corrected.string
    return None


def similar_docnums(searcher: Searcher, docnum: int, top: int) -> list[int]:
    text = record_of(searcher, docnum)["body"]  # the body is kept in the record, not as a vector
    hits = searcher.more_like(docnum, "body", text=text, top=top + 1, numterms=12)
    return [hit.docnum for hit in hits if hit.docnum != docnum][:top]


def docnum_of(searcher: Searcher, item_id: str) -> int | None:
    return searcher.document_number(id=item_id)


def record_of(searcher: Searcher, docnum: int) -> dict:
    return json.loads(searcher.stored_fields(docnum)["record"])

