"""The model, free of Qt: parameters, scenarios, projections and targets."""

from hkplanner.core.batch import BatchError, BatchProjection, project_batch
from hkplanner.core.parameters import GROUPS, REGISTRY, Parameter, ParameterError
from hkplanner.core.phases import OWNERS, RAMPS, Phase, PhaseError
from hkplanner.core.projection import COLUMNS, Projection, project
from hkplanner.core.scenario import Scenario, ScenarioError, baseline
from hkplanner.core.targets import TARGETS, Target, TargetResult, TargetVerdicts

__all__ = [
    "COLUMNS",
    "GROUPS",
    "OWNERS",
    "RAMPS",
    "REGISTRY",
    "TARGETS",
    "BatchError",
    "BatchProjection",
    "Parameter",
    "ParameterError",
    "Phase",
    "PhaseError",
    "Projection",
    "Scenario",
    "ScenarioError",
    "Target",
    "TargetResult",
    "TargetVerdicts",
    "baseline",
    "project",
    "project_batch",
]
