"""Names in no vocabulary found by their shape: bodies after a role or a date, towns and
districts named as such. The sentences and names are invented for this test."""
from __future__ import annotations

import pytest

from indexer.enrich import Enricher
from indexer.enrich.orgs import find_organisations


@pytest.fixture(scope="module")
def places():
    return Enricher().places


@pytest.mark.parametrize("text, name", [
    ("The Executive Director of the Narinabad Foundation for Mediation spoke first.",
     "Narinabad Foundation for Mediation"),
    ("On 3 February the Association of Rural Teachers of Tuldere signed the plan.",
     "Association of Rural Teachers of Tuldere"),
    ("In November the Institute for Civic Literacy Studies joined the project.",
     "Institute for Civic Literacy Studies"),
])
def test_a_role_or_a_date_before_a_body_is_not_its_name(text, name):
    assert [o.name for o in find_organisations(text)] == [name]


@pytest.mark.parametrize("text, town", [
    ("A reception was held in the town of Yalanabad.", "Yalanabad"),
    ("In Dashbuyurd district, residents met the staff.", "Dashbuyurd"),
    ("Families from Sarikend district came to the meeting.", "Sarikend"),
    ("The seminar took place in the city of Quenport.", "Quenport"),
])
def test_towns_and_districts_named_as_such_are_places(places, text, town):
    assert places.villages(text) == [town]


@pytest.mark.parametrize("text", [
    "They walked through the Old town and the Central district.",  # English words
    "Ganja city of Azerbaijan hosted the event.",  # the home country
    "Staff visited Tovuz district.",  # listed: the gazetteer's, not the pattern's
])
def test_words_and_listed_places_are_not_read_as_new_towns(places, text):
    assert places.villages(text) == []


def test_a_listed_partners_name_is_no_person():
    from datetime import date

    from indexer.item import Item, make_item_id

    start = date(2024, 3, 1)
    title = "Memorandum signed with the Wafaqi Mohtasib"
    body = "The Head of the Office and the Wafaqi Mohtasib signed a memorandum on cooperation."
    item = Item(make_item_id(start, title, body), "t.txt", start, date(2024, 3, 31), start, "month", title, body)
    enriched = Enricher().enrich(item)
    assert enriched.people == () and "Ombudsman of Pakistan" in enriched.partners
