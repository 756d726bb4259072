"""Terms of the vocabulary files: phrases whose words may end in * (prefix), matched on tokens."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .text import Tokens, tokenize_term


@dataclass(frozen=True, slots=True, eq=False)  # identity hash: terms key hot dictionaries
class Term:
    text: str  # as written in the file, for explanations
    words: tuple[str, ...]

    @classmethod
    def parse(cls, text: str) -> "Term":
        words = tuple(tokenize_term(text))
        if not words:
            raise ValueError(f"term {text!r} has no words")
        return cls(text, words)

    def find(self, tokens: Tokens) -> list[int]:
        """Start positions of every match in `tokens`."""
        return [p for p in self._starts(tokens) if self.matches_at(tokens, p)]

    def _starts(self, tokens: Tokens) -> list[int]:
        first = self.words[0]
        if not first.endswith("*"):
            return tokens.positions.get(first, [])
        return tokens.starting_with(first[:-1])

    def matches_at(self, tokens: Tokens, start: int) -> bool:
        if start + len(self.words) > len(tokens.words):
            return False
        for offset, word in enumerate(self.words[1:], 1):
            token = tokens.words[start + offset]
            if word.endswith("*") and not token.startswith(word[:-1]):
                return False
            if not word.endswith("*") and token != word:
                return False
        return True


class TermIndex:
    """All terms of a vocabulary, looked up from the text's words instead of one by one.

    For each distinct word of a field, the terms whose first word is that word (or a
    prefix of it, for "visit*") are tried; so the cost follows the text, not the
    number of rules.
    """

    def __init__(self, terms: Iterable[Term]) -> None:
        self._exact: dict[str, list[Term]] = {}
        self._prefix: dict[str, list[Term]] = {}
        for term in dict.fromkeys(terms):
            first = term.words[0]
            table, key = (self._prefix, first[:-1]) if first.endswith("*") else (self._exact, first)
            table.setdefault(key, []).append(term)
        self._prefix_lengths = sorted({len(p) for p in self._prefix})
        self._seen: dict[str, list[Term]] = {}

    def match(self, tokens: Tokens) -> dict[Term, list[int]]:
        """Every term found in `tokens`, with its start positions."""
        found: dict[Term, list[int]] = {}
        for word, positions in tokens.positions.items():
            for term in self._candidates(word):
                hits = [p for p in positions if term.matches_at(tokens, p)]
                if hits:
                    found.setdefault(term, []).extend(hits)
        return found

    def _candidates(self, word: str) -> list[Term]:
        cached = self._seen.get(word)
        if cached is None:
            if len(self._seen) > 200_000:  # words recur across items; bound the memory anyway
                self._seen.clear()
            cached = self._seen[word] = self._lookup(word)
        return cached

    def _lookup(self, word: str) -> list[Term]:
        out = list(self._exact.get(word, ()))
        for n in self._prefix_lengths:
            if n > len(word):
                break
            out.extend(self._prefix.get(word[:n], ()))
        return out
