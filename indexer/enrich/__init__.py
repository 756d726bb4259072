"""Enrichment: a pure Item -> Item step that fills category, themes, partners, places,
people and the day of the activity, from the editable vocabularies in data/."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..item import Item
from ..parse.headline import first_sentence
from ..parse.period import Period
from .classify import Decision, FieldView, decide_category, decide_themes
from .corrections import Correction, load_corrections
from .dates import StatedDay, activity_day
from .gazetteer import Match, normalise
from .mentions import context, mention_spans
from .orgs import (
    OrgMention, find_organisations, foreign_ombudsmen, has_head_noun, is_venue, named_by_place, names_one_body, needs_place,
)
from .offices import office_bodies
from .partners import PartnerBook, UNKNOWN_TYPE, load_partners, type_by_shape
from .people import PeopleBook, load_people
from .places import PlaceBook, load_places
from .taxonomy import Taxonomy, load_taxonomy
from .terms import TermIndex
from .text import Tokens
from .vocab import VocabularyError, data_dir

__all__ = ["Enricher", "Enrichment", "VocabularyError", "PartnerFind"]

HOME_COUNTRY = "Azerbaijan"
HOME = frozenset({"Azerbaijan", "Republic of Azerbaijan", "Azerbaijan Republic"})
_SHARED_HEAD = re.compile(r"^([A-Z][\w'’-]+) and ([A-Z][\w'’-]+) ((?:City|District|Regional) .+)$")
_LOCAL_BODY = re.compile(r"^[A-Z][\w'’-]* (?:City|District|Region|Regional|Municipality)\b")
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
    type_from: str = ""  # not listed: the word of its name its type was read from ("University")


@dataclass(frozen=True, slots=True)
class Enrichment:
    """Everything the enricher decided for one item, and why (for `explain`)."""

    item: Item
    category: Decision
    themes: Decision
    partners: tuple[PartnerFind, ...]
    stated_day: StatedDay | None
    correction: Correction | None = None
    notes: tuple[str, ...] = ()  # how places and people were found, and names that are no partner


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
    _find_partners: Callable[[str], list[Match]] = field(init=False, repr=False)
    _unnamed: Callable[[str], str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        from .partners import PARTNER_TYPES

        self.partners = load_partners(self.data_dir / "partners.toml")
        self.places = load_places(self.data_dir / "places.toml")
        self.taxonomy = load_taxonomy(self.data_dir / "taxonomy.toml", frozenset(PARTNER_TYPES))
        excluded = frozenset(w for p in self.places.places for n in (p.name, *p.aliases) for w in n.split())
        self.people = load_people(self.data_dir / "people.toml", excluded)
        self.corrections = load_corrections(self.data_dir / "corrections.toml")
        self.terms = TermIndex(self.taxonomy.terms())
        # One item's fields are searched for partners three times (names, places, abroad).
        self._find_partners = lru_cache(maxsize=8)(self.partners.find)
        self._unnamed = lru_cache(maxsize=8)(self._text_without_names)

    def partner_aliases(self) -> dict[str, str]:
        """Alias or acronym -> canonical partner name (for filters such as partner=ICRC)."""
        return {form: p.name for p in self.partners.partners for form in (*p.aliases, *p.acronyms)}

    def partner_types(self) -> dict[str, str]:
        """Partner name -> type: a listed partner's own, else the type its name's shape gives
        ("Khazar University" academic), else "unknown"."""
        return _TypeBook({p.name: p.type for p in self.partners.partners}, self.partners.shapes)

    def labels(self) -> dict[str, str]:
        """Category and theme id -> display name, as taxonomy.toml gives them."""
        return {label.id: label.name for label in (*self.taxonomy.categories, *self.taxonomy.themes)}

    def enrich(self, item: Item) -> Item:
        return self.analyse(item).item

    def analyse(self, item: Item) -> Enrichment:
        text = f"{item.title}\n\n{item.body}"
        head, lead = item.title, _is_lead_title(item.title, item.body)
        if lead and head.endswith("…"):  # no headline: the rules read the whole first sentence
            head = first_sentence(item.body)
        dropped: dict[str, str] = {}
        title_partners, body_partners = self._partners(head, dropped), self._partners(item.body, dropped)
        if lead:  # the title is the body's first sentence: its names are the body's
            named = {p.name for p in body_partners}
            title_partners = [p for p in title_partners if p.name in named]
        partners = tuple({p.name: p for p in (*body_partners, *title_partners)}.values())
        partners = tuple(sorted(partners, key=lambda p: p not in title_partners))
        listed_places = self._places(item.title, item.body)
        villages = [v for v in self.places.villages(text) if v not in listed_places]
        views = (
            self._view("title", head, title_partners, self.taxonomy.title_weight),
            self._view("body", item.body, body_partners, 1.0),
        )
        category, themes = decide_category(self.taxonomy, views), decide_themes(self.taxonomy, views)
        period = Period(item.period_start, item.period_end, "")
        day = activity_day(item.title, item.body, period)
        enriched = item.replace(
            category=category.chosen[0],
            themes=themes.chosen,
            partners=tuple(p.name for p in partners),
            places=tuple(dict.fromkeys((*listed_places, *villages))),
            # a name that is a listed partner's ("Milli Majlis", "Wafaqi Mohtasib") is no person
            people=tuple(p for p in self.people.find(text) if self.partners.canonical(p) is None),
            date=day.day if day else item.period_start,
            date_precision="day" if day else "month",
        )
        correction = self.corrections.get(item.id)
        if correction:
            enriched = correction.apply(enriched)
        notes = self._notes(enriched, villages, dropped, {p.name for p in partners})
        return Enrichment(enriched, category, themes, partners, day, correction, notes)

    def _places(self, title: str, body: str) -> tuple[str, ...]:
        """Places of the headline and body; a foreign country of the body only where something
        happened ("in Norway", "visit to Peru", "Porto, Portugal"), not as background
        ("Armenia fired missiles", "Turkey's experience")."""
        in_title = self.places.find(self._unnamed(title))
        unnamed = self._unnamed(body)
        where = set(self.places.found_after(unnamed, LOCATIVE | {"from", "visiting"}, after_place=True))
        in_body = [p for p in self.places.find(unnamed) if p in where or not self.places.is_foreign_country(p)]
        return tuple(dict.fromkeys((*in_title, *in_body)))

    def _notes(self, item: Item, villages: list[str], dropped: dict[str, str], kept: set[str]) -> tuple[str, ...]:
        """What `explain` says about places, people and names that are not partners."""
        listed_people = {p.name for p in self.people.people}
        notes = [f"place {p}: " + ("named as a village, settlement, town or district" if p in villages else "places.toml")
                 for p in item.places]
        notes += [f"person {p}: " + ("people.toml" if p in listed_people else "printed with an office")
                  for p in item.people]
        notes += [f"not a partner: {name} ({why})" for name, why in dropped.items() if name not in kept]
        return tuple(notes)

    def _view(self, name: str, text: str, partners: list[PartnerFind], factor: float) -> FieldView:
        tokens = Tokens.of(text)
        tags = {f"partner:{p.type}" for p in partners}
        if any(self.places.is_abroad(p) for p in self.places.found_after(self._unnamed(text), LOCATIVE)):
            tags.add("abroad")
        if name == "title" and _ATTRIBUTED.search(text.strip()):
            tags.add("attributed")
        return FieldView(name, tokens, self.terms.match(tokens), frozenset(tags), factor)

    def _text_without_names(self, text: str) -> str:
        """The text with listed partners' names blanked: "Turkey" in "Human Rights and
        Equality Institution of Turkey" is part of a name, not a place of the activity."""
        norm = normalise(text)
        for m in self._find_partners(text):
            if not _LOCAL_BODY.match(m.text):  # "Baku City Executive Power" acts in Baku
                norm = norm[:m.start] + " " * (m.end - m.start) + norm[m.end:]
        return norm

    def _partners(self, text: str, dropped: dict[str, str]) -> list[PartnerFind]:
        found: dict[str, PartnerFind] = {}
        matches, masked = [], text
        found_matches = self._find_partners(text)
        spans = {m.text: mention_spans(text, m.text) for m in found_matches}
        for m in found_matches:
            why = self._passing(text, m, _own_spans(m.text, spans))
            if why != "namesake":  # a namesake's words stay for the name patterns to read
                masked = _blank(masked, m.text)
            if why is not None:
                dropped.setdefault(m.canonical, "the start of a foreign body's name" if why == "namesake" else why)
            else:
                matches.append(m)
                found.setdefault(m.canonical, PartnerFind(m.canonical, self.partners.type_of(m.canonical), f"list: {m.text}", True))
        for place in foreign_ombudsmen(text, self.places.find, HOME):
            name = self.partners.ombudsman_of(place) or f"Ombudsman of {place}"
            known = name in self.partners.by_name
            kind = self.partners.type_of(name) if known else "foreign ombudsman/NHRI"
            found.setdefault(name, PartnerFind(name, kind, f"ombudsman of {place}", known))
        for kind, country, host in office_bodies(text, self.places.by_adjective, self._country_named, HOME_COUNTRY):
            if kind == "ombudsman":
                name = self.partners.ombudsman_of(country) or f"Ombudsman of {country}"
                how, unknown_type = f"counterpart: the ombudsman of {country}", "foreign ombudsman/NHRI"
            else:
                printed = f"Embassy of {country} in {host}"
                name, how, unknown_type = self.partners.canonical(printed) or printed, f"office: {country}'s ambassador or embassy", "diplomatic mission"
            known = name in self.partners.by_name
            found.setdefault(name, PartnerFind(name, self.partners.type_of(name) if known else unknown_type, how, known))
        listed = [normalise(m.text).lower() for m in matches]
        for org in (o for found_org in find_organisations(masked) for o in self._split_shared(found_org)):
            if not self._new_organisation(org.name, listed):
                continue
            why = self._unit_or_source(text, org.name, matches)
            if why:
                dropped.setdefault(org.name, why)
                continue
            ptype, word = self.partners.type_by_shape(org.name)
            found.setdefault(org.name, PartnerFind(org.name, ptype, f"pattern: {org.name}", False, word))
        return list(found.values())

    def _passing(self, text: str, m: Match, spans: list[tuple[int, int]]) -> str | None:
        """Why every mention of a listed name is passing (None: at least one is not)."""
        media = self.partners.type_of(m.canonical) == "media"
        reasons = []
        for start, end in spans or [(0, 0)]:
            before, after = context(text, start, end)
            why = (self.partners.roles.passing(text, start, end, media) or self.partners.mentions.passing(before, after, media)
                   or self._namesake(m, after))
            if why is None:
                return None
            reasons.append(why)
        return reasons[0]

    def _country_named(self, name: str) -> str | None:
        """The country a name begins with ("Azerbaijan Zacharie Gross" -> Azerbaijan), if any."""
        if any(name == h or name.startswith(h + " ") for h in HOME):
            return HOME_COUNTRY
        countries = [p for p in self.places.find(name) if self.places.by_name[p].kind == "country"]
        return countries[0] if countries and name.startswith(tuple(self._forms(countries[0]))) else None

    def _forms(self, place: str) -> tuple[str, ...]:
        p = self.places.by_name[place]
        return (p.name, *p.aliases, "Republic of", "Kingdom of", "State of")

    def _namesake(self, m: Match, after: str) -> str | None:
        """A home body's alias that begins a foreign body's name: "National Assembly of Ruritania"."""
        partner = self.partners.by_name.get(m.canonical)
        tail = re.match(r"\s+of\s+(?:the\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)", after)
        if not partner or partner.country != HOME_COUNTRY or not tail:
            return None
        places = self.places.find(tail.group(1))
        return "namesake" if places and self.places.is_abroad(places[0]) else None

    def _split_shared(self, org: OrgMention) -> list[OrgMention]:
        """Places sharing one body's name: "Shaki and Gabala City Culture Departments"
        is a department of each city."""
        m = _SHARED_HEAD.match(org.name)
        if not m or not all(self.places.find(m.group(i)) for i in (1, 2)):
            return [org]
        rest = re.sub(r"s$", "", m.group(3))
        return [OrgMention(f"{m.group(i)} {rest}") for i in (1, 2)]

    def _new_organisation(self, name: str, listed: list[str]) -> bool:
        """A pattern's find counts unless it overlaps a listed partner's mention ("Republic
        Art Museum" inside the listed "... Art Museum named after A. Mammadov") or is only a
        place ("Russian Federation", "Chechen Republic of the Russian Federation")."""
        norm = normalise(name).lower()
        if any(norm in m or m in norm for m in listed):
            return False
        rest = self.places.without_places(name)
        if needs_place(name) and rest == name:
            return False
        return has_head_noun(rest) and (names_one_body(rest) or (rest != name and named_by_place(name)))

    def _unit_or_source(self, text: str, name: str, listed: list[Match]) -> str | None:
        """A found name that is a unit of a named body or of the office ("Expert Council under
        the State Water Agency", "Department of ... of the Ombudsman Office"), or a news
        source ("told the Northern Bureau of Daily News")."""
        for start, end in mention_spans(text, " ".join(normalise(name).split())):
            before, after = context(text, start, end, 120)
            if self.partners.mentions.passing(before, after, media=False):
                return "named in passing"
            kind = self.partners.roles.passing(text, start, end)
            if kind:
                return kind
            if is_venue(name) and re.search(r"\b(?:at|in)(?: the)?\s*$", before):
                return "a venue"
            owner = _OWNER.match(after)
            tail = normalise(after[owner.end():]) if owner else ""
            if owner and (re.match(r" (?:Ombuds|Office|Commissioner)", tail) or any(tail.startswith(f" {m.text} ") for m in listed)):
                return "a unit of a named body"
            if self.partners.mentions.passing(before, "", media=True) and re.search(r"\b(?:told|according to)(?: the)?\s*$", before):
                return "a news source"
        return None


