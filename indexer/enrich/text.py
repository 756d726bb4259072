"""Item text as lower-cased word tokens with sentence numbers, for rule matching."""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field

_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
# A sentence ends at . ! ? followed by a space and a capital, digit or quote; or at a paragraph.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[A-Z0-9“\"(])|\n\s*\n")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})


def fold(text: str) -> str:
    """Lower case with one kind of apostrophe: the form rules and gazetteers match on."""
    return text.translate(_APOSTROPHES).lower()


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text) if s and s.strip()]


@dataclass(slots=True)
class Tokens:
    """Tokens of one field (headline or body) and where each word occurs."""

    words: list[str] = field(default_factory=list)
    sentence_of: list[int] = field(default_factory=list)
    positions: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    _sorted: list[str] | None = None

    def starting_with(self, prefix: str) -> list[int]:
        """Positions of every word that begins with `prefix`, in text order."""
        if self._sorted is None:
            self._sorted = sorted(self.positions)
        i, out = bisect_left(self._sorted, prefix), []
        while i < len(self._sorted) and self._sorted[i].startswith(prefix):
            out.extend(self.positions[self._sorted[i]])
            i += 1
        return sorted(out)

    @classmethod
    def of(cls, text: str) -> "Tokens":
        tokens = cls()
        for n, sentence in enumerate(sentences(text)):
            for word in _TOKEN.findall(fold(sentence)):
                tokens.positions[word].append(len(tokens.words))
                tokens.words.append(word)
                tokens.sentence_of.append(n)
        return tokens


def tokenize_term(term: str) -> list[str]:
    """A rule's term as the same tokens, keeping a trailing * on a word (prefix match)."""
    return re.findall(r"[a-z0-9]+(?:'[a-z]+)?\*?", fold(term))
