"""The Dash application and its Flask server (which also serves the JSON API)."""
from __future__ import annotations

import threading
from pathlib import Path

import dash

from indexer.search import SearchIndex
from indexer.search.index_dir import IndexDir

from ..office import auth, feeds, review
from ..office.saved import SavedStore
from ..views import callbacks, layout
from . import api, health, security

ASSETS = Path(__file__).resolve().parents[2] / "assets"


class IndexHolder:
    """The open index, shared by requests; it follows a newer generation after an ingest.

    Each generation gets its own `SearchIndex`, opened once and never refreshed in place:
    a request holds the one it was given, so every answer comes wholly from one
    generation while the next request already sees the new one."""

    def __init__(self, root: Path, aliases: dict[str, str] | None = None) -> None:
        self.root, self.aliases = Path(root), aliases or {}
        self._dir = IndexDir(self.root)
        self._index: SearchIndex | None = None
        self._lock = threading.Lock()

    def __call__(self) -> SearchIndex:
        index, current = self._index, self._dir.current()
        if index is not None and (current is None or current == index.generation):
            return index
        # One thread opens the new generation; the others keep answering from the old one.
        if not self._lock.acquire(blocking=index is None):
            return index
        try:
            if self._index is None or self._index.generation != self._dir.current():
                self._index = SearchIndex(self.root, self.aliases)  # raises IndexMissing
            return self._index
        finally:
            self._lock.release()


class OfficeDash(dash.Dash):
    """The Dash app with the signed-in user and a sign-out button above the page."""

    def interpolate_index(self, **kwargs) -> str:
        kwargs["app_entry"] = auth.account_bar() + kwargs.get("app_entry", "")
        return super().interpolate_index(**kwargs)


def create_app(index_root: Path, aliases: dict[str, str] | None = None,
               access: auth.Access | None = None) -> dash.Dash:
    """The app over `index_root`; without `access`, read-only and open to all (tests, demo)."""
    # Bootstrap's CSS is served from assets/ (no CDN: the dashboard works offline).
    # compress: gzip (flask-compress) brings the Search page from 1.8 MB to about 0.5 MB.
    # review-*.js belongs to the server-drawn Review page: the dashboard does not load it
    app = OfficeDash(__name__, title="Bulletin Explorer", assets_folder=str(ASSETS), compress=True,
                     assets_ignore=r"^review-",
                     meta_tags=[{"name": "viewport", "content": "width=device-width, initial-scale=1"}])
    # gzip level 1, not 6: a third to two thirds less CPU on large answers (a 10k-item CSV
    # export: 56 ms, was 161; a cached answer costs little else) for somewhat larger small
    # ones (a search view 14 KB, was 11; Trends 41, was 20). Only clients that take gzip
    # alone see this: browsers ask for zstd or brotli, at their own fast levels.
    app.server.config.update(COMPRESS_LEVEL=1, COMPRESS_DEFLATE_LEVEL=1)
    holder = IndexHolder(index_root, aliases)
    api.register(app.server, holder)
    health.register(app.server, holder)
    review.register(app.server, holder)
    app.index_string = layout.INDEX_STRING
    app.layout = layout.page(callbacks.url_rules())
    callbacks.register(app, holder)
    security.install(app)
    access = access or auth.Access(public=True)
    auth.install(app.server, access)
    if access.config_dir is not None and not access.public:
        feeds.register(app.server, SavedStore(access.config_dir), holder)
    app.server.config["INDEX_HOLDER"] = holder
    set_up_now(app)
    return app


def set_up_now(app: dash.Dash) -> None:
    """Run the setup Dash runs on its first request (the asset files, the script and style
    bundles it serves, the callbacks): Dash marks it done as it starts, so a thread serving a
    second request meanwhile found no bundle registered and answered 404 for React, leaving the
    page on "Loading..." (the browser security test, now and then under load; a gunicorn
    worker's threads take a page's requests at once). Done here, before the workers fork,
    each starts set up."""
    app._setup_server()  # noqa: SLF001 - Dash has no public call for this
