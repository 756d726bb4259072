"""The page's frame: navigation, the search bar, the facet sidebar and the three views.

Everything here is static; callbacks fill it from the URL.
"""
from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from . import ids

QUERY_DEBOUNCE_MS = 400  # search as you type after this pause (dbc counts milliseconds, dcc seconds)

QUERY_SYNTAX = (
    ("children rights", 'items with both words (any form: "child", "rights")'),
    ('"plane crash"', "the phrase"),
    ("ICRC OR UNICEF, visit AND prison, seminar NOT online", "boolean combinations; ( ) groups"),
    ("category:monitoring_visit, theme:children, year:2023", "facet fields"),
    ('partner:ICRC, partner:"Red Cross Committee"', "a partner by its name, alias or acronym"),
    ('place:Ganja, person:"Sabina Aliyeva"', "places and people"),
    ("organi*", 'words starting with "organi" (at least two letters)'),
    ("autsim~", 'words within two edits of "autsim" (finds "autism"); word~1 for one'),
    ("date:[2021-01-01 to 2021-06-30], date:2024-03, date:>2024-06-01, year:[2021 to 2023]", "date ranges"),
    ("title:summit", "only in headlines (body: for the text)"),
)
REPORT_NOTE = ("The pack covers the whole chosen year, whatever the query and filters: "
               "tables, figures and a summary for the office's annual report.")
SORT_OPTIONS = [{"label": "Relevance", "value": "relevance"}, {"label": "Newest first", "value": "newest"},
                {"label": "Oldest first", "value": "oldest"}]


def navbar() -> dbc.Navbar:
    tabs = dbc.Tabs([dbc.Tab(label="Search", tab_id="search"), dbc.Tab(label="Trends", tab_id="trends")],
                    id=ids.VIEW_TABS, active_tab="search", className="view-tabs border-0")
    return dbc.Navbar(dbc.Container([
        html.A([html.Span("Bulletin Explorer", className="brand-name"),
                html.Span("Information Bulletins of the Ombudsman of Azerbaijan", className="brand-sub d-none d-md-inline")],
               href="/", className="navbar-brand d-flex flex-column lh-sm"),
        tabs,
    ], fluid=True), color="dark", dark=True, className="py-1 mb-0")


def query_help() -> dbc.Collapse:
    rows = [html.Tr([html.Td(html.Code(typed)), html.Td(finds)]) for typed, finds in QUERY_SYNTAX]
    table = dbc.Table([html.Thead(html.Tr([html.Th("You type"), html.Th("It finds")])), html.Tbody(rows)],
                      size="sm", striped=True, className="mb-1")
    note = html.P("A query that cannot be answered gets a one-line reason instead of results "
                  "(* alone, a one-letter prefix, an unreadable date, more than 40 terms or 500 characters).",
                  className="small text-muted mb-0")
    return dbc.Collapse(dbc.Card(dbc.CardBody([table, note])), id=ids.QUERY_HELP, is_open=False, className="mt-2")


def search_bar() -> html.Div:
    query = dbc.InputGroup([
        dbc.Input(id=ids.QUERY, type="search", debounce=QUERY_DEBOUNCE_MS, placeholder="Search the bulletins: e.g. children, \"plane crash\", partner:ICRC",
                  autoFocus=True, maxLength=500, className="query-input"),
        dbc.Button("Query syntax", id=ids.QUERY_HELP_BUTTON, color="secondary", outline=True),
    ])
    dates = dbc.InputGroup([dbc.InputGroupText("From"), dbc.Input(id=ids.DATE_FROM, type="date"),
                            dbc.InputGroupText("to"), dbc.Input(id=ids.DATE_TO, type="date")], className="date-range")
    sort = dbc.Select(id=ids.SORT, options=SORT_OPTIONS, value="relevance", className="sort-select")
    return html.Div([
        dbc.Row([
            dbc.Col(query, xl=6, lg=12, className="mb-2"),
            dbc.Col(dates, xl=4, lg=7, md=8, className="mb-2"),
            dbc.Col(sort, xl=2, lg=5, md=4, className="mb-2"),
        ], className="g-2"),
        query_help(),
    ], className="search-bar")


