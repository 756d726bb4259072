"""Bulletin Explorer's Dash app (faceted search beside activity charts); built on the indexer."""
