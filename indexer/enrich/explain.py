"""Plain-text explanation of an enrichment: which rules fired and why the category won."""
from __future__ import annotations

import textwrap

from . import Enrichment


def explain(e: Enrichment, top: int = 5) -> str:
    item = e.item
    lines = [f"{item.id}  {item.title}", f"source: {item.source}  period {item.period_start}..{item.period_end}", ""]
    lines += _category(e, top)
    lines += _themes(e)
    lines.append("partners:" if e.partners else "partners: none found")
    for p in e.partners:
        status = "" if p.known else "  (not in partners.toml: add it there to name it canonically)"
        if p.type_from:
            status += f"; type from the word \"{p.type_from}\" in its name"
        lines.append(f"  {p.name}  [{p.type}]  via {p.how}{status}")
    lines += [f"  {n}" for n in e.notes if n.startswith("not a partner: ")]
    lines.append(f"places: {', '.join(item.places) or 'none'}")
    lines += [f"  {n.removeprefix('place ')}" for n in e.notes if n.startswith("place ")]
    lines.append(f"people: {', '.join(item.people) or 'none'}")
    lines += [f"  {n.removeprefix('person ')}" for n in e.notes if n.startswith("person ")]
    if e.stated_day:
        lines.append(f"date: {item.date} (day: the text says \"{e.stated_day.text}\")")
    else:
        lines.append(f"date: {item.date} (month: no day of the period is stated)")
    lines += _staff(e)
    return "\n".join(lines)


def _staff(e: Enrichment) -> list[str]:
    """What staff decided for this item (corrections.toml), label by label."""
    c = e.correction
    if c is None:
        return []
    note = f" ({c.note})" if c.note else ""
    out = [f"{name}: corrected by staff: {_shown(value)}{note}" for name, value in c.changes.items()]
    if c.accepted and not c.changes:
        out.append(f"labels accepted by staff{note}")
    return ["", *out, "(staff decisions are kept in corrections.toml)"]


def _shown(value: object) -> str:
    if isinstance(value, tuple):
        return ", ".join(value) or "none"
    return str(value)


def _category(e: Enrichment, top: int) -> list[str]:
    scores = {k: v for k, v in sorted(e.category.scores.items(), key=lambda kv: -kv[1]) if v > 0}
    out = [f"category: {e.item.category}  ({e.category.reason})"]
    out.append("  scores: " + (", ".join(f"{k} {v:g}" for k, v in list(scores.items())[:top]) or "none"))
    out.append("  rules that fired:")
    for hit in sorted(e.category.hits, key=lambda h: (-scores.get(h.label, 0), -h.points)):
        rule = textwrap.shorten(hit.rule, 60, placeholder="...")
        out.append(f"    {hit.label:<16} +{hit.points:<4g} {hit.field:<8} \"{hit.matched}\"  ({rule})")
    if not e.category.hits:
        out.append("    none")
    return out


def _themes(e: Enrichment) -> list[str]:
    shown = ", ".join(f"{t} ({e.themes.scores.get(t, 0):g})" for t in e.item.themes)
    out = [f"themes: {shown or 'none'}"]
    for hit in e.themes.hits:
        out.append(f"    {hit.label:<20} +{hit.points:<4g} {hit.field:<8} \"{hit.matched}\"")
    return out
