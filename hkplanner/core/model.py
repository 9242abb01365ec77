"""The model run shared by `project()` and `project_batch()`: every sub-model on N scenarios at once.

Inputs are (N, 1) arrays per parameter and the phases as arrays; the output is every column as an
(N, years) array over the whole timeline, official figures in the history years and blanks where
nothing was observed. One scenario is a batch of one, so there is one code path.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from hkplanner.core.compute import project_compute
from hkplanner.core.fund import project_fund
from hkplanner.core.history import HISTORY
from hkplanner.core.manufacturing import project_manufacturing
from hkplanner.core.phases import PhaseArrays
from hkplanner.core.rnd import project_rnd
from hkplanner.core.timeline import WINDOW_START, YEARS, running_total


def _official(key: str, factor: float = 1.0) -> np.ndarray:
    return HISTORY[key].values[: WINDOW_START + 1] * factor


_GERD = _official("gerd_hkd_m", 1 / 1000)
_BUSINESS = _official("business_rnd_hkd_m", 1 / 1000)
# Columns whose history years (the last one included) are official figures; the rest are blank before 2024.
OFFICIAL = {
    "rnd_total_hkd_bn": _GERD,
    "rnd_private_hkd_bn": _BUSINESS,
    "rnd_private_share_pct": 100 * _BUSINESS / _GERD,
    "gdp_hkd_bn": _official("gdp_hkd_m", 1 / 1000),
    "mfg_share_gdp_pct": _official("mfg_share_gdp_pct"),
    "fund_public_cum_hkd_bn": _official("fund_public_cum_hkd_bn"),
    "fund_private_cum_hkd_bn": _official("fund_private_cum_hkd_bn"),
    "startups_backed": _official("startups_backed"),
}


def run(
    values: dict[str, np.ndarray], phases: PhaseArrays, columns, rows: int = 1
) -> tuple[dict, np.ndarray, np.ndarray]:
    """Every column in `columns` as (rows, years), capacity by phase from the last history year
    ((1 or rows, phases, window years)) and the manufacturing growth the target needs (rows,).
    Inputs may have 1 row where every scenario shares them."""
    compute = project_compute(values, phases)
    fund = project_fund(values)
    rnd = project_rnd(values, fund["fund_private_new_cum"])
    manufacturing, required_growth = project_manufacturing(values)
    window = {**compute, **fund, **rnd, **manufacturing}
    outlay = window["capex_public_year_hkd_bn"] + window["compute_subsidy_hkd_bn"]
    window["public_outlay_hkd_bn"] = outlay + window["fund_public_deployed_hkd_bn"]
    window["public_outlay_cum_hkd_bn"] = running_total(window["public_outlay_hkd_bn"])

    block = np.empty((len(columns), rows, len(YEARS)))  # one allocation for every column
    for index, key in enumerate(columns):
        block[index, :, WINDOW_START:] = window[key]
    official, blank = _history_rows(tuple(columns))
    block[official, :, : WINDOW_START + 1] = _prefix(tuple(columns))
    block[blank, :, :WINDOW_START] = np.nan
    required = np.broadcast_to(required_growth[:, 0], (rows,))
    return dict(zip(columns, block, strict=True)), window["phase_capacity_pf"], required


@lru_cache(maxsize=4)
def _history_rows(columns: tuple[str, ...]) -> tuple[list[int], list[int]]:
    official = [index for index, key in enumerate(columns) if key in OFFICIAL]
    return official, [index for index, key in enumerate(columns) if key not in OFFICIAL]


@lru_cache(maxsize=4)
def _prefix(columns: tuple[str, ...]) -> np.ndarray:
    return np.array([OFFICIAL[key] for key in columns if key in OFFICIAL])[:, None, :]
