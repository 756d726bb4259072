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
    Under With This These Recently Last Earlier""".split()
)
_TERMINAL = tuple(".!?:")
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
    if last[-1] in ",;-–—(/&+":
        return False
    words = last.split()
    if words[-1].lower().strip("“”\"'") in _DANGLING:
        return False
    return _balanced(" ".join(texts[: k + 1]))


def _shape_score(margin: float) -> float:
    if margin > 0.05:
        return 2.0
    if margin < -0.02:
        return -2.0
    return 0.0


def _score(texts: Sequence[str], k: int, head_width: float, breaks: Sequence[bool] | None) -> float:
    head_lines, body_lines = texts[: k + 1], texts[k + 1:]
    width = max([head_width] + [text_width(t) for t in head_lines])
    score = _shape_score(fit_margin(texts[k], texts[k + 1], width))
    for i in range(k):  # lines inside the headline should look wrapped
        score -= max(0.0, _shape_score(fit_margin(texts[i], texts[i + 1], width))) / 2
        if first_word(texts[i + 1]) in _OPENERS:
            score -= 3
    head = " ".join(head_lines)
    if ends_sentence(texts[k]) or _SENTENCE_INSIDE.search(head):
        score -= 3
    score -= _body_unlike_prose(body_lines)
    if first_word(texts[k + 1]) in _OPENERS:
        score += 0.5
    if breaks is not None:  # the source marks breaks reliably (blank lines or fonts)
        score += 4 if breaks[k + 1] else -4
        score -= 4 * sum(breaks[1: k + 1])
    return score


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
    texts: Sequence[str], head_width: float, breaks: Sequence[bool] | None = None
) -> int:
    """Number of leading lines of an item that form its headline (at least one)."""
    best: tuple[float, int] | None = None
    for k in range(min(MAX_HEADLINE_LINES, len(texts) - 1)):
        if not can_end_headline(texts, k):
            continue
        score = _score(texts, k, head_width, breaks)
        if best is None or score > best[0]:
            best = (score, k)
    return best[1] + 1 if best else 1


def estimate_headline_width(sections: Sequence[Sequence[str]]) -> float:
    """The headline column's width, from first lines that were certainly wrapped."""
    wrapped, firsts = [], []
    for texts in sections:
        if not texts:
            continue
        firsts.append(text_width(texts[0]))
        if len(texts) > 1 and not can_end_headline(texts, 0):
            wrapped.append(text_width(texts[0]))
    pool = wrapped or firsts
    return max(pool) if pool else 0.0
