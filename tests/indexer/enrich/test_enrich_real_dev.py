"""Labels on real text: `bulletins parse --jsonl` on the 55 real dev items, scored against
one annotator's labels (../shared/corpus/real-dev/labels.jsonl).

How each measure is defined (see real_dev.py for the code):
- category accepted: the item's category is one of `category_accepted`.
- partner recall: of all `partners_required` (over every item), the share found.
- partner precision: of all partners found, the share that is correct, i.e. in
  `partners_required` or `partners_allowed`; one in `partners_forbidden` or in no list at
  all is wrong. Two spellings of one organisation are one name when partners.toml
  resolves both to the same entry (or they differ only in case, punctuation or a
  trailing "(ACRONYM)").
- places recall: of all labelled `places`, the share found (places.toml aliases resolve).
- themes: each entry of `themes` is a list of acceptable ids, covered if any is found.
- activity date: `day`: dated that day with precision "day"; `not_day`: not dated to that
  (wrong) day; `month`: precision "month".
- headlines intact: a supplied headline is the title word for word; every body starts
  like a sentence; an item without a headline keeps all its words in the body.
"""
from __future__ import annotations

import os

import pytest

from . import real_dev


@pytest.fixture(scope="module")
def report() -> real_dev.Report:
    if not (real_dev.DEV / "labels.jsonl").is_file():
        if os.environ.get("CI"):
            pytest.fail(f"{real_dev.DEV} is missing in CI")
        pytest.skip(f"real dev set absent: {real_dev.DEV} (labels.jsonl) not found")
    result = real_dev.score()
    print("\n" + result.table())
    return result


@pytest.mark.parametrize("measure", sorted(real_dev.GOALS))
def test_dev_set_meets_the_goal(report, measure):
    figure = report.figures()[measure]
    assert figure >= real_dev.GOALS[measure], f"{measure} {figure:.2f} < {real_dev.GOALS[measure]}\n{report.table()}\n{report.misses()}"


def test_headlines_and_bodies_intact(report):
    assert report.headlines.right == report.headlines.total, report.headlines.misses


def test_explain_names_the_evidence_behind_every_label(report):
    """`bulletins explain` (the same `explain` text) on every dev item: a rule for the category
    and for each theme, a way for each partner, a source for each place and person, a reason
    for the date."""
    from indexer.enrich import Enricher
    from indexer.enrich.explain import explain
    from indexer.parse import parse_file

    enricher = Enricher()
    for path in sorted((real_dev.DEV / "bulletins").glob("*.txt")):
        analysis = enricher.analyse(parse_file(path).items[0])
        item, text = analysis.item, explain(analysis)
        hits = {(h.label, h.field) for h in (*analysis.category.hits, *analysis.themes.hits)}
        assert item.category == "other" or any(label == item.category for label, _ in hits), path.name
        assert all(t == "other" or any(label == t for label, _ in hits) for t in item.themes), path.name
        assert all(f"  {p}  [" in text and " via " in text for p in item.partners), path.name
        assert all(f"  {p}: " in text for p in (*item.places, *item.people)), (path.name, text)
        assert "(day: the text says" in text or "(month: no day" in text, path.name


def test_headlines_and_bodies_intact_on_the_second_batch():
    """The second real batch (labelled before the project ran on it): every headline kept word
    for word, every item without one keeping all its words in the body."""
    if not (real_dev.DEV2 / "labels.jsonl").is_file():
        if os.environ.get("CI"):
            pytest.fail(f"{real_dev.DEV2} is missing in CI")
        pytest.skip(f"second real dev batch absent: {real_dev.DEV2} (labels.jsonl) not found")
    result = real_dev.score(real_dev.DEV2)
    assert result.headlines.right == result.headlines.total, result.headlines.misses
