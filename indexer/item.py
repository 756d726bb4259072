"""The one record that flows parse -> enrich -> index -> aggregate -> app."""
from __future__ import annotations

import dataclasses
import hashlib
import re
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

DatePrecision = Literal["day", "month"]


@dataclass(frozen=True, slots=True)
class Item:
    """One news item of a bulletin, as the contract in docs/contracts describes it."""

    id: str
    source: str
    period_start: date
    period_end: date
    date: date
    date_precision: DatePrecision
    title: str
    body: str
    links: tuple[str, ...] = ()
    category: str = ""
    themes: tuple[str, ...] = ()
    partners: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    people: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready record: dates as ISO strings, tuples as lists."""
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if isinstance(value, date):
                value = value.isoformat()
            elif isinstance(value, tuple):
                value = list(value)
            out[f.name] = value
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Item":
        """Inverse of `to_dict`; unknown keys are ignored so records can grow."""
        kwargs: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            if f.name not in data:
                continue
            value = data[f.name]
            if f.name in _DATE_FIELDS and isinstance(value, str):
                value = date.fromisoformat(value)
            elif f.name in _LIST_FIELDS:
                value = tuple(value or ())
            kwargs[f.name] = value
        return cls(**kwargs)

    def replace(self, **changes: Any) -> "Item":
        return dataclasses.replace(self, **changes)


_DATE_FIELDS = {"period_start", "period_end", "date"}
_LIST_FIELDS = {"links", "themes", "partners", "places", "people"}
ITEM_FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Item))

_WS = re.compile(r"\s+")


def _fingerprint(text: str) -> str:
    # Case and spacing do not change which item this is; words do.
    return _WS.sub(" ", text).strip().casefold()


def make_item_id(period_start: date, title: str, body: str, occurrence: int = 0) -> str:
    """Stable id from the bulletin period and the item's own words.

    `occurrence` only distinguishes exact repeats inside one bulletin, so an edit to
    one item never changes the id of another.
    """
    digest = hashlib.sha1(
        f"{period_start.isoformat()}\n{_fingerprint(title)}\n{_fingerprint(body)}".encode()
    ).hexdigest()[:10]
    suffix = f"-{occurrence + 1}" if occurrence else ""
    return f"{period_start:%Y%m}-{digest}{suffix}"
