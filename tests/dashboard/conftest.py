"""A small index for the dashboard's tests: 12 generated months (seed 3) plus one
hand-written bulletin whose item carries script and image tags in its text."""
from __future__ import annotations

import json
import logging
import os
import re
import shutil
import threading
from pathlib import Path
from urllib.parse import urlencode

import pytest

CHROMIUM = os.environ.get("BULLETINS_CHROMIUM", "/usr/bin/chromium")  # Debian's; another path by env
INSTALL_CHROMIUM = "apt-get install chromium"
MISSING = "browser test skipped, Chromium is missing"  # the skip reason's start, counted below
BROWSER_TIMEOUT = 15_000  # ms, for every action and expect() of the browser tests: CI is busy
CSRF = re.compile(r'name="csrf" value="([^"]+)"')

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


# --------------------------------------------------------------------------- signing in


def sign_in(client, name: str, password: str, *, base: str = "", next_path: str | None = "/", **options):
    """Sign in through the form as a browser does (its CSRF token, a same-site Origin); the
    answer to the POST. `client` is a Flask test client (base "") or a requests.Session
    (base: the server's URL; options such as allow_redirects=False, timeout=60)."""
    timeout = {"timeout": options["timeout"]} if "timeout" in options else {}
    token = CSRF.search(client.get(base + "/login", **timeout).text).group(1)
    form = {"name": name, "password": password, "csrf": token}
    if next_path is not None:
        form["next"] = next_path
    return client.post(base + "/login", data=form, headers={"Origin": base or "http://localhost"}, **options)


def sign_in_page(page, url: str, name: str, password: str, path: str = "/") -> None:
    """In the browser: open `path`, which sends to the sign-in form, and fill it in."""
    page.goto(url + path)
    page.wait_for_url(re.compile(r"/login\?next="))
    page.fill("#name", name)
    page.fill("#password", password)
    page.click("button[type=submit]")


# --------------------------------------------------------------------------- browser tests


@pytest.fixture(scope="module")
def chromium_browser():
    """Chromium driven by Playwright, or a skip saying what to install (a failure in CI)."""
    path = chromium_path()
    if not path:
        browser_unavailable("Chromium is missing")
    try:
        from playwright.sync_api import expect, sync_playwright
    except ImportError:
        browser_unavailable("Playwright is missing: pip install 'playwright>=1.45'")
    expect.set_options(timeout=BROWSER_TIMEOUT)  # every expect waits as long as actions do: CI is busy
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"])
        yield b
        b.close()


@pytest.fixture(scope="module")
def app_url(dash_index_root, dash_aliases):
    """The open (read-only, no sign-in) app over the small index, served from a thread."""
    from werkzeug.serving import make_server

    from dashboard.web.app import create_app

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    app = create_app(dash_index_root, dash_aliases)
    server = make_server("127.0.0.1", 0, app.server, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    thread.join(5)


@pytest.fixture
def ui(chromium_browser):
    """A fresh page at 1440x1000 that takes downloads and records (then dismisses) dialogs."""
    context = chromium_browser.new_context(viewport={"width": 1440, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(BROWSER_TIMEOUT)
    page.dialogs = []
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    yield page
    context.close()


def api(page, app_url, **params) -> dict:
    query = urlencode([(k, v) for k, vs in params.items() for v in (vs if isinstance(vs, list) else [vs])])
    return json.loads(page.request.get(f"{app_url}api/search?{query}").text())


def expect_total(page, n: int):
    from playwright.sync_api import expect

    expect(page.locator("#total")).to_have_text(f"{n:,} item{'s' if n != 1 else ''}", timeout=BROWSER_TIMEOUT)


def axe_problems(page) -> list[str]:
    """One line per serious or critical axe-core violation on the page as it is."""
    try:
        from axe_playwright_python.sync_playwright import Axe
    except ImportError:
        pytest.skip("axe-playwright-python is missing: pip install 'axe-playwright-python>=0.1.4'")
    violations = Axe().run(page).response["violations"]
    return [f"{v['impact']} {v['id']}: {v['nodes'][0]['target']} {v['help']}"
            for v in violations if v["impact"] in ("serious", "critical")]
