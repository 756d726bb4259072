"""The item view: the whole item as text, its fields, its bulletin and its similar items."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import dash_bootstrap_components as dbc
from dash import dcc, html

from indexer.item import Item

from indexer.search.snippets import Fragment

from ..common.labels import format_date, item_date, label
from ..common.state import State, url_from_state, with_facet
from .components import category_badge, external_link, item_href, marked


def paragraphs(body: str, marks: Sequence[Fragment] = ()) -> list:
    """The body as paragraphs (split at blank lines), the query's words in <mark> when
    `marks` (the body cut into fragments) is given."""
    pieces: list[list] = [[]]
    for fragment in marks or (Fragment(body),):
        if fragment.hit:
            pieces[-1].append(html.Mark(fragment.text))
            continue
        for n, part in enumerate(fragment.text.split("\n\n")):
            if n:
                pieces.append([])
            if part:
                pieces[-1].append(part)
    return [html.P(_strip(p)) for p in pieces if "".join(x if isinstance(x, str) else x.children for x in p).strip()]


def _strip(children: list) -> list:
    if children and isinstance(children[0], str):
        children = [children[0].lstrip(), *children[1:]]
    if children and isinstance(children[-1], str):
        children = [*children[:-1], children[-1].rstrip()]
    return [c for c in children if c != ""]


def _field(state: State, facet: str, values: Sequence[str]) -> list:
    """A row of the fields table; each value links to the search filtered by it."""
    if not values:
        return [html.Span("—", className="text-muted")]
    return [dcc.Link(dbc.Badge(label(facet, v), color="secondary", className="me-1 mb-1 field-value"),
                     href="/" + url_from_state(replace(with_facet(State(), facet, (v,)), view="search")))
            for v in values]


def fields_table(state: State, item: Item) -> dbc.Table:
    rows = [("Date", [item_date(item) + ("" if item.date_precision == "day" else " (month only)")]),
            ("Category", [category_badge(item.category)]),
            ("Themes", _field(state, "theme", item.themes)),
            ("Partners", _field(state, "partner", item.partners)),
            ("Places", _field(state, "place", item.places)),
            ("People", _field(state, "person", item.people)),
            ("Bulletin", [f"{item.period_start:%B %Y} ({format_date(item.period_start)} to {format_date(item.period_end)})"]),
            ("Source file", [html.Code(item.source)]),
            ("Links", _links(item.links))]
    return dbc.Table(html.Tbody([html.Tr([html.Th(k, className="w-25"), html.Td(v)]) for k, v in rows]),
                     bordered=False, size="sm", className="fields")


def _links(links: Sequence[str]) -> list:
    if not links:
        return [html.Span("—", className="text-muted")]
    out: list = []
    for n, link in enumerate(links):
        out += ([html.Br()] if n else []) + [external_link(link)]
    return out


def similar_list(state: State, similar: Sequence[Item]) -> list:
    if not similar:
        return [html.P("No similar items.", className="text-muted")]
    return [dbc.ListGroup([dbc.ListGroupItem([html.Div(item_date(i), className="small text-muted"),
                                              dcc.Link(i.title, href=item_href(state, i.id))])
                           for i in similar], flush=True)]


def item_page(state: State, item: Item | None, similar: Sequence[Item],
              marks: tuple[Sequence[Fragment], Sequence[Fragment]] = ((), ())) -> list:
    """The item's page; `marks`: its title and body cut into fragments, the query's words marked."""
    back = dcc.Link("← Back to results", href="/" + url_from_state(replace(state, view="search", item=None)),
                    className="d-inline-block mb-3", id="back-to-results")
    if item is None:
        return [back, dbc.Alert(f"There is no item with id {state.item!r} in the index.", color="warning")]
    main = dbc.Card(dbc.CardBody([
        html.H2(marked(marks[0]) if marks[0] else item.title, className="item-title h3"),
        html.Div(paragraphs(item.body, marks[1]), className="item-body my-3"),
        fields_table(state, item),
    ]), className="mb-3")
    side = dbc.Card([dbc.CardHeader("Similar items"), dbc.CardBody(similar_list(state, similar), className="p-0")])
    return [back, dbc.Row([dbc.Col(main, lg=8), dbc.Col(side, lg=4)])]
