"""Splitting a bulletin's printed lines into its header period and its items."""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from .headline import (
    HeadlineColumn, estimate_headline_width, headline_size, is_lead_not_headline, lead_title, name_pairs,
)
from .lines import Line
from .links import find_urls, is_bare_links, split_link_phrase
from .paragraphs import corpus_words, join_lines, normalise, paragraph_breaks, to_paragraphs
from .period import Period, PeriodError, find_period

_SEPARATOR = re.compile(r"^\s*(?:\*\s*){3,}$")
_HEADER_WORDS = re.compile(r"\b(?:bulletin|issue|period|covers?|covered)\b", re.IGNORECASE)
MAX_HEADER_LINES = 6


@dataclass(frozen=True, slots=True)
class RawItem:
    """An item before it becomes an `Item`: its words, not yet its id or dates."""

    title: str
    body: str
    links: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SplitResult:
    period: Period | None
    header: str
    items: tuple[RawItem, ...]
    separators: int
    dropped_link_lines: tuple[str, ...] = field(default=())
    period_error: str | None = None  # a header period that is written but impossible


def is_separator(text: str) -> bool:
    return bool(_SEPARATOR.match(text))


def split_bulletin(lines: Sequence[Line]) -> SplitResult:
    """Header period and items of one bulletin, from its lines in reading order."""
    sections = _sections(lines)
    header_len, period, period_error = _header(sections[0])
    header = normalise(" ".join(line.text for line in sections[0][:header_len]))
    sections[0] = sections[0][header_len:]
    url_lines = _url_lines(lines)
    dropped: list[str] = []
    cleaned = [_take_links(s, url_lines, dropped) for s in sections]
    cleaned = [(body, links) for body, links in cleaned if body]
    all_text = "\n".join(line.text for line in lines)
    words, compounds = corpus_words(all_text)
    context = _Context(
        head_column=estimate_headline_width([[ln.text for ln in body] for body, _ in cleaned]),
        blanks_mean_breaks=_blank_lines_are_informative(lines),
        names=name_pairs([line.text for line in lines]),
        words=words,
        compounds=compounds,
    )
    items = tuple(_item(body, links, context) for body, links in cleaned)
    return SplitResult(period, header, items, len(sections) - 1, tuple(dropped), period_error)


@dataclass(frozen=True, slots=True)
class _Context:
    head_column: HeadlineColumn
    names: frozenset[tuple[str, str]]
    blanks_mean_breaks: bool
    words: frozenset[str]
    compounds: frozenset[str]


def _sections(lines: Sequence[Line]) -> list[list[Line]]:
    sections: list[list[Line]] = [[]]
    for line in lines:
        if is_separator(line.text):
            sections.append([])
        elif line.text.strip():
            sections[-1].append(line)
    return sections


def _header(first: Sequence[Line]) -> tuple[int, Period | None, str | None]:
    """How many leading lines form the header sentence, the period it states, and why
    a period it states is impossible."""
    for h in range(1, min(MAX_HEADER_LINES, len(first)) + 1):
        joined = " ".join(line.text.strip() for line in first[:h])
        if not _HEADER_WORDS.search(joined):
            continue
        try:
            period = find_period(joined)
        except PeriodError as exc:
            return h, None, str(exc)
        if period and (joined.endswith(".") or joined.endswith(period.text.split()[-1])):
            return h, period, None
    return 0, None, None


def _url_lines(lines: Sequence[Line]) -> dict[str, set[int]]:
    where: dict[str, set[int]] = defaultdict(set)
    for line in lines:
        for url in find_urls(line.text):
            where[url].add(id(line))
    return where


def _take_links(
    section: Sequence[Line], url_lines: dict[str, set[int]], dropped: list[str]
) -> tuple[list[Line], list[str]]:
    """The section's text lines without link lines, and the item's links in order.

    A bare link line whose every link also stands elsewhere in the bulletin is a
    page-break leftover: it is dropped, never glued to a headline.
    """
    kept: list[Line] = []
    links: list[str] = []
    i = 0
    while i < len(section):
        line = section[i]
        phrase = split_link_phrase(line.text)
        if phrase is not None:
            before, urls = phrase
            if not urls and i + 1 < len(section) and is_bare_links(section[i + 1].text):
                i += 1
                urls = find_urls(section[i].text)
            links.extend(urls)
            if before.strip():
                kept.append(Line(before, line.bold, line.blank_before))
        elif is_bare_links(line.text):
            urls = find_urls(line.text)
            if all(len(url_lines[u] - {id(line)}) > 0 for u in urls):
                dropped.append(line.text.strip())
            else:
                links.extend(urls)
        else:
            kept.append(line)
            links.extend(find_urls(line.text))
        i += 1
    return kept, list(dict.fromkeys(links))


def _blank_lines_are_informative(lines: Sequence[Line]) -> bool:
    """pdftotext often puts a blank line between every two lines; then blanks mean
    nothing. When only some lines follow a blank, the blanks mark paragraphs."""
    content = [ln for ln in lines[1:] if ln.text.strip() and not is_separator(ln.text)]
    if len(content) < 4:
        return False
    share = sum(ln.blank_before for ln in content) / len(content)
    return 0.03 < share < 0.5


def _item(body: list[Line], links: list[str], ctx: _Context) -> RawItem:
    texts = [line.text.strip() for line in body]
    n_head = _headline_lines(body, texts, ctx)
    title = join_lines(texts[:n_head], ctx.words, ctx.compounds)
    # no line could end a headline when the text after it goes on in lower case: prose
    goes_on = n_head < len(texts) and texts[n_head][:1].islower()
    if goes_on or is_lead_not_headline(title):
        # No headline of its own: the body keeps every word, the title is its first sentence.
        body_text = _paragraphs(body, texts, 0, ctx)
        return RawItem(lead_title(body_text), body_text, tuple(links))
    return RawItem(title, _paragraphs(body, texts, n_head, ctx), tuple(links))


def _paragraphs(body: list[Line], texts: list[str], start: int, ctx: _Context) -> str:
    rest = texts[start:]
    if ctx.blanks_mean_breaks:
        breaks = [line.blank_before for line in body[start:]]
    else:
        breaks = paragraph_breaks(rest)
    return "\n\n".join(to_paragraphs(rest, breaks, ctx.words, ctx.compounds))


def _headline_lines(body: Sequence[Line], texts: Sequence[str], ctx: _Context) -> int:
    if body[0].bold:  # the source has fonts: the headline is its leading bold lines
        n = 0
        while n < len(body) and body[n].bold:
            n += 1
        return n
    breaks = [line.blank_before for line in body] if ctx.blanks_mean_breaks else None
    return headline_size(texts, ctx.head_column, breaks, ctx.names)
