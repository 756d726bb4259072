"""The results' status line names the synonyms and partners a query was widened with."""
from __future__ import annotations

from dash import html

from dashboard.views import render
from dashboard.common.state import State


def _also(parts) -> list:
    return [p for p in parts if isinstance(p, html.Small) and p.id == "also-searched"]


def test_the_status_line_says_what_was_also_searched(dash_index):
    (line,) = _also(render.search_panel(dash_index, State(q="prison")).status)
    # a plain string child: Dash renders it as text, never as HTML
    assert isinstance(line.children, str)
    assert line.children.startswith("Also searched: penitentiary, penitentiary institution, detention facility")
    assert _also(render.search_panel(dash_index, State(q='"prison"')).status) == []
    (partner,) = _also(render.search_panel(dash_index, State(q="ICRC")).status)
    assert "partner: International Committee of the Red Cross" in partner.children
