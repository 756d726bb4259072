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
# "December 27", "December 10th", "27 December", "3rd December", "27th of December";
# the year, when written, must be the period's.
_STATED_DAY = re.compile(
    rf"(?<![\w-])(?:(?P<m1>{_MONTH})\s+(?P<d1>{_DAY})(?![\d])|(?P<d2>{_DAY})(?:\s+of)?\s*-?\s*(?P<m2>{_MONTH}))"
    rf"(?![\w]){_YEAR}",
)


@dataclass(frozen=True, slots=True)
class StatedDay:
    day: date
    text: str  # the words that stated it


def stated_days(text: str, period: Period) -> list[StatedDay]:
    """Every day the text states that falls inside the bulletin's period, in order."""
    out: list[StatedDay] = []
    for m in _STATED_DAY.finditer(text):
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
