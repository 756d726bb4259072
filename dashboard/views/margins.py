"""A screen figure's margins, computed here instead of by plotly's automargin.

With automargin, plotly draws a figure, measures every tick label in the browser, then draws
it again with the margins it found: half the time of a Trends change at 10k items (about
450 of 950 ms for the six figures, on a 2-core Xeon). Here each outer margin gets room for
its axes' longest tick label and title, from the widths of the figures' font (Liberation Sans,
metric-compatible with Arial) with a little to spare. Legends and colour bars still take their
own room in the browser, as before. The exported figures keep automargin (a one-off drawing).
"""
from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
import plotly.graph_objects as go

from indexer.analytics import palette

# Arial's advance widths, in thousandths of an em (anything not listed: 600)
_WIDTHS = {**dict.fromkeys("0123456789abdeghnopqu$#_~", 556), **dict.fromkeys("ckszvxyJ", 500),
           **dict.fromkeys("fjilt ,.:;!/[]|\\", 250), "r": 333, "-": 333, "(": 333, ")": 333, "'": 191,
           "\"": 355, "m": 833, "w": 722, "%": 889, "&": 667, "…": 1000, "I": 278,
           **dict.fromkeys("ABEKPSVXY", 667), **dict.fromkeys("CDHNRUw", 722), **dict.fromkeys("FTZ", 611),
           **dict.fromkeys("GOQ", 778), "L": 556, "M": 833, "W": 944}
_DEFAULT_WIDTH = 600
SPARE = 1.08  # labels are a little wider than the table says (kerning aside, rounding up)
TICKS = 10  # an outside tick (5 px) and the gap between it and its label
LINE = 1.25  # a line of text, in ems
STANDOFF = 8  # the axis titles' standoff (indexer/analytics/figures.py TEMPLATE)
_TAGS = re.compile(r"<[^>]+>")


def text_width(text: str, size: float) -> float:
    """The width in px of `text` set in the figures' font at `size` px."""
    return sum(_WIDTHS.get(c, _DEFAULT_WIDTH) for c in text) * size / 1000 * SPARE


def label_lines(label: object) -> list[str]:
    """A tick label's lines as plotly shows them (<br> breaks a line; other tags show no text)."""
    return [_TAGS.sub("", line) for line in str(label).split("<br>")]


def fix_margins(fig: go.Figure) -> None:
    """Turn automargin off on every axis of `fig` and widen its left and bottom margins to hold
    the tick labels and titles (never narrower than the margins it has). Tick labels are let
    past the figure's edge: to hide those that would be, plotly measured every label of every
    axis (a quarter of the six figures' drawing); the month axes span whole months and the
    margins leave room, so none are."""
    size = fig.layout.font.size or palette.FONT_SIZE
    left, bottom = fig.layout.margin.l or 0, fig.layout.margin.b or 0
    for axis in fig.select_yaxes():
        font = axis.tickfont.size or size
        widest = max((text_width(line, font) for label in _tick_labels(fig, axis) for line in label_lines(label)),
                     default=0)
        left = max(left, widest + TICKS + _title_room(axis, size))
    for axis in fig.select_xaxes():
        bottom = max(bottom, _x_labels_depth(fig, axis, axis.tickfont.size or size) + TICKS + _title_room(axis, size))
    fig.update_xaxes(automargin=False, ticklabeloverflow="allow")
    fig.update_yaxes(automargin=False, ticklabeloverflow="allow")
    fig.update_layout(margin=dict(l=round(left), b=round(bottom)))


def _x_labels_depth(fig: go.Figure, axis, font: float) -> float:
    """How far below the x `axis` its tick labels reach. Dates and categories have a label per
    tick the figure chose, which plotly turns 30° or 90° when they crowd the axis: room for the
    deepest of the three (the width the axis gets is only known in the browser)."""
    if axis.type == "date":
        labels = [str(axis.tickformat or "%Y").replace("%Y", "2024").replace("%b", "May")]
    elif axis.type == "category" or axis.ticktext is not None:
        labels = list(axis.ticktext) if axis.ticktext is not None else \
            [v for column in _columns(fig, axis, "x") for v in column]
    else:
        return font * LINE  # numbers: plotly spaces them so that they never need turning
    lines = [label_lines(label) for label in labels] or [[""]]
    high = max(len(label) for label in lines) * font * LINE
    wide = max(text_width(line, font) for label in lines for line in label)
    return max(high, wide / 2 + high * 0.866, wide)


def _columns(fig: go.Figure, axis, letter: str) -> list:
    """The `letter` ("x" or "y") values of each trace drawn on `axis` (heatmaps' rows aside)."""
    ref = letter + axis.plotly_name[len(letter + "axis"):]
    return [getattr(trace, letter) for trace in fig.data if (getattr(trace, letter + "axis", None) or letter) == ref
            and getattr(trace, letter, None) is not None and trace.type != "heatmap"]


def _title_room(axis, size: float) -> float:
    title = axis.title.text if axis.title else None
    return (axis.title.font.size or size) * LINE + STANDOFF if title else 0


def _tick_labels(fig: go.Figure, axis) -> Iterable[object]:
    """The labels the y `axis` can show: its own tick texts, its categories, or its widest
    numbers (stacked bars: the sum of the traces' largest, at least the tallest stack)."""
    if axis.ticktext is not None:
        return axis.ticktext
    columns = _columns(fig, axis, "y")
    values = [v for column in columns for v in column]
    if any(isinstance(v, str) for v in values):
        return values
    peaks = [float(np.nanmax(np.asarray(column, dtype=float))) for column in columns if len(column)]
    top = (sum(peaks) if fig.layout.barmode == "stack" else max(peaks, default=0)) * 1.1  # the axis runs past the top
    return [f"{top:,.0f}", *(["0.5"] if top < 10 else [])]  # a short axis gets ticks between whole numbers
