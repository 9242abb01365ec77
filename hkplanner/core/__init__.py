"""The model, free of Qt: parameters, scenarios, projections and targets."""

from hkplanner.core.batch import BatchError, BatchProjection, project_batch
from hkplanner.core.parameters import GROUPS, REGISTRY, Parameter, ParameterError
from hkplanner.core.phases import OWNERS, RAMPS, Phase, PhaseError
from hkplanner.core.projection import COLUMNS, Projection, project
from hkplanner.core.scenario import Scenario, ScenarioError, baseline
from hkplanner.core.targets import TARGETS, Target, TargetResult, TargetVerdicts
from hkplanner.core.workspace import MAX_PINNED, Pin, Workspace, projected_over

__all__ = [
    "COLUMNS",
    "GROUPS",
    "MAX_PINNED",
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
    "Pin",
    "Projection",
    "Scenario",
    "ScenarioError",
    "Target",
    "TargetResult",
    "TargetVerdicts",
    "Workspace",
    "baseline",
    "project",
    "project_batch",
    "projected_over",
]
