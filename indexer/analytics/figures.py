"""The one module that builds figures: pure functions from the aggregates of frames.py to
plotly figures, styled for an A4 report page and for the dashboard alike.

Every figure carries `layout.meta == {"kind": "<function name>"}` and, on each bar, cell
or line point, `customdata` holding the filter a click should apply, as a dict:

    activity_by_month, month_category_heatmap: {"month": "2024-03", "category": "event"}
    activity_by_month's "Total" trace: {"month": "2024-03"}
    category_share:  {"category": "event"}
    top_partners:    {"partner": "UNICEF"}          (the name as stored, unescaped)
    themes_over_time:{"theme": "children", "month": "2024-03"}
    year_over_year:  {"year": "2024"}

Keys other than "month" are search filters (indexer.search.FILTERS, values as strings);
"month" is a date range of one month. Dash hands it back as
`clickData["points"][0]["customdata"]`.

Sizes (palette.py): 1000 x 560 px with a 15 px font; PNG at scale 2 is 2000 x 1120 px,
300 dpi at 16.9 cm, the text width of an A4 page.

Text from data is shown literally: plotly renders some HTML in text (<b>, <a>, <br>), so
every label, name and title passes through `esc` first.
"""
from __future__ import annotations

import html
import math
import textwrap
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from . import palette as pal
from .frames import Frames, aggregate, multi_month_periods
from .palette import CATEGORY_COLORS, CATEGORY_LABELS  # noqa: F401  (re-exported)

ANNOTATE_MONTHS = 36  # up to this many bars a total is printed above each; beyond, a line
NO_ITEMS = "No items"
_NAME_WIDTH = 38  # characters per line of a partner name on the axis (two lines at most)

TEMPLATE = go.layout.Template(layout=dict(
    font=dict(family=pal.FONT_FAMILY, size=pal.FONT_SIZE, color=pal.TEXT_COLOR),
    title=dict(font=dict(size=20), x=0.01, xanchor="left"),
    paper_bgcolor="white", plot_bgcolor="white",
    xaxis=dict(showline=True, linecolor=pal.OUTLINE_COLOR, ticks="outside", gridcolor=pal.GRID_COLOR,
               automargin=True, title=dict(standoff=8)),
    yaxis=dict(showline=True, linecolor=pal.OUTLINE_COLOR, ticks="outside", gridcolor=pal.GRID_COLOR,
               zeroline=False, automargin=True, title=dict(standoff=8)),
    legend=dict(bgcolor="rgba(255,255,255,0.8)", font=dict(size=13)),
    hoverlabel=dict(font=dict(family=pal.FONT_FAMILY)),
    margin=dict(l=70, r=30, t=90, b=60),
))


def esc(value: object) -> str:
    """Text shown literally by plotly: `<`, `>` and `&` become entities."""
    return html.escape(str(value), quote=False)


# --------------------------------------------------------------------------- shared parts


def _figure(kind: str, title: str, subtitle: str, data: Sequence[dict] = (), note: str = "", **layout: Any) -> go.Figure:
    """The figure from its traces and layout in one call. Plotly then checks and copies
    everything once; each add_trace or update_* call on a built figure costs a millisecond
    or more of bookkeeping, and the six figures of the trends view took 100 ms that way."""
    if note and "margin" not in layout:
        layout["margin"] = dict(t=115)  # room for the note's second subtitle line
    return go.Figure(data=list(data), layout=dict(
        template=TEMPLATE, width=pal.WIDTH, height=pal.HEIGHT, meta={"kind": kind},
        title=dict(text=esc(title), subtitle=dict(text=_with_note(subtitle, note))), **layout))


def _no_items(kind: str, title: str, subtitle: str = "") -> go.Figure:
    note = dict(text=NO_ITEMS, x=0.5, y=0.5, xref="paper", yref="paper", showarrow=False,
                font=dict(size=22, color="#666666"))
    return _figure(kind, title, subtitle, annotations=[note], xaxis=dict(visible=False), yaxis=dict(visible=False))


def _axis(title: str, **props: Any) -> dict:
    return dict(title=dict(text=title), **props)


def _bar_marker(colors: str | Sequence[str], patterns: str | Sequence[str]) -> dict:
    hatch = [pal.hatch_color(c) for c in colors] if not isinstance(colors, str) else pal.hatch_color(colors)
    # "overlay" keeps the colour as the fill and draws the hatch on top of it.
    pattern = dict(shape=patterns, fillmode="overlay", fgcolor=hatch, fgopacity=0.55, size=7, solidity=0.3)
    return dict(color=colors, line=dict(color=pal.OUTLINE_COLOR, width=0.6), pattern=pattern)


