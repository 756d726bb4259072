"""The callbacks: each unpacks its inputs, calls one function of state.py, render.py or
exporting.py, and returns. The URL is the only state; the controls write it, and the
views read it (so a pasted URL, back and forward all show the same page)."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from dash import ALL, ClientsideFunction, Dash, Input, Output, State, ctx, no_update
from dash.exceptions import PreventUpdate

from indexer.analytics.exports import ExportError
from indexer.search import FILTERS, SORTS, QueryError
from indexer.search.index_dir import IndexMissing

from ..common.state import MAX_PAGE, MAX_QUERY_CHARS, VIEWS, state_from_url, url_from_state, with_facet
from . import components as C
from . import exporting, ids, render, trends
from .controls import changed
from .layout import REPORT_BUILDING, REPORT_IDLE

FACETS_ALL = {"type": ids.FACET, "facet": ALL, "group": ALL}
GRAPHS_ALL = {"type": ids.GRAPH, "figure": ALL}
SUBTITLES_ALL = {"type": ids.SUBTITLE, "figure": ALL}
CONTROL_OF = {(ids.QUERY, "value"): "q", (ids.QUERY, "n_submit"): "q", (ids.SORT, "value"): "sort",
              (ids.DATE_FROM, "date"): "from", (ids.DATE_TO, "date"): "to", (ids.PAGER, "active_page"): "page",
              (ids.VIEW_TABS, "value"): "view", (ids.CLEAR_ALL, "n_clicks"): "clear",
              (ids.DATE_RANGE, "value"): "range"}
# the controls whose changes the browser writes into the URL (in the order write() takes them);
# the pager has its own writer (PAGER_CONTROL): see register()
CLIENT_CONTROLS = ((ids.QUERY, "value"), (ids.QUERY, "n_submit"), (ids.SORT, "value"), (ids.DATE_FROM, "date"),
                   (ids.DATE_TO, "date"), (ids.VIEW_TABS, "value"), (ids.CLEAR_ALL, "n_clicks"))
PAGER_CONTROL = (ids.PAGER, "active_page")


def url_rules() -> dict:
    """What assets/30-url.js needs to write URLs as state.py does (one source: the Python)."""
    return {"filters": list(FILTERS), "sorts": list(SORTS), "views": list(VIEWS), "max_query": MAX_QUERY_CHARS,
            "max_page": MAX_PAGE, "facet_type": ids.FACET, "clear_id": ids.CLEAR_ALL,
            "control_of": {f"{cid}.{prop}": control for (cid, prop), control in CONTROL_OF.items()
                           if (cid, prop) in (*CLIENT_CONTROLS, PAGER_CONTROL)}}


def facet_selection(inputs: list[dict]) -> dict[str, list[str]]:
    """Each facet's ticked values, over all its checklists (partners have one per type)."""
    out: dict[str, list[str]] = {}
    for entry in inputs:
        out.setdefault(entry["id"]["facet"], []).extend(entry.get("value") or [])
    return out


def click_filter(click_data, figure: str = "") -> dict | None:
    points = (click_data or {}).get("points") or []
    if not points:
        return None
    if figure == "month_category_heatmap":
        return trends.heatmap_click(points[0])
    return trends.click_from_point(points[0])


def next_search(search: str, triggered: list[dict], values: dict, facet_inputs: list[dict]) -> str:
    """The URL after the controls in `triggered` changed (pure: tested without a browser)."""
    state = state_from_url(search)
    for trigger in triggered:
        cid, prop = trigger["id"], trigger["prop"]
        if isinstance(cid, dict) and cid.get("type") == ids.FACET:
            state = with_facet(state, cid["facet"], facet_selection(facet_inputs).get(cid["facet"], []))
        elif isinstance(cid, dict) and cid.get("type") == ids.GRAPH:
            state = changed(state, "click", click_filter(trigger["value"], cid.get("figure", "")))
        elif (cid, prop) in CONTROL_OF:
            control = CONTROL_OF[(cid, prop)]
            state = changed(state, control, values.get(control))
    return url_from_state(state)


KEEP = object()  # control_values: leave this control as it is


def trends_key(state) -> str:
    """What the trends figures depend on: the query, filters and dates (not the page, the
    sort or the view), so the figures are redrawn only when it changes."""
    return url_from_state(replace(state, page=1, sort="relevance", view="trends", item=None))


