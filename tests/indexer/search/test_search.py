"""Searching the index of the sample corpus (and the real seed bulletin when ../shared has it)."""
from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pytest

from indexer.search import QueryError, SearchRequest

FACET_COLUMNS = {"category": "category", "year": "year", "theme": "themes", "partner": "partners", "place": "places"}


@pytest.fixture(scope="module")
def parsed_frame(sample_txt_dir, seed_if_present) -> pd.DataFrame:
    """Every item as `bulletins parse --jsonl` prints it: the independent count."""
    proc = subprocess.run([sys.executable, "-m", "indexer.cli", "parse", str(sample_txt_dir), *map(str, seed_if_present), "--jsonl"],
                          capture_output=True, text=True, check=True)
    frame = pd.DataFrame([json.loads(line) for line in proc.stdout.splitlines()])
    frame["year"] = frame["date"].str[:4]
    return frame


def _facet_counts(frame: pd.DataFrame, facet: str) -> dict[str, int]:
    column = frame[FACET_COLUMNS[facet]]
    exploded = column.explode().dropna() if facet in ("theme", "partner", "place") else column
    return {str(k): int(v) for k, v in exploded.value_counts().items()}


def _select(frame: pd.DataFrame, filters: dict[str, tuple[str, ...]], skip: str | None = None) -> pd.DataFrame:
    keep = pd.Series(True, index=frame.index)
    for facet, values in filters.items():
        if facet == skip:
            continue
        column = frame[FACET_COLUMNS[facet]]
        if facet in ("theme", "partner", "place"):
            keep &= column.apply(lambda vs: any(v in vs for v in values))
        else:
            keep &= column.isin(values)
    return frame[keep]


def test_the_index_holds_every_item_once(search_index, parsed_frame):
    assert search_index.size == len(parsed_frame) == parsed_frame["id"].nunique()


def test_icrc_finds_the_icrc_seminar(search_index, seed_path):  # a real item of the seed
    result = search_index.search(SearchRequest("ICRC"))
    titles = [h.item.title for h in result.hits]
    assert "The Ombudsman Office and the ICRC organized a joint seminar" in titles
    top = search_index.search(SearchRequest("ICRC seminar")).hits[0]
    assert top.item.title == "The Ombudsman Office and the ICRC organized a joint seminar"
    assert any(f.hit and f.text == "ICRC" for f in top.snippet)


def test_category_query_counts_equal_the_parsed_items(search_index, parsed_frame):
    result = search_index.search(SearchRequest("category:monitoring_visit"))
    assert result.total == int((parsed_frame["category"] == "monitoring_visit").sum()) > 50


def test_phrase_query(search_index, parsed_frame):
    result = search_index.search(SearchRequest('"penitentiary institution"', per_page=100))
    text = (parsed_frame["title"] + " " + parsed_frame["body"]).str.lower()
    assert result.total == int(text.str.contains("penitentiary institution").sum()) >= 3
    loose = search_index.search(SearchRequest("penitentiary institution", per_page=100))
    assert loose.total >= result.total


@pytest.mark.parametrize("typo, word", [("monitring", "monitoring"), ("humanitrian", "humanitarian")])
def test_a_misspelling_gets_a_suggestion_and_its_fuzzy_form_finds_the_word(search_index, typo, word):
    assert search_index.search(SearchRequest(f'"{typo}"')).total == 0  # the typo is in no item
    exact = search_index.search(SearchRequest(word, per_page=100))
    assert exact.total > 0
    result = search_index.search(SearchRequest(typo))
    # The suggestion is the commonest indexed word of the intended word's stem ("monitors"
    # for "monitring" when the items say "monitors" more often): it finds the same items.
    assert result.suggestion and result.total < exact.total
    assert search_index.search(SearchRequest(result.suggestion)).total == exact.total, result.suggestion
    _, with_word = search_index.matching_table(SearchRequest(word))
    _, with_fuzzy = search_index.matching_table(SearchRequest(f"{typo}~"))
    assert with_word.sum() == exact.total and not (with_word & ~with_fuzzy).any()  # every item of the word


