"""Printed width of a line of text, to tell a wrapped line from one that ended a paragraph."""
from __future__ import annotations

from functools import lru_cache

from reportlab.pdfbase.pdfmetrics import stringWidth

_FONT = "Times-Roman"  # the proportions of a common serif face; only ratios are used


@lru_cache(maxsize=65536)
def text_width(text: str) -> float:
    try:
        return stringWidth(text, _FONT, 10)
    except (UnicodeEncodeError, KeyError, ValueError):
        # Letters outside the font's encoding (ə, ş): count them as an average letter.
        return stringWidth("".join(c if ord(c) < 256 else "n" for c in text), _FONT, 10)


def first_word(text: str) -> str:
    parts = text.split(maxsplit=1)
    return parts[0] if parts else ""

