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


@pytest.fixture(scope="session")
def sample_txt_dir(sample_dir, tmp_path_factory) -> Path:
    """The sample's text files only (the PDFs are the same bulletins)."""
    out = tmp_path_factory.mktemp("sample_txt")
    for path in sample_dir.glob("*.txt"):
        (out / path.name).write_bytes(path.read_bytes())
    return out


@pytest.fixture(scope="session")
def built_index(sample_dir, seed_path, tmp_path_factory) -> Path:
    """An index of the whole sample corpus (PDF and text) and the real seed bulletin."""
    from indexer.search.ingest import ingest

    root = tmp_path_factory.mktemp("index")
    report = ingest([sample_dir, seed_path], root)
    assert report.files_failed == 0, report.errors
    return root


@pytest.fixture(scope="session")
def search_index(built_index):
    from indexer.commands.common import open_index

    index = open_index(built_index)
    assert index is not None
    return index
