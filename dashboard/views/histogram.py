"""The date histogram over the results: items per month as one small SVG image (numbers
only, no bulletin text; one component, and no plotly on Search), and the range slider under
it whose two handles pick whole months. Pure functions: the callbacks call them."""
from __future__ import annotations

import base64
import calendar
import re
from collections.abc import Mapping, Sequence
from datetime import date

from ..common.state import State

HEIGHT = 48  # the image's units; 10 per month across


def month_list(first: str, n: int) -> list[str]:
    """n months from `first` ("2024-03"), without gaps."""
    year, month = (int(p) for p in first.split("-"))
    out = []
    for k in range(n):
        y, m = divmod(year * 12 + month - 1 + k, 12)
        out.append(f"{y:04d}-{m + 1:02d}")
    return out


def svg_src(counts: Sequence[int], selected: tuple[int, int] | None) -> str:
    """A data: URL of the bars (selected months dark, the others light): one path per colour
    in whole units, so 500 months stay a few kilobytes."""
    top = max(counts, default=0) or 1
    paths: dict[str, list[str]] = {"#0a4f8f": [], "#b8cfe4": []}
    for i, c in enumerate(counts):
        if c:
            h = max(2, round(HEIGHT * c / top))
            fill = "#0a4f8f" if selected is None or selected[0] <= i <= selected[1] else "#b8cfe4"
            paths[fill].append(f"M{i * 10} {HEIGHT - h}h8V{HEIGHT}h-8z")
    body = "".join(f'<path fill="{fill}" d="{"".join(d)}"/>' for fill, d in paths.items() if d)
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {max(len(counts), 1) * 10} {HEIGHT}" '
           f'preserveAspectRatio="none">{body}</svg>')
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("ascii")).decode("ascii")


def selected_span(months: Sequence[str], state: State) -> tuple[int, int]:
    """The slider's handles for the state's dates: the months they fall in (the ends when open)."""
    lo = _index(months, state.date_from, 0)
    hi = _index(months, state.date_to, len(months) - 1)
    return (min(lo, hi), max(lo, hi))


def _index(months: Sequence[str], day: date | None, default: int) -> int:
    if day is None or not months:
        return default
    key = f"{day:%Y-%m}"
    if key < months[0]:
        return 0
    if key > months[-1]:
        return len(months) - 1
    return list(months).index(key)


def histogram(monthly: Mapping[str, int], state: State) -> dict:
    """What the date card shows for the results' months: the image, its text alternative,
    the slider's range, handles and year marks, and the months (for the callback)."""
    months = list(monthly)
    if not months:
        return {"src": svg_src([], None), "alt": "No items", "max": 0, "value": [0, 0], "marks": {},
                "months": {"first": None, "n": 0}}
    span = selected_span(months, state)
    counts = [monthly[m] for m in months]
    marks = {i: m[:4] for i, m in enumerate(months) if m.endswith("-01")}
    if not marks or min(marks) > len(months) / 6:  # the first year's label only when it has room
        marks[0] = months[0][:4]
    if len(marks) > 6:  # a label every other year (or more) when many
        keep = sorted(marks)[:: -(-len(marks) // 6)]
        marks = {i: marks[i] for i in keep}
    alt = (f"Items per month, {_month_name(months[0])} to {_month_name(months[-1])}: "
           f"{sum(counts):,} items, at most {max(counts):,} in a month")
    return {"src": svg_src(counts, span if state.date_from or state.date_to else None), "alt": alt,
            "max": len(months) - 1, "value": list(span), "marks": {str(k): v for k, v in marks.items()},
            "months": {"first": months[0], "n": len(months), "shown": list(span)}}


def _month_name(key: str) -> str:
    year, month = key.split("-")
    return f"{calendar.month_name[int(month)]} {year}"


def range_dates(months_data: Mapping | None, value: Sequence[int] | None, state: State) -> tuple[date | None, date | None]:
    """The dates the slider's handles mean, or the state's own when they mean the same months
    (so a date inside a month, set by typing, is not rounded by the slider showing it) or
    when they are where the server put them (`shown`): an answer for an older URL, arriving
    after the user cleared a date, must not set that date again as if the handles were moved."""
    months = _sent_months(months_data)
    if not months or not value or len(value) != 2 or list(value) == months_data.get("shown"):
        return state.date_from, state.date_to
    lo, hi = (max(0, min(int(v), len(months) - 1)) for v in sorted(value))
    if (lo, hi) == selected_span(months, state):
        return state.date_from, state.date_to
    start = None if lo == 0 else _first_day(months[lo])
    end = None if hi == len(months) - 1 else _last_day(months[hi])
    return start, end


MAX_MONTHS = 12 * 200  # a histogram spans the index's months; the browser sends them back


def _sent_months(months_data: Mapping | None) -> list[str] | None:
    """The months a browser sent back with the slider, or None when they are not plausible
    (the store is the browser's: a huge `n` must not make the server build a huge list)."""
    if not isinstance(months_data, Mapping):
        return None
    first, n = months_data.get("first"), months_data.get("n")
    if not isinstance(first, str) or not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", first):
        return None
    if not isinstance(n, int) or isinstance(n, bool) or not 0 < n <= MAX_MONTHS:
        return None
    return month_list(first, n)


def _first_day(key: str) -> date:
    year, month = (int(p) for p in key.split("-"))
    return date(year, month, 1)


def _last_day(key: str) -> date:
    year, month = (int(p) for p in key.split("-"))
    return date(year, month, calendar.monthrange(year, month)[1])
