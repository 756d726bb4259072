"""The Review page: who may change labels, a decision saved and shown at once, escaping."""
from __future__ import annotations

import html
import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from dashboard.web.app import create_app
from dashboard.office.auth import Access
from dashboard.office.review import decision_from_form, form_day
from dashboard.office.review_page import page_html
from dashboard.office.users import UserStore
from indexer.enrich.corrections import load_corrections
from indexer.enrich.review import Doubt, ReviewEntry
from indexer.item import Item

from .conftest import MALICIOUS_TITLE, sign_in

PASSWORD = "a long enough pass phrase"
ORIGIN = {"Origin": "http://localhost"}


@pytest.fixture()
def index_copy(dash_index_root, tmp_path) -> Path:
    """A copy of the dashboard's index: these tests change labels in it."""
    return Path(shutil.copytree(dash_index_root, tmp_path / "index"))


@pytest.fixture(scope="module")
def config(tmp_path_factory):
    folder = tmp_path_factory.mktemp("config")
    store = UserStore(folder)
    for name, role in (("vera", "viewer"), ("ed", "editor")):
        store.add(name, PASSWORD + name, role)
    return folder


def _sign_in(client, name: str) -> None:
    assert sign_in(client, name, PASSWORD + name).status_code == 302


def _first_form(client) -> dict:
    """The fields of the first item's form on /review, as the browser would send them."""
    page = client.get("/review").text
    form = re.search(r'<form method="post" action="/review/([^"]+)".*?</form>', page, re.S)
    assert form, "the page offers a form"
    fields = {m.group(1): m.group(2) for m in re.finditer(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form.group(0))}
    fields["category"] = fields["was_category"]
    for name in ("themes", "partners", "places"):
        fields[name] = fields[f"was_{name}"]
    fields["date"] = fields["was_date"]
    return {"id": form.group(1), **fields}


def _category_count(client, category: str) -> int:
    return client.get("/api/search").json["facets"]["category"].get(category, 0)


def test_a_viewer_cannot_change_labels(index_copy, config, data_env):
    client = create_app(index_copy, access=Access(config)).server.test_client()
    _sign_in(client, "vera")
    page = client.get("/review").text
    assert "Read-only" in page and '<form method="post" action="/review/' not in page
    before = (data_env / "corrections.toml").read_text(encoding="utf-8")
    token = re.search(r'name="csrf" value="([^"]+)"', client.get("/").text).group(1)  # the account bar's
    r = client.post("/review/202303-0000000000", data={"action": "accept", "csrf": token}, headers=ORIGIN)
    assert r.status_code == 403
    assert (data_env / "corrections.toml").read_text(encoding="utf-8") == before


def test_an_editor_corrects_a_category_and_the_counts_follow_at_once(index_copy, config, data_env):
    client = create_app(index_copy, access=Access(config)).server.test_client()
    _sign_in(client, "ed")
    form = _first_form(client)
    old = form["was_category"]
    new = "event" if old != "event" else "meeting"
    before_old, before_new = _category_count(client, old), _category_count(client, new)
    r = client.post(f"/review/{form['id']}", data={**form, "category": new, "action": "save"}, headers=ORIGIN)
    assert r.status_code == 200 and "corrected" in r.text
    assert load_corrections(data_env / "corrections.toml")[form["id"]].changes == {"category": new}
    assert _category_count(client, new) == before_new + 1
    assert _category_count(client, old) == before_old - 1
    assert f'data-item="{form["id"]}"' not in client.get("/review").text  # off the queue


def test_public_is_read_only_unless_allow_edits(index_copy, data_env):
    closed = create_app(index_copy, access=Access(public=True)).server.test_client()
    assert closed.post("/review/x", data={"action": "accept"}, headers=ORIGIN).status_code == 403
    open_ = create_app(index_copy, access=Access(public=True, allow_edits=True)).server.test_client()
    form = _first_form(open_)
    r = open_.post(f"/review/{form['id']}", data={**form, "action": "accept"}, headers=ORIGIN)
    assert r.status_code == 200 and "accepted" in r.text
    assert load_corrections(data_env / "corrections.toml")[form["id"]].accepted


def test_a_bad_value_is_refused_in_one_line(index_copy, data_env):
    client = create_app(index_copy, access=Access(public=True, allow_edits=True)).server.test_client()
    form = _first_form(client)
    r = client.post(f"/review/{form['id']}", data={**form, "themes": "nonsense", "action": "save"}, headers=ORIGIN)
    assert r.status_code == 400 and "not saved" in r.text and "unknown theme" in r.text
    assert form["id"] not in load_corrections(data_env / "corrections.toml")


