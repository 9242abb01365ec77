"""`project(scenario)`: the pure model run, and the Projection it returns."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from types import MappingProxyType
from typing import TYPE_CHECKING

import numpy as np

from hkplanner.core.compute import project_compute
from hkplanner.core.fund import project_fund
from hkplanner.core.manufacturing import project_manufacturing
from hkplanner.core.rnd import project_rnd
from hkplanner.core.scenario import Scenario
from hkplanner.core.targets import TARGETS, TargetResult, evaluate
from hkplanner.core.timeline import FIRST_YEAR, IS_HISTORY, YEARS

if TYPE_CHECKING:
    import pandas as pd

# Every column of a projection: title and unit, in table order.
COLUMNS = MappingProxyType(
    {
        "capacity_total_pf": ("AI compute capacity", "PF"),
        "capacity_public_pf": ("Public AI compute", "PF"),
        "capacity_private_pf": ("Private AI compute", "PF"),
        "demand_pf": ("Demand for AI compute", "PF"),
        "compute_gap_pf": ("Demand not met by capacity", "PF"),
        "power_mw": ("Power for AI compute", "MW"),
        "capex_hkd_bn": ("Capital cost of compute, cumulative", "HK$ bn"),
        "fund_public_cum_hkd_bn": ("Venture fund public capital, cumulative", "HK$ bn"),
        "fund_private_cum_hkd_bn": ("Private co-investment, cumulative", "HK$ bn"),
        "fund_private_new_hkd_bn": ("Private co-investment in the year", "HK$ bn"),
        "startups_backed": ("Start-ups backed, cumulative", "start-ups"),
        "rnd_total_hkd_bn": ("R&D spending (GERD)", "HK$ bn"),
        "rnd_private_hkd_bn": ("Private (business) R&D", "HK$ bn"),
        "rnd_private_share_pct": ("Private share of R&D", "%"),
        "gdp_hkd_bn": ("GDP", "HK$ bn"),
        "mfg_share_gdp_pct": ("Manufacturing share of GDP", "% of GDP"),
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
    targets: tuple[TargetResult, ...]
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
    values = scenario.values
    compute = project_compute(values, scenario.phases)
    fund = project_fund(values)
    rnd = project_rnd(values, fund["fund_private_new_hkd_bn"])
    manufacturing, required_growth = project_manufacturing(values)
    full = {**compute, **fund, **rnd, **manufacturing}

    end_year = values["end_year"]
    stop = end_year - FIRST_YEAR + 1
    years = YEARS[:stop]
    series = {key: full[key][:stop] for key in COLUMNS}
    targets = tuple(
        evaluate(target, years, series[target.metric], target.due_year(values, end_year)) for target in TARGETS
    )
    return Projection(
        scenario=scenario,
        years=years,
        is_history=IS_HISTORY[:stop],
        series=MappingProxyType(series),
        phase_capacity_pf=full["phase_capacity_pf"][:, :stop],
        targets=targets,
        mfg_growth_required_pct=required_growth,
    )
