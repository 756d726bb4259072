"""The Review page's HTML: the queue, each item's text beside its labels and the form to decide
on them (pure: tested without a server). Every piece of bulletin text is escaped.

Each item shows its whole text with the words its labels rest on marked, its title linking
to the item in the dashboard, the current label of each field beside what a doubt proposes,
categories and themes by their names, themes as checkboxes. Keys (assets/review-keys.js):
j / k next and previous item, a accept, s save."""
from __future__ import annotations

import re

from markupsafe import Markup, escape

from indexer.enrich.review import ReviewEntry
from indexer.enrich.taxonomy import CATEGORY_IDS, THEME_IDS

from ..common.labels import format_date, item_date, label
from ..common.page import page

KEYS_SCRIPT = "/assets/review-keys.js"  # not loaded by the dashboard page (assets_ignore)
MAX_MARKS = 60  # the longest phrases first; an item's labels rest on a few dozen at most


def page_html(entries: list[ReviewEntry], editable: bool, message: str, token: str,
              partners: tuple[str, ...] = ()) -> str:
    """The whole page; every piece of bulletin text escaped."""
    note = Markup('<p class="alert alert-info" role="status">{}</p>').format(message) if message else ""
    mode = "" if editable else Markup('<p class="text-muted">Read-only: changing labels needs the editor role.</p>')
    keys = Markup('<p class="small text-muted" id="review-keys">Keys, in the list: <kbd>j</kbd> next item, '
                  '<kbd>k</kbd> previous, <kbd>a</kbd> accept, <kbd>s</kbd> save the correction.</p>') if editable and entries else ""
    body = Markup("").join(_entry(e, editable, token) for e in entries) or Markup("<p>Nothing to review.</p>")
    names = Markup('<datalist id="partner-names">{}</datalist>').format(
        Markup("").join(Markup('<option value="{}">').format(p) for p in partners))
    return page("Review", f"""<h1 class="h3">Review labels</h1>
<p><a href="/">Back to search</a> · Items whose labels are least certain come first.</p>{note}{mode}{keys}
<ol class="list-unstyled" id="review-queue">{body}</ol>{names if editable else ""}
<script src="{KEYS_SCRIPT}" defer></script>""", current="/review")


def _entry(e: ReviewEntry, editable: bool, token: str) -> Markup:
    item, fid = e.item, escape(e.item.id)
    head = Markup('<h2 class="h6"><a href="/?view=item&amp;id={0}">{1}</a> <small class="text-muted">{0} · {2}</small></h2>').format(
        item.id, item.title, item_date(item))
    text = Markup('<div class="review-text small border-start ps-3">{}</div>').format(marked_paragraphs(item.body, e.marks))
    doubts = Markup("").join(Markup("<li>{}</li>").format(d.reason) for d in e.doubts)
    side = (Markup('<ul class="small">{}</ul>').format(doubts) + _labels_table(e)
            + Markup('<details><summary>Evidence (the rules that fired)</summary><pre class="small">{}</pre></details>').format(e.evidence))
    if editable:
        side += _form(e, token) + _alias_forms(e, token)
    return (Markup('<li class="review-item border rounded p-3 mb-3" data-item="{}" tabindex="-1">').format(fid)
            + head + Markup('<div class="row g-3"><div class="col-lg-7">{}</div><div class="col-lg-5">{}</div></div></li>').format(text, side))


def marked_paragraphs(body: str, marks: tuple[str, ...]) -> Markup:
    """The body's paragraphs, each escaped, with every printing of a mark in <mark>."""
    phrases = sorted({m for m in marks if m.strip()}, key=len, reverse=True)[:MAX_MARKS]
    pattern = re.compile("|".join(r"(?<!\w)" + r"\W+".join(map(re.escape, p.split())) + r"(?!\w)" for p in phrases),
                         re.IGNORECASE) if phrases else None
    return Markup("").join(Markup("<p>{}</p>").format(_marked(p, pattern)) for p in body.split("\n\n") if p.strip())


def _marked(text: str, pattern: re.Pattern[str] | None) -> Markup:
    if pattern is None:
        return escape(text)
    out, last = Markup(""), 0
    for m in pattern.finditer(text):
        out += escape(text[last:m.start()]) + Markup("<mark>{}</mark>").format(m.group(0))
        last = m.end()
    return out + escape(text[last:])


