"""The Review page's HTML: the queue, each item's doubts and evidence, and its forms
(pure: tested without a server). Every piece of bulletin text is escaped."""
from __future__ import annotations

from markupsafe import Markup, escape

from indexer.enrich.review import ReviewEntry
from indexer.enrich.taxonomy import CATEGORY_IDS, THEME_IDS

from ..common.labels import format_date
from ..common.page import page


def page_html(entries: list[ReviewEntry], editable: bool, message: str, token: str,
              partners: tuple[str, ...] = ()) -> str:
    """The whole page; every piece of bulletin text escaped."""
    note = Markup('<p class="alert alert-info" role="status">{}</p>').format(message) if message else ""
    mode = "" if editable else Markup('<p class="text-muted">Read-only: changing labels needs the editor role.</p>')
    body = Markup("").join(_entry(e, editable, token) for e in entries) or Markup("<p>Nothing to review.</p>")
    names = Markup('<datalist id="partner-names">{}</datalist>').format(
        Markup("").join(Markup('<option value="{}">').format(p) for p in partners))
    return page("Review", f"""<h1 class="h3">Review labels</h1>
<p><a href="/">Back to search</a> · Items whose labels are least certain come first.</p>{note}{mode}
<ol class="list-unstyled" id="review-queue">{body}</ol>{names if editable else ""}""", current="/review")


def _entry(e: ReviewEntry, editable: bool, token: str) -> Markup:
    item, fid = e.item, escape(e.item.id)
    doubts = Markup("").join(Markup("<li>{}</li>").format(d.reason) for d in e.doubts)
    head = Markup('<h2 class="h6">{} <small class="text-muted">{} · {}</small></h2><ul>{}</ul>'
                  '<details><summary>Evidence</summary><pre>{}</pre></details>').format(
        item.title, item.id, format_date(item.date), doubts, e.evidence)
    form = _form(e, token) + _alias_forms(e, token) if editable else Markup("")
    return Markup('<li class="review-item border rounded p-3 mb-3" data-item="{}">').format(fid) + head + form + Markup("</li>")


def _form(e: ReviewEntry, token: str) -> Markup:
    item, fid = e.item, e.item.id
    options = Markup("").join(Markup('<option value="{0}"{1}>{0}</option>').format(c, Markup(" selected") if c == item.category else "")
                              for c in CATEGORY_IDS)
    fields = [Markup('<label class="form-label" for="category-{0}">Category</label>'
                     '<select class="form-select form-select-sm" id="category-{0}" name="category">{1}</select>').format(fid, options)]
    hints = {"themes": "one of: " + ", ".join(THEME_IDS), "partners": "one per line", "places": "one per line"}
    for name, values in (("themes", item.themes), ("partners", item.partners), ("places", item.places)):
        fields.append(Markup('<label class="form-label" for="{0}-{1}">{2} <small class="text-muted">({3})</small></label>'
                             '<textarea class="form-control form-control-sm" id="{0}-{1}" name="{0}" rows="2">{4}</textarea>'
                             '<input type="hidden" name="was_{0}" value="{4}">').format(
            name, fid, name.capitalize(), hints[name], "\n".join(values)))
    # a text box, not the browser's date input: that shows the browser's locale (03/01/2024),
    # the app writes 1 March 2024 everywhere
    fields.append(Markup('<label class="form-label" for="date-{0}">Date <small class="text-muted">(like 1 March 2024)</small></label>'
                         '<input class="form-control form-control-sm" type="text" id="date-{0}" name="date" value="{1}">'
                         '<input type="hidden" name="was_date" value="{1}"><input type="hidden" name="was_category" value="{2}">'
                         '<input type="hidden" name="csrf" value="{3}">').format(fid, format_date(item.date), item.category, token))
    buttons = Markup('<div class="mt-2 d-flex gap-2"><button class="btn btn-sm btn-outline-success" name="action" value="accept">Accept</button>'
                     '<button class="btn btn-sm btn-primary" name="action" value="save">Save correction</button></div>')
    return (Markup('<form method="post" action="/review/{}" class="mt-2" aria-label="Decide on {}">').format(fid, item.title)
            + Markup("").join(fields) + buttons + Markup("</form>"))


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
