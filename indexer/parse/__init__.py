"""Stage 1, parse: a bulletin file (PDF or text) in, its items out, not yet enriched.

It knows nothing of enrichment, search or analytics. `bulletin` ties the steps together:
`extract` reads lines, `period` finds the months covered, `split` cuts items at `***` and
finds `links`, `headline`, `paragraphs`, `lines` and `words` shape each item's text.
"""
from .bulletin import BULLETIN_SUFFIXES, Parsed, find_bulletins, parse_file

__all__ = ["BULLETIN_SUFFIXES", "Parsed", "find_bulletins", "parse_file"]
