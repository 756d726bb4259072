"""Scoring an item against the taxonomy: one category, any number of themes, and why."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .taxonomy import Label, Rule, Taxonomy
from .text import Tokens


@dataclass(frozen=True, slots=True)
class Hit:
    """One rule that fired: for which label, where, on which words, for how many points."""

    label: str
    rule: str
    field: str
    matched: str
    points: float


@dataclass(frozen=True, slots=True)
class Decision:
    chosen: tuple[str, ...]
    scores: dict[str, float]
    hits: tuple[Hit, ...]
    reason: str


@dataclass(frozen=True, slots=True)
class Fields:
    """What the rules look at: headline and body tokens and the partners' types."""

    title: Tokens
    body: Tokens
    partner_types: frozenset[str] = frozenset()


def _rule_match(rule: Rule, tokens: Tokens) -> str | None:
    """The words a rule matched in one field, or None."""
    if any(t.find(tokens) for t in rule.unless):
        return None
    near_sentences = {tokens.sentence_of[p] for t in rule.near for p in t.find(tokens)}
    for term in rule.terms:
        for pos in term.find(tokens):
            if rule.near and tokens.sentence_of[pos] not in near_sentences:
                continue
            return " ".join(tokens.words[pos: pos + len(term.words)])
    return None


def _rule_hits(label: Label, rule: Rule, fields: Fields, title_weight: float) -> Iterable[Hit]:
    if rule.partner_types:
        matched = sorted(fields.partner_types & set(rule.partner_types))
        if matched:
            yield Hit(label.id, rule.describe(), "partners", ", ".join(matched), rule.weight)
        if not rule.terms:
            return
    for name, tokens, factor in (("title", fields.title, title_weight), ("body", fields.body, 1.0)):
        if rule.field in ("any", name):
            matched = _rule_match(rule, tokens)
            if matched is not None:
                yield Hit(label.id, rule.describe(), name, matched, rule.weight * factor)


def score(labels: Sequence[Label], fields: Fields, title_weight: float) -> tuple[dict[str, float], list[Hit]]:
    scores = {label.id: 0.0 for label in labels}
    hits: list[Hit] = []
    for label in labels:
        for rule in label.rules:
            for hit in _rule_hits(label, rule, fields, title_weight):
                scores[label.id] += hit.points
                hits.append(hit)
    return scores, hits


def decide_category(taxonomy: Taxonomy, fields: Fields) -> Decision:
    """The highest-scoring category; ties go to the lower `priority`; `other` when too weak."""
    scores, hits = score(taxonomy.categories, fields, taxonomy.title_weight)
    priority = {c.id: c.priority for c in taxonomy.categories}
    ranked = sorted(scores, key=lambda cid: (-scores[cid], priority[cid]))
    best = ranked[0] if ranked else "other"
    if not ranked or scores[best] < taxonomy.min_category_score:
        return Decision(("other",), scores, tuple(hits), "no rule scored enough: other")
    tied = [cid for cid in ranked if scores[cid] == scores[best]]
    reason = f"highest score {scores[best]:g}"
    if len(tied) > 1:
        reason += f", tied with {', '.join(tied[1:])}: priority {priority[best]} wins"
    return Decision((best,), scores, tuple(hits), reason)


def decide_themes(taxonomy: Taxonomy, fields: Fields) -> Decision:
    """Every theme whose score reaches its threshold, in the file's order."""
    scores, hits = score(taxonomy.themes, fields, taxonomy.title_weight)
    chosen = tuple(
        t.id for t in taxonomy.themes
        if scores[t.id] >= (t.min_score if t.min_score is not None else taxonomy.min_theme_score)
        and t.id != "other"
    )
    return Decision(chosen or ("other",), scores, tuple(hits), "themes at or above their threshold")
