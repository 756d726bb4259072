"""The browser writes the URL for the controls (assets/30-url.js) by the rules of
dashboard/views/controls.py; here both write the URL after the same changes and must agree, and a
facet tick written in the browser still gives back/forward their steps."""
from __future__ import annotations

import itertools
import json

from dashboard.views import ids
from dashboard.views.callbacks import KEEP, control_values, next_search, url_rules
from dashboard.views.render import visibility
from dashboard.common.state import state_from_url

from .conftest import api, expect_total

BASES = (
    "",
    "?q=visit&page=3",
    "?q=ICRC&partner=Council+of+Europe&partner=UNICEF&year=2024&from=2024-01-01&to=2024-12-31&sort=newest&page=2&view=trends",
    "?view=item&id=abc123&q=children",
    "?q=+spaced+&category=event&category=event&category=+&sort=bogus&page=x&view=nope&from=soon&to=2024-02-30",
    "?q=caf%C3%A9+%22plane+crash%22+(a*)+O%27Brien+~+%21&place=Q%C9%99b%C9%99l%C9%99&person=A+%26+B&id=zz",
    "?foo=1&q=a&from=20240305&page=0",
)


def _facet(facet: str, group: str = "") -> dict:
    return {"type": ids.FACET, "facet": facet, "group": group}


def _changes() -> list[tuple[list, dict, list]]:
    """(triggered, values, facet checklists) for every control the browser writes."""
    out = []
    for control, cid, prop, values in (
            ("q", ids.QUERY, "value", ("prison", "", "  ", "visit", "children", "a" * 600, "x & y = 100%")),
            ("q", ids.QUERY, "n_submit", ("penitentiary",)),
            ("sort", ids.SORT, "value", ("newest", "oldest", "relevance", "bogus", None)),
            ("from", ids.DATE_FROM, "date", ("2024-03-05", "2024-02-30", "", None, "20230101")),
            ("to", ids.DATE_TO, "date", ("2024-12-31", "31/12/2024", None)),
            ("page", ids.PAGER, "active_page", (3, 1, None, 200_000)),
            ("view", ids.VIEW_TABS, "value", ("trends", "search", "item", None))):
        out += [([{"id": cid, "prop": prop, "value": v}], {control: v}, []) for v in values]
    out.append(([{"id": ids.CLEAR_ALL, "prop": "n_clicks", "value": 1}], {}, []))
    partners = [{"id": _facet("partner", "international"), "value": ["UNICEF", "ICRC"]},
                {"id": _facet("partner", "national"), "value": ["Baku State University"]},
                {"id": _facet("category"), "value": ["event"]}]
    for facet in ("partner", "category"):
        out.append(([{"id": _facet(facet, "international" if facet == "partner" else ""), "prop": "value"}], {}, partners))
    out.append(([{"id": _facet("year"), "prop": "value"}], {}, [{"id": _facet("year"), "value": []}]))
    # the partners a URL already has, in another order and other groups: no change, page kept
    same = [{"id": _facet("partner", "international"), "value": ["UNICEF"]},
            {"id": _facet("partner", "national"), "value": ["Council of Europe"]}]
    out.append(([{"id": _facet("partner", "national"), "prop": "value"}], {}, same))
    out.append(([{"id": _facet("place"), "prop": "value"}], {}, [{"id": _facet("place"), "value": ["Ganja", "Ganja"]}]))
    return out


def test_the_browser_writes_the_url_as_the_python_does(ui, app_url):  # noqa: F811
    page = ui
    page.goto(app_url)
    page.wait_for_function("() => !!(window.dash_clientside && window.dash_clientside.url)")
    cases = [(base, *change) for base, change in itertools.product(BASES, _changes())]
    written = page.evaluate(
        "([cases, rules]) => cases.map(([search, triggered, values, facets]) => "
        "window.dash_clientside.url.next_search(search, triggered, values, facets, rules))", [cases, url_rules()])
    expected = [next_search(base, triggered, values, facets) for base, triggered, values, facets in cases]
    wrong = [(case[0], case[1], got, want) for case, got, want in zip(cases, written, expected) if got != want]
    assert len(cases) > 200 and not wrong, wrong[:5]


