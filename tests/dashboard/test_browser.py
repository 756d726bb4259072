"""The dashboard in headless Chromium (Playwright), served from a thread on 127.0.0.1.

Without Chromium or Playwright these tests skip (saying what to install); with CI set
they fail instead, so a CI run cannot pass without them."""
from __future__ import annotations

import csv
import io
import json
import os
import re
import struct
import zipfile
from pathlib import Path
from urllib.parse import urlencode
from xml.etree import ElementTree

import pytest
from openpyxl import load_workbook

from indexer.analytics import palette
from indexer.analytics.figures import FIGURES

from .conftest import BROWSER_TIMEOUT as TIMEOUT
from .conftest import MALICIOUS_TITLE, api, expect_total

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def _screenshot(page, name: str, **options) -> None:
    """The README's screenshots are refreshed only when asked (make screenshots), so that
    make test never rewrites tracked files."""
    if os.environ.get("BULLETINS_SCREENSHOTS") == "1":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / name), **options)
DOWNLOAD_TIMEOUT = 180_000  # ms: the first figure starts a helper process (nice +10: searches first) and kaleido's
# Chromium; with both cores busy that took 30-60 s here
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def shown_date(iso: str) -> str:
    """An ISO date as the date boxes show it: 1 March 2024."""
    from datetime import date

    from dashboard.common.labels import format_date

    return format_date(date.fromisoformat(iso))


def facet_counts(page, facet: str) -> str:
    return page.locator(f"#facet-card-{facet}").inner_text()


def shown_counts(page, facet: str) -> tuple[list[str], list[int]]:
    """A facet's value names and counts as the page shows them, once every count is a badge
    (the answer sends "Name (count)"; assets/20-facets.js makes the badge)."""
    from playwright.sync_api import expect

    labels = page.locator(f"#facet-card-{facet} .form-check-label")
    expect(page.locator(f"#facet-card-{facet} .form-check-label > .facet-count")).to_have_count(labels.count())
    pairs = labels.evaluate_all("ls => ls.map(l => [l.firstChild.textContent, l.lastChild.textContent])")
    return [name for name, _ in pairs], [int(count.replace(",", "")) for _, count in pairs]


def download(page, button) -> tuple[str, bytes]:
    """(suggested file name, bytes) of what a click on `button` downloads."""
    with page.expect_download(timeout=DOWNLOAD_TIMEOUT) as info:
        button.click()
    return info.value.suggested_filename, Path(info.value.path()).read_bytes()


def svg_text(data: bytes) -> str:
    """The text of an SVG file, which must parse as XML with an <svg> root."""
    root = ElementTree.fromstring(data)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    return "".join(root.itertext())


def png_size(data: bytes) -> tuple[int, int]:
    """(width, height) from the IHDR chunk, which must follow the PNG signature."""
    assert data[:8] == PNG_SIGNATURE and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_typing_a_query_shows_matching_headlines_and_the_total(ui, app_url):
    page = ui
    from playwright.sync_api import expect

    page.goto(app_url)
    expect_total(page, api(page, app_url)["total"])
    history = page.evaluate("history.length")
    page.locator("#query").press_sequentially("Xylophone Society", delay=30)
    expect(page.locator(".result-title").first).to_contain_text("Xylophone Society")
    # typed quickly, the query is searched once it pauses, not once per letter
    assert page.evaluate("history.length") - history <= 3
    expect_total(page, api(page, app_url, q="Xylophone Society")["total"])
    assert "q=Xylophone+Society" in page.url
    page.locator("#query").fill("children")
    page.locator("#query").press("Enter")
    expect_total(page, api(page, app_url, q="children")["total"])
    expect(page.locator(".result mark").first).to_have_text(re.compile("child", re.I))
    _screenshot(page, "search.png")


