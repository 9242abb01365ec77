"""The analysis tests (and the analysis UI tests) run on the real model through `PROJECT_BATCH`.

Until the core's batch projection lands, `loop_project_batch` stands in for it: a loop over `project()`
that returns the batch contract's shapes. To run every analysis test on the core's own batch projection,
set `PROJECT_BATCH = hkplanner.core.project_batch` here: this is the one place to change.
`RANGES` are the tests' own uncertainty ranges, so the tests do not hang on the registry's values.
"""

from __future__ import annotations

import pytest

from hkplanner.analysis.inputs import Range
from tests.analysis.batch_adapter import loop_project_batch

PROJECT_BATCH = loop_project_batch

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
    return PROJECT_BATCH


@pytest.fixture
def ranges():
    return dict(RANGES)
