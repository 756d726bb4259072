"""The Review page in headless Chromium: a category corrected there shows in the counts at
once, and holds after `ingest --rebuild` (the decision lives in corrections.toml)."""
from __future__ import annotations

import json
import logging
import shutil
import threading
from pathlib import Path

import pytest

from dashboard.web.app import create_app
from dashboard.office.auth import Access
from indexer.search.ingest import ingest

from .conftest import axe_problems


TIMEOUT = 30_000  # ms: the first /review request enriches the whole index once; CI is busy
# (other waits use conftest's BROWSER_TIMEOUT, which its chromium_browser fixture sets)


@pytest.fixture()
def served(dash_index_root, dash_aliases, tmp_path, data_env):
    from werkzeug.serving import make_server

    root = Path(shutil.copytree(dash_index_root, tmp_path / "index"))
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    app = create_app(root, dash_aliases, Access(public=True, allow_edits=True))
    server = make_server("127.0.0.1", 0, app.server, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/", root
    server.shutdown()
    thread.join(5)


@pytest.fixture()
def ui(chromium_browser):
    context = chromium_browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT)
    yield page
    context.close()


def _categories(page, url: str) -> dict[str, int]:
    return json.loads(page.request.get(f"{url}api/search").text())["facets"]["category"]


def test_a_category_corrected_in_review_holds_after_a_rebuild(ui, served, dash_corpus):
    from playwright.sync_api import expect

    url, root = served
    before = _categories(ui, url)
    ui.goto(url + "review")
    first = ui.locator("li.review-item").first
    expect(first).to_be_visible(timeout=TIMEOUT)
    item_id = first.get_attribute("data-item")
    select = first.get_by_label("Category")
    old = select.input_value()
    new = "event" if old != "event" else "meeting"
    select.select_option(new)
    first.get_by_role("button", name="Save correction").click()
    expect(ui.get_by_role("status")).to_contain_text(f"{item_id}: corrected", timeout=TIMEOUT)
    expect(ui.locator(f'li.review-item[data-item="{item_id}"]')).to_have_count(0)
    after = _categories(ui, url)
    assert after.get(new, 0) == before.get(new, 0) + 1 and after.get(old, 0) == before.get(old, 0) - 1
    # the dashboard's own count, filtered by the new category
    ui.goto(f"{url}?category={new}")
    n = after[new]
    expect(ui.locator("#total")).to_have_text(f"{n:,} item{'s' if n != 1 else ''}")
    report = ingest([dash_corpus], root, rebuild=True, workers=1)
    assert report.files_failed == 0, report.errors
    assert _categories(ui, url) == after
    ui.reload()
    expect(ui.locator("#total")).to_have_text(f"{n:,} item{'s' if n != 1 else ''}")


def test_the_review_page_has_no_serious_accessibility_violation(ui, served):
    from playwright.sync_api import expect


    url, _ = served
    ui.goto(url + "review")
    expect(ui.locator("li.review-item").first).to_be_visible(timeout=TIMEOUT)
    assert ui.locator("html").get_attribute("lang") == "en"
    assert ui.locator("h1").count() == 1 and ui.locator("main").count() == 1
    assert axe_problems(ui) == []


def test_an_editor_works_down_the_queue_with_the_keys(ui, served):
    """j moves to the next item, k back; a accepts the item that has the focus (and the next
    one then leads the queue); keys typed in a field stay the field's."""
    from playwright.sync_api import expect

    url, _ = served
    ui.goto(url + "review")
    items = ui.locator("li.review-item")
    expect(items.first).to_be_focused(timeout=TIMEOUT)
    first, second = items.nth(0).get_attribute("data-item"), items.nth(1).get_attribute("data-item")
    ui.keyboard.press("j")
    expect(items.nth(1)).to_be_focused()
    ui.keyboard.press("k")
    expect(items.nth(0)).to_be_focused()
    date_box = items.nth(0).get_by_label("Date")
    date_box.click()
    ui.keyboard.press("a")  # typed into the field, not a decision
    expect(ui.get_by_role("status")).to_have_count(0)
    items.nth(0).focus()
    ui.keyboard.press("j")
    ui.keyboard.press("a")
    expect(ui.get_by_role("status")).to_contain_text(f"{second}: accepted", timeout=TIMEOUT)
    expect(ui.locator(f'li.review-item[data-item="{second}"]')).to_have_count(0)
    expect(ui.locator("li.review-item").first).to_have_attribute("data-item", first)