def search_view() -> html.Div:
    exports = dbc.ButtonGroup([dbc.Button("CSV", id=ids.EXPORT_CSV, size="sm", outline=True, color="secondary"),
                               dbc.Button("XLSX", id=ids.EXPORT_XLSX, size="sm", outline=True, color="secondary")])
    head = html.Div([html.Div(id=ids.STATUS, className="status"),
                     html.Div([html.Span("Export matching items ", className="small text-muted me-1"), exports])],
                    className="d-flex flex-wrap justify-content-between align-items-center gap-2 mb-2")
    results = dcc.Loading(html.Div(id=ids.RESULTS), delay_show=400, type="dot")
    pager = dbc.Pagination(id=ids.PAGER, max_value=1, active_page=1, fully_expanded=False,
                           first_last=True, previous_next=True, size="sm", className="mt-3")
    return html.Div([head, results, pager], id=ids.SEARCH_VIEW)


def report_pack() -> html.Div:
    """The annual-report pack: the office's report of a whole year, so it leaves the page's
    query and filters aside, and says so."""
    pack = dbc.InputGroup([dbc.InputGroupText("Annual-report pack"),
                           dbc.Select(id=ids.REPORT_YEAR, options=[], placeholder="year"),
                           dbc.Button("Download .zip", id=ids.REPORT_BUTTON, color="primary", title=REPORT_NOTE)],
                          size="sm", className="report-pack w-auto")
    note = html.Div(REPORT_NOTE, id=ids.REPORT_NOTE, className="small text-muted text-end mt-1",
                    style={"maxWidth": "30rem"})
    return html.Div([pack, note], className="d-flex flex-column align-items-end")


def trends_view() -> html.Div:
    head = html.Div([html.H2("Trends", className="h5 mb-0"), report_pack()],
                    className="d-flex flex-wrap justify-content-between align-items-center gap-2 mb-2")
    hint = html.P("Click a bar, a segment or a heatmap cell to filter everything by it.",
                  className="small text-muted mb-2")
    numbers = dbc.Row(id=ids.KEY_NUMBERS, className="g-2 mb-3 key-numbers")
    # The figures' cards are mounted by a callback the first time Trends is shown: a dcc.Graph
    # in the layout makes Dash fetch plotly.js (4.8 MB), which Search does not need.
    grid = dcc.Loading(html.Div(id=ids.TRENDS_GRID), delay_show=150, type="circle",
                       overlay_style={"visibility": "visible", "opacity": 0.5}, id="trends-loading")
    return html.Div([head, hint, numbers, grid, dcc.Store(id=ids.TRENDS_MOUNTED, data=False)],
                    id=ids.TRENDS_VIEW, style={"display": "none"})


def sidebar() -> html.Div:
    clear = dbc.Button("Clear all", id=ids.CLEAR_ALL, color="link", size="sm", className="p-0")
    return html.Div([html.Div([html.H2("Filters", className="h6 mb-0 text-uppercase"), clear],
                              className="d-flex justify-content-between align-items-center mb-2"),
                     html.Div(id=ids.FACETS)], id=ids.SIDEBAR)


def exports_area() -> html.Div:
    return html.Div(dcc.Loading([dcc.Download(id=ids.DOWNLOAD), html.Div(id=ids.EXPORT_STATUS)],
                                type="circle", fullscreen=False, className="export-loading"),
                    className="export-area")


def page() -> html.Div:
    return html.Div([
        dcc.Location(id=ids.URL, refresh=False),
        dcc.Store(id=ids.PUSHED),
        navbar(),
        html.Div(id=ids.NOTICES),
        dbc.Container([
            search_bar(),
            exports_area(),
            dbc.Row([
                dbc.Col(sidebar(), lg=3, md=4, className="sidebar-col", id="sidebar-col"),
                dbc.Col([search_view(), trends_view(), html.Div(id=ids.ITEM_VIEW)], lg=9, md=8, id="main-col"),
            ], className="g-3"),
        ], fluid=True, className="pt-3 pb-5 page"),
    ])
