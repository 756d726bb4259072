""""Did you mean": the words of the indexed items, counted at ingest, and the suggestions."""
from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from indexer.search.index_dir import IndexDir
from indexer.search import SearchRequest
from indexer.search.spelling import Vocabulary, item_words


def test_item_words_are_distinct_lower_case_letters_only():
    record = {"title": "Ombudsman visits Baku", "body": "The ombudsman met 12 children; CHILDREN's rights, a-b."}
    assert item_words(record) == {"ombudsman", "visits", "baku", "the", "met", "children", "rights"}


def test_the_vocabulary_counts_items_and_survives_a_round_trip(tmp_path):
    records = [(0, {"title": "Children", "body": "children and children"}), (1, {"title": "Rights", "body": "children"})]
    words = Vocabulary()
    assert list(words.counting(records)) == records  # passed through untouched
    assert words.counts["children"] == 2 and words.counts["rights"] == 1 and words.counts["and"] == 1
    words.save(tmp_path)
    assert Vocabulary.load(tmp_path).counts == words.counts
    assert Vocabulary.load(tmp_path / "elsewhere") is None


def _letter_runs(text: str) -> set[str]:
    """Words as a reader counts them, written apart from the code under test: runs of
    letters of three or more, lower-cased (digits, apostrophes and hyphens split words)."""
    runs, current = set(), []
    for ch in text.lower() + " ":
        if ch.isalpha():
            current.append(ch)
            continue
        if len(current) >= 3:
            runs.add("".join(current))
        current = []
    return runs


def test_ingest_saves_the_words_of_every_live_item(built_index, search_index, parsed_items):
    words = Vocabulary.load(IndexDir(built_index).require_current())
    expected: dict[str, int] = {}
    for item in parsed_items:
        for w in _letter_runs(item["title"] + " " + item["body"]):
            expected[w] = expected.get(w, 0) + 1
    assert len(expected) > 1000 and dict(words.counts) == expected


@pytest.mark.parametrize("typo, fixed", [("educaton", "education"), ("monitring", "monitoring"), ("ombudsmn", "ombudsman"),
                                         ("chidlren rights", "children rights")])
def test_a_misspelt_word_is_corrected_to_an_indexed_one(search_index, typo, fixed):
    result = search_index.search(SearchRequest(typo))
    # The commonest indexed word of the intended word's stem ("monitors" for "monitring" when
    # the items say it more often than "monitoring"): it finds the intended word's items.
    assert result.total < 3 and result.suggestion
    found = search_index.search(SearchRequest(result.suggestion)).total
    assert found == search_index.search(SearchRequest(fixed)).total > result.total, result.suggestion


def test_a_word_that_is_indexed_is_never_corrected(search_index):
    for text in ("children xylophonia", "ombudsman AND xylophonia"):
        suggestion = search_index.search(SearchRequest(text)).suggestion
        assert suggestion is None or suggestion.split()[0] in ("children", "ombudsman")


@pytest.fixture(scope="module")
def parsed_items(sample_txt_dir, seed_if_present) -> list[dict]:
    """The indexed items as `bulletins parse --jsonl` prints them (the index holds the text twins)."""
    proc = subprocess.run([sys.executable, "-m", "indexer.cli", "parse", str(sample_txt_dir), *map(str, seed_if_present), "--jsonl"],
                          capture_output=True, text=True, check=True)
    return [json.loads(line) for line in proc.stdout.splitlines()]


def test_an_index_without_a_word_list_still_answers(sample_txt_dir, tmp_path):
    """An index written before the word list existed: searches work, suggestions come
    from Whoosh's own reading of the index or not at all, never an error."""
    from indexer.search.ingest import ingest
    from indexer.search import SearchIndex
    from indexer.search.spelling import FILE_NAME

    folder = tmp_path / "bulletins"
    folder.mkdir()
    for path in sorted(sample_txt_dir.glob("*.txt"))[:3]:
        (folder / path.name).write_bytes(path.read_bytes())
    root = tmp_path / "index"
    ingest([folder], root)
    (IndexDir(root).require_current() / FILE_NAME).unlink()
    index = SearchIndex(root)
    result = index.search(SearchRequest("monitring"))
    # without the word list Whoosh reads the index's own (stemmed) terms: a correction that
    # finds items, if a less readable one ("monitor")
    assert result.total == 0 and result.suggestion not in (None, "monitring")
    assert index.search(SearchRequest(result.suggestion)).total > 0
    assert index.search(SearchRequest("ombudsman")).total > 0
    ingest([folder], root, rebuild=True)  # with the word list back, the same typo is corrected
    again = SearchIndex(root)
    suggestion = again.search(SearchRequest("monitring")).suggestion
    # a word as the items print it (not a stem), of the same items as "monitoring"
    printed = {w for p in folder.glob("*.txt") for w in re.findall(r"[a-z]+", p.read_text(encoding="utf-8").lower())}
    assert suggestion in printed
    assert again.search(SearchRequest(suggestion)).total == again.search(SearchRequest("monitoring")).total
