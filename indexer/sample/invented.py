"""Names in no vocabulary: organisations, towns and people built from name patterns.

The rest of the generator names real bodies and places that `data/partners.toml` and
`data/places.toml` also list, so an enricher reading those lists finds them by lookup. The
names made here are listed nowhere: towns from syllables, people from given names and
invented surnames, organisations from the shapes real ones take ("<Town> Foundation for
<Cause>", "Association of <Profession> of <Town>"). An enricher can find them only as a
reader would, by their shape and by what stands around them, so the sample can tell an
enricher that generalises from one that memorised its lists.

The pools are drawn once per corpus seed (not per month), so a name recurs across bulletins
the way a real partner does, and tests can list every name a corpus may print.
"""
from __future__ import annotations

import functools
import random
from dataclasses import dataclass

# Towns of Azerbaijan: a first and a second part, as many real names are built
# ("-abad", "-kend", "-li" ...). Parts chosen so the joins are not real district names.
_HOME_HEADS = ("Gul", "Sarit", "Dashbu", "Yalan", "Chinar", "Tutlu", "Armud", "Gozal", "Bulut",
               "Narin", "Sunbul", "Ilgar", "Gushchu", "Ulduz", "Mehriz")
_HOME_TAILS = ("abad", "kend", "chay", "dere", "oba", "bulag", "yurd", "tepe", "gishlag", "lar")
# Towns abroad: a stem and an ending of several European and Asian shapes.
_FOREIGN_HEADS = ("Vel", "Brenn", "Ostra", "Kald", "Morv", "Tarn", "Lisk", "Quen", "Harv", "Zell")
_FOREIGN_TAILS = ("mora", "stad", "heim", "ovo", "ania", "burg", "ska", "port", "anta", "dorf")

_GIVEN = (("Rauf", "m"), ("Elnur", "m"), ("Zaur", "m"), ("Vusal", "m"), ("Ramin", "m"),
          ("Tahir", "m"), ("Nurlan", "m"), ("Emin", "m"), ("Samira", "f"), ("Gulnar", "f"),
          ("Aynur", "f"), ("Sevinj", "f"), ("Ulviyya", "f"), ("Kamala", "f"), ("Lamiya", "f"),
          ("Narmin", "f"))
_ROOTS = ("Talib", "Sadig", "Bakhshal", "Alasgar", "Gurban", "Mirheydar", "Shahmar", "Nadir",
          "Abulfat", "Gasimkhan", "Tapdig", "Yadigar")
_FOREIGN_GIVEN = ("Henrik", "Ines", "Matteo", "Aurelie", "Jonas", "Klara", "Tomas", "Marta",
                  "Lukas", "Elif", "Arjun", "Mei")
_FOREIGN_FAMILY = ("Valdmann", "Corvella", "Brenstad", "Ostrowicz", "Delacourt", "Halvorsen",
                   "Marchetti", "Kovalenko", "Nakashima", "Ferreira-Lind", "Okonkwo", "Daskalov")

# Causes, professions and shapes of a body's name.
_CAUSES = ("Rural Development", "Legal Literacy", "Family Wellbeing", "Civic Education",
           "Child Protection", "Disability Inclusion", "Care of the Elderly",
           "Migrant Support", "Women's Leadership", "Youth Participation", "Mediation",
           "Social Justice")
_PROFESSIONS = ("Social Workers", "Mediators", "Young Jurists", "Rural Teachers", "Psychologists",
                "Family Doctors", "Volunteers")
_ORG_SHAPES = (
    "{town} Foundation for {cause}", "Association of {profession} of {town}",
    "{town} Society for {cause}", "Institute for {cause} Studies",
    "{town} Public Union for {cause}", "Union of {profession}", "{town} State University",
    "Council for {cause} of {town}", "{surname} Foundation",
    "{motto} Public Union", "{motto} Public Union",  # twice: the commonest shape of an NGO
)
# Public unions often carry a motto, printed in quotes: “Open Door” Public Union. The truth
# names them without the quotes; QUOTED_HEAD is the part printed after the closing quote.
_MOTTOS = ("Open Door", "Bright Steps", "Green Valley", "Ray of Hope", "New Horizons",
           "Helping Hand", "Clear Sky", "Kind Heart")
