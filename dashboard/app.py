"""The Dash application and its Flask server (which also serves the JSON API)."""
from __future__ import annotations

import threading
from pathlib import Path

import dash

from indexer.search import SearchIndex

from . import api, callbacks, layout

ASSETS = Path(__file__).resolve().parents[1] / "assets"


class IndexHolder:
    """The open index, shared by requests; it follows a newer generation after an ingest."""

    def __init__(self, root: Path, aliases: dict[str, str] | None = None) -> None:
        self.root, self.aliases = Path(root), aliases or {}
        self._index: SearchIndex | None = None
        self._lock = threading.Lock()

    def __call__(self) -> SearchIndex:
        with self._lock:
            if self._index is None:
                self._index = SearchIndex(self.root, self.aliases)  # raises IndexMissing
            else:
                self._index.refresh()
            return self._index


def create_app(index_root: Path, aliases: dict[str, str] | None = None) -> dash.Dash:
    # Bootstrap's CSS is served from assets/ (no CDN: the dashboard works offline).
    # compress: gzip (flask-compress) brings the Search page from 1.8 MB to about 0.5 MB.
    app = dash.Dash(__name__, title="Bulletin Explorer", assets_folder=str(ASSETS), compress=True,
                    meta_tags=[{"name": "viewport", "content": "width=device-width, initial-scale=1"}])
    holder = IndexHolder(index_root, aliases)
    api.register(app.server, holder)
    app.index_string = layout.INDEX_STRING
    app.layout = layout.page()
    callbacks.register(app, holder)
    app.server.config["INDEX_HOLDER"] = holder
    return app
