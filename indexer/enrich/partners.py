"""data/partners.toml: partner organisations, their aliases, acronyms, types and countries."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .gazetteer import Form, Gazetteer, Match
from .mentions import MentionRules
from .roles import Roles
from .vocab import data_dir, TomlFile, VocabularyError, required_str, string_list

PARTNER_TYPES = (
    "UN agency", "international organisation", "foreign ombudsman/NHRI", "national state body",
    "diplomatic mission", "civil society", "academic", "media", "private sector", "other",
)
UNKNOWN_TYPE = "unknown"  # found by a pattern, not (yet) in partners.toml


@dataclass(frozen=True, slots=True)
class Partner:
    name: str
    type: str
    country: str = ""
    acronyms: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()

    def forms(self) -> list[Form]:
        return (
            [Form(self.name, self.name, case_sensitive=False)]
            + [Form(self.name, a, case_sensitive=False) for a in self.aliases]
            + [Form(self.name, a, case_sensitive=True) for a in self.acronyms]
        )


@dataclass(slots=True)
class PartnerBook:
    partners: tuple[Partner, ...]
    mentions: MentionRules = field(default_factory=MentionRules)
    roles: Roles = field(default_factory=Roles)
    shapes: tuple[tuple[str, str], ...] = ()  # (word, type) in the order they are tried
    gazetteer: Gazetteer = field(init=False)
    by_name: dict[str, Partner] = field(init=False)
    ombudsmen: list[Partner] | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        self.gazetteer = Gazetteer(f for p in self.partners for f in p.forms())
        self.by_name = {p.name: p for p in self.partners}

    def find(self, text: str) -> list[Match]:
        return self.gazetteer.find(text)

    def type_of(self, name: str) -> str:
        partner = self.by_name.get(name)
        return partner.type if partner else UNKNOWN_TYPE

    def type_by_shape(self, name: str) -> tuple[str, str]:
        return type_by_shape(name, self.shapes)

    def ombudsman_of(self, place: str) -> str | None:
        """The listed ombudsman/NHRI of a place: one whose name says the place (the
        Chechen Republic's, not Russia's), else the one seated in that country."""
        ombudsmen = self._ombudsmen()
        named = [p for p in ombudsmen if place.lower() in " ".join((p.name, *p.aliases)).lower()]
        seated = [p for p in ombudsmen if p.country == place]
        for p in named or seated:
            return p.name
        return None

    def _ombudsmen(self) -> list[Partner]:
        if self.ombudsmen is None:
            self.ombudsmen = [p for p in self.partners if p.type == "foreign ombudsman/NHRI" or "Ombudsman" in p.name]
        return self.ombudsmen

    def canonical(self, printed: str) -> str | None:
        """The known partner a printed name stands for exactly, if any."""
        matches = self.find(printed)
        if len(matches) == 1 and len(matches[0].text) >= len(" ".join(printed.split())) - 2:
            return matches[0].canonical
        return None


def type_by_shape(name: str, shapes: tuple[tuple[str, str], ...]) -> tuple[str, str]:
    """(type, the word that gave it) for a body not listed, from its name's words and the
    (word, type) pairs of [types_by_shape]: "Khazar University" is academic."""
    for word, ptype in shapes:
        if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", name):
            return ptype, word
    return UNKNOWN_TYPE, ""


def load_partners(path: Path | None = None) -> PartnerBook:
    file = TomlFile(path or data_dir() / "partners.toml")
    partners: list[Partner] = []
    names: set[str] = set()
    for i, entry in enumerate(file.entries("partner")):
        name = required_str(file, "partner", i, entry, "name")
        ptype = required_str(file, "partner", i, entry, "type")
        if ptype not in PARTNER_TYPES:
            raise file.error("partner", i, f"partner '{name}': type '{ptype}' is not one of: {', '.join(PARTNER_TYPES)}")
        if name in names:
            raise file.error("partner", i, f"partner '{name}' is listed twice")
        names.add(name)
        partners.append(Partner(
            name=name,
            type=ptype,
            country=str(entry.get("country", "")),
            acronyms=tuple(string_list(file, "partner", i, entry, "acronyms")),
            aliases=tuple(string_list(file, "partner", i, entry, "aliases")),
        ))
    try:
        mentions = MentionRules.from_toml(file.data.get("mentions", {}))
        roles = Roles.from_toml(file.data.get("mentions", {}))
    except ValueError as exc:
        raise VocabularyError(file.path, file.text.count("\n", 0, max(file.text.find("[mentions]"), 0)) + 1, str(exc)) from None
    return PartnerBook(tuple(partners), mentions, roles, _shapes(file))


def _shapes(file: TomlFile) -> tuple[tuple[str, str], ...]:
    raw = file.data.get("types_by_shape", {})
    line = file.text.count("\n", 0, max(file.text.find("[types_by_shape]"), 0)) + 1
    if not isinstance(raw, dict):
        raise VocabularyError(file.path, line, "[types_by_shape] must be a table of type = [words]")
    out = []
    for ptype, words in raw.items():
        if ptype not in PARTNER_TYPES:
            raise VocabularyError(file.path, line, f"[types_by_shape]: '{ptype}' is not one of: {', '.join(PARTNER_TYPES)}")
        if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
            raise VocabularyError(file.path, line, f"[types_by_shape] '{ptype}' must be a list of words")
        out += [(w.strip(), ptype) for w in words]
    return tuple(out)
