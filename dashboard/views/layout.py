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
REPORT_IDLE, REPORT_BUILDING = "Download .zip", "Building the pack…"
REPORT_NOTE = ("The pack covers the whole chosen year, whatever the query and filters: "
               "tables, figures and a summary for the office's annual report.")
SORT_OPTIONS = [{"label": "Relevance", "value": "relevance"}, {"label": "Newest first", "value": "newest"},
                {"label": "Oldest first", "value": "oldest"}]


# Dash's page with the language declared (screen readers pick their voice by it).
INDEX_STRING = """<!DOCTYPE html>
<html lang="en">
    <head>
        {%metas%}
        <title>{%title%}</title>
        {%favicon%}
        {%css%}
    </head>
    <body>
        {%app_entry%}
        <footer>
            {%config%}
            {%scripts%}
            {%renderer%}
        </footer>
    </body>
</html>"""

VIEW_OPTIONS = [{"label": "Search", "value": "search"}, {"label": "Trends", "value": "trends"}]


def view_switch() -> html.Div:
    """Search | Trends as a radio group drawn as buttons (tabs without tab panels are not
    valid ARIA; a radio group is what this is: one of two views)."""
    return html.Div(dbc.RadioItems(id=ids.VIEW_TABS, options=VIEW_OPTIONS, value="search", className="btn-group",
                                   inputClassName="btn-check", labelClassName="btn btn-outline-light btn-sm",
                                   labelCheckedClassName="active"),
                    className="view-switch", role="group", **{"aria-label": "View"})


def navbar() -> html.Header:
    brand = html.A([html.H1("Bulletin Explorer", className="brand-name m-0"),
                    html.Span("Information Bulletins of the Ombudsman of Azerbaijan",
                              className="brand-sub d-none d-md-inline")],
                   href="/", className="navbar-brand d-flex flex-column lh-sm")
    review = html.A("Review labels", href="/review", className="nav-link text-light small ms-2")
    return html.Header(dbc.Navbar(dbc.Container([brand, html.Div([view_switch(), review], className="d-flex align-items-center")],
                                                fluid=True),
                                  color="dark", dark=True, className="py-1 mb-0"))


def skip_link(target: str, text: str = "Skip to results") -> html.A:
    return html.A(text, href=f"#{target}", className="visually-hidden-focusable skip-link")


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
        dbc.Label("Search the bulletins", html_for=ids.QUERY, className="visually-hidden"),
        dbc.Input(id=ids.QUERY, type="search", debounce=QUERY_DEBOUNCE_MS, placeholder="Search the bulletins: e.g. children, \"plane crash\", partner:ICRC",
                  autoFocus=True, maxLength=500, className="query-input"),
        dbc.Button("Query syntax", id=ids.QUERY_HELP_BUTTON, color="secondary", outline=True),
    ])
    # the page opens with the cursor in the query box: the next Tab offers to skip to the results
    filters = dbc.Button("Filters", id=ids.FILTERS_OPEN, color="secondary", outline=True, className="d-md-none")
    return html.Div([
        html.Div([html.Div(query, className="flex-grow-1"), filters], className="d-flex gap-2"),
        skip_link(ids.RESULTS),
        query_help(),
    ], className="search-bar", role="search")


DATE_DISPLAY = "D MMMM YYYY"  # as labels.format_date writes dates everywhere else: 5 March 2024


def date_picker(cid: str, placeholder: str, class_name: str = "") -> dcc.DatePickerSingle:
    """A date typed ("5 March 2024" or 2024-03-05) or picked, shown as the rest of the app
    writes dates (the browser's own date input showed mm/dd/yyyy); its `date` is ISO.
    Its × clears it (emptying the text does not always: the component may restore it);
    assets/40-datepicker.js makes that × a button and names the parts of the calendar the
    component leaves unnamed."""
    return dcc.DatePickerSingle(id=cid, display_format=DATE_DISPLAY, placeholder=placeholder, clearable=True,
                                first_day_of_week=1, className=f"date-picker {class_name}".strip())


def date_card() -> dbc.Card:
    """The date range (typed or picked), in the filters beside the facets."""
    dates = [dbc.Label("From", html_for=ids.DATE_FROM, className="small mb-0"),
             date_picker(ids.DATE_FROM, "e.g. 1 March 2024", "mb-1"),
             dbc.Label("To", html_for=ids.DATE_TO, className="small mb-0"),
             date_picker(ids.DATE_TO, "e.g. 31 March 2024")]
    histogram = [html.Img(id=ids.HISTOGRAM, className="histogram", alt=""),
                 html.Div(dcc.RangeSlider(id=ids.DATE_RANGE, min=0, max=0, step=1, value=[0, 0], allowCross=False,
                                          updatemode="mouseup", marks={}, allow_direct_input=False), className="date-slider"),
                 dcc.Store(id=ids.HISTOGRAM_MONTHS)]
    return dbc.Card([dbc.CardHeader("Date", className="facet-header"),
                     dbc.CardBody([*histogram, html.Div(id=ids.DATE_PRESETS, className="date-presets mb-2"), *dates],
                                  className="facet-body")], className="facet mb-2", id="date-card")