def test_a_decision_for_an_item_not_in_the_index_is_a_404_and_saves_nothing(index_copy, data_env):
    client = create_app(index_copy, access=Access(public=True, allow_edits=True)).server.test_client()
    form = _first_form(client)
    r = client.post("/review/202401-0000000000", data={**form, "category": "event", "action": "save"}, headers=ORIGIN)
    assert r.status_code == 404
    assert "202401-0000000000" not in load_corrections(data_env / "corrections.toml")


def test_only_changed_fields_are_corrections():
    was = {"was_category": "meeting", "was_themes": "children\r\nprisons", "was_partners": "", "was_places": "Baku",
           "was_date": "2024-03-01"}
    same = {**was, "category": "meeting", "themes": "children\r\nprisons", "partners": "", "places": "Baku",
            "date": "2024-03-01", "action": "save"}
    assert decision_from_form(same) == ({}, False)
    changed = {**same, "category": "event", "places": "Baku; Ganja"}
    assert decision_from_form(changed) == ({"category": "event", "places": ["Baku", "Ganja"]}, False)
    assert decision_from_form({**same, "action": "accept"}) == ({}, True)


def test_the_page_escapes_bulletin_text():
    start = date(2023, 3, 1)
    item = Item("202303-abc", "x.txt", start, date(2023, 3, 31), start, "month", MALICIOUS_TITLE, "b",
                category="meeting", places=("<b>Baku</b>",))
    html = page_html([ReviewEntry(item, (Doubt(1, "category: <i>close</i>"), Doubt(0.6, "found", "<img src=y>")), MALICIOUS_TITLE)], True, "<script>x</script>", "t")
    assert "<script>" not in html and "<img" not in html and "<b>Baku" not in html and "<i>close" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'for="category-202303-abc"' in html and 'id="category-202303-abc"' in html  # labelled controls


def test_a_found_name_added_as_an_alias_relabels_its_items(index_copy, data_env):
    from indexer.enrich.partners import load_partners

    client = create_app(index_copy, access=Access(public=True, allow_edits=True)).server.test_client()
    page = client.get("/review").text
    form = re.search(r'<form method="post" action="/review/([^"]+)/alias".*?</form>', page, re.S)
    if form is None:
        pytest.fail("the sample's queue has a partner found only by a pattern")
    fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form.group(0)))
    found = html.unescape(fields["found"])
    unicef = "United Nations Children's Fund"
    named = client.get("/api/search", query_string={"partner": found}).json["total"]
    before = client.get("/api/search", query_string={"partner": unicef}).json["total"]
    r = client.post(f"/review/{form.group(1)}/alias", data={**fields, "found": found, "partner": unicef}, headers=ORIGIN)
    assert r.status_code == 200 and "is now an alias of" in r.text
    assert found in load_partners(data_env / "partners.toml").by_name[unicef].aliases
    assert client.get("/api/search", query_string={"partner": found}).json["total"] == 0
    assert client.get("/api/search", query_string={"partner": unicef}).json["total"] == before + named


def test_a_decision_made_during_an_ingest_is_applied_when_it_ends(index_copy, data_env):
    import time

    from indexer.search.index_dir import IndexDir

    client = create_app(index_copy, access=Access(public=True, allow_edits=True)).server.test_client()
    form = _first_form(client)
    old = form["was_category"]
    new = "event" if old != "event" else "meeting"
    before = _category_count(client, new)
    with IndexDir(index_copy).ingest_lock():  # as an ingest holds it
        r = client.post(f"/review/{form['id']}", data={**form, "category": new, "action": "save"}, headers=ORIGIN)
        assert r.status_code == 200 and "as soon as the ingest running now ends" in r.text
        assert _category_count(client, new) == before
    deadline = time.monotonic() + 60
    while _category_count(client, new) != before + 1 and time.monotonic() < deadline:
        time.sleep(0.2)  # polling for the condition, not waiting for time to pass
    assert _category_count(client, new) == before + 1


def test_without_an_index_the_review_page_says_so_and_a_decision_is_a_503(tmp_path, data_env):
    client = create_app(tmp_path / "no-index", access=Access(public=True, allow_edits=True)).server.test_client()
    page = client.get("/review")
    assert page.status_code == 200 and "bulletins ingest" in page.text
    with client.session_transaction() as session:
        session["csrf"] = "token"
    r = client.post("/review/202401-0000000000", data={"category": "event", "action": "save", "csrf": "token"},
                    headers=ORIGIN)
    assert r.status_code == 503 and "bulletins ingest" in r.text
    assert "202401-0000000000" not in load_corrections(data_env / "corrections.toml")


