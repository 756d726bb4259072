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


def sample_notice(path: str | Path, short: bool = False) -> str | None:
    """The notice to show when `path` is, or lies in, a generated sample folder; `short`
    names the folder without its parents (for files that leave this machine)."""
    path = Path(path)
    folder = path if path.is_dir() else path.parent
    marker = folder / MARKER_NAME
    if not marker.is_file():
        return None
    try:
        info = json.loads(marker.read_text())
    except (OSError, ValueError):
        info = {}
    return NOTICE.format(folder=folder.name if short else folder, seed=info.get("seed", "?"))


def notice_for_files(paths) -> str | None:
    """The short notice for a set of indexed files when any lies in a sample folder."""
    notices = sorted({n for n in (sample_notice(p, short=True) for p in paths) if n})
    return notices[0] if notices else None
