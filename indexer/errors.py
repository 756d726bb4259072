"""Errors the indexer raises on bad input: each names the file and the reason in one line."""
from __future__ import annotations


class BulletinError(Exception):
    """A bulletin file could not be read or split; `str()` is the one-line message."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason

    def __reduce__(self):  # travels back from worker processes intact
        return (type(self), (self.path, self.reason))
