"""Display names and partner types, loaded once from data/*.toml (read-only, shared)."""
from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

from indexer.analytics import palette
from indexer.search.index_dir import IndexDamaged, Manifest
from indexer.sample.marker import sample_notice

log = logging.getLogger(__name__)

FACET_TITLES = {"category": "Category", "theme": "Theme", "partner": "Partner", "place": "Place", "person": "People",
                "year": "Year"}


@lru_cache(maxsize=1)
def partner_types() -> dict[str, str]:
    from indexer.enrich import Enricher

    return Enricher().partner_types()


@lru_cache(maxsize=1)
def report_labels() -> dict[str, str]:
    from indexer.enrich import Enricher

    return Enricher().labels()


def label(facet: str, value: str) -> str:
    """How a facet value is shown: names for category and theme ids, the value otherwise."""
    if facet == "category":
        return palette.category_label(value)
    if facet == "theme":
        return palette.theme_label(value)
    return value


@lru_cache(maxsize=16)
def notice_for(generation: Path | None) -> str | None:
    """The "GENERATED SAMPLE DATA" notice when the index's bulletins come from the sample."""
    try:
        files = Manifest.load(generation).files
    except IndexDamaged as exc:  # the items still answer; only where they came from is unknown
        log.warning("%s", exc)
        return None
    notices = {n for n in (sample_notice(p) for p in files) if n}
    return sorted(notices)[0] if notices else None
