"""The dashboard as a browser meets it: page weight and time to results, in headless Chromium.

    PYTHONPATH=. .venv/bin/python bench/browser_bench.py [--items 1000] [--keep DIR] [--runs 5] [--no-results]

Builds (or reuses with --keep) the generated sample corpus of about `--items` items and its
index, serves the dashboard from a subprocess (werkzeug, threaded, 127.0.0.1) and drives Debian's
Chromium (/usr/bin/chromium) with Playwright. Each run opens a fresh page, so nothing is cached
by the browser; per action it reports the median over `--runs` runs of:

- load: bytes the Search page fetches until its first results show, and the time to them;
- query: a query typed and Enter pressed, to the new total shown;
- facet: a category ticked after the query, to the new total shown; and ticked on the page with
  no query nor filter (the answer with the most facet values);
- trends: on Trends, a category ticked, to the key numbers updated, all six figures redrawn
  (each Plotly draw counted as its promise resolves) and no request left in flight; with the JSON
  the callbacks sent back for it;
- item: a result's headline clicked, to the item's headline shown.

Times are wall-clock in the test process (Python <-> Playwright's driver adds a few ms each, and
waiting for every trailing request adds more). The facet tick and the Trends change are also
timed inside the page ("in the browser" rows): performance.now() from the click, made in the
page, to the frame in which the new total shows, or the key numbers and all six figures are
drawn. The machine may be shared: the load average is printed beside the figures and kept in
results.md.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

BENCH = Path(__file__).resolve().parent
for path in (BENCH.parent, BENCH):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from search_bench import corpus, machine_line, workdir  # noqa: E402

RESULTS = BENCH / "results.md"
CHROMIUM = "/usr/bin/chromium"
TIMEOUT = 60_000  # ms
QUERY = "children"
CATEGORY = "event"
SERVER = """
import logging, sys
from pathlib import Path
from werkzeug.serving import make_server
from dashboard.web.app import create_app
from indexer.enrich import Enricher
aliases = {f: p.name for p in Enricher().partners.partners for f in (*p.aliases, *p.acronyms)}
logging.getLogger("werkzeug").setLevel(logging.ERROR)
server = make_server("127.0.0.1", 0, create_app(Path(sys.argv[1]), aliases).server, threaded=True)
print(server.server_port, flush=True)
server.serve_forever()
"""


@dataclass
class Figures:
    """Per action, one value per run."""
    seconds: dict[str, list[float]] = field(default_factory=dict)
    bytes: dict[str, list[int]] = field(default_factory=dict)

    decoded: dict[str, list[int]] = field(default_factory=dict)

    def add(self, action: str, seconds: float, size: int, decoded: int = 0) -> None:
        self.seconds.setdefault(action, []).append(seconds)
        self.bytes.setdefault(action, []).append(size)
        self.decoded.setdefault(action, []).append(decoded)


class Traffic:
    """Bytes received per response and the requests still in flight, for one page."""

    def __init__(self, page) -> None:
        self.total, self.json, self.inflight, self.decoded = 0, 0, 0, 0
        self.shown = 0.0  # seconds from the action to its condition, before trailing requests
        page.add_init_script("performance.setResourceTimingBufferSize(100000)")
        page.on("request", self._started)
        page.on("requestfinished", self._finished)
        page.on("requestfailed", lambda r: self._done())

    def _started(self, _request) -> None:
        self.inflight += 1

    def _done(self) -> None:
        self.inflight -= 1

    def _finished(self, request) -> None:
        self._done()
        try:
            sizes = request.sizes()
        except Exception:  # noqa: BLE001 - a request the page dropped: nothing to count
            return
        size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
        self.total += size
        if "_dash-update-component" in request.url:
            self.json += sizes["responseBodySize"]

    def reset(self) -> None:
        self.total = self.json = 0


def start_server(index: Path) -> tuple[subprocess.Popen, str]:
    env = {**os.environ, "PYTHONPATH": str(BENCH.parent)}
    proc = subprocess.Popen([sys.executable, "-c", SERVER, str(index)], stdout=subprocess.PIPE, text=True, env=env)
    port = proc.stdout.readline().strip()
    if not port.isdigit():
        proc.kill()
        raise SystemExit("the dashboard server did not start")
    return proc, f"http://127.0.0.1:{port}/"


def settle(page, traffic: Traffic) -> None:
    """Wait until no request is in flight and the browser has painted twice."""
    while traffic.inflight > 0:
        page.wait_for_timeout(5)
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    while traffic.inflight > 0:
        page.wait_for_timeout(5)


DECODED_JSON = ("t => performance.getEntriesByType('resource').filter(r => r.startTime >= t && "
                "r.name.includes('_dash-update-component')).reduce((n, r) => n + r.decodedBodySize, 0)")


def timed(page, traffic: Traffic, act: Callable[[], None], done: str, arg=None) -> tuple[float, int, int]:
    """(seconds, bytes, JSON bytes) from `act` to the JS condition `done` true and the page settled;
    bytes as sent (gzipped); the JSON's size unzipped is kept in traffic.decoded."""
    traffic.reset()
    mark = page.evaluate("performance.now()") if page.url.startswith("http") else 0
    start = time.perf_counter()
    act()
    page.wait_for_function(done, arg=arg, timeout=TIMEOUT, polling="raf")
    traffic.shown = time.perf_counter() - start
    settle(page, traffic)
    seconds = time.perf_counter() - start
    traffic.decoded = page.evaluate(DECODED_JSON, mark)
    return seconds, traffic.total, traffic.json


