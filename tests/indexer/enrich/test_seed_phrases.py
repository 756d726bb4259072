"""Every rule phrase that matches the real seed bulletin is general vocabulary: it also occurs
in the real dev items, or `seed_phrases.toml` says why it is general (issue 14)."""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from indexer.enrich.taxonomy import load_taxonomy
from indexer.enrich.text import Tokens

REASONS = tomllib.loads((Path(__file__).with_name("seed_phrases.toml")).read_text("utf-8"))["reasons"]


@pytest.fixture(scope="module")
def phrases_only_in_the_seed(seed_path: Path) -> set[str]:
    dev = sorted((seed_path.parents[1] / "corpus" / "real-dev" / "bulletins").glob("*.txt"))
    if not dev:
        pytest.skip("the real dev items are missing (expected in ../shared/corpus/real-dev)")
    seed = Tokens.of(seed_path.read_text(encoding="utf-8"))
    dev_tokens = [Tokens.of(p.read_text(encoding="utf-8")) for p in dev]
    terms = {t.text: t for t in load_taxonomy().terms()}
    return {text for text, term in terms.items()
            if term.find(seed) and not any(term.find(d) for d in dev_tokens)}


def test_every_rule_phrase_matching_only_the_seed_has_a_reason(phrases_only_in_the_seed):
    unexplained = sorted(phrases_only_in_the_seed - REASONS.keys())
    assert not unexplained, f"rule phrases found in the seed and no dev item, with no reason: {unexplained}"


def test_every_reason_is_for_a_phrase_that_still_needs_one(phrases_only_in_the_seed):
    stale = sorted(REASONS.keys() - phrases_only_in_the_seed)
    assert not stale, f"seed_phrases.toml lists phrases that no longer match only the seed: {stale}"
