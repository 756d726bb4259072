"""The test suite's own promises to a newcomer: a run without Chromium says in one line how
many browser tests it skipped and how to install it."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

CONFTEST = Path(__file__).with_name("conftest.py")
TESTS = '''
import pytest

def test_needs_a_browser():
    pytest.skip("Chromium is missing: apt-get install chromium")

def test_needs_playwright():
    pytest.skip("Playwright is missing: pip install 'playwright>=1.45'")

def test_needs_the_seed():
    pytest.skip("seed bulletin is missing")

def test_runs():
    pass
'''


def test_a_run_without_chromium_counts_the_skipped_browser_tests_in_one_line(tmp_path):
    (tmp_path / "conftest.py").write_text(CONFTEST.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "test_some.py").write_text(TESTS, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],
                          cwd=tmp_path, capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    lines = [line for line in proc.stdout.splitlines() if "browser test" in line]
    assert lines == ["2 browser tests skipped: Chromium is missing; install it with `sudo apt-get install chromium` "
                     "(and `pip install -e '.[test]'` for Playwright), then run make test again"]
    assert "1 passed, 3 skipped" in proc.stdout
