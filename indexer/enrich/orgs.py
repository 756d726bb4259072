"""Organisations found by the shape of their names, for partners the gazetteer lacks.

"Asian Ombudsman Association (AOA)", "Ministry of Digital Development", "University of
Tartu", "“Legal Aid” Public Union", "ombudsmen of Kazakhstan and Uzbekistan". A name
counts only with an organisation head noun, at least two words, and not when it is the
Ombudsman institution itself, one of its own units, or a place of detention it visits.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..parse.words import zipf

_HEADS = (
    r"Association|Committee|Commission|Council|Organi[sz]ation|Agency|Fund|Programme|Program|Union"
    r"|Institute|Institution|Cent(?:er|re)|Academy|University|Ministry|Service|Federation|Network"
    r"|Society|Foundation|Bank|Court|Parliament|Alliance|League|Movement|Bureau|Authority"
    r"|Administration|Chamber|Confederation|Secretariat|Company|Corporation|Coalition|Board|Assembly"
    r"|Library|College|Lyceum|Mission|Embassy|Embassies|Consulate|Department|Executive Power|Representation"
    r"|Representative Office"
)
_HEAD = re.compile(rf"\b(?:{_HEADS})s?\b")
_CAP = r"(?:[A-Z][\w'’&-]*|“[^”\n]{2,200}”|\"[^\"\n]{2,200}\")"
_LINK = r"(?:of|for|and|on|in|the|de|under)"
# "with" joins capitalised words too ("Department for Cooperation with International ...
# Organizations"); _org_spans splits there when the left side is no body of its own
_SEQ = rf"{_CAP}(?:\s+(?:(?:{_LINK}|with)\s+)*{_CAP})*"
_CAPSEQ = re.compile(_SEQ)
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
_WITH_ACRONYM = re.compile(rf"({_SEQ})\s*\(([A-Z][A-Za-z&/.-]{{1,12}})\)")
_OMBUDSMEN_OF = re.compile(
    r"\b(?:ombudsm[ae]n|ombudspersons?|human rights commissioners?|commissioners?|public defenders?"
    r"|national human rights institutions?)"
    # "ombudspersons and national human rights institutions of Turkey, Uzbekistan and Kazakhstan"
    r"(?:\s+and\s+(?:the\s+)?(?:national\s+human\s+rights\s+institutions?|nhris?))?"
    r"(?:['’]s)?(?:\s+\((?:ombudsm[ae]n|ombudsperson)\))?(?:\s+for\s+human\s+rights)?(?:\s+office)?\s+of\s+",
    re.IGNORECASE,
)
# Not partners: the office itself and its units, and places of detention or care it visits.
_SELF_OR_PLACE = re.compile(
    r"^(?:Ombuds|Commissioner|Human Rights Commissioner|Office of the)"
    r"|\bOmbuds\w*(?:'s|’s)?\s+(?:Office|Institution|Institute|Apparatus)\b"
    r"|\b(?:Working Group|"
    r"Regional Cent\w*|Preventive|Expert Council|Penitentiary Institution|Prison|Detention|Isolator|Colony|"
    r"Hospital|Clinic|Boarding|Shelter|Orphanage|Social Service|Country Office|Head Office|Police)\b"
    r"|^(?:The|A|An|This|These|Our|Its)\b",
)
_LEADING = re.compile(
    r"^(?:(?:[Tt]he|A|An|By|At|On|In|With|From|[Aa]nd|[Oo]f|[Ff]or|During|Under|Both"
    # a month ending a date before the name: "On 3 February the Association of ..."
    r"|January|February|March|April|May|June|July|August|September|October|November|December"
    # a person's role before the body it belongs to: "Head of the Delegation of ...",
    # "Executive Director of the ... Foundation"
    r"|(?:(?:First |Acting |Executive )?(?:Deputy |Vice[- ])?|Executive )(?:Head|Chair(?:man|woman|person)?|Director|Rector|President|Representative"
    r"|Members?|Staff|Employees|Minister|Ambassador|Coordinator|Secretary|Officials?"
    # an organ of a body named after it: "Board of Directors of the Association of ..."
    r"|Board of Directors|Board|General Assembly|Secretariat)(?:\s+of)?)\s+)+"
)
_TRAILING = re.compile(rf"(?:\s+{_LINK})+$|\s+in\s+the\s+.*$")
# An organisation's local office stands for the organisation: "ICMPD's Representation in Azerbaijan".
_LOCAL_OFFICE = re.compile(r"['’]s\s+(?:Representation|Representative Office|Office|Mission)\b.*$")
# An event or a meeting is not a body, even when named after one ("5th Session of the Committee").
_EVENT = re.compile(r"\b(?:Conference|Forum|Summit|Congress|Seminar|Symposium|Meeting|Session|Webinar|Festival)s?\b")
# A name made only of these (and head nouns, places, links) names no one body: "Board of
# Directors", "General Assembly", "Fact-finding Missions", "Action Plan of the Association".
_GENERIC = frozenset(
    """board directors general assembly mission missions report reports action plan fact-finding unit
    sector republic national international state joint annual regular extraordinary next first new
    member members staff azerbaijan azerbaijani""".split()
)


@dataclass(frozen=True, slots=True)
class OrgMention:
    name: str  # as printed, cleaned of quotes and articles
    acronym: str = ""


def _clean(name: str) -> str:
    name = _TRAILING.sub("", _LEADING.sub("", _LOCAL_OFFICE.sub("", name.strip())))
    return " ".join(name.replace("“", "").replace("”", "").replace('"', "").split())


def has_head_noun(name: str) -> bool:
    return bool(_HEAD.search(name))


def _is_org(name: str) -> bool:
    return (
        bool(_HEAD.search(name)) and len(name.split()) >= 2 and not _SELF_OR_PLACE.search(name)
        and not _EVENT.search(name) and names_one_body(name) and not is_generic_plural(name)
    )


GENERIC_WORD = 4.0  # Zipf: a word this common names a kind of body, not one body


def is_generic_plural(name: str) -> bool:
    """A class of bodies, not one: a plural head noun after common words only ("National Human
    Rights Institutions", "International and Civil Society Organizations"); a proper word
    ("Turkic", "Ombudsman") or a place makes a name one body's."""
    words = [w.strip("“”\"'’(),.") for w in name.split()]
    last = words[-1] if words else ""
    if not (last.endswith("s") and _HEAD.fullmatch(last) and _HEAD.fullmatch(last[:-1])):
        return False  # not a head noun's plural ("Institutions"; "Agencies" is left alone)
    rest = [w for w in words[:-1] if not re.fullmatch(_LINK, w.lower())]
    return bool(rest) and all(w[:1].isupper() and zipf(w) >= GENERIC_WORD for w in rest)


_NAMED_BY_PLACE = re.compile(r"\b(?:Embass(?:y|ies)|Consulates?|Executive Power|Executive Authority|Departments?)\b")


def named_by_place(name: str) -> bool:
    """Bodies whose own word is a place: "Embassy of Azerbaijan in Ruritania", "Goygol District
    Executive Power"."""
    return bool(_NAMED_BY_PLACE.search(name))


_VENUE = re.compile(r"\b(?:Cent(?:er|re)|Hall|Palace|Museum|Hotel|Theat(?:re|er)|Park|Stadium|Caf[eé])\b")


def is_venue(name: str) -> bool:
    """A place where something was held ("at the Baku Book Center"), not a body acting in it."""
    return bool(_VENUE.search(name))


def needs_place(name: str) -> bool:
    """A department or an embassy is a body of its own only with a place in its name ("Baku
    City Education Department"); else it is a unit ("the Complaints Department")."""
    heads = {m.group(0) for m in _HEAD.finditer(name)}
    return bool(heads) and all(_NAMED_BY_PLACE.fullmatch(h) for h in heads)


def names_one_body(name: str) -> bool:
    """Whether a name holds a word of its own beside head nouns, links and generic words."""
    for word in name.split():
        bare = word.strip("“”\"'’(),.").lower()
        if bare and not _HEAD.fullmatch(word.strip("“”\"'’(),.")) and bare not in _GENERIC and not re.fullmatch(_LINK, bare):
            return True
    return False


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w[:1].isupper())


