"""The skeleton of the pages the server writes itself (sign-in, saved searches, review): one
<head>, the app's header with its navigation, and a <main> for the page's own part.

The dashboard draws the same header with Dash components (`views.layout.navbar`); these pages
are plain HTML so that they work without any script. `main` is HTML the caller has built
with every piece of bulletin or user text escaped; `title` is escaped here.
"""
from __future__ import annotations

from markupsafe import Markup

STYLESHEETS = ("/assets/01-bootstrap-5.3.6.min.css",)  # the dashboard's own sheet greys the page: its contrast is for the app
# (path, name): the places every signed-in page links to
NAVIGATION = (("/", "Search"), ("/?view=trends", "Trends"), ("/review", "Review labels"))
SAVED = ("/saved", "Saved searches")


def page(title: str, main: str, *, navigation: bool = True, saved: bool = False, current: str = "",
         narrow: bool = False) -> str:
    """A whole HTML document: `title` (escaped) names the tab, `main` is the page's part.
    `navigation` False for the sign-in page (nothing to go to yet); `saved` adds the link to
    saved searches (they exist only where accounts do); `current` is the path shown as here."""
    links = (*NAVIGATION, SAVED) if saved else NAVIGATION
    nav = _navigation(links, current) if navigation else Markup("")
    width = Markup(' style="max-width:32rem"') if narrow else Markup("")
    styles = Markup("").join(Markup('<link rel="stylesheet" href="{}">').format(s) for s in STYLESHEETS)
    return Markup("""<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} - Bulletin Explorer</title>{styles}</head>
<body><header><nav class="navbar navbar-dark bg-dark py-1 mb-0" aria-label="Bulletin Explorer"><div class="container-fluid">
<a class="navbar-brand d-flex flex-column lh-sm" href="/"><span class="brand-name h5 m-0">Bulletin Explorer</span>
<span class="brand-sub small text-white-50 d-none d-md-inline">Information Bulletins of the Ombudsman of Azerbaijan</span></a>{nav}
</div></nav></header>
<main class="container py-4"{width}>{main}</main></body></html>""").format(
        title=title, styles=styles, nav=nav, width=width, main=Markup(main))


def _navigation(links, current: str) -> Markup:
    items = Markup("").join(
        Markup('<li class="nav-item"><a class="nav-link text-light{}" href="{}"{}>{}</a></li>').format(
            " active fw-semibold" if path == current else "", path,
            Markup(' aria-current="page"') if path == current else "", name)
        for path, name in links)
    return Markup('<ul class="navbar-nav flex-row flex-wrap gap-3 small">{}</ul>').format(items)

