"""`project(scenario)`: the pure model run, and the Projection it returns."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from types import MappingProxyType
from typing import TYPE_CHECKING

import numpy as np

from hkplanner.core.model import run_one
from hkplanner.core.phases import phase_arrays
from hkplanner.core.scenario import Scenario
from hkplanner.core.targets import TargetResult
from hkplanner.core.timeline import FIRST_YEAR, IS_HISTORY, YEARS

if TYPE_CHECKING:
    import pandas as pd

# Every column of a projection: title and unit, in table order. Money is nominal HK$ throughout.
COLUMNS = MappingProxyType(
    {
        "capacity_total_pf": ("AI compute capacity", "PF"),
        "capacity_public_pf": ("Public AI compute", "PF"),
        "capacity_private_pf": ("Private AI compute", "PF"),
        "capacity_northern_metropolis_pf": ("Private AI compute in the Northern Metropolis", "PF"),
        "capacity_other_private_pf": ("Other private AI compute", "PF"),
        "demand_pf": ("Demand for AI compute", "PF"),
        "compute_gap_pf": ("Demand not met by capacity", "PF"),
        "power_mw": ("Power for AI compute (facility)", "MW"),
        "power_it_mw": ("Power drawn by the computing equipment (IT load)", "MW"),
        "capex_hkd_bn": ("Capital cost of compute, cumulative from 2025", "HK$ bn"),
        "fund_public_cum_hkd_bn": ("Venture fund public money invested, cumulative", "HK$ bn"),
        "fund_private_cum_hkd_bn": ("Private co-investment, cumulative", "HK$ bn"),
        "fund_private_new_hkd_bn": ("Private co-investment in the year", "HK$ bn"),
        "startups_backed": ("Start-ups backed, cumulative", "start-ups"),
        "rnd_total_hkd_bn": ("R&D spending (GERD)", "HK$ bn"),
        "rnd_private_hkd_bn": ("Private (business) R&D", "HK$ bn"),
        "rnd_private_share_pct": ("Private share of R&D", "%"),
        "rnd_from_fund_hkd_bn": ("R&D performed by fund-backed firms", "HK$ bn"),
        "compute_subsidy_hkd_bn": ("AI computing subsidy in the year", "HK$ bn"),
        "public_outlay_hkd_bn": ("Government outlay in the year", "HK$ bn"),
        "public_outlay_cum_hkd_bn": ("Government outlay, cumulative from 2025", "HK$ bn"),
        "gdp_hkd_bn": ("GDP", "HK$ bn"),
        "mfg_share_gdp_pct": ("Manufacturing share of GDP", "% of GDP"),
        "mfg_share_no_push_pct": ("Manufacturing share with no policy push", "% of GDP"),
    }
)


@dataclass(frozen=True, eq=False)
class Projection:
    """Arrays over the years from the first official year to the scenario's end year."""

    scenario: Scenario
    years: np.ndarray
    is_history: np.ndarray
    series: MappingProxyType  # column key -> array over `years`
    phase_capacity_pf: np.ndarray  # one row per scenario phase, one column per year
    targets: tuple[TargetResult, ...]  # each judged in its own year, whatever the end year
    mfg_growth_required_pct: float

    def __getitem__(self, key: str) -> np.ndarray:
        return self.series[key]

    def at(self, key: str, year: int) -> float:
        return float(self.series[key][year - FIRST_YEAR])

    @cached_property
    def frame(self) -> pd.DataFrame:
        """The projection as a table: one row per year, one column per series, plus `is_history`."""
        import pandas as pd  # only tables need pandas; keeps start-up fast

        frame = pd.DataFrame(dict(self.series), index=pd.Index(self.years, name="year"))
        frame["is_history"] = self.is_history
        frame.attrs["units"] = {key: unit for key, (_, unit) in COLUMNS.items()}
        return frame


def project(scenario: Scenario) -> Projection:
    stop = scenario.values["end_year"] - FIRST_YEAR + 1
    model = run_one(scenario.values, phase_arrays(scenario.phases), stop)
    series = model.series
    return Projection(
        scenario=scenario,
        years=YEARS[:stop],
        is_history=IS_HISTORY[:stop],
        series=MappingProxyType({key: series[key] for key in COLUMNS}),
        phase_capacity_pf=series["phase_capacity_pf"],  # blank before the last history year
        targets=model.targets,
        mfg_growth_required_pct=model.mfg_growth_required_pct,
    )
