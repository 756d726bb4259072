"""A bulletin file in, its items out: extraction, splitting and the `Item` records."""
from __future__ import annotations

import errno
import os
import re
import stat
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import BulletinError
from .extract import extract
from ..item import Item, make_item_id
from .lines import Line
from .period import Period, PeriodError, period_from_filename
from .split import SplitResult, split_bulletin

BULLETIN_SUFFIXES = (".pdf", ".txt")


@dataclass(frozen=True, slots=True)
class Parsed:
    """The items of one file, and what the reader should know about how it was read."""

    source: str
    period: Period
    items: tuple[Item, ...]
    notes: tuple[str, ...] = ()

    def with_items(self, items: tuple[Item, ...]) -> "Parsed":
        return Parsed(self.source, self.period, items, self.notes)


def parse_file(path: str | Path) -> Parsed:
    """Parse one bulletin (PDF or text); raises BulletinError naming the file and why."""
    source = str(path)
    extracted = extract(path)
    result = _split(source, extracted.lines)
    period = _period(source, result)
    if not result.items:
        raise BulletinError(source, "no items found between the '***' separators")
    notes = list(extracted.notes) + _unread_header(result, period)
    if result.separators == 0:
        notes.append("no '***' separators: read as a single item")
    return Parsed(source, period, tuple(build_items(source, period, result)), tuple(notes))


def _split(source: str, lines: tuple[Line, ...]) -> SplitResult:
    result = split_bulletin(lines)
    if result.separators == 0 and result.period is None:
        raise BulletinError(
            source, "not a bulletin: no '***' item separators and no header stating its period"
        )
    return result


def _period(source: str, result: SplitResult) -> Period:
    if result.period is not None:
        return result.period
    if result.period_error:
        raise BulletinError(source, f"bad period in the header: {result.period_error}")
    try:
        fallback = period_from_filename(Path(source).name)
    except PeriodError as exc:
        raise BulletinError(source, f"bad period in file name: {exc}") from None
    if fallback is None:
        raise BulletinError(
            source,
            "no period found: expected a header like '... covered the period December 01-31, 2024'"
            " or a file name with the month (bulletin-2024-12.txt)",
        )
    return fallback


_HEADER_PERIOD = re.compile(r"covered the period\s*([^.\n]{0,60})", re.IGNORECASE)


def _unread_header(result: SplitResult, period: Period) -> list[str]:
    """A header that states a period the reader could not make sense of, when the file
    name's month was used instead: said, not silently replaced."""
    if result.period is not None or not result.items:
        return []
    first = result.items[0]
    stated = _HEADER_PERIOD.search(f"{first.title} {first.body}")
    if not stated:
        return []
    return [f"cannot read the period the header states ('{stated.group(1).strip()}'); "
            f"used the file name's: {period.start} to {period.end}"]


def build_items(source: str, period: Period, result: SplitResult) -> Iterator[Item]:
    # Repeats are told apart by the id they would share (it ignores case and spacing), so
    # two items that differ only in spacing never get one id.
    seen: Counter[str] = Counter()
    for raw in result.items:
        key = make_item_id(period.start, raw.title, raw.body)
        yield Item(
            id=make_item_id(period.start, raw.title, raw.body, seen[key]),
            source=source,
            period_start=period.start,
            period_end=period.end,
            date=period.start,
            date_precision="month",
            title=raw.title,
            body=raw.body,
            links=raw.links,
        )
        seen[key] += 1


def find_bulletins(paths: Iterable[str | Path]) -> tuple[list[Path], list[BulletinError]]:
    """Files named on the command line, and the bulletin files under named folders.

    A folder without any bulletin file is an error (it was probably given by mistake);
    a named file is returned as it is, for `parse_file` to judge.
    """
    found: list[Path] = []
    errors: list[BulletinError] = []
    for path in map(Path, paths):
        if not path.is_dir():
            found.append(path)
            continue
        named = sorted(p for p in path.rglob("*") if p.suffix.lower() in BULLETIN_SUFFIXES)
        inside = [p for p in named if p.is_file()]
        errors += [BulletinError(str(p), reason) for p in named if (reason := _not_a_file(p))]
        if not named:
            errors.append(BulletinError(str(path), "is a folder with no .pdf or .txt bulletins in it"))
        found.extend(inside)
    return found, errors


def _not_a_file(path: Path) -> str | None:
    """Why a bulletin-named entry of a folder is skipped (None: it is a file, or a folder)."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a symbolic link that loops: skipped"
        if path.is_symlink():
            return f"a symbolic link to {os.readlink(path)!r}, which does not exist: skipped"
        return f"cannot be read ({exc.strerror}): skipped"
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    kind = "a FIFO (named pipe)" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "a device"
    return f"{kind}, not a regular file: skipped"
