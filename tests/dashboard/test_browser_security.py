"""The production server (gunicorn, sign-in required) in headless Chromium: signing in and
out and saving a view work, the Content-Security-Policy blocks nothing the app loads (search, item view,
Trends charts), and an item's script and image tags stay inert text."""
from __future__ import annotations

import re

import pytest

from dashboard.office.users import UserStore

from .conftest import MALICIOUS_TITLE, sign_in_page
from .live_server import serve

TIMEOUT = 30_000  # ms, for waits and expect() (whose own default is 5 s): a fresh worker opens the index
PASSWORD = "browser test password"


@pytest.fixture(scope="module")
def office_url(dash_index_root, tmp_path_factory):
    config = tmp_path_factory.mktemp("office_config")
    UserStore(config).add("vera", PASSWORD, "viewer")
    with serve(dash_index_root, "--config", str(config), "--workers", "2") as (url, _proc):
        yield url


@pytest.fixture
def page(chromium_browser):
    context = chromium_browser.new_context(viewport={"width": 1440, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT)
    page.dialogs, page.blocked = [], []
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    page.on("console", lambda m: page.blocked.append(m.text) if "Content Security Policy" in m.text else None)
    page.on("pageerror", lambda e: page.blocked.append(f"page error: {e}"))
    yield page
    context.close()


def _sign_in(page, url: str, path: str = "/") -> None:
    sign_in_page(page, url, "vera", PASSWORD, path)


def test_sign_in_search_item_trends_and_sign_out_with_nothing_blocked(page, office_url):
    from playwright.sync_api import expect

    _sign_in(page, office_url, "/?q=xylophone")
    title = page.locator(".result-title", has_text="<script>")
    expect(title).to_have_text(MALICIOUS_TITLE, timeout=TIMEOUT)
    expect(page.locator(".account-bar")).to_contain_text("Signed in as vera (viewer)", timeout=TIMEOUT)
    title.click()
    expect(page.locator(".item-body")).to_contain_text("<script>alert(1)</script>", timeout=TIMEOUT)
    assert page.locator("img[src=x]").count() == 0 and page.locator("#item-view script").count() == 0
    page.get_by_placeholder("Name this view").fill("Xylophone <news>")
    page.get_by_role("button", name="Save view").click()
    page.wait_for_url(re.compile(r"/saved$"))
    saved = page.get_by_role("link", name="Xylophone <news>")
    assert "q=xylophone" in saved.get_attribute("href")  # the view's address, from the page the form was on
    page.goto(office_url + "/?view=trends")
    page.locator(".js-plotly-plot .main-svg").first.wait_for()
    # a locator, not wait_for_function: a string predicate is eval'd in the page, which the CSP forbids
    page.locator(".js-plotly-plot .trace").first.wait_for()
    assert page.dialogs == []
    assert page.blocked == []
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(re.compile(r"/login$"))
    assert page.request.get(office_url + "/api/search").status == 401


def test_a_wrong_password_keeps_the_user_out(page, office_url):
    from playwright.sync_api import expect

    page.goto(office_url + "/login")
    page.fill("#name", "vera")
    page.fill("#password", "not the password")
    page.click("button[type=submit]")
    expect(page.locator(".alert")).to_have_text("Wrong name or password.", timeout=TIMEOUT)
    assert page.request.get(office_url + "/api/search").status == 401
    assert page.blocked == []
