"""data/places.toml: places of Azerbaijan and abroad, with their aliases and kinds."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..parse.words import zipf
from .gazetteer import Form, Gazetteer, normalise
from .spelling import spelling_key
from .vocab import data_dir, TomlFile, VocabularyError, required_str, string_list

PLACE_KINDS = ("city", "district", "region", "autonomous republic", "country")
NOT_A_PLACE = ""
HOME_COUNTRY = "Azerbaijan"  # canonical of phrases that contain a place name but are not places


_PLACE_NAME = r"[A-Z][a-zəğıöüşç'’-]+(?: [A-Z][a-zəğıöüşç'’-]+)?"
_VILLAGE = re.compile(rf"\b({_PLACE_NAME}) (?:village|settlement)s?\b|\b(?:village|settlement) of ({_PLACE_NAME})\b")
# Coordinated names before one plural head, any number of them: "Garakhanbeyli, Dedeli, and
# Kurdler villages", "the Mammadbeyli and Agalikend villages"
_MEMBERS = re.compile(rf"\b((?:{_PLACE_NAME},\s+)*{_PLACE_NAME},?\s+and\s+){_PLACE_NAME} (?:villages|settlements)\b")
_MEMBER_SPLIT = re.compile(r",\s*(?:and\s+)?|\s+and\s+")
# Towns and districts named as such ("the town of X", "X district", "the city of X"): read
# only when the name is not an English word ("the Central district", "the Old town").
_TOWN = re.compile(rf"\b({_PLACE_NAME}) (?:town|district)\b|\b(?:town|city) of ({_PLACE_NAME})\b")
_SPELLED = re.compile(r"(?<= )[A-ZƏÇŞĞÜÖİ][^\W\d_]{3,}(?= )")  # a capitalised word of the normalised text
_NOT_NAMES = frozenset({"The", "A", "An", "This", "That", "Each", "Every", "Children", "SOS", "Olympic", "Youth"})
COMMON = 3.5  # Zipf: a word this common in English is no town's name here


def _own_words(name: str) -> str:
    """A two-word name without a sentence's opening word before it ("In Gulabad district")."""
    first, _, rest = name.partition(" ")
    return rest if rest and first in _OPENERS else name


_OPENERS = frozenset({"In", "At", "On", "From", "To", "For", "Near", "Of", "With", "By", "Around"})


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    kind: str
    country: str = ""
    aliases: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()  # a country's nationality words: "French", "Moroccan"


