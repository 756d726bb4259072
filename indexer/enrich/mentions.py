"""Which mentions of an organisation make it a partner of the item, and which are passing.

A name counts when at least one of its mentions is not passing. Passing: a document or a
project called after the body ("UN Convention on the Rights of the Child", "UN Charter",
"EU-funded project"), a body named as the author of something in the past ("adopted by the
UN General Assembly"), a news agency credited as the source ("Azernews reports", "told
Trend"), or an alias that is the start of a foreign body's name ("National Assembly of
Ruritania" is not the Milli Majlis). The words are data: the [mentions] table of partners.toml.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .text import fold

_FOLD_SPACE = re.compile(r"\s+")


def _phrases(raw: Any, key: str) -> tuple[str, ...]:
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError(f"[mentions] {key} must be a list of phrases")
    return tuple(" ".join(fold(v).split()) for v in value)


@dataclass(frozen=True, slots=True)
class MentionRules:
    """Phrases around a name that make its mention passing (all compared in lower case)."""

    not_before: tuple[str, ...] = ()  # the name is followed by one: "Convention", "Charter"
    not_after: tuple[str, ...] = ()  # the name follows one: "adopted by the"
    credit_before: tuple[str, ...] = ()  # media only: "reports", "informs"
    credit_after: tuple[str, ...] = ()  # media only: "according to", "told"

    @classmethod
    def from_toml(cls, raw: Any) -> "MentionRules":
        if not isinstance(raw, dict):
            raise ValueError("[mentions] must be a table")
        return cls(*(_phrases(raw, k) for k in ("not_before", "not_after", "credit_before", "credit_after")))

    def passing(self, before: str, after: str, media: bool) -> str | None:
        """Why a mention with these words around it is passing, or None."""
        before, after = _words(before), _words(after)
        for phrase in self.not_before + (self.credit_before if media else ()):
            if after.startswith(phrase + " ") or after == phrase:
                return f"named before \"{phrase}\""
        for phrase in self.not_after + (self.credit_after if media else ()):
            if before.endswith(" " + phrase) or before == phrase:
                return f"named after \"{phrase}\""
        return None


def _words(text: str) -> str:
    """Lower-case words with "/" and "-" kept as words ("REPORT.AZ/", "EU-funded")."""
    text = fold(text).replace("/", " / ").replace("-", " ")
    return " ".join(re.findall(r"[\w']+|/", text))


def mention_spans(text: str, printed: str) -> list[tuple[int, int]]:
    """Where a name the gazetteer found (normalised words) is printed in the raw text."""
    pattern = _printed(printed)
    return [(m.start(), m.end()) for m in pattern.finditer(text)] if pattern else []


@lru_cache(maxsize=4096)
def _printed(printed: str) -> re.Pattern[str] | None:
    words = printed.split()
    if not words:
        return None
    return re.compile(r"(?<![\w])" + r"[\W_]+".join(re.escape(w) for w in words) + r"(?![\w])", re.IGNORECASE)


def context(text: str, start: int, end: int, width: int = 60) -> tuple[str, str]:
    return text[max(0, start - width): start], text[end: end + width]
