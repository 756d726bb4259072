"""Server time of one facet click on the dashboard, at about 10,000 items.

    .venv/bin/python bench/dashboard_bench.py [--items 10000] [--keep DIR] [--runs 5] [--profile K] [--no-results]

A click (a ticked facet value, a point of a chart, a filter beside a query) changes the URL;
the callbacks of dashboard/callbacks.py then answer with `render.search_panel` (the page of
results and the facet counts) and, on the trends view, `render.trends_panel` (the key numbers
and the six figures) for the new state. For each click of CLICKS, all on the trends view, this
1. generates the sample corpus with bench/search_bench.py's generator and ingests it (with
   `--keep DIR` the corpus and index under DIR are reused: ingest skips files it has indexed);
2. derives the state after the click from the URL before it (dashboard.common.state), then runs
   search_panel + trends_panel once to warm up and `--runs` times timed; within trends_panel
   it times `SearchIndex.frames` (frames) and `trends.figures_for` (the six figures, their
   aggregates included); the rest is screen layout and key numbers;
3. times apart the JSON encoding Dash then does of both callbacks' outputs (not in the target);
4. prints median and p95 over all clicks x runs, a table per click and the verdict (target:
   p95 <= 200 ms), and appends a section to bench/results.md unless `--no-results`.

`--profile K` prints a cProfile of the K slowest clicks (by median), 10 runs each.
"""
from __future__ import annotations

import argparse
import cProfile
import gc
import io
import os
import pstats
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from unittest import mock

BENCH = Path(__file__).resolve().parent
for path in (BENCH.parent, BENCH):  # the project, and search_bench beside this file
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from plotly.io.json import to_json_plotly  # noqa: E402

from dashboard.common.labels import partner_types  # noqa: E402
from dashboard.common.state import State, state_from_url, to_request, url_from_state, with_facet  # noqa: E402
from dashboard.views import render, trends  # noqa: E402
from dashboard.views.controls import changed  # noqa: E402
from indexer.enrich import Enricher  # noqa: E402
from indexer.search.ingest import ingest  # noqa: E402
from indexer.search import SearchIndex  # noqa: E402
from search_bench import corpus, machine_line, ms, partner_aliases, percentile, workdir  # noqa: E402

RESULTS = BENCH / "results.md"
TARGET = 0.200  # seconds, p95 of search_panel + trends_panel
PARTS = ("search", "frames", "figures", "rest")  # rest: trends_panel's screen layout and key numbers


# --------------------------------------------------------------------------- clicks


@dataclass(frozen=True)
class Click:
    label: str
    before: str  # the URL's query string before the click
    change: Callable[[State], State]

    def after(self) -> State:
        return self.change(state_from_url(self.before))


def tick(facet: str, value: str) -> Callable[[State], State]:
    """One more value of a facet ticked (values of one facet are OR-ed)."""
    return lambda s: with_facet(s, facet, (*s.selected(facet), value))


def untick(facet: str, value: str) -> Callable[[State], State]:
    return lambda s: with_facet(s, facet, [v for v in s.selected(facet) if v != value])


def chart(customdata: dict[str, str]) -> Callable[[State], State]:
    """A click on a chart point carrying `customdata` (see indexer/figures.py)."""
    return lambda s: changed(s, "click", customdata)


ICRC, COE = "International Committee of the Red Cross", "Council of Europe"
CLICKS: tuple[Click, ...] = (
    Click("tick a category", "?view=trends", tick("category", "monitoring_visit")),
    Click("tick a second category (OR)", "?view=trends&category=monitoring_visit", tick("category", "event")),
    Click("tick a partner", "?view=trends", tick("partner", ICRC)),
    Click("tick a second partner (OR)", "?view=trends&partner=" + ICRC, tick("partner", COE)),
    Click("tick a year", "?view=trends", tick("year", "2023")),
    Click("tick a place", "?view=trends", tick("place", "Baku")),
    Click("tick a theme", "?view=trends", tick("theme", "children")),
    Click("tick a partner beside a query", "?q=cooperation&view=trends", tick("partner", COE)),
    Click("tick a category beside a phrase", "?q=%22human+rights%22&view=trends", tick("category", "awareness")),
    Click("tick a theme under category + year", "?view=trends&category=event&year=2022", tick("theme", "detention")),
    Click("tick a place under a partner", "?view=trends&partner=" + ICRC, tick("place", "Ganja")),
    Click("tick a year in a date range", "?view=trends&from=2020-01-01&to=2022-12-31", tick("year", "2021")),
    Click("untick the only filter", "?view=trends&category=event", untick("category", "event")),
    Click("chart: a month's bar segment", "?view=trends", chart({"month": "2023-05", "category": "event"})),
    Click("chart: a month's total", "?view=trends&partner=" + ICRC, chart({"month": "2019-10"})),
    Click("chart: a category-share bar", "?view=trends&year=2023", chart({"category": "awareness"})),
    Click("chart: a top-partner bar", "?view=trends&theme=children",
          chart({"partner": "International Ombudsman Institute"})),
    Click("chart: a theme panel point", "?view=trends", chart({"theme": "women", "month": "2021-03"})),
    Click("chart: a heatmap cell", "?view=trends&place=Baku",
          chart({"month": "2015-06", "category": "monitoring_visit"})),
    Click("chart: a year bar", "?view=trends&category=cooperation", chart({"year": "2020"})),
    Click("clear all", "?q=children&partner=ICRC&year=2023&view=trends", lambda s: changed(s, "clear", 1)),
)


