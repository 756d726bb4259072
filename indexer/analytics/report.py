"""The annual-report pack: tables.xlsx, the figures as SVG and PNG, and a summary in
sentences (summary.md and summary.html) whose every number is computed from the same
tables that go into the workbook."""
from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd

from . import frames as F
from .frames import Frames, frames_for

SHEETS = ("by_month", "by_quarter", "by_category", "by_theme", "by_partner", "by_partner_type", "by_place",
          "month_by_category", "theme_by_month", "partner_by_year", "year_over_year", "multi_month_periods")


@dataclass(frozen=True)
class Pack:
    """What a pack is built from: the year's frames, all years up to it, and provenance."""

    year: int
    this_year: Frames
    all_years: Frames  # every item up to the end of the year, for change and "new partner"
    items: Sequence  # the year's Item records, for the item sheet
    bulletins: Sequence[str]
    notice: str | None = None  # "generated sample data ..." when it is
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)

    def __post_init__(self) -> None:
        start, end = date(self.year, 1, 1), date(self.year, 12, 31)
        fr = self.this_year
        self.tables.update({
            "by_month": F.by_month(fr, start, end), "by_quarter": F.by_quarter(fr, start, end),
            "by_category": F.by_category(fr), "by_theme": F.by_theme(fr), "by_partner": F.by_partner(fr),
            "by_partner_type": F.by_partner_type(fr), "by_place": F.by_place(fr),
            "month_by_category": F.month_by_category(fr, start, end), "theme_by_month": F.theme_by_month(fr, start, end),
            "partner_by_year": F.partner_by_year(self.all_years), "year_over_year": F.year_over_year(self.all_years),
            "multi_month_periods": F.multi_month_periods(fr, start, end),
        })


@dataclass(frozen=True)
class Facts:
    """The summary's numbers, each taken from a table of the pack."""

    year: int
    total: int
    previous: int | None
    categories: list[tuple[str, int, float]]
    busiest_month: tuple[str, int] | None
    top_partners: list[tuple[str, str, int]]
    partner_types: list[tuple[str, int]]
    new_partners: list[str]
    themes_up: list[tuple[str, int]]
    themes_down: list[tuple[str, int]]
    multi_month: list[tuple[str, str, int]] = field(default_factory=list)  # (first month, last month, items)


def facts(pack: Pack, top: int = 5) -> Facts:
    t = pack.tables
    yoy = t["year_over_year"].set_index("year")["count"]
    months = t["by_month"]
    busiest = months.loc[months["count"].idxmax()] if int(months["count"].sum()) else None
    return Facts(
        year=pack.year,
        total=int(t["by_month"]["count"].sum()),
        previous=int(yoy[pack.year - 1]) if pack.year - 1 in yoy.index else None,
        categories=[(r.category, int(r.count), float(r.share)) for r in t["by_category"].itertuples()],
        busiest_month=(busiest["month"].strftime("%B %Y"), int(busiest["count"])) if busiest is not None else None,
        top_partners=[(r.partner, r.partner_type, int(r.count)) for r in t["by_partner"].head(top).itertuples()],
        partner_types=[(r.partner_type, int(r.items)) for r in t["by_partner_type"].itertuples()],
        new_partners=_new_partners(pack),
        **_theme_changes(pack, top=3),
        multi_month=[(f"{r.start:%B %Y}", f"{r.end:%B %Y}", int(r.items))
                     for r in t["multi_month_periods"].itertuples()],
    )


def _new_partners(pack: Pack) -> list[str]:
    table = F.partner_by_year(pack.all_years, top=None)
    if table.empty or pack.year not in table.columns:
        return []
    earlier = [y for y in table.columns if y < pack.year]
    fresh = table[(table[pack.year] > 0) & (table[earlier].sum(axis=1) == 0 if earlier else True)]
    return sorted(fresh.index, key=lambda p: (-int(fresh.loc[p, pack.year]), p))


def _theme_changes(pack: Pack, top: int) -> dict[str, list[tuple[str, int]]]:
    years = pack.all_years.items.set_index("id")["year"]
    long = pack.all_years.themes.assign(year=pack.all_years.themes["id"].map(years))
    counts = pd.crosstab(long["theme"], long["year"]) if not long.empty else pd.DataFrame()
    if counts.empty or pack.year not in counts.columns:
        return {"themes_up": [], "themes_down": []}
    before = counts[pack.year - 1] if pack.year - 1 in counts.columns else 0
    change = (counts[pack.year] - before).astype(int).sort_values(kind="stable")
    return {"themes_up": [(t, int(c)) for t, c in change[::-1].items() if c > 0][:top],
            "themes_down": [(t, int(c)) for t, c in change.items() if c < 0][:top]}