def _labels_table(e: ReviewEntry) -> Markup:
    """Each label as the index has it now, and what a doubt proposes instead."""
    item, proposed = e.item, dict(e.proposals)
    rows = [("Category", label("category", item.category), label("category", proposed["category"]) if "category" in proposed else ""),
            ("Themes", ", ".join(label("theme", t) for t in item.themes) or "none", ""),
            ("Partners", "; ".join(item.partners) or "none", ""),
            ("Places", ", ".join(item.places) or "none", ""),
            ("Date", item_date(item), f"{item.date:%B %Y} (month only)" if proposed.get("date") == "month" else "")]
    body = Markup("").join(Markup("<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td></tr>").format(*r) for r in rows)
    return Markup('<table class="table table-sm small mb-2"><caption class="visually-hidden">Labels of {}</caption>'
                  '<thead><tr><th scope="col">Label</th><th scope="col">Current</th><th scope="col">Proposed</th></tr></thead>'
                  '<tbody>{}</tbody></table>').format(item.title, body)


def _form(e: ReviewEntry, token: str) -> Markup:
    item, fid = e.item, e.item.id
    options = Markup("").join(Markup('<option value="{0}"{1}>{2}</option>').format(
        c, Markup(" selected") if c == item.category else "", label("category", c)) for c in CATEGORY_IDS)
    fields = [Markup('<label class="form-label" for="category-{0}">Category</label>'
                     '<select class="form-select form-select-sm" id="category-{0}" name="category">{1}</select>').format(fid, options)]
    fields.append(_theme_boxes(fid, item.themes))
    for name, values in (("partners", item.partners), ("places", item.places)):
        fields.append(Markup('<label class="form-label" for="{0}-{1}">{2} <small class="text-muted">(one per line)</small></label>'
                             '<textarea class="form-control form-control-sm" id="{0}-{1}" name="{0}" rows="2">{3}</textarea>'
                             '<input type="hidden" name="was_{0}" value="{3}">').format(name, fid, name.capitalize(), "\n".join(values)))
    # a text box, not the browser's date input: that shows the browser's locale (03/01/2024),
    # the app writes 1 March 2024 everywhere
    fields.append(Markup('<label class="form-label" for="date-{0}">Date <small class="text-muted">(like 1 March 2024)</small></label>'
                         '<input class="form-control form-control-sm" type="text" id="date-{0}" name="date" value="{1}">'
                         '<input type="hidden" name="was_date" value="{1}"><input type="hidden" name="was_category" value="{2}">'
                         '<input type="hidden" name="was_themes" value="{3}">'
                         '<input type="hidden" name="csrf" value="{4}">').format(fid, format_date(item.date), item.category,
                                                                                   "\n".join(item.themes), token))
    buttons = Markup('<div class="mt-2 d-flex gap-2"><button class="btn btn-sm btn-outline-success review-accept" name="action" value="accept">Accept</button>'
                     '<button class="btn btn-sm btn-primary review-save" name="action" value="save">Save correction</button></div>')
    return (Markup('<form method="post" action="/review/{}" class="mt-2" aria-label="Decide on {}">').format(fid, item.title)
            + Markup("").join(fields) + buttons + Markup("</form>"))


def _theme_boxes(fid: str, themes: tuple[str, ...]) -> Markup:
    boxes = Markup("").join(
        Markup('<div class="form-check form-check-inline"><input class="form-check-input" type="checkbox" name="themes" '
               'id="theme-{0}-{1}" value="{1}"{2}><label class="form-check-label" for="theme-{0}-{1}">{3}</label></div>').format(
            fid, t, Markup(" checked") if t in themes else "", label("theme", t))
        for t in THEME_IDS)
    return Markup('<fieldset class="mt-2"><legend class="form-label fs-6 mb-1">Themes</legend>{}</fieldset>').format(boxes)


def _alias_forms(e: ReviewEntry, token: str) -> Markup:
    """For each partner found only by a pattern: make its name an alias of a listed partner."""
    out = Markup("")
    for n, d in enumerate(x for x in e.doubts if x.found_name):
        out += Markup('<form method="post" action="/review/{0}/alias" class="mt-2 d-flex flex-wrap gap-2 align-items-end">'
                      '<input type="hidden" name="csrf" value="{1}"><input type="hidden" name="found" value="{2}">'
                      '<div><label class="form-label small mb-0" for="alias-{0}-{3}">Add "{2}" as an alias of</label>'
                      '<input class="form-control form-control-sm" id="alias-{0}-{3}" name="partner" list="partner-names" '
                      'required placeholder="a listed partner"></div>'
                      '<button class="btn btn-sm btn-outline-primary">Add alias</button></form>').format(
            e.item.id, token, d.found_name, n)
    return out
