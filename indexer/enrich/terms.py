"""Terms of the vocabulary files: phrases whose words may end in * (prefix), matched on tokens."""
from __future__ import annotations

from dataclasses import dataclass

from .text import Tokens, tokenize_term


@dataclass(frozen=True, slots=True)
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
        return [p for p in self._starts(tokens) if self._matches_from(tokens, p)]

    def _starts(self, tokens: Tokens) -> list[int]:
        first = self.words[0]
        if not first.endswith("*"):
            return tokens.positions.get(first, [])
        prefix = first[:-1]
        return sorted(p for w, ps in tokens.positions.items() if w.startswith(prefix) for p in ps)

    def _matches_from(self, tokens: Tokens, start: int) -> bool:
        if start + len(self.words) > len(tokens.words):
            return False
        for offset, word in enumerate(self.words[1:], 1):
            token = tokens.words[start + offset]
            if word.endswith("*") and not token.startswith(word[:-1]):
                return False
            if not word.endswith("*") and token != word:
                return False
        return True
