"""Which months each sample bulletin covers, and how its header names that period."""
from __future__ import annotations

import calendar
import random
from dataclasses import dataclass
from datetime import date, timedelta

# About one bulletin in 24 covers two months, as the real series occasionally does.
TWO_MONTH_CHANCE = 1 / 23

HEADER = ("This issue of the Information Bulletin of the Commissioner for Human Rights "
          "(Ombudsman) of the Republic of Azerbaijan covered the period {period}.")


@dataclass(frozen=True, slots=True)
class Period:
    start: date
    end: date

    @property
    def stem(self) -> str:
        """File name without extension: named after the first month covered."""
        return f"bulletin-{self.start:%Y-%m}"

    @property
    def months(self) -> int:
        return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1

    def days(self) -> list[date]:
        return [self.start + timedelta(n) for n in range((self.end - self.start).days + 1)]

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end


def _month(index: int) -> tuple[int, int]:
    year, month0 = divmod(index, 12)
    return year, month0 + 1


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def plan_periods(seed: int, months: int, end_year: int, end_month: int) -> list[Period]:
    """Consecutive bulletins covering exactly `months` months, the last ending at end_month.

    Whether a bulletin starting in a month spans two months depends on the seed and that
    month only, so generating more months does not reshuffle the later ones. A December
    bulletin never spans into January (a bulletin stays inside one year).
    """
    if months < 1:
        raise ValueError("months must be at least 1")
    last = end_year * 12 + end_month - 1
    index, periods = last - months + 1, []
    while index <= last:
        year, month = _month(index)
        span = 1
        if index < last and month != 12 and _spans_two(seed, year, month):
            span = 2
        end_y, end_m = _month(index + span - 1)
        periods.append(Period(date(year, month, 1), _last_day(end_y, end_m)))
        index += span
    return periods


def _spans_two(seed: int, year: int, month: int) -> bool:
    return random.Random(f"{seed}-{year}-{month:02d}-span").random() < TWO_MONTH_CHANCE


def period_phrase(period: Period, rng: random.Random) -> str:
    """The period as the header states it, in one of the forms real bulletins use."""
    s, e = period.start, period.end
    m1, m2 = calendar.month_name[s.month], calendar.month_name[e.month]
    if period.months == 1:
        forms = (f"{m1} 01-{e.day}, {s.year}", f"{m1} 1-{e.day}, {s.year}",
                 f"1-{e.day} {m1} {s.year}", f"{m1} {s.year}")
        weights = (55, 10, 15, 20)
    else:
        forms = (f"{m1} 01 - {m2} {e.day}, {s.year}", f"1 {m1} - {e.day} {m2} {s.year}",
                 f"{m1}-{m2} {s.year}")
        weights = (60, 20, 20)
    return rng.choices(forms, weights)[0]


def header_sentence(period: Period, rng: random.Random) -> str:
    return HEADER.format(period=period_phrase(period, rng))
