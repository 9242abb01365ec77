"""The facts the briefing pack and the workbook both report: targets against the baseline, changed parameters."""

from __future__ import annotations

import math
from dataclasses import dataclass

from hkplanner.core import REGISTRY, Parameter, Projection, Scenario, TargetResult, baseline
from hkplanner.core.formatting import quantity, shortfall


def verdict(result: TargetResult) -> str:
    if not result.judged:
        return f"Not judged (no figure for {result.due_year})"
    return "Met" if result.met else "Missed"


@dataclass(frozen=True)
class TargetRow:
    scenario: TargetResult
    baseline: TargetResult

    @property
    def title(self) -> str:
        target = self.scenario.target
        goal = quantity(target.threshold, target.unit, exact=True)
        return f"{target.title}: {'above ' if target.comparison == '>' else ''}{goal}"

    @property
    def shortfall_text(self) -> str:
        result = self.scenario
        return shortfall(result.shortfall, result.target.unit) if result.judged and not result.met else "–"

    @property
    def against_baseline(self) -> float:
        """The scenario's figure minus the baseline's in the due year; NaN when either is unknown."""
        return self.scenario.value - self.baseline.value

    @property
    def against_baseline_text(self) -> str:
        difference = self.against_baseline
        if math.isnan(difference):
            return "–"
        if round(difference, 1) == 0:
            return "same as the plan"
        sign = "+" if difference > 0 else "−"
        return sign + quantity(abs(difference), self.scenario.target.unit)


def target_rows(projection: Projection, baseline_projection: Projection) -> list[TargetRow]:
    pairs = zip(projection.targets, baseline_projection.targets, strict=True)
    return [TargetRow(mine, theirs) for mine, theirs in pairs]


def changed_parameters(scenario: Scenario) -> list[tuple[Parameter, float, float]]:
    """(parameter, scenario value, baseline value) for every parameter that differs from the baseline."""
    reference = baseline()
    return [(REGISTRY[key], scenario[key], reference[key]) for key in scenario.changed_keys(reference)]
