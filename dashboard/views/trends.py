"""The trends view: key numbers and the six figures for the current query and filters."""
from __future__ import annotations

import html as html_module
from collections.abc import Mapping
from datetime import date
from urllib.parse import parse_qsl, urlencode

import dash_bootstrap_components as dbc
import numpy as np
import plotly.graph_objects as go
from dash import dcc, html

from indexer.analytics.figures import FIGURES, build_figure
from indexer.analytics.frames import Frames

from . import ids
from .margins import fix_margins

FIGURE_TITLES = {"activity_by_month": "Activity per month", "category_share": "Category share",
                 "top_partners": "Top partners", "themes_over_time": "Themes over time",
                 "month_category_heatmap": "Month × category", "year_over_year": "Year over year"}
SCREEN_HEIGHT = {"themes_over_time": 520, "top_partners": 680}  # partners: 15 bars, names on two lines (12 px)


def key_numbers(frames: Frames) -> list[tuple[str, str, str]]:
    """(label, value, detail) for the headline row: items, monitoring visits, partners,
    busiest month."""
    items = frames.items
    visits = int((items["category"] == "monitoring_visit").sum()) if len(items) else 0
    partners = int(frames.partners["partner"].nunique()) if len(frames.partners) else 0
    busiest, detail = "—", ""
    if len(items):
        per_month = items.groupby("month").size()
        top = per_month.idxmax()
        busiest, detail = f"{top:%B %Y}", f"{int(per_month.max()):,} items"
    return [("Items", f"{len(items):,}", ""), ("Monitoring visits", f"{visits:,}", ""),
            ("Partners", f"{partners:,}", "distinct organisations"), ("Busiest month", busiest, detail)]


def key_number_cards(numbers: list[tuple[str, str, str]]) -> list:
    return [dbc.Col(dbc.Card(dbc.CardBody([html.Div(label, className="kn-label"),
                                           html.Div(value, className="kn-value"),
                                           html.Div(detail, className="kn-detail")])), className="key-number")
            for label, value, detail in numbers]


def figures_for(frames: Frames, start: date | None, end: date | None) -> dict[str, go.Figure]:
    """The six figures, at their export size."""
    return {name: build_figure(frames, name, start, end) for name in FIGURES}


def for_screen(fig: go.Figure, name: str, narrow: bool = False) -> go.Figure:
    """`fig`, fresh from figures_for, changed in place to fill its card (exports build their
    own at the report size): a copy of a figure of a few hundred months took 30 ms. The title
    and subtitle are the card's (subtitle_of, read first); the legend sits above the plot in
    rows, so it never squeezes or covers the plot; `narrow` (a phone) tightens the type."""
    fig.layout.width = None  # update_layout skips None: assign to drop the export width
    fig.update_layout(height=SCREEN_HEIGHT.get(name, 420), autosize=True,
                      margin=dict(l=60, r=20, t=30, b=50), title=dict(text=None, subtitle=dict(text=None)))
    if fig.layout.showlegend is not False:
        fig.update_layout(legend=dict(orientation="h", x=0, xanchor="left", y=1.02, yanchor="bottom",
                                      title=dict(side="top left")))
    if narrow:
        fig.update_layout(font=dict(size=11), legend=dict(font=dict(size=10)), margin=dict(l=8, r=8, t=20, b=30))
        fig.update_yaxes(tickfont=dict(size=10), title=dict(text=None))
        if fig.data and fig.data[0].type == "bar" and fig.data[0].orientation == "h":
            _short_names(fig)
    if name == "month_category_heatmap" and fig.data and fig.data[0].type == "heatmap":
        clickable_heatmap(fig, narrow)
    fix_margins(fig)
    plain_thin_bars(fig)
    lean(fig)
    return fig


THIN_BARS = 120  # bars per trace past which a bar on screen is narrower than one hatch period


def plain_thin_bars(fig: go.Figure, limit: int = THIN_BARS) -> None:
    """Bars without hatch or outline when there are more than `limit` of them (a screen
    card ~950 px wide then gives each under 7 px, one period of the hatch, so neither can be
    seen): plotly styles every bar's pattern and outline one by one, a third of the time it
    took to draw 550 months. The export figures keep both."""
    for trace in fig.data:
        if trace.type == "bar" and trace.x is not None and len(trace.x) > limit:
            trace.marker.pattern = None
            trace.marker.line = None