def _grand_total(df: pd.DataFrame) -> int:
    return int(df.to_numpy().sum()) if df.size else 0


def _month_keys(months: pd.Index) -> list[str]:
    return list(months.strftime("%Y-%m"))


def _cells(values: list) -> np.ndarray:
    """Per-point values (click filters, labels) as one numpy array, rows of a heatmap as its
    rows: plotly checks a list element by element, most of the time a figure of a few
    hundred months took, and an array at once."""
    return np.array(values, dtype=object)


def _items_subtitle(total: int, months: pd.Index | None = None) -> str:
    text = f"{total:,} item{'s' if total != 1 else ''}"
    if months is not None and len(months):
        text += f", {months[0]:%b %Y} to {months[-1]:%b %Y}"
    return text


def _month_axis(months: pd.Index, fit: int = 14) -> dict:
    """Date ticks every 1, 2, 3, 6 or 12 months, as many as `fit` labels allow; the axis
    spans whole months, so the first and last labels are not cut."""
    step = next((s for s in (1, 2, 3, 6) if len(months) / s <= fit), 12)
    span = [months[0], months[-1] + pd.DateOffset(months=1)]
    return _axis("Month", type="date", dtick=f"M{step}", tickformat="%b<br>%Y" if step < 12 else "%Y",
                 ticklabelmode="period", range=span)


def _period_note(periods: pd.DataFrame | None, shown: int = 3) -> str:
    """Where a later month looks low because a bulletin covering several months states no
    day for some items (frames.multi_month_periods): those count in the period's first
    month, and the figure says so in its subtitle."""
    if periods is None or periods.empty:
        return ""
    parts = [f"{_period_label(r.start, r.end)} ({int(r.items)})" for r in periods.head(shown).itertuples()]
    more = f" and {len(periods) - shown} more" if len(periods) > shown else ""
    return "Items of a multi-month bulletin with no day stated count in its first month: " + ", ".join(parts) + more


def _period_label(start: pd.Timestamp, end: pd.Timestamp) -> str:
    return f"{start:%b}–{end:%b %Y}" if start.year == end.year else f"{start:%b %Y}–{end:%b %Y}"


def _period_shades(periods: pd.DataFrame | None) -> list[dict]:
    """A light band over the months of each such period, behind the bars."""
    if periods is None or periods.empty:
        return []
    return [dict(type="rect", xref="x", yref="paper", x0=r.start, x1=r.end + pd.DateOffset(months=1), y0=0, y1=1,
                 fillcolor=pal.GRID_COLOR, opacity=0.5, line=dict(width=0), layer="below")
            for r in periods.itertuples()]


def _with_note(subtitle: str, note: str) -> str:
    # plotly draws the subtitle as one line; a second line keeps the note readable
    return f"{esc(subtitle)}<br>{esc(note)}" if note else esc(subtitle)


def _monthly(trace_args: dict) -> dict:
    # Bars and points sit in the middle of their month, not on its first day.
    out = {**trace_args, "xperiod": "M1", "xperiodalignment": "middle"}
    if len(out["x"]) == 1:  # plotly sizes bars and cells by the gap between months: one month has none
        out.update(_one_month(out))
    return out


def _one_month(trace_args: dict) -> dict:
    start = pd.Timestamp(trace_args["x"][0])
    days = (start + pd.DateOffset(months=1) - start).days
    if trace_args["type"] == "bar":
        return {"width": days * 0.85 * 86_400_000}  # milliseconds on a date axis
    if trace_args["type"] == "heatmap":  # one column: give its two edges instead of its middle
        return {"x": [start, start + pd.DateOffset(months=1)], "xperiod": None, "xperiodalignment": None}
    return {}


# --------------------------------------------------------------------------- figures


def activity_by_month(month_by_category_df: pd.DataFrame, title: str | None = None,
                      periods: pd.DataFrame | None = None) -> go.Figure:
    """Stacked bars of items per month by category, with each month's total; `periods`
    (frames.multi_month_periods) are shaded and named in the subtitle."""
    df = month_by_category_df
    total = _grand_total(df)
    title, subtitle = title or "Items by month and category", _items_subtitle(total, df.index)
    if total == 0:
        return _no_items("activity_by_month", title, subtitle)
    months = _month_keys(df.index)
    totals = df.sum(axis=1).to_numpy(dtype="int64")
    bars = [_category_bar(df, cid, months) for cid in df.columns]
    return _figure("activity_by_month", title, subtitle, [*bars, _totals(df.index, totals, months)],
                   note=_period_note(periods), shapes=_period_shades(periods), barmode="stack", bargap=0.15, legend=dict(traceorder="reversed", title=dict(text="Category")),
                   yaxis=_axis("Items", range=[0, max(totals) * 1.12]), xaxis=_month_axis(df.index))


