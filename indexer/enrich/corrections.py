"""data/corrections.toml: staff overrides of category, themes, partners, places or date,
item by item (or an item accepted as labelled), and writing one such decision."""
from __future__ import annotations

import fcntl
import json
import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..item import Item
from .taxonomy import CATEGORY_IDS, THEME_IDS
from .vocab import data_dir, TomlFile, VocabularyError, required_str, string_list

FIELDS = ("category", "themes", "partners", "places", "date")
_HEADER = re.compile(r"^\[\[correction\]\]\s*$", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Correction:
    id: str
    changes: dict[str, object]
    note: str = ""
    accepted: bool = False  # staff checked the labels and kept them as the rules gave them

    def apply(self, item: Item) -> Item:
        changes = dict(self.changes)
        if "date" in changes:  # a date staff give is a day
            changes["date_precision"] = "day"
        return item.replace(**changes)


def corrections_path() -> Path:
    return data_dir() / "corrections.toml"


def load_corrections(path: Path | None = None) -> dict[str, Correction]:
    path = path or corrections_path()
    if not path.exists():
        return {}
    file = TomlFile(path)
    out: dict[str, Correction] = {}
    for i, entry in enumerate(file.entries("correction")):
        cid = required_str(file, "correction", i, entry, "id")
        unknown = set(entry) - set(FIELDS) - {"id", "note", "accepted"}
        if unknown:
            raise file.error("correction", i, f"correction of '{cid}': unknown field(s) {sorted(unknown)}; use {', '.join(FIELDS)}")
        changes = _changes(file, i, cid, entry)
        accepted = entry.get("accepted") is True
        if not changes and not accepted:
            raise file.error("correction", i, f"correction of '{cid}' changes nothing")
        out[cid] = Correction(cid, changes, str(entry.get("note", "")), accepted)
    return out


def _changes(file: TomlFile, i: int, cid: str, entry: dict) -> dict[str, object]:
    changes: dict[str, object] = {}
    if "category" in entry:
        category = required_str(file, "correction", i, entry, "category")
        if category not in CATEGORY_IDS:
            raise file.error("correction", i, f"correction of '{cid}': category '{category}' is not one of: {', '.join(CATEGORY_IDS)}")
        changes["category"] = category
    if "themes" in entry:
        themes = string_list(file, "correction", i, entry, "themes")
        bad = [t for t in themes if t not in THEME_IDS]
        if bad:
            raise file.error("correction", i, f"correction of '{cid}': unknown theme(s) {bad}")
        changes["themes"] = tuple(themes)
    for name in ("partners", "places"):
        if name in entry:
            changes[name] = tuple(string_list(file, "correction", i, entry, name))
    if "date" in entry:
        changes["date"] = _date(file, i, cid, entry["date"])
    return changes


def _date(file: TomlFile, i: int, cid: str, value: object) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise file.error("correction", i, f"correction of '{cid}': date '{value}' is not a day (YYYY-MM-DD)") from None


# --------------------------------------------------------------------------- writing


def save_correction(item_id: str, changes: dict[str, object], *, accepted: bool = False, note: str = "",
                    path: Path | None = None) -> Correction:
    """Record staff's decision on one item in corrections.toml, replacing any earlier one
    for that item and keeping the rest of the file (comments too) as it was. The new file
    is checked by the same loader as every enrichment run, then swapped in atomically: a
    bad value raises VocabularyError (one line) and leaves the file untouched."""
    path = path or corrections_path()
    if not re.fullmatch(r"[\w.-]{1,80}", item_id or ""):
        raise VocabularyError(path, None, f"item id '{item_id}' is not an item id")
    block = _block(item_id, changes, accepted, note)
    with edit_lock(path):  # two reviewers saving at once: neither decision is lost
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        write_checked(path, _without(text, item_id).rstrip("\n") + "\n\n" + block)
        return load_corrections(path)[item_id]


@contextmanager
def edit_lock(path: Path) -> Iterator[None]:
    """One read-change-write of a vocabulary file at a time, across threads and processes
    (gunicorn's workers): an exclusive lock on a file beside it, released if a process dies."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(path.parent / f".{path.name}.lock", "a")
    except OSError as exc:
        raise VocabularyError(path, None, f"cannot write ({exc.strerror or type(exc).__name__})") from None
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _block(item_id: str, changes: dict[str, object], accepted: bool, note: str) -> str:
    unknown = set(changes) - set(FIELDS)
    if unknown:
        raise VocabularyError(corrections_path(), None, f"unknown field(s) {sorted(unknown)}; use {', '.join(FIELDS)}")
    lines = ["[[correction]]", f"id = {_toml(item_id)}"]
    for name in FIELDS:
        if name in changes:
            lines.append(f"{name} = {_toml(changes[name])}")
    if accepted:
        lines.append("accepted = true")
    if note:
        lines.append(f"note = {_toml(note)}")
    return "\n".join(lines) + "\n"


def _toml(value: object) -> str:
    # JSON strings are TOML basic strings (same escapes); lists the same.
    if isinstance(value, date):
        return json.dumps(value.isoformat())
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(json.dumps(str(v), ensure_ascii=False) for v in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)


def _without(text: str, item_id: str) -> str:
    """The file's text without the `[[correction]]` blocks of `item_id`."""
    starts = [m.start() for m in _HEADER.finditer(text)]
    if not starts:
        return text
    pieces, kept = [text[:starts[0]]], []
    for start, end in zip(starts, [*starts[1:], len(text)]):
        block = text[start:end]
        if not re.search(rf"^id\s*=\s*{re.escape(_toml(item_id))}\s*$", block, re.MULTILINE):
            kept.append(block)
    return "".join(pieces + kept)


def write_checked(path: Path, text: str, check=None) -> None:
    """Write `text` to `path` atomically once `check` (default: the corrections loader)
    accepts it; a VocabularyError names `path`, and the file is left as it was."""
    try:
        _replace_checked(path, text, check or load_corrections)
    except OSError as exc:  # a read-only or full disk: one line, nothing changed
        raise VocabularyError(path, None, f"cannot write ({exc.strerror or type(exc).__name__})") from None


def _replace_checked(path: Path, text: str, check) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".toml", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        try:
            check(Path(tmp))
        except VocabularyError as exc:  # name the real file, not the temporary one
            raise VocabularyError(path, None, str(exc).split(": ", 1)[-1]) from None
        os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o644)  # mkstemp made it 0600
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