def lean(fig: go.Figure) -> None:
    """Smaller JSON for the screen (a trends update at 10k items was 424 KB): dates as
    "2024-03-01" instead of full timestamps, and a point's click filter as a short query
    string ("category=event") whose month the click's x gives (click_from_point)."""
    for trace in fig.data:
        x = getattr(trace, "x", None)
        if isinstance(x, np.ndarray) and np.issubdtype(x.dtype, np.datetime64):
            trace.x = np.datetime_as_string(x, unit="D")
        data = getattr(trace, "customdata", None)
        if data is not None and len(data) and isinstance(data[0], Mapping) and "month" in data[0]:
            trace.customdata = np.array([urlencode({k: v for k, v in d.items() if k != "month"}) for d in data],
                                        dtype=object)


def click_from_point(point: Mapping) -> dict | None:
    """The filter a click on a point applies: its customdata, read back from lean's query
    string, with the month of its x when it had one."""
    data = point.get("customdata")
    if isinstance(data, Mapping) or data is None:
        return data
    if not isinstance(data, str):
        return None
    out: dict = dict(parse_qsl(data))
    x = point.get("x")
    if isinstance(x, str) and len(x) >= 7 and x[4] == "-":
        out["month"] = x[:7]
    return out or None


def _short_names(fig: go.Figure, keep: int = 16) -> None:
    """Names on a horizontal bar chart's axis cut to `keep` characters (the hover keeps them
    whole): on a phone, long partner names left the bars a strip."""
    names = list(fig.data[0].y)
    text = [" ".join(str(n).split("<br>")) for n in names]
    fig.update_yaxes(tickmode="array", tickvals=names, ticktext=[t if len(t) <= keep else t[:keep - 1] + "…" for t in text])


def subtitle_of(fig: go.Figure) -> str:
    """The figure's subtitle as plain text ("1,001 items, Mar 2020 to Dec 2024"), for its card;
    plotly's line breaks become new lines (the card keeps them: .figure-subtitle), not a "<br>"."""
    text = fig.layout.title.subtitle.text if fig.layout.title and fig.layout.title.subtitle else None
    return "\n".join(html_module.unescape(line) for line in (text or "").split("<br>"))


def clickable_heatmap(fig: go.Figure, narrow: bool = False) -> None:
    """Rows named by category id, the axis showing their labels: dcc.Graph drops a heatmap
    cell's customdata from clickData (it looks customdata up by a point number, which for a
    heatmap is a [row, column] pair), so a click carries only x (the month) and y (the row).
    Its customdata goes (the axis names the row)."""
    cells = fig.data[0]
    labels = list(cells.y)
    categories = [row[0]["category"] for row in cells.customdata]
    cells.update(y=categories, customdata=None, hovertemplate="%{x|%B %Y}: %{z} items<extra>%{y}</extra>")
    short = [label.split(" (")[0][:14] for label in labels] if narrow else labels
    fig.update_yaxes(tickmode="array", tickvals=categories, ticktext=short)
    if narrow:
        fig.update_traces(colorbar=dict(thickness=10, title=dict(text=None)))


def heatmap_click(point: dict) -> dict | None:
    """The filter a click on a heatmap cell applies: its month and its category."""
    x, y = point.get("x"), point.get("y")
    if not (isinstance(x, str) and isinstance(y, str) and len(x) >= 7):
        return None
    return {"month": x[:7], "category": y}


def figure_card(name: str, figure=None, subtitle: str = "") -> dbc.Col:
    buttons = dbc.ButtonGroup([dbc.Button(fmt.upper(), id={"type": ids.FIGURE_EXPORT, "figure": name, "fmt": fmt},
                                          size="sm", outline=True, color="secondary") for fmt in ("svg", "png")])
    header = dbc.CardHeader(html.Div([html.H3(FIGURE_TITLES[name], className="h6 fw-semibold mb-0"), buttons],
                                     className="d-flex justify-content-between align-items-center"))
    subtitle = html.P(subtitle, id={"type": ids.SUBTITLE, "figure": name}, className="small text-muted px-2 pt-1 mb-0 figure-subtitle")
    # responsive: the figure follows its card, also when it was drawn while the view was hidden
    graph = dcc.Graph(id={"type": ids.GRAPH, "figure": name}, config={"displaylogo": False}, responsive=True,
                      className="figure", style={"height": f"{SCREEN_HEIGHT.get(name, 420)}px", "width": "100%"},
                      **({"figure": figure} if figure is not None else {}))
    return dbc.Col(dbc.Card([header, dbc.CardBody([subtitle, graph], className="p-1")], className="mb-3"),
                   width=12, className="figure-col", id=f"card-{name}")


def figure_grid(figures: list | None = None, subtitles: list | None = None) -> dbc.Row:
    """The six cards, with their figures and subtitles when given (in FIGURES order)."""
    figures, subtitles = figures or [None] * len(FIGURES), subtitles or [""] * len(FIGURES)
    return dbc.Row([figure_card(name, fig, sub) for name, fig, sub in zip(FIGURES, figures, subtitles)])