def sort_control() -> html.Div:
    return html.Div([dbc.Label("Sort", html_for=ids.SORT, className="small text-muted mb-0 me-1"),
                     dbc.Select(id=ids.SORT, options=SORT_OPTIONS, value="relevance", size="sm",
                                className="sort-select w-auto")], className="d-flex align-items-center")


def search_view() -> html.Div:
    exports = dbc.ButtonGroup([dbc.Button("CSV", id=ids.EXPORT_CSV, size="sm", outline=True, color="secondary"),
                               dbc.Button("XLSX", id=ids.EXPORT_XLSX, size="sm", outline=True, color="secondary")])
    head = html.Div([html.H2("Results", className="visually-hidden"), html.Div(id=ids.STATUS, className="status", role="status"),
                     html.Div([sort_control(),
                               html.Div([html.Span("Export ", className="small text-muted me-1"), exports])],
                              className="d-flex flex-wrap align-items-center gap-3")],
                    className="d-flex flex-wrap justify-content-between align-items-center gap-2 mb-2")
    chips = html.Div(id=ids.CHIPS, className="chips mb-2")
    # tabIndex -1: the skip link's target takes the focus, so the next Tab reaches the first result
    listed = [html.Div(id=ids.RESULT_MESSAGE), html.Div(id=ids.RESULT_LIST, **{"data-hits": "[]"})]
    results = dcc.Loading(html.Div(listed, id=ids.RESULTS, tabIndex="-1"), delay_show=400, type="dot")
    pager = dbc.Pagination(id=ids.PAGER, max_value=1, active_page=1, fully_expanded=False,
                           first_last=True, previous_next=True, size="sm", className="mt-3")
    return html.Div([head, chips, results, pager], id=ids.SEARCH_VIEW)


def report_pack() -> html.Div:
    """The annual-report pack: the office's report of a whole year, so it leaves the page's
    query and filters aside, and says so."""
    pack = dbc.InputGroup([dbc.Label("Annual-report pack", html_for=ids.REPORT_YEAR, className="input-group-text mb-0"),
                           dbc.Select(id=ids.REPORT_YEAR, options=[], placeholder="year"),
                           dbc.Button(REPORT_IDLE, id=ids.REPORT_BUTTON, color="primary", title=REPORT_NOTE)],
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
    return html.Div([head, hint, numbers, grid, dcc.Store(id=ids.TRENDS_MOUNTED, data=False), dcc.Store(id=ids.TRENDS_DRAWN)],
                    id=ids.TRENDS_VIEW, style={"display": "none"})


def sidebar() -> html.Aside:
    """The filters: beside the results on wide screens, a drawer over them on a phone."""
    clear = dbc.Button("Clear all", id=ids.CLEAR_ALL, color="link", size="sm", className="p-0")
    close = dbc.Button("Show results", id=ids.FILTERS_CLOSE, color="primary", size="sm", className="d-md-none ms-2")
    return html.Aside([html.Div([html.H2("Filters", className="h6 mb-0 text-uppercase"), html.Div([clear, close])],
                                className="d-flex justify-content-between align-items-center mb-2"),
                       date_card(), html.Div(id=ids.FACETS)], id=ids.SIDEBAR, **{"aria-label": "Filters"})


def exports_area() -> html.Div:
    return html.Div(dcc.Loading([dcc.Download(id=ids.DOWNLOAD), html.Div(id=ids.EXPORT_STATUS)],
                                type="circle", fullscreen=False, className="export-loading"),
                    className="export-area")


def page(url_rules: dict | None = None) -> html.Div:
    """The page; `url_rules` (callbacks.url_rules()) tell the browser how to write the URL."""
    return html.Div([
        skip_link(ids.RESULTS),
        dcc.Location(id=ids.URL, refresh=False),
        dcc.Store(id=ids.PUSHED),
        dcc.Store(id=ids.URL_RULES, data=url_rules or {}),
        dcc.Store(id=ids.NARROW, data=False),
        navbar(),
        html.Main([
            html.Div(id=ids.NOTICES),
            dbc.Container([
                search_bar(),
                exports_area(),
                dbc.Row([
                    # first in the page on a phone: the results; the filters open as a drawer
                    dbc.Col([search_view(), trends_view(), html.Div(id=ids.ITEM_VIEW)], lg=9, md=8, id="main-col",
                            className="order-md-2"),
                    dbc.Col(sidebar(), lg=3, md=4, className="sidebar-col order-md-1", id="sidebar-col"),
                ], className="g-3"),
            ], fluid=True, className="pt-3 pb-5 page"),
        ], id="main"),
    ])
