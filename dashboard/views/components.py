"""Pure functions that turn search results and items into Dash components.

Bulletin text is only ever a child string (React escapes it) or inside html.Mark: never
HTML or Markdown, so a headline holding `<script>` shows those characters.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date

import dash_bootstrap_components as dbc
from dash import dcc, html

from indexer.item import Item
from indexer.search.snippets import Fragment

from ..common.labels import FACET_TITLES, badge, format_date, item_date, label
from ..common.state import State, url_from_state, with_facet
from . import ids

FACET_LIMIT = 12  # values shown per facet before "Show all" (6 per partner type); assets/10-dashboard.css
SAFE_SCHEMES = ("http://", "https://")


def marked(fragments: Iterable[Fragment]) -> list:
    """Fragments as children: matched words in <mark>, the rest as plain strings."""
    return [html.Mark(f.text) if f.hit else f.text for f in fragments]


def category_badge(category: str) -> html.Span:
    text, colour, background = badge(category)
    return html.Span(text, className="badge category-badge me-2", style={"color": colour, "backgroundColor": background})


def external_link(url: str, text: str | None = None):
    """A link that opens in a new tab; anything not http(s) is shown as text only."""
    if not url.lower().startswith(SAFE_SCHEMES):
        return html.Span(url)
    return html.A(text or url, href=url, target="_blank", rel="noopener noreferrer")


def item_href(state: State, item_id: str) -> str:
    return "/" + url_from_state(replace(state, view="item", item=item_id))


def hit_data(state: State, hit) -> dict:
    """One result card as data, drawn by the browser (assets/25-results.js): every text is set
    there as text (never HTML), each matched word of `title` and `snippet` in its own list."""
    item: Item = hit.item
    label, colour, background = badge(item.category)
    card = {"href": item_href(state, item.id), "title": fragment_data(hit.title), "snippet": fragment_data(hit.snippet),
            "date": item_date(item), "category": label, "badge": [colour, background]}
    if item.partners:
        card["partners"] = "Partners: " + ", ".join(item.partners)
    if item.links:  # a link only when http(s), as external_link; otherwise its text
        card["source" if item.links[0].lower().startswith(SAFE_SCHEMES) else "source_text"] = item.links[0]
    return card


def fragment_data(fragments: Iterable[Fragment]) -> list:
    """Fragments as data: plain text a string, a matched word a one-string list."""
    return [[f.text] if f.hit else f.text for f in fragments]


def results_data(state: State, result) -> str:
    """The page's result cards as the JSON the browser draws them from: the cards are not Dash
    components, as Dash's renderer re-examined each of the ~260 components of 20 cards on every
    step of every update (~40 % of a query's time in the browser at 10k items)."""
    return json.dumps([hit_data(state, h) for h in result.hits], ensure_ascii=False, separators=(",", ":"))


def status_line(state: State, result) -> list:
    """The total, the page shown, and a clickable "did you mean"."""
    first = (result.request.page - 1) * result.request.per_page + 1
    last = first + len(result.hits) - 1
    words = f"{result.total:,} item{'s' if result.total != 1 else ''}"
    shown = f" — showing {first:,}–{last:,}" if result.hits else ""
    parts: list = [html.Span(words, id="total", className="fw-semibold"), shown]
    if result.total == 0:
        parts = [html.Span("No items match", className="fw-semibold"),
                 " this query and these filters." if state.filtered else "."]
    if result.suggestion:
        href = "/" + url_from_state(replace(state, q=result.suggestion, page=1))
        parts += [html.Br() if result.total == 0 else "  ", "Did you mean ",
                  dcc.Link(result.suggestion, href=href, id="suggestion", className="fw-semibold"), "?"]
    if result.also_searched:  # synonyms and partner names the query was widened with; text, so escaped
        parts += [html.Br(), html.Small("Also searched: " + ", ".join(result.also_searched) + ' (put a word in '
                                        'quotes to search it alone)', id="also-searched", className="text-muted")]
    return parts


def facet_options(facet: str, counts: Mapping[str, int], selected: Sequence[str]) -> list[dict]:
    """Checklist options: the selected values first, then every other value by count (years
    newest first), with counts. All are sent: past FACET_LIMIT the page hides them until the
    facet's "Show all" or its filter box (assets/20-facets.js) asks for them."""
    ranked = sorted(counts.items(), reverse=True) if facet == "year" else \
        sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    shown = list(dict.fromkeys([*selected, *(v for v, n in ranked if n > 0)]))
    return [{"label": counted_label(label(facet, v), counts.get(v, 0)), "value": v} for v in shown]


def counted_label(name: str, count: int) -> str:
    """A facet value's label with its count, one string: "Geneva (1,204)". Not a component:
    Dash's renderer spends time per component on every update, and a count as a component
    made the facets most of the page's components (~260 at 10k items: ~190 ms of a query's
    ~480). The page's script (assets/20-facets.js) shows the count as the badge it was."""
    return f"{name} ({count:,})"


def facet_tools(facet: str, n: int, limit: int) -> list:
    """The filter box and "Show all" of a facet holding more than `limit` values."""
    if n <= limit:
        return []
    title = FACET_TITLES.get(facet, facet.title()).lower()
    box_id = f"facet-filter-{facet}"
    box = [html.Label(f"Filter the {title} values", htmlFor=box_id, className="visually-hidden"),
           dbc.Input(id=box_id, type="search", placeholder=f"Filter {n} values", size="sm", className="facet-filter mb-1")]
    more = html.Button(f"Show all {n}", className="btn btn-link btn-sm p-0 facet-more", type="button",
                       **{"aria-expanded": "false", "data-all": f"Show all {n}"})
    return [*box, more]


def facet_checklist(facet: str, options: list[dict], selected: Sequence[str], group: str = "") -> dbc.Checklist:
    return dbc.Checklist(id={"type": ids.FACET, "facet": facet, "group": group}, options=options,
                         value=[v for v in selected if v in {o["value"] for o in options}],
                         className="facet-list")


def facet_card(facet: str, counts: Mapping[str, int], selected: Sequence[str],
               partner_types: Mapping[str, str] | None = None) -> dbc.Card:
    if facet == "partner":
        body = _partner_groups(counts, selected, partner_types or {})
        n = len(counts)
    else:
        options = facet_options(facet, counts, selected)
        body = [facet_checklist(facet, options, selected)] if options else [html.Div("none", className="text-muted small")]
        n = len(options)
    body = [*facet_tools(facet, n, FACET_LIMIT if facet != "partner" else 12), *body]
    title = [FACET_TITLES.get(facet, facet.title())]
    if selected:
        title.append(dbc.Badge(f"{len(selected)} selected", color="primary", className="ms-2"))
    return dbc.Card([dbc.CardHeader(title, className="facet-header"), dbc.CardBody(body, className="facet-body")],
                    id=ids.facet_card(facet), className="facet mb-2")


def _partner_groups(counts: Mapping[str, int], selected: Sequence[str], types: Mapping[str, str]) -> list:
    groups: dict[str, dict[str, int]] = {}
    for name, n in counts.items():
        groups.setdefault(types.get(name, "other"), {})[name] = n
    for name in selected:
        groups.setdefault(types.get(name, "other"), {}).setdefault(name, 0)
    order = sorted(groups, key=lambda g: -sum(groups[g].values()))
    out = []
    for group in order:
        chosen = [s for s in selected if s in groups[group]]
        options = facet_options("partner", groups[group], chosen)
        if options:
            out += [html.Div(group[:1].upper() + group[1:], className="facet-group small text-uppercase text-muted"),
                    facet_checklist("partner", options, chosen, group)]
    return out or [html.Div("none", className="text-muted small")]


def facet_panel(state: State, facets: Mapping[str, Mapping[str, int]], partner_types: Mapping[str, str]) -> list:
    return [facet_card(f, facets.get(f, {}), state.selected(f), partner_types)
            for f in ("category", "theme", "partner", "place", "person", "year")]


def alert(message: str, color: str = "danger", title: str | None = None, **kwargs) -> dbc.Alert:
    children = [html.Strong(title + " ")] if title else []
    return dbc.Alert(children + [message], color=color, className="mb-2", **kwargs)


def no_index(root) -> dbc.Alert:
    return dbc.Alert([html.H5("No index yet", className="alert-heading"),
                      html.P("Build one from a folder of bulletins (PDF or text), then reload this page:"),
                      html.Pre(html.Code(f"bulletins ingest PATH --index {root}"), className="mb-0")],
                     color="warning", id="no-index")


def sample_banner(notice: str) -> dbc.Alert:
    return dbc.Alert(html.Strong(notice), color="warning",
                     className="sample-notice mb-0 rounded-0 text-center py-2", id="sample-notice")


def _chip(text: str, href: str, what: str) -> dcc.Link:
    return dcc.Link([html.Span(f"{what}: ", className="chip-what"), text, html.Span(" ×", className="chip-x", **{"aria-hidden": "true"})],
                    href=href, className="chip", title=f"Remove this filter ({what}: {text})")


def filter_chips(state: State) -> list:
    """The active filters and dates above the results, each a link to the page without it."""
    out = []
    for facet, values in state.filters.items():
        for value in values:
            rest = with_facet(state, facet, [v for v in values if v != value])
            out.append(_chip(label(facet, value), "/" + url_from_state(rest), FACET_TITLES.get(facet, facet.title())))
    if state.date_from:
        out.append(_chip(format_date(state.date_from), "/" + url_from_state(replace(state, date_from=None, page=1)), "From"))
    if state.date_to:
        out.append(_chip(format_date(state.date_to), "/" + url_from_state(replace(state, date_to=None, page=1)), "To"))
    return out


def date_presets(state: State, today: date) -> list:
    """Links setting the date range to this year, last year or the last 12 months (whole months)."""
    first = today.year * 12 + today.month - 1 - 11  # the month eleven months back, counted from year 0
    start_12 = date(first // 12, first % 12 + 1, 1)
    ranges = (("This year", date(today.year, 1, 1), date(today.year, 12, 31)),
              ("Last year", date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)),
              ("Last 12 months", start_12, today))
    out = []
    for text, start, end in ranges:
        active = (state.date_from, state.date_to) == (start, end)
        href = "/" + url_from_state(replace(state, date_from=start, date_to=end, page=1))
        out.append(dcc.Link(text, href=href, className="preset" + (" active" if active else "")))
    return out
