"""Random and mutated bulletin text never makes the splitter raise."""
from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indexer.parse.lines import Line
from indexer.parse.split import split_bulletin

SHAPES = [
    "This issue of the Information Bulletin covered the period December 01-31, 2024.",
    "***", " *** ", "* * *", "https://bit.ly/40ERI66", "https://bit.ly/a https://bit.ly/b",
    "For the further information see the link https://bit.ly/4h0PC6B",
    "For further information see the link", "The Ombudsman visited the", "organi-", "zation of",
    "“Great Leader", "(NPM", "covered the period February 30, 2024", "period 31-01 December 2024",
    "", " ", "-", "“", "”", "\u00a0", "\f", ".", "a" * 300,
]


def _to_lines(texts: list[str], bold: list[bool | None]) -> list[Line]:
    return [Line(t, b, i % 2 == 0) for i, (t, b) in enumerate(zip(texts, bold + [None] * len(texts)))]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.one_of(st.sampled_from(SHAPES), st.text(max_size=80)), max_size=40),
    st.lists(st.sampled_from([True, False, None]), max_size=40),
)
def test_random_lines_never_raise(texts, bold):
    result = split_bulletin(_to_lines(texts, bold))
    for item in result.items:
        assert isinstance(item.title, str) and isinstance(item.body, str)


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_mutated_seed_never_raises(seed_path: Path, data):
    lines = [ln for ln in seed_path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    n = data.draw(st.integers(0, 20))
    for _ in range(n):
        op = data.draw(st.sampled_from(["drop", "dup", "swap", "cut", "noise"]))
        if not lines:
            break
        i = data.draw(st.integers(0, len(lines) - 1))
        if op == "drop":
            del lines[i]
        elif op == "dup":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = data.draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "cut":
            lines[i] = lines[i][: data.draw(st.integers(0, len(lines[i])))]
        else:
            lines[i] = data.draw(st.text(max_size=40))
    split_bulletin([Line(t) for t in lines])
