"""Where an item's headline ends and its body begins, in text that has no fonts.

pdftotext gives the headline and the body as the same kind of wrapped lines, so the
break is chosen by scoring each candidate line on signs a reader uses: a headline
does not end on "the" or a comma, inside an open quote, or before a lower-case
continuation; its last line stops short of the column; it holds no full stop; and
the body that follows reads as prose.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .measure import first_word, text_width

MAX_HEADLINE_LINES = 4

# A line ending with one of these words is never the end of a headline.
_DANGLING = frozenset(
    """a an the of in on at to for with by from and or nor but as into onto under within
    between among about over after before during via per than that which who whose whom
    its their his her our your my this these those is are was were be been being has have
    had will would shall should can could may might must not also both either neither
    jointly named regarding including upon toward towards against across through""".split()
)
# Words that open a body's first sentence; mid-headline they mean a sentence began.
_OPENERS = frozenset(
    """The A An On In At By During Within According As Today Yesterday Upon Following
    Under With This These Recently Last Earlier Another Several Some Both Each""".split()
)
_TERMINAL = tuple(".!?:")
_MONTH_END = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|\d{1,2})$"
)
_YEAR_START = re.compile(r"(?:19|20)\d\d\b")
_CLOSERS = "\"'”’)]»"
_SENTENCE_INSIDE = re.compile(r"[a-z]{2}[.!?][\"”’)]?\s+[A-Z]")


def ends_sentence(text: str) -> bool:
    return text.rstrip().rstrip(_CLOSERS).endswith(_TERMINAL)


def fit_margin(line: str, next_line: str, width: float) -> float:
    """How much room (as a share of `width`) the line left for the next line's first word.

    Positive: the word would have fitted, so the line ended on purpose. Negative: it
    was wrapped.
    """
    if width <= 0:
        return 0.0
    return (width - text_width(f"{line.rstrip()} {first_word(next_line)}")) / width


def _balanced(text: str) -> bool:
    return (
        text.count("“") <= text.count("”")
        and text.count('"') % 2 == 0
        and text.count("(") <= text.count(")")
        and text.count("«") <= text.count("»")
    )


def can_end_headline(texts: Sequence[str], k: int) -> bool:
    """Hard rules: a headline cannot end after line k if the text plainly goes on."""
    last, nxt = texts[k].rstrip(), texts[k + 1].lstrip()
    if not last or not nxt or nxt[0].islower():
        return False
    if _MONTH_END.search(last) and _YEAR_START.match(nxt):
        return False  # "took place on 3 April" / "2019 at the ...": a date goes on
    if last[-1] in ",;-–—(/&+":
        return False
    word = last.split()[-1].strip("“”\"'")
    if word in _DANGLING:  # lower case only: "May" the month may end a headline
        return False
    return _balanced(" ".join(texts[: k + 1]))


def _shape_score(margin: float, reliable: bool = True) -> float:
    if margin > 0.05:
        return 2.0
    if margin < -0.02 and reliable:
        return -1.0  # weak: a headline may also end on a nearly full line
    return 0.0


def _score(
    texts: Sequence[str], k: int, column: HeadlineColumn, breaks: Sequence[bool] | None,
    names: frozenset[tuple[str, str]],
) -> float:
    head_lines, body_lines = texts[: k + 1], texts[k + 1:]
    widths = [text_width(t) for t in head_lines]
    width = max([column.width] + widths)
    score = _shape_score(fit_margin(texts[k], texts[k + 1], width), column.reliable)
    if k >= 3:
        score -= 1  # four-line headlines are rare
    if column.reliable and max(widths[1:], default=0.0) > max(column.width, widths[0]) * 1.04:
        score -= 3  # a line wider than the headline column is body text
    for i in range(k):  # lines inside the headline should look wrapped
        score -= max(0.0, _shape_score(fit_margin(texts[i], texts[i + 1], width))) / 2
        if first_word(texts[i + 1]) in _OPENERS:
            score -= 3
    head = " ".join(head_lines)
    if ends_sentence(texts[k]):
        score -= 5  # headlines do not end with a full stop
    if _SENTENCE_INSIDE.search(head):
        score -= 3
    if _pair_across(texts[k], texts[k + 1]) in names:
        score -= 1.5  # the break would split a name the bulletin prints whole elsewhere
    score -= _body_unlike_prose(body_lines)
    if first_word(texts[k + 1]) in _OPENERS:
        score += 0.5
    if breaks is not None:  # the source marks breaks reliably (blank lines or fonts)
        score += 4 if breaks[k + 1] else -4
        score -= 4 * sum(breaks[1: k + 1])
    return score


_CAPITALISED_PAIR = re.compile(r"(?=\b([A-Z][\w'’-]*) ([A-Z][\w'’-]*)\b)")


def _pair_across(line: str, next_line: str) -> tuple[str, str]:
    last, first = line.split()[-1], first_word(next_line)
    return (last.replace("’", "'").strip(".,;:"), first.replace("’", "'").strip(".,;:"))


def name_pairs(lines: Sequence[str]) -> frozenset[tuple[str, str]]:
    """Pairs of capitalised words printed side by side on one line ("Deportation Center",
    "Nakhchivan Autonomous"): parts of names, which a headline break should not split."""
    pairs = set()
    for line in lines:
        for m in _CAPITALISED_PAIR.finditer(line.replace("’", "'")):
            if m.group(2) not in _OPENERS:
                pairs.add((m.group(1), m.group(2)))
    return frozenset(pairs)


def _body_unlike_prose(body: Sequence[str]) -> float:
    """Penalty when the candidate body starts with a short unpunctuated line before a
    capitalised one: that is a headline's last line, not prose."""
    if len(body) < 2:
        return 0.0
    width = max(text_width(t) for t in body)
    for j in range(min(3, len(body) - 1)):
        if ends_sentence(body[j]):
            return 0.0
        if fit_margin(body[j], body[j + 1], width) > 0.08 and body[j + 1][:1].isupper():
            return 2.0
    return 0.0


