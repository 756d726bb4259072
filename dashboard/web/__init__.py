"""The web server around the views and the office: `app` (the factory, the one place that
wires them together), `server` (gunicorn), `security` (headers, limits, hostile input into a
4xx), `health` (/healthz) and `api` (the JSON API). Nothing else in the dashboard imports it."""
