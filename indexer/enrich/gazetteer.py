"""Fast multi-pattern matching of names (partners, places, people) in item text.

Text and names are normalised the same way (letters and digits kept, every run of
other characters one space), so "Red-Cross", "Red Cross" and "red  cross" match alike.
All surface forms go into one Aho-Corasick automaton; overlapping matches are
resolved longest first.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from dataclasses import dataclass

import ahocorasick

_NON_ALNUM = re.compile(r"[^0-9A-Za-zÀ-ÿĀ-žƏəİıĞğŞşÇçÖöÜü]+")


@lru_cache(maxsize=256)  # an item's fields are normalised by several readers
def normalise(text: str) -> str:
    """Letters and digits as they are, every other run one space, padded with spaces."""
    return f" {_NON_ALNUM.sub(' ', text).strip()} "


def fold_case(text: str) -> str:
    # One character in, one character out, so offsets stay valid after folding
    # ("İ".lower() is two characters: such a letter is kept as it is).
    folded = text.lower()
    if len(folded) == len(text):
        return folded
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


@dataclass(frozen=True, slots=True)
class Form:
    """One surface form of a name: what it stands for and how strictly it must match."""

    canonical: str
    text: str
    case_sensitive: bool  # acronyms: "ICRC" but not "icrc"
    capitalised: bool = False  # the match must start with a capital letter in the text


@dataclass(frozen=True, slots=True)
class Match:
    canonical: str
    text: str  # as found in the normalised text
    start: int
    end: int


class Gazetteer:
    def __init__(self, forms: Iterable[Form]) -> None:
        self._automaton = ahocorasick.Automaton()
        keys: dict[str, list[Form]] = {}
        for form in forms:
            key = normalise(form.text)
            if key.strip():
                keys.setdefault(fold_case(key), []).append(form)
        for key, forms_ in keys.items():
            self._automaton.add_word(key, (key, tuple(forms_)))
        self._empty = not keys
        if not self._empty:
            self._automaton.make_automaton()
        self._recent: dict[str, list[Match]] = {}  # one item's fields are looked up several times

    def find(self, text: str) -> list[Match]:
        found = self._recent.get(text)
        if found is None:
            if len(self._recent) >= 16:
                self._recent.clear()
            found = self._recent[text] = self._find(text)
        return list(found)

    def _find(self, text: str) -> list[Match]:
        """Non-overlapping matches in text order, the longest winning each overlap."""
        if self._empty:
            return []
        cased = normalise(text)
        folded = fold_case(cased)
        found = []
        for end, (key, forms) in self._automaton.iter(folded):
            start = end - len(key) + 1
            original = cased[start:end + 1]
            for form in forms:
                if self._accepts(form, original):
                    found.append(Match(form.canonical, original.strip(), start, end + 1))
                    break
        return _longest_first(found)

    @staticmethod
    def _accepts(form: Form, original: str) -> bool:
        if form.case_sensitive:
            return original == normalise(form.text)
        if form.capitalised:
            return original.strip()[:1].isupper()
        return True


def _longest_first(matches: list[Match]) -> list[Match]:
    chosen: list[Match] = []
    for m in sorted(matches, key=lambda m: (-(m.end - m.start), m.start)):
        # Keys carry their padding spaces, so neighbours share one space: compare inside.
        if all(m.end - 1 <= c.start + 1 or m.start + 1 >= c.end - 1 for c in chosen):
            chosen.append(m)
    return sorted(chosen, key=lambda m: m.start)