def _trim_to_acronym(name: str, acronym: str) -> str:
    """Drop leading words until the capitals' initials end like the acronym does."""
    words = name.split()
    letters = acronym.replace("/", "").replace(".", "").replace("&", "").upper()
    for start in range(len(words)):
        if words[start][:1].isupper() and _initials(words[start:]).upper() == letters:
            return " ".join(words[start:])
    return name


def find_organisations(text: str) -> list[OrgMention]:
    """Organisation names by pattern, in order of appearance, each once."""
    found: dict[str, OrgMention] = {}
    for m in _WITH_ACRONYM.finditer(text):
        name = _clean(_trim_to_acronym(_clean(m.group(1)), m.group(2)))
        if _is_org(name):
            found.setdefault(name, OrgMention(name, m.group(2)))
    for m in _CAPSEQ.finditer(text):
        if not _HEAD.search(_QUOTED.sub(" ", m.group(0))):
            continue  # the head noun is inside a quoted title: an event or a book, not a body
        listed = _LISTED_WORDS.search(text[max(0, m.start() - 120): m.start()])
        seq = (listed.group(0) if listed and not _HEAD.search(listed.group(0)) else "") + m.group(0)
        for name in _org_spans(_clean(seq)):
            if _is_org(name) and not any(name in k for k in found):
                found.setdefault(name, OrgMention(name))
    return list(found.values())


