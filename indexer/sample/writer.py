"""The per-item writing context: picks printed forms of names and dates, and remembers them.

Templates may build several alternative sentences and keep one, so what the writer hands
out is only a candidate: `mentions` later keeps the names and dates that really made it into
the printed text, ordered by where they first appear.
"""
from __future__ import annotations

import calendar
import random
from dataclasses import dataclass, field
from datetime import date
from typing import Sequence, TypeVar

from indexer.sample import invented, vocab
from indexer.sample.period import Period
from indexer.sample.subjects import Day

T = TypeVar("T")

# Share of items whose text states the day of the activity (docs: "~40%").
STATED_DAY_SHARE = 0.4
# Share of the places, partners and officials that are drawn from the invented pools (in no
# vocabulary) wherever a template lets any fitting name stand.
INVENTED_SHARE = 0.4


@dataclass
class Draft:
    """An item before layout: headline, paragraphs of sentences, and what it is about."""

    category: str
    headline: str
    paragraphs: list[list[str]]
    themes: tuple[str, ...] = ()


@dataclass
class Writer:
    rng: random.Random
    period: Period
    states_day: bool = False
    names: invented.Names = field(default_factory=lambda: invented.names_for(1))
    orgs: list[str] = field(default_factory=list)  # canonical names, maybe unused
    places: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    dated: list[tuple[date, str]] = field(default_factory=list)  # (day, phrase as printed)
    topics: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)  # (phrase, themes)
    _day: date | None = None

    def __post_init__(self) -> None:
        self.ombudsman = vocab.ombudsman_on(self.period.start)
        # One item keeps one typographic habit, as one author would.
        self.apostrophe = "’" if self.chance(0.7) else "'"
        self.quotes = ("“", "”") if self.chance(0.8) else ('"', '"')

    # -- chance ------------------------------------------------------------------------
    def pick(self, seq: Sequence[T]) -> T:
        return self.rng.choice(seq)

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def some(self, seq: Sequence[T], low: int, high: int) -> list[T]:
        """Between low and high distinct elements of seq, in seq's order."""
        k = self.rng.randint(low, min(high, len(seq)))
        chosen = set(self.rng.sample(range(len(seq)), k))
        return [x for i, x in enumerate(seq) if i in chosen]

    # -- typography --------------------------------------------------------------------
    def poss(self, word: str) -> str:
        return f"{word}{self.apostrophe}s"

    def q(self, text: str) -> str:
        return f"{self.quotes[0]}{text}{self.quotes[1]}"

    def about(self, phrase: str, themes: tuple[str, ...]) -> str:
        """`phrase`, whose themes count only if a sentence holding it is kept."""
        self.topics.append((phrase, themes))
        return phrase

    # -- organisations, places, people --------------------------------------------------
    def org(self, name: str, style: str = "any") -> str:
        """A printed form of a partner: style "full", "short" (acronym or alias) or "any"."""
        o = vocab.ORG_BY_NAME[name]
        self.orgs.append(name)
        the = "the " if o.the else ""
        full = [the + o.name]
        acronym = [("the " if o.the_acronym else "") + o.acronym] if o.acronym else []
        aliases = [the + a for a in o.aliases]
        if style == "full":
            return full[0]
        if style == "short":
            return self.pick(acronym or aliases or full)
        both = [f"{the}{o.name} ({o.acronym})"] if o.acronym else []
        return self.pick(full * 3 + both * 3 + acronym + aliases)

    def invented(self) -> bool:
        """Whether the next name that any fitting one could fill is an invented one."""
        return self.chance(INVENTED_SHARE)

    def unknown_org(self, foreign: bool = False) -> str:
        """An organisation in no vocabulary (see `invented`)."""
        name = self.pick(self.names.foreign_orgs if foreign else self.names.orgs)
        self.orgs.append(name)
        motto = invented.motto(name)
        return "the " + (self.q(motto) + invented.QUOTED_HEAD if motto else name)

    def town(self) -> str:
        """An invented town of Azerbaijan, printed with what it is ("the village of X")."""
        name = self.pick(self.names.home_towns)
        self.places.append(name)
        return self.pick((f"the town of {name}", f"{name} district", f"{name} village",
                          f"the village of {name}", f"{name} settlement"))

    def foreign_town(self) -> str:
        name = self.pick(self.names.foreign_towns)
        self.places.append(name)
        return f"the city of {name}"

    def official(self, foreign: bool = False) -> str:
        """An invented official with the office that makes them one, in either order."""
        p = self.pick(self.names.foreign_officials if foreign else self.names.officials)
        self.people.append(p.name)
        self.orgs.append(p.org)
        return f"{p.name}, {p.role}" if self.chance(0.5) else f"the {p.role}, {p.name}"

    def place(self, name: str) -> str:
        p = vocab.PLACE_BY_NAME[name]
        self.places.append(name)
        # The bare city name would read as the whole autonomous republic.
        form = self.pick(p.aliases if name == "Nakhchivan" else p.forms[:1] * 3 + p.forms[1:])
        return f"the {form}" if p.the else form

    def home_place(self) -> str:
        """A city or district of Azerbaijan that existed for the Office at this time."""
        if self.invented():
            return self.town()
        return self.place(self.pick(vocab.home_places(self.period.start)))

    def person(self, p: vocab.Person) -> str:
        """'the <role>, <name>' or '<name>, <role>' (no trailing comma)."""
        self.people.append(p.name)
        self.orgs.extend(p.orgs)
        self.places.extend(p.places)
        if self.chance(0.5):
            return f"{p.name}, {p.role}"
        return f"the {p.role}, {p.name}"

    def omb(self) -> str:
        """The Ombudsman as a sentence subject (an apposition carries its closing comma)."""
        n = self.ombudsman
        named = (f"the Commissioner for Human Rights (Ombudsman) of Azerbaijan, {n},",
                 f"the Commissioner for Human Rights of the Republic of Azerbaijan, {n},",
                 f"the Ombudsman of Azerbaijan, {n},", f"Ombudsman {n}",
                 f"the Human Rights Commissioner of Azerbaijan, {n},", f"the Ombudsman, {n},")
        bare = ("the Ombudsman", "the Commissioner", "the Ombudsman of Azerbaijan")
        form = self.pick(named) if self.chance(0.6) else self.pick(bare)
        if n in form:
            self.people.append(n)
        return form

    def omb_object(self) -> str:
        """The Ombudsman after a verb or preposition."""
        n = self.ombudsman
        if self.chance(0.5):
            self.people.append(n)
            return self.pick((f"Ombudsman {n}", f"the Ombudsman of Azerbaijan {n}"))
        return self.pick(("the Ombudsman", "the Commissioner for Human Rights (Ombudsman)"))

    def office(self) -> str:
        return self.pick(("the Ombudsman Office", "the Ombudsman Office",
                          "the Ombudsman Institution", "the Ombudsman Office of Azerbaijan",
                          f"the {self.poss('Ombudsman')} Office",
                          "the Office of the Commissioner for Human Rights (Ombudsman)"))

    def staff(self) -> str:
        return self.pick(("Ombudsman Office employees", "staff members of the Office",
                          "employees of the Ombudsman Office", f"the {self.poss('Ombudsman')} "
                          "representatives", "a group of Office employees"))

    def head_of_office(self) -> str:
        self.people.append(vocab.HEAD_OF_OFFICE.name)
        return self.pick((f"{vocab.HEAD_OF_OFFICE.name}, Head of the Ombudsman Office",
                          f"the Head of the Ombudsman Office, {vocab.HEAD_OF_OFFICE.name}",
                          f"the Chief of Staff of the Ombudsman Office, "
                          f"{vocab.HEAD_OF_OFFICE.name}"))

    # -- dates -------------------------------------------------------------------------
    def day(self) -> date:
        """The activity's day, drawn once inside the period."""
        if self._day is None:
            self._day = self.pick(self.period.days())
        return self._day

    def opening(self) -> str:
        """'On 14 March, ' when this item states its day, else ''."""
        if not self.states_day:
            return ""
        d = self.day()
        phrase = self.pick((f"On {_md(d)}, ", f"On {_dm(d)}, ", f"On {_md(d, True)}, ",
                            f"On {_md(d)}, {d.year}, ", f"On {_dm(d, True)}, "))
        return self._dated(d, phrase)

    def tail(self) -> str:
        """' on 14 March' when this item states its day, else ''."""
        if not self.states_day:
            return ""
        d = self.day()
        phrase = self.pick((f" on {_dm(d)}", f" on {_md(d)}", f" on {_dm(d, True)}",
                            f" on {_md(d, True)}", f" on {_dm(d)} {d.year}"))
        return self._dated(d, phrase)

    def holiday(self, day: Day) -> str:
        """The commemorated day's name, with its date in front when the item states days."""
        d = day.on(self.period.start.year)
        if self._day not in (None, d) or self.chance(0.3):
            return day.name
        self._day = d
        name = day.name.removeprefix("the ")
        phrase = self.pick((f"{_md(d, True)} - {name}", f"{_dm(d)} - {name}",
                            f"{_dm(d, True)}- {name}", f"{_md(d)} - {name}"))
        return self._dated(d, phrase)

    def _dated(self, d: date, phrase: str) -> str:
        self.dated.append((d, phrase.strip().rstrip(",")))
        return phrase


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _md(d: date, ordinal_day: bool = False) -> str:
    day = ordinal(d.day) if ordinal_day else str(d.day)
    return f"{calendar.month_name[d.month]} {day}"


