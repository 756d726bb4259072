"""How labels are written on every page: display names, a category's badge colours, dates as
1 March 2024, partner types and the sample notice (vocabularies loaded once from data/*.toml,
read-only, shared by the views and the office's pages)."""
from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

from indexer.analytics import palette
from indexer.item import Item
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


def badge(category: str) -> tuple[str, str, str]:
    """(label, text colour, background) of a category's badge."""
    cid = category or "other"
    return (palette.category_label(cid), *palette.badge_colors(cid))


def item_date(item: Item) -> str:
    """An item's date as the whole app writes it: 5 March 2024, or March 2024 when the
    bulletin gives only the month."""
    return format_date(item.date) if item.date_precision == "day" else f"{item.date:%B %Y}"


def format_date(day) -> str:
    return f"{day.day} {day:%B %Y}"
