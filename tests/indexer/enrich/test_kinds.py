"""Rules for kinds of text (issue 22), each on invented sentences of its kind: a rule holds for
the kind, not for the one item it was first seen in."""
from __future__ import annotations

import pytest

from indexer.enrich import Enricher
from indexer.enrich.orgs import find_organisations, is_generic_plural
from indexer.enrich.spelling import spelling_key


@pytest.fixture(scope="module")
def enricher() -> Enricher:
    return Enricher()


def _partners(enricher: Enricher, text: str) -> list[str]:
    return [p.name for p in enricher._partners(text, {})]  # noqa: SLF001 - the step under test


@pytest.mark.parametrize("text", [
    "The Ombudsman spoke about the UN Sustainable Development Goals at a school in Baku.",
    "The training covered UNICEF's guidelines on child-friendly justice.",
    "The Ombudsman presented the Office's work in line with SPT recommendations.",
    "The seminar discussed the Convention of the Council of Europe on violence against women.",
    "The day was proclaimed by the UN General Assembly in 2011, the Ombudsman recalled.",
    "Two staff members of the Ministry of Emergency Situations were killed when a mine exploded.",
    "She added that the State Commission under the Cabinet of Ministers had been set up last year.",
])
def test_a_body_named_only_in_passing_is_no_partner(enricher, text):
    assert _partners(enricher, text) == []


def test_the_same_body_acting_with_the_office_is_a_partner(enricher):
    assert _partners(enricher, "The Ombudsman met representatives of UNICEF in Baku.") == ["United Nations Children's Fund"]
    assert _partners(enricher, "The Ombudsman and the Council of Europe held a seminar on violence against women.") == \
        ["Council of Europe"]


@pytest.mark.parametrize("text, body", [
    ("The Ombudsman received the Italian ambassador to Azerbaijan.", "Embassy of Italy in Azerbaijan"),
    ("Officials of the Georgian embassy visited the Office.", "Embassy of Georgia in Azerbaijan"),
    ("The Ambassador of Japan met the Ombudsman.", "Embassy of Japan in Azerbaijan"),
])
def test_a_persons_office_stands_for_its_body(enricher, text, body):
    found = {p.name: p for p in enricher._partners(text, {})}  # noqa: SLF001
    assert body in found and found[body].type == "diplomatic mission"


def test_an_ombudsmans_counterpart_is_that_countrys_ombudsman_and_the_home_ambassador_no_partner(enricher):
    assert _partners(enricher, "The Ombudsman and her Kazakh counterpart signed a memorandum.") == \
        [enricher.partners.ombudsman_of("Kazakhstan") or "Ombudsman of Kazakhstan"]
    assert _partners(enricher, "The Azerbaijani ambassador to Austria attended the session.") == []
    assert _partners(enricher, "The Italian ambassador to the Eastern Partnership spoke.") == []


def test_a_list_of_ombudsmen_holds_any_number_of_members_with_of_inside(enricher):
    text = ("A group of the ombudsmen of the Republic of Azerbaijan, the Republic of Uzbekistan, Georgia, "
            "and the Chechen Republic of the Russian Federation met.")
    names = _partners(enricher, text)
    assert len(names) == 3 and not any("Azerbaijan" in n for n in names)


def test_spellings_of_one_home_place_share_a_key_and_the_list_finds_them(enricher):
    assert spelling_key("Zəngilan") == spelling_key("Zengilan") == spelling_key("Zangilan")
    assert spelling_key("Şamaxı") == spelling_key("Shemakha") == spelling_key("Shamakhi")
    assert spelling_key("Xaçmaz") == spelling_key("Khachmaz")
    assert spelling_key("Ganja") != spelling_key("Guba")
    found = enricher.places.find("Visits to Zəngilan, Şamaxı and Xaçmaz; the International Conference")
    assert found == ["Zangilan", "Shamakhi", "Khachmaz"]


def test_coordinated_villages_are_each_a_place(enricher):
    text = "The group visited the Ashaghi Yemishli, Yukhari Garkhun, and Dashbulag villages of the district."
    assert {"Ashaghi Yemishli", "Yukhari Garkhun", "Dashbulag"} <= set(enricher.places.villages(text))


def test_a_class_of_bodies_is_no_body_and_with_joins_a_units_name():
    assert is_generic_plural("National Human Rights Institutions")
    assert not is_generic_plural("Association of the Turkic States")
    assert not is_generic_plural("Asian Ombudsman Association")
    names = [o.name for o in find_organisations("Head of the Department for Cooperation with International "
                                                "Organizations at the Office spoke.")]
    assert not any(n.startswith("International") for n in names), names  # not cut at "with"


def test_a_body_not_listed_takes_its_type_from_its_name(enricher):
    assert enricher.partners.type_by_shape("Khazar University") == ("academic", "University")
    assert enricher.partners.type_by_shape("Legal Aid Public Union") == ("civil society", "Public Union")
    assert enricher.partners.type_by_shape("Embassy of Peru in Azerbaijan")[0] == "diplomatic mission"
    assert enricher.partners.type_by_shape("Xylophone Trust")[0] == "unknown"
    types = enricher.partner_types()
    assert types.get("Khazar University", "unknown") == "academic" and types.get("Xylophone Trust", "unknown") == "unknown"
