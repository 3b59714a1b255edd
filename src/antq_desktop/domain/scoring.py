"""Self-assessment scoring: outcome (đạt / chưa đạt), points and the movement's classification level."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from antq_desktop.domain.catalog import CriteriaCatalog

OUTCOME_MET = "dat"
OUTCOME_NOT_MET = "chua_dat"
OUTCOME_LABELS = {OUTCOME_MET: "Đạt", OUTCOME_NOT_MET: "Chưa đạt"}
COMPARATORS = {">=": lambda a, t: a >= t, ">": lambda a, t: a > t}


@dataclass(frozen=True)
class AssessmentResult:
    outcome: str
    score: float
    max_score: float
    level: str
    unmet_required: tuple[str, ...]


def _is_met(answer: Any) -> bool:
    # Answers are {"met": bool, "note": ..., "evidence": ...}; a bare bool is accepted too.
    return bool(answer.get("met")) if isinstance(answer, Mapping) else bool(answer)


def score_assessment(catalog: CriteriaCatalog, unit_type: str, answers: Mapping[str, Any]) -> AssessmentResult:
    """Outcome needs every required criterion; the level follows the score, capped when not met."""
    criteria = catalog.criteria(unit_type)
    met = {c.code for c in criteria if _is_met(answers.get(c.code))}
    score = sum(c.points for c in criteria if c.code in met)
    unmet = tuple(c.code for c in criteria if c.required and c.code not in met)
    outcome = OUTCOME_NOT_MET if unmet else OUTCOME_MET
    return AssessmentResult(outcome, score, sum(c.points for c in criteria), _classify(catalog, score, outcome), unmet)


def _classify(catalog: CriteriaCatalog, score: float, outcome: str) -> str:
    level = next((lv.code for lv in catalog.levels if score >= lv.min_score), catalog.levels[-1].code)
    cap = catalog.max_level_if_not_met
    if outcome == OUTCOME_NOT_MET and cap and catalog.rank(level) < catalog.rank(cap):
        return cap
    return level


def target_met(actual: float | None, comparator: str, threshold: float) -> bool:
    return actual is not None and COMPARATORS[comparator](round(actual, 6), threshold)
