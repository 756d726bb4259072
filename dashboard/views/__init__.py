"""What a user sees in the Dash app: `layout` and `ids` (the static page), `callbacks` (thin:
they call the pure functions here), `controls` (what each control does to the state),
`render`, `components`, `histogram`, `trends`, `margins`, `itemview` (what each part shows for
a state) and `exporting` (downloads). Imports `dashboard.common`, never the office or the web
server."""
