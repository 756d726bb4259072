"""The real December 2024 bulletin splits into exactly its 19 items."""
from __future__ import annotations

from datetime import date

import pytest

from indexer.parse.links import URL_RE
from indexer.parse import parse_file

# (headline, first words of the body, last words of the body, link), read off the bulletin.
EXPECTED = [
    ("The next monitoring visit was conducted within the Ombudsman’s National Preventive Mechanism",
     "The next monitoring", "the interviewed persons.", "https://bit.ly/4h0PC6B"),
    ("The Ombudsman took part in the events organized in honor of the International Day of Persons with Disabilities",
     "The Commissioner for", "after F. Kocharli.", "https://bit.ly/4g5Rzx5"),
    ("The Chief of Staff of the Ombudsman Office participated in the International Ombudsman Summit held in Hong Kong",
     "Aydin Safikhanli, Head", "and good practices.", "https://bit.ly/4h48LUY"),
    ("An awareness-raising event for civil society organizations was held in the Ombudsman Office",
     "At the initiative", "within the Office.", "https://bit.ly/40ERI66"),
    ("The presentation of the OIC IPHRC Report on Azerbaijan was held",
     "The Ombudsman Office", "rights and freedoms.", "https://bit.ly/4g0C2Pa"),
    ("An event dedicated to International Human Rights Day has been organized",
     "The Ombudsman Office", "by the states.", "https://bit.ly/4jm8MFv"),
    ("Ministry of Emergencies and the Ombudsman Institution jointly organized a conference “Great Leader "
     "Heydar Aliyev and Human Rights Reforms in Azerbaijan”",
     "The Ministry of", "of emergency situations.", "https://bit.ly/4jr7pVQ"),
    ("A Working Group on Mental Health and Human Rights has been established under the Ombudsman",
     "In the Ombudsman", "and practical perspectives.", "https://bit.ly/4as2lNd"),
    ("The Ombudsman of Azerbaijan and the Asian Ombudsman Association have jointly organized an "
     "awareness-raising event on business and human rights",
     "At the initiative", "and transnational companies.", "https://bit.ly/40hegZe"),
    ("Ensuring the repatriation and rights of our citizens is in focus of the Ombudsman",
     "The Ombudsman keeps", "to our country.", "https://bit.ly/3EgfmwY"),
    ("The Ombudsman Office and the ICRC organized a joint seminar",
     "The Ombudsman Office", "missing persons, etc.", "https://bit.ly/42npjmv"),
    ("Monitoring visits were carried out to institutions in the Nakhchivan Autonomous Republic within "
     "the framework of the Ombudsman's National Preventive Mechanism",
     "By instructions of", "for irregular migrants.", "https://bit.ly/3PHqXaS"),
    ("The Ombudsman visited the social service institution for the elderly",
     "The Commissioner for", "treated with sensitivity.", "https://bit.ly/4hnX4rU"),
    ("Ombudsman Office employees visited the Juvenile Penitentiary Institution",
     "The Ombudsman of", "upcoming New Year.", "https://bit.ly/40HqnR5"),
    ("The Ombudsmen of Kazakhstan and Azerbaijan have created a Working Group on the plane crash",
     "The Ombudsman of", "of necessary information.", "https://bit.ly/4h0RVqh"),
    ("The Ombudsmen’s Working Group on the Plane Crash Continues its Work",
     "As reported, a", "of Kyrgyzstan, respectively.", "https://bit.ly/3PGE3p9"),
    ("An event on the protection of children's rights was held at the Ombudsman Office with the "
     "participation of local executive authorities",
     "On December 27,", "the event online.", "https://bit.ly/4h2rsIC"),
    ("The Ombudsman Office and the Academy of Public Administration signed a MoU",
     "The Ombudsman Office", "of human rights.", "https://bit.ly/3E5lPuU"),
    ("The Ombudsman visited those, injured as a result of the plane crash",
     "The Human Rights", "needs and concerns.", "https://bit.ly/42FAuHx"),
]
PAGE_BREAK_LINKS = ("https://bit.ly/40ERI66", "https://bit.ly/4g0C2Pa", "https://bit.ly/4jm8MFv")


@pytest.fixture(scope="module")
def parsed(seed_path):
    return parse_file(seed_path)


def test_period_is_december_2024(parsed):
    assert (parsed.period.start, parsed.period.end) == (date(2024, 12, 1), date(2024, 12, 31))


def test_exactly_nineteen_items_in_order(parsed):
    assert [item.title for item in parsed.items] == [e[0] for e in EXPECTED]


@pytest.mark.parametrize("n", range(len(EXPECTED)))
def test_item_body_edges_and_link(parsed, n):
    title, first, last, link = EXPECTED[n]
    item = parsed.items[n]
    assert item.title == title
    assert item.body.startswith(first)
    assert item.body.endswith(last)
    assert item.links == (link,)


def test_no_body_holds_a_link_or_the_link_phrase(parsed):
    for item in parsed.items:
        assert not URL_RE.search(item.body), item.title
        assert "further information" not in item.body.lower(), item.title


def test_page_break_link_block_is_dropped_not_glued(parsed):
    after_block = parsed.items[6]
    assert after_block.title.startswith("Ministry of Emergencies")
    for link in PAGE_BREAK_LINKS:
        assert sum(link in item.links for item in parsed.items) == 1


def test_item_fields_follow_the_contract(parsed, seed_path):
    for item in parsed.items:
        assert item.source == str(seed_path)
        assert item.date == date(2024, 12, 1) and item.date_precision == "month"
        assert item.title == " ".join(item.title.split())
        assert all(p == " ".join(p.split()) and p for p in item.body.split("\n\n"))
        assert item.category == "" and item.partners == ()


def test_hyphenated_compound_across_lines_keeps_its_hyphen(parsed):
    assert "fact-finding mission report" in parsed.items[4].body


def test_hyphens_inside_a_line_stay(parsed):
    assert "3rd December- International Day" in parsed.items[1].body
    assert "Pre-Trial Detention Facility" in parsed.items[0].body


def test_source_quotes_and_typos_are_kept(parsed):
    bodies = " ".join(item.body for item in parsed.items)
    assert "“Kashalata”" in bodies and "autsim" in bodies and "Comissioner" in bodies
    assert "Azerbaijan,Sabina Aliyeva" in bodies


def test_paragraphs_are_recovered(parsed):
    first = parsed.items[0].body.split("\n\n")
    assert len(first) == 2
    assert first[1].startswith("In the course of the visit")


def test_ids_are_unique_and_stable(parsed, seed_path):
    again = parse_file(seed_path)
    assert [i.id for i in again.items] == [i.id for i in parsed.items]
    assert len({i.id for i in parsed.items}) == 19
    assert all(i.id.startswith("202412-") for i in parsed.items)


def test_an_edit_to_one_item_leaves_the_other_ids(parsed, seed_path, tmp_path):
    text = seed_path.read_text(encoding="utf-8")
    edited = tmp_path / "edited.txt"
    edited.write_text(text.replace("autsim", "autism"), encoding="utf-8")
    changed = parse_file(edited)
    diff = [a.id != b.id for a, b in zip(parsed.items, changed.items)]
    assert diff == [n == 1 for n in range(19)]