# Counts the figures Plotly has drawn (a draw counts when its promise resolves), and times a
# click made in the page to the frame in which a condition holds. An init script runs whatever
# the page's CSP says; the conditions are functions here, as the CSP forbids evaluating strings.
INSTRUMENT = """
window.__bench = {drawn: 0,
  total: n => { const t = document.querySelector('#total'); return !!t && t.textContent === n; },
  trends: ([n, before]) => { const k = document.querySelector('.kn-value');
    return !!k && k.textContent === n && window.__bench.drawn >= before + 6; }};
(function () {
  let plotly;
  Object.defineProperty(window, 'Plotly', {configurable: true, get: () => plotly, set: value => {
    for (const name of ['react', 'newPlot']) {
      const draw = value[name];
      value[name] = function () {
        const out = draw.apply(this, arguments);
        Promise.resolve(out).then(() => { window.__bench.drawn += 1; });
        return out;
      };
    }
    plotly = value;
  }});
})();
"""
CLICK_IN_PAGE = """([selector, condition, arg]) => new Promise(resolve => {
  const check = window.__bench[condition], before = window.__bench.drawn, t0 = performance.now();
  const full = condition === 'trends' ? [arg, before] : arg;
  const frame = () => check(full) ? resolve(performance.now() - t0) : requestAnimationFrame(frame);
  document.querySelector(selector).click();
  requestAnimationFrame(frame);
})"""

TOTAL_IS = "n => { const t = document.querySelector('#total'); return t && t.textContent === n }"
FIRST_NUMBER_IS = "n => { const k = document.querySelector('.kn-value'); return k && k.textContent === n }"
GRAPHS_DRAWN = ("() => { const g = document.querySelectorAll('.js-plotly-plot'); return g.length === 6 && "
                "[...g].every(e => e.querySelector('.main-svg')) && window.__bench.drawn >= 6 && "
                "!document.querySelector('[data-dash-is-loading=true]') }")


def total_text(n: int) -> str:
    return f"{n:,} item{'s' if n != 1 else ''}"


def api_total(page, base: str, query: str) -> int:
    return page.request.get(f"{base}api/search?{query}").json()["total"]


