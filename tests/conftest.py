"""Shared fixtures: the real seed bulletin (from ../shared) and a generated sample corpus.

Only tests that read the real seed text take `seed_path` and skip without it (fail in CI).
Everything else runs on the generated sample: the index of `built_index` is the sample's,
with the seed added when it is there, so search, API, report and dashboard tests run on a
fresh clone too. `BULLETINS_SHARED=/some/folder` points at another copy of ../shared; set it
to a missing folder to see what a newcomer's clone runs.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("BULLETINS_SHARED") or ROOT.parent / "shared")
SEED = SHARED / "seeds" / "000_a096751e98680ec5.txt"


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
def seed_if_present() -> list[Path]:
    """The seed bulletin as a list of one path when ../shared has it, else empty."""
    return [SEED] if SEED.is_file() else []


@pytest.fixture(scope="session")
def built_index(sample_dir, seed_if_present, tmp_path_factory) -> Path:
    """An index of the whole sample corpus (PDF and text), and the real seed bulletin when
    it is there (tests about the seed's own items also take `seed_path`)."""
    from indexer.search.ingest import ingest

    root = tmp_path_factory.mktemp("index")
    report = ingest([sample_dir, *seed_if_present], root)
    assert report.files_failed == 0, report.errors
    return root


@pytest.fixture(scope="session")
def search_index(built_index):
    from indexer.commands.common import open_index

    index = open_index(built_index)
    assert index is not None
    return index


# --------------------------------------------------------------------------- browser tests

INSTALL_CHROMIUM = "apt-get install chromium"


@pytest.fixture(scope="session")
def chromium() -> None:
    """Tests that render figures in Chromium (kaleido) skip without it, and fail in CI."""
    import shutil

    if shutil.which("chromium") is None and not Path("/usr/bin/chromium").exists():
        if os.environ.get("CI"):
            pytest.fail(f"Chromium is missing in CI: {INSTALL_CHROMIUM}")
        pytest.skip(f"Chromium is missing: {INSTALL_CHROMIUM}")


def _skip_reason(report) -> str:
    longrepr = report.longrepr
    return str(longrepr[2]) if isinstance(longrepr, tuple) and len(longrepr) == 3 else str(longrepr)


def browser_skips(reports) -> int:
    """How many skipped tests needed a browser (their reason names Chromium or Playwright)."""
    return sum(1 for r in reports if any(w in _skip_reason(r).casefold() for w in ("chromium", "playwright")))


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """One line a newcomer cannot miss when browser tests did not run (CI fails them instead)."""
    skipped = browser_skips(terminalreporter.stats.get("skipped", []))
    if skipped:
        terminalreporter.write_line(
            f"{skipped} browser test{'s' if skipped != 1 else ''} skipped: Chromium is missing; install it with "
            f"`sudo {INSTALL_CHROMIUM}` (and `pip install -e '.[test]'` for Playwright), then run make test again",
            yellow=True, bold=True)


@pytest.fixture()
def data_env(tmp_path: Path, monkeypatch) -> Path:
    """A copy of the vocabularies (data/*.toml) that enrichment reads ($BULLETINS_DATA), for
    tests that write corrections or aliases: the project's own files are never changed."""
    import shutil

    from indexer.enrich.vocab import DATA_DIR

    out = tmp_path / "data"
    out.mkdir()
    for path in DATA_DIR.glob("*.toml"):
        shutil.copy(path, out / path.name)
    monkeypatch.setenv("BULLETINS_DATA", str(out))
    return out
