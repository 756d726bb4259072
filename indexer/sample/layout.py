"""The printed lines of a bulletin, computed once and rendered by both the text and PDF writers.

Lines are wrapped by measured width in the font the PDF uses, so the .txt (which imitates
what pdftotext makes of the PDF) and the .pdf hold the same words on every line. Page
breaks are decided here too, because a real bulletin's page break shows in its text: a block
of bare links repeated at the top of a new page.
"""
from __future__ import annotations

import random
import re
from collections import deque
from dataclasses import dataclass
from typing import Callable

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth

from indexer.sample.compose import Bulletin, Entry
from indexer.sample.hyphenation import break_points

PAGE_WIDTH, PAGE_HEIGHT = A4
LEFT = 45.0
TOP = PAGE_HEIGHT - 60.0  # first baseline of a page
BOTTOM = 60.0  # no baseline below this
MASTHEAD = 70.0  # room above the header on page 1, where a banner is drawn

KINDS = ("header", "headline", "body", "link", "separator", "pagebreak_links")
# kind: (font, size, leading)
FONTS: dict[str, tuple[str, float, float]] = {
    "header": ("Times-Roman", 11.5, 15.0),
    "headline": ("Times-Bold", 13.0, 17.0),
    "body": ("Times-Roman", 11.5, 15.0),
    "link": ("Times-Roman", 11.5, 15.0),
    "separator": ("Times-Roman", 11.5, 15.0),
    "pagebreak_links": ("Times-Roman", 10.0, 12.5),
}
# Extra space above a line that opens a new block.
GAP_BEFORE_HEADLINE, GAP_AFTER_HEADLINE, GAP_PARAGRAPH, GAP_SEPARATOR = 8.0, 5.0, 5.0, 6.0
GAP_AFTER_PAGEBREAK_LINKS = 12.0

HYPHEN_TRY = 0.9  # chance to break a breakable word that ends up at a line end
NARROW_SHARE = 0.5  # items whose body runs beside a photo
MAX_HEADLINE_LINES = 3
WIDE = 505.0  # the text column's full width
# A word that must not end a line inside a paragraph: a sentence end (so a line ending in a
# full stop always closes its paragraph) or a dash ("26th June-"), so that a line ending in
# "-" always means a word broken by the typesetter.
_MOVES_DOWN = re.compile(r"([.!?][”\"’')]*|-)$")


@dataclass(frozen=True, slots=True)
class PrintedLine:
    """One printed line: where it is on which page, and what it belongs to."""

    text: str
    kind: str
    page: int = 0
    x: float = LEFT
    y: float = 0.0  # baseline, from the bottom of the page as PDF counts
    gap_before: float = 0.0
    para_end: bool = False  # last line of a body paragraph
    item: int = -1  # index of the entry, -1 for the header and page-break links

    @property
    def font(self) -> tuple[str, float]:
        name, size, _ = FONTS[self.kind]
        return name, size

    @property
    def height(self) -> float:
        return self.gap_before + FONTS[self.kind][2]


@dataclass(frozen=True, slots=True)
class Photo:
    """A grey box beside a narrow body, standing for the photo of a real bulletin."""

    page: int
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True, slots=True)
class Layout:
    lines: tuple[PrintedLine, ...]
    photos: tuple[Photo, ...]
    pages: int


def wrap(text: str, kind: str, width: float, hyphenate: Callable[[], bool]) -> list[str]:
    """Greedy fill by measured width; `hyphenate()` says whether to break a word that spills.

    A line inside a paragraph never ends with a sentence end or a dash (the word moves down
    instead): see `_MOVES_DOWN`.
    """
    font, size, _ = FONTS[kind]

    def fits(words: list[str]) -> bool:
        return stringWidth(" ".join(words), font, size) <= width

    pending, lines, current = deque(text.split()), [], []
    while pending:
        word = pending.popleft()
        if not current or fits(current + [word]):
            current.append(word)
            continue
        split = _split(current, word, fits)
        if split and hyphenate():
            current.append(split[0])
            pending.appendleft(split[1])
        elif len(current) > 1 and _MOVES_DOWN.search(current[-1]):
            pending.appendleft(word)
            word = current.pop()
            pending.appendleft(word)
        else:
            pending.appendleft(word)
        lines.append(" ".join(current))
        current = []
    if current:
        lines.append(" ".join(current))
    return lines


def _split(current: list[str], word: str,
           fits: Callable[[list[str]], bool]) -> tuple[str, str] | None:
    heads = [(head, tail) for head, tail in break_points(word) if fits(current + [head])]
    return heads[-1] if heads else None