def test_a_facet_tick_written_in_the_browser_shows_results_and_back_undoes_it(ui, app_url):  # noqa: F811
    page = ui
    from playwright.sync_api import expect

    page.goto(app_url + "?q=rights")
    expect_total(page, api(page, app_url, q="rights")["total"])
    page.locator("#facet-card-category input[value='event']").check()
    expect(page).to_have_url(app_url + "?q=rights&category=event")
    expect_total(page, api(page, app_url, q="rights", category="event")["total"])
    page.go_back()
    expect(page).to_have_url(app_url + "?q=rights")
    expect_total(page, api(page, app_url, q="rights")["total"])
    expect(page.locator("#facet-card-category input[value='event']")).not_to_be_checked()


def test_the_browser_shows_the_view_the_python_would(ui, app_url):  # noqa: F811
    page = ui
    page.goto(app_url)
    page.wait_for_function("() => !!(window.dash_clientside && window.dash_clientside.url)")
    urls = [*BASES, "?view=trends", "?view=item", "?view=item&id=x", "?view=+trends+", "?view=search&view=trends"]
    shown = page.evaluate("([urls, rules]) => urls.map(u => window.dash_clientside.url.visibility(u, rules))",
                          [urls, url_rules()])
    assert shown == [list(visibility(state_from_url(u))) for u in urls]


def test_the_browser_sets_the_controls_from_the_url_as_the_python_would(ui, app_url):  # noqa: F811
    page = ui
    page.goto(app_url)
    page.wait_for_function("() => !!(window.dash_clientside && window.dash_clientside.url)")
    cases = [(url, pushed, load) for url in (*BASES, "?view=trends&sort=oldest", "?q=x&view=item&id=1")
             for pushed in (url, "?q=other", None) for load in (True, False)]
    shown = page.evaluate("([cases, rules]) => cases.map(([u, p, l]) => "
                          "window.dash_clientside.url.control_values(u, p, l, rules, 'KEEP'))", [cases, url_rules()])
    expected = [["KEEP" if v is KEEP else v for v in control_values(u, p, page_load=load)] for u, p, load in cases]
    assert shown == expected


def test_the_pager_writes_the_page_and_a_tick_then_starts_at_page_one(ui, app_url):  # noqa: F811
    """The pager has its own URL writer (the search answer sets its page, so the controls'
    writer must not hear it): a page click is written, and the next tick goes back to page 1."""
    page = ui
    from playwright.sync_api import expect

    page.goto(app_url + "?q=rights")
    expect_total(page, api(page, app_url, q="rights")["total"])
    page.locator(f"#{ids.PAGER} a", has_text="2").first.click()
    expect(page).to_have_url(app_url + "?q=rights&page=2")
    second = page.request.get(f"{app_url}api/search?q=rights&page=2").json()["hits"]
    expect(page.locator(".result-title").first).to_have_text(second[0]["title"])
    page.locator("#facet-card-category input[value='event']").check()
    expect(page).to_have_url(app_url + "?q=rights&category=event")
    expect(page.locator(".result-title").first).to_have_text(
        api(page, app_url, q="rights", category="event")["hits"][0]["title"])
    page.go_back()  # the controls set from this URL (dates none) must not send it back to page 1
    expect(page).to_have_url(app_url + "?q=rights&page=2")
    expect(page.locator(".result-title").first).to_have_text(second[0]["title"])
    expect(page.locator(f"#{ids.PAGER} .active")).to_contain_text("2")


def test_a_url_in_another_order_is_kept_and_each_view_asked_once(ui, app_url):  # noqa: F811
    """A shared or typed URL whose words are not in the app's order: the controls set from it on
    load change nothing, so they leave it as it is (rewriting it asked both views again, and
    drew the Trends cards twice)."""
    page = ui
    from urllib.parse import quote_plus

    from playwright.sync_api import expect

    partners = api(page, app_url)["facets"]["partner"]
    partner = max(partners, key=lambda name: (partners[name], name))
    asked = []
    page.on("request", lambda r: asked.append(r.post_data) if "_dash-update-component" in r.url else None)
    url = f"{app_url}?view=trends&partner={quote_plus(partner)}"
    page.goto(url)
    expect(page.locator(".kn-value").first).to_have_text(f"{api(page, app_url, partner=partner)['total']:,}")
    page.locator("#card-year_over_year .barlayer .point path").first.wait_for(state="attached")
    assert page.url == url
    outputs = [json.loads(body)["output"] for body in asked]
    assert sum(o.startswith(f"..{ids.TRENDS_GRID}.children.") for o in outputs) == 1  # Trends, once
    assert sum(o.startswith(f"..{ids.NOTICES}.children.") for o in outputs) == 1  # the search side, once
