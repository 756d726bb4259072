"""Kinds of passing mention: the part a body plays where it is named, read from the shape of
the words around it rather than from phrases of one item.

A body is no partner of the office's act where, at every mention, it is only
- the author or owner of a document-like thing: "the UN Sustainable Development Goals",
  "OHCHR's document", "SPT recommendations", "the Convention of the Council of Europe";
- the doer of another body's act that the office only reports: "proclaimed by the UN General
  Assembly", "a project being implemented by the UN";
- a news outlet credited as the source: "(MENAFN- AzerNews)", "Azernews reports",
  "citing Trend";
- the employer or owner of victims in an incident: "staff members of the State Agency ...
  fell into an anti-tank mine", "a plane crash involving an Azerbaijan Airlines aircraft";
- the subject of a clause the office only reports: "she noted that the X Organization prepared
  a report", "she added that Operational Headquarters under the Cabinet of Ministers was set up".

Each kind's words are a class in partners.toml's [mentions] table (`documents`, `acts`,
`incidents`, `victims`), so staff extend a class, never a phrase.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .text import sentences

# a credit in parentheses or a dateline: "(MENAFN- AzerNews)", "(Trend)"
_CREDIT_BEFORE = re.compile(r"\(\s*(?:[A-Z][\w.]*\s*[-–]\s*)?$")
_CREDIT_AFTER = re.compile(r"^\s*\)")
_MODIFIERS = r"(?:\s+(?-i:[A-Z])[\w'’-]*)"  # capitalised words only: "UN Sustainable Development Goals"


def _words(raw: Any, key: str) -> tuple[str, ...]:
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError(f"[mentions] {key} must be a list of words")
    return tuple(v.strip() for v in value)


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)) or "(?!)"


@dataclass(frozen=True)
class Roles:
    """The word classes of the kinds above, compiled once."""

    documents: tuple[str, ...] = ()
    acts: tuple[str, ...] = ()
    incidents: tuple[str, ...] = ()
    victims: tuple[str, ...] = ()

    @classmethod
    def from_toml(cls, raw: Any) -> "Roles":
        return cls(*(_words(raw, k) for k in ("documents", "acts", "incidents", "victims")))

    def __post_init__(self) -> None:
        docs, incidents, victims = (_alternation(w) for w in (self.documents, self.incidents, self.victims))
        flags = re.IGNORECASE
        set_ = object.__setattr__
        # after the name: its possessive or up to three capitalised words, then the document
        set_(self, "_doc_after", re.compile(rf"^(?:['’]s)?(?:{_MODIFIERS}{{0,3}}?)\s*[-–]?\s*(?:{docs})\b", flags))
        set_(self, "_incident", re.compile(rf"\b(?:{incidents})", flags))
        set_(self, "_victim_after", re.compile(rf"^[\"”’']?\s+(?:{victims})\b", flags))
        # before the name, read from its end ("the Convention of the", "adopted by the",
        # "staff members of the"): sets of words, not a regex search per mention
        set_(self, "_words", {kind: frozenset(w.lower() for w in words) for kind, words in
                              (("documents", self.documents), ("acts", self.acts), ("victims", self.victims))})

    def passing(self, text: str, start: int, end: int, media: bool = False) -> str | None:
        """Why the mention text[start:end] is passing, by kind, or None."""
        before, after = text[max(0, start - 80): start], text[end: end + 80]
        if media and _CREDIT_BEFORE.search(before) and _CREDIT_AFTER.match(after):
            return "a news outlet credited as the source"
        link, head = _link_before(before)
        if self._doc_after.match(after) or (link and self._holds("documents", head)):
            return "the author or owner of a document"
        if link == "by" and self._holds("acts", head):
            return "another body's act, reported"
        if _REPORTED_SUBJECT.search(before):
            return "the subject of a clause the office only reports"
        if (link == "of" and self._holds("victims", head)) or self._victim_after.match(after):
            if self._incident.search(_sentence_at(text, start)):
                return "the employer or owner of victims in an incident"
        return None

    def _holds(self, kind: str, head: tuple[str, ...]) -> bool:
        """Whether the word before the link, or the two before it, is of the class."""
        words = self._words[kind]
        return bool(head) and (head[-1] in words or " ".join(head[-2:]) in words)


_WORDS = re.compile(r"[\w'’-]+")
# "The Ombudsman noted that the Turkish Organization ... prepared a report", "She added that
# Operational Headquarters under the Cabinet of Ministers was set up": the name is in the subject
# of a reported clause (only capitalised words and links between "that" and it)
_REPORTED_SUBJECT = re.compile(
    r"\b(?:noted|said|stated|stressed|added|emphasized|emphasised|reminded|recalled) that"
    r"(?:\s+(?:the|of|for|under|and|[A-Z][\w'’-]*)){0,8}(?:\s+|\s*\()$")  # "(TIHEK)" after its name


def _link_before(before: str) -> tuple[str, tuple[str, ...]]:
    """("of" or "by", the words before it) when the text before a name ends on "of (the)" or
    "by (the)": "the staff members of the" -> ("of", (..., "staff", "members")); else ("", ())."""
    words = _WORDS.findall(before[-60:].lower())
    if words and words[-1] == "the":
        words.pop()
    if len(words) < 2 or words[-1] not in ("of", "by") or not before.rstrip()[-1:].isalpha():
        return "", ()
    return words[-1], tuple(words[-3:-1])


def _sentence_at(text: str, offset: int) -> str:
    """The sentence of `text` that holds `offset`."""
    pos = 0
    for sentence in sentences(text):
        found = text.find(sentence, pos)
        if found <= offset < found + len(sentence):
            return sentence
        pos = max(pos, found)
    return text[max(0, offset - 200): offset + 200]
