"""People are a search facet: only officials and public figures, never private individuals.

The sentences are written for this test (invented names), in the shapes real items use.
"""
from __future__ import annotations

import pytest

from indexer.enrich import Enricher


@pytest.fixture(scope="module")
def people():
    return Enricher().people


@pytest.mark.parametrize("text", [
    "Several accused persons, including Leyla Karimzade and Aysel Novruzova, were interviewed in private.",
    "As a result of the mine explosion, Kamran Huseynli (born in 1988) was injured.",
    "The detainee Orxan Valiyev complained about the food.",
    "The Head of the institution and the inmate Rauf Tagiyev were present.",
    "The complainant, Samir Rzayev, asked for help with his pension.",
])
def test_private_individuals_never_become_people(people, text):
    assert people.find(text) == []


@pytest.mark.parametrize("text, name", [
    ("She met the Ombudsman of Kazakhstan, Gulnara Temirova, in Astana.", "Gulnara Temirova"),
    ("Ambassador Tarlan Mirzayev attended the event.", "Tarlan Mirzayev"),
    ("Nuran Aliyeva, Head of the Regional Center, spoke about the rights of children.", "Nuran Aliyeva"),
    ("The office was represented by the staff members Mr. Elvin Safarov and Ms. Aytan Guliyeva.", "Elvin Safarov"),
])
def test_officials_are_people(people, text, name):
    assert name in people.find(text)


def test_common_nouns_in_capitals_are_not_people(people):
    text = "Members visited the Temporary Detention Isolator; detention conditions were examined."
    assert people.find(text) == []


@pytest.mark.parametrize("text", [
    "The event was held in cooperation with the Heydar Aliyev Foundation.",
    "NPM staff went to the Deportation Center for Irregular Migrants of the State Migration Service.",
])
def test_a_body_named_after_a_person_or_a_group_is_no_person(people, text):
    assert people.find(text) == []


def test_a_name_ending_the_headline_does_not_run_into_the_body(people):
    text = "Meeting held at the Office with Narmin Tapdigli\n\nNarmin Tapdigli, Deputy Director of the Institute, visited the Office."
    assert "Narmin Tapdigli" in people.find(text)