# "... with X and Y of the <owner>": each capitalised word stands apart (a word then spaces),
# so a long run of capitals can be read one way only (an optional space between words made
# the match exponential: 30 s on one all-caps sentence)
_OWNER = re.compile(r"(?:\s+(?:with|for|on|and)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)*\s+(?:of|under|at)\s+(?:the\s+)?")


class _TypeBook(dict):
    """Listed partners' types; a name not listed gets the type of its shape when asked."""

    def __init__(self, listed: dict[str, str], shapes: tuple[tuple[str, str], ...]) -> None:
        super().__init__(listed)
        self.shapes = shapes  # plain data: the book pickles small (exports run in a helper process)
        self.by_shape: dict[str, str] = {}  # names already read: a chart asks once per row

    def get(self, name, default=None):
        found = super().get(name)
        if found is None and isinstance(name, str):
            found = self.by_shape.get(name)
            if found is None:
                found = self.by_shape[name] = type_by_shape(name, self.shapes)[0]
        if found is None or found == UNKNOWN_TYPE:
            return default if default is not None else UNKNOWN_TYPE
        return found


def _blank(text: str, printed: str) -> str:
    """The text with every printing of a found name replaced by a stop, so the name patterns
    neither find it again nor run it together with its neighbours."""
    for start, end in reversed(mention_spans(text, printed)):
        text = text[:start] + " ; " + text[end:]
    return text


def _is_lead_title(title: str, body: str) -> bool:
    """An item without a headline: its title is the start of its body's first sentence."""
    head = " ".join(title.removesuffix("…").split())
    return bool(head) and head in " ".join(body[: len(title) + 200].split())


def _own_spans(printed: str, spans: dict[str, list[tuple[int, int]]]) -> list[tuple[int, int]]:
    """The printings of a name that are not part of a longer found name ("OSCE" inside
    "OSCE Parliamentary Assembly")."""
    longer = [o for other, places in spans.items() if other != printed for o in places]
    return [s for s in spans[printed] if not any(o[0] <= s[0] and s[1] <= o[1] and o != s for o in longer)]