@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"category": ("monitoring_visit",)},
        {"partner": ("International Committee of the Red Cross", "United Nations Children's Fund")},
        {"year": ("2023", "2024"), "theme": ("children",)},
        {"category": ("event", "awareness"), "place": ("Baku",), "year": ("2022",)},
    ],
)
def test_facet_counts_equal_pandas_counts(search_index, parsed_frame, filters):
    result = search_index.search(SearchRequest("", filters=filters))
    assert result.total == len(_select(parsed_frame, filters))
    for facet in FACET_COLUMNS:
        expected = _facet_counts(_select(parsed_frame, filters, skip=facet), facet)
        assert result.facets[facet] == expected, facet


def test_facet_counts_under_a_text_query(search_index, parsed_frame):
    ids = _all_ids(search_index, "rights")
    frame = parsed_frame[parsed_frame["id"].isin(ids)]
    filters = {"category": ("event", "meeting")}
    result = search_index.search(SearchRequest("rights", filters=filters))
    assert result.total == len(_select(frame, filters))
    for facet in FACET_COLUMNS:
        assert result.facets[facet] == _facet_counts(_select(frame, filters, skip=facet), facet), facet


def _all_ids(index, text: str) -> set[str]:
    ids, page = set(), 1
    while True:
        result = index.search(SearchRequest(text, sort="newest", page=page, per_page=100))
        ids |= {h.item.id for h in result.hits}
        if len(ids) >= result.total or not result.hits:
            return ids
        page += 1


def test_partner_filter_accepts_an_acronym(search_index):
    by_name = search_index.search(SearchRequest("", filters={"partner": ("International Committee of the Red Cross",)}))
    by_acronym = search_index.search(SearchRequest("", filters={"partner": ("ICRC",)}))
    assert by_name.total == by_acronym.total > 0


def test_empty_query_lists_everything_newest_first(search_index):
    result = search_index.search(SearchRequest(""))
    assert result.total == search_index.size
    dates = [h.item.date for h in result.hits]
    assert dates == sorted(dates, reverse=True)
    oldest = search_index.search(SearchRequest("", sort="oldest")).hits[0].item.date
    assert oldest <= dates[-1]


def test_paging_covers_each_hit_once(search_index):
    seen = [h.item.id for p in (1, 2, 3) for h in search_index.search(SearchRequest("visit", page=p, per_page=7)).hits]
    assert len(seen) == len(set(seen)) == 21


def test_date_range_and_field_queries(search_index, parsed_frame):
    ranged = search_index.search(SearchRequest("date:[2024-01-01 to 2024-03-31]"))
    in_range = parsed_frame["date"].between("2024-01-01", "2024-03-31")
    assert ranged.total == int(in_range.sum()) > 0
    assert search_index.search(SearchRequest("year:2024")).total == int((parsed_frame["year"] == "2024").sum())


def test_similar_items(search_index):
    seminar = search_index.search(SearchRequest("ICRC")).hits[0].item
    similar = search_index.similar(seminar.id)
    assert similar and seminar.id not in {i.id for i in similar}


@pytest.mark.parametrize("text", ["*", "a*", "AND OR", "date:[foo to bar]", "x" * 600, " OR ".join(f"word{n}" for n in range(50))])
def test_bad_queries_answer_with_a_message(search_index, text):
    with pytest.raises(QueryError) as exc:
        search_index.search(SearchRequest(text))
    assert str(exc.value) and "\n" not in str(exc.value)


@pytest.mark.parametrize("text", ['title:(', '"unclosed', "NOT", "\x00ICRC", "partner:", "((a OR b"])
def test_garbage_is_read_leniently(search_index, text):
    try:
        search_index.search(SearchRequest(text))
    except QueryError as exc:
        assert str(exc)
