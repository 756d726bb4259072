"""Results, items and key numbers as components: fragments as text with marks, and
bulletin text never as HTML."""
from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from dash import dcc, html
from dash.development.base_component import Component

from dashboard.views import components as C
from dashboard.views import render
from dashboard.views.itemview import item_page
from dashboard.views.margins import label_lines, text_width
from dashboard.common.state import State
from dashboard.views.trends import THIN_BARS, figures_for, for_screen, key_numbers
from indexer.analytics import palette
from indexer.analytics.frames import frames_from_items
from indexer.item import Item
from indexer.search import SearchRequest
from indexer.search.snippets import Fragment

from .conftest import MALICIOUS_BODY, MALICIOUS_TITLE

EVIL = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>")


def walk(node):
    """Every component and string under `node`."""
    yield node
    children = getattr(node, "children", None) if isinstance(node, Component) else node if isinstance(node, (list, tuple)) else None
    if isinstance(node, Component):
        for prop in ("label",):  # checklist options hold components in their labels
            for opt in getattr(node, "options", None) or []:
                if isinstance(opt, dict):
                    yield from walk(opt.get(prop))
    if children is None:
        return
    for child in children if isinstance(children, (list, tuple)) else [children]:
        yield from walk(child)


def strings(node) -> list[str]:
    return [n for n in walk(node) if isinstance(n, str)]


def assert_no_raw_html(node):
    for n in walk(node):
        assert not isinstance(n, dcc.Markdown)
        assert "dangerously_set_inner_html" not in getattr(n, "_prop_names", ())


def test_fragments_become_strings_and_marks():
    out = C.marked((Fragment("Visit to "), Fragment("prison", True), Fragment(" in Baku")))
    assert out[0] == "Visit to " and out[2] == " in Baku"
    assert isinstance(out[1], html.Mark) and out[1].children == "prison"


def test_a_search_result_is_sent_as_data_with_its_matched_words_apart(dash_index):
    result = dash_index.search(SearchRequest("children", per_page=5))
    cards = json.loads(C.results_data(State(q="children"), result))
    assert len(cards) == 5
    marks = [part[0] for card in cards for part in (*card["title"], *card["snippet"]) if isinstance(part, list)]
    assert marks and all(m.lower().startswith("child") for m in marks)
    first, hit = cards[0], result.hits[0]
    assert "".join(p if isinstance(p, str) else p[0] for p in first["title"]) == hit.item.title
    assert first["href"] == C.item_href(State(q="children"), hit.item.id) and first["href"].startswith("/?q=children")
    assert first["category"] == palette.category_label(hit.item.category) and len(first["badge"]) == 2
    status = strings(C.status_line(State(q="children"), result))
    assert f"{result.total:,} items" in status


def test_a_source_is_a_link_only_when_it_is_http(dash_index):
    hit = dash_index.search(SearchRequest("children", per_page=1)).hits[0]
    web, other = replace(hit, item=replace(hit.item, links=("https://bit.ly/x",))), \
        replace(hit, item=replace(hit.item, links=("javascript:alert(1)",)))
    assert C.hit_data(State(), web)["source"] == "https://bit.ly/x"
    assert "source" not in C.hit_data(State(), other) and C.hit_data(State(), other)["source_text"] == "javascript:alert(1)"


def test_malicious_text_stays_text(dash_index):
    state = State(q="xylophone")
    result = dash_index.search(SearchRequest("xylophone"))
    hit = next(h for h in result.hits if "<script>" in h.item.title)
    cards = json.loads(C.results_data(state, result))
    text = json.dumps(cards, ensure_ascii=False)
    for evil in EVIL:
        assert evil in text  # sent as data, which assets/25-results.js sets as text (test_browser_security)
    page = item_page(state, hit.item, [])
    page_text = strings(page)
    assert MALICIOUS_TITLE in page_text and MALICIOUS_BODY.split(" The meeting")[0] in "".join(page_text)
    assert_no_raw_html(page)


def test_facets_show_counts_and_keep_selected_values():
    panel = C.facet_card("category", {"event": 5, "case": 0, "meeting": 2}, ["case"])
    text = strings(panel)
    assert "Event (5)" in text and "Case (0)" in text
    options = [n for n in walk(panel) if hasattr(n, "options")][0]
    assert [o["value"] for o in options.options] == ["case", "event", "meeting"]  # the selected first
    assert options.value == ["case"]


