"""Choose a bulletin's items, write them, and turn each into its truth record.

All randomness of one bulletin comes from one `random.Random` seeded by the corpus seed and
the bulletin's first month, so a month reads the same however many months are generated.
"""
from __future__ import annotations

import random
import re
import string
from collections import Counter
from dataclasses import dataclass
from typing import Callable

from indexer.item import Item, make_item_id
from indexer.sample import invented, mentions, office, outreach, relations, visits
from indexer.sample.period import Period, header_sentence
from indexer.sample.writer import STATED_DAY_SHARE, Draft, Writer

ITEMS_PER_BULLETIN = (12, 25)

TEMPLATES: dict[str, tuple[int, Callable[[Writer], Draft]]] = {
    # category: (weight, template)
    "monitoring_visit": (17, visits.monitoring_visit),
    "event": (14, outreach.event),
    "awareness": (13, outreach.awareness),
    "cooperation": (13, relations.cooperation),
    "meeting": (9, relations.meeting),
    "agreement": (5, relations.agreement),
    "case": (7, office.case),
    "statement": (6, outreach.statement),
    "publication": (4, outreach.publication),
    "humanitarian": (6, visits.humanitarian),
    "institutional": (5, office.institutional),
    "other": (1, office.other),
}
_CATEGORIES = tuple(TEMPLATES)
_WEIGHTS = tuple(weight for weight, _ in TEMPLATES.values())

# (weight, printed lines) of the closing link line; "{url}" alone is a line of its own.
LINK_LINES: tuple[tuple[int, tuple[str, ...]], ...] = (
    (80, ("For the further information see the link {url}",)),
    (7, ("For further information see the link {url}",)),
    (5, ("For more information, see the link: {url}",)),
    (5, ("For the further information see the link", "{url}")),
    (3, ()),  # no link at all
)
_LINK_CHARS = string.ascii_letters + string.digits

# Misspellings seen in real bulletins, kept verbatim in the truth.
TYPO_SHARE = 0.04
TYPOS: tuple[tuple[str, str], ...] = (
    (r"\bCommissioner\b", "Comissioner"), (r"\breceived\b", "recieved"),
    (r"\bparticipants\b", "particpants"), (r"\borganized\b", "organzied"),
    (r"\baccommodation\b", "accomodation"), (r"\bwere\b", "were were"),
    (r", (?=[A-Z])", ","),  # "Azerbaijan,Sabina Aliyeva"
)


@dataclass(frozen=True, slots=True)
class Entry:
    """One item as printed (headline, paragraphs, link lines) and as the truth records it."""

    item: Item
    headline: str
    paragraphs: tuple[str, ...]
    link_lines: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Bulletin:
    period: Period
    header: str
    entries: tuple[Entry, ...]

    @property
    def links(self) -> list[str]:
        return [link for e in self.entries for link in e.item.links]


def compose_bulletin(period: Period, seed: int, salt: str = "") -> Bulletin:
    """The items of one bulletin; `salt` only serves to redraw after a link collision."""
    rng = random.Random(f"{seed}-{period.start:%Y-%m}{salt}")
    header = header_sentence(period, rng)
    source = f"{period.stem}.txt"
    entries: list[Entry] = []
    repeats: Counter[tuple[str, str]] = Counter()
    for _ in range(rng.randint(*ITEMS_PER_BULLETIN)):
        category = rng.choices(_CATEGORIES, _WEIGHTS)[0]
        writer = Writer(rng, period, states_day=rng.random() < STATED_DAY_SHARE,
                        names=invented.names_for(seed))
        draft = _with_typo(TEMPLATES[category][1](writer), rng, seed)
        link_lines, links = _link_lines(rng)
        entries.append(_entry(draft, writer, source, link_lines, links, repeats))
    return Bulletin(period, header, tuple(entries))


def _link_lines(rng: random.Random) -> tuple[tuple[str, ...], tuple[str, ...]]:
    # Shortened links look like bit.ly's current ones: a digit, then six letters or digits.
    url = "https://bit.ly/" + rng.choice("34") + "".join(rng.choices(_LINK_CHARS, k=6))
    lines = rng.choices([lines for _, lines in LINK_LINES], [w for w, _ in LINK_LINES])[0]
    return tuple(line.format(url=url) for line in lines), ((url,) if lines else ())


def _with_typo(draft: Draft, rng: random.Random, seed: int) -> Draft:
    if rng.random() >= TYPO_SHARE:
        return draft
    sentences = [(p, s) for p, para in enumerate(draft.paragraphs) for s in range(len(para))]
    rng.shuffle(sentences)
    for pattern, wrong in TYPOS:
        for p, s in sentences:
            changed = _replace_outside_names(draft.paragraphs[p][s], pattern, wrong, seed)
            if changed is not None:
                draft.paragraphs[p][s] = changed
                return draft
    return draft


def _replace_outside_names(text: str, pattern: str, wrong: str, seed: int) -> str | None:
    """Misspell the first match that is not part of a name (names must stay findable)."""
    masked = mentions.blank_names(text, seed)
    for match in re.finditer(pattern, masked):
        return text[:match.start()] + wrong + text[match.end():]
    return None


def _entry(draft: Draft, w: Writer, source: str, link_lines: tuple[str, ...],
           links: tuple[str, ...], repeats: Counter[tuple[str, str]]) -> Entry:
    title = " ".join(draft.headline.split())
    paragraphs = tuple(" ".join(" ".join(p).split()) for p in draft.paragraphs)
    body = "\n\n".join(paragraphs)
    text = f"{title}\n{body}"
    partners, places, people = mentions.mentions(text, w.orgs, w.places, w.people)
    day = next((d for d, phrase in w.dated if phrase in text), None)
    themes = (*draft.themes, *(t for phrase, ts in w.topics if phrase in text for t in ts))
    key = (title.casefold(), body.casefold())
    occurrence, repeats[key] = repeats[key], repeats[key] + 1
    period = w.period
    item = Item(
        id=make_item_id(period.start, title, body, occurrence), source=source,
        period_start=period.start, period_end=period.end,
        date=day or period.start, date_precision="day" if day else "month",
        title=title, body=body, links=links, category=draft.category,
        themes=tuple(dict.fromkeys(themes)),
        partners=tuple(partners), places=tuple(places), people=tuple(people))
    return Entry(item, title, paragraphs, link_lines)