def test_ticking_a_partner_filters_results_and_changes_category_counts(ui, app_url):
    page = ui
    from playwright.sync_api import expect

    page.goto(app_url)
    expect_total(page, api(ui, app_url)["total"])
    before = facet_counts(page, "category")
    first = page.locator("#facet-card-partner .form-check").first
    partner = first.locator("input").get_attribute("value")
    first.locator("input").check()
    expect(page).to_have_url(re.compile(r"partner="))
    expect_total(page, api(page, app_url, partner=partner)["total"])
    expect(page.locator("#facet-card-partner input:checked")).to_have_count(1)
    assert facet_counts(page, "category") != before
    names, counts = shown_counts(page, "category")
    assert not [n for n in names if re.search(r"\(\d", n)]  # the count is in its badge, not in brackets
    assert sum(counts) == api(page, app_url, partner=partner)["total"]  # one category per item
    for hit in page.locator(".result").all()[:5]:
        assert partner in hit.inner_text()


def _click_first_bar(page, card: str):
    bars = page.locator(f"#{card} .barlayer .point path")
    page.wait_for_function(f"document.querySelectorAll('#{card} .barlayer .point path').length > 0")
    boxes = [b for b in (bar.bounding_box() for bar in bars.all()) if b and b["height"] > 4]
    box = max(boxes, key=lambda b: b["height"])  # the tallest segment: easy to hit
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def test_clicking_a_monthly_bar_applies_that_month(ui, app_url):
    page = ui
    from playwright.sync_api import expect

    page.goto(app_url + "?view=trends")
    expect(page.locator(".kn-value").first).to_have_text(f"{api(ui, app_url)['total']:,}")
    page.locator("#card-themes_over_time .scatterlayer .trace").first.wait_for()
    _screenshot(page, "trends.png", full_page=True)
    _click_first_bar(page, "card-activity_by_month")
    expect(page).to_have_url(re.compile(r"from=\d{4}-\d\d-01&to=\d{4}-\d\d-\d\d"))
    start, end = re.search(r"from=([\d-]+)&to=([\d-]+)", page.url).groups()
    assert start[:7] == end[:7] and start.endswith("-01")
    expect(page.locator("#date-from")).to_have_value(shown_date(start))  # as the app writes dates
    expect(page.locator("#date-to")).to_have_value(shown_date(end))
    category = re.search(r"category=([a-z_]+)", page.url).group(1)
    expected = api(page, app_url, category=category, **{"from": start, "to": end})["total"]
    expect(page.locator(".kn-value").first).to_have_text(f"{expected:,}")


def test_a_shared_url_reproduces_the_view_and_back_works(ui, app_url):
    page = ui
    from playwright.sync_api import expect

    url = app_url + "?q=visit&category=monitoring_visit&category=event&sort=oldest"
    page.goto(url)
    expected = api(page, app_url, q="visit", category=["monitoring_visit", "event"], sort="oldest")
    expect_total(page, expected["total"])
    assert page.locator("#query").input_value() == "visit"
    assert page.locator("#sort").input_value() == "oldest"
    expect(page.locator("#facet-card-category input:checked")).to_have_count(2)
    expect(page.locator(".result-title").first).to_have_text(expected["hits"][0]["title"])
    page.locator("#facet-card-year .form-check input").first.check()
    expect(page).to_have_url(re.compile(r"year="))
    # The year's answer shown before going back (a Back while it is on its way: the next test)
    year = re.search(r"year=(\d{4})", page.url).group(1)
    expect_total(page, api(page, app_url, q="visit", category=["monitoring_visit", "event"], sort="oldest",
                           year=year)["total"])
    page.go_back()
    expect(page).to_have_url(url)
    expect_total(page, expected["total"])
    expect(page.locator("#facet-card-year input:checked")).to_have_count(0)


