"""Scoring an item against the taxonomy: one category, any number of themes, and why."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .taxonomy import Label, Rule, Taxonomy
from .terms import Term
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
class FieldView:
    """One field as the rules see it: its words, the terms found in it, and its tags
    ("partner:UN agency" when such a partner is named there, "abroad" for a foreign place)."""

    name: str
    tokens: Tokens
    matches: dict[Term, list[int]]
    tags: frozenset[str]
    factor: float  # a match here counts this many times (the headline weighs more)


def _sentences(terms: tuple[Term, ...], view: FieldView) -> set[int]:
    """The sentences of a field that hold one of the terms."""
    sentence_of, matches = view.tokens.sentence_of, view.matches
    return {sentence_of[p] for t in terms if t in matches for p in matches[t]}


def _term_match(rule: Rule, view: FieldView) -> str | None:
    """The words a rule's terms matched in one field, or None."""
    matches = view.matches
    found = [t for t in rule.terms if t in matches]
    if not found:
        return None  # the common case: checked first, the sentence sets only when needed
    near = _sentences(rule.near, view) if rule.near else None
    if near is not None and not near:
        return None
    blocked = _sentences(rule.not_near, view) if rule.not_near else ()
    sentence_of = view.tokens.sentence_of
    for term in found:
        for pos in matches[term]:
            if (near is not None and sentence_of[pos] not in near) or sentence_of[pos] in blocked:
                continue
            return " ".join(view.tokens.words[pos: pos + len(term.words)])
    return None


def _rule_hit(label: Label, rule: Rule, view: FieldView) -> Hit | None:
    if rule.field not in ("any", view.name) or (rule.unless and any(t in view.matches for t in rule.unless)):
        return None
    tags = view.tags & rule.tags if rule.tags else frozenset()
    if rule.tags and not tags:
        return None
    matched = _term_match(rule, view) if rule.terms else ", ".join(t.split(":", 1)[-1] for t in sorted(tags))
    if matched is None:
        return None
    return Hit(label.id, rule.describe(), view.name, matched, rule.weight * view.factor)


def score(
    labels: Sequence[Label], views: Iterable[FieldView], act_bonus: float = 0.0
) -> tuple[dict[str, float], list[Hit]]:
    scores = {label.id: 0.0 for label in labels}
    hits: list[Hit] = []
    for view in views:
        for label in labels:
            acted = False
            for rule in label.rules:
                hit = _rule_hit(label, rule, view)
                if hit is not None:
                    scores[label.id] += hit.points
                    hits.append(hit)
                    acted = acted or (rule.act and view.name == "title")
            if acted and act_bonus:
                # The headline says what was done ("... was signed", "... visited"): hard to outvote.
                scores[label.id] += act_bonus
                hits.append(Hit(label.id, "the headline states the act", "title", "", act_bonus))
    return scores, hits


def decide_category(taxonomy: Taxonomy, views: Sequence[FieldView]) -> Decision:
    """The highest-scoring category; ties go to the lower `priority`; `other` when too weak."""
    scores, hits = score(taxonomy.categories, views, taxonomy.act_bonus)
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


def decide_themes(taxonomy: Taxonomy, views: Sequence[FieldView]) -> Decision:
    """Every theme whose score reaches its threshold, in the file's order; `other` if none."""
    scores, hits = score(taxonomy.themes, views)
    chosen = tuple(
        t.id for t in taxonomy.themes
        if t.id != "other"
        and scores[t.id] >= (t.min_score if t.min_score is not None else taxonomy.min_theme_score)
    )
    return Decision(chosen or ("other",), scores, tuple(hits), "themes at or above their threshold")
