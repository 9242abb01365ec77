"""Export fixtures: a preset scenario with a change from the plan, its charts built offscreen, a fixed time."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from hkplanner.core.presets import preset
from hkplanner.core.scenario_file import ScenarioDocument

HONG_KONG = timezone(timedelta(hours=8))
EXPORTED_AT = datetime(2026, 11, 25, 14, 30, tzinfo=HONG_KONG)
PRIVATE_LATE = "Private build-out two years late"


@pytest.fixture
def document() -> ScenarioDocument:
    """One change from the baseline: the private build-out two years late."""
    return preset("02-private-late").document


@pytest.fixture
def pins():
    return [("Market fund", preset("03-market-fund").document.scenario)]


@pytest.fixture
def charts(qapp, document):
    from hkplanner.export.charts import offscreen_charts

    with offscreen_charts(document.scenario) as built:
        yield built
