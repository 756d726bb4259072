"""The text rules: link lines, broken words, paragraphs and headline breaks."""
from __future__ import annotations

from datetime import date

from indexer.parse.bulletin import build_items
from indexer.parse.headline import HeadlineColumn, headline_size
from indexer.parse.links import is_bare_links, split_link_phrase
from indexer.parse.paragraphs import join_lines
from indexer.parse.lines import Line
from indexer.parse.period import Period
from indexer.parse.split import RawItem, SplitResult, split_bulletin

NONE: frozenset[str] = frozenset()


def test_link_phrase_variants():
    assert split_link_phrase("For the further information see the link https://bit.ly/abc") == ("", ["https://bit.ly/abc"])
    assert split_link_phrase("For more information, please visit the link: https://x.org/a.") == ("", ["https://x.org/a"])
    assert split_link_phrase("held online. For further information see the link") == ("held online.", [])
    assert split_link_phrase("For further information see the annual report of 2023") is None
    assert split_link_phrase("The Ombudsman visited the school") is None


def test_bare_link_lines():
    assert is_bare_links("https://bit.ly/40ERI66")
    assert is_bare_links("https://bit.ly/a  https://bit.ly/b")
    assert not is_bare_links("see https://bit.ly/a")
    assert not is_bare_links("no links here")


def test_broken_words_are_rejoined_and_compounds_keep_hyphen():
    assert join_lines(["the organi-", "zation of"], NONE, NONE) == "the organization of"
    assert join_lines(["a fact-", "finding mission"], NONE, NONE) == "a fact-finding mission"
    assert join_lines(["a pre-", "trial facility"], NONE, NONE) == "a pre-trial facility"
    assert join_lines(["the Baku Pre-", "Trial Detention Facility"], NONE, NONE) == "the Baku Pre-Trial Detention Facility"
    assert join_lines(["awareness-raising  event"], NONE, NONE) == "awareness-raising event"


def test_the_bulletin_own_usage_decides_a_broken_word():
    # The bulletin writes "co-operation" elsewhere, so it keeps its hyphen here.
    assert join_lines(["co-", "operation"], NONE, frozenset({"co-operation"})) == "co-operation"
    assert join_lines(["co-", "operation"], NONE, NONE) == "cooperation"


def test_headline_breaks_on_short_line_not_on_capitalised_continuation():
    texts = [
        "Monitoring visits were carried out to institutions in the Nakhchivan",
        "Autonomous Republic within the framework of the Ombudsman's",
        "National Preventive Mechanism",
        "By instructions of the Ombudsman of Azerbaijan, Sabina Aliyeva, members",
        "of the National Preventive Group visited institutions in the region.",
    ]
    assert headline_size(texts, HeadlineColumn(330, True)) == 3


def test_headline_never_ends_inside_an_open_quote():
    texts = [
        "The Ombudsman opened a conference “Human Rights and",
        "Digital Technologies”",
        "The conference was held in Baku with the participation of experts.",
    ]
    assert headline_size(texts, HeadlineColumn(250, True)) == 2


def _lines(text: str) -> list[Line]:
    return [Line(t) for t in text.splitlines() if t.strip()]


def test_single_paragraph_bulletin_with_blank_lines_as_paragraph_marks():
    text = """This issue covered the period March 2023.
The Ombudsman met students
The Ombudsman met students of the university in Ganja.
***
A second item
Its body is here.
"""
    result = split_bulletin(_lines(text))
    assert [i.title for i in result.items] == ["The Ombudsman met students", "A second item"]
    assert result.items[1].body == "Its body is here."


def test_items_that_differ_only_in_spacing_or_case_get_two_ids():
    one = RawItem("Visit to a school", "The staff met the pupils.", ())
    spaced = RawItem("Visit to a  school", "the staff met the pupils.", ())
    result = SplitResult(None, "", (one, spaced, one), 2)
    ids = [i.id for i in build_items("x.txt", Period(date(2024, 3, 1), date(2024, 3, 31), "March 2024"), result)]
    assert len(set(ids)) == 3, ids
