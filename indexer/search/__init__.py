"""Stage 3, search: the index on disk and the one search function over it.

`ingest` parses, enriches and writes generations of the index (`index_dir`); `engine` and
`postings` are the only modules that import Whoosh or know its files; `facets` keeps the
per-item codes that facet counts and analytics read; `searching` answers a request.
"""
from .engine import QueryError
from .index_dir import IndexMissing
from .searching import FILTERS, SORTS, Hit, SearchIndex, SearchRequest, SearchResult

__all__ = ["FILTERS", "SORTS", "Hit", "IndexMissing", "QueryError", "SearchIndex", "SearchRequest",
           "SearchResult"]