def _dm(d: date, ordinal_day: bool = False) -> str:
    day = ordinal(d.day) if ordinal_day else str(d.day)
    return f"{day} {calendar.month_name[d.month]}"


def assemble(w: Writer, category: str, headline: str, lead: Sequence[str],
             details: Sequence[str] = (), closing: Sequence[str] = (),
             themes: Sequence[str] = ()) -> Draft:
    """1-3 paragraphs of 1-4 sentences: the lead, details, and a closing remark.

    Real items run to 60-100 words, so most items get several details and a remark.
    """
    paragraphs = [list(lead)]
    chosen = w.some(details, min(2, len(details)), 4)
    if chosen and w.chance(0.35):
        paragraphs[0].append(chosen.pop(0))
    if len(chosen) >= 3 and w.chance(0.5):
        paragraphs += [chosen[:2], chosen[2:]]
    elif chosen:
        paragraphs.append(chosen)
    remarks = closing or remarks_for(w)
    if len(paragraphs) < 3 and w.chance(0.55):
        paragraphs.append([w.pick(remarks)])
    elif len(paragraphs[-1]) < 4 and w.chance(0.4):
        paragraphs[-1].append(w.pick(remarks))
    return Draft(category, finish_headline(headline),
                 [[finish_sentence(s) for s in p] for p in paragraphs],
                 tuple(dict.fromkeys(t for t in themes)))


