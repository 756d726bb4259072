"""Bulletin Explorer indexer: bulletins in, typed items out, then enrichment and a search index."""
