"""Errors the indexer raises on bad input: each names the file and the reason in one line."""
from __future__ import annotations


def shown_path(path: str) -> str:
    """A file name as it can be shown in one line: as it is when plain, else quoted with
    escapes (a name holding a line break, a control character or a byte that is not
    UTF-8 would otherwise break the line or the terminal)."""
    if path.isprintable() and _encodable(path):
        return path
    return '"' + "".join(_escaped(c) for c in path) + '"'


def _escaped(char: str) -> str:
    if 0xDC80 <= ord(char) <= 0xDCFF:  # a byte that was not UTF-8 (os.fsdecode's surrogate)
        return f"\\x{ord(char) - 0xDC00:02x}"
    if char == '"':
        return '\\"'
    return char if char.isprintable() else repr(char)[1:-1]


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class BulletinError(Exception):
    """A bulletin file could not be read or split; `str()` is the one-line message."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{shown_path(path)}: {reason}")
        self.path = path
        self.reason = reason

    def __reduce__(self):  # travels back from worker processes intact
        return (type(self), (self.path, self.reason))