def event_remarks(w: Writer) -> tuple[str, ...]:
    """Closing sentences for an item where people gathered."""
    return (w.pick(("Those present thanked the organisers.",
                    "The organisers were thanked for the event.")),
            w.pick(("A round of questions and answers closed the day.",
                    "It ended with answers to questions from the audience.")),
            "Both sides intend to keep working together on this.",
            *remarks_for(w))


def remarks_for(w: Writer) -> tuple[str, ...]:
    """Closing sentences that fit almost any item."""
    return (
        w.pick((f"People who are least able to defend themselves come first for the Office, "
                f"{w.omb()} said.",
                f"According to {w.omb_object()}, the weakest must be protected first.")),
        w.pick(("More of this work is planned.", "The work will go on in the coming months.")),
        f"{w.omb()} asked for wider awareness of these rights.",
        "Proposals that came up will go into the Office's recommendations.",
        f"A short account was put on the {w.poss('Ombudsman')} website.",
    )


def finish_headline(text: str) -> str:
    text = " ".join(text.split()).rstrip(".")
    return _capitalise(text)


def finish_sentence(text: str) -> str:
    text = _capitalise(" ".join(text.split()))
    return text if text[-1] in ".!?" or text.endswith((".”", '."')) else text + "."


def _capitalise(text: str) -> str:
    # Skip an opening quote so “human rights...” starts with a capital inside it.
    i = 0
    while i < len(text) and not text[i].isalnum():
        i += 1
    return text[:i] + text[i:i + 1].upper() + text[i + 1:]
