"""The review queue: which items' labels are uncertain, and why, most doubtful first.

It reads what the enricher already records (`Enrichment`: the category's scores, how
each partner was found, the stated day) and judges nothing anew; staff decisions in
corrections.toml take an item off the queue."""
from __future__ import annotations

import re

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..item import Item
from . import Enrichment
from .explain import explain

CLOSE_SECOND = 0.25  # the runner-up's score within this share of the winner's is "close"


@dataclass(frozen=True, slots=True)
class Doubt:
    weight: float  # how much this doubt moves the item up the queue
    reason: str
    found_name: str = ""  # a partner found only by a name pattern: the name (to make an alias)


@dataclass(frozen=True, slots=True)
class ReviewEntry:
    item: Item
    doubts: tuple[Doubt, ...]
    evidence: str  # `bulletins explain`'s text
    marks: tuple[str, ...] = ()  # the words of the text the labels rest on (rules' terms, names, the day)
    proposals: tuple[tuple[str, str], ...] = ()  # (field, the label the doubt proposes instead)

    @property
    def weight(self) -> float:
        return sum(d.weight for d in self.doubts)


def doubts(e: Enrichment, names: Mapping[str, str] | None = None) -> tuple[Doubt, ...]:
    """Why this item's labels may be wrong (empty: nothing to doubt); `names` shows category
    ids by their names ("Monitoring visit")."""
    return (*_category_doubts(e, names or {}), *_partner_doubts(e), *_date_doubts(e))


def _category_doubts(e: Enrichment, names: Mapping[str, str]) -> list[Doubt]:
    if e.item.category == "other" and "no rule scored enough" in e.category.reason:
        return [Doubt(0.8, "category: no rule scored enough, so 'other'")]
    ranked = sorted(((s, c) for c, s in e.category.scores.items() if s > 0), reverse=True)
    if len(ranked) < 2:
        return []
    (top, best), (second, runner) = ranked[0], ranked[1]
    margin = (top - second) / top
    if margin > CLOSE_SECOND:
        return []
    return [Doubt(1.0 + (CLOSE_SECOND - margin) * 4,
                  f"category: a close second, {names.get(runner, runner)} {second:g} against {names.get(best, best)} {top:g}")]


def _partner_doubts(e: Enrichment) -> list[Doubt]:
    return [Doubt(0.6, f"partner found only by a name pattern: {p.name}", p.name)
            for p in e.partners if p.how.startswith("pattern:") and p.name in e.item.partners]


def _date_doubts(e: Enrichment) -> list[Doubt]:
    if e.stated_day is None:
        return []
    if e.stated_day.text not in e.item.title and not re.search(r"\b(?:19|20)\d\d\b", e.stated_day.text):
        # a day read from the body, without a year beside it: the weakest cue we take
        return [Doubt(0.3, f"date: from a day the body states without a year (\"{e.stated_day.text}\")")]
    return []


def review_entry(e: Enrichment, names: Mapping[str, str] | None = None) -> ReviewEntry | None:
    """The item's place in the queue, or None (no doubts, or staff already decided)."""
    if e.correction is not None:
        return None
    found = doubts(e, names)
    return ReviewEntry(e.item, found, explain(e), evidence_words(e), proposals(e)) if found else None


def evidence_words(e: Enrichment) -> tuple[str, ...]:
    """What the labels rest on, as printed: the terms the category's and themes' rules matched,
    the partners' and places' names, and the words that stated the day."""
    words = [h.matched for h in (*e.category.hits, *e.themes.hits) if h.matched and h.field in ("title", "body")]
    words += [p.how.split(": ", 1)[1] for p in e.partners if p.how.startswith(("list: ", "pattern: "))]
    words += [*e.item.places, *e.item.people]
    if e.stated_day:
        words.append(e.stated_day.text)
    return tuple(dict.fromkeys(w for w in words if len(w) > 1))


def proposals(e: Enrichment) -> tuple[tuple[str, str], ...]:
    """What a doubt proposes instead of the current label: the close second category, the
    month instead of a day read without its year."""
    out = []
    ranked_ = sorted(((s, c) for c, s in e.category.scores.items() if s > 0), reverse=True)
    if len(ranked_) >= 2 and (ranked_[0][0] - ranked_[1][0]) / ranked_[0][0] <= CLOSE_SECOND:
        out.append(("category", ranked_[1][1]))
    if any(d.reason.startswith("date:") for d in _date_doubts(e)):
        out.append(("date", "month"))
    return tuple(out)


def ranked(entries: Iterable[ReviewEntry], limit: int | None = None) -> list[ReviewEntry]:
    """Most doubtful first (ties: newest first, then id)."""
    return sorted(entries, key=lambda r: (-r.weight, -r.item.date.toordinal(), r.item.id))[:limit]


def review_queue(enrichments: Iterable[Enrichment], limit: int | None = None) -> list[ReviewEntry]:
    """Items with doubts, most doubtful first; items staff already corrected or accepted
    are left out."""
    return ranked((r for r in map(review_entry, enrichments) if r is not None), limit)