# --------------------------------------------------------------------------- sentences


def _list(parts: Sequence[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1] if parts else "none"


def sentences(f: Facts, labels: Mapping[str, str]) -> list[str]:
    name = lambda c: labels.get(c, c)  # noqa: E731
    out = [f"In {f.year} the bulletins report {f.total} activities"
           + (f", {_change(f.total, f.previous)} on {f.year - 1} ({f.previous})." if f.previous is not None else ".")]
    if f.categories:
        out.append("By category: " + _list([f"{name(c)} {n} ({s:g}%)" for c, n, s in f.categories]) + ".")
    if f.busiest_month:
        out.append(f"The busiest month was {f.busiest_month[0]}, with {f.busiest_month[1]} activities.")
    out += [_multi_month_sentence(*period) for period in f.multi_month]
    if f.top_partners:
        out.append("The most frequent partners were " + _list([f"{p} ({n})" for p, _, n in f.top_partners]) + ".")
    if f.partner_types:
        out.append("Activities by partner type: " + _list([f"{t} {n}" for t, n in f.partner_types]) + ".")
    new = f.new_partners
    out.append((f"{len(new)} partner appears" if len(new) == 1 else f"{len(new)} partners appear") + " for the first time" + (": " + _list(new[:10]) + (" and others" if len(new) > 10 else "") + "." if new else "."))
    if f.themes_up:
        out.append("Themes that rose most: " + _list([f"{name(t)} (+{c})" for t, c in f.themes_up]) + ".")
    if f.themes_down:
        out.append("Themes that fell most: " + _list([f"{name(t)} ({c})" for t, c in f.themes_down]) + ".")
    return out


def _multi_month_sentence(first: str, last: str, items: int) -> str:
    return (f"One bulletin covers {first} to {last}; {items} of its activities state no day and are counted in "
            f"{first}, so the months after it look lower than they were.")


def _change(now: int, before: int | None) -> str:
    if not before:
        return "compared with none"
    pct = 100.0 * (now - before) / before
    return f"{'up' if now >= before else 'down'} {abs(now - before)} ({pct:+.1f}%)"


def summary_markdown(f: Facts, pack: Pack, labels: Mapping[str, str]) -> str:
    lines = [f"# Activities of {f.year}: summary", ""]
    if pack.notice:
        lines += [f"> **{pack.notice}**", ""]
    n = len(pack.bulletins)
    lines += [" ".join(sentences(f, labels)), "", f"## Built from {n} bulletin{'s' if n != 1 else ''}", ""]
    lines += [f"- {b}" for b in pack.bulletins] or ["- (no bulletins)"]
    return "\n".join(lines) + "\n"


def summary_html(f: Facts, pack: Pack, labels: Mapping[str, str], svgs: Mapping[str, bytes] | None = None) -> str:
    """The summary as a document to send: styled, the figures inline, the key tables."""
    from .summary_doc import document

    return document(f"Activities of {f.year}: summary", pack.notice, sentences(f, labels), pack.tables,
                    svgs or {}, pack.bulletins, labels)


# --------------------------------------------------------------------------- the zip


def build_figures(pack: Pack) -> dict[str, object]:
    from . import figures as G

    t, year, periods = pack.tables, pack.year, pack.tables["multi_month_periods"]
    return {
        "activity_by_month": G.activity_by_month(t["month_by_category"], title=f"Activities per month, {year}",
                                                 periods=periods),
        "category_share": G.category_share(t["by_category"], title=f"Activities by category, {year}"),
        "top_partners": G.top_partners(t["by_partner"], title=f"Most frequent partners, {year}"),
        "themes_over_time": G.themes_over_time(t["theme_by_month"], title=f"Themes per month, {year}", periods=periods),
        "month_category_heatmap": G.month_category_heatmap(t["month_by_category"], title=f"Month by category, {year}",
                                                           periods=periods),
        "year_over_year": G.year_over_year(t["year_over_year"], title=f"Activities per year to {year}"),
    }


def pack_files(pack: Pack, labels: Mapping[str, str]) -> dict[str, bytes]:
    """Every file of the pack, by its name inside the zip."""
    from . import exports

    f = facts(pack)
    from .readable import readable_table

    tables = {k: readable_table(F.for_output(v)) for k, v in pack.tables.items()}
    sheets = {"items": exports.items_table(pack.items), **tables}
    figures = build_figures(pack)
    svgs = {name: exports.figure_bytes(fig, "svg") for name, fig in figures.items()}
    files = {
        "tables.xlsx": exports.tables_xlsx_bytes(sheets),
        "summary.md": summary_markdown(f, pack, labels).encode("utf-8"),
        "summary.html": summary_html(f, pack, labels, svgs).encode("utf-8"),
    }
    for name, fig in figures.items():
        files[f"figures/{name}.svg"] = svgs[name]
        files[f"figures/{name}.png"] = exports.figure_bytes(fig, "png")
    return files


def zip_bytes(files: Mapping[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return buffer.getvalue()


def write_pack(pack: Pack, out: Path, labels: Mapping[str, str]) -> list[str]:
    files = pack_files(pack, labels)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_bytes(zip_bytes(files))
    tmp.replace(out)
    return list(files)


def pack_for_year(index, year: int, partner_types: Mapping[str, str], request=None) -> Pack:
    """The pack of one year from a SearchIndex, under an optional query and filters."""
    from dataclasses import replace

    from ..search.index_dir import Manifest
    from ..sample.marker import notice_for_files
    from ..search import SearchRequest

    base = request or SearchRequest()
    this_year = replace(base, date_from=date(year, 1, 1), date_to=date(year, 12, 31))
    up_to = replace(base, date_from=None, date_to=date(year, 12, 31))
    manifest = Manifest.load(index.generation)
    active = dict(manifest.active())  # not a PDF set aside because its items differ from its text's
    sources = {path: _same_bulletin(f) for path, f in active.items() if _overlaps(f.get("period", ""), year)}
    periods = {_same_bulletin(f): {"period": f.get("period", "")} for f in active.values()}
    return Pack(
        year=year,
        this_year=frames_for(index, this_year, partner_types),
        all_years=frames_for(index, up_to, partner_types),
        items=index.matching_items(this_year),
        bulletins=bulletin_lines(sources, periods),
        notice=notice_for_files(sources),
    )


def _same_bulletin(entry: Mapping) -> str:
    """Files of one period holding the same items are one bulletin (a PDF and its text); the
    index keeps each file apart, so the pack groups them by what they hold."""
    return f"{entry.get('period', '')}|{','.join(sorted(entry.get('ids', ())))}"


def bulletin_lines(files: Mapping[str, str], bulletins: Mapping[str, dict]) -> list[str]:
    """One line per bulletin, oldest first: its period and its file names (the PDF and the
    text of one bulletin are one source), without the folders they were read from."""
    by_bulletin: dict[str, list[str]] = {}
    for path, key in files.items():
        by_bulletin.setdefault(key, []).append(Path(path.replace("\\", "/")).name)
    ordered = sorted(by_bulletin, key=lambda k: (bulletins.get(k, {}).get("period", ""), k))
    return [f"{_period_words(bulletins.get(k, {}).get('period', ''))}: {', '.join(sorted(set(by_bulletin[k])))}"
            for k in ordered]


def _period_words(period: str) -> str:
    """"2024-05-01..2024-06-30" as "May to June 2024"."""
    try:
        start, end = (date.fromisoformat(p) for p in period.split(".."))
    except ValueError:
        return period or "period unknown"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start:%B %Y}"
    return f"{start:%B} to {end:%B %Y}" if start.year == end.year else f"{start:%B %Y} to {end:%B %Y}"


def latest_full_year(index) -> int | None:
    """The year a pack is built for when none is asked: the newest year whose December the
    index reaches; a year still under way is not reported on. None for an empty index."""
    table = index.table
    dates = table.dates[table.live]
    if dates.size == 0:
        return None
    newest = date.fromordinal(int(dates.max()))
    years = {date.fromordinal(int(o)).year for o in (dates.min(), dates.max())}
    full = newest.year if newest.month == 12 else newest.year - 1
    return full if full >= min(years) else newest.year


def _overlaps(period: str, year: int) -> bool:
    start, _, end = period.partition("..")
    return bool(start) and start[:4] <= str(year) <= end[:4]
