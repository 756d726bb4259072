"""The item view: the whole item as text, its fields, its bulletin and its similar items."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import dash_bootstrap_components as dbc
from dash import dcc, html

from indexer.item import Item

from .components import category_badge, external_link, item_href
from .state import State, url_from_state, with_facet
from .vocab import label


def paragraphs(body: str) -> list:
    return [html.P(p.strip()) for p in body.split("\n\n") if p.strip()]


def _field(state: State, facet: str, values: Sequence[str]) -> list:
    """A row of the fields table; each value links to the search filtered by it."""
    if not values:
        return [html.Span("—", className="text-muted")]
    return [dcc.Link(dbc.Badge(label(facet, v), color="secondary", className="me-1 mb-1 field-value"),
                     href="/" + url_from_state(replace(with_facet(State(), facet, (v,)), view="search")))
            for v in values]


def fields_table(state: State, item: Item) -> dbc.Table:
    rows = [("Date", [item.date.isoformat() + ("" if item.date_precision == "day" else " (month only)")]),
            ("Category", [category_badge(item.category)]),
            ("Themes", _field(state, "theme", item.themes)),
            ("Partners", _field(state, "partner", item.partners)),
            ("Places", _field(state, "place", item.places)),
            ("People", _field(state, "person", item.people)),
            ("Bulletin", [f"{item.period_start:%B %Y} ({item.period_start.isoformat()} to {item.period_end.isoformat()})"]),
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
    return [dbc.ListGroup([dbc.ListGroupItem([html.Div(f"{i.date.isoformat()}", className="small text-muted"),
                                              dcc.Link(i.title, href=item_href(state, i.id))])
                           for i in similar], flush=True)]


def item_page(state: State, item: Item | None, similar: Sequence[Item]) -> list:
    back = dcc.Link("← Back to results", href="/" + url_from_state(replace(state, view="search", item=None)),
                    className="d-inline-block mb-3", id="back-to-results")
    if item is None:
        return [back, dbc.Alert(f"There is no item with id {state.item!r} in the index.", color="warning")]
    main = dbc.Card(dbc.CardBody([
        html.H2(item.title, className="item-title h3"),
        html.Div(paragraphs(item.body), className="item-body my-3"),
        fields_table(state, item),
    ]), className="mb-3")
    side = dbc.Card([dbc.CardHeader("Similar items"), dbc.CardBody(similar_list(state, similar), className="p-0")])
    return [back, dbc.Row([dbc.Col(main, lg=8), dbc.Col(side, lg=4)])]