class HeldAnswers:
    """Holds the search side's answers for URLs matching `pattern` until released, so a test
    can act while an answer is on its way (as a slow network or a busy server makes it)."""

    def __init__(self, page, pattern: str):
        self.page, self.pattern, self.held = page, re.compile(pattern), []
        page.route("**/_dash-update-component*", self._route)

    def _route(self, route, request):
        body = request.post_data or ""
        if "notices.children" in body and self.pattern.search(body):
            self.held.append(route)  # answered in release(), after the test has acted
        else:
            route.continue_()

    def wait_for_one(self):
        for _ in range(TIMEOUT // 10):
            if self.held:
                return
            self.page.wait_for_timeout(10)
        raise AssertionError("no search answer was asked for")

    def release(self):
        self.page.unroute("**/_dash-update-component*", self._route)
        from playwright.sync_api import Error

        for route in self.held:
            try:
                route.continue_()
            except Error as exc:  # the page gave up the request itself (Dash aborts an answer it will not use)
                assert "already handled" in str(exc), exc


@pytest.mark.parametrize("second", ["back", "another tick"])
def test_a_change_made_while_the_last_answer_is_on_its_way_is_shown(ui, app_url, second):
    """Back, or another tick, while a facet tick's answer is still coming: the page ends on the
    newest URL, its results and its ticks. (Dash held the newer URL's request back until the
    older answer came, then dropped that answer and never sent the newer request: the page
    kept the tick under the older results.)"""
    page = ui
    from playwright.sync_api import expect

    url = app_url + "?q=visit&category=monitoring_visit&category=event&sort=oldest"
    page.goto(url)
    before = api(page, app_url, q="visit", category=["monitoring_visit", "event"], sort="oldest")
    expect_total(page, before["total"])
    held = HeldAnswers(page, r"year=")
    page.locator("#facet-card-year .form-check input").first.check()
    expect(page).to_have_url(re.compile(r"year="))
    year = re.search(r"year=(\d{4})", page.url).group(1)
    held.wait_for_one()
    if second == "back":
        page.go_back()
        expect(page).to_have_url(url)
        held.release()
        want, ticked_years, ticked_categories = before, 0, 2
    else:
        ticked = page.url
        page.locator("#facet-card-theme .form-check input").first.check()
        held.release()
        expect(page).to_have_url(re.compile(r"theme="))
        theme = re.search(r"theme=([^&]+)", page.url).group(1)
        want = api(page, app_url, q="visit", category=["monitoring_visit", "event"], theme=theme, year=year,
                   sort="oldest")
        assert want["total"] > 0 and f"year={year}" in page.url and page.url != ticked
        ticked_years, ticked_categories = 1, 2
    expect_total(page, want["total"])
    expect(page.locator("#facet-card-year input:checked")).to_have_count(ticked_years)
    expect(page.locator("#facet-card-category input:checked")).to_have_count(ticked_categories)
    expect(page.locator(".result-title").first).to_have_text(want["hits"][0]["title"])


def test_csv_download_matches_the_api_total(ui, app_url):
    page = ui
    # The commonest partner of the items about children in this corpus, read from the index.
    partners = api(page, app_url, q="children")["facets"]["partner"]
    partner = max(partners, key=lambda name: (partners[name], name))
    page.goto(app_url + "?" + urlencode({"q": "children", "partner": partner}))
    total = api(page, app_url, q="children", partner=partner)["total"]
    expect_total(page, total)
    with page.expect_download() as info:
        page.locator("#export-csv").click()
    data = Path(info.value.path()).read_bytes().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(data)))
    assert len(rows) == total > 0


def test_a_figure_downloads_as_svg_and_png_under_the_current_filters(ui, app_url):
    page = ui
    from playwright.sync_api import expect

    page.goto(app_url + "?view=trends&partner=ICRC")
    total = api(page, app_url, partner="ICRC")["total"]
    assert total > 1
    expect(page.locator(".kn-value").first).to_have_text(f"{total:,}")
    card = page.locator("#card-category_share")
    name, svg = download(page, card.get_by_role("button", name="SVG", exact=True))
    text = svg_text(svg)
    assert name == "category-share-icrc.svg"  # named by what it holds
    assert "Share of items by category" in text and f"{total:,} items" in text  # title; subtitle: the filtered total
    name, png = download(page, card.get_by_role("button", name="PNG", exact=True))
    assert name == "category-share-icrc.png"
    assert png_size(png) == (palette.WIDTH * palette.PNG_SCALE, palette.HEIGHT * palette.PNG_SCALE)  # 2000 x 1120


