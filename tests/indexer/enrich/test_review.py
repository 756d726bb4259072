"""The review queue and staff decisions in corrections.toml (no browser)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from indexer.enrich import Enricher, VocabularyError
from indexer.enrich.corrections import load_corrections, save_correction
from indexer.enrich.explain import explain
from indexer.enrich.review import doubts, review_queue
from indexer.enrich.vocab import DATA_DIR
from indexer.parse import parse_file


@pytest.fixture()
def data_copy(tmp_path: Path) -> Path:
    for name in ("taxonomy.toml", "partners.toml", "places.toml", "people.toml", "corrections.toml"):
        shutil.copy(DATA_DIR / name, tmp_path / name)
    return tmp_path


@pytest.fixture(scope="module")
def sample_items(sample_txt_dir):
    return [i for path in sorted(sample_txt_dir.glob("*.txt"))[:12] for i in parse_file(path).items]


def test_queue_puts_doubtful_items_first_with_their_evidence(sample_items):
    enricher = Enricher()
    analysed = [enricher.analyse(i) for i in sample_items]
    queue = review_queue(analysed)
    assert queue, "the sample has items with doubts"
    weights = [entry.weight for entry in queue]
    assert weights == sorted(weights, reverse=True)
    doubtful = {e.item.id for e in analysed if doubts(e)}
    assert {entry.item.id for entry in queue} == doubtful
    first = queue[0]
    assert first.evidence.startswith(first.item.id) and "category:" in first.evidence
    close = [e for e in analysed if any(d.reason.startswith("category: a close second") for d in doubts(e))]
    for e in close:  # a close second is within a quarter of the winner's score
        top, second = sorted((s for s in e.category.scores.values() if s > 0), reverse=True)[:2]
        assert (top - second) / top <= 0.25


def test_saved_correction_applies_and_explain_says_staff(data_copy, sample_items):
    item = sample_items[0]
    enricher = Enricher(data_copy)
    before = enricher.analyse(item)
    new = "event" if before.item.category != "event" else "meeting"
    save_correction(item.id, {"category": new, "places": ["Ganja"], "date": item.period_end.isoformat()},
                    path=data_copy / "corrections.toml", note="checked")
    after = Enricher(data_copy).analyse(item)
    assert after.item.category == new and after.item.places == ("Ganja",)
    assert after.item.date == item.period_end and after.item.date_precision == "day"
    text = explain(after)
    assert f"category: corrected by staff: {new} (checked)" in text
    assert item.id not in {e.item.id for e in review_queue([after])}


def test_saving_again_replaces_and_keeps_the_rest_of_the_file(data_copy, sample_items):
    path = data_copy / "corrections.toml"
    comments = path.read_text(encoding="utf-8")
    a, b = sample_items[0].id, sample_items[1].id
    save_correction(a, {"category": "event"}, path=path)
    save_correction(b, {}, accepted=True, path=path)
    save_correction(a, {"themes": ["disability"]}, path=path)
    loaded = load_corrections(path)
    assert loaded[a].changes == {"themes": ("disability",)}
    assert loaded[b].accepted and loaded[b].changes == {}
    assert path.read_text(encoding="utf-8").startswith(comments.rstrip("\n"))


@pytest.mark.parametrize("changes, reason", [
    ({"category": "party"}, "category 'party'"),
    ({"themes": ["nonsense"]}, "unknown theme"),
    ({"date": "2024-13-40"}, "is not a day"),
    ({"colour": "red"}, "unknown field"),
    ({}, "changes nothing"),
])
def test_a_bad_decision_is_refused_in_one_line_and_the_file_kept(data_copy, changes, reason):
    path = data_copy / "corrections.toml"
    before = path.read_text(encoding="utf-8")
    with pytest.raises(VocabularyError, match=reason) as info:
        save_correction("202401-0123456789", changes, path=path)
    assert "\n" not in str(info.value)
    assert path.read_text(encoding="utf-8") == before
    assert not list(data_copy.glob(".corrections-*"))


def test_a_found_name_becomes_an_alias_of_a_known_partner(data_copy):
    from indexer.enrich.aliases import add_alias
    from indexer.enrich.partners import load_partners
    from indexer.item import Item, make_item_id
    from datetime import date

    path = data_copy / "partners.toml"
    title, body = "The Ombudsman met the Kharkiv Friends of Children Union", "They discussed children's rights."
    start = date(2024, 3, 1)
    item = Item(make_item_id(start, title, body), "t.txt", start, date(2024, 3, 31), start, "month", title, body)
    found = [p for p in Enricher(data_copy).analyse(item).partners if p.how.startswith("pattern:")]
    assert found, "the pattern finds the union"
    unicef = "United Nations Children's Fund"
    add_alias(unicef, found[0].name, path)
    assert found[0].name in load_partners(path).by_name[unicef].aliases
    assert unicef in Enricher(data_copy).analyse(item).item.partners
    before = path.read_text(encoding="utf-8")
    with pytest.raises(VocabularyError, match="already names the partner 'United Nations Children's Fund'"):
        add_alias("International Committee of the Red Cross", found[0].name, path)
    with pytest.raises(VocabularyError, match="no partner named 'Nobody'"):
        add_alias("Nobody", "Somebody Else", path)
    assert path.read_text(encoding="utf-8") == before


def test_an_alias_is_added_whatever_form_the_aliases_take(tmp_path):
    from indexer.enrich.aliases import add_alias
    from indexer.enrich.partners import load_partners

    path = tmp_path / "partners.toml"
    path.write_text('# kept\n[[partner]]\nname = "Alpha Body"\ntype = "other"\n\n'
                    '[[partner]]\nname = "Beta Body"\naliases = []\ntype = "other"\n\n'
                    '[[partner]]\nname = "Gamma Body"\naliases = [\n  "Gamma Old",\n]\ntype = "other"\n', encoding="utf-8")
    for name in ("Alpha Body", "Beta Body", "Gamma Body"):
        add_alias(name, f"{name.split()[0]} \"New\" Union", path)
    book = load_partners(path)
    assert book.by_name["Alpha Body"].aliases == ('Alpha "New" Union',)
    assert book.by_name["Beta Body"].aliases == ('Beta "New" Union',)
    assert book.by_name["Gamma Body"].aliases == ('Gamma "New" Union', "Gamma Old")
    assert path.read_text(encoding="utf-8").startswith("# kept\n")


def test_a_folder_that_cannot_be_written_is_one_line(data_copy):
    blocked = data_copy / "not-a-folder"
    blocked.write_text("", encoding="utf-8")  # a file where the folder should be (works as root too)
    with pytest.raises(VocabularyError, match="cannot write") as info:
        save_correction("202401-0123456789", {"category": "event"}, path=blocked / "corrections.toml")
    assert "\n" not in str(info.value)


def test_decisions_saved_at_once_are_all_kept(data_copy, sample_items):
    from concurrent.futures import ThreadPoolExecutor

    path = data_copy / "corrections.toml"
    ids = [i.id for i in sample_items[:16]]
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda i: save_correction(i, {"category": "event"}, path=path), ids))
    assert set(ids) <= set(load_corrections(path))


def test_an_alias_that_cannot_be_written_is_said_and_a_file_keeps_its_mode(tmp_path):
    from indexer.enrich.aliases import add_alias
    from indexer.enrich.partners import load_partners

    path = tmp_path / "partners.toml"
    path.write_text("[[partner]]\nname = 'Delta Body'\ntype = \"other\"\n", encoding="utf-8")  # a TOML literal string
    path.chmod(0o644)
    with pytest.raises(VocabularyError, match="could not add 'Delta Union' to 'Delta Body'"):
        add_alias("Delta Body", "Delta Union", path)
    path.write_text('[[partner]]\nname = "Delta Body"\ntype = "other"\n', encoding="utf-8")
    add_alias("Delta Body", "Delta Union", path)
    assert load_partners(path).by_name["Delta Body"].aliases == ("Delta Union",)
    assert path.stat().st_mode & 0o777 == 0o644  # other users (an ingest from cron) can still read it
