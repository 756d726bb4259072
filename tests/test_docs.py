"""The documents a newcomer reads point at what exists: README's links, and docs/contracts.md
covering every command, option, API parameter and answer key the code has."""
from __future__ import annotations

import argparse
import re
from datetime import date
from pathlib import Path

from indexer.cli import build_parser
from indexer.item import ITEM_FIELDS, Item
from indexer.search import FILTERS, SearchRequest
from indexer.search.searching import SearchResult

ROOT = Path(__file__).resolve().parents[1]
CONTRACTS = (ROOT / "docs" / "contracts.md").read_text(encoding="utf-8")


def test_readme_links_and_docs_paths_exist():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    targets = re.findall(r"\]\(((?:docs|data|tests|bench)/[^)#\s]+)\)", readme)
    mentions = re.findall(r"`(docs/[\w./-]+)`", readme)
    assert "docs/contracts.md" in targets
    for path in targets + mentions:
        assert (ROOT / path).exists(), path


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_every_command_and_option_is_in_the_contract():
    for name, parser in _subcommands().items():
        assert f"`bulletins {name}" in CONTRACTS, name
        for action in parser._actions:
            for option in action.option_strings:
                if option.startswith("--") and option != "--help":
                    assert option in CONTRACTS, f"bulletins {name} {option}"


def test_every_item_field_and_api_answer_key_is_in_the_contract():
    for field in ITEM_FIELDS:
        assert f"`{field}`" in CONTRACTS, field
    item = Item(id="202401-0000000000", source="x.txt", period_start=date(2024, 1, 1), period_end=date(2024, 1, 31),
                date=date(2024, 1, 1), date_precision="month", title="T", body="B")
    from indexer.search.searching import Hit

    answer = SearchResult(SearchRequest("x"), 1, (Hit(item, 1.0, (), ()),), {}, None).to_json()
    for key in (*answer, *answer["hits"][0]):
        assert f"`{key}`" in CONTRACTS or f'"{key}"' in CONTRACTS, key


def test_every_api_search_parameter_is_in_the_contract():
    # dashboard.web.api.request_from_args reads one parameter per filter, and these
    for parameter in (*FILTERS, "q", "from", "to", "sort", "page", "per_page"):
        assert f"{parameter}=" in CONTRACTS, parameter
