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