def control_values(search: str, pushed: str | None, page_load: bool = False) -> tuple:
    """What (query box, sort, from, to, view tab) show for the URL `search`; KEEP where a
    control must be left alone (the rules assets/30-url.js applies in the browser).
    control must be left alone. On page load only what the URL says is set (never clearing
    what is typed); when the controls wrote this URL, the query box is left to the typist
    (Clear all empties it itself: query_box_after)."""
    s = state_from_url(search)
    values = (s.q, s.sort, s.date_from.isoformat() if s.date_from else None,
              s.date_to.isoformat() if s.date_to else None, s.view if s.view != "item" else KEEP)
    if page_load:
        return tuple(v if v not in ("", None, "relevance", "search") else KEEP for v in values)
    if search == pushed:
        return (KEEP, *values[1:])
    return values


def query_box_after(triggered: list[dict]):
    """The query box's new text after the controls in `triggered` changed: empty after
    Clear all (else the box would keep words the results no longer use), KEEP otherwise."""
    return "" if any(t["id"] == ids.CLEAR_ALL for t in triggered) else KEEP


def _triggered() -> list[dict]:
    out = []
    for item, (key, cid) in zip(ctx.triggered, ctx.triggered_prop_ids.items()):
        out.append({"id": cid, "prop": key.rsplit(".", 1)[-1], "value": item["value"]})
    return out