def _category_bar(df: pd.DataFrame, cid: str, months: list[str]) -> dict:
    return _monthly(dict(
        type="bar", x=df.index, y=df[cid].to_numpy(), name=esc(pal.category_label(cid)),
        marker=_bar_marker(pal.category_color(cid), pal.category_pattern(cid)),
        customdata=_cells([{"month": m, "category": cid} for m in months]),
        hovertemplate="%{x|%b %Y}<br>%{fullData.name}: %{y}<extra></extra>"))


def _totals(index: pd.Index, totals: np.ndarray, months: list[str]) -> dict:
    labelled = len(totals) <= ANNOTATE_MONTHS
    return _monthly(dict(
        type="scatter", x=index, y=totals, name="Total", mode="text" if labelled else "lines",
        text=totals.astype(str) if labelled else None, textposition="top center", textfont=dict(size=12),
        line=dict(color=pal.TEXT_COLOR, width=1.5), showlegend=not labelled,
        customdata=_cells([{"month": m} for m in months]), hovertemplate="%{x|%b %Y}: %{y} items<extra></extra>"))


def category_share(by_category_df: pd.DataFrame, title: str | None = None) -> go.Figure:
    """Horizontal bars of each category's share of items, largest on top, % and count."""
    df = by_category_df
    total = int(df["count"].sum()) if len(df) else 0
    title, subtitle = title or "Share of items by category", _items_subtitle(total)
    if total == 0:
        return _no_items("category_share", title, subtitle)
    ids = df["category"].tolist()
    labels = [esc(pal.category_label(c)) for c in ids]
    bar = dict(
        type="bar", x=df["share"].tolist(), y=labels, orientation="h", showlegend=False,
        marker=_bar_marker([pal.category_color(c) for c in ids], [pal.category_pattern(c) for c in ids]),
        text=[f"{s:.1f}% ({n:,})" for s, n in zip(df["share"], df["count"])], textposition="outside",
        cliponaxis=False, customdata=[{"category": c} for c in ids],
        hovertemplate="%{y}: %{x:.1f}%<extra></extra>")
    return _figure("category_share", title, subtitle, [bar],
                   yaxis=_axis("Category", categoryorder="array", categoryarray=labels[::-1]),
                   xaxis=_axis("Share of items (%)", range=[0, max(df["share"]) * 1.22]))


def top_partners(by_partner_df: pd.DataFrame, top: int = 15, title: str | None = None) -> go.Figure:
    """The `top` partners by items naming them, one colour (and legend entry) per type."""
    df = by_partner_df.head(top)
    title, subtitle = title or f"Top {top} partners", _partners_subtitle(by_partner_df, len(df))
    if df.empty or int(df["count"].sum()) == 0:
        return _no_items("top_partners", title, subtitle)
    labels = _unique(_partner_label(p) for p in df["partner"])
    df = df.assign(label=labels)
    by_type = sorted(df.groupby("partner_type", sort=False), key=lambda g: _type_rank(g[0]))
    return _figure("top_partners", title, subtitle, [_partner_bar(str(ptype), rows) for ptype, rows in by_type],
                   yaxis=_axis("Partner", categoryorder="array", categoryarray=labels[::-1], tickfont=dict(size=12)),
                   xaxis=_axis("Items naming the partner", range=[0, max(df["count"]) * 1.12]),
                   barmode="overlay", legend=dict(title=dict(text="Partner type")))


def _partner_bar(ptype: str, rows: pd.DataFrame) -> dict:
    return dict(
        type="bar", x=rows["count"].tolist(), y=rows["label"].tolist(), orientation="h", name=esc(ptype),
        marker=_bar_marker(pal.partner_type_color(ptype), pal.PARTNER_TYPE_PATTERNS.get(ptype, "")),
        text=rows["count"].tolist(), textposition="outside", cliponaxis=False,
        customdata=[{"partner": p} for p in rows["partner"]],
        hovertemplate="%{y}<br>%{x} items<extra>%{fullData.name}</extra>")


def _type_rank(ptype: str) -> int:
    # Legend in the order of data/partners.toml, the same in every chart.
    order = list(pal.PARTNER_TYPE_COLORS)
    return order.index(ptype) if ptype in order else len(order)


def _partners_subtitle(df: pd.DataFrame, shown: int) -> str:
    return f"{shown} of {len(df):,} partners" if len(df) else ""


