"""The .txt of a bulletin: its printed lines as pdftotext lays them out for the real ones.

What the real extracted text shows, and so what a parser must cope with: a blank line after
almost every line; one trailing space on most lines and several on some; lines holding only
spaces around the `***` separators; a separator sometimes glued to the next headline (which
then starts with a space); page-break links with no blank lines between them and two after.
"""
from __future__ import annotations

import random

from indexer.sample.layout import Layout, PrintedLine

OPENINGS = ("\n \n\n", " \n\n", "")  # what pdftotext leaves for the masthead banner


def render_text(layout: Layout, rng: random.Random) -> str:
    """The whole text file; the same rng gives the same bytes."""
    out = [rng.choice(OPENINGS)]
    lines = layout.lines
    glue_next = False  # the separator was written without its blank: next headline hugs it
    for i, line in enumerate(lines):
        following = lines[i + 1] if i + 1 < len(lines) else None
        prefix = " " if glue_next and line.kind == "headline" else ""
        glue_next = False
        if line.kind == "separator":
            text, glue_next = _separator(rng, following)
        elif line.kind == "pagebreak_links":
            text = line.text + ("\n\n\n" if following is None or following.kind !=
                                "pagebreak_links" else "\n")
        else:
            text = prefix + line.text + _trailing(line, rng) + _ending(line, following, rng)
        out.append(text)
    return "".join(out)


def _trailing(line: PrintedLine, rng: random.Random) -> str:
    if line.kind == "link":
        return " " * rng.randint(1, 6)
    if line.para_end:
        return rng.choice((" ", " ", "  ", "   ", "     "))
    return "  " if rng.random() < 0.08 else " "


def _ending(line: PrintedLine, following: PrintedLine | None, rng: random.Random) -> str:
    """The line's newline, its blank line, and the space-only lines pdftotext leaves."""
    if following is None:
        return "\n\n"
    if line.kind == "header" and following.kind != "header":
        return "\n\n" + " \n\n" * rng.randint(1, 2)
    if line.kind == "body" and following.kind == "link" and rng.random() < 0.3:
        return "\n\n \n\n"
    if following.kind != "separator":
        return "\n\n"
    if line.kind == "link" and rng.random() < 0.1:
        return "\n"  # the blank after the link line is missing; the *** follows at once
    return "\n\n" + rng.choice((" ", " ", "  ")) + "\n\n"


def _separator(rng: random.Random, following: PrintedLine | None) -> tuple[str, bool]:
    star = rng.choice((" *** ", " *** ", "  *** "))
    if following is None:
        return star + "\n", False
    if following.kind == "headline" and rng.random() < 0.2:
        return star + "\n", True
    return star + "\n \n\n", False