def test_the_report_pack_covers_the_whole_year_whatever_the_query_and_filters(ui, app_url):
    page = ui
    from playwright.sync_api import expect

    year, filters = "2024", {"q": "xylophone", "year": "2023"}  # the page shows 2023 items, none of 2024
    page.goto(app_url + "?" + urlencode({**filters, "view": "trends"}))
    expect(page.locator(".kn-value").first).to_have_text(f"{api(page, app_url, **filters)['total']:,}")
    note = page.locator("#report-note")
    expect(note).to_be_visible()
    expect(note).to_contain_text("whole chosen year, whatever the query and filters")
    whole_year = api(page, app_url, year=year)["total"]
    assert whole_year > 0 and api(page, app_url, q=filters["q"], year=year)["total"] == 0
    expect(page.locator(f"#report-year option[value='{year}']")).to_have_count(1)  # offered all the same
    page.select_option("#report-year", year)
    button = page.locator("#report-button")
    with page.expect_download(timeout=DOWNLOAD_TIMEOUT) as info:
        button.click()
        expect(button).to_have_text("Building the pack…")  # a state while it builds (seconds)
        expect(button).to_be_disabled()
    name, data = info.value.suggested_filename, Path(info.value.path()).read_bytes()
    expect(button).to_have_text("Download .zip")
    expect(button).to_be_enabled()
    assert name == f"annual-report-{year}.zip"
    pack = zipfile.ZipFile(io.BytesIO(data))
    figures = {f"figures/{f}.{fmt}" for f in FIGURES for fmt in ("svg", "png")}
    assert set(pack.namelist()) == {"tables.xlsx", "summary.md", "summary.html", *figures}
    summary = pack.read("summary.md").decode("utf-8")
    assert re.search(r"In (\d{4}) the bulletins report (\d+) activities", summary).groups() == (year, str(whole_year))
    assert f"In {year} the bulletins report {whole_year} activities" in pack.read("summary.html").decode("utf-8")
    workbook = load_workbook(io.BytesIO(pack.read("tables.xlsx")), read_only=True)
    rows = list(workbook["items"].iter_rows(values_only=True))
    assert len(rows) == whole_year + 1  # a header, then one row per item of the year
    assert "Activities per month, " + year in svg_text(pack.read("figures/activity_by_month.svg"))
    for figure in FIGURES:
        svg_text(pack.read(f"figures/{figure}.svg"))
        assert png_size(pack.read(f"figures/{figure}.png"))[0] > 1000


def test_malicious_text_is_shown_literally(ui, app_url):
    page = ui
    from playwright.sync_api import expect

    page.goto(app_url + "?q=xylophone")
    title = page.locator(".result-title", has_text="<script>")
    expect(title).to_have_text(MALICIOUS_TITLE)
    expect(page.locator(".result", has_text="<script>").locator(".snippet")).to_contain_text("<img src=x onerror=alert(1)>")
    title.click()
    expect(page.locator(".item-title")).to_have_text(MALICIOUS_TITLE)
    expect(page.locator(".item-body")).to_contain_text("<script>alert(1)</script>")
    assert page.locator("img[src=x]").count() == 0
    assert page.locator("#item-view script").count() == 0
    assert page.dialogs == []


def test_item_view_shows_the_item_and_similar_items(ui, app_url):
    page = ui
    from playwright.sync_api import expect

    page.goto(app_url + "?q=children")
    first = page.locator(".result-title").first
    expect(first).to_be_visible()
    title = first.inner_text()
    with page.context.expect_page() as opened:  # a modifier key asks the browser for a new tab: left to it
        first.click(modifiers=["Control"])
    expect(opened.value).to_have_url(re.compile(r"view=item&id="))
    opened.value.close()
    assert "view=item" not in page.url
    page.evaluate("() => { window.stillThisPage = true; }")
    first.click()
    expect(page).to_have_url(re.compile(r"view=item&id="))
    assert page.evaluate("() => window.stillThisPage === true")  # moved within the app, as dcc.Link does
    expect(page.locator(".item-title")).to_have_text(title)
    expect(page.locator(".fields")).to_contain_text("Bulletin")
    expect(page.locator(".item-body mark").first).to_have_text(re.compile("child", re.I))  # the query's words
    expect(page.locator(".fields")).to_contain_text(re.compile(r"\b\d{1,2} [A-Z][a-z]+ \d{4}\b"))  # 5 March 2024
    page.locator("#item-view .list-group-item").first.wait_for()
    _screenshot(page, "item.png")
    page.locator("#back-to-results").click()
    expect(page.locator(".result-title").first).to_have_text(title)


