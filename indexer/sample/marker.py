"""The marker file that says a folder holds the generated sample corpus, not real bulletins."""
from __future__ import annotations

import json
from pathlib import Path

MARKER_NAME = ".generated-sample.json"
NOTICE = "GENERATED SAMPLE DATA: {folder} holds made-up bulletins (seed {seed}), not real ones"


def write_marker(folder: Path, seed: int, months: int) -> Path:
    path = folder / MARKER_NAME
    path.write_text(json.dumps({"generated_sample": True, "seed": seed, "months": months}) + "\n")
    return path


def sample_notice(path: str | Path) -> str | None:
    """The notice to show when `path` is, or lies in, a generated sample folder."""
    path = Path(path)
    folder = path if path.is_dir() else path.parent
    marker = folder / MARKER_NAME
    if not marker.is_file():
        return None
    try:
        info = json.loads(marker.read_text())
    except (OSError, ValueError):
        info = {}
    return NOTICE.format(folder=folder, seed=info.get("seed", "?"))
