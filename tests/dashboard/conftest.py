"""A small index for the dashboard's tests: 12 generated months (seed 3) plus one
hand-written bulletin whose item carries script and image tags in its text."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("BULLETINS_CHROMIUM", "/usr/bin/chromium")  # Debian's; another path by env
INSTALL_CHROMIUM = "apt-get install chromium"
MISSING = "browser test skipped, Chromium is missing"  # the skip reason's start, counted below

MALICIOUS_TITLE = "Xylophone delegation <script>alert(1)</script> met <img src=x onerror=alert(1)> the Ombudsman"
MALICIOUS_BODY = ("A xylophone delegation visited the Office. <script>alert(1)</script> The guests brought "
                  "<img src=x onerror=alert(1)> a letter about the rights of children.")
MALICIOUS_BULLETIN = f"""This issue of the Information Bulletin of the Commissioner for Human Rights (Ombudsman) of the Republic
of Azerbaijan covered the period March 01-31, 2023.

{MALICIOUS_TITLE}
{MALICIOUS_BODY}
The meeting discussed cooperation in the field of human rights.
For the further information see the link https://bit.ly/3xSsXyz

***

The Ombudsman received a delegation of the Xylophone Society
The Ombudsman received representatives of the Xylophone Society in Baku. The parties discussed
the protection of the rights of persons with disabilities and future joint projects.
For the further information see the link https://bit.ly/3xSsXy2
"""


@pytest.fixture(scope="session")
def dash_corpus(tmp_path_factory) -> Path:
    from indexer.sample import generate_corpus

    out = tmp_path_factory.mktemp("dash_corpus")
    generate_corpus(out, months=12, seed=3)
    for pdf in out.glob("*.pdf"):  # the text files hold the same bulletins; PDFs only slow the build
        pdf.unlink()
    (out / "bulletin-2023-03-extra.txt").write_text(MALICIOUS_BULLETIN, encoding="utf-8")
    return out


@pytest.fixture(scope="session")
def dash_aliases() -> dict[str, str]:
    from indexer.enrich import Enricher

    return {form: p.name for p in Enricher().partners.partners for form in (*p.aliases, *p.acronyms)}


@pytest.fixture(scope="session")
def dash_index_root(dash_corpus, tmp_path_factory) -> Path:
    from indexer.search.ingest import ingest

    root = tmp_path_factory.mktemp("dash_index")
    report = ingest([dash_corpus], root, workers=1)
    assert report.files_failed == 0, report.errors
    return root


@pytest.fixture(scope="session")
def dash_index(dash_index_root, dash_aliases):
    from indexer.search import SearchIndex

    return SearchIndex(dash_index_root, dash_aliases)


def chromium_path() -> str | None:
    return CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")


def browser_unavailable(reason: str) -> None:
    """Skip a browser test saying what to install; in CI (CI set) fail instead, so a CI run
    cannot pass without its browser tests."""
    if os.environ.get("CI"):
        pytest.fail(f"browser tests cannot run in CI: {reason}")
    pytest.skip(f"{MISSING}: {reason}" if "Chromium" not in reason else f"{MISSING}: {INSTALL_CHROMIUM}")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Every browser test skipped for want of Chromium reported at one place, so pytest's
    summary folds them into one line: "SKIPPED [N] ...: apt-get install chromium"."""
    outcome = yield
    report = outcome.get_result()
    if report.skipped and isinstance(report.longrepr, tuple) and report.longrepr[2].startswith(f"Skipped: {MISSING}"):
        report.longrepr = (__file__, browser_unavailable.__code__.co_firstlineno, report.longrepr[2])
