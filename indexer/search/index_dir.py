"""The index folder: generations of the index and the pointer to the current one.

An ingest never writes into the index that readers use. It copies the current
generation (or starts an empty one), changes the copy, and only then swaps the
`CURRENT` pointer with an atomic rename. A crash or a kill at any moment leaves the
pointer on the previous, complete generation; the next run removes the debris.
"""
from __future__ import annotations

import fcntl
import json
import os
import shutil
import time
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


class IngestBusy(Exception):
    def __init__(self, root: Path) -> None:
        super().__init__(f"{root}: another ingest is running on this index; try again when it ends")


@dataclass
class Manifest:
    """What the index holds: each file's content hash and bulletin, each bulletin's items."""

    files: dict[str, dict] = field(default_factory=dict)  # path -> {"sha256", "bulletin"}
    bulletins: dict[str, dict] = field(default_factory=dict)  # key -> {"ids": [...], "source": path}
    _periods: dict[str, dict[str, None]] | None = field(default=None, repr=False, compare=False)

    def keys_for_period(self, period: str) -> list[str]:
        """The bulletins covering `period` (looked up, not scanned: an ingest asks per file)."""
        if self._periods is None:
            self._periods = {}
            for key, entry in self.bulletins.items():
                self._periods.setdefault(entry.get("period"), {})[key] = None
        return [k for k in self._periods.get(period, {}) if self.bulletins.get(k, {}).get("period") == period]

    def put_bulletin(self, key: str, entry: dict) -> None:
        self.bulletins[key] = entry
        if self._periods is not None:
            self._periods.setdefault(entry.get("period"), {})[key] = None

    @classmethod
    def load(cls, generation: Path | None) -> "Manifest":
        if generation is None or not (generation / MANIFEST).exists():
            return cls()
        data = json.loads((generation / MANIFEST).read_text(encoding="utf-8"))
        return cls(data.get("files", {}), data.get("bulletins", {}))

    def save(self, generation: Path) -> None:
        tmp = generation / (MANIFEST + ".tmp")
        tmp.write_text(json.dumps({"files": self.files, "bulletins": self.bulletins}, indent=1), encoding="utf-8")
        tmp.replace(generation / MANIFEST)


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
        self.root.mkdir(parents=True, exist_ok=True)
        path = self.root / f"{PREFIX}{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}-{time.monotonic_ns() % 10**6}"
        if copy_of is not None:
            shutil.copytree(copy_of, path)
        else:
            path.mkdir()
        return path

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

    def remove_debris(self, keep: set[str]) -> None:
        """Generations nobody points to: left by a killed ingest, or older than the
        previous one (which stays for readers that still have it open)."""
        for path in self.root.glob(PREFIX + "*"):
            if path.name not in keep and path.is_dir():
                shutil.rmtree(path, ignore_errors=True)

    @contextmanager
    def ingest_lock(self) -> Iterator[int]:
        """One ingest at a time; the lock goes with the process if it dies."""
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root / LOCK, "w") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise IngestBusy(self.root) from None
            try:
                yield handle.fileno()
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)
