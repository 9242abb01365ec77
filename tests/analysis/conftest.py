"""The analysis tests (and the analysis UI tests) run on the real model's batch projection.

`RANGES` takes a few assumptions' uncertainty from the registry, so the tests stay quick while
exercising the ranges the app ships.
"""

from __future__ import annotations

import pytest

from hkplanner.analysis.inputs import Range
from hkplanner.core import REGISTRY
from hkplanner.core import project_batch as core_project_batch

PROJECT_BATCH = core_project_batch
RANGED = ("compute_demand_growth_pct", "cost_per_pf_hkd_m", "pue", "rnd_private_growth_pct", "gdp_growth_pct")
RANGES = {key: Range(REGISTRY[key].low, REGISTRY[key].likely, REGISTRY[key].high) for key in RANGED}


@pytest.fixture
def project_batch():
    return PROJECT_BATCH


@pytest.fixture
def ranges():
    return dict(RANGES)