def test_partners_are_grouped_by_type():
    types = {"ICRC": "international organisation", "UNICEF": "international organisation",
             "Ombudsman of Georgia": "foreign ombudsman/NHRI"}
    card = C.facet_card("partner", {"ICRC": 4, "UNICEF": 2, "Ombudsman of Georgia": 1}, ["UNICEF"], types)
    text = strings(card)
    assert text.index("International organisation") < text.index("Foreign ombudsman/NHRI")
    lists = [n for n in walk(card) if hasattr(n, "options")]
    assert [n.id["group"] for n in lists] == ["international organisation", "foreign ombudsman/NHRI"]
    assert lists[0].value == ["UNICEF"]


def _item(n: int, category: str, month: int, partners=()) -> Item:
    d = date(2024, month, 1)
    return Item(id=f"i{n}", source="x.txt", period_start=d, period_end=d, date=d, date_precision="month",
                title=f"t{n}", body="b", category=category, partners=tuple(partners))


def test_key_numbers():
    items = [_item(1, "monitoring_visit", 1, ["ICRC"]), _item(2, "event", 3, ["ICRC", "UNICEF"]),
             _item(3, "monitoring_visit", 3), _item(4, "case", 2)]
    assert key_numbers(frames_from_items(items)) == [
        ("Items", "4", ""), ("Monitoring visits", "2", ""), ("Partners", "2", "distinct organisations"),
        ("Busiest month", "March 2024", "2 items")]
    assert key_numbers(frames_from_items([]))[3] == ("Busiest month", "—", "")


def test_bad_query_and_no_results_are_messages(dash_index):
    panel = render.search_panel(dash_index, State(q="*"))
    assert panel.results and "cannot be answered" in " ".join(strings(panel.results))
    assert panel.hits == "[]"  # the cards of the query before are taken away
    panel = render.search_panel(dash_index, State(q="xylophonne"))
    assert "No items match" in strings(panel.status) and panel.hits == "[]"
    assert "xylophone" in strings(panel.status)  # did you mean
    panel = render.search_panel(dash_index, State(q="visit", page=9999))
    assert panel.page == panel.pages > 1


def test_no_index_names_the_command(tmp_path):
    alert = C.no_index(tmp_path)
    assert f"bulletins ingest PATH --index {tmp_path}" in strings(alert)


def test_sample_notice(dash_index):
    banner = render.notices(dash_index)
    assert banner and "GENERATED SAMPLE DATA" in " ".join(strings(banner))


