"""Which files an ingest must read, and which it can settle from the manifest alone.

A bulletin's identity is its source file: its absolute path (resolved, so the same file
given by two routes is one; absolute, not relative to the folder given, because two
folders may hold files of the same name), followed through a rename or a copy by its
content hash. A file is left alone when its hash is the one indexed and every item it
gave is still in the index; a file whose items went missing is read again.

The hash is not computed again for a file whose size, modification and change times and
inode are those recorded with it (as git does): a write changes the change time, which
no tool can set back. A stat taken within `SETTLING_NS` of the file's last write is not
recorded, since a second write in the same clock tick could leave the times as they were.
"""
from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import BulletinError
from .index_dir import Manifest

SETTLING_NS = 2 * 10**9


@dataclass
class Plan:
    read: list[tuple[Path, str]] = field(default_factory=list)  # (file, content hash) to parse
    moved: list[tuple[str, str]] = field(default_factory=list)  # (old path, new path): a rename
    copied: list[tuple[str, str]] = field(default_factory=list)  # (indexed path, new path): a copy
    gone: list[str] = field(default_factory=list)  # indexed files no longer there (pruned)
    unchanged: int = 0
    errors: list[BulletinError] = field(default_factory=list)
    stats: dict[str, tuple[str, list[int]]] = field(default_factory=dict)  # file -> (hash, stat) to record

    def empty(self) -> bool:
        return not (self.read or self.moved or self.copied or self.gone)


def file_key(path: Path, folders: dict[str, str] | None = None) -> str:
    """The file's identity in the manifest; BulletinError when its name cannot be stored.
    `folders` remembers resolved folders, so that a file costs one look at its own name."""
    key = _resolved(path, folders) if folders is not None else str(path.resolve())
    try:
        key.encode("utf-8")
    except UnicodeEncodeError:
        raise BulletinError(str(path), "the file name is not valid UTF-8 and cannot be stored: rename the file") from None
    return key


def _resolved(path: Path, folders: dict[str, str]) -> str:
    """str(path.resolve()), with each folder resolved once."""
    if path.is_symlink():
        return str(path.resolve())
    parent = str(path.parent)
    if parent not in folders:
        folders[parent] = str(path.parent.resolve())
    return os.path.join(folders[parent], path.name)


def file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def file_stat(path: Path) -> list[int]:
    """What tells that a file was not written since: size, times (ns) and inode."""
    st = os.stat(path)
    return [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]


def _digest(path: Path, entry: dict | None, out: Plan, key: str) -> str:
    """The file's content hash: the recorded one while its stat is the recorded one."""
    stat = file_stat(path)
    if entry is not None and entry.get("sha256") and entry.get("stat") == stat:
        return entry["sha256"]
    digest = file_hash(path)
    if time.time_ns() - max(stat[1], stat[2]) > SETTLING_NS:
        out.stats[key] = (digest, stat)
    return digest


def record_stats(manifest: Manifest, stats: dict[str, tuple[str, list[int]]]) -> None:
    """Each file's stat kept with its entry when the entry holds the hash it was taken with."""
    for key, (digest, stat) in stats.items():
        entry = manifest.files.get(key)
        if entry is not None and entry.get("sha256") == digest:
            entry["stat"] = stat


def complete(entry: dict, indexed: set[str]) -> bool:
    """The file's items are all in the index (or it is a PDF whose text twin was kept)."""
    if entry.get("legacy"):
        return False
    return bool(entry.get("shadowed_by")) or all(i in indexed for i in entry.get("ids", ()))


def plan(files: Sequence[Path], manifest: Manifest, indexed: set[str], prune: bool) -> Plan:
    """What to do with each file found, against what the index holds."""
    out = Plan()
    by_hash = _reusable(manifest, indexed)
    seen: set[str] = set()
    folders: dict[str, str] = {}
    for path in files:
        try:
            key = file_key(path, folders)
        except BulletinError as exc:
            out.errors.append(exc)
            continue
        if key in seen:
            continue  # the same file named twice (a folder and a file in it)
        seen.add(key)
        _place(out, path, key, manifest, indexed, by_hash, seen)
    taken = {old for old, _ in out.moved}
    if prune:
        out.gone = [p for p in manifest.files if p not in taken and p not in seen and not Path(p).exists()]
    reading = {str(p.resolve()) for p, _ in out.read}
    out.read += [r for r in _unshadowed(manifest, set(out.gone)) if str(r[0]) not in reading]
    return out


def _place(out: Plan, path: Path, key: str, manifest: Manifest, indexed: set[str],
           by_hash: dict[str, list[str]], seen: set[str]) -> None:
    entry = manifest.files.get(key)
    try:
        digest = _digest(path, entry, out, key)
    except OSError:
        out.read.append((path, ""))  # the parser names the problem
        return
    if entry is not None:
        if entry.get("sha256") == digest and complete(entry, indexed):
            out.unchanged += 1
        else:
            out.read.append((path, digest))
        return
    source = _same_content(by_hash.get(digest, []), seen, {old for old, _ in out.moved})
    if source is None:
        out.read.append((path, digest))
        return
    if Path(source).exists():
        out.copied.append((source, key))
    else:
        out.moved.append((source, key))
    by_hash[digest].append(key)  # settled before any copy: a later copy may take it over


def _reusable(manifest: Manifest, indexed: set[str]) -> dict[str, list[str]]:
    """Indexed files by content hash, whose entries a copy or a rename can take over."""
    out: dict[str, list[str]] = {}
    for path, entry in manifest.files.items():
        if entry.get("sha256") and not entry.get("shadowed_by") and complete(entry, indexed):
            out.setdefault(entry["sha256"], []).append(path)
    return out


def _same_content(paths: list[str], seen: set[str], moved: set[str]) -> str | None:
    """A file with the same content to take over: a vanished one first (a rename)."""
    candidates = [p for p in paths if p not in moved]
    gone = [p for p in candidates if p not in seen and not Path(p).exists()]
    return (gone or candidates or [None])[0]


def _unshadowed(manifest: Manifest, gone: set[str]) -> list[tuple[Path, str]]:
    """PDFs set aside for their text twin, when that text is gone (pruned or not: the PDF is
    then the only file of the bulletin present): read them now."""
    out = []
    for path, entry in manifest.files.items():
        text = entry.get("shadowed_by")
        if text and (text in gone or not Path(text).exists()) and path not in gone and Path(path).exists():
            out.append((Path(path), entry.get("sha256", "")))
    return out


def twin_text(path: Path | str) -> str | None:
    """The text file a PDF is the twin of (same folder, same name), whether or not it exists."""
    p = Path(path)
    return str(p.with_suffix(".txt")) if p.suffix.lower() == ".pdf" else None


def twin_pdfs(paths: Iterable[str]) -> dict[str, str]:
    """text path -> the PDF beside it, among `paths`."""
    return {t: p for p in paths if (t := twin_text(p)) is not None}
