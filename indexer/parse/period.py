"""The period a bulletin covers, read from its header sentence."""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from dateparser.date import DateDataParser

_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
_TO = r"\s*(?:-|–|—|to|till|until|through)\s*"


def _rx(pattern: str) -> re.Pattern[str]:
    pattern = (
        pattern.replace("MONTH", _MONTHS).replace("DAY", _DAY).replace("YEAR", _YEAR)
        .replace("TO", _TO).replace(" ", r"\s+")
    )
    return re.compile(r"(?<![\w])" + pattern + r"(?![\w])", re.IGNORECASE)


# Most specific first: the first form that matches wins.
_FORMS: tuple[re.Pattern[str], ...] = (
    # December 1, 2024 - January 15, 2025
    _rx(r"(?P<m1>MONTH) (?P<d1>DAY),? (?P<y1>YEAR)TO(?P<m2>MONTH) (?P<d2>DAY),? (?P<y2>YEAR)"),
    # 1 December 2024 - 15 January 2025
    _rx(r"(?P<d1>DAY) (?P<m1>MONTH),? (?P<y1>YEAR)TO(?P<d2>DAY) (?P<m2>MONTH),? (?P<y2>YEAR)"),
    # December 01-31, 2024 / January 01 - February 29, 2024
    _rx(r"(?P<m1>MONTH) (?P<d1>DAY)TO(?:(?P<m2>MONTH) )?(?P<d2>DAY),? (?P<y1>YEAR)"),
    # 1-31 December 2024 / 01 January - 29 February 2024
    _rx(r"(?P<d1>DAY)(?: (?P<m1>MONTH))?TO(?P<d2>DAY) (?P<m2>MONTH),? (?P<y1>YEAR)"),
    # December 2024 - January 2025
    _rx(r"(?P<m1>MONTH),? (?P<y1>YEAR)TO(?P<m2>MONTH),? (?P<y2>YEAR)"),
    # January-February 2024
    _rx(r"(?P<m1>MONTH)TO(?P<m2>MONTH),? (?P<y1>YEAR)"),
    # November 2024
    _rx(r"(?P<m1>MONTH),? (?P<y1>YEAR)"),
)


@dataclass(frozen=True, slots=True)
class Period:
    start: date
    end: date
    text: str  # the words of the header the period was read from

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end


class PeriodError(ValueError):
    """A period was written but makes no sense (e.g. 'February 30' or an end before its start)."""


@lru_cache(maxsize=1)
def _parser() -> DateDataParser:
    # One parser for the process: building one per call costs milliseconds.
    return DateDataParser(
        languages=["en"],
        settings={"DATE_ORDER": "DMY", "STRICT_PARSING": True, "PREFER_DAY_OF_MONTH": "first"},
    )


@lru_cache(maxsize=4096)
def parse_day(day: str, month: str, year: str) -> date | None:
    parsed = _parser().get_date_data(f"{day} {month} {year}").date_obj
    return parsed.date() if parsed else None


def _month_bound(month: str, year: str, last: bool) -> date | None:
    first = parse_day("1", month, year)
    if first is None or not last:
        return first
    return first.replace(day=calendar.monthrange(first.year, first.month)[1])


def _endpoint(m: re.Match[str], n: int, last: bool) -> date | None:
    groups = m.groupdict()
    month = groups.get(f"m{n}") or groups.get("m1") or groups.get("m2")
    year = groups.get(f"y{n}") or groups.get("y1")
    day = groups.get(f"d{n}")
    if not (month and year):
        return None
    if day is None:
        return _month_bound(month, year, last)
    return parse_day(re.sub(r"\D", "", day), month.rstrip("."), year)


def find_period(text: str) -> Period | None:
    """The first period expression in `text`, preferring the words after "period".

    Returns None when there is none; raises PeriodError when one is written but is
    not a real range of dates.
    """
    anchor = re.search(r"\bperiod\b|\bcovers?\b|\bcovered\b", text, re.IGNORECASE)
    for scope in ((text[anchor.end():],) if anchor else ()) + (text,):
        for form in _FORMS:
            m = form.search(scope)
            if m:
                return _period_from(m)
    return None


def _period_from(m: re.Match[str]) -> Period:
    start, end = _endpoint(m, 1, last=False), _endpoint(m, 2, last=True)
    words = " ".join(m.group(0).split())
    if start is None or end is None:
        raise PeriodError(f"'{words}' is not a valid date range")
    if end < start:
        raise PeriodError(f"'{words}' ends before it starts")
    return Period(start, end, words)


_FILENAME_MONTH = re.compile(r"(?<!\d)((?:19|20)\d{2})[-_. ]?(0[1-9]|1[0-2])(?!\d)")


def period_from_filename(name: str) -> Period | None:
    """A fallback for files without a header: 'bulletin-2024-12.txt' -> December 2024."""
    m = _FILENAME_MONTH.search(name)
    if m:
        year, month = int(m.group(1)), int(m.group(2))
        last = calendar.monthrange(year, month)[1]
        return Period(date(year, month, 1), date(year, month, last), m.group(0))
    m = _rx(r"(?P<m1>MONTH)[-_ ]?(?P<y1>YEAR)").search(name.replace("_", " ").replace("-", " "))
    return _period_from(m) if m else None
