"""The JSON API: the contract's shapes, 400 for bad parameters, never a 500 on user input."""
from __future__ import annotations

import random
import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.web.app import create_app
from indexer.search import QueryError, SearchRequest


@pytest.fixture(scope="module")
def client(built_index, search_index):
    app = create_app(built_index, search_index.aliases)
    return app.server.test_client()


def test_search_answers_the_contract(client):
    # two partners (OR) of the items about visits, the commonest in this corpus's index
    facet = client.get("/api/search?q=visit").get_json()["facets"]["partner"]
    two = sorted(facet, key=lambda name: (-facet[name], name))[:2]
    body = client.get("/api/search", query_string=[("q", "visit"), *(("partner", p) for p in two),
                                                  ("per_page", "5")]).get_json()
    assert set(body) >= {"total", "page", "per_page", "hits", "facets", "suggestion"}
    assert set(body["facets"]) >= {"category", "theme", "partner", "place", "year"}
    assert body["total"] >= len(body["hits"]) > 0 and body["per_page"] == 5
    hit = body["hits"][0]
    assert {"id", "title", "body", "category", "partners", "snippet"} <= set(hit)
    assert all(set(f) == {"text", "hit"} for f in hit["snippet"])


def test_search_equals_the_search_function(client, search_index):
    body = client.get("/api/search?q=visit&category=monitoring_visit&year=2023&sort=date").get_json()
    direct = search_index.search(SearchRequest("visit", {"category": ("monitoring_visit",), "year": ("2023",)}, sort="newest"))
    assert body == direct.to_json()


def test_item_and_stats(client):
    first = client.get("/api/search?q=ICRC").get_json()["hits"][0]
    item = client.get(f"/api/items/{first['id']}").get_json()
    assert item["title"] == first["title"] and isinstance(item["similar"], list)
    assert client.get("/api/items/nothing-here").status_code == 404
    stats = client.get("/api/stats?by=category&year=2024").get_json()
    assert stats["total"] == sum(stats["counts"].values())
    months = client.get("/api/stats?by=month&year=2023").get_json()["counts"]
    assert list(months) == [f"2023-{m:02d}" for m in range(1, 13)]


@pytest.mark.parametrize("query", [
    "page=0", "page=x", "per_page=1000", "sort=sideways", "year=24", "from=2024-02-30",
    "from=2024-05-01&to=2024-01-01", "q=date:[foo%20to%20bar]", "q=*", "by=zzz", "q=" + "x" * 600,
])
def test_bad_parameters_answer_400_with_a_message(client, query):
    url = "/api/stats?" + query if query.startswith("by=") else "/api/search?" + query
    response = client.get(url)
    assert response.status_code == 400
    assert response.get_json()["error"]


ALPHABET = string.ascii_letters + string.digits + ' "()[]{}*~:^+-!?&|\\/\'.,<>=\x00éə'
WORDS = ["ICRC", "visit", "AND", "OR", "NOT", "category:", "partner:", "date:", "year:", "[", "]", "to",
         "TO", "~", "*", '"', "(", ")", "2024", "2024-01-01", "rights", "children", "theme:children", "^2"]


def _random_query(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 40)))
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 8))).replace(": ", ":")


def test_a_thousand_random_queries_never_break(client, search_index):
    rng = random.Random(7)
    answered = refused = 0
    for _ in range(1000):
        text = _random_query(rng)
        try:
            search_index.search(SearchRequest(text))
            answered += 1
        except QueryError:
            refused += 1
        response = client.get("/api/search", query_string={"q": text, "page": rng.choice(["1", "2", "x"])})
        assert response.status_code in (200, 400), (text, response.status_code)
    assert answered > 300  # most garbage is read leniently


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dictionaries(st.sampled_from(["q", "category", "theme", "partner", "place", "year", "from", "to",
                                         "sort", "page", "per_page", "by"]), st.text(max_size=30), max_size=6))
def test_any_parameters_never_give_a_500(client, params):
    for path in ("/api/search", "/api/stats"):
        assert client.get(path, query_string=params).status_code in (200, 400)


@pytest.mark.parametrize("path", ["/api/nothing", "/api/", "/api/items", "/api/search/extra", "/api/v2/search"])
def test_an_unknown_api_path_answers_404_json(client, path):
    response = client.get(path)
    assert response.status_code == 404 and response.is_json
    assert response.get_json()["error"].startswith("no such API path")
