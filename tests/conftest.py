"""Shared fixtures: the real seed bulletin (from ../shared) and a generated sample corpus."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seeds" / "000_a096751e98680ec5.txt"


def _missing(what: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{what} is missing in CI")
    pytest.skip(f"{what} is missing (expected next to the repository)")


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED.is_file():
        _missing(str(SEED))
    return SEED


@pytest.fixture(scope="session")
def sample_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The full generated corpus (72 months, seed 1), written once per test session."""
    from indexer.sample import generate_corpus

    out = tmp_path_factory.mktemp("sample")
    generate_corpus(out, months=72, seed=1)
    return out
