"""The index folder: generations of the index and the pointer to the current one.

An ingest never writes into the index that readers use. It copies the current
generation (or starts an empty one), changes the copy, and only then swaps the
`CURRENT` pointer with an atomic rename. The copy shares the Whoosh segment files with
the current generation (hard links): they are written once and never opened for writing
again, so a copy costs one link per file, not the bytes of the index. A crash or a kill at any moment leaves the
pointer on the previous, complete generation; the next run removes the debris.
"""
from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

POINTER = "CURRENT"
LOCK = ".ingest.lock"
MANIFEST = "manifest.json"
PREFIX = "gen-"


class IndexMissing(Exception):
    """There is no index at the given folder yet."""

    def __init__(self, root: Path) -> None:
        super().__init__(f"no index in {root}: build one with 'bulletins ingest PATH... --index {root}'")
        self.root = root


class IndexUnwritable(Exception):
    """The index folder cannot be written (disk full, read-only, no permission)."""

    def __init__(self, root: Path, exc: OSError) -> None:
        reason = exc.strerror or type(exc).__name__
        super().__init__(f"{root}: cannot write the index ({reason}); it was left as it was")
        self.root = root


class IndexDamaged(IndexMissing):
    """The index's manifest cannot be read: what it holds is unknown, so it is not trusted."""

    def __init__(self, path: Path, reason: str) -> None:
        Exception.__init__(self, f"{path}: the index's manifest is damaged ({reason}); build the index "
                           f"again with 'bulletins ingest PATH... --index {path.parent.parent} --rebuild'")
        self.root = path.parent.parent


class IngestBusy(Exception):
    def __init__(self, root: Path) -> None:
        super().__init__(f"{root}: another ingest is running on this index; try again when it ends")


VERSION = 2


@dataclass
class Manifest:
    """What the index holds, by source file: each file's content hash, period and its own
    item ids (the identity of a bulletin is its file, not its period or name).

    `files[path]` (the file's absolute path) = {"sha256", "period", "ids": [...],
    "bulletin": path, "shadowed_by": text path (a PDF whose items differ from its .txt
    twin's; its ids are not indexed), "legacy": True (taken over from a version 1
    manifest: read the file again to learn its own ids)}. An item id is indexed while at
    least one file that is not shadowed claims it (`claims`).
    """

    files: dict[str, dict] = field(default_factory=dict)

    @property
    def bulletins(self) -> dict[str, dict]:
        """One bulletin per file, {"ids", "source", "period"} (the version 1 view, for readers)."""
        return {path: {"ids": f.get("ids", []), "source": path, "period": f.get("period", "")}
                for path, f in self.files.items()}

    def active(self) -> Iterator[tuple[str, dict]]:
        """The files whose items are indexed (not shadowed by a text twin)."""
        return ((p, f) for p, f in self.files.items() if not f.get("shadowed_by"))

    def claims(self) -> Counter:
        """Item id -> number of indexed files that hold it."""
        counts: Counter = Counter()
        for _, f in self.active():
            counts.update(dict.fromkeys(f.get("ids", ()), 1))
        return counts

    @classmethod
    def load(cls, generation: Path | None) -> "Manifest":
        if generation is None or not (generation / MANIFEST).exists():
            return cls()
        path = generation / MANIFEST
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise IndexDamaged(path, f"not JSON: {type(exc).__name__}") from None
        if not isinstance(data, dict) or not isinstance(data.get("files", {}), dict):
            raise IndexDamaged(path, "not a manifest")
        if data.get("version") == VERSION:
            return cls(data.get("files", {}))
        return cls._upgrade(data)

    @classmethod
    def _upgrade(cls, data: dict) -> "Manifest":
        """A version 1 manifest (files -> a bulletin keyed by period and stem, which two
        files could share): each file takes its bulletin's ids and is marked legacy, so
        the next ingest that sees it reads it again and records its own items."""
        bulletins = data.get("bulletins", {})
        files = {}
        for path, f in data.get("files", {}).items():
            b = bulletins.get(f.get("bulletin"), {})
            files[path] = {"sha256": f.get("sha256", ""), "period": b.get("period", ""), "ids": list(b.get("ids", [])),
                           "bulletin": path, "legacy": True}
        return cls(files)

    def save(self, generation: Path) -> None:
        tmp = generation / (MANIFEST + ".tmp")
        tmp.write_text(json.dumps({"version": VERSION, "files": self.files}, separators=(",", ":")), encoding="utf-8")
        tmp.replace(generation / MANIFEST)


