"""The dashboard for keyboard, screen-reader and phone users, in headless Chromium:
axe-core finds no serious or critical violation on each view, the skip link reaches the
first result in a few Tab presses, and on a 390 x 844 phone the results come first."""
from __future__ import annotations

import re
from urllib.parse import urlencode

import pytest

from .conftest import BROWSER_TIMEOUT as TIMEOUT
from .conftest import api, axe_problems, expect_total

PHONE = {"width": 390, "height": 844}
MAX_TABS = 5


def _item_id(page, app_url) -> str:  # noqa: F811
    return api(page, app_url, q="children")["hits"][0]["id"]


@pytest.mark.parametrize("view", ["search", "trends", "item", "query error", "no such item"])
def test_each_view_has_no_serious_accessibility_violation(ui, app_url, view):  # noqa: F811
    page = ui
    from playwright.sync_api import expect

    if view == "search":  # results under a filter: the commonest partner of the items about children
        partners = api(page, app_url, q="children")["facets"]["partner"]
        partner = max(partners, key=lambda name: (partners[name], name))
        page.goto(app_url + "?" + urlencode({"q": "children", "partner": partner}))
        expect_total(page, api(page, app_url, q="children", partner=partner)["total"])
    elif view == "trends":
        page.goto(app_url + "?view=trends")
        expect(page.locator(".kn-value").first).to_have_text(f"{api(page, app_url)['total']:,}")
        page.locator("#card-year_over_year .barlayer .point path").first.wait_for(state="attached")
    elif view == "item":
        page.goto(app_url + "?view=item&id=" + _item_id(page, app_url))
        page.locator("#item-view .list-group-item").first.wait_for()
    elif view == "query error":
        page.goto(app_url + "?q=*")
        expect(page.locator("#query-error")).to_be_visible()
    else:
        page.goto(app_url + "?view=item&id=nothing-here")
        expect(page.locator("#item-view")).to_contain_text("no item with id")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").count() == 1 and page.locator("main").count() == 1
    assert axe_problems(page) == []


def test_the_date_picker_open_or_closed_has_no_serious_accessibility_violation(ui, app_url):  # noqa: F811
    page = ui
    from playwright.sync_api import expect

    page.goto(app_url + "?from=2023-03-01")
    expect_total(page, api(page, app_url, **{"from": "2023-03-01"})["total"])
    assert axe_problems(page) == []
    page.locator("#date-from").focus()
    page.keyboard.press("ArrowDown")  # opens the calendar
    expect(page.get_by_role("dialog", name="Choose a date")).to_be_visible()
    assert axe_problems(page) == []


def test_the_skip_link_reaches_the_first_result_in_a_few_tab_presses(ui, app_url):  # noqa: F811
    page = ui
    page.goto(app_url + "?q=children")
    expect_total(page, api(page, app_url, q="children")["total"])
    in_first_result = "() => !!document.activeElement.closest('#result-0')"
    presses = 0
    while not page.evaluate(in_first_result) and presses < 40:
        page.keyboard.press("Tab")
        presses += 1
        if page.evaluate("document.activeElement.classList.contains('skip-link')"):
            page.keyboard.press("Enter")  # follow the skip link (an Enter, not a Tab)
    assert page.evaluate(in_first_result), f"no result focused after {presses} Tab presses"
    assert presses <= MAX_TABS


@pytest.fixture
def phone(chromium_browser):
    context = chromium_browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT)
    yield page
    context.close()


def test_on_a_phone_the_first_result_shows_without_scrolling_and_filters_open_as_a_drawer(phone, app_url):  # noqa: F811
    page = phone
    from playwright.sync_api import expect

    page.goto(app_url + "?q=children")
    expect_total(page, api(page, app_url, q="children")["total"])
    first = page.locator("#result-0 .result-title")
    box = first.bounding_box()
    assert box["y"] + box["height"] <= PHONE["height"] and page.evaluate("window.scrollY") == 0
    facets = page.locator("#facet-card-category")
    expect(facets).not_to_be_in_viewport()
    page.get_by_role("button", name="Filters", exact=True).click()
    expect(facets).to_be_in_viewport()
    facets.locator("input").first.check()
    expect(page).to_have_url(re.compile(r"category="))
    page.get_by_role("button", name="Show results").click()
    expect(facets).not_to_be_in_viewport()