def test_healthz_answers_503_without_an_index_and_the_count_with_one(tmp_path, index_copy):
    missing = create_app(tmp_path / "no-index").server.test_client().get("/healthz")
    assert missing.status_code == 503 and missing.json["status"] == "no index"
    ok = create_app(index_copy).server.test_client().get("/healthz")
    assert ok.status_code == 200 and ok.json["status"] == "ok" and ok.json["items"] > 0
    assert ok.json["generation"].startswith("gen-")


def test_the_review_date_is_written_as_the_app_writes_dates():
    assert form_day("1 March 2024") == form_day(" 1  Mar 2024 ") == form_day("2024-03-01") == "2024-03-01"
    assert form_day("") == ""
    with pytest.raises(ValueError, match="'03/01/2024' is not a day: write it like 1 March 2024"):
        form_day("03/01/2024")
    was = {"was_category": "meeting", "was_date": "1 March 2024", "category": "meeting", "action": "save"}
    assert decision_from_form({**was, "date": "2024-03-01"}) == ({}, False)  # the same day: no change
    assert decision_from_form({**was, "date": "2 March 2024"}) == ({"date": "2024-03-02"}, False)


def test_each_item_is_shown_beside_its_labels_by_name(index_copy, data_env):
    """An editor decides with the item before them: its text with the words the labels rest
    on marked, its title linking to the item, names (not ids), themes as boxes, the label now
    and what a doubt proposes, and the keys to work down the queue."""
    from indexer.enrich.taxonomy import CATEGORY_IDS, THEME_IDS
    from indexer.analytics import palette

    client = create_app(index_copy, access=Access(public=True, allow_edits=True)).server.test_client()
    page = client.get("/review").text
    entries = page.split('<li class="review-item')[1:]
    assert entries, "the sample's queue is not empty"
    entry = entries[0]
    item_id = re.search(r'data-item="([^"]+)"', entry).group(1)
    assert f'href="/?view=item&amp;id={item_id}"' in entry
    assert re.search(r'<div class="review-text[^>]*>.*<mark>[^<]+</mark>', entry, re.S)
    options = re.findall(r'<option value="([^"]+)"[^>]*>([^<]+)</option>', entry)
    assert [v for v, _ in options] == list(CATEGORY_IDS)
    assert [html.unescape(t) for _, t in options] == [palette.category_label(c) for c in CATEGORY_IDS]
    boxes = re.findall(r'<input class="form-check-input" type="checkbox" name="themes" id="theme-[^"]+" value="([^"]+)"', entry)
    assert boxes == list(THEME_IDS)
    assert all(f'>{html.escape(palette.theme_label(t))}</label>' in entry for t in THEME_IDS)
    assert '<th scope="col">Current</th><th scope="col">Proposed</th>' in entry
    close = [m for m in re.findall(r"<li>category: a close second, ([^<]+)</li>", page)]
    assert close and not any("_" in c for c in close), close  # category names, not ids
    assert 'src="/assets/review-keys.js"' in page
    assert client.get("/assets/review-keys.js").status_code == 200
    assert "review-keys" not in client.get("/").text  # the dashboard page does not load it


def test_the_marked_text_stays_escaped():
    from dashboard.office.review_page import marked_paragraphs

    out = marked_paragraphs("The <b>Xylophone</b> Society met.\n\nA <script>x</script> line.", ("Xylophone Society", "script"))
    # a tag between two words of a mark breaks it: text is never joined across markup
    assert str(out) == ("<p>The &lt;b&gt;Xylophone&lt;/b&gt; Society met.</p>"
                        "<p>A &lt;<mark>script</mark>&gt;x&lt;/<mark>script</mark>&gt; line.</p>")


def test_ticked_theme_boxes_are_the_item_themes():
    from werkzeug.datastructures import MultiDict

    was = [("was_category", "event"), ("category", "event"), ("was_themes", "women\nchildren"), ("action", "save")]
    same = MultiDict([*was, ("themes", "children"), ("themes", "women")])  # the boxes come in the page's order
    assert decision_from_form(same) == ({}, False)
    fewer = MultiDict([*was, ("themes", "children")])
    assert decision_from_form(fewer) == ({"themes": ["children"]}, False)
    none = MultiDict(was)  # every box unticked: no themes at all
    assert decision_from_form(none) == ({"themes": []}, False)