# Whoosh's segment files ("MAIN_<segment id>.<kind>"): created under a new random name,
# never changed after. Its table of contents ("_MAIN_<n>.toc", with the deletions) is
# written under a new number and renamed into place, and everything of ours is replaced
# by a rename too: nothing is ever written through a name a link shares.
_SEGMENT_FILE = re.compile(r"MAIN_[0-9a-z]+\.[A-Za-z0-9_.]+")


def _link_or_copy(src: str, dst: str) -> str:
    """A segment file linked (the two generations share its bytes), anything else copied."""
    if _SEGMENT_FILE.fullmatch(os.path.basename(src)):
        try:
            os.link(src, dst)
            return dst
        except OSError:  # a file system without hard links: the bytes, then
            pass
    return shutil.copy2(src, dst)


class IndexDir:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def current(self) -> Path | None:
        """The generation readers should open, or None when nothing was published yet."""
        try:
            name = (self.root / POINTER).read_text(encoding="utf-8").strip()
        except (FileNotFoundError, NotADirectoryError):
            return None
        path = self.root / name
        return path if name.startswith(PREFIX) and path.is_dir() else None

    def require_current(self) -> Path:
        current = self.current()
        if current is None:
            raise IndexMissing(self.root)
        return current

    def new_generation(self, copy_of: Path | None) -> Path:
        path = self.root / f"{PREFIX}{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}-{time.monotonic_ns() % 10**6}"
        with self.discarded_on_failure(path):
            if copy_of is not None:
                shutil.copytree(copy_of, path, copy_function=_link_or_copy)
            else:
                path.mkdir(parents=True)
        return path

    @contextmanager
    def discarded_on_failure(self, generation: Path) -> Iterator[None]:
        """Remove a generation being written when writing fails (the pointer never saw it);
        a failure of the file system becomes IndexUnwritable, one line."""
        try:
            yield
        except BaseException as exc:
            current = self.current()
            if current is None or current.name != generation.name:  # published: readers are on it
                shutil.rmtree(generation, ignore_errors=True)
            if isinstance(exc, OSError):
                raise IndexUnwritable(self.root, exc) from None
            raise

    def publish(self, generation: Path) -> None:
        """Point readers at `generation` in one atomic step, then tidy up."""
        previous = self.current()
        tmp = self.root / (POINTER + ".tmp")
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(generation.name + "\n")
            f.flush()
            os.fsync(f.fileno())
        tmp.replace(self.root / POINTER)
        self.remove_debris(keep={generation.name, previous.name if previous else ""})

    def tidy(self) -> None:
        """Debris a killed clean-up left, removed by an ingest with nothing else to do: all
        generations but the current one and the newest other (readers may hold it open)."""
        current = self.current()
        others = sorted((p.name for p in self.root.glob(PREFIX + "*") if current is None or p != current), reverse=True)
        try:
            self.remove_debris(keep={current.name if current else "", *others[:1]})
        except OSError:
            pass  # a read-only index: nothing to tidy, and nothing was asked of it

    def remove_debris(self, keep: set[str]) -> None:
        """Generations nobody points to: left by a killed ingest, or older than the
        previous one (which stays for readers that still have it open)."""
        for path in self.root.glob(PREFIX + "*"):
            if path.name not in keep and path.is_dir():
                shutil.rmtree(path, ignore_errors=True)

    @contextmanager
    def ingest_lock(self) -> Iterator[int]:
        """One ingest at a time; the lock goes with the process if it dies."""
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            handle = open(self.root / LOCK, "a")
        except OSError as exc:
            raise IndexUnwritable(self.root, exc) from None
        with handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise IngestBusy(self.root) from None
            try:
                yield handle.fileno()
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)