@dataclass(slots=True)
class PlaceBook:
    places: tuple[Place, ...]
    not_places: tuple[str, ...] = ()
    gazetteer: Gazetteer = field(init=False)
    by_name: dict[str, Place] = field(init=False)
    by_adjective: dict[str, str] = field(init=False)
    by_key: dict[str, str] = field(init=False)  # spelling key -> the one home place that has it
    _spelled: dict[str, str | None] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        forms = [
            Form(p.name, text, case_sensitive=False, capitalised=True)
            for p in self.places for text in (p.name, *p.aliases)
        ]
        # "Geneva Conventions" is longer than "Geneva", so it absorbs the place match.
        forms += [Form(NOT_A_PLACE, text, case_sensitive=False, capitalised=True) for text in self.not_places]
        self.gazetteer = Gazetteer(forms)
        self.by_name = {p.name: p for p in self.places}
        self.by_adjective = {a: p.name for p in self.places for a in p.adjectives}
        owners: dict[str, set[str]] = {}
        for p in self.places:
            if p.country == HOME_COUNTRY:
                for form in (p.name, *p.aliases):
                    owners.setdefault(spelling_key(form), set()).add(p.name)
        self.by_key = {k: next(iter(v)) for k, v in owners.items() if len(v) == 1 and len(k) >= 4}

    def find(self, text: str) -> list[str]:
        """Canonical places named in the text, in order of first mention; a home place also in
        a spelling the list lacks ("Zengilan" is Zangilan, "Şamaxı" Shamakhi)."""
        matches = self.gazetteer.find(text)
        found = [(m.start, m.canonical) for m in matches if m.canonical != NOT_A_PLACE]
        if self.by_key:
            norm, taken = normalise(text), [(m.start, m.end) for m in matches]
            for word in _SPELLED.finditer(norm):
                place = self.spelled(word.group(0))
                if place and not any(s <= word.start() < e for s, e in taken):
                    found.append((word.start(), place))
        return list(dict.fromkeys(name for _, name in sorted(found)))

    def spelled(self, word: str) -> str | None:
        """The home place a word spells another way (cached: the same words recur)."""
        found = self._spelled.get(word, False)
        if found is False:
            place = self.by_key.get(spelling_key(word))
            found = place if place and zipf(word) < COMMON else None
            if len(self._spelled) < 100_000:
                self._spelled[word] = found
        return found

    def villages(self, text: str) -> list[str]:
        """Villages, settlements, towns and districts named as such ("the Ashagi Oba village
        school", "Yukhari Chaykend village", "the village of Dashli", "the town of X", "X
        district"): too many to list, so read by pattern. Listed places are left to the list."""
        names = [_own_words(m.group(1) or m.group(2)) for m in _VILLAGE.finditer(text)]
        if "villages" in text or "settlements" in text:
            names += [_own_words(n) for m in _MEMBERS.finditer(text) for n in _MEMBER_SPLIT.split(m.group(1)) if n.strip()]
        towns = [_own_words(m.group(1) or m.group(2)) for m in _TOWN.finditer(text)]
        # A village may share a listed district's name ("Agdam village" of Tovuz); a town or
        # district that the list or the home country names is the listed one.
        names += [n for n in towns if all(zipf(w) < COMMON for w in n.split())
                  and n != HOME_COUNTRY and not self.find(n)]
        return list(dict.fromkeys(n for n in names if n.split()[0] not in _NOT_NAMES))

    def found_after(self, text: str, before: frozenset[str], after_place: bool = False) -> list[str]:
        """Canonical places named right after one of the words `before` ("in Ankara",
        "to Hong Kong"): where something happened, not a country mentioned in passing.
        With `after_place`, also a place right after another ("Porto, Portugal")."""
        norm = normalise(text)
        out, last_end = [], -10
        for m in self.gazetteer.find(text):
            previous = [w for w in norm[:m.start + 1].split()[-2:] if w.lower() != "the"][-1:]
            follows = after_place and m.start <= last_end + 1
            if m.canonical != NOT_A_PLACE and (follows or previous and previous[0].lower() in before):
                out.append(m.canonical)
            last_end = m.end - 1 if m.canonical != NOT_A_PLACE else last_end
        return list(dict.fromkeys(out))

    def is_foreign_country(self, name: str) -> bool:
        place = self.by_name.get(name)
        return bool(place and place.kind == "country" and self.is_abroad(name))

    def without_places(self, text: str) -> str:
        """The text with every place name taken out ("Baku Book Center" -> "Book Center")."""
        kept, last = [], 0
        norm = normalise(text)
        for m in self.gazetteer.find(text):
            kept.append(norm[last:m.start + 1])
            last = m.end - 1
        kept.append(norm[last:])
        return " ".join("".join(kept).split())

    def is_abroad(self, name: str) -> bool:
        place = self.by_name.get(name)
        return bool(place and place.country and place.country != HOME_COUNTRY)

    def country(self, name: str) -> Place | None:
        """The place of kind country that a printed name stands for, if any."""
        names = self.find(name)
        place = self.by_name.get(names[0]) if len(names) == 1 else None
        return place if place and place.kind == "country" else None


def load_places(path: Path | None = None) -> PlaceBook:
    file = TomlFile(path or data_dir() / "places.toml")
    places: list[Place] = []
    for i, entry in enumerate(file.entries("place")):
        name = required_str(file, "place", i, entry, "name")
        kind = required_str(file, "place", i, entry, "kind")
        if kind not in PLACE_KINDS:
            raise file.error("place", i, f"place '{name}': kind '{kind}' is not one of: {', '.join(PLACE_KINDS)}")
        adjectives = tuple(string_list(file, "place", i, entry, "adjectives"))
        if adjectives and kind != "country":
            raise file.error("place", i, f"place '{name}': only a country has adjectives")
        places.append(Place(name, kind, str(entry.get("country", "")),
                            tuple(string_list(file, "place", i, entry, "aliases")), adjectives))
    not_places = file.data.get("not_places", [])
    if not isinstance(not_places, list) or not all(isinstance(t, str) for t in not_places):
        raise VocabularyError(file.path, None, "'not_places' must be a list of phrases")
    return PlaceBook(tuple(places), tuple(not_places))