def _overlap(a: dict, b: dict) -> bool:
    return a["x"] < b["x"] + b["width"] and b["x"] < a["x"] + a["width"] and \
        a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"]


def test_on_a_phone_trends_charts_are_readable_and_clear_of_their_legends(phone, app_url):  # noqa: F811
    page = phone
    from playwright.sync_api import expect

    page.goto(app_url + "?view=trends")
    expect(page.locator(".kn-value").first).to_have_text(f"{api(page, app_url)['total']:,}")
    page.locator("#card-year_over_year .barlayer .point path").first.wait_for(state="attached")
    for card in page.locator(".figure-col").all():
        name = card.get_attribute("id")
        panels = [p.bounding_box() for p in card.locator(".nsewdrag").all()]
        # one plot fills most of the phone's width; small multiples (themes) stay three across
        wide = 90 if len(panels) > 1 else 200
        assert all(p["width"] >= wide and p["height"] >= 100 for p in panels), (name, panels)
        for legend in card.locator(".legend").all():
            assert not any(_overlap(p, legend.bounding_box()) for p in panels), name


# Every tick label and axis title of every chart, as drawn: the screen figures' margins are
# computed on the server (dashboard/margins.py), not measured by plotly in the browser; and no
# two labels of a y axis overlap (partner names take two lines).
CUT_LABELS = """() => {
  const out = [];
  for (const graph of document.querySelectorAll('.figure-col .js-plotly-plot')) {
    const frame = graph.querySelector('.main-svg').getBoundingClientRect();
    const texts = graph.querySelectorAll('.xaxislayer-above text, .yaxislayer-above text, '
      + '.infolayer [class^="g-x"][class$="title"] text, .infolayer [class^="g-y"][class$="title"] text');
    for (const text of texts) {
      const box = text.getBoundingClientRect();
      if (!text.textContent || box.width === 0) { continue; }
      if (box.left < frame.left - 1 || box.right > frame.right + 1 || box.top < frame.top - 1 || box.bottom > frame.bottom + 1) {
        out.push(graph.closest('.figure-col').id + ': "' + text.textContent + '" reaches past the chart');
      }
    }
    const labels = [...graph.querySelectorAll('.yaxislayer-above text')].map(t => [t.textContent, t.getBoundingClientRect()]);
    labels.forEach(([name, a], n) => labels.slice(n + 1).forEach(([other, b]) => {
      if (a.left < b.right && b.left < a.right && a.top < b.bottom - 1 && b.top < a.bottom - 1) {
        out.push(graph.closest('.figure-col').id + ': "' + name + '" overlaps "' + other + '"');
      }
    }));
  }
  return out;
}"""


@pytest.mark.parametrize("screen", ["wide", "phone"])
def test_every_tick_label_and_axis_title_shows_whole_inside_its_chart_and_clear_of_the_others(ui, phone, app_url, screen):  # noqa: F811
    page = ui if screen == "wide" else phone
    for query in ("", "&from=2023-03-01&to=2023-03-31"):  # months of labels (turned when they crowd), and one
        page.goto(app_url + "?view=trends" + query)
        page.wait_for_function("() => document.querySelectorAll('.figure-col .js-plotly-plot .xaxislayer-above text')"
                               ".length > 0 && !!document.querySelector('#card-year_over_year .barlayer .point path')"
                               " && !!document.querySelector('#card-month_category_heatmap .heatmaplayer image, "
                               "#card-month_category_heatmap .hm')")
        assert page.evaluate(CUT_LABELS) == [], query

