"""A person's office stands for the body it belongs to, whatever the item's words around it:
"the French ambassador to Azerbaijan" and "representatives of the Pakistani embassy" are
those countries' embassies in Azerbaijan, "the Ambassador of Italy" Italy's, and "her
Moroccan counterpart" (an ombudsman's counterpart) is Morocco's ombudsman.

Nationality words come from places.toml (`adjectives` of each country). The home country's
own ambassadors abroad are the home state's officials, not a partner of the office.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping

_NAME = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*"
_TO = rf"(?:\s+(?:to|in)\s+(?:the\s+)?(?P<host>{_NAME}))?"
_BY_ADJECTIVE = re.compile(rf"\b(?P<adj>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?P<office>(?i:ambassadors?|embass(?:y|ies)|counterparts?))\b{_TO}")
_ANY = re.compile(r"(?i:ambassador|embass|counterpart)")  # what every office named holds
_OF_COUNTRY = re.compile(rf"\b(?P<office>Ambassadors?|Embassy|Embassies)\s+of\s+(?:the\s+)?(?P<country>{_NAME}){_TO}")


def office_bodies(text: str, by_adjective: Mapping[str, str], country_of: Callable[[str], str | None],
                  home: str) -> list[tuple[str, str, str]]:
    """(kind, country, host) for each office named: kind "embassy" or "ombudsman"; an
    embassy's host is the country it sits in (home unless the text says "to X")."""
    out: list[tuple[str, str, str] | None] = []
    if not _ANY.search(text):
        return []
    for m in _BY_ADJECTIVE.finditer(text):
        words = m.group("adj").split()
        country = by_adjective.get(m.group("adj")) or by_adjective.get(words[-1])
        if country:
            out.append(_body(m.group("office").lower(), country, m.group("host"), country_of, home))
    for m in _OF_COUNTRY.finditer(text):
        country = country_of(m.group("country"))
        if country and m.group("office").lower().startswith("ambassador"):
            out.append(_body("ambassador", country, m.group("host"), country_of, home))
    return list(dict.fromkeys(b for b in out if b))


def _body(office: str, country: str, host_words: str | None, country_of: Callable[[str], str | None],
          home: str) -> tuple[str, str, str] | None:
    if office.startswith("counterpart"):
        return ("ombudsman", country, "") if country != home else None
    host = country_of(host_words) if host_words else home
    if (host_words and host is None) or country == home or host != home:
        return None  # an ambassador to a body ("to the Eastern Partnership"), or the home state's own
    return ("embassy", country, host)