def _partner_label(name: str) -> str:
    lines = textwrap.wrap(name, _NAME_WIDTH) or [""]
    if len(lines) > 2:
        lines = [lines[0], lines[1][: _NAME_WIDTH - 1] + "…"]
    # Escape each line, then join with our own line break: the only markup we add.
    return "<br>".join(esc(line) for line in lines)


def _unique(labels: Iterable[str]) -> list[str]:
    # Two long names may shorten to the same label; a category axis would merge them.
    seen: dict[str, int] = {}
    out = []
    for label in labels:
        seen[label] = seen.get(label, 0) + 1
        out.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
    return out


def themes_over_time(theme_by_month_df: pd.DataFrame, title: str | None = None,
                     periods: pd.DataFrame | None = None) -> go.Figure:
    """Small multiples: one panel per theme, items per month, on one shared scale."""
    df = theme_by_month_df
    title = title or "Themes over time"
    if _grand_total(df) == 0:
        return _no_items("themes_over_time", title)
    grid = _Grid(len(df.columns))
    names = [f"{esc(pal.theme_label(t))} ({int(df[t].sum()):,})" for t in df.columns]
    lines = [{**_theme_line(df, theme, names[n]), **grid.refs(n)} for n, theme in enumerate(df.columns)]
    return _figure("themes_over_time", title, "Items per month for the leading themes", lines,
                   note=_period_note(periods), margin=dict(t=140 if periods is not None and len(periods) else 120),  # room between the subtitle and the panel titles
                   annotations=[grid.title(n, name) for n, name in enumerate(names)],
                   **grid.axes(df.index, int(df.to_numpy().max())))


def _theme_line(df: pd.DataFrame, theme: str, name: str) -> dict:
    months = _month_keys(df.index)
    return _monthly(dict(
        type="scatter", x=df.index, y=df[theme].to_numpy(), name=name, showlegend=False,
        mode="lines+markers" if len(months) <= ANNOTATE_MONTHS else "lines",
        line=dict(color=pal.SINGLE_COLOR, width=2), marker=dict(size=4), fill="tozeroy",
        fillcolor="rgba(0,119,187,0.12)", customdata=_cells([{"theme": theme, "month": m} for m in months]),
        hovertemplate="%{x|%b %Y}: %{y}<extra>%{fullData.name}</extra>"))


