"""The annual pack's summary.html: one self-contained document a person can send. Styled
for screen and print, the sentences of the summary, every figure inline as SVG, the key
tables (categories, months, partners), and the bulletins it was built from by name and
period (each bulletin once, no folders of the machine that built it).

Every text from data passes through `html.escape`; the figures' SVG is plotly's, whose
texts figures.py has escaped already.
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from html import escape

import pandas as pd

from . import palette

STYLE = """
body{font-family:"Helvetica Neue",Arial,sans-serif;color:#222;max-width:60rem;margin:2rem auto;padding:0 1.5rem;
line-height:1.5}
h1{font-size:1.9rem;margin-bottom:.2rem}h2{font-size:1.3rem;margin-top:2.2rem;border-bottom:1px solid #ccc}
.notice{background:#fff3cd;border:1px solid #e0c060;padding:.6rem 1rem}
.lead p{margin:.4rem 0}figure{margin:1.5rem 0;page-break-inside:avoid}figure svg{max-width:100%;height:auto}
figcaption{font-size:.9rem;color:#555}table{border-collapse:collapse;margin:.8rem 0;font-size:.95rem}
th,td{border-bottom:1px solid #ddd;padding:.25rem .8rem;text-align:left}td.n,th.n{text-align:right}
th{background:#f3f3f3}.meta{color:#555;font-size:.9rem}
@media print{body{margin:0;max-width:none}h2{page-break-after:avoid}}
"""
FIGURE_CAPTIONS = {"activity_by_month": "Activities per month, by category",
                   "category_share": "Share of activities by category", "top_partners": "Most frequent partners",
                   "themes_over_time": "Themes per month", "month_category_heatmap": "Month by category",
                   "year_over_year": "Activities per year"}
_XML_PROLOGUE = re.compile(r"^\s*<\?xml[^>]*>\s*(<!DOCTYPE[^>]*>\s*)?", re.IGNORECASE)


def document(title: str, notice: str | None, sentences: Sequence[str], tables: Mapping[str, pd.DataFrame],
             svgs: Mapping[str, bytes], bulletins: Sequence[str], labels: Mapping[str, str]) -> str:
    """The whole page; `svgs` by figure name, `tables` the pack's (by_category, by_month, ...)."""
    parts = [f"<h1>{escape(title)}</h1>"]
    if notice:
        parts.append(f"<p class=notice><strong>{escape(notice)}</strong></p>")
    parts.append("<div class=lead>" + "".join(f"<p>{escape(s)}</p>" for s in sentences) + "</div>")
    parts += ["<h2>Figures</h2>", *(_figure(name, svg) for name, svg in svgs.items())]
    parts += ["<h2>Tables</h2>", *_tables(tables, labels)]
    parts += [f"<h2>Built from {len(bulletins)} bulletin{'s' if len(bulletins) != 1 else ''}</h2>",
              "<ul>" + "".join(f"<li>{escape(b)}</li>" for b in bulletins) + "</ul>"]
    return (f"<!doctype html><html lang=en><head><meta charset=utf-8><title>{escape(title)}</title>"
            f"<meta name=viewport content='width=device-width, initial-scale=1'><style>{STYLE}</style></head>"
            f"<body><main>{''.join(parts)}</main></body></html>\n")


def _figure(name: str, svg: bytes) -> str:
    caption = escape(FIGURE_CAPTIONS.get(name, name))
    inline = _XML_PROLOGUE.sub("", svg.decode("utf-8"))
    inline = inline.replace("<svg ", f"<svg role=img aria-label=\"{caption}\" ", 1)
    return f"<figure>{inline}<figcaption>{caption}</figcaption></figure>"


def _tables(tables: Mapping[str, pd.DataFrame], labels: Mapping[str, str]) -> list[str]:
    out = []
    if "by_category" in tables:
        rows = [(labels.get(r.category, palette.category_label(r.category)), r.count, f"{r.share:g}%")
                for r in tables["by_category"].itertuples()]
        out.append(_table("Activities by category", ("Category", "Activities", "Share"), rows))
    if "by_month" in tables:
        rows = [(f"{r.month:%B %Y}", r.count) for r in tables["by_month"].itertuples()]
        out.append(_table("Activities by month", ("Month", "Activities"), rows))
    if "by_partner" in tables:
        rows = [(r.partner, r.partner_type, r.count) for r in tables["by_partner"].head(15).itertuples()]
        out.append(_table("Most frequent partners", ("Partner", "Type", "Activities"), rows))
    return out


def _table(caption: str, header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    def cell(tag: str, value: object) -> str:
        numeric = isinstance(value, int) or str(value).rstrip("%").replace(".", "", 1).isdigit()
        return f"<{tag}{' class=n' if numeric else ''}>{escape(str(value))}</{tag}>"

    head = "".join(f"<th{' class=n' if n else ''}>{escape(h)}</th>" for n, h in enumerate(header))
    body = "".join("<tr>" + "".join(cell("td", v) for v in row) + "</tr>" for row in rows)
    return f"<table><caption>{escape(caption)}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
