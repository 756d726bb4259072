"""The day an item's activity took place, when its text states it inside the period."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from functools import lru_cache

from ..parse.period import Period, parse_day

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
_DAY = r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s*(?P<year>(?:19|20)\d{2}))?"
_RANGE = r"(?:\s*[-–]\s*(?:0?[1-9]|[12]\d|3[01])(?![\d]))?"  # "March 3-4, 1990": the year is the range's
# "December 27", "December 10th", "27 December", "3rd December", "27th of December";
# the year, when written, must be the period's.
_STATED_DAY = re.compile(
    rf"(?<![\w-])(?:(?P<m1>{_MONTH})\s+(?P<d1>{_DAY})(?![\d])|(?P<d2>{_DAY})(?:\s+of)?\s*-?\s*(?P<m2>{_MONTH}))"
    rf"(?![\w]){_RANGE}{_YEAR}",
)
# A stated day is not the office's act when the words before it make it a start, a
# document's date or the day before ("since May 9", "the Decree of June 7", "on the
# eve of 10 December"); an event "in honor of" or "dedicated to" a day is taken as held on it ...
_NOT_ACT_BEFORE = re.compile(
    r"\b(?:since|from|starting|start(?:ed)? (?:at|on)|until|till|eve of"
    r"|(?:Law|Order|Decree|Resolution|Statement|Decision|Act|Constitution|Convention)s? (?:dated |of )"
    r"|as of|beginning)(?: (?:the|at|on|noon|night|morning|evening|of))*\s*$",
    re.IGNORECASE,
)
# ... or when the day names a campaign or a yearly observance ("the June 18 Human Rights
# Month-Long Campaign", "18 June is celebrated as ...") ...
_NAMED_DAY_AFTER = re.compile(
    r"^\s*[-–]?\s*(?:[A-Z][\w'’-]*\s+){0,5}(?:Month|Campaign|Week)\b|^\s+(?:is|was) (?:celebrated|marked|commemorated)"
)
# ... or when its sentence reports an incident, not the office's work.
_INCIDENT = re.compile(
    r"\b(?:explo(?:ded|sion)|fired|shell(?:ed|ing)|missiles?|attack(?:ed|s)?|troops|killed|wounded|injured"
    r"|detonat\w+|bomb\w*|occupied|ceasefire)\b",
    re.IGNORECASE,
)
_OFFICE = re.compile(r"\b(?:Ombuds\w*|Commissioner|Office)\b")


@dataclass(frozen=True, slots=True)
class StatedDay:
    day: date
    text: str  # the words that stated it


def stated_days(text: str, period: Period) -> list[StatedDay]:
    """Every day the text states that falls inside the bulletin's period, in order."""
    out: list[StatedDay] = []
    for m in _STATED_DAY.finditer(text):
        if not _is_act_day(text, m.start(), m.end()):
            continue
        month = m.group("m1") or m.group("m2")
        day = re.sub(r"\D", "", m.group("d1") or m.group("d2"))
        years = [m.group("year")] if m.group("year") else _candidate_years(period)
        number = _month_number(month.rstrip("."))
        for year in years:
            parsed = _day(int(year), number, int(day)) if number else None
            if parsed and period.contains(parsed):
                out.append(StatedDay(parsed, " ".join(m.group(0).split())))
                break
    return out


def _is_act_day(text: str, start: int, end: int) -> bool:
    if _NOT_ACT_BEFORE.search(text[max(0, start - 60): start]) or _NAMED_DAY_AFTER.match(text[end: end + 80]):
        return False
    sentence = _sentence_around(text, start, end)
    return not (_INCIDENT.search(sentence) and not _OFFICE.search(sentence))


def _sentence_around(text: str, start: int, end: int) -> str:
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    right = min((i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0), default=len(text))
    return text[left + 1: right]


@lru_cache(maxsize=64)
def _month_number(name: str) -> int | None:
    """The month a written name stands for, read by dateparser once per spelling."""
    parsed = parse_day("1", name, "2000")
    return parsed.month if parsed else None


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:  # "February 30"
        return None


def _candidate_years(period: Period) -> list[str]:
    return sorted({str(period.start.year), str(period.end.year)})


def activity_day(title: str, body: str, period: Period) -> StatedDay | None:
    """The first day stated in the headline or body that lies inside the period."""
    for text in (title, body):
        days = stated_days(text, period)
        if days:
            return days[0]
    return None
