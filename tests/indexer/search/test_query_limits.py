"""Every query is bounded: fuzzy edits capped at two, prefix and fuzzy terms expanded to a
bounded number of words, and a time budget after which the answer is a one-line reason."""
from __future__ import annotations

import shutil

import pytest

from indexer.search import QueryError, SearchIndex, SearchRequest
from indexer.search import engine, postings
from indexer.search.ingest import ingest

TYPOS = ("ombudsmen childern prisen visitt humann rigths seminer womenn detension healht traning "
         "conferance educaton migrnts disabilty reprt meating agrement statment victms").split()


@pytest.fixture(scope="module")
def index(sample_txt_dir, tmp_path_factory) -> SearchIndex:
    folder = tmp_path_factory.mktemp("limits")
    for path in sorted(sample_txt_dir.glob("bulletin-2024-*.txt")):
        shutil.copy(path, folder)
    root = folder / "index"
    assert ingest([folder], root).files_failed == 0
    return SearchIndex(root)


def test_more_than_two_edits_are_capped_and_the_answer_says_so(index):
    result = index.search(SearchRequest("abcdefghij~9"))
    assert result.notes == ("'abcdefghij~9': at most 2 edits; searched 'abcdefghij~2'",)
    assert result.to_json()["notes"] == list(result.notes)
    fuzzy = [n for n in engine._leaves(engine.parse_query(index.ix, "autsim~7").q) if hasattr(n, "maxdist")]
    assert fuzzy and all(n.maxdist == 2 for n in fuzzy)
    assert index.search(SearchRequest("autsim~7")).total >= index.search(SearchRequest("autism")).total > 0


def test_a_query_past_its_budget_answers_a_one_line_reason(index, monkeypatch):
    monkeypatch.setattr(engine, "QUERY_SECONDS", 0.0)
    with pytest.raises(engine.QueryTimeout) as raised:
        index.search(SearchRequest(" ".join(f"{w}~2" for w in TYPOS)))
    assert isinstance(raised.value, QueryError) and "\n" not in str(raised.value)
    assert "needs more than 0 s" in str(raised.value)


def test_twenty_fuzzy_words_are_answered_within_the_budget_or_refused(index):
    parsed = engine.parse_query(index.ix, " ".join(f"{w}~2" for w in TYPOS))
    assert parsed.deadline - engine.QUERY_SECONDS <= __import__("time").monotonic()
    snap, borrowed = index._open()
    with borrowed as searcher:
        try:
            engine.scored_matches(searcher, parsed, snap.postings)
        except engine.QueryTimeout:
            pass  # refused in one line: what a busy machine may answer; never an unbounded wait
    assert parsed.expanded and all(len(words) <= postings.MAX_EXPANSIONS for words in parsed.expanded.values())


def test_a_prefix_of_many_words_is_cut_to_the_commonest_and_said(index, monkeypatch):
    full = index.search(SearchRequest("co*"))
    monkeypatch.setattr(postings, "MAX_EXPANSIONS", 3)
    cut = SearchIndex(index.root.root).search(SearchRequest("co*"))  # a fresh cache of expansions
    assert [n for n in cut.notes if n.startswith("'co' stands for more words") and "searched the 3" in n]
    assert 0 < cut.total < full.total and not full.notes


@pytest.mark.parametrize("text", ["date:foo", "date:2024-13", "date:soon", "date:[2024-01-01 to banana]",
                                  "visit date:2024-02-30"])
def test_an_unreadable_date_answers_a_one_line_reason(index, text):
    with pytest.raises(QueryError) as raised:
        index.search(SearchRequest(text))
    message = str(raised.value)
    assert message.startswith("cannot read the date in 'date:") and "\n" not in message
    assert "invalid literal" not in message


def test_readable_dates_still_filter(index):
    march = index.search(SearchRequest("date:2024-03")).total
    assert 0 < march < index.search(SearchRequest("date:2024")).total
    assert index.search(SearchRequest("date:[2024-03-01 to 2024-03-31]")).total == march


def test_did_you_mean_stops_at_the_budget(index):
    snap, borrowed = index._open()
    with borrowed as searcher:
        parsed = engine.parse_query(index.ix, " ".join(TYPOS))
        assert engine.suggestion(searcher, parsed, snap.corrector)  # within the budget: corrected
        late = engine.ParsedQuery(parsed.text, parsed.q, deadline=0.0)
        assert engine.suggestion(searcher, late, snap.corrector) is None
    assert list(snap.corrector._suggestions("childern", 2, 0))
    token = engine._SUGGEST_BY.set(0.0)  # a budget spent while correcting the words before
    try:
        assert list(snap.corrector._suggestions("childern", 2, 0)) == []
    finally:
        engine._SUGGEST_BY.reset(token)