def headline_size(
    texts: Sequence[str],
    column: HeadlineColumn,
    breaks: Sequence[bool] | None = None,
    names: frozenset[tuple[str, str]] = frozenset(),
) -> int:
    """Number of leading lines of an item that form its headline (at least one)."""
    best: tuple[float, int] | None = None
    for k in range(min(MAX_HEADLINE_LINES, len(texts) - 1)):
        if not can_end_headline(texts, k):
            continue
        score = _score(texts, k, column, breaks, names)
        if best is None or score > best[0]:
            best = (score, k)
    return best[1] + 1 if best else 1


@dataclass(frozen=True, slots=True)
class HeadlineColumn:
    """The headline column's width, and whether it was measured on wrapped lines.

    A first line that plainly goes on ("... in honor of the") was wrapped, so it nearly
    fills the column; with two or more such lines the width is trusted both ways ("this
    line stopped short", "this line is too wide to be a headline"). Otherwise only the
    widest first line is known, a lower bound that can only say "stopped short".
    """

    width: float
    reliable: bool


def estimate_headline_width(sections: Sequence[Sequence[str]]) -> HeadlineColumn:
    wrapped = [text_width(t[0]) for t in sections if len(t) > 1 and not can_end_headline(t, 0)]
    if len(wrapped) >= 2:
        return HeadlineColumn(max(wrapped), True)
    return HeadlineColumn(max((text_width(t[0]) for t in sections if t), default=0.0), False)


# Items without a headline of their own (press texts, some site items) start with prose,
# often after a dateline ("GANJA, Azerbaijan, Mar. 3") and a credit ("By Trend", "Trend:").
_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATELINE = re.compile(rf"^[A-Z]{{3,}}(?:[ -][A-Z]{{3,}})*,\s+(?:[A-Z][\w]+,\s+)?{_MONTH_ABBR}\s*\d{{1,2}}\b\.?\s*")
# a credit: "By Trend", "Trend:", or a syndication credit in parentheses, "(MENAFN- AzerNews)"
_CREDIT = re.compile(r"^(?:By\s+[A-Z][^\n:.]{0,60}:?|[A-Z][\w.]{1,20}:|\([A-Z]{2,}[\w.]*\s*[-–]\s*[^()\n]{2,40}\))$")
# A full stop after these does not end a sentence ("Mar. 3", "No. 1", "Ms. Guliyeva", "A. Mammadov").
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|No|Nos|St|Art|Vol|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|etc|vs|[A-Z])\.)$"
)
_SENTENCE_STOP = re.compile(r"[.!?][\"”’)]?(?=\s+[\"“A-Z0-9])")
MAX_TITLE_CHARS = 160


def is_lead_not_headline(title: str) -> bool:
    """Whether the lines taken for a headline are really the start of the text: a dateline
    or a credit, a full sentence ending with a stop, or prose holding a sentence break."""
    title = " ".join(title.split())
    if _DATELINE.match(title) or _CREDIT.match(title):
        return True
    words = len(title.split())
    if title.rstrip(_CLOSERS).endswith(".") and words >= 8:
        return True
    return words >= 12 and bool(_SENTENCE_INSIDE.search(title)) or words > 45


def first_sentence(text: str) -> str:
    """The text's first sentence, read past a dateline and credit paragraphs."""
    paragraphs = [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]
    while len(paragraphs) > 1 and (_CREDIT.match(paragraphs[0]) or _DATELINE.fullmatch(paragraphs[0])):
        paragraphs.pop(0)
    lead = _DATELINE.sub("", paragraphs[0]) if paragraphs else ""
    for m in _SENTENCE_STOP.finditer(lead):
        if not _ABBREVIATION.search(lead[: m.start() + 1]):
            return lead[: m.end()]
    return lead


def lead_title(text: str, limit: int = MAX_TITLE_CHARS) -> str:
    """A title for an item without a headline: its first sentence, shortened at a word
    boundary when long (the body keeps every word)."""
    sentence = first_sentence(text).rstrip()
    if len(sentence) <= limit:
        return sentence
    cut = sentence[:limit].rsplit(" ", 1)[0].rstrip(",;:-–— ")
    return cut + " …"