def one_run(browser, base: str, figures: Figures) -> None:
    everything = api_total(browser_page := browser.new_page(), base, "")
    totals = {"everything": everything, "query": api_total(browser_page, base, f"q={QUERY}"),
              "facet": api_total(browser_page, base, f"q={QUERY}&category={CATEGORY}"),
              "trends": api_total(browser_page, base, f"category={CATEGORY}")}
    browser_page.close()
    search_run(browser, base, figures, totals)
    unfiltered_run(browser, base, figures, totals)
    trends_run(browser, base, figures, totals)


def search_run(browser, base: str, figures: Figures, totals: dict[str, int]) -> None:
    """Search: load, a query, a facet tick (also timed in the page), an item opened."""
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    page = context.new_page()
    traffic = Traffic(page)
    page.add_init_script(INSTRUMENT)
    figures.add("load", *timed(page, traffic, lambda: page.goto(base), TOTAL_IS, total_text(totals["everything"]))[:2])
    page.fill("#query", QUERY)
    seconds, _, json_bytes = timed(page, traffic, lambda: page.press("#query", "Enter"), TOTAL_IS,
                                   total_text(totals["query"]))
    figures.add("query", seconds, json_bytes, traffic.decoded)
    figures.add("query shown", traffic.shown, 0)
    box, in_page = f"#facet-card-category input[value='{CATEGORY}']", []
    page.locator(box).wait_for()
    tick = lambda: in_page.append(page.evaluate(CLICK_IN_PAGE, [box, "total", total_text(totals["facet"])]))  # noqa: E731
    seconds, _, json_bytes = timed(page, traffic, tick, TOTAL_IS, total_text(totals["facet"]))
    figures.add("facet", seconds, json_bytes, traffic.decoded)
    figures.add("facet in page", in_page[0] / 1000, 0)
    seconds, _, json_bytes = timed(page, traffic, lambda: page.locator(".result-title").first.click(),
                                   "() => !!document.querySelector('.item-title')")
    figures.add("item", seconds, json_bytes, traffic.decoded)
    context.close()


def unfiltered_run(browser, base: str, figures: Figures, totals: dict[str, int]) -> None:
    """Search: a facet ticked on the page with no query nor filter, where the answer carries
    the most facet values (also timed in the page)."""
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    page = context.new_page()
    traffic = Traffic(page)
    page.add_init_script(INSTRUMENT)
    timed(page, traffic, lambda: page.goto(base), TOTAL_IS, total_text(totals["everything"]))
    box, in_page, shown = f"#facet-card-category input[value='{CATEGORY}']", [], total_text(totals["trends"])
    tick = lambda: in_page.append(page.evaluate(CLICK_IN_PAGE, [box, "total", shown]))  # noqa: E731
    seconds, _, json_bytes = timed(page, traffic, tick, TOTAL_IS, shown)
    figures.add("unfiltered facet", seconds, json_bytes, traffic.decoded)
    figures.add("unfiltered facet in page", in_page[0] / 1000, 0)
    context.close()


def trends_run(browser, base: str, figures: Figures, totals: dict[str, int]) -> None:
    """Trends: load to all six figures drawn, then a facet tick (also timed in the page)."""
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    page = context.new_page()
    traffic = Traffic(page)
    page.add_init_script(INSTRUMENT)
    seconds, size, _ = timed(page, traffic, lambda: page.goto(base + "?view=trends"), GRAPHS_DRAWN)
    figures.add("trends load", seconds, size)
    page.wait_for_function(FIRST_NUMBER_IS, arg=f"{totals['everything']:,}", timeout=TIMEOUT)
    box, in_page, shown = f"#facet-card-category input[value='{CATEGORY}']", [], f"{totals['trends']:,}"
    tick = lambda: in_page.append(page.evaluate(CLICK_IN_PAGE, [box, "trends", shown]))  # noqa: E731
    done = f"() => ({FIRST_NUMBER_IS})('{shown}') && ({GRAPHS_DRAWN})()"
    seconds, _, json_bytes = timed(page, traffic, tick, done)
    figures.add("trends change", seconds, json_bytes, traffic.decoded)
    figures.add("trends change in page", in_page[0] / 1000, 0)
    context.close()


