"""/healthz: what a monitor needs to know: is an index open, which generation, how many
items, and how long ago the last ingest published it. Open without sign-in."""
from __future__ import annotations

import time

from flask import Flask, jsonify

from indexer.search import IndexMissing


def register(server: Flask, holder) -> None:
    @server.get("/healthz")
    def healthz():
        try:
            index = holder()
        except IndexMissing as exc:
            return jsonify({"status": "no index", "error": str(exc)}), 503
        published = index.generation.stat().st_mtime  # a generation is never written after it is published
        return jsonify({
            "status": "ok",
            "generation": index.generation.name,
            "items": index.size,
            "last_ingest_age_s": round(max(0.0, time.time() - published), 1),
        })
