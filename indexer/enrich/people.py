"""Named persons: a curated list for canonical spelling, and name patterns for the rest."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..parse.words import zipf
from .gazetteer import Form, Gazetteer
from .vocab import data_dir, TomlFile, required_str, string_list

_WORD = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
_RUN = re.compile(rf"{_WORD}(?:\s+{_WORD})+")
# Surname endings common in the region (Aliyeva, Safikhanli, Mammadzade, Ioseliani, Petrenko...).
_SURNAME = re.compile(
    r"(?:ova|ov|eva|ev|yeva|yev|li|lu|zade|zada|zadeh|yan|ian|iani|enko|ski|sky|skaya|vic|vich"
    r"|dze|shvili|oglu|qizi|gizi|kyzy|uly|ovna|ayev|iyev|bayli|beyli|khanli|ly)$"
)
_TITLE_BEFORE = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Professor|Ambassador|Minister|Ombudsman|Ombudsperson|Commissioner|"
    r"Chairman|Chairwoman|Chairperson|Rector|Director|President|Deputy|Judge|Mayor|Governor|Sheikh|"
    r"Coordinator|Representative|Secretary|Chief|Head)\.?,?\s+|\b(?:of|from)\s+\w+,\s+)$"
)
_ROLE_AFTER = re.compile(
    r"^,\s+(?:the\s+|a\s+)?(?:Head|Chairman|Chairwoman|Chair|Director|Deputy|Minister|Ambassador|Rector|"
    r"President|Ombudsman|Ombudsperson|Commissioner|Representative|Coordinator|Advis[oe]r|Member|"
    r"Secretary|Executive|Chief|Professor|Dean|Manager|Expert|Judge|Mayor|Governor|Vice)"
)
COMMON = 4.0  # Zipf: words this common in English are not names here ("Great", "Leader")


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    aliases: tuple[str, ...] = ()
    role: str = ""


@dataclass(slots=True)
class PeopleBook:
    people: tuple[Person, ...]
    excluded_words: frozenset[str] = frozenset()  # place and partner words: not names
    gazetteer: Gazetteer = field(init=False)

    def __post_init__(self) -> None:
        self.gazetteer = Gazetteer(
            Form(p.name, t, case_sensitive=False, capitalised=True) for p in self.people for t in (p.name, *p.aliases)
        )

    def find(self, text: str) -> list[str]:
        """Canonical names of the listed people, then other names the patterns find."""
        found = [m.canonical for m in self.gazetteer.find(text)]
        known = {w for name in found for w in name.split()}
        for name in self._pattern_names(text):
            if not set(name.split()) & known:
                found.append(name)
        return list(dict.fromkeys(found))

    def _pattern_names(self, text: str) -> list[str]:
        out = []
        for m in _RUN.finditer(text):
            words = m.group(0).split()
            while words and (zipf(words[0]) >= COMMON or words[0] in self.excluded_words):
                words.pop(0)
            if not 2 <= len(words) <= 3 or any(w in self.excluded_words for w in words):
                continue
            start = m.start() + m.group(0).index(words[0])
            name = " ".join(words)
            if self._looks_like_person(words, text[:start], text[m.end():]):
                out.append(name)
        return out

    @staticmethod
    def _looks_like_person(words: list[str], before: str, after: str) -> bool:
        if any(zipf(w) >= COMMON for w in words[1:]):
            return False
        return bool(
            _SURNAME.search(words[-1].lower())
            or _TITLE_BEFORE.search(before[-40:])
            or _ROLE_AFTER.match(after)
        )


def load_people(path: Path | None = None, excluded_words: frozenset[str] = frozenset()) -> PeopleBook:
    file = TomlFile(path or data_dir() / "people.toml")
    people = [
        Person(
            name=required_str(file, "person", i, entry, "name"),
            aliases=tuple(string_list(file, "person", i, entry, "aliases")),
            role=str(entry.get("role", "")),
        )
        for i, entry in enumerate(file.entries("person"))
    ]
    return PeopleBook(tuple(people), excluded_words)
