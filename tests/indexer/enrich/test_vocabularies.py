"""The editable vocabularies: they load, and a bad file is named with its line."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from datetime import date
from pathlib import Path

import pytest

from indexer.enrich import Enricher, VocabularyError
from indexer.enrich.vocab import DATA_DIR
from indexer.item import Item, make_item_id


@pytest.fixture()
def data_copy(tmp_path: Path) -> Path:
    for name in ("taxonomy.toml", "partners.toml", "places.toml", "people.toml", "corrections.toml"):
        shutil.copy(DATA_DIR / name, tmp_path / name)
    return tmp_path


def _item(title: str, body: str) -> Item:
    start = date(2024, 3, 1)
    return Item(make_item_id(start, title, body), "t.txt", start, date(2024, 3, 31), start, "month", title, body)


def test_shipped_vocabularies_load():
    enricher = Enricher()
    assert {c.id for c in enricher.taxonomy.categories} >= {"monitoring_visit", "event", "cooperation"}
    assert len(enricher.partners.partners) > 100 and len(enricher.places.places) > 100


def test_every_term_set_of_the_taxonomy_is_used_by_a_rule():
    # A set no rule names (@set) looks to staff like vocabulary that counts, and is dead.
    text = (DATA_DIR / "taxonomy.toml").read_text(encoding="utf-8")
    sets = tomllib.loads(text)["sets"]
    assert [name for name in sets if f'"@{name}"' not in text] == []


def test_aliases_and_acronyms_give_one_canonical_partner():
    enricher = Enricher()
    a = enricher.enrich(_item("The ICRC and the Ombudsman met", "The ICRC delegation visited the Office."))
    b = enricher.enrich(_item("Seminar with the International Committee of the Red Cross", "Held in Baku."))
    assert a.partners == b.partners == ("International Committee of the Red Cross",)
    lower = enricher.enrich(_item("A talk on icrc history", "No organisation here."))
    assert lower.partners == ()  # acronyms match only as written


@pytest.mark.parametrize(
    "name, old, new, expected",
    [
        ("partners.toml", 'type = "UN agency"', 'type = "UN body"', "type 'UN body' is not one of"),
        ("taxonomy.toml", 'id = "agreement"', 'id = "agreements"', "category id 'agreements' is not one of"),
        ("places.toml", 'kind = "city"', 'kind = "town"', "kind 'town' is not one of"),
        ("taxonomy.toml", "weight = 3\n", "weight = [\n", "not valid TOML"),
    ],
)
def test_a_bad_vocabulary_names_file_and_line(data_copy, name, old, new, expected):
    path = data_copy / name
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(VocabularyError) as exc:
        Enricher(data_copy)
    message = str(exc.value)
    assert message.startswith(f"{path}:") and expected in message
    line = int(message.split(":")[1])
    assert 0 < line <= text.count("\n") + 1 and "\n" not in message


def test_corrections_override_and_survive_reparsing(data_copy, seed_path):
    from indexer.parse import parse_file

    target = parse_file(seed_path).items[10]
    (data_copy / "corrections.toml").write_text(
        f'[[correction]]\nid = "{target.id}"\ncategory = "cooperation"\n'
        'partners = ["International Committee of the Red Cross", "Baku State University"]\nnote = "test"\n',
        encoding="utf-8",
    )
    enricher = Enricher(data_copy)
    for _ in range(2):  # a re-ingest parses again and gets the same id, so the same override
        item = next(i for i in parse_file(seed_path).items if i.id == target.id)
        fixed = enricher.enrich(item)
        assert fixed.category == "cooperation"
        assert fixed.partners == ("International Committee of the Red Cross", "Baku State University")


def test_a_bad_correction_is_named(data_copy):
    (data_copy / "corrections.toml").write_text('[[correction]]\nid = "x"\ncategory = "party"\n', encoding="utf-8")
    with pytest.raises(VocabularyError, match=r"corrections.toml:1: .*category 'party'"):
        Enricher(data_copy)


def test_cli_reports_a_bad_vocabulary_in_one_line(data_copy, seed_path):
    path = data_copy / "partners.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('type = "UN agency"', 'type = "?"', 1), encoding="utf-8")
    env = {**os.environ, "BULLETINS_DATA": str(data_copy)}
    proc = subprocess.run([sys.executable, "-m", "indexer.cli", "parse", str(seed_path)],
                          capture_output=True, text=True, env=env)
    assert proc.returncode == 1
    assert proc.stderr.strip().count("\n") == 0 and "partners.toml:" in proc.stderr and "Traceback" not in proc.stderr