def test_clear_all_empties_the_search_box_and_exports_everything(ui, app_url):
    page = ui
    from playwright.sync_api import expect

    page.goto(app_url + "?q=ICRC&year=2024")
    expect_total(page, api(page, app_url, q="ICRC", year="2024")["total"])
    expect(page.locator("#query")).to_have_value("ICRC")
    page.locator("#clear-all").click()
    everything = api(page, app_url)["total"]
    expect_total(page, everything)
    expect(page.locator("#query")).to_have_value("")
    expect(page).not_to_have_url(re.compile(r"q=ICRC"))
    _, data = download(page, page.locator("#export-csv"))
    assert len(list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))) == everything


def _trends(page, app_url, query: str = "") -> None:
    from playwright.sync_api import expect

    page.goto(app_url + "?view=trends" + query)
    expect(page.locator(".kn-value").first).not_to_have_text("")
    # a function, not a bare expression: polling a bare one evaluates a string in the page (CSP forbids)
    page.wait_for_function("() => document.querySelectorAll('#card-month_category_heatmap .hm, "
                           "#card-month_category_heatmap .heatmaplayer image').length > 0")


def test_clicking_a_heatmap_cell_filters_by_its_month_and_category(ui, app_url):
    page = ui
    from playwright.sync_api import expect

    _trends(page, app_url)
    card = page.locator("#card-month_category_heatmap")
    card.scroll_into_view_if_needed()
    box = card.locator(".nsewdrag").first.bounding_box()
    page.mouse.click(box["x"] + box["width"] * 0.5, box["y"] + 4)  # the top row: the most frequent category
    expect(page).to_have_url(re.compile(r"category=[a-z_]+.*from=\d{4}-\d\d-01&to=\d{4}-\d\d-\d\d"))
    category, start, end = re.search(r"category=([a-z_]+).*from=([\d-]+)&to=([\d-]+)", page.url).groups()
    assert start[:7] == end[:7]
    expect(page.locator("#date-from")).to_have_value(shown_date(start))
    expected = api(page, app_url, category=category, **{"from": start, "to": end})["total"]
    expect(page.locator(".kn-value").first).to_have_text(f"{expected:,}")


def test_a_one_month_chart_draws_wide_bars_and_cells(ui, app_url):
    page = ui
    month = "2023-03"  # the hand-written bulletin of the test corpus
    _trends(page, app_url, f"&from={month}-01&to={month}-31")
    page.wait_for_function("() => document.querySelectorAll('#card-activity_by_month .barlayer .point path').length > 0")
    plot = page.locator("#card-activity_by_month .nsewdrag").first.bounding_box()
    bars = [b for b in (p.bounding_box() for p in page.locator("#card-activity_by_month .barlayer .point path").all()) if b]
    assert bars and min(b["width"] for b in bars) > plot["width"] / 3
    heat = page.locator("#card-month_category_heatmap .nsewdrag").first.bounding_box()
    cells = page.locator("#card-month_category_heatmap .hm, #card-month_category_heatmap .heatmaplayer image").first
    assert cells.bounding_box()["width"] > heat["width"] / 2


