"""The Dash application and its Flask server (which also serves the JSON API)."""
from __future__ import annotations

import threading
from pathlib import Path

import dash
from dash import html

from indexer.search import SearchIndex

from . import api

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
    app = dash.Dash(__name__, title="Bulletin Explorer", assets_folder=str(ASSETS))
    holder = IndexHolder(index_root, aliases)
    api.register(app.server, holder)
    app.layout = html.Main([
        html.H1("Bulletin Explorer"),
        html.P("Search and analytics over the Information Bulletins of the Ombudsman of Azerbaijan."),
        html.P(["The JSON API answers at ", html.Code("/api/search"), ", ", html.Code("/api/items/<id>"),
                " and ", html.Code("/api/stats"), "."]),
    ])
    app.server.config["INDEX_HOLDER"] = holder
    return app
