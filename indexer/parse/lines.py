"""The line stream that every extractor produces and the splitter consumes."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Line:
    """One printed line of a bulletin.

    `bold` is True/False when the source knows the font weight (PDF), None when it
    does not (plain text). `blank_before` records an empty line before this one in
    text input; whether that means anything is decided by the splitter, because
    pdftotext often puts a blank line between every pair of lines.
    """

    text: str
    bold: bool | None = None
    blank_before: bool = False