def register(app: Dash, holder) -> None:
    # The controls write the URL in the browser (assets/30-url.js, the same rules as
    # next_search): a server round trip before the views were even asked cost ~100 ms.
    # Their writer hears no property the search answer sets: Dash holds a callback back while
    # an answer on its way may change one of its inputs, so a tick made then was undone by
    # that answer's facets. Hence the pager (whose page the answer sets) has its own writer,
    # and neither writes the URL's "search" as a plain output: Dash also held every callback
    # of the URL back while any answer that could lead to writing it was on its way, and when
    # it then dropped that answer (the URL had changed: Back) it never sent the newer request,
    # leaving the page on older results with the user's tick.
    app.clientside_callback(
        ClientsideFunction("url", "write"),
        Output(ids.URL, "search", allow_duplicate=True), Output(ids.PUSHED, "data"),
        Output(ids.QUERY, "value", allow_duplicate=True),
        *[Input(cid, prop) for cid, prop in CLIENT_CONTROLS], Input(FACETS_ALL, "value"),
        State(ids.URL, "search"), State(ids.URL_RULES, "data"), prevent_initial_call=True)
    app.clientside_callback(
        ClientsideFunction("url", "page"),
        Output(ids.URL, "search", allow_duplicate=True), Output(ids.PUSHED, "data", allow_duplicate=True),
        Input(*PAGER_CONTROL), State(ids.URL, "search"), State(ids.URL_RULES, "data"), prevent_initial_call=True)

    # Chart clicks and the histogram's range need the server (what a point means, the months).
    @app.callback(Output(ids.URL, "search", allow_duplicate=True), Output(ids.PUSHED, "data", allow_duplicate=True),
                  Input(GRAPHS_ALL, "clickData"), Input(ids.DATE_RANGE, "value"),
                  State(ids.URL, "search"), State(ids.HISTOGRAM_MONTHS, "data"), prevent_initial_call=True)
    def update_url(_clicks, span, search, months):
        new = next_search(search or "", _triggered(), {"range": (months, span)}, [])
        if new == url_from_state(state_from_url(search or "")):  # the same state, whatever the URL's order
            raise PreventUpdate
        return new, new

    # Enter searches at once: the input sends only n_submit then and holds the typed value
    # back until its debounce pause ends (400 ms of nothing), so the browser commits it.
    app.clientside_callback(
        "function(n) { const box = document.getElementById('%s'); "
        "if (!n || !box) { return window.dash_clientside.no_update; } return box.value; }" % ids.QUERY,
        Output(ids.QUERY, "value", allow_duplicate=True), Input(ids.QUERY, "n_submit"), prevent_initial_call=True)

    # The controls follow the URL in the browser (control_values' rules): a server answer for
    # an older URL could set back a date just cleared, and it was one request more per change.
    app.clientside_callback(ClientsideFunction("url", "sync"), Output(ids.QUERY, "value"), Output(ids.SORT, "value"),
                            Output(ids.DATE_FROM, "date"), Output(ids.DATE_TO, "date"), Output(ids.VIEW_TABS, "value"),
                            Input(ids.URL, "search"), State(ids.PUSHED, "data"), State(ids.URL_RULES, "data"),
                            State(ids.QUERY, "value"), State(ids.SORT, "value"), State(ids.DATE_FROM, "date"),
                            State(ids.DATE_TO, "date"), State(ids.VIEW_TABS, "value"))

    # Which view shows is decided in the browser (render.visibility's rules): one request
    # less per change. (The trends and item callbacks still hear the URL itself: fed from a
    # store the browser sets, Dash held them back until the search side had answered.)
    app.clientside_callback(ClientsideFunction("url", "visibility"), Output(ids.SEARCH_VIEW, "style"),
                            Output(ids.TRENDS_VIEW, "style"), Output(ids.ITEM_VIEW, "style"),
                            Output("sidebar-col", "style"), Input(ids.URL, "search"), State(ids.URL_RULES, "data"))

    @app.callback(Output(ids.NOTICES, "children"), Output(ids.STATUS, "children"), Output(ids.RESULT_MESSAGE, "children"),
                  Output(ids.RESULT_LIST, "data-hits"),
                  Output(ids.PAGER, "max_value"), Output(ids.PAGER, "active_page"), Output(ids.FACETS, "children"),
                  Output(ids.REPORT_YEAR, "options"), Output(ids.CHIPS, "children"), Output(ids.DATE_PRESETS, "children"),
                  Output(ids.HISTOGRAM, "src"), Output(ids.HISTOGRAM, "alt"), Output(ids.DATE_RANGE, "max"),
                  Output(ids.DATE_RANGE, "value"), Output(ids.DATE_RANGE, "marks"), Output(ids.HISTOGRAM_MONTHS, "data"),
                  Input(ids.URL, "search"))
    def show_search(search):
        state = state_from_url(search)
        try:
            index = holder()
        except IndexMissing:
            return ([C.no_index(holder.root)], *_search_outputs(render.SearchPanel(), state))
        return (render.notices(index), *_search_outputs(render.search_panel(index, state), state))

    # the phone's filter drawer: opened and closed in the browser, no server round trip
    app.clientside_callback(
        "function(open, close, name) { const base = (name || '').replace(/ *drawer-open/g, ''); "
        "const t = window.dash_clientside.callback_context.triggered; "
        "return t.length && t[0].prop_id.indexOf('%s.') === 0 ? base + ' drawer-open' : base; }"
        % ids.FILTERS_OPEN,
        Output("sidebar-col", "className"), Input(ids.FILTERS_OPEN, "n_clicks"), Input(ids.FILTERS_CLOSE, "n_clicks"),
        State("sidebar-col", "className"), prevent_initial_call=True)

    # One callback answers for Trends and the item view, so a change costs one request for
    # both (each request is a round of work for Dash's renderer in every component). It reads
    # the mount only as State: as an Input, Dash held the trends answer back on every change
    # until the mount had answered and the browser had rendered the search side's answer.
    # It hears the phone flag (set in the browser at load) so that the first drawing waits
    # for it: as State, a phone could get the wide layout, legends over the plots.
    @app.callback(Output(ids.TRENDS_GRID, "children"), Output(ids.TRENDS_MOUNTED, "data"),
                  Output(ids.KEY_NUMBERS, "children"), Output(ids.TRENDS_DRAWN, "data"), Output(GRAPHS_ALL, "figure"),
                  Output(SUBTITLES_ALL, "children"), Output(ids.ITEM_VIEW, "children"), Input(ids.URL, "search"),
                  Input(ids.NARROW, "data"), State(ids.TRENDS_MOUNTED, "data"), State(ids.TRENDS_DRAWN, "data"))
    def show_trends_or_item(search, narrow, mounted, drawn):
        state = state_from_url(search)
        action = view_action(state, mounted, drawn)
        if action is None:
            raise PreventUpdate  # Search, or these figures on screen already (a page, a sort, back from Search)
        graphs, keep = len(ctx.outputs_list[4]), no_update
        if action == "item":
            return keep, keep, keep, keep, [keep] * graphs, [keep] * graphs, _item_panel(holder, state)
        numbers, figures, subtitles, drawn = _trends_outputs(holder, state, narrow)
        if action == "mount":  # the cards, their figures drawn; the grid's graphs do not exist yet
            return trends.figure_grid(figures, subtitles), True, numbers, drawn, [], [], keep
        if figures is None:
            return keep, keep, numbers, None, [keep] * graphs, [keep] * graphs, keep
        return keep, keep, numbers, drawn, figures, subtitles, keep

    app.clientside_callback("function(path) { return window.innerWidth < 768; }",
                            Output(ids.NARROW, "data"), Input(ids.URL, "pathname"))

    @app.callback(Output(ids.QUERY_HELP, "is_open"), Input(ids.QUERY_HELP_BUTTON, "n_clicks"),
                  State(ids.QUERY_HELP, "is_open"), prevent_initial_call=True)
    def toggle_help(_n, is_open):
        return not is_open

    @app.callback(Output(ids.DOWNLOAD, "data"), Output(ids.EXPORT_STATUS, "children"),
                  Input(ids.EXPORT_CSV, "n_clicks"), Input(ids.EXPORT_XLSX, "n_clicks"),
                  Input({"type": ids.FIGURE_EXPORT, "figure": ALL, "fmt": ALL}, "n_clicks"),
                  State(ids.URL, "search"), prevent_initial_call=True)
    def export(_csv, _xlsx, _figures, search):
        return _export(holder, ctx.triggered, ctx.triggered_id, search, None)

    # The pack takes seconds to build: the button says so and waits until the file comes.
    @app.callback(Output(ids.DOWNLOAD, "data", allow_duplicate=True),
                  Output(ids.EXPORT_STATUS, "children", allow_duplicate=True),
                  Input(ids.REPORT_BUTTON, "n_clicks"), State(ids.URL, "search"), State(ids.REPORT_YEAR, "value"),
                  running=[(Output(ids.REPORT_BUTTON, "disabled"), True, False),
                           (Output(ids.REPORT_BUTTON, "children"), REPORT_BUILDING, REPORT_IDLE)],
                  prevent_initial_call=True)
    def export_report(_report, search, year):
        return _export(holder, ctx.triggered, ctx.triggered_id, search, year)


