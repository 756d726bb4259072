"""Query expansion at search time: the words staff type, widened to the words the office
writes. Two sources, both editable data:

- data/synonyms.toml: groups of equivalent words and phrases ("prison" also searches
  "penitentiary", "detention facility", "colony", ...);
- data/partners.toml: a partner's name, alias or acronym typed as words also finds the
  items labelled with that partner (`ICRC` also searches `partner:"international committee
  of the red cross"`), so text and the partner facet agree.

Only plain words are widened: a "quoted phrase", a field:value, a prefix*, a fuzzy~ word and
the word right after NOT are searched as typed (quotes are how a user switches it off).
The result names what was added, for "also searched: penitentiary, ...".
"""
from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..enrich.partners import load_partners
from ..enrich.vocab import TomlFile, VocabularyError, data_dir, string_list

FILE_NAME = "synonyms.toml"
MAX_WORDS = 8  # the longest term or partner name matched, in words
OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE", "TO"}
_TOKEN = re.compile(r'(?P<quoted>"[^"]*"?)|(?P<field>\w+:(?:"[^"]*"?|[\[{][^\]}]*[\]}]?|[^\s()]+))'
                    r'|(?P<space>\s+)|(?P<paren>[()])|(?P<word>[^\s()"]+)')
_PLAIN = re.compile(r"^\w[\w'’.-]*$")  # a word that may be widened (no *, ~, ^ or field)
_UNSAFE = re.compile(r'["*?~^:()\[\]{}]')  # characters a term in the file may not hold
_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Expansion:
    text: str  # the query to parse: the typed one with OR groups around widened words
    also: tuple[str, ...] = ()  # what was added, as shown to users ("partner: ..." for partners)


@dataclass(frozen=True)
class _Target:
    terms: tuple[str, ...]  # searched as words or "phrases"
    partner: str | None = None  # the canonical partner name, searched in the partner field


def _key(text: str) -> str:
    return " ".join(text.replace("-", " ").replace("’", "'").split()).casefold()


def _singular(key: str) -> str:
    # "prisons" -> "prison", "detention facilities" stays (the group lists the forms it needs)
    return key[:-1] if len(key) > 3 and key.endswith("s") and not key.endswith("ss") else key


class Expander:
    """Widens query text with synonym groups and partner forms."""

    def __init__(self, groups: Iterable[Sequence[str]] = (), partners: Iterable = ()) -> None:
        self._synonyms: dict[str, tuple[str, ...]] = {}
        for group in groups:
            for term in group:
                self._synonyms.setdefault(_key(term), tuple(group))
        self._forms: dict[str, str] = {}  # name or alias, case-folded -> canonical name
        self._acronyms: dict[str, str] = {}  # acronym as written -> canonical name
        for p in partners:
            for form in (p.name, *p.aliases):
                self._forms.setdefault(_key(form), p.name)
            for acronym in p.acronyms:
                self._acronyms.setdefault(acronym, p.name)

    def expand(self, text: str) -> Expansion:
        out, also, run = [], [], []  # run: (word, spaces after it) of plain words not yet written
        tokens = [(m.lastgroup, m.group()) for m in _TOKEN.finditer(text)]
        after_not = False
        for kind, value in tokens:
            if kind == "space":  # kept after the word it follows, so a run can be rewritten whole
                if run:
                    run[-1].append(value)
                else:
                    out.append(value)
                continue
            if kind == "word" and _PLAIN.match(value) and value not in OPERATORS and not after_not:
                run.append([value])
                continue
            out += self._widen(run, also)
            run = []
            out.append(value)
            after_not = kind == "word" and value in ("NOT", "ANDNOT")
        out += self._widen(run, also)
        return Expansion("".join(out), tuple(dict.fromkeys(also)))

    def _widen(self, run: list[list[str]], also: list[str]) -> list[str]:
        out, i = [], 0
        while i < len(run):
            for n in range(min(MAX_WORDS, len(run) - i), 0, -1):
                words = [w[0] for w in run[i:i + n]]
                target = self._target(" ".join(words))
                if target is not None:
                    break
            typed = " ".join(words)
            trailing = "".join(run[i + n - 1][1:])
            out.append(self._group(typed, target, also) + trailing if target else typed + trailing)
            i += n
        return out

    def _target(self, typed: str) -> _Target | None:
        key = _key(typed)
        group = self._synonyms.get(key) or self._synonyms.get(_singular(key))
        partner = self._acronyms.get(typed) or self._forms.get(key)
        if group is None and partner is None:
            return None
        others = tuple(t for t in (group or ()) if _key(t) not in (key, _singular(key)))
        return _Target(others, partner) if others or partner else None

    @staticmethod
    def _group(typed: str, target: _Target, also: list[str]) -> str:
        parts = [typed] + [f'"{t}"' if " " in t else t for t in target.terms]
        also += list(target.terms)
        if target.partner:
            value = " ".join(target.partner.replace(",", " ").split()).lower()
            parts.append(f'partner:"{value}"')
            also.append(f"partner: {target.partner}")
        return "(" + " OR ".join(parts) + ")"


# --------------------------------------------------------------------------- loading


def load_synonyms(path: Path | None = None) -> list[tuple[str, ...]]:
    """The groups of data/synonyms.toml, checked: FILE:LINE errors (VocabularyError)."""
    file = TomlFile(path or data_dir() / FILE_NAME)
    groups, seen = [], {}
    for i, entry in enumerate(file.entries("group")):
        terms = [" ".join(t.split()) for t in string_list(file, "group", i, entry, "terms")]
        unknown = set(entry) - {"terms", "note"}
        if unknown:
            raise file.error("group", i, f"unknown key(s) {', '.join(sorted(unknown))}; a group has terms and note")
        if len({_key(t) for t in terms}) < 2:
            raise file.error("group", i, "'terms' needs at least two different words or phrases")
        for term in terms:
            if _UNSAFE.search(term):
                raise file.error("group", i, f"term '{term}' holds one of \" * ? ~ ^ : ( ) [ ] {{ }}")
            if _key(term) in seen and seen[_key(term)] != i:
                raise file.error("group", i, f"term '{term}' is already in the group at line "
                                             f"{file.line_of('group', seen[_key(term)])}")
            seen[_key(term)] = i
        groups.append(tuple(terms))
    return groups


def load_expander(folder: Path | None = None) -> Expander:
    """The expander of a data folder (default: $BULLETINS_DATA or data/); raises
    VocabularyError naming FILE:LINE when synonyms.toml or partners.toml is wrong."""
    folder = Path(folder or data_dir())
    return Expander(load_synonyms(folder / FILE_NAME), load_partners(folder / "partners.toml").partners)


def default_expander(folder: str | None = None) -> Expander:
    """The expander searches use unless told otherwise, read again when synonyms.toml or
    partners.toml change (staff add aliases from the Review page; the server opens a new
    SearchIndex with each index generation, and so sees them)."""
    base = Path(folder or data_dir())
    stamps = tuple(_mtime(base / name) for name in (FILE_NAME, "partners.toml"))
    return _expander_of(str(base), stamps)


def _mtime(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


@lru_cache(maxsize=4)
def _expander_of(folder: str, _stamps: tuple[int, ...]) -> Expander:
    """A broken file has been reported by the command that opened the index (FILE:LINE);
    searching still works, unwidened."""
    try:
        return load_expander(Path(folder))
    except VocabularyError as exc:
        _log.warning("query expansion off: %s", exc)
        return Expander()
