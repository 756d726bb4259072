"""data/taxonomy.toml: categories and themes, each with weighted matching rules."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .terms import Term
from .vocab import data_dir, TomlFile, VocabularyError, required_str

CATEGORY_IDS = (
    "monitoring_visit", "event", "awareness", "cooperation", "agreement", "meeting", "case",
    "statement", "publication", "humanitarian", "institutional", "other",
)
THEME_IDS = (
    "detention", "children", "disability", "women", "elderly", "mental_health", "health",
    "migrants_refugees", "missing_persons_ihl", "business_human_rights", "education", "media",
    "military", "minorities", "equality", "other",
)
FIELDS = ("any", "title", "body")


@dataclass(frozen=True, slots=True)
class Rule:
    terms: tuple[Term, ...]
    weight: float
    field: str = "any"
    near: tuple[Term, ...] = ()  # one of these must share a sentence with the match
    unless: tuple[Term, ...] = ()  # none of these may appear in the same field
    tags: frozenset[str] = frozenset()  # and: the field must carry one of these tags
    note: str = ""
    not_near: tuple[Term, ...] = ()  # a match does not count in a sentence holding one of these
    act: bool = False  # in the headline, the rule states the item's act (see Taxonomy.act_bonus)

    def describe(self) -> str:
        if self.note:
            return self.note
        if not self.terms:
            return "field has " + " / ".join(sorted(self.tags))
        text = " | ".join(t.text for t in self.terms[:6]) + (" | ..." if len(self.terms) > 6 else "")
        if self.near:
            text += " near " + " | ".join(t.text for t in self.near[:4]) + (" | ..." if len(self.near) > 4 else "")
        return text


@dataclass(frozen=True, slots=True)
class Label:
    """A category or a theme: its id, how it is shown, and the rules that vote for it."""

    id: str
    name: str
    description: str
    rules: tuple[Rule, ...]
    priority: int = 100
    min_score: float | None = None


@dataclass(frozen=True, slots=True)
class Taxonomy:
    categories: tuple[Label, ...]
    themes: tuple[Label, ...]
    title_weight: float
    min_category_score: float
    min_theme_score: float
    act_bonus: float = 0.0  # added once to a category whose `act` rule fires in the headline

    def category(self, cid: str) -> Label | None:
        return next((c for c in self.categories if c.id == cid), None)

    def terms(self) -> Iterator[Term]:
        """Every term any rule looks for (terms, near and unless)."""
        for label in (*self.categories, *self.themes):
            for rule in label.rules:
                yield from (*rule.terms, *rule.near, *rule.unless, *rule.not_near)


def load_taxonomy(path: Path | None = None, partner_types: frozenset[str] = frozenset()) -> Taxonomy:
    file = TomlFile(path or data_dir() / "taxonomy.toml")
    settings = file.data.get("settings", {})
    sets = _term_sets(file)
    reader = _Reader(file, sets, partner_types)
    categories = reader.labels("category", CATEGORY_IDS)
    themes = reader.labels("theme", THEME_IDS)
    return Taxonomy(
        categories=categories,
        themes=themes,
        title_weight=float(settings.get("title_weight", 2.0)),
        min_category_score=float(settings.get("min_category_score", 1.0)),
        min_theme_score=float(settings.get("min_theme_score", 1.0)),
        act_bonus=float(settings.get("act_bonus", 0.0)),
    )


def _term_sets(file: TomlFile) -> dict[str, list[str]]:
    sets = file.data.get("sets", {})
    if not isinstance(sets, dict) or not all(
        isinstance(v, list) and all(isinstance(t, str) for t in v) for v in sets.values()
    ):
        raise VocabularyError(file.path, _line(file, "[sets]"), "[sets] must map names to lists of terms")
    return sets


def _line(file: TomlFile, needle: str) -> int | None:
    pos = file.text.find(needle)
    return file.text.count("\n", 0, pos) + 1 if pos >= 0 else None


class _Reader:
    def __init__(self, file: TomlFile, sets: dict[str, list[str]], partner_types: frozenset[str]) -> None:
        self.file, self.sets, self.partner_types = file, sets, partner_types
        self.rule_index = 0  # running index of [[X.rule]] headers, for line numbers

    def labels(self, table: str, allowed: tuple[str, ...]) -> tuple[Label, ...]:
        self.rule_index = 0
        out: list[Label] = []
        for i, entry in enumerate(self.file.entries(table)):
            lid = required_str(self.file, table, i, entry, "id")
            if lid not in allowed:
                raise self.file.error(table, i, f"{table} id '{lid}' is not one of: {', '.join(allowed)}")
            if any(label.id == lid for label in out):
                raise self.file.error(table, i, f"{table} id '{lid}' is defined twice")
            out.append(self._label(table, i, lid, entry))
        return tuple(out)

    def _label(self, table: str, i: int, lid: str, entry: dict[str, Any]) -> Label:
        rules = entry.get("rule", [])
        if not isinstance(rules, list):
            raise self.file.error(table, i, "'rule' must be a list of [[%s.rule]] tables" % table)
        parsed = tuple(self._rule(table, lid, r) for r in rules)
        return Label(
            id=lid,
            name=str(entry.get("name", lid)),
            description=str(entry.get("description", "")),
            rules=parsed,
            priority=int(entry.get("priority", 100)),
            min_score=float(entry["min_score"]) if "min_score" in entry else None,
        )

    def _rule(self, table: str, lid: str, raw: dict[str, Any]) -> Rule:
        where, n = f"{table}.rule", self.rule_index
        self.rule_index += 1
        try:
            rule = Rule(
                terms=self._terms(raw.get("terms", [])),
                weight=float(raw.get("weight", 1.0)),
                field=str(raw.get("field", "any")),
                near=self._terms(raw.get("near", [])),
                unless=self._terms(raw.get("unless", [])),
                tags=self._tags(raw),
                note=str(raw.get("note", "")),
                not_near=self._terms(raw.get("not_near", [])),
                act=bool(raw.get("act", False)),
            )
        except (ValueError, TypeError, KeyError) as exc:
            raise self.file.error(where, n, f"rule of '{lid}': {exc}") from None
        self._check(rule, where, n, lid)
        return rule

    def _check(self, rule: Rule, where: str, n: int, lid: str) -> None:
        if rule.field not in FIELDS:
            raise self.file.error(where, n, f"rule of '{lid}': field must be one of {', '.join(FIELDS)}")
        if not rule.terms and not rule.tags:
            raise self.file.error(where, n, f"rule of '{lid}' needs 'terms', 'partner_types', 'abroad' or 'attributed'")
        types = {t.split(":", 1)[1] for t in rule.tags if t.startswith("partner:")}
        unknown = types - self.partner_types if self.partner_types else set()
        if unknown:
            raise self.file.error(where, n, f"rule of '{lid}': unknown partner type(s) {sorted(unknown)}")

    @staticmethod
    def _tags(raw: dict[str, Any]) -> frozenset[str]:
        types = raw.get("partner_types", [])
        if not isinstance(types, list) or not all(isinstance(t, str) for t in types):
            raise ValueError("partner_types must be a list of partner types")
        flags = [flag for flag in ("abroad", "attributed") if raw.get(flag)]
        return frozenset([f"partner:{t}" for t in types] + flags)

    def _terms(self, raw: Any) -> tuple[Term, ...]:
        if not isinstance(raw, list) or not all(isinstance(t, str) for t in raw):
            raise ValueError("terms must be a list of strings")
        out: list[Term] = []
        for text in raw:
            if text.startswith("@"):
                if text[1:] not in self.sets:
                    raise KeyError(f"unknown term set '{text}' (define it under [sets])")
                out.extend(Term.parse(t) for t in self.sets[text[1:]])
            else:
                out.append(Term.parse(text))
        return tuple(out)