def test_the_search_page_weighs_under_1_5_mb_and_fetches_no_plotly(ui, app_url):
    page = ui
    fetched: list[tuple[str, int]] = []
    page.on("requestfinished", lambda r: fetched.append((r.url, r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"])))
    page.goto(app_url + "?q=children")
    expect_total(page, api(page, app_url, q="children")["total"])
    page.wait_for_load_state("networkidle")
    assert not [url for url, _ in fetched if "plotly" in url]  # plotly.js (4.8 MB) comes with Trends only
    assert sum(size for _, size in fetched) <= 1_500_000


def test_every_facet_value_is_reachable_through_show_all_and_the_filter_box(ui, app_url):
    page = ui
    from playwright.sync_api import expect

    page.goto(app_url)
    expect_total(page, api(page, app_url)["total"])
    card = page.locator("#facet-card-place")
    options = card.locator(".form-check")
    expect(options.locator("visible=true")).to_have_count(12)
    hidden = options.nth(options.count() - 1)  # the least frequent place, past the first 12
    place = hidden.locator("input").get_attribute("value")
    expect(hidden).to_be_hidden()
    card.locator(".facet-filter").fill(place)
    expect(hidden).to_be_visible()
    expect(options.locator("visible=true")).to_have_count(1)
    hidden.locator("input").check()
    expect(page).to_have_url(re.compile(r"place="))
    expect_total(page, api(page, app_url, place=place)["total"])
    expect(card.locator(".facet-filter")).to_have_value(place)  # the box keeps its words after the redraw
    card.locator(".facet-filter").fill("")
    card.get_by_role("button", name=re.compile("Show all")).click()
    expect(options.locator("visible=true")).to_have_count(options.count())
    expect(page.locator("#facet-card-person")).to_be_visible()  # people, beside the other facets


def test_dragging_the_date_histogram_sets_a_range_of_whole_months_in_the_url(ui, app_url):
    page = ui
    from playwright.sync_api import expect

    page.goto(app_url + "?q=children")
    expect_total(page, api(page, app_url, q="children")["total"])
    expect(page.locator("#date-histogram")).to_have_attribute("alt", re.compile(r"Items per month, \w+ \d{4} to"))
    handle = page.locator("#date-range [role=slider]").first
    track = page.locator("#date-range").bounding_box()
    box = handle.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(track["x"] + track["width"] * 0.5, box["y"] + box["height"] / 2, steps=8)
    page.mouse.up()
    expect(page).to_have_url(re.compile(r"from=\d{4}-\d\d-01"))
    start = re.search(r"from=([\d-]+)", page.url).group(1)
    assert "to=" not in page.url  # the right handle stayed at the end: the range stays open
    expect(page.locator("#date-from")).to_have_value(shown_date(start))
    expect_total(page, api(page, app_url, q="children", **{"from": start})["total"])
    expect(page.locator(".chip", has_text="From")).to_be_visible()  # and a chip to remove it


def test_back_on_trends_with_the_same_filters_the_figures_are_not_redrawn(ui, app_url):
    page = ui
    from playwright.sync_api import expect

    page.goto(app_url + "?view=trends&partner=ICRC")
    expect(page.locator(".kn-value").first).to_have_text(f"{api(page, app_url, partner='ICRC')['total']:,}")
    page.locator("#card-year_over_year .barlayer .point path").first.wait_for(state="attached")
    page.locator("#view-tabs label", has_text="Search").click()
    expect(page).not_to_have_url(re.compile("view=trends"))
    def trends_answer(response) -> bool:  # the trends callback, asked about the trends view again
        if "_dash-update-component" not in response.url:
            return False
        body = json.loads(response.request.post_data or "{}")
        return "key-numbers" in body.get("output", "") and "view=trends" in body["inputs"][0]["value"]
    with page.expect_response(trends_answer) as answer:
        page.locator("#view-tabs label", has_text="Trends").click()
    assert answer.value.status == 204  # nothing sent: the figures on screen still hold
    expect(page.locator("#card-year_over_year .barlayer .point path").first).to_be_attached()


def test_the_date_boxes_show_dates_as_the_app_writes_them_and_take_typed_ones(ui, app_url):
    page = ui
    from playwright.sync_api import expect

    page.goto(app_url + "?q=rights&from=2023-03-01")
    expect_total(page, api(page, app_url, q="rights", **{"from": "2023-03-01"})["total"])
    expect(page.locator("#date-from")).to_have_value("1 March 2023")
    expect(page.locator(".chip", has_text="From")).to_contain_text("1 March 2023")  # the same words as the chip
    expect(page.locator("#date-to")).to_have_attribute("placeholder", re.compile(r"^e\.g\. \d+ [A-Z][a-z]+ \d{4}$"))
    page.locator("#date-to").fill("30 June 2023")
    page.locator("#date-to").press("Enter")
    expect(page).to_have_url(re.compile(r"from=2023-03-01&to=2023-06-30"))
    expect_total(page, api(page, app_url, q="rights", **{"from": "2023-03-01", "to": "2023-06-30"})["total"])
    expect(page.locator("#date-to")).to_have_value("30 June 2023")
    page.locator("#date-card .date-picker").first.get_by_role("button", name="Clear date").click()
    expect(page).to_have_url(re.compile(r"\?q=rights&to=2023-06-30$"))
    expect(page.locator("#date-from")).to_have_value("")
