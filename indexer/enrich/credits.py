"""A news outlet's credit is the outlet's act, not the office's: "..., Trend reports.",
"Report informs that ...", "(MENAFN- AzerNews)", a byline "By Trend". The category and theme
rules read the text without them, so "reports" in a credit is no publication.
"""
from __future__ import annotations

import re

_OUTLET = r"[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2}"
_VERB = r"(?:reports|reported|informs|informed|writes|wrote)"
_CREDITS = re.compile(
    # a trailing credit clause: ", Trend reports." / ", Azernews reports citing the Office."
    rf",\s*(?P<outlet>{_OUTLET})\s+{_VERB}(?:\s+citing\s+[^.;\n]*)?(?=\s*[.;\n]|$)"
    # a credit opening a sentence: "Report informs that", "Azernews reports that"
    rf"|(?:^|(?<=[.!?]\s)|(?<=\n))(?P<opening>{_OUTLET})\s+{_VERB}\s+that\b"
    # a dateline in parentheses: "(MENAFN- AzerNews)"
    r"|\([A-Z]{2,}\s*[-–]\s*[^)\n]{2,40}\)"
    # a byline at the top: "By Trend", "By Sabina Mammadli" (not the office's title after it)
    r"|\A\s*By\s+(?P<byline>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)\s",
)
_OFFICE = re.compile(r"\b(?:Ombuds\w*|Commissioner|Office)\b")
_ANY = re.compile(rf"\b{_VERB}\b|\([A-Z]{{2}}|\A\s*By\s")  # what every credit holds: most texts have none


def without_credits(text: str) -> str:
    """The text with every news credit blanked (same length: offsets stay valid)."""
    return _CREDITS.sub(_blank, text) if _ANY.search(text) else text


def _blank(m: re.Match[str]) -> str:
    who = m.group("outlet") or m.group("opening")
    if who and _OFFICE.search(who):
        return m.group(0)  # "The Ombudsman's Office informs that ...": the office's own act
    byline, text = m.group("byline"), m.group(0)
    if byline and _OFFICE.search(byline):  # "By Trend Commissioner for ...": the byline is one word
        cut = m.start("byline") - m.start() + len(byline.split()[0])
        return " " * cut + text[cut:]
    return " " * len(text)
