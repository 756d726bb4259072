"""Precision, recall and F1 of set-valued labels, for the gold-file tests."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Scores:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __str__(self) -> str:
        return f"P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f} (tp={self.tp} fp={self.fp} fn={self.fn})"


def set_scores(pairs: Iterable[tuple[Iterable[str], Iterable[str]]]) -> Scores:
    """Micro-averaged over (predicted, expected) pairs."""
    tp = fp = fn = 0
    for predicted, expected in pairs:
        p, e = set(predicted), set(expected)
        tp, fp, fn = tp + len(p & e), fp + len(p - e), fn + len(e - p)
    return Scores(tp, fp, fn)
