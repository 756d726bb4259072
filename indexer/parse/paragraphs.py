"""Joining hard-wrapped lines back into paragraphs, repairing words broken at line ends."""
from __future__ import annotations

import re
from collections.abc import Sequence

from .headline import ends_sentence, fit_margin
from .measure import text_width
from .words import rejoin_broken_word

_BROKEN_TAIL = re.compile(r"([A-Za-z][A-Za-z-]*)-$")  # "organi-" / "fact-" at a line's end
_HEAD_WORD = re.compile(r"^([a-z][A-Za-z]*)")
_WS = re.compile(r"\s+")


def normalise(text: str) -> str:
    return _WS.sub(" ", text).strip()


_TAIL_CHARS = 200  # of the paragraph so far, enough for any word a line can end with


def join_lines(lines: Sequence[str], corpus: frozenset[str], compounds: frozenset[str]) -> str:
    """One paragraph from its printed lines.

    A word broken by a hyphen at a line end is rejoined ("organi-" + "zation") when the
    joined form is a known word and the hyphenated form is not one the bulletin uses
    elsewhere; a compound keeps its hyphen ("fact-" + "finding" -> "fact-finding").
    Linear in the paragraph's length: each line looks only at the end of what came before.
    """
    pieces: list[str] = []
    tail = ""  # the last _TAIL_CHARS characters of "".join(pieces)
    for raw in lines:
        line = normalise(raw)
        if not line:
            continue
        if pieces:
            glue, drop_hyphen = _glue(tail, line, corpus, compounds)
            if drop_hyphen:
                pieces[-1], tail = pieces[-1][:-1], tail[:-1]
            line = glue + line
        pieces.append(line)
        tail = (tail + line)[-_TAIL_CHARS:]
    return "".join(pieces)


def _glue(left: str, right: str, corpus: frozenset[str], compounds: frozenset[str]) -> tuple[str, bool]:
    """What goes between the paragraph so far (its end, `left`) and the next line, and
    whether the hyphen ending `left` goes."""
    tail, head = _BROKEN_TAIL.search(left), _HEAD_WORD.match(right)
    if tail and right[:1].isupper():
        return "", False  # "Pre-" + "Trial": a capitalised compound keeps its hyphen
    if not (tail and head):
        return " ", False
    stem, rest = tail.group(1), head.group(1)
    last_part = stem.rsplit("-", 1)[-1]
    if rejoin_broken_word(last_part, rest, corpus, compounds):
        return "", True
    return "", False  # keep the hyphen: "fact-" + "finding"


def corpus_words(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """Words the bulletin itself uses whole, and hyphenated compounds it uses inside lines."""
    words = frozenset(w.lower() for w in re.findall(r"[A-Za-z]{2,}", text))
    compounds = frozenset(
        m.lower() for m in re.findall(r"(?<![A-Za-z-])[A-Za-z]+-[A-Za-z]+", text)
    )
    return words, compounds


def paragraph_breaks(lines: Sequence[str]) -> list[bool]:
    """breaks[i] is True when a new paragraph starts at line i (text rules).

    A paragraph ends on a line that finishes a sentence and stops clearly short of the
    column, before a line that starts with a capital, digit or quote.
    """
    breaks = [False] * len(lines)
    if len(lines) < 2:
        return breaks
    width = max(text_width(t) for t in lines)
    for i in range(1, len(lines)):
        prev, cur = lines[i - 1], lines[i].lstrip()
        if ends_sentence(prev) and cur[:1] and not cur[0].islower():
            breaks[i] = fit_margin(prev, cur, width) > 0.04
    return breaks


def to_paragraphs(
    lines: Sequence[str],
    breaks: Sequence[bool],
    corpus: frozenset[str],
    compounds: frozenset[str],
) -> list[str]:
    paragraphs: list[list[str]] = []
    for line, new in zip(lines, breaks):
        if new or not paragraphs:
            paragraphs.append([])
        paragraphs[-1].append(line)
    joined = (join_lines(p, corpus, compounds) for p in paragraphs)
    return [p for p in joined if p]
