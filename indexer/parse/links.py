"""Links in bulletin text: the "further information" line and bare page-break link lines."""
from __future__ import annotations

import re

URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"“”‘’]+|\bbit\.ly/[A-Za-z0-9_-]+", re.IGNORECASE)
_TRAILING = ".,;:)]}!?'\""

# "For the further information see the link URL" and the variants editors use.
LINK_PHRASE_RE = re.compile(
    r"(?:for|to\s+get)\s+(?:the\s+)?(?:further|more|additional|detailed|full)\s+"
    r"(?:information|info|details)\s*,?\s*(?:please\s+)?"
    r"(?:see|visit|follow|click|use|read|check|refer\s+to)\s+(?:at\s+)?(?:the\s+)?"
    r"(?:following\s+)?(?:links?|web\s*site|page)?\s*:?\s*",
    re.IGNORECASE,
)


def find_urls(text: str) -> list[str]:
    return [m.group(0).rstrip(_TRAILING) for m in URL_RE.finditer(text)]


def is_bare_links(text: str) -> bool:
    """A line holding nothing but one or more URLs."""
    stripped = URL_RE.sub(" ", text)
    return bool(URL_RE.search(text)) and not stripped.strip(" \t,;|" + _TRAILING)


def split_link_phrase(text: str) -> tuple[str, list[str]] | None:
    """("text before the phrase", [urls after it]) when the line holds a link phrase."""
    m = LINK_PHRASE_RE.search(text)
    if not m:
        return None
    rest = text[m.end():]
    urls = find_urls(rest)
    if not urls and URL_RE.sub("", rest).strip(" .:"):
        return None  # the phrase is followed by prose, so it is a sentence, not a link line
    return text[: m.start()].rstrip(), urls
