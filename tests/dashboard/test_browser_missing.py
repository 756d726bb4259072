"""Without Chromium the browser tests skip with one reason naming the install command, and
in CI they fail instead (a CI run cannot pass without them)."""
from __future__ import annotations

import pytest

from .conftest import INSTALL_CHROMIUM, MISSING, browser_unavailable


def test_without_chromium_a_browser_test_skips_naming_the_install(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception) as skipped:
        browser_unavailable("Chromium is missing")
    assert str(skipped.value) == f"{MISSING}: {INSTALL_CHROMIUM}"


def test_in_ci_a_missing_browser_fails(monkeypatch):
    monkeypatch.setenv("CI", "1")
    with pytest.raises(pytest.fail.Exception, match="cannot run in CI"):
        browser_unavailable("Chromium is missing")
