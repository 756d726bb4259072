"""data/corrections.toml: staff overrides of category, themes or partners, item by item."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..item import Item
from .taxonomy import CATEGORY_IDS, THEME_IDS
from .vocab import data_dir, TomlFile, required_str, string_list

FIELDS = ("category", "themes", "partners")


@dataclass(frozen=True, slots=True)
class Correction:
    id: str
    changes: dict[str, object]
    note: str = ""

    def apply(self, item: Item) -> Item:
        return item.replace(**self.changes)


def load_corrections(path: Path | None = None) -> dict[str, Correction]:
    path = path or data_dir() / "corrections.toml"
    if not path.exists():
        return {}
    file = TomlFile(path)
    out: dict[str, Correction] = {}
    for i, entry in enumerate(file.entries("correction")):
        cid = required_str(file, "correction", i, entry, "id")
        unknown = set(entry) - set(FIELDS) - {"id", "note"}
        if unknown:
            raise file.error("correction", i, f"correction of '{cid}': unknown field(s) {sorted(unknown)}; use {', '.join(FIELDS)}")
        changes: dict[str, object] = {}
        if "category" in entry:
            category = required_str(file, "correction", i, entry, "category")
            if category not in CATEGORY_IDS:
                raise file.error("correction", i, f"correction of '{cid}': category '{category}' is not one of: {', '.join(CATEGORY_IDS)}")
            changes["category"] = category
        if "themes" in entry:
            themes = string_list(file, "correction", i, entry, "themes")
            bad = [t for t in themes if t not in THEME_IDS]
            if bad:
                raise file.error("correction", i, f"correction of '{cid}': unknown theme(s) {bad}")
            changes["themes"] = tuple(themes)
        if "partners" in entry:
            changes["partners"] = tuple(string_list(file, "correction", i, entry, "partners"))
        if not changes:
            raise file.error("correction", i, f"correction of '{cid}' changes nothing")
        out[cid] = Correction(cid, changes, str(entry.get("note", "")))
    return out
