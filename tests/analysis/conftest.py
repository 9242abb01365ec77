"""The analysis tests run on the real model through `project_batch` and `ranges` below.

Until the core's batch projection lands, `loop_project_batch` stands in for it: a loop over `project()`
that returns the batch contract's shapes. To run the tests on the core's own batch projection, make both
fixtures return the core's (`hkplanner.core.project_batch`, `hkplanner.analysis.inputs.registry_ranges()`):
this file is the one place to change.
"""

from __future__ import annotations

import pytest

from hkplanner.analysis.inputs import Range
from tests.analysis.batch_adapter import loop_project_batch

# A few assumptions' uncertainty (low, likely, high); likely is the registry default.
RANGES = {
    "compute_demand_growth_pct": Range(15.0, 25.0, 40.0),
    "cost_per_pf_hkd_m": Range(0.15, 0.22, 0.35),
    "pue": Range(1.3, 1.6, 1.9),
    "rnd_private_growth_pct": Range(3.0, 6.3, 9.0),
    "gdp_growth_pct": Range(1.5, 2.9, 3.5),
}


@pytest.fixture
def project_batch():
    return loop_project_batch


@pytest.fixture
def ranges():
    return dict(RANGES)