# --------------------------------------------------------------------------- timing


@dataclass
class ClickTimes:
    """Seconds per run: the target sum, its parts and, apart, Dash's JSON encoding."""

    items: int = 0
    total: list[float] = field(default_factory=list)
    parts: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    encode: list[float] = field(default_factory=list)
    response_bytes: int = 0


class Stopwatch:
    """Seconds spent inside wrapped calls since the last `reset`."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)

    def reset(self) -> None:
        self.seconds.clear()

    def wrap(self, name: str, fn: Callable) -> Callable:
        def timed(*args, **kwargs):
            t0 = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.seconds[name] += time.perf_counter() - t0
        return timed


@contextmanager
def watched(index: SearchIndex, watch: Stopwatch) -> Iterator[None]:
    """trends_panel's two big steps timed in place (the code run is the dashboard's own)."""
    with mock.patch.object(index, "frames", watch.wrap("frames", index.frames)), \
            mock.patch.object(trends, "figures_for", watch.wrap("figures", trends.figures_for)):
        yield


def one_click(index: SearchIndex, state: State, watch: Stopwatch) -> tuple[float, dict[str, float], tuple]:
    """(seconds, parts, the two callbacks' outputs) for the panels of one state."""
    watch.reset()
    t0 = time.perf_counter()
    panel = render.search_panel(index, state)
    t1 = time.perf_counter()
    numbers, figures, _subtitles, error = render.trends_panel(index, state)
    t2 = time.perf_counter()
    assert error is None and figures is not None, error
    inner = watch.seconds["frames"] + watch.seconds["figures"]
    parts = {"search": t1 - t0, "frames": watch.seconds["frames"], "figures": watch.seconds["figures"],
             "rest": t2 - t1 - inner}
    return t2 - t0, parts, ((panel.status, panel.results, panel.pages, panel.page, panel.facets, panel.years),
                            (numbers, figures))


def time_clicks(index: SearchIndex, clicks: Sequence[Click], runs: int) -> list[ClickTimes]:
    watch = Stopwatch()
    out = []
    with watched(index, watch):
        for click in clicks:
            state = click.after()
            times = ClickTimes(items=index.search(to_request(state)).total)
            one_click(index, state, watch)  # warm-up
            gc.collect()
            for _ in range(runs):
                seconds, parts, outputs = one_click(index, state, watch)
                times.total.append(seconds)
                for name, value in parts.items():
                    times.parts[name].append(value)
                t0 = time.perf_counter()
                times.response_bytes = sum(len(to_json_plotly(o)) for o in outputs)
                times.encode.append(time.perf_counter() - t0)
            out.append(times)
    return out


# --------------------------------------------------------------------------- report


def pooled(results: Sequence[ClickTimes], pick: Callable[[ClickTimes], list[float]]) -> list[float]:
    return [t for r in results for t in pick(r)]


def summary_table(results: Sequence[ClickTimes]) -> str:
    rows = ["| measure (all clicks x runs) | median ms | p95 ms |", "|---|---:|---:|"]
    series = [("**search_panel + trends_panel**", lambda r: r.total), ("search_panel", lambda r: r.parts["search"]),
              ("trends_panel", lambda r: [a - b for a, b in zip(r.total, r.parts["search"])]),
              ("- frames (`SearchIndex.frames`)", lambda r: r.parts["frames"]),
              ("- figures (`trends.figures_for`: aggregates + six figures)", lambda r: r.parts["figures"]),
              ("- rest (screen layout, key numbers)", lambda r: r.parts["rest"]),
              ("Dash's JSON encoding of both outputs (not in the target)", lambda r: r.encode)]
    for label, pick in series:
        values = pooled(results, pick)
        rows.append(f"| {label} | {ms(statistics.median(values))} | {ms(percentile(values, 95))} |")
    return "\n".join(rows)


def click_table(clicks: Sequence[Click], results: Sequence[ClickTimes]) -> str:
    rows = ["| click | URL after | items | total ms | search | frames | figures | rest | encode | response KB |",
            "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for click, r in zip(clicks, results):
        med = {name: ms(statistics.median(r.parts[name])) for name in PARTS}
        url = url_from_state(click.after()).replace("|", "\\|")
        rows.append(f"| {click.label} | `{url}` | {r.items:,} | {ms(statistics.median(r.total))} | {med['search']} | "
                    f"{med['frames']} | {med['figures']} | {med['rest']} | {ms(statistics.median(r.encode))} | "
                    f"{r.response_bytes / 1024:,.0f} |")
    return "\n".join(rows)


def verdict(results: Sequence[ClickTimes]) -> str:
    totals = pooled(results, lambda r: r.total)
    p95, median = percentile(totals, 95), statistics.median(totals)
    met = "MET" if p95 <= TARGET else "NOT MET"
    return f"p95 {ms(p95)} ms (median {ms(median)} ms) -> {met} (<= {TARGET * 1000:.0f} ms)"


def results_section(items: int, runs: int, command: str, results: Sequence[ClickTimes],
                    load: tuple[float, float]) -> str:
    return "\n".join([
        "## Dashboard facet click (issue: Dashboard) — target: <= 200 ms server-side at 10k items",
        "",
        f"- Date: {date.today().isoformat()}. Machine: {machine_line()}.",
        f"- Command: `{command}` (load average {load[0]:.2f} at the start, {load[1]:.2f} at the end).",
        f"- Index: {items:,} items of the generated sample (bench/search_bench.py's corpus). "
        f"{len(CLICKS)} clicks on the trends view (facet ticks, OR within a facet, filters beside a query, "
        "chart clicks, clear all); for each, the state after the click, then what the two callbacks call: "
        f"`render.search_panel` + `render.trends_panel`; one warm-up, then {runs} timed runs; median and p95 "
        "over all clicks x runs. Dash's JSON encoding of the outputs is timed apart.",
        "",
        summary_table(results),
        "",
        f"Verdict: {verdict(results)}.",
        "",
        "Per click (medians, ms):",
        "",
        click_table(CLICKS, results),
        "",
    ])


# --------------------------------------------------------------------------- main


def open_index(base: Path, items: int, log: Callable[[str], None]) -> SearchIndex:
    """The index of the sample corpus of about `items` items under base, built if needed."""
    folder = base / f"n{items}"
    texts = corpus(folder / "corpus", items)
    report = ingest([texts], folder / "index")
    log(report.summary())
    if report.errors:
        log(f"ingest errors: {len(report.errors)}, first: {report.errors[0]}")
    return SearchIndex(folder / "index", partner_aliases(Enricher()))


def profile_slowest(index: SearchIndex, results: Sequence[ClickTimes], k: int, out: Callable[[str], None]) -> None:
    order = sorted(range(len(CLICKS)), key=lambda i: -statistics.median(results[i].total))
    for i in order[:k]:
        state, prof = CLICKS[i].after(), cProfile.Profile()
        prof.enable()
        for _ in range(10):
            render.search_panel(index, state)
            render.trends_panel(index, state)
        prof.disable()
        buf = io.StringIO()
        pstats.Stats(prof, stream=buf).sort_stats("cumulative").print_stats(35)
        out(f"\n===== profile: {CLICKS[i].label} ({url_from_state(state)}), 10 runs\n{buf.getvalue()}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--items", type=int, default=10_000, metavar="N", help="corpus size (default 10000)")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="keep (and reuse) the corpus and index here")
    parser.add_argument("--runs", type=int, default=5, metavar="N", help="timed runs per click (default 5)")
    parser.add_argument("--profile", type=int, default=0, metavar="K", help="cProfile the K slowest clicks")
    parser.add_argument("--no-results", action="store_true", help="do not append to bench/results.md")
    args = parser.parse_args(argv)
    log = lambda m: print(m, file=sys.stderr, flush=True)  # noqa: E731
    with workdir(args.keep) as base:
        index = open_index(base, args.items, log)
        size = index.size
        partner_types()  # loaded once per process by the dashboard too
        load_start = os.getloadavg()[0]
        results = time_clicks(index, CLICKS, args.runs)
        load = (load_start, os.getloadavg()[0])
        print(f"{size:,} items, {len(CLICKS)} clicks x {args.runs} runs\n")
        print(summary_table(results))
        print()
        print(click_table(CLICKS, results))
        print(f"\ntarget: {verdict(results)}")
        if args.profile:
            profile_slowest(index, results, args.profile, print)
    command = ".venv/bin/python bench/dashboard_bench.py " + " ".join(sys.argv[1:] if argv is None else argv)
    if not args.no_results:
        with RESULTS.open("a", encoding="utf-8") as f:
            f.write("\n" + results_section(size, args.runs, command.strip(), results, load))
        print(f"\nappended a section to {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