QUOTED_HEAD = " Public Union"
_FOREIGN_ORG_SHAPES = (
    "{town} Institute of Human Rights", "{town} Academy of Public Service",
    "Human Rights Foundation of {town}", "{town} Association of Mediators",
)


@dataclass(frozen=True, slots=True)
class Person:
    """An invented official: printed with `role`, which names `org` (one of the pools')."""

    name: str
    role: str
    org: str


@dataclass(frozen=True, slots=True)
class Names:
    home_towns: tuple[str, ...]
    foreign_towns: tuple[str, ...]
    orgs: tuple[str, ...]  # bodies of Azerbaijan
    foreign_orgs: tuple[str, ...]
    officials: tuple[Person, ...]  # of the home bodies
    foreign_officials: tuple[Person, ...]

    @property
    def all_orgs(self) -> tuple[str, ...]:
        return (*self.orgs, *self.foreign_orgs)

    @property
    def all_towns(self) -> tuple[str, ...]:
        return (*self.home_towns, *self.foreign_towns)

    @property
    def all_people(self) -> tuple[str, ...]:
        return tuple(p.name for p in (*self.officials, *self.foreign_officials))


def _distinct(rng: random.Random, make, count: int) -> tuple[str, ...]:
    out: dict[str, None] = {}
    while len(out) < count:
        out.setdefault(make(rng))
    return tuple(out)


def _home_town(rng: random.Random) -> str:
    head, tail = rng.choice(_HOME_HEADS), rng.choice(_HOME_TAILS)
    return head + (tail if head[-1] not in "aeiou" or tail[0] not in "aeiou" else tail[1:])


def _foreign_town(rng: random.Random) -> str:
    return rng.choice(_FOREIGN_HEADS) + rng.choice(_FOREIGN_TAILS)


def _surname(rng: random.Random, female: bool) -> str:
    root = rng.choice(_ROOTS)
    return root + rng.choice(("zade", "li", "ova" if female else "ov"))


@functools.lru_cache(maxsize=8)
def names_for(seed: int) -> Names:
    """The invented names a corpus of this seed may print."""
    rng = random.Random(f"{seed}-invented")
    home = _distinct(rng, _home_town, 18)
    foreign = _distinct(rng, _foreign_town, 8)

    def org(r: random.Random) -> str:
        given, sex = r.choice(_GIVEN)
        return r.choice(_ORG_SHAPES).format(town=r.choice(home), cause=r.choice(_CAUSES),
                                            profession=r.choice(_PROFESSIONS),
                                            surname=f"{given} {_surname(r, sex == 'f')}",
                                            motto=r.choice(_MOTTOS))
    orgs = _distinct(rng, org, 30)
    foreign_orgs = _distinct(rng, lambda r: r.choice(_FOREIGN_ORG_SHAPES).format(
        town=r.choice(foreign)), 10)

    def official(r: random.Random) -> str:
        given, sex = r.choice(_GIVEN)
        return f"{given} {_surname(r, sex == 'f')}"
    home_people = _distinct(rng, official, 12)
    foreign_people = _distinct(rng, lambda r: f"{r.choice(_FOREIGN_GIVEN)} "
                               f"{r.choice(_FOREIGN_FAMILY)}", 8)
    return Names(home, foreign, orgs, foreign_orgs,
                 tuple(_person(rng, n, orgs) for n in home_people),
                 tuple(_person(rng, n, foreign_orgs) for n in foreign_people))


def motto(name: str) -> str:
    """The motto of a "<motto> Public Union" ("" for other names): printed in quotes."""
    head = name.removesuffix(QUOTED_HEAD)
    return head if head != name and head in _MOTTOS else ""


_ROLES = ("Director", "Chairperson", "Executive Director", "Deputy Director", "President",
          "Head")


def _person(rng: random.Random, name: str, orgs: tuple[str, ...]) -> Person:
    org = rng.choice(orgs)
    return Person(name, f"{rng.choice(_ROLES)} of the {org}", org)