def _search_outputs(p, state) -> tuple:
    """The search side's outputs; the result list only when it is shown: on Trends the
    browser spent ~0.3 s rendering hidden cards before it drew the figures (every change of
    the URL renders them again when Search is shown)."""
    h = p.histogram
    shown = state.view == "search"
    return (p.status, p.results if shown else no_update, p.hits if shown else no_update, p.pages, p.page, p.facets, p.years, C.filter_chips(state),
            C.date_presets(state, date.today()), h["src"], h["alt"], h["max"], h["value"], h["marks"], h["months"])


def view_action(state, mounted: bool, drawn: str | None) -> str | None:
    """What show_trends_or_item does for `state`: "item", "mount" (the first time Trends
    shows), "redraw" (the query, filters or dates changed), or None (nothing to do)."""
    if state.view == "item":
        return "item"
    if state.view != "trends":
        return None
    if not mounted:
        return "mount"
    return None if trends_key(state) == drawn else "redraw"


def _item_panel(holder, state) -> list:
    try:
        return render.item_panel(holder(), state)
    except IndexMissing:
        return []


def _trends_outputs(holder, state, narrow) -> tuple:
    """(key numbers, figures or None, subtitles, the trends_key drawn) for the trends view."""
    try:
        numbers, figures, subtitles, error = render.trends_panel(holder(), state, bool(narrow))
    except IndexMissing:
        raise PreventUpdate from None
    if error is not None:
        return [error], None, None, None
    return numbers, figures, subtitles, trends_key(state)


def _export(holder, triggered, trigger, search, year):
    if not triggered or not triggered[0]["value"]:
        raise PreventUpdate
    try:
        return _download(holder(), trigger, state_from_url(search), year), ""
    except (ExportError, QueryError, exporting.NothingToExport, IndexMissing) as exc:
        return no_update, C.alert(f"Export failed: {exc}", color="warning", dismissable=True)


def _download(index, trigger, state, year) -> dict:
    if trigger == ids.EXPORT_CSV:
        return exporting.items_download(index, state, "csv")
    if trigger == ids.EXPORT_XLSX:
        return exporting.items_download(index, state, "xlsx")
    if trigger == ids.REPORT_BUTTON:
        return exporting.report_download(index, year)
    return exporting.figure_download(index, state, trigger["figure"], trigger["fmt"])
