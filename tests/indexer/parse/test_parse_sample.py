"""The generated sample corpus parses back to the items it was written from."""
from __future__ import annotations

import json
from collections import defaultdict

import pytest

from indexer.parse import parse_file


@pytest.fixture(scope="module")
def truth(sample_dir):
    by_file = defaultdict(list)
    for line in (sample_dir / "truth.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        by_file[record["file"]].append(record)
    return by_file


def _compare(sample_dir, truth, suffix):
    titles = links = total = 0
    mismatches = []
    for stem, records in sorted(truth.items()):
        items = parse_file(sample_dir / f"{stem}{suffix}").items
        if len(items) != len(records):
            mismatches.append(f"{stem}: {len(items)} items, truth has {len(records)}")
        for item, record in zip(items, records):
            total += 1
            titles += item.title == record["title"]
            links += list(item.links) == record["links"]
            if item.title != record["title"]:
                mismatches.append(f"{stem}: got {item.title!r}\n    want {record['title']!r}")
            if list(item.links) != record["links"]:
                mismatches.append(f"{stem}: links {item.links} want {record['links']}")
    return titles, links, total, mismatches


def test_text_files_match_the_truth(sample_dir, truth):
    titles, links, total, mismatches = _compare(sample_dir, truth, ".txt")
    print("\n".join(mismatches))
    assert total == sum(len(r) for r in truth.values()) > 1000
    assert titles >= 0.99 * total, "\n".join(mismatches)
    assert links == total, "\n".join(mismatches)


def test_ids_and_bodies_match_the_truth(sample_dir, truth):
    stem = sorted(truth)[-1]
    items = parse_file(sample_dir / f"{stem}.txt").items
    assert [i.id for i in items] == [r["id"] for r in truth[stem]]
    # Words must match exactly; where a paragraph ends is a judgement of layout.
    assert [" ".join(i.body.split()) for i in items] == [" ".join(r["body"].split()) for r in truth[stem]]


@pytest.mark.parametrize("which", [0, 5, -1])
def test_pdf_and_text_of_a_bulletin_give_the_same_items(sample_dir, truth, which):
    stem = sorted(truth)[which]
    from_pdf = parse_file(sample_dir / f"{stem}.pdf").items
    from_txt = parse_file(sample_dir / f"{stem}.txt").items
    assert [(i.id, i.title, i.links) for i in from_pdf] == [(i.id, i.title, i.links) for i in from_txt]
