"""Enrichment: a pure Item -> Item step that fills category, themes, partners, places,
people and the day of the activity, from the editable vocabularies in data/."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..item import Item
from ..parse.period import Period
from .classify import Decision, FieldView, decide_category, decide_themes
from .corrections import Correction, load_corrections
from .dates import StatedDay, activity_day
from .gazetteer import normalise
from .orgs import find_organisations, foreign_ombudsmen, has_head_noun
from .partners import PartnerBook, UNKNOWN_TYPE, load_partners
from .people import PeopleBook, load_people
from .places import PlaceBook, load_places
from .taxonomy import Taxonomy, load_taxonomy
from .terms import TermIndex
from .text import Tokens
from .vocab import VocabularyError, data_dir

__all__ = ["Enricher", "Enrichment", "VocabularyError", "PartnerFind"]

HOME = frozenset({"Azerbaijan", "Republic of Azerbaijan", "Azerbaijan Republic"})
# A place abroad says the activity was there only after one of these ("in Ankara", "to Geneva").
LOCATIVE = frozenset({"in", "to", "at", "visited", "hosted"})
# A headline that attributes words to the office ("Ombudsman: ...", "... - Azerbaijani ombudsperson").
_ATTRIBUTED = re.compile(
    r"^[\w’' ]{0,30}\b(?:Ombuds\w*|Commissioner)\s*:|[-–—:]\s*(?:[\w’']+\s+){0,2}(?:ombuds\w*|commissioner)\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class PartnerFind:
    name: str
    type: str
    how: str  # "list: <form>", "ombudsman of <place>", "pattern: <printed>"
    known: bool


@dataclass(frozen=True, slots=True)
class Enrichment:
    """Everything the enricher decided for one item, and why (for `explain`)."""

    item: Item
    category: Decision
    themes: Decision
    partners: tuple[PartnerFind, ...]
    stated_day: StatedDay | None
    correction: Correction | None = None


@dataclass(slots=True)
class Enricher:
    """Loads the vocabularies once; `enrich` is then a pure function of the item."""

    data_dir: Path = field(default_factory=data_dir)
    taxonomy: Taxonomy = field(init=False)
    partners: PartnerBook = field(init=False)
    places: PlaceBook = field(init=False)
    people: PeopleBook = field(init=False)
    corrections: dict[str, Correction] = field(init=False)
    terms: TermIndex = field(init=False)

    def __post_init__(self) -> None:
        from .partners import PARTNER_TYPES

        self.partners = load_partners(self.data_dir / "partners.toml")
        self.places = load_places(self.data_dir / "places.toml")
        self.taxonomy = load_taxonomy(self.data_dir / "taxonomy.toml", frozenset(PARTNER_TYPES))
        excluded = frozenset(w for p in self.places.places for n in (p.name, *p.aliases) for w in n.split())
        self.people = load_people(self.data_dir / "people.toml", excluded)
        self.corrections = load_corrections(self.data_dir / "corrections.toml")
        self.terms = TermIndex(self.taxonomy.terms())

    def partner_aliases(self) -> dict[str, str]:
        """Alias or acronym -> canonical partner name (for filters such as partner=ICRC)."""
        return {form: p.name for p in self.partners.partners for form in (*p.aliases, *p.acronyms)}

    def partner_types(self) -> dict[str, str]:
        return {p.name: p.type for p in self.partners.partners}

    def labels(self) -> dict[str, str]:
        """Category and theme id -> display name, as taxonomy.toml gives them."""
        return {label.id: label.name for label in (*self.taxonomy.categories, *self.taxonomy.themes)}

    def enrich(self, item: Item) -> Item:
        return self.analyse(item).item

    def analyse(self, item: Item) -> Enrichment:
        text = f"{item.title}\n\n{item.body}"
        title_partners, body_partners = self._partners(item.title), self._partners(item.body)
        partners = tuple({p.name: p for p in (*body_partners, *title_partners)}.values())
        partners = tuple(sorted(partners, key=lambda p: p not in title_partners))
        title_places, body_places = self.places.find(item.title), self.places.find(item.body)
        views = (
            self._view("title", item.title, title_partners, self.taxonomy.title_weight),
            self._view("body", item.body, body_partners, 1.0),
        )
        category, themes = decide_category(self.taxonomy, views), decide_themes(self.taxonomy, views)
        period = Period(item.period_start, item.period_end, "")
        day = activity_day(item.title, item.body, period)
        enriched = item.replace(
            category=category.chosen[0],
            themes=themes.chosen,
            partners=tuple(p.name for p in partners),
            places=tuple(dict.fromkeys((*title_places, *body_places))),
            people=tuple(self.people.find(text)),
            date=day.day if day else item.period_start,
            date_precision="day" if day else "month",
        )
        correction = self.corrections.get(item.id)
        if correction:
            enriched = correction.apply(enriched)
        return Enrichment(enriched, category, themes, partners, day, correction)

    def _view(self, name: str, text: str, partners: list[PartnerFind], factor: float) -> FieldView:
        tokens = Tokens.of(text)
        tags = {f"partner:{p.type}" for p in partners}
        if any(self.places.is_abroad(p) for p in self.places.found_after(self._unnamed(text), LOCATIVE)):
            tags.add("abroad")
        if name == "title" and _ATTRIBUTED.search(text.strip()):
            tags.add("attributed")
        return FieldView(name, tokens, self.terms.match(tokens), frozenset(tags), factor)

    def _unnamed(self, text: str) -> str:
        """The text with listed partners' names blanked: "Turkey" in "Human Rights and
        Equality Institution of Turkey" is part of a name, not a place of the activity."""
        norm = normalise(text)
        for m in self.partners.find(text):
            norm = norm[:m.start] + " " * (m.end - m.start) + norm[m.end:]
        return norm

    def _partners(self, text: str) -> list[PartnerFind]:
        found: dict[str, PartnerFind] = {}
        matches = self.partners.find(text)
        for m in matches:
            found.setdefault(m.canonical, PartnerFind(m.canonical, self.partners.type_of(m.canonical), f"list: {m.text}", True))
        for place in foreign_ombudsmen(text, self.places.find, HOME):
            name = self.partners.ombudsman_of(place) or f"Ombudsman of {place}"
            known = name in self.partners.by_name
            found.setdefault(name, PartnerFind(name, "foreign ombudsman/NHRI", f"ombudsman of {place}", known))
        listed = [normalise(m.text).lower() for m in matches]
        for org in find_organisations(text):
            if not self._new_organisation(org.name, listed):
                continue
            found.setdefault(org.name, PartnerFind(org.name, UNKNOWN_TYPE, f"pattern: {org.name}", False))
        return list(found.values())

    def _new_organisation(self, name: str, listed: list[str]) -> bool:
        """A pattern's find counts unless it overlaps a listed partner's mention ("Republic
        Child Library" inside the listed "... Library named after F. Kocharli") or is only a
        place ("Russian Federation", "Chechen Republic of the Russian Federation")."""
        norm = normalise(name).lower()
        if any(norm in m or m in norm for m in listed):
            return False
        return has_head_noun(self.places.without_places(name))
