"""Bulletin Explorer's Dash app (faceted search beside activity charts); built on the indexer.

Grouped by concern, as `indexer/` is by stage; each package imports only those below it:

- `common`: what the views and the office's pages both use: the page skeleton of the
  server-drawn pages, labels (names, badges, dates), the URL's state, answer caching and the
  queue for heavy work. It imports no other package of the dashboard.
- `views`: what a user sees in the Dash app: layout, callbacks, results, trends, item view,
  downloads. Imports `common` only.
- `office`: the office's accounts and their work: sign-in and roles, saved searches and their
  feeds, e-mail digests, the Review page. Imports `common` only.
- `web`: the web server around them: the app factory (the one place that wires views and
  office together), gunicorn, security headers and limits, /healthz and the JSON API.
"""