# Words listed with commas inside one name: "Turkiye-Azerbaijan Friendship, Cooperation, and
# Solidarity Association" (single capitalised words, the last list item before "and").
_LISTED_WORDS = re.compile(r"(?<![\w'’-])(?:[A-Z][a-z][\w'’-]*(?: [A-Z][a-z][\w'’-]*)?,\s+){2,}and\s+$")


def _org_spans(seq: str) -> list[str]:
    """Split a run of capitalised words at "and" when both sides are organisations, and at
    "with" unless the left side is a body ("Memorandum of Understanding with X" is X;
    "Department for Cooperation with International Organizations" is one name)."""
    left, sep, right = seq.partition(" with ")
    if sep:
        return [seq] if _HEAD.search(left) else _org_spans(_clean(right))
    joined = re.split(r"\s+and\s+(?=the\s)", seq)  # "... Association and the Embassy of ..."
    if len(joined) > 1:
        return [_clean(p) for p in joined if _HEAD.search(p)]
    parts = [p.strip() for p in re.split(r"\s+and\s+", seq)]
    if len(parts) > 1 and all(_HEAD.search(p) for p in parts):
        return [_clean(p) for p in parts]
    return [seq]


def foreign_ombudsmen(text: str, places_in: Callable[[str], list[str]], home: frozenset[str]) -> list[str]:
    """Places whose ombudsmen the text names: "the ombudsmen of Kazakhstan, the Russian
    Federation and the Chechen Republic" gives those three; the home country is skipped."""
    out: list[str] = []
    for m in _OMBUDSMEN_OF.finditer(text):
        tail = text[m.end(): m.end() + 200]
        out.extend(_listed_places(tail, places_in, home))
    return list(dict.fromkeys(out))


_STATE = re.compile(r"\b(?:Federation|Republic|Union|Kingdom|States|Emirates)\b")
# one member of a list of places, "of" inside it: "the Republic of Kazakhstan", "the Chechen
# Republic of the Russian Federation"
_LIST_ITEM = re.compile(r"\s*(?:the\s+)?([A-Z][\w'’.-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'’.-]*)*)")
_LIST_SEP = re.compile(r",\s*and\s+|,\s*|\s+and\s+")


def _listed_places(tail: str, places_in: Callable[[str], list[str]], home: frozenset[str]) -> list[str]:
    """The places at the head of a list: "Kazakhstan, the Russian Federation, and ..."."""
    places: list[str] = []
    pos = 0
    while (item := _LIST_ITEM.match(tail, pos)) is not None:
        name = item.group(1)
        if has_head_noun(name) and not _STATE.search(name):
            break  # "Khazar University": a body, not a place (but "the Russian Federation" is one)
        if name not in home:
            found = places_in(name)
            if len(found) != 1:  # "the Chechen Republic of the Russian Federation": the first
                found = places_in(name.split(" of ")[0]) if " of " in name else found
            if len(found) != 1:
                break
            places.append(found[0])
        sep = _LIST_SEP.match(tail, item.end())
        if sep is None:
            break
        pos = sep.end()
    return places