def _wcag_contrast(first: str, second: str) -> float:
    """WCAG 2.x contrast ratio, computed here from the definition (not with palette's helper)."""
    def luminance(color: str) -> float:
        channels = [int(color.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
        lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_every_category_badge_reads_at_wcag_aa_contrast():
    from indexer.analytics import palette

    for cid in (*palette.CATEGORY_COLORS, "unheard_of"):
        badge = C.category_badge(cid)
        text, background = badge.style["color"], badge.style["backgroundColor"]
        assert _wcag_contrast(text, background) >= 4.5, (cid, text, background)
    # the figures keep the colour-blind palette: the badge's background is the category's colour
    assert C.category_badge("meeting").style["backgroundColor"] == palette.CATEGORY_COLORS["meeting"]


def test_facet_options_carry_no_component_and_every_value():
    counts = {f"Place {n:02d}": 100 - n for n in range(30)}
    options = C.facet_options("place", counts, ["Place 29"])
    assert [o["value"] for o in options] == ["Place 29", *(f"Place {n:02d}" for n in range(29))]
    assert options[1]["label"] == "Place 00 (100)"  # a string: no component for Dash to render
    assert C.facet_options("category", {"event": 1204}, [])[0]["label"] == "Event (1,204)"
    card = C.facet_card("place", counts, [])
    assert len([n for n in walk(card) if hasattr(n, "options")][0].options) == 30  # all reachable
    assert "Show all 30" in [getattr(n, "children", None) for n in walk(card)]
    assert not [n for n in walk(C.facet_card("year", {"2024": 3}, [])) if "facet-more" in (getattr(n, "className", "") or "")]


def test_a_counted_label_ends_in_the_count_the_page_turns_into_a_badge():
    # assets/20-facets.js splits on the last " (digits)": a name holding brackets keeps them
    assert C.counted_label("Save the Children (UK)", 12345) == "Save the Children (UK) (12,345)"
    assert C.counted_label("<b>x</b>", 0) == "<b>x</b> (0)"  # text, escaped by React like any string


def test_the_people_facet_stands_beside_the_others(dash_index):
    facets = dash_index.search(SearchRequest()).facets
    panel = C.facet_panel(State(), facets, {})
    assert [card.id for card in panel][-2:] == ["facet-card-person", "facet-card-year"]


def test_the_item_body_keeps_its_paragraphs_and_marks_the_query_words(dash_index):
    from dashboard.views.itemview import paragraphs

    body = "First visit of a xylophone band.\n\nThe second paragraph, about children."
    marks = dash_index.highlighted("xylophone OR children", body)[0]
    out = paragraphs(body, marks)
    assert len(out) == 2
    assert [m.children for m in walk(out) if isinstance(m, html.Mark)] == ["xylophone", "children"]
    assert "".join(strings(out[0])) == "First visit of a xylophone band."
    assert [strings(p) for p in paragraphs(body)] == [["First visit of a xylophone band."], ["The second paragraph, about children."]]
    assert not any(f.hit for f in dash_index.highlighted("*", "a xylophone")[0])  # unanswerable: nothing marked


def test_a_trends_update_stays_lean(dash_index):
    import json

    from dashboard.common.state import state_from_url

    _, figures, subtitles, error = render.trends_panel(dash_index, state_from_url("?view=trends"))
    assert error is None and len(subtitles) == len(figures)
    # the corpus has a two-month bulletin: its note is the subtitle's second line, not "<br>" shown as text
    assert not any("<br>" in s for s in subtitles) and subtitles[0].split("\n")[1].startswith("Items of a multi-month")
    activity = json.loads(figures[0].to_json())["data"][0]
    assert activity["x"][0].count("-") == 2 and "T" not in activity["x"][0]  # 2024-03-01, not a timestamp
    assert isinstance(activity["customdata"][0], str) and activity["customdata"][0].startswith("category=")


def _monthly_items(months: int) -> list[Item]:
    days = [date(2000 + m // 12, m % 12 + 1, 1) for m in range(months)]
    return [Item(id=f"m{n}", source="x.txt", period_start=d, period_end=d, date=d, date_precision="month",
                 title=f"t{n}", body="b", category=("event", "monitoring_visit")[n % 2]) for n, d in enumerate(days)]


@pytest.mark.parametrize("months, plain", [(24, False), (THIN_BARS + 10, True)])
def test_bars_on_screen_lose_hatch_and_outline_only_when_too_thin_to_show_them(months, plain):
    frames = frames_from_items(_monthly_items(months))
    figures = figures_for(frames, None, None)
    screen = for_screen(figures["activity_by_month"], "activity_by_month")
    bars = [t for t in screen.data if t.type == "bar"]
    assert bars and all((t.marker.pattern.shape is None and t.marker.line.width is None) == plain for t in bars)
    share = for_screen(figures["category_share"], "category_share")  # one bar per category: always hatched
    assert share.data[0].marker.pattern.shape is not None
    export = figures_for(frames, None, None)["activity_by_month"]  # the export figures keep both
    assert all(t.marker.pattern.shape is not None for t in export.data if t.type == "bar")


def test_screen_figures_get_their_margins_from_the_server_with_room_for_every_label():
    frames = frames_from_items([_item(n, c, m, ["Office of the United Nations High Commissioner for Human Rights"])
                                for n, (c, m) in enumerate([("international_cooperation", 1), ("event", 2), ("case", 3)])])
    figures = figures_for(frames, None, None)
    for name, fig in figures.items():
        screen = for_screen(fig, name)
        axes = [screen.layout[k] for k in screen.layout.to_plotly_json() if k[1:5] == "axis"]
        assert axes and all(a.automargin is False and a.ticklabeloverflow == "allow" for a in axes), name
    share = for_screen(figures_for(frames, None, None)["category_share"], "category_share")
    longest = max(text_width(palette.category_label(c), 15) for c in ("international_cooperation", "event", "case"))
    assert share.layout.margin.l >= longest + 10 + 15  # the labels, the ticks, the axis title
    partners = for_screen(figures_for(frames, None, None)["top_partners"], "top_partners", narrow=True)
    assert partners.layout.margin.l >= text_width("Office of the U…", 10)  # a phone's cut names


def test_text_widths_follow_the_font():
    assert text_width("iiii", 10) < text_width("2024", 10) < text_width("MMMM", 10)
    assert text_width("2024", 20) == pytest.approx(2 * text_width("2024", 10))
    assert label_lines("Office of the United Nations High<br>Commissioner") == ["Office of the United Nations High",
                                                                              "Commissioner"]
