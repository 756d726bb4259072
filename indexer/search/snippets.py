"""Snippets as structured fragments: plain text pieces, each marked as a match or not.

The page renders them (a match in <mark>) with the text escaped; nothing here is HTML.
"""
from __future__ import annotations

from dataclasses import dataclass

from .engine import analysed_spans

SNIPPET_WORDS = 40


@dataclass(frozen=True, slots=True)
class Fragment:
    text: str
    hit: bool = False

    def to_json(self) -> dict[str, object]:
        return {"text": self.text, "hit": self.hit}


def _spans(text: str, terms: frozenset[str]) -> list[tuple[int, int, bool]]:
    return [(start, end, form in terms) for form, start, end in analysed_spans(text)]


def fragments(text: str, terms: frozenset[str]) -> tuple[Fragment, ...]:
    """The whole text cut into matched and unmatched pieces."""
    return _cut(text, [(s, e) for s, e, hit in _spans(text, terms) if hit], 0, len(text))


def snippet(text: str, terms: frozenset[str], words: int = SNIPPET_WORDS) -> tuple[Fragment, ...]:
    """About `words` words around the densest run of matches (the opening if none)."""
    spans = _spans(text, terms)
    if not spans:
        return (Fragment(text),) if text else ()
    best = max(range(len(spans)), key=lambda i: (sum(h for _, _, h in spans[i:i + words]), -i)) if terms else 0
    start = max(0, best - words // 4) if spans[best][2] else 0
    window = spans[start:start + words]
    lo = window[0][0] if start else 0
    hi = window[-1][1] if start + words < len(spans) else len(text)
    out = list(_cut(text, [(s, e) for s, e, h in window if h], lo, hi))
    if lo > 0:
        out.insert(0, Fragment("… "))
    if hi < len(text):
        out.append(Fragment(" …"))
    return tuple(out)


def _cut(text: str, hits: list[tuple[int, int]], lo: int, hi: int) -> tuple[Fragment, ...]:
    out: list[Fragment] = []
    pos = lo
    for start, end in hits:
        if start > pos:
            out.append(Fragment(text[pos:start]))
        out.append(Fragment(text[start:end], True))
        pos = end
    if pos < hi:
        out.append(Fragment(text[pos:hi]))
    return tuple(f for f in out if f.text)
