"""The URL state: round trips, odd input, and the changes controls and clicks make."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from dashboard.views import ids
from dashboard.views.callbacks import KEEP, control_values, query_box_after, facet_selection, next_search
from dashboard.views.controls import apply_click, changed, cleared
from dashboard.common.state import State, state_from_url, to_request, url_from_state, with_facet


def test_the_example_url_reads_and_writes_back():
    url = "?q=visit&category=event&partner=ICRC&sort=newest&page=2&view=trends"
    state = state_from_url(url)
    assert state == State(q="visit", filters={"category": ("event",), "partner": ("ICRC",)}, sort="newest",
                          page=2, view="trends")
    assert url_from_state(state) == url


@pytest.mark.parametrize("state", [
    State(),
    State(q='children "plane crash" & rights', filters={"partner": ("ICRC", "UNICEF", "Ombudsman of Bulgaria")}),
    State(q="a+b=c?d#e/f%20 ünïcødé ə ş", filters={"place": ("Baku", "Ganja"), "year": ("2023", "2024")}),
    State(q="<script>alert(1)</script>", filters={"theme": ("children",), "person": ("Sabina Aliyeva",)},
          date_from=date(2024, 3, 1), date_to=date(2024, 3, 31), sort="oldest", page=7, view="search"),
    State(view="item", item="abc123&x=1"),
    State(filters={"partner": ("Red Cross & Red Crescent", "A=B", "?&#")}, view="trends"),
])
def test_round_trip(state):
    assert state_from_url(url_from_state(state)) == state


def test_repeated_filters_keep_their_order_and_drop_duplicates():
    state = state_from_url("?partner=UNICEF&partner=ICRC&partner=UNICEF&category=event")
    assert state.filters == {"partner": ("UNICEF", "ICRC"), "category": ("event",)}
    assert url_from_state(state) == "?category=event&partner=UNICEF&partner=ICRC"


@pytest.mark.parametrize("url", ["", "?", "?page=x&sort=sideways&view=nowhere&from=soon&to=2024-13-45&bogus=1",
                                 "?page=0", "?page=-3", "?q=&category="])
def test_nonsense_falls_back_to_defaults(url):
    assert state_from_url(url) == State()
    assert url_from_state(state_from_url(url)) == ""


def test_defaults_are_left_out_and_item_id_only_in_item_view():
    assert url_from_state(State(sort="relevance", page=1, view="search")) == ""
    assert url_from_state(State(view="search", item="x")) == ""
    assert url_from_state(State(view="item", item="x")) == "?view=item&id=x"


def test_to_request():
    req = to_request(state_from_url("?q=visit&partner=ICRC&from=2024-01-01&sort=newest&page=3"))
    assert (req.text, dict(req.filters), req.date_from, req.sort, req.page) == (
        "visit", {"partner": ("ICRC",)}, date(2024, 1, 1), "newest", 3)


def test_click_on_a_month_segment_sets_a_one_month_range_and_the_category():
    state = State(q="visit", page=4, filters={"category": ("meeting",), "partner": ("ICRC",)})
    new = apply_click(state, {"month": "2024-02", "category": "event"})
    assert new == replace(state, page=1, date_from=date(2024, 2, 1), date_to=date(2024, 2, 29),
                          filters={"category": ("event",), "partner": ("ICRC",)})


@pytest.mark.parametrize("data,expected", [
    ({"category": "case"}, {"category": ("case",)}),
    ({"partner": "UNICEF"}, {"partner": ("UNICEF",)}),
    ({"year": "2024"}, {"year": ("2024",)}),
    ({"theme": "children", "month": "2023-12"}, {"theme": ("children",)}),
])
def test_click_filters(data, expected):
    assert apply_click(State(), data).filters == expected


def test_click_with_nonsense_changes_nothing():
    assert apply_click(State(q="x"), None) == State(q="x")
    assert apply_click(State(q="x"), {"month": "soon", "colour": "red"}) == State(q="x")


def test_controls():
    s = State(q="visit", page=3, view="item", item="i1")
    assert changed(s, "q", "visit") == s  # the same text (a URL sync) keeps the item open
    assert changed(s, "q", "prison") == State(q="prison", view="search")
    assert changed(State(page=3), "sort", "newest") == State(sort="newest")
    assert changed(State(), "from", "2024-01-05").date_from == date(2024, 1, 5)
    assert changed(State(), "page", 5).page == 5
    # a control set to what the URL already says (the browser sets them from the URL) keeps the page
    dated = State(sort="newest", date_from=date(2024, 1, 5), page=3)
    for control, value in (("sort", "newest"), ("from", "2024-01-05"), ("to", None), ("to", "")):
        assert changed(dated, control, value) == dated, control
    assert changed(State(page=3), "sort", "bogus") == State(page=3)
    assert changed(dated, "to", "2024-02-01") == replace(dated, date_to=date(2024, 2, 1), page=1)
    assert changed(State(page=2), "view", "trends") == State(view="trends")
    assert changed(s, "view", None) == s
    assert changed(State(q="x", filters={"year": ("2024",)}, sort="oldest", view="trends"), "clear", 1) == \
        State(sort="oldest", view="trends")
    assert cleared(s) == State()
    assert with_facet(State(page=2), "year", ["2024"]) == State(filters={"year": ("2024",)})
    # the same values in any order (Dash reports the checklists again when it redraws them) keep the page
    two = State(filters={"partner": ("ICRC", "UNICEF")}, page=2)
    assert with_facet(two, "partner", ["UNICEF", "ICRC"]) == two
    assert with_facet(State(page=2), "year", []) == State(page=2)
    assert with_facet(two, "partner", ["UNICEF"]) == State(filters={"partner": ("UNICEF",)})


def test_next_search_from_controls_facets_and_clicks():
    facets = [{"id": {"type": ids.FACET, "facet": "partner", "group": "a"}, "value": ["ICRC"]},
              {"id": {"type": ids.FACET, "facet": "partner", "group": "b"}, "value": ["UNICEF"]},
              {"id": {"type": ids.FACET, "facet": "year", "group": ""}, "value": ["2024"]}]
    assert facet_selection(facets) == {"partner": ["ICRC", "UNICEF"], "year": ["2024"]}
    trigger = [{"id": facets[1]["id"], "prop": "value", "value": ["UNICEF"]}]
    assert next_search("?q=x&page=3", trigger, {}, facets) == "?q=x&partner=ICRC&partner=UNICEF"
    click = [{"id": {"type": ids.GRAPH, "figure": "activity_by_month"}, "prop": "clickData",
              "value": {"points": [{"customdata": {"month": "2024-03", "category": "event"}}]}}]
    assert next_search("?view=trends", click, {}, []) == "?category=event&from=2024-03-01&to=2024-03-31&view=trends"
    typed = [{"id": ids.QUERY, "prop": "value", "value": "prison"}]
    assert next_search("?q=visit&page=2", typed, {"q": "prison"}, []) == "?q=prison"


def test_a_heatmap_click_filters_by_its_cell_month_and_category():
    # dcc.Graph hands a heatmap cell's x and y back, without its customdata
    cell = [{"id": {"type": ids.GRAPH, "figure": "month_category_heatmap"}, "prop": "clickData",
             "value": {"points": [{"curveNumber": 0, "x": "2024-03-01", "y": "cooperation", "z": 2}]}}]
    assert next_search("?view=trends&q=visit", cell, {}, []) == \
        "?q=visit&category=cooperation&from=2024-03-01&to=2024-03-31&view=trends"
    nonsense = [{**cell[0], "value": {"points": [{"x": None, "y": 3}]}}]
    assert next_search("?view=trends", nonsense, {}, []) == "?view=trends"


def test_clear_all_empties_the_query_box_and_nothing_else_does():
    clear = [{"id": ids.CLEAR_ALL, "prop": "n_clicks", "value": 1}]
    assert next_search("?q=ICRC&year=2024&view=trends", clear, {}, []) == "?view=trends"
    assert query_box_after(clear) == ""
    assert query_box_after([{"id": ids.QUERY, "prop": "value", "value": "ICRC"}]) is KEEP
    # the controls wrote this URL: the box is left to the typist; navigation sets it
    assert control_values("?q=ICRC", "?q=ICRC")[0] is KEEP
    assert control_values("?q=ICRC", "?q=other")[0] == "ICRC"


def test_a_lean_click_on_a_bar_or_a_theme_point_filters_by_its_month_too():
    bar = [{"id": {"type": ids.GRAPH, "figure": "activity_by_month"}, "prop": "clickData",
            "value": {"points": [{"x": "2024-03-01", "customdata": "category=event"}]}}]
    assert next_search("?view=trends", bar, {}, []) == "?category=event&from=2024-03-01&to=2024-03-31&view=trends"
    line = [{"id": {"type": ids.GRAPH, "figure": "themes_over_time"}, "prop": "clickData",
             "value": {"points": [{"x": "2024-02-01", "customdata": "theme=children"}]}}]
    assert next_search("", line, {}, []) == "?theme=children&from=2024-02-01&to=2024-02-29"
    total = [{**bar[0], "value": {"points": [{"x": "2024-03-01", "customdata": ""}]}}]
    assert next_search("?view=trends", total, {}, []) == "?from=2024-03-01&to=2024-03-31&view=trends"


def test_the_trends_figures_depend_on_the_query_filters_and_dates_only():
    from dashboard.views.callbacks import trends_key

    base = state_from_url("?q=visit&category=event&from=2024-01-01&view=trends")
    assert trends_key(base) == trends_key(state_from_url("?q=visit&category=event&from=2024-01-01&page=3&sort=oldest"))
    assert trends_key(base) != trends_key(state_from_url("?q=visit&from=2024-01-01&view=trends"))
    assert trends_key(base) != trends_key(state_from_url("?q=visit&category=event&view=trends"))


def test_the_trends_and_item_callback_mounts_once_redraws_on_a_new_key_and_opens_items():
    from dashboard.views.callbacks import trends_key, view_action

    trends = state_from_url("?q=visit&category=event&view=trends")
    assert view_action(trends, False, None) == "mount"
    assert view_action(trends, True, trends_key(state_from_url("?q=visit&view=trends"))) == "redraw"
    assert view_action(trends, True, trends_key(trends)) is None  # these figures are on screen
    assert view_action(state_from_url("?q=visit&category=event&view=trends&page=2"), True, trends_key(trends)) is None
    assert view_action(state_from_url("?view=item&id=x"), False, None) == "item"
    assert view_action(state_from_url("?q=visit"), True, None) is None  # Search: nothing to do