ROWS = (("load", "Search page load, to first results", "page weight"),
        ("query", f"query `{QUERY}` + Enter, to total shown", "JSON"),
        ("query shown", f"query `{QUERY}` + Enter, to total shown (trailing requests not waited for)", ""),
        ("facet", f"tick category `{CATEGORY}`, to total shown", "JSON"),
        ("unfiltered facet", f"tick category `{CATEGORY}` with no query nor filter, to total shown", "JSON"),
        ("item", "click first result, to item shown", "JSON"),
        ("trends load", "Trends page load, to all figures drawn", "page weight"),
        ("trends change", f"Trends: tick `{CATEGORY}`, to numbers and all six figures redrawn", "JSON"),
        ("facet in page", f"in the browser: tick `{CATEGORY}` on Search, to total shown", ""),
        ("unfiltered facet in page", f"in the browser: tick `{CATEGORY}` with no query nor filter, to total shown", ""),
        ("trends change in page", f"in the browser: tick `{CATEGORY}` on Trends, to all six figures drawn", ""))


def table(figures: Figures) -> str:
    lines = ["| action | median ms | max ms | bytes sent (median) | of | JSON unzipped |",
             "| --- | ---: | ---: | ---: | --- | ---: |"]
    for key, what, kind in ROWS:
        secs, sizes, decoded = figures.seconds[key], figures.bytes[key], figures.decoded[key]
        unzipped = f"{statistics.median(decoded):,.0f}" if any(decoded) else ""
        sent = f"{statistics.median(sizes):,.0f}" if kind else ""
        lines.append(f"| {what} | {statistics.median(secs) * 1000:,.0f} | {max(secs) * 1000:,.0f} | "
                     f"{sent} | {kind} | {unzipped} |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--items", type=int, default=1000, metavar="N", help="corpus size (default 1000)")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="keep (and reuse) the corpus and index here")
    parser.add_argument("--runs", type=int, default=5, metavar="N", help="runs per action (default 5)")
    parser.add_argument("--no-results", action="store_true", help="do not append to bench/results.md")
    parser.add_argument("--note", default="", help="a line saying what code was measured")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    from indexer.search.ingest import ingest

    with workdir(args.keep) as base:
        folder = base / f"n{args.items}"
        report = ingest([corpus(folder / "corpus", args.items)], folder / "index")
        print(report.summary(), file=sys.stderr)
        server, url = start_server(folder / "index")
        figures, load = Figures(), [os.getloadavg()[0]]
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
                one_run(browser, url, Figures())  # warm-up: server caches, Chromium's first start
                for _ in range(args.runs):
                    one_run(browser, url, figures)
                browser.close()
        finally:
            server.terminate()
            server.wait(10)
        load.append(os.getloadavg()[0])
    result = table(figures)
    print(result)
    print(f"load average {load[0]:.2f} at the start, {load[1]:.2f} at the end")
    if not args.no_results:
        command = "bench/browser_bench.py " + " ".join(sys.argv[1:] if argv is None else argv)
        with RESULTS.open("a", encoding="utf-8") as f:
            f.write(section(result, command.strip(), args, load))
    return 0


def section(result: str, command: str, args, load: list[float]) -> str:
    return "\n".join([
        "", f"## Browser: page weight and time to results ({args.items:,} items)", "",
        f"- Date: {date.today().isoformat()}. Machine: {machine_line()}; Chromium headless via Playwright.",
        f"- Command: `{command}`; median of {args.runs} runs, each on a fresh browser context, after one warm-up run.",
        f"- Load average {load[0]:.2f} at the start, {load[1]:.2f} at the end: the machine is shared "
        "(other sessions build and test on its 2 cores), so the figures are noisy.",
        *([f"- Code: {args.note}"] if args.note else []), "", result, ""])


if __name__ == "__main__":
    sys.exit(main())