def lay_out(bulletin: Bulletin, rng: random.Random) -> Layout:
    """All printed lines of the bulletin, placed on pages."""
    headline_width = rng.uniform(330.0, 370.0)
    wide, narrow = rng.uniform(WIDE - 15.0, WIDE), rng.uniform(300.0, 330.0)
    flow = _Flow(rng)
    flow.place([PrintedLine(t, "header") for t in wrap(bulletin.header, "header", WIDE, _never)])
    for index, entry in enumerate(bulletin.entries):
        body_width = narrow if rng.random() < NARROW_SHARE else wide
        block = _entry_lines(entry, index, headline_width, body_width, rng)
        flow.place_item(block, photo_width=wide - body_width - 15.0)
    return Layout(tuple(flow.lines), tuple(flow.photos), flow.page + 1)


def _never() -> bool:
    return False


def _entry_lines(entry: Entry, index: int, headline_width: float, body_width: float,
                 rng: random.Random) -> list[PrintedLine]:
    budget = [1 if rng.random() < 0.6 else 2]  # hyphen breaks this item may still make

    def hyphenate() -> bool:
        if budget[0] > 0 and rng.random() < HYPHEN_TRY:
            budget[0] -= 1
            return True
        return False

    headline = wrap(entry.headline, "headline", headline_width, _never)
    if len(headline) > MAX_HEADLINE_LINES:
        headline = wrap(entry.headline, "headline", WIDE, _never)  # a long one spans the page
    lines = [PrintedLine(t, "headline", item=index,
                         gap_before=GAP_BEFORE_HEADLINE if i == 0 else 0.0)
             for i, t in enumerate(headline)]
    for p, paragraph in enumerate(entry.paragraphs):
        texts = wrap(paragraph, "body", body_width, hyphenate)
        gap = GAP_AFTER_HEADLINE if p == 0 else GAP_PARAGRAPH
        lines += [PrintedLine(t, "body", item=index, gap_before=gap if i == 0 else 0.0,
                              para_end=i == len(texts) - 1) for i, t in enumerate(texts)]
    lines += [PrintedLine(t, "link", item=index, gap_before=GAP_PARAGRAPH if i == 0 else 0.0)
              for i, t in enumerate(entry.link_lines)]
    lines.append(PrintedLine("***", "separator", item=index, gap_before=GAP_SEPARATOR))
    return lines


class _Flow:
    """Fills pages top to bottom; breaks pages between items or between two body lines."""

    SPLIT_SHARE = 0.3  # items that start at a page's foot and run over, instead of moving down

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.page, self.y = 0, TOP - MASTHEAD
        self.lines: list[PrintedLine] = []
        self.photos: list[Photo] = []
        self.page_links: list[str] = []

    def room(self) -> float:
        return self.y - BOTTOM

    def place(self, lines: list[PrintedLine]) -> None:
        for line in lines:
            self.y -= line.height
            self.lines.append(_at(line, self.page, self.y))
            if line.kind == "link":
                self.page_links += re.findall(r"https?://\S+", line.text)

    def place_item(self, block: list[PrintedLine], photo_width: float) -> None:
        start = len(self.lines)
        while block:
            cut = self._cut(block)
            self.place(block[:cut])
            block = block[cut:]
            if block:
                self.new_page()
        if photo_width > 60.0:
            self._photo(self.lines[start:], photo_width)

    def _cut(self, block: list[PrintedLine]) -> int:
        """How many lines of the block go on this page."""
        heights = [line.height for line in block]
        if sum(heights) <= self.room():
            return len(block)
        fresh = self.y >= TOP - MASTHEAD - 1.0
        if not fresh and sum(heights) <= TOP - BOTTOM and self.rng.random() >= self.SPLIT_SHARE:
            return 0
        used, best = 0.0, 0
        for i, line in enumerate(block):
            used += heights[i]
            if used > self.room():
                break
            following = block[i + 1] if i + 1 < len(block) else None
            if line.kind == "body" and following is not None and following.kind == "body":
                best = i + 1
        return best if best or not fresh else len(block)

    def new_page(self) -> None:
        previous = self.page_links
        self.page, self.y, self.page_links = self.page + 1, TOP, []
        if len(previous) >= 2 and self.rng.random() < 0.5:
            count = self.rng.randint(2, min(4, len(previous)))
            repeated = [PrintedLine(url, "pagebreak_links") for url in previous[-count:]]
            self.place(repeated)
            self.y -= GAP_AFTER_PAGEBREAK_LINKS

    def _photo(self, lines: list[PrintedLine], width: float) -> None:
        body = [line for line in lines if line.kind == "body"]
        top = body[0]
        same_page = [line for line in body if line.page == top.page]
        height = min(140.0, top.y - same_page[-1].y + 12.0)
        x = PAGE_WIDTH - LEFT - width
        self.photos.append(Photo(top.page, x, top.y + 10.0 - height, width, height))


def _at(line: PrintedLine, page: int, y: float) -> PrintedLine:
    x = (PAGE_WIDTH - stringWidth(line.text, *line.font)) / 2 if line.kind == "separator" \
        else LEFT
    return PrintedLine(line.text, line.kind, page, x, y, line.gap_before, line.para_end,
                       line.item)
