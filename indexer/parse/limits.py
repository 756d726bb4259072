"""The most work one file may cause: its size, its pages, and what its compressed streams
inflate to. Each limit is set by an environment variable (in megabytes or pages); a
bulletin of up to 100 pages stays far below every default. A file over a limit is
refused in one line naming the variable, and the other files go on.

The inflation guard replaces the `zlib` that pdfminer decompresses with, so a small PDF
whose streams inflate to gigabytes stops at the limit instead of filling the memory.
"""
from __future__ import annotations

import contextvars
import os
import zlib
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator

from pdfminer import pdftypes

MB = 2**20
DEFAULTS = {
    "BULLETINS_MAX_FILE_MB": 100,  # any file (a 100-page bulletin with photos: ~30 MB)
    "BULLETINS_MAX_TEXT_MB": 10,  # a text file (100 pages of text: ~0.5 MB)
    "BULLETINS_MAX_PAGES": 1000,
    "BULLETINS_MAX_INFLATED_MB": 100,  # all decompressed streams of one PDF together
}


def limit(name: str) -> int:
    """The limit's value: the environment's when it is a positive whole number."""
    value = os.environ.get(name, "").strip()
    return int(value) if value.isdigit() and int(value) > 0 else DEFAULTS[name]


class InflateLimit(BaseException):
    """A PDF's streams inflate past BULLETINS_MAX_INFLATED_MB. A BaseException so that the
    `except Exception` inside pdfminer and pdfplumber does not swallow it."""


@dataclass
class _Budget:
    left: int


_BUDGET: contextvars.ContextVar[_Budget | None] = contextvars.ContextVar("inflate_budget", default=None)


@contextmanager
def inflate_budget() -> Iterator[None]:
    """Within this block, pdfminer may inflate at most BULLETINS_MAX_INFLATED_MB in all."""
    token = _BUDGET.set(_Budget(limit("BULLETINS_MAX_INFLATED_MB") * MB))
    try:
        yield
    finally:
        _BUDGET.reset(token)


def _take(n: int) -> None:
    budget = _BUDGET.get()
    if budget is None:
        return
    budget.left -= n
    if budget.left < 0:
        raise InflateLimit()


def _room() -> int:
    budget = _BUDGET.get()
    return 0 if budget is None else budget.left + 1  # 0: no bound (zlib's "max_length=0")


class _BoundedDecompressor:
    """zlib's decompressobj, counting what it gives out against the budget."""

    def __init__(self, *args) -> None:
        self._inner = zlib.decompressobj(*args)

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        out = self._inner.decompress(data, max_length or _room())
        _take(len(out))
        return out

    def __getattr__(self, name: str):
        return getattr(self._inner, name)


class _BoundedZlib:
    """The part of the zlib module pdfminer uses, bounded by the budget."""

    error = zlib.error

    @staticmethod
    def decompress(data: bytes, *args) -> bytes:
        """zlib.decompress, a megabyte at a time: a bomb stops at the limit holding no
        more than the limit (one big call would hold its output twice while finishing)."""
        d, parts = zlib.decompressobj(), []
        while data and not d.eof:
            part = d.decompress(data, MB)
            _take(len(part))
            parts.append(part)
            data = d.unconsumed_tail
        if not d.eof:
            raise zlib.error("incomplete or truncated stream")  # as zlib.decompress says
        return b"".join(parts)

    decompressobj = _BoundedDecompressor

    def __getattr__(self, name: str):
        return getattr(zlib, name)


pdftypes.zlib = _BoundedZlib()
