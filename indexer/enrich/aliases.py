"""Adding a name the patterns found as an alias of a known partner in partners.toml (from
the Review page): the file's text is changed in one place, checked by the same loader as
every run, and swapped in atomically."""
from __future__ import annotations

import json
import re
from pathlib import Path

from .corrections import edit_lock, write_checked
from .partners import load_partners
from .vocab import VocabularyError, data_dir

_HEADER = re.compile(r"^\[\[partner\]\]\s*$", re.MULTILINE)


def partners_path() -> Path:
    return data_dir() / "partners.toml"


def add_alias(partner: str, alias: str, path: Path | None = None) -> None:
    """Add `alias` to the aliases of the listed `partner`. Raises VocabularyError (one line)
    when the partner is not listed or the form already names a partner."""
    path = path or partners_path()
    alias = " ".join(alias.split())
    with edit_lock(path):
        book = load_partners(path)
        if partner not in book.by_name:
            raise VocabularyError(path, None, f"no partner named '{partner}' to add an alias to")
        taken = {f.lower(): p.name for p in book.partners for f in (p.name, *p.aliases, *p.acronyms)}
        if not alias or len(alias) > 200:
            raise VocabularyError(path, None, "an alias must be 1 to 200 characters")
        if alias.lower() in taken:
            raise VocabularyError(path, None, f"'{alias}' already names the partner '{taken[alias.lower()]}'")
        text = path.read_text(encoding="utf-8")
        write_checked(path, _with_alias(text, partner, alias), lambda tmp: _holds_alias(tmp, partner, alias))


def _with_alias(text: str, partner: str, alias: str) -> str:
    starts = [m.start() for m in _HEADER.finditer(text)]
    quoted = json.dumps(alias, ensure_ascii=False)
    for start, end in zip(starts, [*starts[1:], len(text)]):
        block = text[start:end]
        if not re.search(rf"^name\s*=\s*{re.escape(json.dumps(partner, ensure_ascii=False))}\s*$", block, re.MULTILINE):
            continue
        if re.search(r"^aliases\s*=\s*\[\s*\]", block, re.MULTILINE):
            block = re.sub(r"^aliases\s*=\s*\[\s*\]", lambda _: f"aliases = [{quoted}]", block, count=1, flags=re.MULTILINE)
        elif re.search(r"^aliases\s*=\s*\[", block, re.MULTILINE):
            block = re.sub(r"^aliases\s*=\s*\[", lambda m: f"{m.group(0)}{quoted}, ", block, count=1, flags=re.MULTILINE)
        else:
            block = re.sub(r"^name\s*=.*$", lambda m: f"{m.group(0)}\naliases = [{quoted}]", block, count=1, flags=re.MULTILINE)
        return text[:start] + block + text[end:]
    return text  # the name is written in a way this edit does not read: _holds_alias says so


def _holds_alias(path: Path, partner: str, alias: str) -> None:
    """The written file loads, and the alias is really there (a name written as a TOML
    literal 'string' or with escapes is not found by `_with_alias`)."""
    book = load_partners(path)
    if alias.lower() not in {a.lower() for a in book.by_name[partner].aliases}:
        raise VocabularyError(path, None, f"could not add '{alias}' to '{partner}': edit partners.toml by hand")