class _Grid:
    """Panels in rows of up to three, numbered row by row from the top left, laid out as
    plotly's make_subplots would (which alone took 15 ms)."""

    H_SPACING, V_SPACING = 0.04, 0.14

    def __init__(self, panels: int) -> None:
        self.panels, self.cols = panels, min(3, panels)
        self.rows = math.ceil(panels / self.cols)
        self.width = (1 - self.H_SPACING * (self.cols - 1)) / self.cols
        self.height = (1 - self.V_SPACING * (self.rows - 1)) / self.rows

    def domains(self, n: int) -> tuple[list[float], list[float]]:
        row, col = divmod(n, self.cols)
        x0 = col * (self.width + self.H_SPACING)
        y0 = (self.rows - 1 - row) * (self.height + self.V_SPACING)
        return [x0, x0 + self.width], [y0, y0 + self.height]

    @staticmethod
    def suffix(n: int) -> str:
        return str(n + 1) if n else ""

    def refs(self, n: int) -> dict[str, str]:
        """Panel n's axes, as its trace names them."""
        return {"xaxis": f"x{self.suffix(n)}", "yaxis": f"y{self.suffix(n)}"}

    def title(self, n: int, text: str) -> dict:
        x, y = self.domains(n)
        return dict(text=text, x=(x[0] + x[1]) / 2, y=y[1], xref="paper", yref="paper", xanchor="center",
                    yanchor="bottom", showarrow=False, font=dict(size=14))

    def axes(self, months: pd.Index, peak: int) -> dict[str, dict]:
        """One x and one y scale for all panels; month labels under the lowest panel of each
        column; empty slots of the grid hidden.

        The y scale is set from `peak` (the highest count) rather than left to autorange:
        with matched x axes that carry an explicit range, plotly.js skips the autorange of
        the matched y axes and keeps its empty-axis default, 0 to 4, so every line above 4
        was cut on screen and in SVG/PNG alike."""
        out, y_range = {}, [0, max(peak, 1) * 1.12]
        for n in range(self.rows * self.cols):
            (x, y), s, first_col = self.domains(n), self.suffix(n), n % self.cols == 0
            xaxis = dict(anchor=f"y{s}", domain=x, matches="x", showticklabels=False)
            yaxis = dict(anchor=f"x{s}", domain=y, matches="y", range=y_range, showticklabels=first_col)
            if first_col:
                yaxis["title"] = dict(text="Items")
            if n >= self.panels:
                xaxis["visible"] = yaxis["visible"] = False
            elif n + self.cols >= self.panels:
                xaxis.update(_month_axis(months, fit=18 // self.cols), showticklabels=True)
            out[f"xaxis{s}"], out[f"yaxis{s}"] = xaxis, yaxis
        return out


def month_category_heatmap(month_by_category_df: pd.DataFrame, title: str | None = None,
                           periods: pd.DataFrame | None = None) -> go.Figure:
    """Months across, categories down, the count in each cell; row totals beside the names."""
    df = month_by_category_df
    total = _grand_total(df)
    title, subtitle = title or "Items by month and category", _items_subtitle(total, df.index)
    if total == 0:
        return _no_items("month_category_heatmap", title, subtitle)
    return _figure("month_category_heatmap", title, subtitle, [_heatmap_cells(df)], note=_period_note(periods),
                   yaxis=_axis("Category", autorange="reversed", showgrid=False),
                   xaxis=dict(showgrid=False, **_month_axis(df.index)))


def _heatmap_cells(df: pd.DataFrame) -> dict:
    ids, months, grid = list(df.columns), _month_keys(df.index), df.T.to_numpy()
    labelled = len(months) <= ANNOTATE_MONTHS
    return _monthly(dict(
        type="heatmap", z=grid, x=df.index, y=[f"{esc(pal.category_label(c))} ({int(df[c].sum()):,})" for c in ids],
        colorscale=pal.HEATMAP_SCALE, zmin=0, xgap=1, ygap=1, colorbar=dict(title=dict(text="Items")),
        # Counts printed in the cells while they are wide enough to hold them; zeros left blank.
        text=np.where(grid > 0, grid.astype(str), "") if labelled else None,
        texttemplate="%{text}" if labelled else None, textfont=dict(size=11),
        customdata=_cells([[{"month": m, "category": c} for m in months] for c in ids]),
        hovertemplate="%{y}<br>%{x|%b %Y}: %{z}<extra></extra>"))


def year_over_year(year_over_year_df: pd.DataFrame, title: str | None = None) -> go.Figure:
    """Items per year, each bar labelled with its count and its change on the year before."""
    df = year_over_year_df
    total = int(df["count"].sum()) if len(df) else 0
    title, subtitle = title or "Items per year", _items_subtitle(total)
    if total == 0:
        return _no_items("year_over_year", title, subtitle)
    years = [str(int(y)) for y in df["year"]]
    bar = dict(
        type="bar", x=years, y=df["count"].tolist(), marker=_bar_marker(pal.SINGLE_COLOR, ""), showlegend=False,
        text=[_year_label(n, c, p) for n, c, p in zip(df["count"], df["change"], df["change_pct"])],
        textposition="outside", cliponaxis=False, customdata=[{"year": y} for y in years],
        hovertemplate="%{x}: %{y} items<extra></extra>")
    return _figure("year_over_year", title, subtitle, [bar],
                   bargap=0.6 if len(years) < 4 else 0.3,  # one or two fat bars look like a wall
                   xaxis=_axis("Year", type="category"), yaxis=_axis("Items", range=[0, max(df["count"]) * 1.2]))


def _year_label(count: int, change: object, change_pct: object) -> str:
    if pd.isna(change):
        return f"{int(count):,}"
    if pd.isna(change_pct):
        return f"{int(count):,}<br>(new)"
    return f"{int(count):,}<br>{float(change_pct):+.1f}%"


# every figure by name: the function that draws it and the aggregate (frames.TABLES) it is drawn from
FIGURE_SOURCES = {"activity_by_month": (activity_by_month, "month_by_category"),
                  "category_share": (category_share, "category"), "top_partners": (top_partners, "partner"),
                  "themes_over_time": (themes_over_time, "theme_by_month"),
                  "month_category_heatmap": (month_category_heatmap, "month_by_category"),
                  "year_over_year": (year_over_year, "year_over_year")}
FIGURES = tuple(FIGURE_SOURCES)
MONTHLY_FIGURES = ("activity_by_month", "themes_over_time", "month_category_heatmap")  # these note multi-month periods


def build_figure(frames: Frames, name: str, start=None, end=None) -> go.Figure:
    """The figure `name` (one of FIGURES) drawn from its aggregate of `frames`."""
    draw, source = FIGURE_SOURCES[name]
    if name in MONTHLY_FIGURES:
        return draw(aggregate(frames, source, start, end), periods=multi_month_periods(frames, start, end))
    return draw(aggregate(frames, source, start, end))
