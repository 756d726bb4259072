"""Finding names in text: which of a set of names a text mentions, in order of first mention."""
from __future__ import annotations

import functools
import re
from typing import Iterable

from indexer.sample import invented, vocab


@functools.lru_cache(maxsize=4096)
def _pattern(form: str) -> re.Pattern[str]:
    # Word edges, so "EU" does not match inside "EUR" nor "Baku" inside "Bakuvian".
    return re.compile(rf"(?<!\w){re.escape(form)}(?!\w)")


def find_mentions(text: str,
                  entries: Iterable[tuple[str, tuple[str, ...]]]) -> tuple[list[str], str]:
    """Names whose forms occur in `text`, by first occurrence; and the text with them blanked.

    Longer forms are matched first and blanked out, so "OSCE/ODIHR" is not also "OSCE" and
    "Nakhchivan Autonomous Republic" is not also the city "Nakhchivan".
    """
    pairs = sorted({(form, name) for name, forms in entries for form in forms},
                   key=lambda pair: (-len(pair[0]), pair))
    first: dict[str, int] = {}
    for form, name in pairs:
        if form not in text:  # cheap test first: most forms are absent
            continue
        for match in _pattern(form).finditer(text):
            first[name] = min(first.get(name, match.start()), match.start())
        text = _pattern(form).sub(lambda m: "\0" * len(m.group()), text)
    ordered = sorted(first, key=lambda name: (first[name], name))
    return ordered, text


def org_forms(name: str) -> tuple[str, ...]:
    """Printed forms of a partner; an invented organisation has its name, and its motto in
    quotes when it has one ("“Open Door” Public Union")."""
    org = vocab.ORG_BY_NAME.get(name)
    if org:
        return org.forms
    motto = invented.motto(name)
    tail = invented.QUOTED_HEAD
    return (name, f"“{motto}”{tail}", f'"{motto}"{tail}') if motto else (name,)


def place_forms(name: str) -> tuple[str, ...]:
    """Printed forms of a place; an invented town has only its name."""
    place = vocab.PLACE_BY_NAME.get(name)
    return place.forms if place else (name,)


def mentions(text: str, orgs: Iterable[str], places: Iterable[str],
             people: Iterable[str]) -> tuple[list[str], list[str], list[str]]:
    """(partners, places, people) among the candidates that `text` really mentions.

    Places inside organisation names ("Baku State University") are not places of the item.
    """
    partners, masked = find_mentions(text, ((n, org_forms(n)) for n in dict.fromkeys(orgs)))
    found_places, _ = find_mentions(masked, ((n, place_forms(n)) for n in dict.fromkeys(places)))
    found_people, _ = find_mentions(text, ((n, (n,)) for n in dict.fromkeys(people)))
    return partners, found_places, found_people


def _every_name(seed: int) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    names = invented.names_for(seed)
    return ((*(o.name for o in vocab.ORGS), *names.all_orgs),
            (*(p.name for p in vocab.PLACES), *names.all_towns),
            (*vocab.ALL_PEOPLE, *names.all_people))


def all_vocabulary_mentions(text: str, seed: int = 1) -> tuple[list[str], list[str], list[str]]:
    """What a full scan with every name the generator knows finds (its lists and the
    invented pools of that seed): the check on the generator's truth."""
    return mentions(text, *_every_name(seed))


def blank_names(text: str, seed: int = 1) -> str:
    """`text` with every known name blanked out (same length), so edits can avoid names."""
    orgs, places, people = _every_name(seed)
    for names, forms in ((orgs, org_forms), (places, place_forms), (people, lambda n: (n,))):
        _, text = find_mentions(text, ((n, forms(n)) for n in names))
    return text
