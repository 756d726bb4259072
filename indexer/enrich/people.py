"""Named persons: a curated list for canonical spelling, and name patterns for the rest.

People are a search facet, so only officials and public figures may become one: those listed
in people.toml, and names printed with an office ("Ambassador X", "X, Head of ...", "the
Ombudsman of Kazakhstan, X"). A name with no office beside it (a detainee, a victim, a
complainant) is never taken, however name-like: privacy matters more here than recall.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..parse.words import zipf
from .gazetteer import Form, Gazetteer, normalise
from .orgs import has_head_noun
from .vocab import data_dir, TomlFile, required_str, string_list

_WORD = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
# Words of one name are apart by spaces and at most one line break: a blank line ends a
# paragraph (or the headline), so a name ending the headline does not run into the body's.
_SPACE = r"(?:[^\S\n]+\n?[^\S\n]*|\n[^\S\n]*)"
_RUN = re.compile(rf"{_WORD}(?:{_SPACE}{_WORD})+")
_OFFICE = (
    r"Ambassador|Minister|Ombudsman|Ombudswoman|Ombudsperson|Commissioner|Chairman|Chairwoman|Chairperson|"
    r"Rector|Director|President|Deputy|Judge|Mayor|Governor|Sheikh|Coordinator|Representative|Secretary|Defender|"
    r"Chief|Head|Professor|Prof|Dr|Adviser|Advisor|Speaker|Mediator|Counsellor|Consul|Attache|Attaché|"
    r"Affaires|Delegate|Members?|Staff|Employees?|Representatives?|Officials?|Officers?|Spokes\w+"
)
# An office in the same clause before the name ("Ambassador X", "the Ombudsman of Kazakhstan,
# X", "staff members Mr. X and Ms. Y"). "Mr"/"Ms" alone is no office.
_TITLE_BEFORE = re.compile(rf"\b(?:{_OFFICE})\b[^.;:!?“”\"()]{{0,70}}$", re.IGNORECASE)
# ... unless a private role stands between ("the Head of the colony and the detainee X").
_PRIVATE = re.compile(
    r"\b(?:detainees?|prisoners?|convicts?|inmates?|victims?|accused|suspects?|complainants?|applicants?"
    r"|residents?|citizens?|child|children|mother|father|wife|husband|son|daughter|patients?|families|family)\b"
    r"[^.;:!?]*$",
    re.IGNORECASE,
)
_IS_OFFICE = re.compile(rf"(?:{_OFFICE})", re.IGNORECASE)
_ORG_NEXT = re.compile(r"^\s+(?:Foundation|University|Center|Centre|Institute|Street|Avenue|Park|Prize|Award)\b")
_BORN = re.compile(r"^\s*\(born\b|^,?\s+(?:aged|born)\b")
_ROLE_AFTER = re.compile(
    r"^,\s+(?:the\s+|a\s+)?(?:Head|Chairman|Chairwoman|Chair|Director|Deputy|Minister|Ambassador|Rector|"
    r"President|Ombudsman|Ombudsperson|Commissioner|Representative|Coordinator|Advis[oe]r|Member|"
    r"Secretary|Executive|Chief|Professor|Dean|Manager|Expert|Judge|Mayor|Governor|Vice)"
)
# The words after a body's head noun and "for"/"of" are the rest of its name ("Deportation
# Center for Irregular Migrants"), not a person.
_HEAD_LINK = re.compile(r"(\S+)\s+(?:for|of)\s+(?:the\s+)?$")


def _in_org_name(before: str) -> bool:
    m = _HEAD_LINK.search(before[-60:])
    return bool(m and has_head_noun(m.group(1)))


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
        norm = normalise(text)
        # "the Heydar Aliyev Foundation" names a body, not the person
        found = [m.canonical for m in self.gazetteer.find(text) if not _ORG_NEXT.match(norm[m.end - 1:])]
        known = {w for name in found for w in name.split()}
        for name in self._pattern_names(text):
            if not set(name.split()) & known:
                found.append(name)
        return list(dict.fromkeys(found))

    def _pattern_names(self, text: str) -> list[str]:
        out = []
        # Words the item also prints in lower case are common nouns ("Detention Isolator").
        lower = set(re.findall(r"(?<![\w-])[a-z][a-z-]+", text))
        for m in _RUN.finditer(text):
            words = m.group(0).split()
            while words and (zipf(words[0]) >= COMMON or words[0] in self.excluded_words or _IS_OFFICE.fullmatch(words[0])):
                words.pop(0)
            if not 2 <= len(words) <= 3 or any(w in self.excluded_words or w.lower() in lower for w in words):
                continue
            if has_head_noun(" ".join(words)) or _ORG_NEXT.match(text[m.end():]) or any(_IS_OFFICE.fullmatch(w) for w in words):
                continue
            if _in_org_name(text[:m.start()]):
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
        window = re.sub(r"\b(Mr|Ms|Mrs|Dr|Prof)\.", r"\1", before[-70:])  # "Mr." ends no clause
        if _PRIVATE.search(window) or _BORN.match(after):
            return False
        return bool(_TITLE_BEFORE.search(window) or _ROLE_AFTER.match(after))


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
