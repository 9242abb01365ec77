"""The model keeps each part's results while the part's inputs stay: a slider step reruns only the parts
that read the moved parameter, and what it shows is what the whole model gives."""

from __future__ import annotations

import numpy as np
import pytest

from hkplanner.core import COLUMNS, REGISTRY, baseline, project
from hkplanner.core.model import forget_kept_parts


def _moved(key: str) -> float:
    """A value of the parameter other than the baseline's, within its slider range."""
    parameter = REGISTRY[key]
    low, high = parameter.slider
    value = low + (high - low) / 3
    return round(value) if parameter.is_integer else value


def _assert_same(shown, whole) -> None:
    for key in COLUMNS:
        np.testing.assert_array_equal(shown[key], whole[key], err_msg=key)
    np.testing.assert_array_equal(shown.phase_capacity_pf, whole.phase_capacity_pf)
    assert shown.targets == whole.targets
    assert shown.mfg_growth_required_pct == whole.mfg_growth_required_pct


@pytest.mark.parametrize("key", sorted(REGISTRY))
def test_a_slider_step_shows_what_the_whole_model_gives(key):
    project(baseline())  # every part kept at the baseline's values
    moved = baseline().replace(**{key: _moved(key)})
    shown = project(moved)
    forget_kept_parts()
    _assert_same(shown, project(moved))


def test_stepping_back_shows_the_first_projection_again():
    first = project(baseline())
    project(baseline().replace(pue=1.2, co_investment_ratio=1.0))
    _assert_same(project(baseline()), first)


def test_kept_series_cannot_be_changed_by_a_reader():
    series = project(baseline())["capacity_total_pf"]
    with pytest.raises(ValueError, match="read-only"):
        series[0] = 1.0
